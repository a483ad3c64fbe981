package build

import (
	"html/template"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/markdown"
	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/work"
)

// renderMarkdown parses each page, resolves its links against the model and renders it, all
// in one pass per page, so that a page's syntax tree is garbage as soon as its HTML exists.
// Links to headings of other pages are checked at the end, when every page has its headings.
func (m *Model) renderMarkdown(diags *diag.List) {
	pages := m.site.Pages
	anchors := make([][]site.AnchorCheck, len(pages))
	work.Each(len(pages), func(i int) {
		p := pages[i]
		if p.Source == nil {
			return
		}
		body, checks := m.renderBody(p, p.Source, diags)
		anchors[i] = checks
		if body != nil {
			body.apply(p)
		}
		if m.opts.oneShot {
			p.Source.Body = nil
		}
	})
	m.anchors = anchors
	var all []site.AnchorCheck
	for _, a := range anchors {
		all = append(all, a...)
	}
	site.CheckAnchors(all, diags)
}

// pageBody is what the Markdown of one page gives its page.
type pageBody struct {
	content  template.HTML
	headings []markdown.Heading
	toc      []*markdown.TOCEntry
	hasCode  bool
	boxes    []markdown.BoxInfo
	sections []markdown.Section
	notes    int
}

// renderBody renders src, the content file of p, with its links resolved; it returns nil
// when the Markdown cannot be rendered, and the page's links to headings for CheckAnchors.
func (m *Model) renderBody(p *site.Page, src *content.Page, diags *diag.List) (*pageBody, []site.AnchorCheck) {
	var anchors []site.AnchorCheck
	doc := m.md.Parse(src.Body, src.Lang)
	for _, pr := range doc.Problems {
		diags.Errorf(src.Path, src.BodyLine+pr.Line-1, pr.Hint, "%s", pr.Message)
	}
	for _, h := range doc.Headings {
		// A generated ID steps around the layouts' IDs (see ReservedIDs): this one was written.
		if m.layoutIDs[h.ID] {
			diags.Errorf(src.Path, src.BodyLine+h.Line-1, "give the heading another ID: ## Title {#another-id}",
				`heading ID #%s is also an ID the layouts write (id="%s")`, h.ID, h.ID)
		}
	}
	for _, l := range doc.Links {
		line := src.BodyLine + l.Line - 1
		dest, check, problems := m.site.ResolveLink(p, l.Dest, l.IsImage, l.Alt, m.assets.linkProblem)
		for _, pr := range problems {
			diags.Errorf(src.Path, line, pr.Hint, "%s", pr.Message)
		}
		if check != nil {
			check.Line = line
			anchors = append(anchors, *check)
		}
		l.SetDest(dest)
	}
	raw, err := m.md.AppendRender(m.bodyBuffers.get(), doc)
	var html string
	if err == nil {
		html, err = minifyHTMLString(m.pageMini, raw)
		m.bodyBuffers.put(raw)
	}
	if err != nil {
		diags.Errorf(src.Path, 0, "", "rendering Markdown: %v", err)
		return nil, anchors
	}
	return &pageBody{content: template.HTML(html), headings: doc.Headings, toc: doc.TOC(), hasCode: doc.HasCode, boxes: doc.Boxes, sections: doc.Sections(), notes: doc.Footnotes}, anchors
}

func (b *pageBody) apply(p *site.Page) {
	p.Content = b.content
	p.Headings = b.headings
	p.Footnotes = b.notes
	p.TOC = b.toc
	p.HasCode = b.hasCode
	p.Boxes = b.boxes
	p.Sections = b.sections
}
