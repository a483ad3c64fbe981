package markdown

import (
	"strings"
	"testing"
)

func render(t *testing.T, src string) (*Doc, string) {
	t.Helper()
	r := New(Options{BoxLabel: func(lang, kind string) string { return lang + ":" + kind }})
	d := r.Parse([]byte(src), "en")
	html, err := r.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	return d, string(html)
}

func TestHeadingIDsKeepEveryScript(t *testing.T) {
	d, html := render(t, "## Çocuk ve dil\n\n## Oče in mati\n\n## مقدمة\n\n## Parents' voices\n\n## Parents' voices\n")
	want := []string{"çocuk-ve-dil", "oče-in-mati", "مقدمة", "parents-voices", "parents-voices-1"}
	for i, h := range d.Headings {
		if h.ID != want[i] {
			t.Errorf("heading %d: id %q, want %q", i, h.ID, want[i])
		}
		if !strings.Contains(html, `id="`+want[i]+`"`) {
			t.Errorf("html lacks id %q:\n%s", want[i], html)
		}
	}
}

func TestDebugOutput(t *testing.T) {
	_, html := render(t, "## Title\n\nText with a [link](../guides/x.en.md#a) and \"quotes\".\n\n> [!QUOTE] assistant educator, Brussels\n> I was the extra hands.\n\n> [!QUESTIONS] Enrolment\n> 1. One?\n> 2. Two?\n\n> [!STEPS]\n> 1. Three\n\nTerm\n: Definition\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: The note.\n\n```go\nfunc main() {}\n```\n\n<div>raw</div>\n\nand <span>inline</span>\n")
	t.Log(html)
}
