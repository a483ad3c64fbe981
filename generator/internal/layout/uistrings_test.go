package layout

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
	tparse "text/template/parse"
)

// quoteCatalog is English and Dutch, each with a string that every escaper changes.
func quoteCatalog(t *testing.T) *i18n.Catalog {
	t.Helper()
	var diags diag.List
	c := i18n.Load(fstest.MapFS{
		"i18n/en.toml": {Data: []byte("[language]\nname = \"English\"\ndir = \"ltr\"\nlocale = \"en-GB\"\nweight = 1\n[x]\nq = '''Tom & \"Jerry\" <3 + 1'''\nplain = \"Skip to content\"\n")},
		"i18n/nl.toml": {Data: []byte("[language]\nname = \"Nederlands\"\ndir = \"ltr\"\nlocale = \"nl-BE\"\nweight = 2\n[x]\nq = '''Jan & 'Piet' <3 + 1'''\nplain = \"Naar de inhoud\"\n")},
	}, &diags)
	if diags.HasErrors() {
		t.Fatal(diags.Items())
	}
	return c
}

// A UI string written into the layouts reads exactly as html/template places a value there:
// in text, a quoted attribute and <title>, where it is written in, and in a URL, where it
// stays a call; in cached partials too, and in each page's own language.
func TestUIStringsWrittenInReadAsHTMLTemplatePlacesThem(t *testing.T) {
	catalog := quoteCatalog(t)
	const markup = `<title>{{T "x.q"}}</title><p title="{{T "x.q"}}" aria-label="{{T "x.plain"}}">{{T "x.q"}} {{T "x.plain"}}</p><a href="/s?q={{T "x.q"}}">{{T "x.plain"}}</a>`
	fsys := layouts(`{{define "main"}}` + markup + `{{partialCached "layouts/partials/ui.html" . "k"}}{{end}}`)
	fsys["layouts/partials/ui.html"] = &fstest.MapFile{Data: []byte(markup)}
	var diags diag.List
	set := Load(fsys, catalog.Languages, template.FuncMap{"count": func() int { return 0 }}, &diags, Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Items())
	}
	if set.fast.ui == nil || len(set.fast.ui.list) != 5 { // q and plain, in text, attribute and title
		t.Fatalf("strings written in: %+v", set.fast.ui)
	}
	reference := strings.NewReplacer(`T "x.q"`, ".Q", `T "x.plain"`, ".Plain").Replace(markup)
	for _, l := range catalog.Languages {
		q, _ := l.T("x.q")
		plain, _ := l.T("x.plain")
		var want bytes.Buffer
		template.Must(template.New("").Parse("<main>\n  "+reference+reference+"\n</main>\n")).Execute(&want, map[string]string{"Q": q, "Plain": plain})
		got, err := set.Render(l.Code, "page", nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s:\n got %s\nwant %s", l.Code, got, want.Bytes())
		}
	}
}

// Written in, the strings leave no {{T "key"}} behind in text, attributes or titles.
func TestLiteralUIStringsAreNoLongerCalls(t *testing.T) {
	catalog := quoteCatalog(t)
	var diags diag.List
	set := Load(layouts(`{{define "main"}}<p title="{{T "x.q"}}">{{T "x.plain"}}</p>{{end}}`), catalog.Languages, template.FuncMap{"count": func() int { return 0 }}, &diags, Options{})
	for name, l := range set.fast.layouts {
		for _, tmpl := range l.Templates() {
			if tmpl.Tree == nil {
				continue
			}
			walk(tmpl.Tree.Root, func(n tparse.Node) {
				if c, ok := n.(*tparse.CommandNode); ok && len(c.Args) == 2 {
					if fn, ok := c.Args[0].(*tparse.IdentifierNode); ok && fn.Ident == "T" {
						t.Errorf("%s: %s is still a call", name, c)
					}
				}
			})
		}
	}
}

// A string that a language lacks stays a call, so the page fails where the layout says.
func TestMissingUIStringStillNamesTheLayoutLine(t *testing.T) {
	catalog := quoteCatalog(t)
	var diags diag.List
	set := Load(layouts("{{define \"main\"}}\n{{T \"x.plain\"}}\n{{T \"x.nowhere\"}}{{end}}"), catalog.Languages, template.FuncMap{"count": func() int { return 0 }}, &diags, Options{})
	_, err := set.Render("nl", "page", nil)
	if err == nil || !strings.Contains(err.Error(), "layouts/page.html:3") || !strings.Contains(err.Error(), "x.nowhere") {
		t.Fatalf("got %v", err)
	}
}

// A layout that holds a NUL of its own is drawn as written, NUL and all: markers would be
// ambiguous, so no string is written in.
func TestLayoutWithNULKeepsItsCalls(t *testing.T) {
	catalog := quoteCatalog(t)
	var diags diag.List
	set := Load(layouts("{{define \"main\"}}a\x000\x00b {{T \"x.plain\"}}{{end}}"), catalog.Languages, template.FuncMap{"count": func() int { return 0 }}, &diags, Options{})
	got, err := set.Render("nl", "page", nil)
	if err != nil || string(got) != "<main>\n  a\x000\x00b Naar de inhoud\n</main>\n" {
		t.Fatalf("got %q, %v", got, err)
	}
}

// A cached partial's UI strings are written in when it is drawn, so its piece can stand
// where markers could not: an attribute, a function's argument.
func TestCachedPartialWithUIStringsStandsAnywhere(t *testing.T) {
	catalog := quoteCatalog(t)
	fsys := layouts(`{{define "main"}}<p title="{{partialCached "layouts/partials/w.html" . "k"}}">{{len (partialCached "layouts/partials/w.html" . "k")}}</p>{{end}}`)
	fsys["layouts/partials/w.html"] = &fstest.MapFile{Data: []byte(`{{T "x.plain"}}`)}
	var diags diag.List
	set := Load(fsys, catalog.Languages, template.FuncMap{"count": func() int { return 0 }}, &diags, Options{})
	got, err := set.Render("nl", "page", nil)
	if want := "<main>\n  <p title=\"Naar de inhoud\">14</p>\n</main>\n"; err != nil || string(got) != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}
