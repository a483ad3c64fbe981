package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// codeExtension highlights fenced code with chroma, as CSS classes (never inline styles), so
// a strict Content-Security-Policy holds.
type codeExtension struct{}

func (codeExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)))
}

type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderCode)
}

func codeFormatter() *chromahtml.Formatter {
	return chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))
}

func renderCode(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	block := n.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := 0; i < block.Lines().Len(); i++ {
		seg := block.Lines().At(i)
		code.Write(seg.Value(source))
	}
	lang := string(block.Language(source))
	lexer := lexers.Get(lang)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	if err := codeFormatter().Format(w, codeStyle, it); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}

// HighlightCSS returns the stylesheet for highlighted code (light, and dark under
// prefers-color-scheme).
func HighlightCSS() string {
	var light, dark strings.Builder
	f := codeFormatter()
	_ = f.WriteCSS(&light, codeStyle)
	_ = f.WriteCSS(&dark, codeStyleDark)
	return light.String() + "@media (prefers-color-scheme: dark){" + dark.String() + "}"
}
