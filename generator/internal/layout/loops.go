package layout

import (
	"fmt"
	"html/template"
	"sort"
	tparse "text/template/parse"

	"github.com/educare-handbook/handbook/generator/internal/diag"
)

// checkCachedLoops reports each partialCached call that can lead back to the partial it is
// in. {{template}} counts how deep it goes and stops a loop with an error, but partialCached
// starts a new execution each time, with the count at zero, so such a loop ran until Go's
// stack overflowed: a crash without a file's name, after a minute and a gigabyte.
func checkCachedLoops(set *template.Template, diags *diag.List) {
	type call struct {
		to     string
		cached bool
		where  string // file:line:col of the call
	}
	calls := map[string][]call{}
	for _, t := range set.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		from, tree := t.Name(), t.Tree
		walk(tree.Root, func(n tparse.Node) {
			switch n := n.(type) {
			case *tparse.CommandNode:
				if len(n.Args) < 2 {
					return
				}
				fn, isIdent := n.Args[0].(*tparse.IdentifierNode)
				partial, isString := n.Args[1].(*tparse.StringNode)
				if isIdent && fn.Ident == partialCachedFunc && isString {
					where, _ := tree.ErrorContext(n)
					calls[from] = append(calls[from], call{partial.Text, true, where})
				}
			case *tparse.TemplateNode:
				calls[from] = append(calls[from], call{to: n.Name})
			}
		})
	}
	reaches := func(from, to string) bool {
		seen := map[string]bool{}
		var visit func(string) bool
		visit = func(name string) bool {
			if name == to {
				return true
			}
			if seen[name] {
				return false
			}
			seen[name] = true
			for _, c := range calls[name] {
				if visit(c.to) {
					return true
				}
			}
			return false
		}
		return visit(from)
	}
	names := make([]string, 0, len(calls))
	for name := range calls {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, from := range names {
		for _, c := range calls[from] {
			if !c.cached || !reaches(c.to, from) {
				continue
			}
			file, line, _ := SplitTemplateError(fmt.Errorf("%s: x", c.where))
			if file == "" {
				file = from
			}
			diags.Errorf(file, line, "a partial that draws itself needs {{template}}, which stops a loop that does not end",
				"partialCached draws %s, which leads back here: nothing would stop the loop", c.to)
		}
	}
}
