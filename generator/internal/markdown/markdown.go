package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure the shared Renderer.
type Options struct {
	// BoxLabel names a box kind in a language ("IN-CONCRETO", "nl" → "In concreto").
	BoxLabel func(lang, kind string) string
	// ReservedIDs are the IDs the page around a body already has ("main"): a heading's
	// generated ID steps around them ("main-1"). Asked at each Parse; may be nil.
	ReservedIDs func() map[string]bool
}

// Renderer is the handbook's Markdown setup, safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
	// noLinkify is md without GitHub's bare-link detection, for the many pages that
	// cannot hold a bare link: that detection looks at every space of every page, and
	// took a quarter of the Markdown time of a 10,000-page site.
	noLinkify   goldmark.Markdown
	reservedIDs func() map[string]bool
}

// New builds the goldmark instances once.
func New(opts Options) *Renderer {
	table := extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)) // see tableAlign
	build := func(gfm ...goldmark.Extender) goldmark.Markdown {
		return goldmark.New(
			goldmark.WithExtensions(append(gfm,
				extension.Footnote,
				footnoteChecks{},
				extension.DefinitionList,
				typographer{},
				&boxExtension{label: opts.BoxLabel},
				&codeExtension{},
				langSpanExtension{},
				headingIDExtension{},
			)...),
			// Heading IDs come from headingIDExtension, from the text a reader sees: goldmark's
			// own are made of the heading as written ("## [A link](https://x.org)").
			goldmark.WithParserOptions(parser.WithAttribute()),
			// Raw HTML stays off (goldmark writes a comment instead) and Parse reports it.
		)
	}
	return &Renderer{
		md:          build(extension.Linkify, table, tableAlign{}, extension.Strikethrough, taskList{}),
		noLinkify:   build(table, tableAlign{}, extension.Strikethrough, taskList{}),
		reservedIDs: opts.ReservedIDs,
	}
}

// mayHoldBareLink reports whether Linkify could find anything in body: a URL, a www.
// address or an e-mail address.
func mayHoldBareLink(body []byte) bool {
	return bytes.Contains(body, []byte("://")) || bytes.Contains(body, []byte("www.")) || bytes.IndexByte(body, '@') >= 0
}

// Problem is something wrong in the Markdown, at a line of the body (1-based).
type Problem struct {
	Line    int
	Message string
	Hint    string
}

// Heading is one heading of a page, for the table of contents and anchor checks.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// Link is a link or image destination as written, with its line.
type Link struct {
	Dest    string
	Line    int
	IsImage bool
	Alt     string // images: the alt text
	node    ast.Node
}

// Doc is one parsed page: its tree and what Render and the build need to know about it.
type Doc struct {
	source   []byte
	root     ast.Node
	Headings []Heading
	Links    []*Link
	Problems []Problem
	Boxes    []BoxInfo
	HasCode  bool // the page has a fenced code block (it needs the highlight stylesheet)
	// Footnotes is the number of notes on the page: their anchors are #fn:1 to #fn:N, the
	// references to them #fnref:1 to #fnref:N.
	Footnotes int
}

// BoxInfo describes a box for later use (print worksheets, handouts).
type BoxInfo struct {
	Type  string
	Title string
}

// Parse parses a page body in a language. It never fails; problems are in Doc.Problems.
func (r *Renderer) Parse(body []byte, lang string) *Doc {
	// CommonMark replaces U+0000 with U+FFFD for safety; goldmark does so except in code,
	// which chroma passes through. No NUL reaches a page (the layouts rely on it, see
	// package layout).
	if bytes.IndexByte(body, 0) >= 0 {
		body = bytes.ReplaceAll(body, []byte{0}, []byte("\uFFFD"))
	}
	if p, ok := tooManyLinks(body); !ok {
		return &Doc{source: body, root: ast.NewDocument(), Problems: []Problem{p}}
	}
	var reserved map[string]bool
	if r.reservedIDs != nil {
		reserved = r.reservedIDs()
	}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs(reserved)))
	st := &docState{lang: lang, source: body}
	pc.Set(stateKey, st)
	md := r.md
	if !mayHoldBareLink(body) {
		md = r.noLinkify
	}
	root := md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	st.unreferencedFootnotes()
	d := &Doc{source: body, root: root}
	for _, p := range st.problems {
		d.Problems = append(d.Problems, Problem{Line: lineOf(body, p.offset), Message: p.message, Hint: p.hint})
	}
	d.collect()
	return d
}

// MaxLinks is how many links ("](") or footnote references ("[^") a page may hold: goldmark
// reads an unclosed link's destination to the end of the paragraph, again for each one, so
// 50,000 of them took 14 s and 100,000 over a minute and a half. 2,000 take 30 ms; the
// handbook's pages hold a few dozen.
const MaxLinks = 2000

// tooManyLinks reports a body with more than MaxLinks of either, at the line of the first
// one too many, without parsing it.
func tooManyLinks(body []byte) (Problem, bool) {
	for _, mark := range []string{"](", "[^"} {
		if bytes.Count(body, []byte(mark)) <= MaxLinks {
			continue
		}
		off := 0
		for range MaxLinks + 1 {
			off += bytes.Index(body[off:], []byte(mark)) + len(mark)
		}
		return Problem{Line: lineOf(body, off-len(mark)), Message: fmt.Sprintf("more than %d %q on one page", MaxLinks, mark),
			Hint: "split the page into several; so many links or notes would stall the build"}, false
	}
	return Problem{}, true
}

// SetDest changes where a link points; the build calls it to turn source paths into URLs.
func (l *Link) SetDest(dest string) {
	switch n := l.node.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// Render writes the page's HTML.
func (r *Renderer) Render(d *Doc) ([]byte, error) {
	return r.AppendRender(nil, d)
}

// AppendRender is Render appending the HTML to dst.
func (r *Renderer) AppendRender(dst []byte, d *Doc) ([]byte, error) {
	buf := directWriter{bytes.NewBuffer(dst)}
	buf.Grow(len(d.source) * 2)
	if err := r.md.Renderer().Render(buf, d.source, d.root); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// directWriter lets goldmark write straight into a buffer: it wraps any other writer in a
// bufio.Writer of its own (4 KB, and a second copy of the page) unless it is given one
// that already buffers.
type directWriter struct{ *bytes.Buffer }

var _ util.BufWriter = directWriter{}

func (w directWriter) Available() int { return w.Cap() - w.Len() }
func (w directWriter) Buffered() int  { return 0 }
func (w directWriter) Flush() error   { return nil }

// collect walks the tree once for headings, links, boxes and raw HTML.
func (d *Doc) collect() {
	src := d.source
	lastHTMLLine := 0
	depth, tooDeep := 0, false
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if isLevel(n) {
				depth--
			}
			return ast.WalkContinue, nil
		}
		if isLevel(n) {
			depth++
		}
		if depth > maxDepth {
			if !tooDeep {
				d.Problems = append(d.Problems, Problem{Line: d.line(n), Message: fmt.Sprintf("nested more than %d levels deep", maxDepth),
					Hint: "a quote in a list in a quote…: write it flatter"})
			}
			tooDeep = true
			return ast.WalkSkipChildren, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if d.writtenIDs(n) > 1 {
				// goldmark keeps the last without a word.
				d.Problems = append(d.Problems, Problem{Line: d.line(n), Message: "heading with two IDs", Hint: "keep one: ## Title {#its-id}"})
			}
			for _, a := range n.Attributes() {
				if string(a.Name) != "id" {
					// A style would be refused by the site's Content-Security-Policy, a class
					// means nothing to the handbook's stylesheet.
					d.Problems = append(d.Problems, Problem{Line: d.line(n), Message: fmt.Sprintf("heading attribute %q", a.Name),
						Hint: "a heading takes only an ID: ## Title {#its-id}"})
				}
			}
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			d.Headings = append(d.Headings, Heading{Level: n.Level, ID: string(idb), Text: plainText(n, src), Line: d.headingLine(n)})
		case *ast.Link:
			d.Links = append(d.Links, &Link{Dest: string(n.Destination), Line: d.line(n), node: n})
		case *ast.Image:
			d.Links = append(d.Links, &Link{Dest: string(n.Destination), Line: d.line(n), IsImage: true, Alt: plainText(n, src), node: n})
		case *ast.AutoLink: // <https://…>, and bare addresses: checked like the others, published as written
			dest := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest
			}
			d.Links = append(d.Links, &Link{Dest: dest, Line: d.autoLinkLine(n), node: n})
		case *ast.HTMLBlock, *ast.RawHTML:
			line := d.line(n)
			if line != lastHTMLLine { // "<span>word</span>" is one problem, not two
				d.Problems = append(d.Problems, Problem{Line: line, Message: "raw HTML is not allowed",
					Hint: "use Markdown instead; for a box use > [!NOTE], for emphasis *text*"})
			}
			lastHTMLLine = line
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			d.HasCode = true
		case *extast.FootnoteList:
			d.Footnotes = n.ChildCount()
		case *extast.TableRow:
			if p, ok := extraCells(n, src); ok {
				p.Line = lineOf(src, n.Pos())
				d.Problems = append(d.Problems, p)
			}
		case *ast.Text:
			if _, inCode := n.Parent().(*ast.CodeSpan); !inCode {
				if p, at, ok := missingReference(n, src); ok {
					p.Line = lineOf(src, at)
					d.Problems = append(d.Problems, p)
				}
			}
		case *Box:
			d.Boxes = append(d.Boxes, BoxInfo{Type: n.Variant, Title: n.Title})
		}
		return ast.WalkContinue, nil
	})
	// An ID written as {#…} is taken as it is: it may be another heading's.
	used := map[string]bool{}
	for _, h := range d.Headings {
		switch {
		case strings.TrimSpace(h.Text) == "":
			d.Problems = append(d.Problems, Problem{Line: h.Line, Message: "empty heading",
				Hint: "write the heading's text after the #, or remove the line"})
		case h.ID == "":
			// {#} or {id=""}: no anchor, and a table of contents entry that leads to the top.
			d.Problems = append(d.Problems, Problem{Line: h.Line, Message: "empty heading ID",
				Hint: "write the ID after the #, ## Title {#its-id}, or remove the braces"})
		case used[h.ID]:
			d.Problems = append(d.Problems, Problem{Line: h.Line, Message: fmt.Sprintf("heading ID #%s is already a heading's above", h.ID),
				Hint: "give this one another ID: ## Title {#another-id}"})
		case strings.HasPrefix(h.ID, "fn:") || strings.HasPrefix(h.ID, "fnref") && strings.Contains(h.ID, ":"):
			// The footnotes' anchors (#fn:1, #fnref:1, #fnref1:1): a page would hold the ID twice.
			d.Problems = append(d.Problems, Problem{Line: h.Line, Message: fmt.Sprintf("heading ID #%s has the form of a footnote's", h.ID),
				Hint: "give the heading another ID: ## Title {#another-id}"})
		}
		used[h.ID] = true
	}
}

// autoLinkLine is the line of an autolink, which has no position of its own: its text is
// a piece of the source, whose place in it tells the line.
func (d *Doc) autoLinkLine(n *ast.AutoLink) int {
	if label := n.Label(d.source); len(label) > 0 {
		off := cap(d.source) - cap(label)
		if off >= 0 && off+len(label) <= len(d.source) && &d.source[off] == &label[0] {
			return lineOf(d.source, off)
		}
	}
	return d.line(n)
}

// headingLine is a heading's line.
func (d *Doc) headingLine(h *ast.Heading) int {
	if _, ok := startOffset(h); !ok {
		if off, ok := d.emptyHeadingOffset(h); ok {
			return lineOf(d.source, off)
		}
	}
	return d.line(h)
}

// writtenIDs counts the IDs written in the braces that end a heading: its one line, or the
// last line of its text above a === or --- line. Braces elsewhere are text.
func (d *Doc) writtenIDs(h *ast.Heading) int {
	if len(h.Attributes()) == 0 || h.Lines().Len() == 0 {
		return 0
	}
	last := h.Lines().At(h.Lines().Len() - 1)
	end := d.lineEnd(last.Start)
	lineStart := bytes.LastIndexByte(d.source[:last.Start], '\n') + 1
	line := bytes.TrimRight(d.source[lineStart:end], " \t\r")
	open := bytes.LastIndexByte(line, '{')
	if open < 0 || !bytes.HasSuffix(line, []byte("}")) {
		return 0
	}
	block := line[open:]
	reader := text.NewReader(block)
	attrs, ok := parser.ParseAttributes(reader)
	if !ok {
		return 0
	}
	if _, pos := reader.Position(); pos.Start != len(block) {
		return 0 // the braces do not end the line: text
	}
	n := 0
	for _, a := range attrs {
		if string(a.Name) == "id" {
			n++
		}
	}
	return n
}

// emptyHeadingOffset places a heading without text ("##"), which has no position of its
// own: it is the first line of only #s after the end of whatever comes before it.
func (d *Doc) emptyHeadingOffset(h *ast.Heading) (int, bool) {
	off, before := 0, false
	for p := ast.Node(h); p != nil && !before; p = p.Parent() {
		for s := p.PreviousSibling(); s != nil && !before; s = s.PreviousSibling() {
			off, before = d.endOffset(s)
		}
	}
	if before && off > 0 && d.source[off-1] != '\n' {
		off = d.lineEnd(off) + 1 // past the line where the thing before the heading ends
	}
	for off < len(d.source) {
		end := d.lineEnd(off)
		if line := strings.Trim(string(d.source[off:end]), " \t>"); line != "" && strings.Trim(line, "#") == "" {
			return off, true
		}
		off = end + 1
	}
	return 0, false
}

// lineEnd is the offset of the end of the line holding off (its newline, or the end).
func (d *Doc) lineEnd(off int) int {
	if i := bytes.IndexByte(d.source[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(d.source)
}

// endOffset finds where a block ends in the source: its last line's end, a container's last
// child's end, or for an empty heading the end of the line found for it.
func (d *Doc) endOffset(n ast.Node) (int, bool) {
	if h, ok := n.(*ast.Heading); ok {
		if _, placed := startOffset(h); !placed {
			if off, ok := d.emptyHeadingOffset(h); ok {
				return d.lineEnd(off), true
			}
		}
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(l.Len() - 1).Stop, true
		}
	}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if off, ok := d.endOffset(c); ok {
			return off, true
		}
	}
	return startOffset(n)
}

// maxDepth is how deep quotes, lists and emphasis may nest. A page is read again as HTML
// (handouts, the toolkit) by a parser that stops at 512 open elements; a level opens at
// most three (a list, its item and a paragraph), and no handbook page needs a tenth of
// this.
const maxDepth = 100

// isLevel tells the nodes an editor counts as a level of nesting: a quote or box, a list or
// definition list (its items are the same level), emphasis, a link, a span. Paragraphs and
// text are not.
func isLevel(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindBlockquote, KindBox, ast.KindList, extast.KindDefinitionList, ast.KindEmphasis, ast.KindLink, KindLangSpan, extast.KindStrikethrough:
		return true
	}
	return false
}

func (d *Doc) line(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if off, ok := startOffset(p); ok {
			return lineOf(d.source, off)
		}
	}
	return 1
}

// startOffset finds the first source byte of a node: its own lines or segment, else its
// first descendant's.
func startOffset(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start, true
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start, true
		}
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start, true
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := startOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}

func lineOf(src []byte, offset int) int {
	if offset > len(src) {
		offset = len(src)
	}
	return bytes.Count(src[:offset], []byte{'\n'}) + 1
}

// plainText is the text of a node without markup, its white space collapsed.
func plainText(n ast.Node, src []byte) string {
	var b spaceCollapser
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if a, ok := c.(*ast.AutoLink); ok { // its text is its address: "## www.example.org"
			b.Write(a.Label(src))
			return ast.WalkContinue, nil
		}
		status, _ := writeInline(&b, c, src)
		return status, nil
	})
	return b.String()
}

// writeInline writes the text of an inline node (text, typographer's punctuation, code) to
// b; ok is false for other nodes, whose text is in their children.
func writeInline(b *spaceCollapser, n ast.Node, src []byte) (status ast.WalkStatus, ok bool) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(textValue(n.Segment.Value(src)))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		// The typographer's quotes and dashes arrive as HTML entities ("&rsquo;").
		b.WriteString(html.UnescapeString(string(n.Value)))
	case *ast.CodeSpan:
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			if tx, ok := t.(*ast.Text); ok {
				b.Write(tx.Segment.Value(src))
			}
		}
		return ast.WalkSkipChildren, true
	default:
		return ast.WalkContinue, false
	}
	return ast.WalkContinue, true
}

// docState is the per-document state of the extensions, kept in the parser.Context.
type docState struct {
	lang        string
	source      []byte
	problems    []offsetProblem
	listCount   map[string]int // numbered items so far, per kind of box
	footnotes   []footnoteAt
	quoteRunEnd int // offset where the long run of quote marks being passed over ends
}

type offsetProblem struct {
	offset        int
	message, hint string
}

func (st *docState) problem(offset int, message, hint string) {
	st.problems = append(st.problems, offsetProblem{offset, message, hint})
}

var stateKey = parser.NewContextKey()

func state(pc parser.Context) *docState {
	if st, ok := pc.Get(stateKey).(*docState); ok {
		return st
	}
	return &docState{}
}

var _ renderer.NodeRenderer = (*boxRenderer)(nil)
var _ = util.Prioritized
