package build

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/educare-handbook/handbook/generator/internal/search"
)

// sectionsOf splits a page's rendered body into its intro and one section per h2 or h3
// heading with an id, as plain text. Footnote back-links are left out.
func sectionsOf(body string) []search.Section {
	nodes, err := html.ParseFragment(strings.NewReader(body), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return []search.Section{{Text: body}}
	}
	secs := []search.Section{{}}
	var text strings.Builder
	flush := func() { secs[len(secs)-1].Text = strings.Join(strings.Fields(text.String()), " "); text.Reset() }
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			text.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style:
				return
			case atom.A:
				if hasClass(n, "footnote-backref") || attr(n, "role") == "doc-backlink" {
					return
				}
			case atom.H2, atom.H3:
				if id := attr(n, "id"); id != "" {
					flush()
					secs = append(secs, search.Section{Anchor: id, Heading: textOf(n)})
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && !inline[n.DataAtom] {
			text.WriteByte(' ')
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	flush()
	if secs[0].Text == "" && len(secs) > 1 {
		secs = secs[1:]
	}
	return secs
}

// inline elements do not separate words.
var inline = map[atom.Atom]bool{atom.A: true, atom.Em: true, atom.Strong: true, atom.Code: true, atom.Span: true,
	atom.Abbr: true, atom.B: true, atom.I: true, atom.Mark: true, atom.Sub: true, atom.Sup: true, atom.Del: true, atom.Ins: true}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}
