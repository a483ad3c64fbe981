package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/educare-handbook/handbook/generator/internal/diag"
)

func load(t *testing.T, files map[string]string) ([]*Page, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	var diags diag.List
	vocab := map[string]Vocabulary{"themes": {"educare": true}, "audience": {"teachers": true}, "source": {"handbook": true}}
	pages := Load(fsys, Options{Languages: []string{"en", "nl"}, Vocabulary: vocab}, &diags)
	var b strings.Builder
	for _, d := range diags.Items() {
		b.WriteString(d.String() + "\n")
	}
	return pages, b.String()
}

const valid = "---\ntitle: T\nsummary: S\nthemes: [educare]\naudience: [teachers]\nsource: {document: handbook, section: a}\n"

func TestBodyLineMatchesTheFile(t *testing.T) {
	pages, errs := load(t, map[string]string{"content/about/a.en.md": valid + "---\nfirst body line\n"})
	if errs != "" {
		t.Fatal(errs)
	}
	if p := pages[0]; p.BodyLine != 8 || !strings.HasPrefix(string(p.Body), "first body line") {
		t.Fatalf("body starts on line %d: %q", p.BodyLine, p.Body)
	}
}

func TestTypesFollowTheSection(t *testing.T) {
	pages, _ := load(t, map[string]string{
		"content/_index.en.md":        "---\ntitle: H\nsummary: S\n---\n",
		"content/guides/_index.nl.md": "---\ntitle: G\nsummary: S\n---\n",
		"content/about/a.en.md":       valid + "---\n",
		"content/about/draft.en.md":   valid + "draft: true\n---\n",
		"content/principles/p.en.md":  valid + "---\n",
	})
	got := map[string]string{}
	for _, p := range pages {
		got[p.Path] = p.Type
	}
	want := map[string]string{"content/_index.en.md": "home", "content/guides/_index.nl.md": "section", "content/about/a.en.md": "page"}
	for path, typ := range want {
		if got[path] != typ {
			t.Errorf("%s: type %q, want %q", path, got[path], typ)
		}
	}
	if _, ok := got["content/about/draft.en.md"]; ok {
		t.Error("a draft page was loaded without --drafts")
	}
	if _, ok := got["content/principles/p.en.md"]; ok {
		t.Error("a principle without a number was accepted")
	}
}

func TestUnknownFieldIsNamedAtItsLine(t *testing.T) {
	_, errs := load(t, map[string]string{"content/about/a.en.md": valid + "sumary: typo\n---\n"})
	if !strings.Contains(errs, `content/about/a.en.md:7: front matter: unknown field "sumary"`) {
		t.Fatalf("got %s", errs)
	}
}

func TestUnknownVocabularyIsNamedAtItsListItem(t *testing.T) {
	_, errs := load(t, map[string]string{"content/about/a.en.md": strings.Replace(valid, "themes: [educare]", "themes:\n  - educare\n  - educaer", 1) + "---\n"})
	if !strings.Contains(errs, `content/about/a.en.md:6: front matter: unknown themes "educaer"`) {
		t.Fatalf("got %s", errs)
	}
}

// A control character pasted in with text (an escape, a backspace, a NUL) is invisible in
// an editor but went into the page and the search index: refused at its line. Tabs and
// line breaks of every kind are text.
func TestControlCharactersAreRefusedAtTheirLine(t *testing.T) {
	for _, c := range []string{"\x1b[31m", "\x08", "\x00", "\x7f", "\u0085"} {
		_, errs := load(t, map[string]string{"content/about/a.en.md": valid + "---\nfirst line\nsecond" + c + " line\n"})
		if !strings.HasPrefix(errs, "content/about/a.en.md:9: control character U+") {
			t.Errorf("%q: got %s", c, errs)
		}
	}
	pages, errs := load(t, map[string]string{"content/about/a.en.md": valid + "---\r\nfirst\tline\r\n"})
	if errs != "" || len(pages) != 1 {
		t.Errorf("tab and CRLF: %s", errs)
	}
}

// An unknown original language is one problem, said once: not also "it has no translation:
// status", which sends the editor the wrong way (found by a new user's test).
func TestAnUnknownOriginalIsSaidOnce(t *testing.T) {
	_, errs := load(t, map[string]string{"content/about/a.en.md": valid + "original: xx\n---\n"})
	if strings.TrimSpace(errs) != `content/about/a.en.md:7: front matter: original language "xx" is unknown (known languages: en, nl)` {
		t.Errorf("got %s", errs)
	}
}
