package build

import (
	"html/template"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// renderMarkdown parses each page, resolves its links against the model and renders it, all
// in one pass per page, so that a page's syntax tree is garbage as soon as its HTML exists.
// Links to headings of other pages are checked at the end, when every page has its headings.
func (m *Model) renderMarkdown(diags *diag.List) {
	pages := m.site.Pages
	anchors := make([][]site.AnchorCheck, len(pages))
	parallel(len(pages), func(i int) {
		p := pages[i]
		if p.Source == nil {
			return
		}
		src := p.Source
		doc := m.md.Parse(src.Body, src.Lang)
		for _, pr := range doc.Problems {
			diags.Errorf(src.Path, src.BodyLine+pr.Line-1, pr.Hint, "%s", pr.Message)
		}
		for _, l := range doc.Links {
			line := src.BodyLine + l.Line - 1
			dest, check, problems := m.site.ResolveLink(p, l.Dest, l.IsImage, l.Alt, m.assets.exists)
			for _, pr := range problems {
				diags.Errorf(src.Path, line, pr.Hint, "%s", pr.Message)
			}
			if check != nil {
				check.Line = line
				anchors[i] = append(anchors[i], *check)
			}
			l.SetDest(dest)
		}
		html, err := m.md.Render(doc)
		if err != nil {
			diags.Errorf(src.Path, 0, "", "rendering Markdown: %v", err)
			return
		}
		p.Content = template.HTML(html)
		p.Headings = doc.Headings
		p.TOC = doc.TOC()
		p.HasCode = doc.HasCode
	})
	var all []site.AnchorCheck
	for _, a := range anchors {
		all = append(all, a...)
	}
	site.CheckAnchors(all, diags)
}
