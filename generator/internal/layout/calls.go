package layout

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	tparse "text/template/parse"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
)

// checkCalls reads the layouts' parse trees for two mistakes that would otherwise show only
// as pages are drawn, if at all:
//
//   - a template that draws itself, through {{template}}, outside any {{if}}, {{range}} or
//     {{with}}: it can never end. html/template stops it only 100,000 levels down, on every
//     page: 270 s of building (found by an adversarial test), and errors that blamed the
//     pages. A call under a condition may end (a tree drawn recursively) and is left to the
//     time limit;
//   - a UI string named in the layouts ({{T "nav.home"}}) that no language has: it failed
//     only on the first page that drew it, one day a Turkish page.
//
// Each set is a layout with the base and the partials (each defines its own "main"); what
// they share is said once.
func checkCalls(sets []*template.Template, langs []*i18n.Language, diags *diag.List) {
	reported := map[string]bool{}
	for _, set := range sets {
		checkSet(set, langs, diags, reported)
	}
}

func checkSet(set *template.Template, langs []*i18n.Language, diags *diag.List, reported map[string]bool) {
	trees := map[string]*tparse.Tree{}
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.Root != nil {
			trees[t.Name()] = t.Tree
		}
	}
	names := make([]string, 0, len(trees))
	for name := range trees {
		names = append(names, name)
	}
	sort.Strings(names)
	say := func(tree *tparse.Tree, n tparse.Node, hint, format string, args ...any) {
		file, line := position(tree, n)
		key := fmt.Sprintf("%s:%d:"+format, append([]any{file, line}, args...)...)
		if !reported[key] {
			reported[key] = true
			diags.Errorf(file, line, hint, format, args...)
		}
	}
	// Unconditional calls, and the cycles among them.
	calls := map[string][]*tparse.TemplateNode{}
	for _, name := range names {
		for _, n := range trees[name].Root.Nodes {
			if call, ok := n.(*tparse.TemplateNode); ok {
				calls[name] = append(calls[name], call)
			}
		}
	}
	for _, name := range names {
		if path := cycle(name, calls); path != nil {
			first := calls[name][0]
			for _, c := range calls[name] {
				if c.Name == path[1] {
					first = c
				}
			}
			say(trees[name], first, "draw it under a condition ({{if}}, {{range}}, {{with}}) that ends, or not at all",
				"%s draws itself without end: %s", name, strings.Join(path, " → "))
		}
	}
	if len(langs) == 0 {
		return
	}
	// A key one language has may be drawn only for that language ({{if eq .Lang.Code "nl"}}):
	// only a key no language has is sure to fail.
	has := func(key string) bool {
		for _, l := range langs {
			if l.Has(key) {
				return true
			}
		}
		return false
	}
	for _, name := range names {
		tree := trees[name]
		walk(tree.Root, func(n tparse.Node) {
			cmd, ok := n.(*tparse.CommandNode)
			if !ok || len(cmd.Args) < 2 {
				return
			}
			fn, ok := cmd.Args[0].(*tparse.IdentifierNode)
			key, isString := cmd.Args[1].(*tparse.StringNode)
			if ok && isString && (fn.Ident == "T" || fn.Ident == "Tn") && !has(key.Text) {
				say(tree, cmd, "add it to i18n/"+i18n.DefaultLanguage+".toml and the other languages, or correct the key",
					"UI string %q is in no language file", key.Text)
			}
		})
	}
}

// cycle finds a way from name back to itself through calls, as the list of names passed.
func cycle(name string, calls map[string][]*tparse.TemplateNode) []string {
	seen := map[string]bool{}
	var from func(at string, path []string) []string
	from = func(at string, path []string) []string {
		for _, c := range calls[at] {
			if c.Name == name {
				return append(path, c.Name)
			}
			if !seen[c.Name] {
				seen[c.Name] = true
				if p := from(c.Name, append(path, c.Name)); p != nil {
					return p
				}
			}
		}
		return nil
	}
	return from(name, []string{name})
}

// position is the file and line of n as the parser saw them.
func position(tree *tparse.Tree, n tparse.Node) (string, int) {
	loc, _ := tree.ErrorContext(n) // "layouts/partials/footer.html:7:2"
	file, rest, _ := strings.Cut(loc, ":")
	var line int
	fmt.Sscanf(rest, "%d", &line)
	return file, line
}
