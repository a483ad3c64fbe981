package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableAlign writes a column's alignment (|:--|--:|) as a class the stylesheet aligns:
// goldmark writes it as a style attribute, which the site's Content-Security-Policy
// (style-src 'self') makes browsers ignore. Goldmark's table is told to write none.
type tableAlign struct{}

func (tableAlign) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(tableAlignTransformer{}, 0)))
}

type tableAlignTransformer struct{}

func (tableAlignTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering {
			if c.Alignment != east.AlignNone {
				c.SetAttributeString("class", []byte("align-"+c.Alignment.String()))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}
