package build

import (
	"os"
	"strings"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/markdown"
	"github.com/educare-handbook/handbook/generator/internal/search"
	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/work"
)

// writeSearch writes each language's search index into search/<lang>/, the languages in
// parallel. HANDBOOK_SEARCH=off leaves the index out, to measure what it costs
// (generator/bench/search.sh).
func (m *Model) writeSearch(out *output) error {
	if os.Getenv("HANDBOOK_SEARCH") == "off" {
		return nil
	}
	syn := synonyms(m.site)
	langs := m.site.Languages
	errs := make([]error, len(langs))
	work.Each(len(langs), func(i int) {
		l := langs[i]
		idx := search.Build(searchPages(m.site, l), search.Options{Lang: l.Code, Synonyms: syn})
		for name, data := range idx.Files() {
			if err := out.write("search/"+l.Code+"/"+name, data); err != nil {
				errs[i] = err
				return
			}
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// synonyms collects the synonym groups of every glossary page, in every language.
func synonyms(s *site.Site) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, p := range s.Pages {
		if bg, ok := p.Meta().(*content.Background); ok {
			for _, g := range bg.Synonyms {
				if key := strings.Join(g, "\x00"); !seen[key] {
					seen[key] = true
					out = append(out, g)
				}
			}
		}
	}
	return out
}

// searchPages is the searchable text of a language's content pages and section intros:
// no navigation, lists or footer.
func searchPages(s *site.Site, l *site.Lang) []search.Page {
	var out []search.Page
	for _, p := range s.Pages {
		if p.Lang != l || p.Source == nil || (p.Kind != site.KindPage && p.Kind != site.KindSection) {
			continue
		}
		c := p.Common()
		sp := search.Page{URL: p.URL, Title: p.Title, Type: p.Type, Summary: p.Summary,
			Themes: c.Themes, Audience: c.Audience, Sections: searchSections(p.Sections)}
		// The type filter offers the sections, so a page's filter key is its section.
		if p.Kind == site.KindSection {
			sp.TypeLabel = p.Label
		} else {
			sp.Type = p.Section.Type
			sp.TypeLabel = t(l, "type."+p.Type)
		}
		sp.Labels = sp.TypeLabel
		for _, k := range c.Themes {
			sp.Labels += " " + t(l, "theme."+k)
		}
		for _, k := range c.Audience {
			sp.Labels += " " + t(l, "audience."+k)
		}
		if extra := metaText(p.Meta()); extra != "" {
			if len(sp.Sections) == 0 || sp.Sections[0].Anchor != "" {
				sp.Sections = append([]search.Section{{}}, sp.Sections...)
			}
			sp.Sections[0].Text = strings.TrimSpace(extra + " " + sp.Sections[0].Text)
		}
		out = append(out, sp)
	}
	return out
}

// metaText is front matter shown on the page as text: a guide's purpose, an anchor point's
// recommendation, a case's place and setting.
func metaText(m content.Meta) string {
	switch x := m.(type) {
	case *content.Guide:
		return x.Purpose + " " + x.Participants
	case *content.Anchor:
		return x.InConcreto
	case *content.Case:
		return x.Place + " " + x.Institution + " " + x.Facilitators
	}
	return ""
}

func t(l *site.Lang, key string) string {
	if s, err := l.T(key); err == nil {
		return s
	}
	return ""
}

// searchSections hands the body's text to the index; the strings are shared, not copied.
func searchSections(secs []markdown.Section) []search.Section {
	out := make([]search.Section, len(secs))
	for i, s := range secs {
		out[i] = search.Section{Anchor: s.Anchor, Heading: s.Heading, Text: s.Text}
	}
	return out
}
