package check

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// reachable follows every link of the built site from its root page, as a reader (or a
// search engine) would, and reports each page that no chain of links leads to.
func reachable(s *site.Site, out string, diags *diag.List) {
	seen := map[string]bool{"/": true}
	queue := []string{"/"}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		file := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u, "/")))
		if strings.HasSuffix(u, "/") {
			file = filepath.Join(file, "index.html")
		}
		if !strings.HasSuffix(file, ".html") {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			continue // a broken link; the build reports links in content, layouts are its job
		}
		for _, href := range links(data) {
			next, ok := resolve(s.BaseURL, u, href)
			if ok && !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	for _, p := range s.Pages {
		if p.Kind == site.Kind404 || seen[p.URL] {
			continue
		}
		if p.Source == nil {
			diags.Errorf("layouts", 0, "a layout that lists these pages may have lost its links",
				"no link on the site leads to the generated page %s", p.URL)
			continue
		}
		diags.Errorf(p.Source.Path, 0, "a page is reached from its section's list; check that the section's layout still lists every page and that the page is not hidden",
			"no link on the site leads to this page (%s)", p.URL)
	}
}

// links returns the href of every <a> of an HTML page.
func links(page []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "a" {
				continue
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "href" {
					out = append(out, string(v))
				}
			}
		}
	}
}

// resolve turns a link on page base into a site path without query or fragment; ok is
// false for links that leave the site. Absolute links to the site itself count as inside.
func resolve(site, base, href string) (string, bool) {
	if rest, ok := strings.CutPrefix(href, strings.TrimSuffix(site, "/")); ok && (rest == "" || strings.HasPrefix(rest, "/")) {
		href = rest
		if href == "" {
			href = "/"
		}
	}
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", false
	}
	p := u.Path
	if p == "" {
		return "", false // a fragment on the same page
	}
	if !strings.HasPrefix(p, "/") {
		p = path.Join(path.Dir(base+"x"), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	return p, true
}
