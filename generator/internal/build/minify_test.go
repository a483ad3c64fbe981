package build

import (
	"strings"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/markdown"
)

// entitySamples are Markdown texts whose entities the minifier shortens, keeps, or must not
// touch (inside <pre>), with pieces cut at every kind of place.
var entitySamples = []string{
	"Tom & Jerry &amp; co &ampx &amp;lt; \"quoted\" 'single' a > b < c &#39; &#34; &#x27; &quot;&quot;",
	"&hellip; &mldr; &nbsp;&nbsp; &NotANamedEntity; &#32; spaces   &#9; &#128512; &#65;&#66;",
	"```go\nx := \"a\" & b > c // &amp; &quot;\n```\n\nAfter the code: \"q\" & r.",
	"    indented & \"code\"\n\nText & more.",
	"| a & b | \"c\" |\n|---|---|\n| &amp; | > |\n",
	"[a link & \"more\"](https://example.org/?a=1&b=2 \"a title & \\\"quotes\\\"\") & text",
	strings.Repeat("& \"x\" > ", 3000),
	strings.Repeat("&amp;", 5000) + "x" + strings.Repeat("&", 3000) + "#",
}

// shortenEntities, piece by piece, leaves the minifier to write what it would have written
// from the whole text.
func TestShorteningEntitiesInPiecesChangesNothing(t *testing.T) {
	md := markdown.New(markdown.Options{BoxLabel: func(lang, kind string) string { return kind }})
	mini := newPageMinifier()
	for _, src := range entitySamples {
		raw, err := md.AppendRender(nil, md.Parse([]byte(src), "en"))
		if err != nil {
			t.Fatal(err)
		}
		want := minifyWhole(t, raw)
		for _, chunk := range []int{1, 2, 5, 64, entityChunk} {
			got, err := minifyHTMLStringAfter(mini, shortenEntities(append([]byte(nil), raw...), chunk))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("chunk %d of %.60q:\ngot  %.300q\nwant %.300q", chunk, src, got, want)
			}
		}
	}
}

// A paragraph of entities is minified in linear time: 400,000 took 13 s before.
func TestAParagraphOfEntitiesIsMinifiedInLinearTime(t *testing.T) {
	md := markdown.New(markdown.Options{BoxLabel: func(lang, kind string) string { return kind }})
	raw, err := md.AppendRender(nil, md.Parse([]byte(strings.Repeat("&\"", 400_000)), "en"))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		html, _ := minifyHTMLString(newPageMinifier(), raw)
		done <- html
	}()
	select {
	case html := <-done:
		if want := "<p>" + strings.Repeat("&\"", 400_000) + "</p>"; html != want {
			t.Errorf("got %.100q…", html)
		}
	case <-time.After(time.Minute): // about 0.1 s; before, well over a minute
		t.Fatal("still minifying after a minute")
	}
}

// minifyWhole minifies without shortening first, as the minifier alone does.
func minifyWhole(t *testing.T, raw []byte) string {
	t.Helper()
	html, err := minifyHTMLStringAfter(newPageMinifier(), append([]byte(nil), raw...))
	if err != nil {
		t.Fatal(err)
	}
	return html
}

// Whatever the Markdown, shortening entities in pieces leaves the minified page as it was.
func FuzzShortenEntities(f *testing.F) {
	for _, s := range entitySamples {
		f.Add(s, 3)
	}
	md := markdown.New(markdown.Options{BoxLabel: func(lang, kind string) string { return kind }})
	mini := newPageMinifier()
	f.Fuzz(func(t *testing.T, src string, chunk int) {
		if len(src) > 1<<16 || chunk < 1 || chunk > 1<<13 {
			t.Skip()
		}
		raw, err := md.AppendRender(nil, md.Parse([]byte(src), "en"))
		if err != nil {
			t.Skip()
		}
		want, err := minifyHTMLStringAfter(mini, append([]byte(nil), raw...))
		if err != nil {
			t.Skip()
		}
		got, err := minifyHTMLStringAfter(mini, shortenEntities(raw, chunk))
		if err != nil || got != want {
			t.Errorf("chunk %d: got %q (%v), want %q", chunk, got, err, want)
		}
	})
}

// An attribute holding a template action is left as written by the minifier, with the line
// break and indent before it; they are joined to one space (found by a new user's test).
func TestLayoutTagsOverSeveralLinesAreJoined(t *testing.T) {
	src := "<form class=\"a\"\n  data-x=\"{{.X}}\"\n\tdata-y=\"{{.Y}}\" method=\"get\">\n  <p title=\"{{.T}}\">a\n  b</p>\n</form>\n"
	got, err := minifyLayout([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<form class="a" data-x="{{.X}}" data-y="{{.Y}}" method="get"><p title="{{.T}}">a
b</p></form>`; strings.TrimSpace(string(got)) != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
