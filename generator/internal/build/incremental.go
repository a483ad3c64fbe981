package build

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"testing/fstest"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/work"
)

// change is one page whose body changed, with what it was, to put back on failure.
type change struct {
	page   *site.Page
	src    *content.Page
	body   *pageBody
	checks []site.AnchorCheck
	old    pageBody
	oldS   *content.Page
	oldA   []site.AnchorCheck
}

// UpdateBodies brings the model up to date with content files whose body changed and whose
// front matter did not, and returns the output files that changed (path in the output
// folder → bytes). Besides those pages only the printed collections show a body (see
// Collections): lists, cards, navigation and translations come from front matter alone.
//
// handled is false when the change is more than that (a new, deleted or renamed file, a
// changed front matter): the caller must then build the whole site. When the new text has
// problems they are in res.Diags, err is non-nil and the model is left as it was, so it
// still describes the last good site. The search index and other whole-site files are
// not refreshed; they follow at the next full build. An edit that makes a translation
// outdated (or up to date again) is not handled here: it shows on other pages.
func (m *Model) UpdateBodies(fsys fs.FS, paths []string, res *Result) (files map[string][]byte, handled bool, err error) {
	diags := res.Diags
	index := map[*site.Page]int{}
	for i, p := range m.site.Pages {
		index[p] = i
	}
	var changes []*change
	for _, path := range paths {
		p := m.site.ByPath(path)
		if p == nil {
			return nil, false, nil
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return nil, false, nil
		}
		var loadDiags diag.List
		loaded := content.Load(fstest.MapFS{path: {Data: data}}, m.content, &loadDiags)
		if loadDiags.HasErrors() {
			// Problems in front matter: report them, keep the last good model.
			diags.Merge(&loadDiags)
			return nil, true, diags.Err()
		}
		if len(loaded) != 1 || !reflect.DeepEqual(loaded[0].Meta, p.Source.Meta) {
			return nil, false, nil
		}
		if outdatedChanges(p, loaded[0]) || site.QuestionsChange(p, loaded[0].Body) {
			return nil, false, nil
		}
		changes = append(changes, &change{page: p, src: loaded[0]})
	}
	for _, c := range changes {
		c.body, c.checks = m.renderBody(c.page, c.src, diags)
		if c.body == nil {
			return nil, true, diags.Err()
		}
	}
	if diags.HasErrors() {
		return nil, true, diags.Err()
	}
	// Apply, then check every link to a heading: another page may link to a heading that
	// this edit removed.
	for _, c := range changes {
		i := index[c.page]
		c.old = pageBody{content: c.page.Content, headings: c.page.Headings, toc: c.page.TOC, hasCode: c.page.HasCode, boxes: c.page.Boxes, sections: c.page.Sections, notes: c.page.Footnotes}
		c.oldS, c.oldA = c.page.Source, m.anchors[i]
		c.body.apply(c.page)
		c.page.Source = c.src
		m.anchors[i] = c.checks
	}
	var all []site.AnchorCheck
	for _, a := range m.anchors {
		all = append(all, a...)
	}
	site.CheckAnchors(all, diags)
	if diags.HasErrors() {
		for _, c := range changes {
			c.old.apply(c.page)
			c.page.Source = c.oldS
			m.anchors[index[c.page]] = c.oldA
		}
		return nil, true, diags.Err()
	}
	pages := make([]*site.Page, len(changes))
	for i, c := range changes {
		pages[i] = c.page
	}
	m.layouts.Forget()
	m.questions.Clear()
	m.report.Store(nil)
	files, err = m.Render(pages)
	if err != nil {
		// A layout that rendered this page before cannot fail now unless it depends on the
		// body; let a full build report it with its usual context.
		return nil, false, nil
	}
	return files, true, nil
}

// Collections lists the printed collections that show the bodies of the content files in
// paths (a language's toolkit, a guide's handouts): after UpdateBodies they are out of date.
// They take far longer to render than a page (the toolkit holds every guide of a language),
// so a caller can serve the edited pages first and Render these when they are asked for.
func (m *Model) Collections(paths []string) []*site.Page {
	changed := map[*site.Page]bool{}
	for _, path := range paths {
		if p := m.site.ByPath(path); p != nil {
			changed[p] = true
		}
	}
	var out []*site.Page
	for _, p := range m.site.Pages {
		if p.Kind != site.KindToolkit && p.Kind != site.KindHandout {
			continue
		}
		for _, q := range p.Pages {
			if changed[q] {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// Render runs the layouts of pages of the model, in parallel, as the full build does, and
// returns their files by path in the output folder. A drawing that passes the build's time
// limit is an error, and the model is not to be used again: the drawing goes on, and holds
// the layouts bound to its language (serve builds the whole site then, with a new model).
func (m *Model) Render(pages []*site.Page) (map[string][]byte, error) {
	pages = renderOrder(m.site, pages)
	files := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }() // a panic fails the render, as in the build
		work.Each(len(pages), func(i int) {
			files[i], errs[i] = m.layouts.RenderPage(nil, pages[i].Lang.Code, pages[i].Layout(), m.pageData(pages[i]), sourceOf(pages[i]))
		})
	}()
	limit := m.opts.limit()
	panicked, d, late := waitWatched(done, m.opts.watch, limit, func() bool { return true })
	if late {
		diags := &diag.List{}
		reportOverdue(diags, d, limit)
		return nil, errors.New(diags.Items()[0].String())
	}
	if panicked != nil {
		return nil, fmt.Errorf("internal error, please report it with the input that caused it: %v", panicked)
	}
	out := map[string][]byte{}
	for i, p := range pages {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", p.URL, errs[i])
		}
		out[p.OutputPath()] = files[i]
	}
	return out, nil
}

// outdatedChanges reports whether the new body of an original makes one of its stamped
// translations outdated, or up to date again: that shows on other pages (the translation's
// notice, the status report), so the whole site must be built.
func outdatedChanges(p *site.Page, src *content.Page) bool {
	hash := ""
	for _, t := range p.Translations {
		if t.Original != p || t.Source == nil || t.Source.Common().Translation == nil || t.Source.Common().Translation.Hash == "" {
			continue
		}
		if hash == "" {
			hash = content.BodyHash(src.Body)
		}
		if (t.Source.Common().Translation.Hash != hash) != t.Outdated {
			return true
		}
	}
	return false
}
