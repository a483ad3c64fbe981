package build

import (
	"bytes"
	"encoding/xml"

	"github.com/educare-handbook/handbook/generator/internal/site"
)

// sitemap lists every indexable page with its indexable translations as hreflang
// alternates (the same list as in the page's head).
func sitemap(s *site.Site) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range s.Pages {
		if !p.Indexable() {
			continue
		}
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(p.Permalink(s)))
		b.WriteString("</loc>")
		if alts, _ := alternates(s, p); len(alts) > 1 {
			for _, a := range alts {
				b.WriteString(`<xhtml:link rel="alternate" hreflang="` + a.Lang + `" href="`)
				xml.EscapeText(&b, []byte(a.Href))
				b.WriteString(`"/>`)
			}
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func robots(s *site.Site, noIndex bool) []byte {
	if noIndex {
		// Crawlers may come in, to read the noindex on every page: a page they may not
		// fetch can still be indexed, by its address alone, when another site links it.
		return []byte("# Not the published site (a deploy preview or a branch deploy): every page asks not to be indexed.\nUser-agent: *\nAllow: /\n")
	}
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.BaseURL + "sitemap.xml\n")
}
