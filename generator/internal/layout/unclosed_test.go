package layout

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
)

// Go says "unexpected EOF" at a layout's last line when a block has no {{end}}; the
// editor is sent to the line that opens the block instead.
func TestUnclosedBlockIsReportedWhereItOpens(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		line       int
		keyword    string
	}{
		{"if", "{{define \"main\"}}\n<ul>\n{{if .}}\n<li>x</li>\n{{end}}\n</ul>\n\n\n", 1, "define"},
		{"a define and an if inside it", "{{define \"main\"}}\n{{if .}}\n<p>x</p>\n{{end}}{{end}}\n{{define \"x\"}}\n{{- if .}}\ny\n\n", 5, "define"},
		{"range after closed ones", "{{define \"main\"}}{{end}}\n{{range .}}\na\n{{else}}\nb\n{{end}}\n{{with .}}\n{{range .}}{{end}}\n{{end}}\n{{range $i, $p := .}}\n{{if $p}}{{end}}\n", 10, "range"},
		{"else if continues its if", "{{define \"main\"}}\n{{end}}\n{{if .}}\na\n{{else if .}}\nb\n{{else}}\nc\n", 3, "if"},
		{"else with continues its with", "{{define \"main\"}}{{end}}\n\n{{with .}}\na\n{{else with .}}\nb\n", 3, "with"},
		{"two open: the outer one", "{{define \"main\"}}{{end}}\n{{with .}}\n{{if .}}\n", 2, "with"},
		{"a block", "{{define \"main\"}}{{end}}\n{{block \"side\" .}}\n<aside>{{/* {{end}} */}}</aside>\n", 2, "block"},
		{"a define whose body starts with a comment", "{{define \"main\" -}}\n{{/* an article */}}\n{{if .}}\n<article>\n{{end}}\n", 1, "define"},
		{"a define at the end of the file", "{{define \"main\"}}{{end}}\n{{define \"x\"}}", 2, "define"},
		{"a block whose name holds braces", "{{define \"main\"}}{{end}}\n{{block \"a{{b\" .}}{{/* c */}}\n", 2, "block"},
		{"sixty open blocks", "{{define \"main\"}}{{end}}\n" + strings.Repeat("{{with .}}\n", 60), 2, "with"},
		{"end in a string", "{{define \"main\"}}{{end}}\n{{if eq . \"{{end}}\"}}x\n", 2, "if"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layouts(`{{define "main"}}x{{end}}`)
			fsys["layouts/page.html"] = &fstest.MapFile{Data: []byte(tc.page)}
			var diags diag.List
			Load(fsys, []*i18n.Language{{Code: "en"}}, template.FuncMap{"count": func() int { return 0 }}, &diags, Options{})
			items := diags.Items()
			want := "this {{" + tc.keyword + "}} is not closed: the file ends before its {{end}}"
			if len(items) != 1 || items[0].File != "layouts/page.html" || items[0].Line != tc.line || items[0].Message != want {
				t.Fatalf("got %v\nwant layouts/page.html:%d: %s", items, tc.line, want)
			}
		})
	}
}

// Other parse errors keep Go's words and line.
func TestOtherParseErrorsKeepGoLine(t *testing.T) {
	fsys := layouts(`{{define "main"}}x{{end}}`)
	fsys["layouts/page.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n{{end}}\n{{end}}\n")}
	var diags diag.List
	Load(fsys, []*i18n.Language{{Code: "en"}}, template.FuncMap{"count": func() int { return 0 }}, &diags, Options{})
	items := diags.Items()
	if len(items) != 1 || items[0].Line != 3 || !strings.Contains(items[0].Message, "unexpected {{end}}") {
		t.Fatalf("got %v", items)
	}
}

// Whatever the layout, the search for its open block ends without a panic, at a line of
// the file.
func FuzzUnclosedBlock(f *testing.F) {
	for _, seed := range []string{"{{if .}}", "{{define \"a\"}}{{else}}", "{{with .}}{{else with .}}\n{{range .}}", "{{block \"b\" .}}{{/*", "{{if}}{{end}}{{end}}", "\n{{- if . -}}\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		line, _, ok := unclosedBlock("layouts/page.html", src)
		if ok && (line < 1 || line > 1+strings.Count(src, "\n")) {
			t.Fatalf("line %d outside the file", line)
		}
	})
}
