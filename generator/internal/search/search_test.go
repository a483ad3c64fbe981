package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Crèche":            "creche",
		"ZORGCOÖRDINATOR":   "zorgcoordinator",
		"børnene":           "bornene",
		"Ærø":               "aero",
		"ılık":              "ilik",
		"İstanbul":          "istanbul",
		"Straße":            "strasse",
		"crianças":          "criancas",
		"e\u0301le\u0300ve": "eleve", // decomposed input
		"مُعَلِّمة":         "معلمة", // Arabic vowel marks
		"Œuvre":             "oeuvre",
		"Parents":           "parents", // ASCII takes the short way
		"mid-DAY":           "mid-day",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	// The short way for ASCII holds while the table only folds letters beyond it.
	for r := range foldTable {
		if r < 0x80 {
			t.Errorf("foldTable folds ASCII %q: Fold's ASCII path would skip it", r)
		}
	}
}

func TestTokenize(t *testing.T) {
	var got []string
	for _, tok := range Tokenize("Child-free hours: the teacher's “quiet” time, 2×45 min — crèche/opvang") {
		got = append(got, tok.Text)
	}
	want := []string{"Child", "free", "hours", "the", "teacher", "s", "quiet", "time", "2", "45", "min", "crèche", "opvang"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if toks := Tokenize(strings.Repeat("x", 41) + " ok"); len(toks) != 1 || toks[0].Text != "ok" || toks[0].Start != 42 {
		t.Errorf("over-long words are dropped, offsets kept: %+v", toks)
	}
}

func TestStemPerLanguage(t *testing.T) {
	for _, c := range []struct{ lang, word, stem string }{
		{"en", "children", "children"},
		{"en", "facilitators", "facilit"},
		{"en", "parents", "parent"},
		{"nl", "kinderen", "kinder"},
		{"nl", "luiers", "luier"},
		{"nl", "gesprekken", "gesprek"},
		{"da", "børnene", "born"},
		{"pt", "crianças", "crianc"},
		{"fr", "éducatrices", "educ"},
		{"tr", "çocuklar", "cocuk"},
		{"ar", "المعلمون", "معلم"},
		{"sl", "otroci", "otroci"}, // no stemmer: folded only
		{"nl-BE", "kinderen", "kinder"},
	} {
		if _, got := NewAnalyzer(c.lang).Term(c.word); got != c.stem {
			t.Errorf("%s: stem of %q = %q, want %q", c.lang, c.word, got, c.stem)
		}
	}
	if HasStemmer("sl") || !HasStemmer("da") {
		t.Error("HasStemmer: sl has none, da has one")
	}
}

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"facilitater", "facilitator", true}, // replace
		{"facilitator", "facilitatr", true},  // delete
		{"fopspen", "fopspeen", true},        // insert
		{"fopsepen", "fopspeen", true},       // swap
		{"fopspeen", "fopspeen", false},
		{"facilitater", "facilitators", false},
		{"ouders", "oudere", true},
		{"ouders", "ouder", true},
		{"kind", "kids", false},
	} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// fixture is a small handbook: the pages a test searches.
func fixture(lang string) *Index {
	pages := []Page{
		{URL: "/en/guides/asking-parents/", Title: "Asking parents", Type: "guides", Summary: "A conversation guide for parents.",
			Themes: []string{"parents-families"}, Audience: []string{"teachers"},
			Sections: []Section{{Text: "Ask parents what they think of school."}, {Anchor: "questions", Heading: "The questions", Text: "How was the first day for you?"}}},
		{URL: "/en/conditions/child-free-hours/", Title: "Child-free hours", Type: "conditions", Summary: "Time without children to prepare together.",
			Themes: []string{"working-conditions"}, Audience: []string{"school-leaders"},
			Sections: []Section{{Text: "Teachers and assistants need hours without children."}, {Anchor: "planning", Heading: "Planning time", Text: "Plan the week with the childcare worker."}}},
		{URL: "/en/about/facilitator/", Title: "The facilitator", Type: "about", Summary: "What a facilitator does in a learning lab.",
			Sections: []Section{{Text: "A facilitator keeps the space safe."}}},
		{URL: "/en/cases/nappies/", Title: "Nappies in preschool", Type: "cases", Summary: "Toilet training and nappies.",
			Sections: []Section{{Text: "Free play, then changing nappies."}, {Anchor: "hours", Heading: "Opening hours", Text: "The school opens at eight; the child arrives with a nappy."}}},
		{URL: "/en/cases/assistants/", Title: "Assisting practitioners at work", Type: "cases", Summary: "The kinderverzorger in class.",
			Sections: []Section{{Text: "An assisting practitioner works with the teacher."}}},
	}
	return Build(pages, Options{Lang: lang, Synonyms: [][]string{
		{"assisting practitioner", "childcare worker", "kinderverzorger"},
		{"nappy", "diaper", "luier"},
	}})
}

func urls(idx *Index, rs []Result) []string {
	var out []string
	for _, r := range rs {
		u := idx.Pages[r.Page].URL
		if r.Anchor != "" {
			u += "#" + r.Anchor
		}
		out = append(out, u)
	}
	return out
}

func first(t *testing.T, idx *Index, q string, prefix bool) string {
	t.Helper()
	rs := idx.Search(q, prefix)
	if len(rs) == 0 {
		t.Fatalf("%q: no results", q)
	}
	return urls(idx, rs[:1])[0]
}

func TestRanking(t *testing.T) {
	idx := fixture("en")
	for _, c := range []struct {
		q      string
		prefix bool
		want   string
	}{
		{"child-free hours", false, "/en/conditions/child-free-hours/"}, // phrase and title beat "hours" + "free" elsewhere
		{"free hours", false, "/en/conditions/child-free-hours/"},
		{"asking parents", false, "/en/guides/asking-parents/"},
		{"questions first day", false, "/en/guides/asking-parents/#questions"}, // links to the matching heading
		{"facilitater", false, "/en/about/facilitator/"},                       // one typo
		{"facilit", true, "/en/about/facilitator/"},                            // prefix while typing
		{"diaper", false, "/en/cases/nappies/"},                                // synonym of nappy
		{"childcare worker", false, "/en/cases/assistants/"},                   // synonym phrase: the title says "assisting practitioners"
		{"planning time", false, "/en/conditions/child-free-hours/#planning"},
	} {
		if got := first(t, idx, c.q, c.prefix); got != c.want {
			t.Errorf("%q: first result %s, want %s (all: %v)", c.q, got, c.want, urls(idx, idx.Search(c.q, c.prefix)))
		}
	}
	// All words beat a high score for some of them.
	rs := idx.Search("hours nappy", false)
	if got := urls(idx, rs); len(got) < 2 || !strings.HasPrefix(got[0], "/en/cases/nappies/") {
		t.Errorf("hours nappy: %v", got)
	}
	if rs := idx.Search("facilitatorz", false); len(rs) == 0 {
		t.Error("facilitatorz: a typo at the end of a long word is tolerated")
	}
	if rs := idx.Search("chld", false); len(rs) != 0 {
		t.Errorf("chld: no typo tolerance under five letters, got %v", urls(idx, rs))
	}
	if rs := idx.Search("", true); rs != nil {
		t.Error("empty query finds nothing")
	}
}

func TestSynonymsAcrossLanguages(t *testing.T) {
	idx := Build([]Page{
		{URL: "/nl/a/", Title: "Luiers verversen", Sections: []Section{{Text: "Een luier per kind."}}},
		{URL: "/nl/b/", Title: "De kinderverzorger", Sections: []Section{{Text: "Wat doet een kinderverzorger in de klas?"}}},
	}, Options{Lang: "nl", Synonyms: [][]string{{"nappy", "diaper", "luier"}, {"childcare worker", "kinderverzorger"}}})
	if got := first(t, idx, "diaper", false); got != "/nl/a/" {
		t.Errorf("diaper → %s", got)
	}
	if got := first(t, idx, "luiers", false); got != "/nl/a/" {
		t.Errorf("luiers (stemmed) → %s", got)
	}
	if got := first(t, idx, "childcare worker", false); got != "/nl/b/" {
		t.Errorf("childcare worker → %s", got)
	}
}

func TestFiles(t *testing.T) {
	idx := fixture("en")
	files := idx.Files()
	entry := string(files["index.js"])
	if !strings.HasPrefix(entry, `hbsearch("en/index",{`) || !strings.HasSuffix(entry, "});\n") {
		t.Fatalf("entry is not a registration call: %.80s", entry)
	}
	var docs, shards int
	for name, data := range files {
		switch {
		case strings.HasPrefix(name, "t/"):
			shards++
		case strings.HasPrefix(name, "d"):
			docs++
			if !strings.Contains(string(data), `"u":"/en/`) {
				t.Errorf("%s: no URL", name)
			}
		}
	}
	if docs != len(idx.Pages) || shards == 0 {
		t.Errorf("%d docs, %d shards", docs, shards)
	}
	// Every word and stem can be found in the shard the browser picks for it.
	for w, s := range idx.words {
		for _, k := range []string{w, s} {
			sh := idx.shardList[shardOf(idx.shardList, k)]
			found := false
			for _, item := range sh.items {
				found = found || item == k
			}
			if !found {
				t.Errorf("%q is not in shard %q", k, sh.key)
			}
		}
	}
}

func TestShardsSplitLargeIndexes(t *testing.T) {
	var pages []Page
	for i := 0; i < 400; i++ {
		var b strings.Builder
		for j := 0; j < 60; j++ {
			b.WriteString(string(rune('a'+(i*7+j)%26)) + string(rune('a'+(i+j*3)%26)) + string(rune('a'+j%26)) + "x ")
		}
		pages = append(pages, Page{URL: "/p/", Title: "Page", Sections: []Section{{Text: b.String()}}})
	}
	idx := Build(pages, Options{Lang: "sl"})
	if len(idx.shardList) < 10 {
		t.Fatalf("only %d shards", len(idx.shardList))
	}
	for name, data := range idx.Files() {
		if strings.HasPrefix(name, "t/") && len(data) > 2*shardLimit {
			t.Errorf("%s has %d bytes", name, len(data))
		}
	}
}
