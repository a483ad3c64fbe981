package site

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/unicode/norm"
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
	for _, l := range s.Languages {
		p := &Page{Kind: KindSearch, Lang: l, Title: label(l, "search.title"),
			URL: "/" + l.Code + "/" + label(l, "search.url") + "/", Breadcrumbs: []*Page{l.Home}}
		for _, q := range s.Pages {
			if q.Lang == l && q.Kind == KindPage {
				p.Pages = append(p.Pages, q)
			}
		}
		col := collate.New(l.Tag(), collate.IgnoreCase)
		sort.SliceStable(p.Pages, func(i, j int) bool { return col.CompareString(p.Pages[i].Title, p.Pages[j].Title) < 0 })
		l.Search = p
		s.Pages = append(s.Pages, p)
	}
	for _, l := range s.Languages {
		for _, other := range s.Languages {
			if other != l {
				addOnce(l.Search, other.Search)
			}
		}
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
