package build

import (
	"sort"

	"github.com/educare-handbook/handbook/generator/internal/site"
)

// renderOrder lists pages language by language, the way the layouts render fastest (they
// are bound to one language at a time, see layout.Set), and within a language the longest
// pages first: lists, the toolkit and the status page take up to a thousand times as long
// as an article. One that started last would keep a core waiting for it, and one started in
// the middle of a small language's pages would make the other core wait at the next
// language, whose layouts it cannot bind while that page renders.
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
		return renderWeight(a) > renderWeight(b)
	})
	return out
}

// renderWeight ranks pages by how long they take to render: those that show every page of
// a language (or of all), then those that list a section's or a term's.
func renderWeight(p *site.Page) int {
	switch p.Kind {
	case site.KindToolkit, site.KindStatus, site.KindSearch:
		return 2
	case site.KindSection, site.KindTerm:
		return 1
	}
	return 0
}
