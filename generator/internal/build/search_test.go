package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/search"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// TestSearchRealContent is the smoke test over content/: queries editors and readers use,
// with the page that must come first.
func TestSearchRealContent(t *testing.T) {
	m, err := Load(os.DirFS(sitetest.RepoRoot(t)), Options{BaseURL: "http://127.0.0.1/"}, &Result{Diags: &diag.List{}})
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]*search.Index{}
	for _, l := range m.site.Languages {
		idx[l.Code] = search.Build(searchPages(m.site, l), search.Options{Lang: l.Code, Synonyms: synonyms(m.site)})
	}
	for _, c := range []struct{ lang, q, want string }{
		{"en", "child-free hours", "/en/conditions/child-free-hours/"},
		{"en", "facilitater", "/en/conditions/facilitator-safe-space/"},
		{"en", "schoolification", "/en/conditions/curriculum-care-and-learning/"},
		{"nl", "ouders bevragen", "/nl/gidsen/waarom-ouders-bevragen/"},
		{"nl", "kindvrije uren", "/nl/voorwaarden/kindvrije-uren/"},
		{"nl", "verschoolsing", "/nl/voorwaarden/leerplan-zorg-en-leren/"},
	} {
		rs := idx[c.lang].Search(c.q, false)
		if len(rs) == 0 {
			t.Errorf("%s %q: nothing found", c.lang, c.q)
			continue
		}
		if got := idx[c.lang].Pages[rs[0].Page].URL; !strings.HasPrefix(got, c.want) {
			t.Errorf("%s %q: first result %s, want %s", c.lang, c.q, got, c.want)
		}
	}
}

func TestBuildWritesSearch(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	contains(t, dir, "en/guides/asking-parents/index.html",
		`<form class="site-search" role="search" action="/en/search/"`, // the box on every page
		`data-search-lang="en"`,
	)
	contains(t, dir, "en/search/index.html",
		`id="search-results"`,
		`<h3 id="az-A">A</h3>`, // the A–Z index, for readers without JavaScript
		`<a href="/en/guides/asking-parents/">Asking parents</a>`,
		`<h3 id="az-R">R</h3>`,
		`<option value="guides">`, // the type filter lists the sections
		`hreflang="nl" href="https://handbook.example/nl/zoeken/"`,
	)
	contains(t, dir, "nl/zoeken/index.html", `<a href="/nl/gidsen/ouders-bevragen/">Ouders bevragen</a>`, `! Asking parents`)
	contains(t, dir, "search/en/index.js", `hbsearch("en/index",{`, `"n":2`)
	contains(t, dir, "search/nl/index.js", `hbsearch("nl/index",{`)
	// The English page's text is in its page file, split at its headings, without navigation.
	entries, err := os.ReadDir(filepath.Join(dir, "public/search/en"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "d") {
			page := sitetest.Read(t, dir, "public/search/en/"+e.Name()+"/1.js")
			for _, want := range []string{`"u":"/en/guides/asking-parents/"`, `["before-you-start","Before you start","Read the principle first.`} {
				if !strings.Contains(page, want) {
					t.Errorf("page file lacks %s:\n%s", want, page)
				}
			}
			if strings.Contains(page, "Conversation guides") {
				t.Error("navigation text in the search index")
			}
		}
	}
}
