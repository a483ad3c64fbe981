package site

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
	"github.com/educare-handbook/handbook/generator/internal/markdown"
)

// Site is the whole model of one build.
type Site struct {
	BaseURL   string // absolute, with a trailing slash
	Languages []*Lang
	Pages     []*Page // every output page, in a stable order
	bySource  map[string]*Page
	byKey     map[string]map[string]*Page // content key → lang → page
	drafts    map[string]bool             // content files of draft pages left out
	broken    map[string]bool             // content files left out for their problems
	// orphans are the missing originals whose translations remain, by content file: links to
	// them say what became of them (renames.go).
	orphans map[string]orphan
}

// Lang is one language of the site with its entry points.
type Lang struct {
	*i18n.Language
	Home       *Page
	Sections   []*Page // section list pages, in navigation order
	Taxonomies []*Page // one list page per taxonomy (themes, audience, setting)
	Status     *Page   // the translation status page for editors
	NotFound   *Page
	Search     *Page // the search page, with the A–Z index of the language's pages
}

// Page kinds.
const (
	KindHome     = "home"
	KindSection  = "section"
	KindPage     = "page"
	KindTerm     = "term"
	KindTaxonomy = "taxonomy"
	KindStatus   = "status" // the editors' page with the translation table
	Kind404      = "404"
)

// Page is one output page.
type Page struct {
	Kind    string
	Type    string // content type of single pages: principle, guide, …
	Lang    *Lang
	Source  *content.Page // nil for generated pages
	Title   string
	Label   string // the short name in navigation and breadcrumbs (sections: from i18n)
	Summary string
	URL     string // site-relative, "/en/guides/asking-new-parents/"

	Section      *Page   // the section list this page belongs to
	Pages        []*Page // section and term pages: the pages listed
	Untranslated []*Page // section pages: pages that exist only in other languages …
	// … and what tells one such list from another (partialCached draws each list once)
	UntranslatedKey string
	Terms           []*Page // taxonomy pages: the term pages; single pages: the terms they carry
	Translations    []*Page // the same content in the other languages, in language order
	Original        *Page   // translations: the page in its original language
	Outdated        bool    // translations: the original changed after this translation was made
	Prev, Next      *Page
	Related         []*Page
	Breadcrumbs     []*Page
	Count           int     // term pages: how many pages carry the term
	Elsewhere       []*Page // term pages without pages of their own: the term where it has some

	Content  template.HTML // the rendered Markdown body
	Headings []markdown.Heading
	// Footnotes is the number of the page's notes (markdown.Doc.Footnotes).
	Footnotes int
	TOC       []*markdown.TOCEntry
	HasCode   bool // the page shows highlighted code (it then needs that stylesheet)

	questions bool               // a guide with a [!QUESTIONS] box: it has handouts
	Boxes     []markdown.BoxInfo // the boxes of the body, in order
	Sections  []markdown.Section // the body as plain text per heading, for search

	Taxonomy string // term and taxonomy pages: "themes", "audience", "setting"
	TermKey  string // term pages: "educare"
}

// Indexable reports whether search engines are offered the page (sitemap, hreflang): not a
// 404 page, nor a term page with no pages of its own, which only points elsewhere.
func (p *Page) Indexable() bool {
	return p.Kind != Kind404 && (p.Kind != KindTerm || p.Count > 0)
}

// Permalink is the absolute URL.
func (p *Page) Permalink(s *Site) string { return s.BaseURL + p.URL[1:] }

// OutputPath is where the page is written, relative to the output folder.
func (p *Page) OutputPath() string {
	if p.Kind == Kind404 {
		return p.URL[1:] + "404.html"
	}
	return p.URL[1:] + "index.html"
}

// Parent is the last page of the breadcrumbs: the trail to a page is its parent's trail and
// the parent, so the parent's URL names the trail (layouts draw each trail once).
func (p *Page) Parent() *Page {
	if len(p.Breadcrumbs) == 0 {
		return nil
	}
	return p.Breadcrumbs[len(p.Breadcrumbs)-1]
}

// NavKey says which entry of the main navigation is current on this page, and how: the
// navigation is drawn once per key (partialCached).
func (p *Page) NavKey() string {
	switch {
	case p.Kind == KindSection:
		return p.URL
	case p.Section != nil:
		return p.Section.URL + " within"
	}
	return ""
}

// Layout names the layout file that renders the page.
func (p *Page) Layout() string {
	switch p.Kind {
	case KindPage:
		return p.Type
	default:
		return p.Kind
	}
}

// Meta is the typed front matter (nil for generated pages).
func (p *Page) Meta() content.Meta {
	if p.Source == nil {
		return nil
	}
	return p.Source.Meta
}

// Common is the shared front matter (an empty one for generated pages).
func (p *Page) Common() *content.Common {
	if p.Source == nil {
		return &content.Common{}
	}
	return p.Source.Common()
}

// HasBox reports whether the body has a box of this kind ("IN-CONCRETO").
func (p *Page) HasBox(kind string) bool {
	for _, b := range p.Boxes {
		if b.Type == kind {
			return true
		}
	}
	return false
}

// LacksOriginal reports whether p is a translation without its original: one that is
// missing, a draft or left out for its problems, which the build reports. The layouts rely
// on a translation's Original, so such a page cannot be drawn as it will be.
func (p *Page) LacksOriginal() bool {
	return p.Original == nil && p.Source != nil && p.Source.Common().Translation != nil
}

// HasAnchor reports whether a link may point to #id on the page: a heading, or one of
// its footnotes and the references to them (#fn:2, #fnref:2).
func (p *Page) HasAnchor(id string) bool {
	// #fnref2:1 is the second reference to note 1.
	if ref, n, ok := strings.Cut(id, ":"); ok && (ref == "fn" || strings.HasPrefix(ref, "fnref") && strings.Trim(ref[len("fnref"):], "0123456789") == "") {
		if i, err := strconv.Atoi(n); err == nil && i >= 1 && i <= p.Footnotes && strconv.Itoa(i) == n {
			return true
		}
	}
	return p.HasHeading(id)
}

// HasHeading reports whether the page has a heading with this ID.
func (p *Page) HasHeading(id string) bool {
	for _, h := range p.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}
