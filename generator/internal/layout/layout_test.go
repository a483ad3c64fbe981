package layout

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
)

// layouts is a site whose every layout lists its data through a partial drawn once per key.
func layouts(page string) fstest.MapFS {
	fsys := fstest.MapFS{
		Base:                      {Data: []byte("<main>\n  {{block \"main\" .}}{{end}}\n</main>\n")},
		"layouts/partials/n.html": {Data: []byte("<b>{{.}}={{count}}</b>")},
	}
	for _, name := range Required {
		fsys["layouts/"+name+".html"] = &fstest.MapFile{Data: []byte(page)}
	}
	return fsys
}

func load(t *testing.T, fsys fstest.MapFS, opts Options) (*Set, *int) {
	t.Helper()
	calls := 0
	var diags diag.List
	set := Load(fsys, []*i18n.Language{{Code: "en"}}, template.FuncMap{"count": func() int { calls++; return calls }}, &diags, opts)
	if diags.HasErrors() {
		t.Fatal(diags.Items())
	}
	return set, &calls
}

func TestPartialCachedDrawsOncePerKey(t *testing.T) {
	set, calls := load(t, layouts(`{{define "main"}}{{range .}}{{partialCached "layouts/partials/n.html" . .}}{{end}}{{end}}`), Options{})
	got, err := set.Render("en", "page", []string{"a", "b", "a", "a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "<main>\n  <b>a=1</b><b>b=2</b><b>a=1</b><b>a=1</b><b>b=2</b>\n</main>\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if *calls != 2 {
		t.Errorf("the partial ran %d times, want once per key", *calls)
	}
	set.Forget()
	set.Render("en", "page", []string{"a"})
	if *calls != 3 {
		t.Error("Forget kept a drawn partial")
	}
}

// helloCatalog is English and Dutch, each with one string, x.hello.
func helloCatalog(diags *diag.List) *i18n.Catalog {
	return i18n.Load(fstest.MapFS{
		"i18n/en.toml": {Data: []byte("[language]\nname = \"English\"\ndir = \"ltr\"\nlocale = \"en-GB\"\nweight = 1\n[x]\nhello = \"Hello\"\n")},
		"i18n/nl.toml": {Data: []byte("[language]\nname = \"Nederlands\"\ndir = \"ltr\"\nlocale = \"nl-BE\"\nweight = 2\n[x]\nhello = \"Hallo\"\n")},
	}, diags)
}

// A partial that shows no UI string looks the same in every language: it is drawn once per
// key for all of them. One that shows a string, itself or through a partial it includes, is
// drawn once per key and language.
func TestPartialWithoutUIStringsIsDrawnOnceForAllLanguages(t *testing.T) {
	var diags diag.List
	catalog := helloCatalog(&diags)
	fsys := layouts(`{{define "main"}}{{partialCached (print "layouts/partials/" .) . "k"}}{{end}}`)
	fsys["layouts/partials/plain.html"] = &fstest.MapFile{Data: []byte(`<b>{{count}}</b>`)}
	fsys["layouts/partials/worded.html"] = &fstest.MapFile{Data: []byte(`<b>{{T "x.hello"}} {{count}}</b>`)}
	fsys["layouts/partials/outer.html"] = &fstest.MapFile{Data: []byte(`<i>{{count}}{{template "layouts/partials/inner.html"}}</i>`)}
	fsys["layouts/partials/inner.html"] = &fstest.MapFile{Data: []byte(`{{T "x.hello"}}`)}
	// A list of plain pieces drawn through partialCached is plain itself; a list of worded
	// ones, or of pieces named only when the page renders, is not.
	fsys["layouts/partials/plain-list.html"] = &fstest.MapFile{Data: []byte(`<ul>{{count}}{{partialCached "layouts/partials/plain.html" . "k"}}</ul>`)}
	fsys["layouts/partials/worded-list.html"] = &fstest.MapFile{Data: []byte(`<ul>{{count}}{{partialCached "layouts/partials/worded.html" . "k"}}</ul>`)}
	fsys["layouts/partials/named-list.html"] = &fstest.MapFile{Data: []byte(`<ul>{{count}}{{partialCached (print "layouts/partials/plain.html") . "k"}}</ul>`)}
	calls := 0
	set := Load(fsys, catalog.Languages, template.FuncMap{"count": func() int { calls++; return calls }}, &diags, Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Items())
	}
	for _, c := range []struct {
		partial string
		want    map[string]string // by language
		draws   int
	}{
		{"plain.html", map[string]string{"en": "<b>1</b>", "nl": "<b>1</b>"}, 1},
		{"worded.html", map[string]string{"en": "<b>Hello 2</b>", "nl": "<b>Hallo 3</b>"}, 2},
		{"outer.html", map[string]string{"en": "<i>4Hello</i>", "nl": "<i>5Hallo</i>"}, 2},
		{"plain-list.html", map[string]string{"en": "<ul>6<b>1</b></ul>", "nl": "<ul>6<b>1</b></ul>"}, 1},
		{"worded-list.html", map[string]string{"en": "<ul>7<b>Hello 2</b></ul>", "nl": "<ul>8<b>Hallo 3</b></ul>"}, 2},
		{"named-list.html", map[string]string{"en": "<ul>9<b>1</b></ul>", "nl": "<ul>10<b>1</b></ul>"}, 2},
	} {
		before := calls
		for _, lang := range []string{"en", "nl", "en", "nl"} {
			got, err := set.Render(lang, "page", c.partial)
			if err != nil {
				t.Fatal(err)
			}
			if want := "<main>\n  " + c.want[lang] + "\n</main>\n"; string(got) != want {
				t.Errorf("%s in %s: got %q, want %q", c.partial, lang, got, want)
			}
		}
		if n := calls - before; n != c.draws {
			t.Errorf("%s was drawn %d times for two languages, want %d", c.partial, n, c.draws)
		}
	}
	set.Forget()
	set.Render("nl", "page", "plain.html")
	if calls != 11 {
		t.Error("Forget kept a partial drawn for all languages")
	}
}

func TestMinifiedLayoutsRenderTheSamePage(t *testing.T) {
	page := `{{define "main"}}<p class="a  b">
    {{range .}}<span>{{.}}</span> {{end}}
  </p>{{end}}`
	minify := func(src []byte) ([]byte, error) {
		// A stand-in for the real minifier: drop the indentation.
		return []byte(strings.NewReplacer("\n    ", "\n", "\n  ", "\n").Replace(string(src))), nil
	}
	plain, _ := load(t, layouts(page), Options{})
	small, _ := load(t, layouts(page), Options{Minify: minify})
	a, _ := plain.Render("en", "page", []string{"x", "y"})
	b, _ := small.Render("en", "page", []string{"x", "y"})
	if len(b) >= len(a) || strings.ReplaceAll(string(a), " ", "") != strings.ReplaceAll(string(b), " ", "") {
		t.Errorf("plain %q\nsmall %q", a, b)
	}
}

// Pages of different languages rendered at the same time each get their own language's
// strings, in the page and in its cached partials: the layouts are shared and the functions
// are bound to one language at a time.
func TestLanguagesRenderedTogetherKeepTheirStrings(t *testing.T) {
	var diags diag.List
	catalog := helloCatalog(&diags)
	// A computed key is looked up as the page renders, with the bound functions; a
	// literal one is written in when the page is done (see uistrings.go).
	fsys := layouts(`{{define "main"}}{{T (print "x." "hello")}} {{.}} {{partialCached "layouts/partials/n.html" . .}}{{end}}`)
	fsys["layouts/partials/n.html"] = &fstest.MapFile{Data: []byte(`<b>{{T "x.hello"}}{{T (print "x." "hello")}}</b>`)}
	set := Load(fsys, catalog.Languages, template.FuncMap{}, &diags, Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Items())
	}
	want := map[string]string{"en": "Hello", "nl": "Hallo"}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				lang := []string{"en", "nl"}[(i+w)%2]
				got, err := set.Render(lang, "page", i%3)
				if err != nil {
					t.Error(err)
					return
				}
				if w := fmt.Sprintf("<main>\n  %s %d <b>%s%s</b>\n</main>\n", want[lang], i%3, want[lang], want[lang]); string(got) != w {
					t.Errorf("%s page: got %q, want %q", lang, got, w)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// partialCached starts each drawing afresh, so html/template's depth limit never stops a
// partial that leads back to itself through it: Go's stack overflowed instead, a crash that
// named no file (found by a review). Such a loop stops with an error that names the
// partial, the line that calls it and the call that leads back to it; a finite tree drawn
// the same way is fine.
func TestPartialCachedLoopStops(t *testing.T) {
	fsys := layouts(`{{define "main"}}{{partialCached "layouts/partials/a.html" . "k"}}{{end}}`)
	fsys["layouts/partials/a.html"] = &fstest.MapFile{Data: []byte("a\n{{if .}}{{template \"layouts/partials/b.html\" .}}{{end}}")}
	fsys["layouts/partials/b.html"] = &fstest.MapFile{Data: []byte("b\n\n{{partialCached \"layouts/partials/a.html\" . \"k\"}}")}
	fsys["layouts/partials/tree.html"] = &fstest.MapFile{Data: []byte(`({{.Name}}{{range .Children}}{{partialCached "layouts/partials/tree.html" . .Name}}{{end}})`)}
	fsys["layouts/home.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{partialCached "layouts/partials/tree.html" . "root"}}{{end}}`)}
	set, _ := load(t, fsys, Options{})
	_, err := set.Render("en", "page", true)
	if err == nil || !strings.Contains(err.Error(), "layouts/page.html:1") ||
		!strings.Contains(err.Error(), "partialCached drew layouts/partials/a.html inside itself more than 10000 times (the call at layouts/partials/b.html:3)") || len(err.Error()) > 1000 {
		t.Fatalf("got %.2000v", err)
	}
	type node struct {
		Name     string
		Children []node
	}
	tree := node{"root", []node{{"a", []node{{"a1", nil}}}, {"b", nil}}}
	got, err := set.Render("en", "home", tree)
	if err != nil || !strings.Contains(string(got), "(root(a(a1))(b))") {
		t.Fatalf("%v %s", err, got)
	}
}

// A layout that writes without end stops at MaxRenderedBytes with its file named, instead of
// filling the machine's memory (found by a review).
func TestEndlessLayoutStopsWithItsName(t *testing.T) {
	set, _ := load(t, layouts(`{{define "main"}}{{range 100000000000}}`+strings.Repeat("x", 1<<16)+`{{end}}{{end}}`), Options{})
	_, err := set.Render("en", "page", nil)
	if err == nil {
		t.Fatal("no error")
	}
	file, line, msg := SplitTemplateError(err)
	if file != "layouts/page.html" || line != 0 || !strings.HasPrefix(msg, "the page grew past 64 MB") {
		t.Fatalf("got %q %d %q", file, line, msg)
	}
}

// An empty layouts/page.html published every page of its kind with an empty <main> (found
// by a review): the base's empty block stood in for it.
func TestLayoutWithoutMainIsRefused(t *testing.T) {
	fsys := layouts(`{{define "main"}}x{{end}}`)
	fsys["layouts/page.html"] = &fstest.MapFile{Data: []byte("")}
	var diags diag.List
	Load(fsys, []*i18n.Language{{Code: "en"}}, template.FuncMap{"count": func() int { return 0 }}, &diags, Options{})
	items := diags.Items()
	if len(items) != 1 || items[0].File != "layouts/page.html" || items[0].Message != `defines no "main"` {
		t.Fatalf("got %v", items)
	}
}
