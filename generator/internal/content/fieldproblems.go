package content

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	yamlast "github.com/goccy/go-yaml/ast"
	yaml3 "go.yaml.in/yaml/v3"
)

// decode fills v, a pointer to a front matter type, strictly: unknown fields and wrong
// types are errors with a line, every one of them, in the order of the lines. Only the fast
// decoder fills v: goccy reads text that looks like a number as that number ("2.10"
// becomes "2.1", "010" becomes "8"), so it only says what is wrong.
func (f *frontMatter) decode(v any) []*positionedError {
	if len(bytes.TrimSpace(f.src)) == 0 {
		return []*positionedError{emptyFrontMatter()}
	}
	fastErr := decodeFast(f.src, v)
	if fastErr == nil && !reflect.ValueOf(v).Elem().IsZero() {
		return nil
	}
	// Refused, or nothing read (only comments, or "~"): goccy checks the shape first.
	if perr := f.parse(); perr != nil {
		return []*positionedError{perr}
	}
	if fastErr == nil {
		return nil // fields, all empty: the checks that follow say which are missing
	}
	explained := f.explainAll(reflect.TypeOf(v).Elem())
	var te *yaml3.TypeError
	if !errors.As(fastErr, &te) {
		if len(explained) == 0 {
			// goccy sees nothing wrong: in practice text the fast decoder could not read
			explained = append(explained, fastError(f.src, strings.TrimPrefix(fastErr.Error(), "yaml: ")))
		}
		return explained
	}
	// The fast decoder has the last word on types: goccy, which says it better, is stricter
	// in places (it calls "draft: yes" text), so its word on a type stands only for a field
	// the fast decoder refused too. What goccy sees nothing wrong in is said in the fast
	// decoder's words: in practice a number written in quotes.
	refused := map[int]bool{}
	complaints := make([]*positionedError, len(te.Errors))
	for i, msg := range te.Errors {
		complaints[i] = fastError(f.src, msg)
		refused[f.fieldOf(complaints[i].line)] = true
	}
	var errs []*positionedError
	for _, e := range explained {
		field := f.fieldOf(e.line)
		if field < 0 {
			return explained // goccy could not read the fields: that is the problem
		}
		if !e.wrongType || refused[field] {
			errs = append(errs, e)
		}
	}
	// goccy names one problem a field; the fast decoder names them all, nested ones too.
	for _, c := range complaints {
		if !f.saidAlready(errs, c) {
			errs = append(errs, c)
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].line < errs[j].line })
	if len(errs) > maxFieldProblems {
		more := errs[maxFieldProblems]
		errs = append(errs[:maxFieldProblems], &positionedError{line: more.line, hint: "correct the ones above and build again",
			msg: fmt.Sprintf("front matter: %d more problems, the first on this line", len(errs)-maxFieldProblems)})
	}
	return errs
}

// saidAlready reports whether the fast decoder's complaint c is one of errs in goccy's words:
// on the same line, the same unknown field, or a value of the wrong kind in the same field.
func (f *frontMatter) saidAlready(errs []*positionedError, c *positionedError) bool {
	unknown := strings.HasPrefix(c.msg, unknownField)
	for _, e := range errs {
		if e.line == c.line || e.msg == c.msg {
			return true
		}
		if !unknown && e.wrongType && f.fieldOf(e.line) == f.fieldOf(c.line) {
			return true
		}
	}
	return false
}

// holdsAnchor reports whether an anchor (&name) is set anywhere in n.
func holdsAnchor(n yamlast.Node) bool {
	var found anchorFinder
	yamlast.Walk(&found, n)
	return bool(found)
}

type anchorFinder bool

func (a *anchorFinder) Visit(n yamlast.Node) yamlast.Visitor {
	if _, ok := n.(*yamlast.AnchorNode); ok {
		*a = true
	}
	if *a {
		return nil
	}
	return a
}

// fieldOf numbers the field of the outer block written on the file line, or on the lines it
// runs over: -1 before the first field.
func (f *frontMatter) fieldOf(line int) int {
	m, ok := f.node.(*yamlast.MappingNode)
	if !ok {
		return 0 // one field
	}
	return fieldAtLine(f.src, m, line)
}

func fieldAtLine(src []byte, m *yamlast.MappingNode, line int) int {
	at := -1
	for i, v := range m.Values {
		if nodeLine(src, v) <= line {
			at = i
		}
	}
	return at
}

// maxFieldProblems bounds the problems reported in one front matter.
const maxFieldProblems = 20

// explainAll decodes with goccy again and again, each time without the field its last
// error was in: goccy stops at the first problem, and an editor who misspelt two fields
// should learn of both in one build.
func (f *frontMatter) explainAll(typ reflect.Type) []*positionedError {
	var errs []*positionedError
	node := f.node
	for len(errs) < maxFieldProblems {
		perr := f.decodeExplained(node, reflect.New(typ).Interface())
		if perr == nil {
			break
		}
		for _, e := range errs {
			if *e == *perr {
				return errs // the field taken out was not the one at fault
			}
		}
		errs = append(errs, perr)
		var ok bool
		if node, ok = f.withoutFieldAt(node, perr.line); !ok {
			break
		}
	}
	return errs
}

// withoutFieldAt is node without the field written on the file line, or on the lines it
// runs over; false when no other field would be left.
func (f *frontMatter) withoutFieldAt(node yamlast.Node, line int) (yamlast.Node, bool) {
	m, ok := node.(*yamlast.MappingNode)
	if !ok {
		return nil, false
	}
	at := fieldAtLine(f.src, m, line)
	if at < 0 || len(m.Values) < 2 || holdsAnchor(m.Values[at]) {
		// Without a field that holds an anchor, its aliases would be the next problem.
		return nil, false
	}
	rest := *m
	rest.Values = append(append([]*yamlast.MappingValueNode{}, m.Values[:at]...), m.Values[at+1:]...)
	return &rest, true
}
