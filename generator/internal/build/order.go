package build

import (
	"sort"

	"github.com/educare-handbook/handbook/generator/internal/site"
)

// renderOrder lists pages language by language, the way the layouts render fastest (they
// are bound to one language at a time, see layout.Set), and within a language the long
// pages first: lists, the toolkit and the status page take up to a thousand times as long
// as an article, and one that started last would keep a core waiting for it.
func renderOrder(s *site.Site, pages []*site.Page) []*site.Page {
	langIndex := map[*site.Lang]int{}
	for i, l := range s.Languages {
		langIndex[l] = i
	}
	out := append([]*site.Page(nil), pages...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if langIndex[a.Lang] != langIndex[b.Lang] {
			return langIndex[a.Lang] < langIndex[b.Lang]
		}
		return listsMany(a) && !listsMany(b)
	})
	return out
}

// listsMany reports whether a page shows many other pages.
func listsMany(p *site.Page) bool {
	switch p.Kind {
	case site.KindToolkit, site.KindStatus, site.KindSection, site.KindTerm, site.KindSearch:
		return true
	}
	return false
}
