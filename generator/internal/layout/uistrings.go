package layout

import (
	"bytes"
	"html/template"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	tparse "text/template/parse"

	"github.com/educare-handbook/handbook/generator/internal/i18n"
	"github.com/educare-handbook/handbook/generator/internal/work"
)

// UI strings written into the layouts.
//
// Most {{T "key"}} of the layouts name their string and stand in text, in a quoted attribute
// value or in <title>. Drawn as written, each costs a call of T and a call of the escaper
// html/template put after it, both through reflection: a sixth of the template work of a
// page. Once html/template has escaped the layouts, each such action becomes a marker in the
// template's text (NUL, the string's number, NUL), and a rendered page, or a partial drawn
// for partialCached, is copied once with every marker replaced by its string in the
// language, escaped as that escaper escapes it. A page holds no other NUL: html/template's escapers replace it in values, the
// Markdown renderer in bodies (as CommonMark says), and layouts that hold one are left as
// they are. A string some language lacks stays a call, so the error names the layout line.

const marker = 0 // NUL, which opens and closes a marker

// uiStrings are the strings written in as markers, by number.
type uiStrings struct {
	list   []uiString
	number map[uiString]int
	byLang map[string][]string // per language code: each string, escaped
}

type uiString struct {
	key    string
	escape string // the escaper html/template chose for the place: its name
}

// escapeProbes escape a value as html/template's escapers of those names do, by letting
// html/template place it in the same kind of place: between before and after.
var escapeProbes = map[string][2]string{
	"_html_template_htmlescaper":   {"", ""},
	"_html_template_attrescaper":   {`<p title="`, `">`},
	"_html_template_rcdataescaper": {"<title>", "</title>"},
}

// loading is what a layout draws when it is executed at load.
const loading = "the layouts as they are loaded"

// writeInUIStrings escapes every layout and partial of set (html/template does so before
// the first execution: they are executed once, with the functions that do nothing they
// were parsed with) and turns the actions {{T "key"}} it can into markers.
func writeInUIStrings(set *parsedSet, langs []*i18n.Language, partials []string) {
	if len(langs) == 0 {
		return
	}
	// The templates as parsed. The copies html/template derives while escaping, for a
	// partial included in an attribute or a script, are not among them and keep their
	// calls: rare, and right either way.
	templates := set.partials.Templates()
	layouts := make([]*template.Template, 0, len(set.layouts))
	var files []string
	for _, name := range Required {
		if t := set.layouts[name]; t != nil {
			layouts = append(layouts, t)
			files = append(files, "layouts/"+name+".html")
			templates = append(templates, t.Templates()...)
		}
	}
	// Each layout is a set of its own: they are escaped side by side, and the partials
	// (drawn by partialCached) with them.
	work.Each(len(layouts)+1, func(i int) {
		if i == len(layouts) {
			for _, p := range partials {
				end := set.watch.Begin(p, loading)
				_ = set.partials.ExecuteTemplate(&capped{w: io.Discard}, p, struct{}{}) // errors come back when pages render
				end()
			}
			return
		}
		defer set.watch.Begin(files[i], loading)()
		_ = layouts[i].ExecuteTemplate(&capped{w: io.Discard}, Base, struct{}{})
	})
	u := &uiStrings{number: map[uiString]int{}, byLang: map[string][]string{}}
	known := func(key string) bool {
		for _, l := range langs {
			if _, err := l.T(key); err != nil {
				return false
			}
		}
		return true
	}
	for _, t := range templates {
		if t.Tree != nil {
			u.replace(t.Tree.Root, known)
		}
	}
	probes := map[string]*template.Template{}
	for name, around := range escapeProbes {
		probes[name] = template.Must(template.New(name).Parse(around[0] + "{{.}}" + around[1]))
	}
	for _, l := range langs {
		strs := make([]string, len(u.list))
		for i, s := range u.list {
			text, _ := l.T(s.key)
			if strings.ContainsAny(text, "\x00\"&'+<>=`") {
				text = escapeLike(probes[s.escape], escapeProbes[s.escape], text)
			} // else no escaper changes it
			strs[i] = text
		}
		u.byLang[l.Code] = strs
	}
	set.ui = u
}

// replace turns, in list and everything below it, each escaped {{T "key"}} whose key every
// language has into a marker.
func (u *uiStrings) replace(list *tparse.ListNode, known func(string) bool) {
	if list == nil {
		return
	}
	for i, n := range list.Nodes {
		switch n := n.(type) {
		case *tparse.ActionNode:
			if s, ok := literalT(n); ok && known(s.key) {
				list.Nodes[i] = &tparse.TextNode{NodeType: tparse.NodeText, Pos: n.Pos, Text: u.marker(s)}
			}
		case *tparse.IfNode:
			u.replace(n.List, known)
			u.replace(n.ElseList, known)
		case *tparse.RangeNode:
			u.replace(n.List, known)
			u.replace(n.ElseList, known)
		case *tparse.WithNode:
			u.replace(n.List, known)
			u.replace(n.ElseList, known)
		}
	}
}

// literalT recognises {{T "key"}} as html/template escaped it: T "key" | escaper.
func literalT(a *tparse.ActionNode) (uiString, bool) {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 2 || len(p.Cmds[0].Args) != 2 || len(p.Cmds[1].Args) != 1 {
		return uiString{}, false
	}
	fn, ok1 := p.Cmds[0].Args[0].(*tparse.IdentifierNode)
	key, ok2 := p.Cmds[0].Args[1].(*tparse.StringNode)
	esc, ok3 := p.Cmds[1].Args[0].(*tparse.IdentifierNode)
	if !ok1 || !ok2 || !ok3 || fn.Ident != "T" {
		return uiString{}, false
	}
	if _, ok := escapeProbes[esc.Ident]; !ok {
		return uiString{}, false
	}
	return uiString{key: key.Text, escape: esc.Ident}, true
}

func (u *uiStrings) marker(s uiString) []byte {
	n, ok := u.number[s]
	if !ok {
		n = len(u.list)
		u.number[s] = n
		u.list = append(u.list, s)
	}
	return []byte("\x00" + strconv.Itoa(n) + "\x00")
}

// escapeLike escapes text with probe, which places it between around[0] and around[1].
func escapeLike(probe *template.Template, around [2]string, text string) string {
	var b strings.Builder
	if err := probe.Execute(&b, text); err != nil {
		return template.HTMLEscapeString(text)
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), around[0]), around[1])
}

// doNothing gives each function of funcs a stand-in of the same type that returns zero
// values, so executing a template to have it escaped changes nothing.
func doNothing(funcs template.FuncMap) template.FuncMap {
	stubs := template.FuncMap{}
	for name, fn := range funcs {
		typ := reflect.TypeOf(fn)
		stubs[name] = reflect.MakeFunc(typ, func([]reflect.Value) []reflect.Value {
			out := make([]reflect.Value, typ.NumOut())
			for i := range out {
				out[i] = reflect.Zero(typ.Out(i))
			}
			return out
		}).Interface()
	}
	return stubs
}

// resolve returns page with each marker replaced by its string in lang: a new slice.
func (u *uiStrings) resolve(page []byte, lang string) []byte {
	return u.appendResolved(nil, page, lang)
}

// appendResolved is resolve appending to out.
func (u *uiStrings) appendResolved(out, page []byte, lang string) []byte {
	out = slices.Grow(out, len(page)+len(page)/16)
	var strs []string
	if u != nil {
		strs = u.byLang[lang]
	}
	for {
		i := bytes.IndexByte(page, marker)
		if i < 0 {
			return append(out, page...)
		}
		end := bytes.IndexByte(page[i+1:], marker)
		n, err := strconv.Atoi(string(page[i+1 : i+1+max(end, 0)]))
		if end < 0 || err != nil || n < 0 || n >= len(strs) {
			out = append(out, page[:i+1]...) // not a marker: never made, kept as it is
			page = page[i+1:]
			continue
		}
		out = append(out, page[:i]...)
		out = append(out, strs[n]...)
		page = page[i+end+2:]
	}
}
