package site

import (
	"iter"
	"math/bits"
	"sort"

	"github.com/educare-handbook/handbook/generator/internal/work"
)

// maxRelated is how many related pages a page lists.
const maxRelated = 4

// linkRelated picks, for each page, the pages of its language that share most themes (then
// an audience), skipping the page itself and its neighbours in the section. Themes and
// audiences become bit sets first: the scoring is then a few integer operations per pair,
// which keeps 10,000 pages fast.
func (s *Site) linkRelated() {
	for _, l := range s.Languages {
		var pages []*Page
		for _, sec := range l.Sections {
			pages = append(pages, sec.Pages...)
		}
		themes, audience := bitsets(pages, func(p *Page) []string { return p.Common().Themes }),
			bitsets(pages, func(p *Page) []string { return p.Common().Audience })
		// Only pages that share a theme can be related: each page reads the lists of its
		// own themes instead of every page of the language (a fifth of them at 10,000).
		var byTheme [64][]int
		for j, set := range themes {
			for s := set; s != 0; s &= s - 1 {
				b := bits.TrailingZeros64(s)
				byTheme[b] = append(byTheme[b], j)
			}
		}
		// Each page's choice reads the bit sets and writes only its own list: the pages are
		// shared out between the cores (a tenth of the model step at 10,000 pages).
		work.Each(len(pages), func(i int) {
			p := pages[i]
			if themes[i] == 0 {
				return
			}
			var best []int // indexes of the best candidates so far, best first
			score := func(j int) int {
				sc := 2 * bits.OnesCount64(themes[i]&themes[j])
				if audience[i]&audience[j] != 0 {
					sc++
				}
				if pages[j].Type != p.Type {
					sc++ // a guide is better served by a case than by another guide
				}
				return sc
			}
			// No page can score more than sharing every theme and an audience, in another
			// type; once four do, no later page can take their place (ties keep the first).
			top := 2*bits.OnesCount64(themes[i]) + 1
			if audience[i] != 0 {
				top++
			}
			for j := range sharing(&byTheme, themes[i]) {
				if len(best) == maxRelated && score(best[maxRelated-1]) == top {
					break
				}
				if q := pages[j]; j == i || q == p.Prev || q == p.Next {
					continue
				}
				sc := score(j)
				if len(best) == maxRelated && sc <= score(best[maxRelated-1]) {
					continue
				}
				at := sort.Search(len(best), func(k int) bool { return sc > score(best[k]) })
				best = append(best, 0)
				copy(best[at+1:], best[at:])
				best[at] = j
				if len(best) > maxRelated {
					best = best[:maxRelated]
				}
			}
			for _, j := range best {
				p.Related = append(p.Related, pages[j])
			}
		})
	}
}

// sharing yields, in page order and once each, the pages that have at least one of the
// themes in set: the lists of those themes, merged.
func sharing(byTheme *[64][]int, set uint64) iter.Seq[int] {
	return func(yield func(int) bool) {
		var room [8][]int
		lists := room[:0]
		for s := set; s != 0; s &= s - 1 {
			lists = append(lists, byTheme[bits.TrailingZeros64(s)])
		}
		for {
			next := -1
			for _, l := range lists {
				if len(l) > 0 && (next < 0 || l[0] < next) {
					next = l[0]
				}
			}
			if next < 0 {
				return
			}
			for k, l := range lists {
				if len(l) > 0 && l[0] == next {
					lists[k] = l[1:]
				}
			}
			if !yield(next) {
				return
			}
		}
	}
}

// bitsets gives each page a bit per term (the first 64 terms in order of appearance).
func bitsets(pages []*Page, terms func(*Page) []string) []uint64 {
	index := map[string]int{}
	out := make([]uint64, len(pages))
	for i, p := range pages {
		for _, t := range terms(p) {
			b, ok := index[t]
			if !ok {
				b = len(index)
				index[t] = b
			}
			if b < 64 {
				out[i] |= 1 << b
			}
		}
	}
	return out
}
