package check

import (
	"net"
	"net/url"
	"regexp"
	"strings"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/markdown"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// hostLabel is one part of a host name: letters (any script) or digits, with inner hyphens.
var hostLabel = regexp.MustCompile(`^[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?$`)

// externalLinks checks the form of every http and https link without visiting it. The build
// has already refused other schemes and links without a host.
func externalLinks(s *site.Site, diags *diag.List) {
	md := markdown.New(markdown.Options{BoxLabel: func(_, kind string) string { return kind }})
	for _, p := range s.Pages {
		src := p.Source
		if src == nil {
			continue
		}
		doc := md.Parse(src.Body, src.Lang)
		for _, l := range doc.Links {
			u, err := url.Parse(l.Dest)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				continue
			}
			line := src.BodyLine + l.Line - 1
			if msg, hint := externalProblem(u); msg != "" {
				diags.Errorf(src.Path, line, hint, "external link %q %s", l.Dest, msg)
			} else if u.Scheme == "http" {
				diags.Warnf(src.Path, line, "write https:// if the site offers it; browsers warn readers on http pages",
					"external link %q uses http", l.Dest)
			}
		}
	}
}

// externalProblem says what is wrong with an absolute link, or "".
func externalProblem(u *url.URL) (msg, hint string) {
	host := u.Hostname()
	if u.User != nil {
		return "contains a user name or password", "remove the part before @ in the address"
	}
	if ip := net.ParseIP(host); ip != nil {
		if ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsLinkLocalUnicast() {
			return "points to a local address", "link to the page's public address; readers cannot open addresses on your own computer or network"
		}
		return "", ""
	}
	lower := strings.ToLower(host)
	if lower == "localhost" || strings.HasSuffix(lower, ".localhost") || strings.HasSuffix(lower, ".local") {
		return "points to a local address", "link to the page's public address; readers cannot open addresses on your own computer or network"
	}
	labels := strings.Split(strings.TrimSuffix(lower, "."), ".")
	for _, l := range labels {
		if !hostLabel.MatchString(l) {
			return "has an invalid host name " + quote(host), "check the address for typos: a host name is words of letters, digits and hyphens joined by dots, such as www.vlaanderen.be"
		}
	}
	if len(labels) < 2 {
		return "has a host name without a domain " + quote(host), "write the full address, such as https://www.vlaanderen.be/"
	}
	if tld := labels[len(labels)-1]; len([]rune(tld)) < 2 || strings.Trim(tld, "0123456789") == "" {
		return "has a host name without a valid top-level domain " + quote(host), "write the full address, such as https://www.vlaanderen.be/"
	}
	return "", ""
}

func quote(s string) string { return `"` + s + `"` }
