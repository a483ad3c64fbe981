package build

import (
	"path"
	"regexp"
	"strings"
)

// siteURLAttr finds attributes whose value is a site path ("/nl/gidsen/", "/assets/…"),
// not a protocol-relative address ("//host").
var siteURLAttr = regexp.MustCompile(`(\s(?:href|src|action|data-[a-z-]+)=")(/(?:[^/"][^"]*)?)"`)

var integrityAttr = regexp.MustCompile(`\s(?:integrity|data-integrity)="[^"]*"`)

// offlineHTML turns a page into one that works opened from disk (file://), as on a trainer's
// USB stick: every site path becomes relative to the page and names its index.html, since a
// browser shows a folder's listing, not its index, from disk; integrity values go, because a
// page from disk has no origin to check them against.
func offlineHTML(html []byte, outputPath string) []byte {
	depth := strings.Count(path.Dir(outputPath), "/") + 1
	if path.Dir(outputPath) == "." {
		depth = 0
	}
	up := strings.Repeat("../", depth)
	out := siteURLAttr.ReplaceAllFunc(html, func(m []byte) []byte {
		sub := siteURLAttr.FindSubmatch(m)
		return append(append(append([]byte{}, sub[1]...), []byte(relativeURL(string(sub[2]), up))...), '"')
	})
	return integrityAttr.ReplaceAll(out, nil)
}

// relativeURL makes "/nl/gidsen/?q=x#a" into up+"nl/gidsen/index.html?q=x#a".
func relativeURL(u, up string) string {
	rest := ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u, rest = u[:i], u[i:]
	}
	p := strings.TrimPrefix(u, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return up + p + rest
}
