package layout

import (
	"fmt"
	"sort"
	"strings"
	tparse "text/template/parse"
)

// unclosedBlock finds the {{if}}, {{range}}, {{with}}, {{block}} or {{define}} left
// without its {{end}} in a layout Go's parser stopped at with "unexpected EOF": Go names the
// file's last line, which says nothing about where the {{end}} is missing.
//
// It parses the layout again with {{end}}s added until it parses, each after a marked
// comment, and returns the line and keyword of the block the last of them closes: the
// outermost block still open at the end of the file.
func unclosedBlock(name, src string) (line int, keyword string, ok bool) {
	const maxOpen = 64
	var added strings.Builder
	for k := 1; k <= maxOpen; k++ {
		marker := fmt.Sprintf("/*handbook-unclosed-%d*/", k)
		added.WriteString("{{" + marker + "}}{{end}}")
		text := src + added.String()
		t := tparse.New(name)
		t.Mode = tparse.ParseComments | tparse.SkipFuncCheck
		trees := map[string]*tparse.Tree{}
		if _, err := t.Parse(text, "", "", trees); err != nil {
			if strings.HasSuffix(err.Error(), "unexpected EOF") {
				continue
			}
			return 0, "", false
		}
		pos, found := openAround(trees, name, text, marker)
		if !found || pos < 0 || pos > len(src) {
			return 0, "", false
		}
		return 1 + strings.Count(src[:pos], "\n"), markerFinder{text: text}.keyword(pos), true
	}
	return 0, "", false
}

// openAround returns where the innermost block holding the comment marker opens: the start
// of its action, or of the {{if}} or {{with}} an {{else if}} or {{else with}} continues.
func openAround(trees map[string]*tparse.Tree, file, text, marker string) (int, bool) {
	names := make([]string, 0, len(trees))
	for n := range trees {
		names = append(names, n)
	}
	sort.Strings(names)
	f := markerFinder{text: text, marker: marker}
	for _, n := range names {
		t := trees[n]
		var stack []int
		if n != file {
			// A {{define}} or {{block}}: its body starts right after the action that opened it.
			stack = append(stack, f.actionBefore(t.Root.Position()))
		}
		if pos, ok := f.find(t.Root, stack); ok {
			return pos, true
		}
	}
	return 0, false
}

type markerFinder struct{ text, marker string }

func (f markerFinder) find(list *tparse.ListNode, stack []int) (int, bool) {
	if list == nil {
		return 0, false
	}
	for _, n := range list.Nodes {
		var b *tparse.BranchNode
		switch n := n.(type) {
		case *tparse.CommentNode:
			if strings.Contains(n.Text, f.marker) && len(stack) > 0 {
				return stack[len(stack)-1], true
			}
			continue
		case *tparse.IfNode:
			b = &n.BranchNode
		case *tparse.RangeNode:
			b = &n.BranchNode
		case *tparse.WithNode:
			b = &n.BranchNode
		default:
			continue
		}
		open := f.actionBefore(b.Position())
		inner := append(stack[:len(stack):len(stack)], open)
		if len(stack) > 0 && f.keyword(open) == "else" {
			// {{else if}} and {{else with}} end with the {{if}} or {{with}} they continue.
			inner = stack
		}
		for _, l := range []*tparse.ListNode{b.List, b.ElseList} {
			if pos, ok := f.find(l, inner); ok {
				return pos, true
			}
		}
	}
	return 0, false
}

// actionBefore is the start of the action holding pos.
func (f markerFinder) actionBefore(pos tparse.Pos) int {
	return strings.LastIndex(f.text[:pos], "{{")
}

// keyword is the first word of the action at pos: "if", "range", "define".
func (f markerFinder) keyword(pos int) string {
	if pos < 0 {
		return ""
	}
	rest := strings.TrimPrefix(f.text[pos:], "{{")
	rest = strings.TrimLeft(strings.TrimPrefix(rest, "-"), " \t\r\n")
	end := strings.IndexFunc(rest, func(r rune) bool { return r < 'a' || r > 'z' })
	if end < 0 {
		end = len(rest)
	}
	return rest[:end]
}
