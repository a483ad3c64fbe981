package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Markdown that does not do what its writer meant is printed as typed, or left out, without
// a word: these find two such cases that goldmark leaves no trace of but the text.

// missingReference reports [text][label] or [text][] whose label has no definition
// ([label]: https://…), which goldmark prints with its brackets. A shortcut ([text]) is
// left alone: "[sic]" and "[…]" are common in quotes.
func missingReference(n *ast.Text, src []byte) (Problem, int, bool) {
	seg := n.Segment
	i := bytes.Index(src[seg.Start:seg.Stop], []byte("]["))
	if i < 0 {
		return Problem{}, 0, false
	}
	at := seg.Start + i
	open := bytes.LastIndexByte(src[:at], '[')
	if open < 0 || bytes.IndexByte(src[open:at], '\n') >= 0 || (open > 0 && src[open-1] == '\\') {
		return Problem{}, 0, false
	}
	end := bytes.IndexByte(src[at+2:], ']')
	if end < 0 || bytes.IndexByte(src[at+2:at+2+end], '\n') >= 0 {
		return Problem{}, 0, false
	}
	label := string(src[at+2 : at+2+end])
	if label == "" {
		label = string(src[open+1 : at])
	}
	if strings.Trim(label, "0123456789") == "" {
		return Problem{}, 0, false // a[0][1], "studies [1][2]": numbers in brackets, as meant
	}
	return Problem{Message: fmt.Sprintf("reference link [%s] has no definition, so it shows with its brackets", label),
		Hint: fmt.Sprintf("add a line [%s]: https://… below the paragraph, or write the link as [text](address)", label)}, at, true
}

// extraCells reports a table row with more cells than the header: GitHub's rules drop the
// cells past the header's, and their text with them.
func extraCells(row *extast.TableRow, src []byte) (Problem, bool) {
	start := row.Pos()
	if start < 0 || start >= len(src) {
		return Problem{}, false
	}
	line := src[start:]
	if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	line = bytes.TrimSpace(line)
	line = bytes.TrimPrefix(line, []byte("|"))
	if bytes.HasSuffix(line, []byte("|")) && !bytes.HasSuffix(line, []byte(`\|`)) {
		line = line[:len(line)-1]
	}
	cells := 1
	for i, c := range line {
		if c == '|' && (i == 0 || line[i-1] != '\\') {
			cells++
		}
	}
	if want := len(row.Alignments); cells > want {
		return Problem{Message: fmt.Sprintf("table row of %d cells under a header of %d: the last %d would be left out", cells, want, cells-want),
			Hint: "add columns to the header, or join the cells; write \\| for a | inside a cell"}, true
	}
	return Problem{}, false
}
