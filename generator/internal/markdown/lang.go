package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindLangSpan is the AST node kind of a phrase in another language.
var KindLangSpan = ast.NewNodeKind("LangSpan")

// LangSpan is "[kinderverzorger]{lang=nl}": words in another language than the page, so a
// screen reader pronounces them in that language.
type LangSpan struct {
	ast.BaseInline
	Lang string
}

// Kind implements ast.Node.
func (n *LangSpan) Kind() ast.NodeKind { return KindLangSpan }

// Dump implements ast.Node.
func (n *LangSpan) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}

// langSpanPattern is the whole span: text without brackets, then a BCP 47-like tag.
var langSpanPattern = regexp.MustCompile(`^\[([^\[\]\n]+)\]\{lang=([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)\}`)

// langSpanParser runs before the link parser: "[text]{lang=xx}" is never a link.
type langSpanParser struct{}

func (langSpanParser) Trigger() []byte { return []byte{'['} }

func (langSpanParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	// Most brackets open a link or a footnote: only a line with the span's middle can hold
	// one, and looking for it is cheaper than running the pattern.
	if !bytes.Contains(line, []byte("]{lang=")) {
		return nil
	}
	m := langSpanPattern.FindSubmatchIndex(line)
	if m == nil {
		return nil
	}
	span := &LangSpan{Lang: string(line[m[4]:m[5]])}
	inner := text.NewSegment(seg.Start+m[2], seg.Start+m[3])
	span.AppendChild(span, ast.NewTextSegment(inner))
	block.Advance(m[1])
	return span
}

type langSpanRenderer struct{}

func (langSpanRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLangSpan, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<span lang="`)
			w.Write(util.EscapeHTML([]byte(n.(*LangSpan).Lang)))
			w.WriteString(`">`)
		} else {
			w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	})
}

type langSpanExtension struct{}

func (langSpanExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(langSpanParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(langSpanRenderer{}, 100)))
}
