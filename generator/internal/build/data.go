package build

import (
	"html/template"
	"strings"

	"github.com/educare-handbook/handbook/generator/internal/site"
)

// PageData is what a layout receives: everything prepared, nothing to compute.
type PageData struct {
	Site      *site.Site
	Lang      *site.Lang
	Page      *site.Page
	Permalink string
	// Description is the page's summary, or the site's tagline for the pages made without
	// one (lists, terms, search): search engines show it under the title.
	Description string
	SourceLine  string      // where the page's facts come from: "Parent–school collaboration book, 2.1"
	Alternates  []Alternate // hreflang links in the head, in language order: …
	// … the same list on every version of the page, so the layouts draw it once for all of
	// them (partialCached, keyed by AlternatesKey: every language and address in it)
	AlternatesKey string
	Switcher      []SwitchItem // the language switcher: the complete languages inline …
	More          []SwitchItem // … and the partial ones behind "more languages"
	MoreKey       string       // what tells one "more languages" list from another (partialCached)
	NoIndex       bool
	Languages     []*site.Lang      // root page: every language
	Edit          *Edit             // pages made from a content file: where to edit it, when it changed
	Report        []site.LangReport // the status page: the translation table of every language
	OwnReport     *site.LangReport  // … and the pages to work on in the page's language
	Print         *PrintData        // guides, the toolkit and handouts: see print.go
}

// Alternate is one hreflang link.
type Alternate struct {
	Lang string
	Href string
}

// SwitchItem is one entry of the language switcher: the same page in that language, or,
// when it has no translation there, that language's home page.
type SwitchItem struct {
	Code       string
	Name       string
	Dir        string
	URL        string
	Current    bool
	Translated bool
	Partial    bool // a language with only some pages: listed under "more languages"
	// Missing says, in the page's language, that the page is not in this one ("not
	// translated yet"); empty when it is, or for the page's own language. Given here rather
	// than read by the partial, the entry reads no UI string, so one drawing of a
	// translation's entry serves the page in every other language.
	Missing string
	// Key tells one drawing of the entry from another (partialCached): the entry of the
	// page's own language names no address, so it is drawn once per language.
	Key string
}

func (m *Model) pageData(p *site.Page) *PageData {
	s := m.site
	d := &PageData{Site: s, Lang: p.Lang, Page: p, Permalink: p.Permalink(s), Description: p.Summary,
		SourceLine: sourceLine(p), NoIndex: m.opts.NoIndex, Edit: m.edit(p)}
	if d.Description == "" {
		d.Description = t(p.Lang, "site.tagline")
	}
	if p.Kind == site.KindStatus {
		d.Report = m.translationReport()
		for i := range d.Report {
			if d.Report[i].Lang == p.Lang {
				d.OwnReport = &d.Report[i]
			}
		}
	}
	switch {
	case p.Kind == site.Kind404:
		// Shown at whatever address was not found: it has no address of its own to name,
		// and nothing to index.
		d.Permalink, d.NoIndex = "", true
	case !p.Indexable():
		d.NoIndex = true
	default:
		d.Alternates, d.AlternatesKey = alternates(s, p)
	}
	d.Print = m.printData(p)
	for _, l := range s.Languages {
		item := SwitchItem{Code: l.Code, Name: l.Name, Dir: l.Dir, Current: l == p.Lang, Partial: l.Partial && l != p.Lang}
		if t := s.Translation(p, l.Code); t != nil && p.Kind != site.Kind404 {
			item.URL, item.Translated = t.URL, true
		} else {
			// A 404 page is in every language; the way on from it is the language's home.
			item.URL, item.Translated = l.Home.URL, p.Kind == site.Kind404
		}
		item.Key = l.Code
		if !item.Current {
			item.Key += " " + item.URL
			if !item.Translated {
				item.Missing = t(p.Lang, "translation.missing")
				item.Key += " (missing: " + item.Missing + ")"
			}
		}
		if item.Partial {
			d.More = append(d.More, item)
			d.MoreKey += item.URL // the language's home, or this page there
			if !item.Translated {
				d.MoreKey += " (missing)"
			}
			d.MoreKey += " "
		} else {
			d.Switcher = append(d.Switcher, item)
		}
	}
	return d
}

func (m *Model) templateFuncs() template.FuncMap {
	return template.FuncMap{
		"asset":     func(name string) (string, error) { return m.assets.url(name) },
		"integrity": func(name string) (string, error) { return m.assets.integrity(name) },
	}
}

// translationReport is the site's translation table, made on first use.
func (m *Model) translationReport() []site.LangReport {
	if r := m.report.Load(); r != nil {
		return *r
	}
	r := m.site.TranslationReport()
	m.report.Store(&r)
	return r
}

// alternates lists p and its indexable translations in language order, with a key naming
// them all.
func alternates(s *site.Site, p *site.Page) ([]Alternate, string) {
	var out []Alternate
	var key strings.Builder
	for _, l := range s.Languages {
		v := s.Translation(p, l.Code)
		if v == nil || !v.Indexable() {
			continue
		}
		a := Alternate{Lang: l.Code, Href: v.Permalink(s)}
		out = append(out, a)
		key.WriteString(a.Lang + "=" + a.Href + " ")
	}
	return out, key.String()
}
