package site

import (
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/content"
)

// page is a content page of one section for the related-pages tests, named by its title.
func relatedPage(title, typ string, themes, audience string) *Page {
	meta := &content.Guide{}
	meta.Themes = strings.Fields(themes)
	meta.Audience = strings.Fields(audience)
	return &Page{Title: title, Type: typ, Source: &content.Page{Meta: meta}}
}

// Related pages share most themes, then an audience, then are of another type; ties go to
// the page met first; never the page itself, its neighbours in the section, or a page that
// shares no theme; at most four.
func TestRelatedPagesShareMostThemesFirst(t *testing.T) {
	guides := []*Page{
		relatedPage("self", "guide", "a b", "teachers"),
		relatedPage("next", "guide", "a b", "teachers"), // the neighbour: left out
		relatedPage("a only", "guide", "a", "leaders"),
		relatedPage("a b, guide", "guide", "a b", "leaders"),
		relatedPage("nothing shared", "guide", "d", "teachers"),
	}
	cases := []*Page{
		relatedPage("a b, case, teachers", "case", "a b", "teachers"),
		relatedPage("b, case", "case", "b", "leaders"),
		relatedPage("a b, case", "case", "a b", "leaders"),
		relatedPage("a, case, teachers", "case", "a c", "teachers"),
	}
	l := &Lang{Sections: []*Page{{Pages: guides}, {Pages: cases}}}
	linkPrevNext(guides)
	linkPrevNext(cases)
	s := &Site{Languages: []*Lang{l}}
	s.linkRelated()
	var got []string
	for _, r := range guides[0].Related {
		got = append(got, r.Title)
	}
	want := []string{"a b, case, teachers", "a b, case", "a b, guide", "a, case, teachers"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("related of %q:\n got %q\nwant %q", guides[0].Title, got, want)
	}
	if len(guides[4].Related) != 0 {
		t.Errorf("a page sharing its theme with no one lists %d related", len(guides[4].Related))
	}
}
