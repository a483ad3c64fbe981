package site

import (
	"maps"
	"slices"

	"github.com/educare-handbook/handbook/generator/internal/i18n"
)

// buildTaxonomies makes, per language, a list page per taxonomy and a page per term (every
// term of the vocabulary, so a term's page exists even before a page uses it).
func (s *Site) buildTaxonomies(cat *i18n.Catalog) {
	for _, l := range s.Languages {
		for _, tax := range Taxonomies {
			ns := TermNamespace(tax)
			list := &Page{Kind: KindTaxonomy, Lang: l, Taxonomy: tax, Title: label(l, "taxonomy."+tax),
				URL: "/" + l.Code + "/" + label(l, "url."+tax) + "/"}
			terms := map[string]*Page{}
			keys := slices.Sorted(maps.Keys(cat.Vocabulary(ns)))
			for _, key := range keys {
				t := &Page{Kind: KindTerm, Lang: l, Taxonomy: tax, TermKey: key, Section: list,
					Title: label(l, ns+"."+key), URL: list.URL + key + "/"}
				terms[key] = t
				list.Terms = append(list.Terms, t)
			}
			for _, p := range s.Pages {
				if p.Lang != l || p.Kind != KindPage {
					continue
				}
				for _, key := range termsOf(p, tax) {
					if t := terms[key]; t != nil {
						t.Pages = append(t.Pages, p)
						p.Terms = append(p.Terms, t)
					}
				}
			}
			for _, t := range list.Terms {
				t.Count = len(t.Pages)
			}
			l.Taxonomies = append(l.Taxonomies, list)
			s.Pages = append(s.Pages, list)
			s.Pages = append(s.Pages, list.Terms...)
		}
	}
	// Term pages of one key are translations of each other.
	for _, l := range s.Languages {
		for _, other := range s.Languages {
			if other == l {
				continue
			}
			for j, list := range l.Taxonomies {
				olist := other.Taxonomies[j]
				addOnce(list, olist)
				for k, t := range list.Terms {
					addOnce(t, olist.Terms[k])
				}
			}
		}
	}
	// A language with few pages of its own (da, fr) has terms none of its pages carry: their
	// pages point to the languages that have some.
	for _, l := range s.Languages {
		for _, list := range l.Taxonomies {
			for _, t := range list.Terms {
				if t.Count > 0 {
					continue
				}
				for _, other := range t.Translations {
					if other.Count > 0 {
						t.Elsewhere = append(t.Elsewhere, other)
					}
				}
			}
		}
	}
}

func termsOf(p *Page, tax string) []string {
	c := p.Common()
	switch tax {
	case "themes":
		return c.Themes
	case "audience":
		return c.Audience
	case "setting":
		return c.Setting
	}
	return nil
}
