package markdown

import (
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// footnoteChecks watches goldmark's footnote parsers, which drop what they cannot pair
// without a word: a reference to a note that does not exist is printed as typed ("[^3]"),
// and a note nothing refers to is left out of the page, its source with it. Each parser is
// wrapped, not replaced: goldmark's own does the parsing, the wrapper only looks on, and
// runs first (a lower priority than the extension's) so it sees every case.
type footnoteChecks struct{}

func (footnoteChecks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(footnoteDefinitions{extension.NewFootnoteBlockParser()}, 998)),
		parser.WithInlineParsers(util.Prioritized(footnoteReferences{extension.NewFootnoteParser()}, 100)),
	)
}

// footnoteDefinitions notes where each footnote is defined, so that Parse can report the ones
// no reference numbered.
type footnoteDefinitions struct{ parser.BlockParser }

func (p footnoteDefinitions) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	_, seg := reader.PeekLine()
	n, next := p.BlockParser.Open(parent, reader, pc)
	if fn, ok := n.(*extast.Footnote); ok {
		st := state(pc)
		st.footnotes = append(st.footnotes, footnoteAt{fn, seg.Start})
	}
	return n, next
}

type footnoteAt struct {
	note   *extast.Footnote
	offset int
}

// footnoteReferences reports a [^label] that goldmark's parser turned down for want of a
// note. A link whose text happens to start with ^ ([^a](https://…)) is not one.
type footnoteReferences struct{ parser.InlineParser }

func (p footnoteReferences) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if n := p.InlineParser.Parse(parent, block, pc); n != nil {
		return n
	}
	if label, rest, ok := footnoteLabel(line); ok && (len(rest) == 0 || (rest[0] != '(' && rest[0] != '[')) {
		state(pc).problem(seg.Start, fmt.Sprintf("footnote [^%s] has no note", label),
			fmt.Sprintf("add the note on a line of its own, e.g. [^%s]: Source, page 12. (or remove the reference)", label))
	}
	return nil
}

// footnoteLabel reads "[^label]" (or "![^label]") at the start of line.
func footnoteLabel(line []byte) (label string, rest []byte, ok bool) {
	if len(line) > 0 && line[0] == '!' {
		line = line[1:]
	}
	if len(line) < 3 || line[0] != '[' || line[1] != '^' {
		return "", nil, false
	}
	for i := 2; i < len(line); i++ {
		switch line[i] {
		case ']':
			if i == 2 {
				return "", nil, false
			}
			return string(line[2:i]), line[i+1:], true
		case '[', '\n', '\r':
			return "", nil, false
		}
	}
	return "", nil, false
}

// unreferencedFootnotes reports the notes that the footnote extension left unnumbered,
// which it then removes from the page.
// A note whose label an earlier one has is one of these too: references go to the first.
func (st *docState) unreferencedFootnotes() {
	defined := map[string]bool{}
	for _, f := range st.footnotes {
		label := string(f.note.Ref)
		first := !defined[label]
		defined[label] = true
		switch {
		case !first:
			st.problem(f.offset, fmt.Sprintf("footnote [^%s] is defined a second time, so this note is left out of the page", label),
				fmt.Sprintf("give one of the two notes another label, or remove one; references to [^%s] go to the first", label))
		case f.note.Index < 0:
			st.problem(f.offset, fmt.Sprintf("footnote [^%s] is never referred to, so it is left out of the page", label),
				fmt.Sprintf("refer to it in the text with [^%s], or remove the note", label))
		}
	}
}
