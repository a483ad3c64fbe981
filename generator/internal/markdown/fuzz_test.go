package markdown

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzMarkdown runs arbitrary text through parsing, the box transformer, heading IDs, link
// collection, rendering and section text: nothing may panic, raw HTML may never reach the
// output, and section text has its white space collapsed.
func FuzzMarkdown(f *testing.F) {
	for _, seed := range []string{
		"> [!QUOTE] role\n> text\n",
		"> [!QUESTIONS] a\n> 1. b\n> 2. c\n\n> [!STEPS]\n> 1. d\n",
		"> [!TIP]\n",
		"> [!NOTE] x\n>\n> > [!FOCUS] nested\n> > y\n",
		"## Çocuk {#id}\n\n## Çocuk\n",
		"[a](../x.en.md#y) ![b](/c.png) <span>x</span>\n\n<div>\n",
		"```go\nfunc main() {}\n```\n",
		"Term\n: def\n\n[^1]\n\n[^1]: n\n",
		"> [!QUOTE]\n",
		"- > [!FOCUS] in a list\n  > text\n",
		"[kinderverzorger]{lang=nl} [x]{lang=} [[a]{lang=nl}](y)\n",
		"t\n: t\n  : t\n    : t\n      : t\n",
		strings.Repeat("- > ", 60) + "c\n",
		"- [x](../a.en.md)\n- [ ] b\n",
		strings.Repeat(`"`, 40) + " 'a' \"b\"\n\n\"c\"\n",
		"a[^1]\n\n[^1]: x\n\n[^1]: y\n",
	} {
		f.Add(seed)
	}
	r := New(Options{BoxLabel: func(lang, kind string) string { return kind }})
	f.Fuzz(func(t *testing.T, src string) {
		d := r.Parse([]byte(src), "en")
		for _, l := range d.Links {
			l.SetDest("/x/")
		}
		html, err := r.Render(d)
		if err != nil {
			t.Fatal(err)
		}
		lower := strings.ToLower(string(html))
		for _, bad := range []string{"<script", "<iframe", "<span>x"} {
			if strings.Contains(lower, bad) {
				t.Fatalf("raw HTML reached the output: %q", html)
			}
		}
		for _, p := range d.Problems {
			if p.Line < 1 {
				t.Fatalf("problem without a line: %+v", p)
			}
		}
		// A page without problems reads back as HTML: handouts take its questions that way,
		// with a parser that gives up past 512 open elements (see maxDepth).
		if len(d.Problems) == 0 {
			if _, err := xhtml.ParseFragment(strings.NewReader(string(html)), &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div}); err != nil {
				t.Fatalf("accepted, but its HTML cannot be read back: %v", err)
			}
		}
		d.TOC()
		if !utf8.ValidString(src) {
			// The build refuses such files before parsing (content checks every byte). Here
			// the pieces of a broken character can meet once emphasis is taken away ("\xc2_\xa0_"
			// becomes a no-break space): only the absence of a panic counts.
			d.Sections()
			return
		}
		otherSpace := func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }
		for _, s := range d.Sections() {
			// One plain space between words, none at the ends, as the search index expects.
			for _, text := range []string{s.Heading, s.Text} {
				if strings.TrimSpace(text) != text || strings.Contains(text, "  ") || strings.ContainsFunc(text, otherSpace) {
					t.Fatalf("section text not collapsed: %q", text)
				}
			}
		}
	})
}

// FuzzSlugify checks heading IDs: never empty after the fallback, never with spaces, slashes
// or upper case, so they are safe as fragments.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Çocuk ve dil", "مقدمة", "../../x", "A  B", "ǅ", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := Slugify(s)
		for _, r := range id {
			if unicode.IsSpace(r) || r == '/' || r == '#' || r == '?' || r == '"' || r == '<' {
				t.Fatalf("Slugify(%q) = %q holds %q", s, id, r)
			}
		}
		if strings.HasPrefix(id, "-") || strings.HasSuffix(id, "-") || strings.Contains(id, "--") {
			t.Fatalf("Slugify(%q) = %q has stray hyphens", s, id)
		}
		if Slugify(id) != id {
			t.Fatalf("Slugify is not stable on %q: %q then %q", s, id, Slugify(id))
		}
	})
}
