package layout

import (
	"html/template"
	tparse "text/template/parse"
)

// languageFree lists the templates of set whose output does not depend on the language they
// render in: they call none of the language's functions (bound), not even through the
// templates they include. partialCached draws such a partial once for all languages, so a
// page listed untranslated in four languages is drawn once, not four times. A partial drawn
// through partialCached, named in the layout, counts as included: partialCached gives the
// same drawing of a free partial in every language, so a list of free cards is free too.
func languageFree(set *template.Template, bound template.FuncMap) map[string]bool {
	uses := map[string]bool{}         // the template itself calls a bound function
	includes := map[string][]string{} // the templates it includes
	drawsNamed := map[*tparse.IdentifierNode]bool{}
	for _, t := range set.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		name := t.Name()
		walk(t.Tree.Root, func(n tparse.Node) {
			switch n := n.(type) {
			case *tparse.CommandNode: // seen before its arguments
				if len(n.Args) < 2 {
					break
				}
				fn, isIdent := n.Args[0].(*tparse.IdentifierNode)
				partial, isString := n.Args[1].(*tparse.StringNode)
				if isIdent && fn.Ident == partialCachedFunc && isString {
					includes[name] = append(includes[name], partial.Text)
					drawsNamed[fn] = true
				}
			case *tparse.IdentifierNode:
				if _, ok := bound[n.Ident]; ok && !drawsNamed[n] {
					uses[name] = true
				}
			case *tparse.TemplateNode:
				includes[name] = append(includes[name], n.Name)
			}
		})
	}
	free := map[string]bool{}
	var dependsOnLanguage func(name string, seen map[string]bool) bool
	dependsOnLanguage = func(name string, seen map[string]bool) bool {
		if uses[name] {
			return true
		}
		if seen[name] {
			return false // a cycle adds nothing new
		}
		seen[name] = true
		for _, inc := range includes[name] {
			if dependsOnLanguage(inc, seen) {
				return true
			}
		}
		return false
	}
	for _, t := range set.Templates() {
		if t.Tree != nil && !dependsOnLanguage(t.Name(), map[string]bool{}) {
			free[t.Name()] = true
		}
	}
	return free
}

// walk calls fn for n and everything below it.
func walk(n tparse.Node, fn func(tparse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *tparse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, fn)
		}
	case *tparse.ActionNode:
		walk(n.Pipe, fn)
	case *tparse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, fn)
		}
	case *tparse.CommandNode:
		for _, a := range n.Args {
			walk(a, fn)
		}
	case *tparse.ChainNode:
		walk(n.Node, fn)
	case *tparse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *tparse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *tparse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *tparse.TemplateNode:
		walk(n.Pipe, fn)
	}
}

func walkBranch(b *tparse.BranchNode, fn func(tparse.Node)) {
	walk(b.Pipe, fn)
	walk(b.List, fn)
	walk(b.ElseList, fn)
}
