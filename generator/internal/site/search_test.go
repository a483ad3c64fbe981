package site

import (
	"sort"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The search page's A–Z list follows the language's alphabet (Danish puts Å after Z),
// ignores case, and keeps titles that compare equal in the order they came.
func TestTitlesSortInTheLanguagesAlphabet(t *testing.T) {
	titles := []string{"Zebra", "Åben", "abe", "Ørn", "Æble", "Abe", "çocuk", "Cadeau", "Dag"}
	for _, tag := range []language.Tag{language.Danish, language.English, language.Turkish, language.Dutch} {
		pages := make([]*Page, len(titles))
		for i, title := range titles {
			pages[i] = &Page{Title: title}
		}
		col := collate.New(tag, collate.IgnoreCase)
		want := append([]*Page(nil), pages...)
		sort.SliceStable(want, func(i, j int) bool { return col.CompareString(want[i].Title, want[j].Title) < 0 })
		sortByTitle(pages, collate.New(tag, collate.IgnoreCase))
		for i := range pages {
			if pages[i] != want[i] {
				t.Fatalf("%s: position %d is %q, want %q", tag, i, pages[i].Title, want[i].Title)
			}
		}
		if tag == language.Danish && pages[len(pages)-1].Title != "Åben" {
			t.Errorf("Danish: Å is not the last letter: %q", pages[len(pages)-1].Title)
		}
		if pages[0].Title != "abe" || pages[1].Title != "Abe" {
			t.Errorf("%s: equal titles changed order: %q, %q", tag, pages[0].Title, pages[1].Title)
		}
	}
}
