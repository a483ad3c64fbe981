package build

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// A layout whose drawing of a page does not end fails the build after the time limit, with
// the layout and the page named; public/ and its spare stay as they were, and the drawing,
// when it does end, writes nothing.
func TestEndlessDrawingFailsTheBuild(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	mustBuild(t, dir)
	public, spare := filepath.Join(dir, "public"), filepath.Join(dir, ".public.old")
	before, spareBefore := treeHash(t, public), treeHash(t, spare)
	guide, err := os.ReadFile(filepath.Join(dir, "layouts/guide.html"))
	if err != nil {
		t.Fatal(err)
	}
	// Only while a page is drawn (the layouts run once without one when loaded); the range
	// ends after a second or two, so the test sees what a drawing that ends late does.
	slow := strings.Replace(string(guide), `{{define "main"}}`, `{{define "main"}}{{if .Page}}{{range `+slowRange+`}}{{end}}{{end}}`, 1)
	sitetest.Write(t, dir, "layouts/guide.html", slow)

	start := time.Now()
	res, err := Build(Options{Root: dir, Out: public, BaseURL: "https://handbook.example/", Timeout: 200 * time.Millisecond})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	if took := time.Since(start); took > 1200*time.Millisecond {
		t.Errorf("the build gave up after %s, with a limit of 200ms", took)
	}
	items := res.Diags.Items()
	if len(items) != 1 || items[0].File != "layouts/guide.html" ||
		!strings.Contains(items[0].Message, "content/guides/asking-parents.") ||
		!strings.Contains(items[0].Message, "has taken more than 200ms") ||
		!strings.Contains(items[0].Hint, "{{range}}") {
		t.Fatalf("got %+v, want one error naming layouts/guide.html and the guide", items)
	}
	// The drawing ends a second or two later, and the page it made must go nowhere.
	time.Sleep(3 * time.Second)
	if treeHash(t, public) != before || treeHash(t, spare) != spareBefore {
		t.Error("public/ or its spare changed")
	}
	// The spare's manifest goes as the build takes the spare; the next build compares.
	wantOnly(t, dir, "content", "i18n", "layouts", "static", "public", ".public.old", ".public.manifest")
}

// A layout that does not end while the layouts are loaded is named too.
func TestEndlessDrawingWhileLoadingFailsTheBuild(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	// Partials are drawn once when loaded, without a page (html/template escapes a template
	// as it first runs it).
	sitetest.Write(t, dir, "layouts/partials/spin.html", `{{range `+slowRange+`}}{{end}}`)
	res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/", Timeout: 200 * time.Millisecond})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	items := res.Diags.Items()
	if len(items) != 1 || items[0].File != "layouts/partials/spin.html" || !strings.Contains(items[0].Message, "the layouts as they are loaded") {
		t.Fatalf("got %+v, want one error naming the partial while loading", items)
	}
	time.Sleep(2 * time.Second) // the drawing ends; the test binary must not see a panic
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("a public/ was written")
	}
}

// wantOnly fails unless dir holds exactly names.
func wantOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	sort.Strings(got)
	sort.Strings(names)
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// serve's quick update after an edit renders pages of a kept model: a drawing that does not
// end there is an error too, so that serve builds the whole site (and reports it) instead of
// hanging.
func TestEndlessDrawingOfAKeptModelIsAnError(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	guide, err := os.ReadFile(filepath.Join(dir, "layouts/guide.html"))
	if err != nil {
		t.Fatal(err)
	}
	// Endless only for a title the build never sees.
	sitetest.Write(t, dir, "layouts/guide.html", strings.Replace(string(guide), `{{define "main"}}`,
		`{{define "main"}}{{if eq .Page.Title "Spin"}}{{range `+slowRange+`}}{{end}}{{end}}`, 1))
	m, res, err := BuildModel(Options{Root: dir, Out: filepath.Join(t.TempDir(), "public"), BaseURL: "https://handbook.example/", Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err, res.Diags.Items())
	}
	p := m.Site().ByPath("content/guides/asking-parents.en.md")
	if p == nil {
		t.Fatal("no guide")
	}
	p.Title = "Spin"
	start := time.Now()
	_, err = m.Render([]*site.Page{p})
	if err == nil || !strings.Contains(err.Error(), "layouts/guide.html") || !strings.Contains(err.Error(), "asking-parents.en.md has taken more than 200ms") {
		t.Fatalf("got %v, want the drawing named", err)
	}
	if took := time.Since(start); took > 1200*time.Millisecond {
		t.Errorf("the render gave up after %s, with a limit of 200ms", took)
	}
	time.Sleep(2 * time.Second) // the drawing ends; nothing must panic
}
