package build

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/educare-handbook/handbook/generator/internal/search"
)

// sectionsOf splits a page's rendered body into its intro and one section per h2 or h3
// heading with an id, as plain text. Footnote back-links are left out. It reads the HTML as
// a stream of tokens (the body is our own Markdown output, so no tree is needed).
func sectionsOf(body string) []search.Section {
	z := html.NewTokenizer(strings.NewReader(body))
	secs := []search.Section{{}}
	var text, head strings.Builder
	inHead, skip := atom.Atom(0), 0 // the open h2/h3 with an id; depth inside skipped elements
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			secs[len(secs)-1].Text = collapse(text.String())
			if secs[0].Text == "" && len(secs) > 1 {
				secs = secs[1:]
			}
			return secs
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if inHead != 0 {
				head.Write(z.Text())
			} else {
				text.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skip > 0 {
				if tt == html.StartTagToken {
					skip++
				}
				continue
			}
			var id, class, role string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "id":
					id = string(v)
				case "class":
					class = string(v)
				case "role":
					role = string(v)
				}
			}
			switch {
			case a == atom.Script || a == atom.Style,
				a == atom.A && (role == "doc-backlink" || strings.Contains(" "+class+" ", " footnote-backref ")):
				if tt == html.StartTagToken {
					skip = 1
				}
			case (a == atom.H2 || a == atom.H3) && id != "" && tt == html.StartTagToken:
				secs[len(secs)-1].Text = collapse(text.String())
				text.Reset()
				secs = append(secs, search.Section{Anchor: id})
				inHead = a
			case !inline[a]:
				text.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip > 0 {
				skip--
				continue
			}
			if a == inHead && inHead != 0 {
				secs[len(secs)-1].Heading = collapse(head.String())
				head.Reset()
				inHead = 0
				continue
			}
			if !inline[a] {
				text.WriteByte(' ')
			}
		}
	}
}

// inline elements do not separate words.
var inline = map[atom.Atom]bool{atom.A: true, atom.Em: true, atom.Strong: true, atom.Code: true, atom.Span: true,
	atom.Abbr: true, atom.B: true, atom.I: true, atom.Mark: true, atom.Sub: true, atom.Sup: true, atom.Del: true, atom.Ins: true}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
