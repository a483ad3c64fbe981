package site

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/unicode/norm"

	"github.com/educare-handbook/handbook/generator/internal/work"
)

// KindSearch is the search page of a language, /<lang>/<url.search>/.
const KindSearch = "search"

// AZGroup is the pages whose title starts with one letter, for the A–Z index of the
// search page (what a reader without JavaScript sees).
type AZGroup struct {
	Letter string
	Pages  []*Page
}

// addSearchPages makes a search page per language that lists every content page of that
// language, sorted by title in the language's alphabet.
func (s *Site) addSearchPages() {
	work.Each(len(s.Languages), func(i int) { // sorting is most of it, a language per core
		l := s.Languages[i]
		p := &Page{Kind: KindSearch, Lang: l, Title: label(l, "search.title"),
			URL: "/" + l.Code + "/" + label(l, "search.url") + "/", Breadcrumbs: []*Page{l.Home}}
		for _, q := range s.Pages {
			if q.Lang == l && q.Kind == KindPage {
				p.Pages = append(p.Pages, q)
			}
		}
		sortByTitle(p.Pages, collate.New(l.Tag(), collate.IgnoreCase))
		l.Search = p
	})
	for _, l := range s.Languages {
		s.Pages = append(s.Pages, l.Search)
	}
	for _, l := range s.Languages {
		for _, other := range s.Languages {
			if other != l {
				addOnce(l.Search, other.Search)
			}
		}
	}
}

// sortByTitle orders pages by title in a language's alphabet. Each title's collation key is
// made once: comparing titles one pair at a time made the key of both every time, most of
// the model step's single-core time at 10,000 pages.
func sortByTitle(pages []*Page, col *collate.Collator) {
	type keyed struct {
		key  []byte
		page *Page
	}
	var buf collate.Buffer
	ks := make([]keyed, len(pages))
	for i, p := range pages {
		ks[i] = keyed{col.KeyFromString(&buf, p.Title), p}
	}
	sort.SliceStable(ks, func(i, j int) bool { return bytes.Compare(ks[i].key, ks[j].key) < 0 })
	for i, k := range ks {
		pages[i] = k.page
	}
}

// AZ groups a search page's pages by the first letter of their title (without accents).
func (p *Page) AZ() []AZGroup {
	var out []AZGroup
	for _, q := range p.Pages {
		letter := initial(q.Title)
		if len(out) == 0 || out[len(out)-1].Letter != letter {
			out = append(out, AZGroup{Letter: letter})
		}
		out[len(out)-1].Pages = append(out[len(out)-1].Pages, q)
	}
	return out
}

func initial(title string) string {
	for _, r := range norm.NFD.String(title) {
		if unicode.IsLetter(r) {
			return strings.ToUpper(string(r))
		}
		if unicode.IsDigit(r) {
			return "#"
		}
	}
	return "#"
}
