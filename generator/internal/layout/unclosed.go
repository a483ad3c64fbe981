package layout

import (
	"strings"
	tparse "text/template/parse"
)

// unclosedBlock finds the {{if}}, {{range}}, {{with}}, {{block}} or {{define}} left
// without its {{end}} in a layout Go's parser stopped at with "unexpected EOF": Go names the
// file's last line, which says nothing about where the {{end}} is missing.
//
// It parses the layout again with as many {{end}}s added as there are open blocks (too few
// leave the file ending too soon, too many leave an {{end}} over: found by halving), the
// last after a marked comment, and returns the line and keyword of the block that one
// closes: the outermost block still open at the end of the file.
func unclosedBlock(name, src string) (line int, keyword string, ok bool) {
	const maxOpen = 64
	for lo, hi := 1, maxOpen; lo <= hi; {
		k := (lo + hi) / 2
		text := src + strings.Repeat("{{end}}", k-1) + "{{" + unclosedMarker + "}}{{end}}"
		t := tparse.New(name)
		t.Mode = tparse.ParseComments | tparse.SkipFuncCheck
		trees := map[string]*tparse.Tree{}
		_, err := t.Parse(text, "", "", trees)
		switch {
		case err == nil:
			f := markerFinder{text: text}
			pos, found := f.openAround(trees, name)
			if !found || pos < 0 || pos > len(src) {
				return 0, "", false
			}
			keyword = f.keyword(pos)
			if !blockKeywords[keyword] {
				return 0, "", false
			}
			return 1 + strings.Count(src[:pos], "\n"), keyword, true
		case strings.HasSuffix(err.Error(), "unexpected EOF"):
			lo = k + 1
		case strings.HasSuffix(err.Error(), "unexpected {{end}}"):
			hi = k - 1
		default:
			return 0, "", false
		}
	}
	return 0, "", false
}

const unclosedMarker = "/*handbook-unclosed*/"

var blockKeywords = map[string]bool{"if": true, "range": true, "with": true, "block": true, "define": true}

// openAround returns where the innermost block holding the unclosed marker opens: the start of its
// action, or of the {{if}} or {{with}} an {{else if}} or {{else with}} continues.
func (f markerFinder) openAround(trees map[string]*tparse.Tree, file string) (int, bool) {
	for n, t := range trees { // the marker is in one of them
		var stack []int
		if n != file {
			stack = append(stack, f.definedAt(t.Root.Position()))
		}
		if pos, ok := f.find(t.Root, stack); ok {
			return pos, true
		}
	}
	return 0, false
}

// markerFinder looks for the unclosed marker in the trees parsed from text.
type markerFinder struct{ text string }

func (f markerFinder) find(list *tparse.ListNode, stack []int) (int, bool) {
	if list == nil {
		return 0, false
	}
	for _, n := range list.Nodes {
		var b *tparse.BranchNode
		switch n := n.(type) {
		case *tparse.CommentNode:
			if n.Text == unclosedMarker && len(stack) > 0 {
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

// definedAt is the start of the {{define}} or {{block}} whose body starts at pos: the last
// such action before it. Only a comment, whose {{ the parser drops from the position it
// gives, can stand between the two.
func (f markerFinder) definedAt(pos tparse.Pos) int {
	for at := int(pos); at > 0; {
		at = strings.LastIndex(f.text[:at], "{{")
		if at < 0 {
			break
		}
		if k := f.keyword(at); k == "define" || k == "block" {
			return at
		}
	}
	return -1
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
