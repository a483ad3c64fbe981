package worksheet

import (
	"html/template"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Phase is one question box of a guide: its title (the phase) and its questions.
type Phase struct {
	Title string
	Start int             // the number of the first question (lists count on across a guide)
	Items []template.HTML // each question's HTML, without the <li>
}

// Questions returns the [!QUESTIONS] boxes of a rendered guide body, in order.
func Questions(body template.HTML) []Phase {
	nodes, err := html.ParseFragment(strings.NewReader(string(body)), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return nil
	}
	var phases []Phase
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Div && hasClass(n, "box-questions") {
			phases = append(phases, phase(n))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return phases
}

func phase(box *html.Node) Phase {
	p := Phase{Start: 1}
	first := true
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch {
		case n.DataAtom == atom.Span && hasClass(n, "box-title"):
			p.Title = strings.TrimSpace(textOf(n))
			return
		case n.DataAtom == atom.Ol:
			if first {
				if s, err := strconv.Atoi(attr(n, "start")); err == nil {
					p.Start = s
				}
				first = false
			}
			for li := n.FirstChild; li != nil; li = li.NextSibling {
				if li.Type == html.ElementNode && li.DataAtom == atom.Li {
					p.Items = append(p.Items, innerHTML(li))
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(box)
	return p
}

// Row is one line of a bilingual handout: the same question in both languages. A side is
// empty when one language has fewer questions in that phase.
type Row struct {
	Number      int
	Left, Right template.HTML
}

// PairedPhase is one phase of a bilingual handout.
type PairedPhase struct {
	Left, Right string // the phase's title in each language
	Rows        []Row
}

// Pair aligns the question boxes of two languages by box order and question order.
func Pair(left, right []Phase) []PairedPhase {
	n := max(len(left), len(right))
	out := make([]PairedPhase, n)
	for i := range n {
		var l, r Phase
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		pp := PairedPhase{Left: l.Title, Right: r.Title}
		start := l.Start
		if i >= len(left) {
			start = r.Start
		}
		for j := range max(len(l.Items), len(r.Items)) {
			row := Row{Number: start + j}
			if j < len(l.Items) {
				row.Left = l.Items[j]
			}
			if j < len(r.Items) {
				row.Right = r.Items[j]
			}
			pp.Rows = append(pp.Rows, row)
		}
		out[i] = pp
	}
	return out
}

func hasClass(n *html.Node, class string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == class {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

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
	return b.String()
}

func innerHTML(n *html.Node) template.HTML {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c)
	}
	return template.HTML(strings.TrimSpace(b.String()))
}
