package markdown

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// BoxKinds are the kinds a box may have: GitHub's alerts and the handbook's own.
var BoxKinds = []string{"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION",
	"IN-CONCRETO", "FOCUS", "ATTENTION", "QUOTE", "QUESTIONS", "STEPS"}

// KindBox is the AST node kind of a box.
var KindBox = ast.NewNodeKind("Box")

// Box is a blockquote that starts with "[!KIND] optional title".
type Box struct {
	ast.BaseBlock
	Variant string // upper case, e.g. "IN-CONCRETO"
	Title   string // text after the marker; for QUOTE, who said it
	Label   string // the kind's name in the page's language
}

// Kind implements ast.Node.
func (b *Box) Kind() ast.NodeKind { return KindBox }

// Dump implements ast.Node.
func (b *Box) Dump(source []byte, level int) {
	ast.DumpHelper(b, source, level, map[string]string{"Variant": b.Variant, "Title": b.Title}, nil)
}

var markerPattern = regexp.MustCompile(`^\[!([A-Za-z][A-Za-z-]*)\][ \t]*(.*)$`)

// looseMarker is a marker with spaces inside its brackets ("[! NOTE]", "[!TIP ]").
var looseMarker = regexp.MustCompile(`^\[\s*!\s*([A-Za-z][A-Za-z-]*)\s*\]`)

// boxTransformer turns marked blockquotes into boxes and numbers question lists on.
type boxTransformer struct {
	label func(lang, kind string) string
}

func (t *boxTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	st := state(pc)
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		para, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 {
			continue
		}
		first := para.Lines().At(0)
		line := util.TrimRightSpace(first.Value(source))
		m := markerPattern.FindSubmatch(line)
		if m == nil {
			if almost := looseMarker.FindSubmatch(line); almost != nil {
				// "[! NOTE]" would be a plain quote without a word.
				st.problem(first.Start, "box marker "+string(almost[0])+" has spaces", "write it without: > [!"+strings.ToUpper(string(almost[1]))+"]")
			}
			continue
		}
		kind := strings.ToUpper(string(m[1]))
		if !knownKind(kind) {
			st.problem(first.Start, "unknown box kind [!"+string(m[1])+"]", "known kinds: "+strings.Join(BoxKinds, ", "))
			continue
		}
		box := &Box{Variant: kind, Title: strings.TrimSpace(string(m[2]))}
		if t.label != nil {
			box.Label = t.label(st.lang, kind)
		}
		formatted, shown := dropFirstLine(para, first, source)
		if formatted {
			st.problem(first.Start, "a box title is plain text: a link, emphasis, code or HTML in it shows as typed",
				"move it into the box's text, on the lines below the marker")
		} else if title, ok := strings.CutPrefix(shown, string(m[0][:len(m[0])-len(m[2])])); ok {
			box.Title = strings.TrimSpace(title) // with curly quotes and dashes, as in the text
		}
		for c := q.FirstChild(); c != nil; {
			next := c.NextSibling()
			box.AppendChild(box, c)
			c = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, box)
		if kind == "QUOTE" && box.Title == "" {
			st.problem(first.Start, "a [!QUOTE] box names who said it", "write the role and place after the marker: > [!QUOTE] assistant educator, Brussels")
		}
		if kind == "QUESTIONS" || kind == "STEPS" {
			st.numberLists(box)
		}
		if box.ChildCount() == 0 {
			st.problem(first.Start, "empty [!"+kind+"] box", "write the box's text on the lines after the marker, each starting with >")
		}
	}
}

// dropFirstLine removes the marker line from the box's first paragraph (and the paragraph if
// nothing else is in it), says whether it held more than text, and returns its text as
// shown, with the typographer's quotes and dashes. The line ends at the text that breaks
// it: the typographer's quotes and dashes have no source position, and one opening the
// next line belongs to that line.
func dropFirstLine(para *ast.Paragraph, first text.Segment, source []byte) (formatted bool, shown string) {
	var b strings.Builder
	for c := para.FirstChild(); c != nil; {
		next := c.NextSibling()
		if off, ok := startOffset(c); ok && off >= first.Stop {
			break
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(source))
		case *ast.String:
			b.WriteString(html.UnescapeString(string(c.Value)))
		default:
			formatted = true
		}
		para.RemoveChild(para, c)
		if t, ok := c.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			break
		}
		c = next
	}
	rest := text.NewSegments()
	for i := 1; i < para.Lines().Len(); i++ {
		rest.Append(para.Lines().At(i))
	}
	para.SetLines(rest)
	if para.ChildCount() == 0 {
		para.Parent().RemoveChild(para.Parent(), para)
	}
	return formatted, b.String()
}

// numberLists makes the ordered lists of question boxes count on across the page, and those
// of step boxes apart from them: the parents' questions are numbered from 1 however many
// steps the team has before them, so that the two languages of a handout, which may not
// have the same steps, number them alike (found by a test as a new user).
func (st *docState) numberLists(box *Box) {
	if st.listCount == nil {
		st.listCount = map[string]int{}
	}
	for c := box.FirstChild(); c != nil; c = c.NextSibling() {
		list, ok := c.(*ast.List)
		if !ok || !list.IsOrdered() {
			continue
		}
		list.Start = st.listCount[box.Variant] + 1
		st.listCount[box.Variant] += list.ChildCount()
	}
}

func knownKind(k string) bool {
	for _, x := range BoxKinds {
		if x == k {
			return true
		}
	}
	return false
}

// boxRenderer writes boxes. A quote is a figure with its attribution; the others are a div
// with the kind's label first, so the box is clear without colour.
type boxRenderer struct{}

func (r *boxRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBox, r.render)
}

func (r *boxRenderer) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	b := n.(*Box)
	class := "box box-" + strings.ToLower(b.Variant)
	if b.Variant == "QUOTE" {
		if entering {
			w.WriteString(`<figure class="` + class + `"><blockquote>`)
		} else {
			w.WriteString(`</blockquote><figcaption>`)
			w.Write(util.EscapeHTML([]byte(b.Title)))
			w.WriteString("</figcaption></figure>\n")
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	w.WriteString(`<div class="` + class + `">`)
	w.WriteString(`<p class="box-label">`)
	label := b.Label
	if label == "" {
		label = b.Variant
	}
	w.Write(util.EscapeHTML([]byte(label)))
	if b.Title != "" {
		w.WriteString(`<span class="box-sep">: </span><span class="box-title">`)
		w.Write(util.EscapeHTML([]byte(b.Title)))
		w.WriteString(`</span>`)
	}
	w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

// boxExtension registers the transformer and renderer.
type boxExtension struct {
	label func(lang, kind string) string
}

func (e *boxExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&boxTransformer{label: e.label}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&boxRenderer{}, 100)))
}
