package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// taskList is goldmark's task list, with GFM's rule that a space follows the box: goldmark
// made "- [x](x.en.md)" a ticked box followed by "(x.en.md)", and the link was lost, and
// with it its check. Its parser is wrapped, not replaced.
type taskList struct{}

func (taskList) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(taskCheckBox{extension.NewTaskCheckBoxParser()}, 0)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewTaskCheckBoxHTMLRenderer(), 500)))
}

type taskCheckBox struct{ parser.InlineParser }

func (p taskCheckBox) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 3 && line[2] == ']' && !util.IsSpace(line[3]) {
		return nil // "[x](…)" or "[x]text": a link or words, not a box
	}
	return p.InlineParser.Parse(parent, block, pc)
}
