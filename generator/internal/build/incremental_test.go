package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

func buildModel(t *testing.T, dir string) *Model {
	t.Helper()
	m, res, err := BuildModel(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"})
	if err != nil {
		t.Fatalf("%v: %v", err, res.Diags.Items())
	}
	return m
}

func update(t *testing.T, m *Model, dir string, paths ...string) (map[string][]byte, bool, string) {
	t.Helper()
	res := &Result{Diags: &diag.List{}}
	files, handled, err := m.UpdateBodies(os.DirFS(dir), paths, res)
	var b strings.Builder
	res.Diags.Print(&b, diag.Text)
	if (err != nil) != res.Diags.HasErrors() {
		t.Errorf("err %v with diagnostics %q", err, b.String())
	}
	return files, handled, b.String()
}

const guidePath = "content/guides/asking-parents.en.md"

// A changed body re-renders that page alone, as a full build would have rendered it.
func TestUpdateBodiesRendersTheEditedPage(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	m := buildModel(t, dir)
	sitetest.Write(t, dir, guidePath, strings.Replace(sitetest.Read(t, dir, guidePath), "## Before you start", "## Before you begin\n\nA new paragraph.", 1))
	files, handled, problems := update(t, m, dir, guidePath)
	if !handled || problems != "" {
		t.Fatalf("handled %v, problems %s", handled, problems)
	}
	got := string(files["en/guides/asking-parents/index.html"])
	if !strings.Contains(got, "A new paragraph.") || !strings.Contains(got, `id="before-you-begin"`) {
		t.Errorf("the page was not re-rendered:\n%s", got)
	}
	if len(files) != 1 {
		t.Errorf("%d files, want the page only", len(files))
	}
	// The printed collections of guides show the body too.
	more, err := m.Render(m.Collections([]string{guidePath}))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range more {
		files[name] = data
	}
	var names []string
	for name := range files {
		names = append(names, name)
	}
	if len(files) < 2 || !strings.Contains(strings.Join(names, " "), "toolkit") {
		t.Errorf("re-rendered %v, want the guide and its language's toolkit", names)
	}
	// The same bytes as a full build of the edited site.
	mustBuild(t, dir)
	for name, data := range files {
		if full := sitetest.Read(t, dir, "public/"+name); full != string(data) {
			t.Errorf("%s: incremental and full builds differ", name)
		}
	}
}

// A front matter change shows on other pages (lists, cards, navigation): not handled here.
func TestUpdateBodiesLeavesFrontMatterChangesToAFullBuild(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	m := buildModel(t, dir)
	sitetest.Write(t, dir, guidePath, strings.Replace(sitetest.Read(t, dir, guidePath), "title: Asking parents", "title: Asking families", 1))
	if _, handled, _ := update(t, m, dir, guidePath); handled {
		t.Error("a new title was handled as a body change")
	}
	if _, handled, _ := update(t, m, dir, "content/guides/new.en.md"); handled {
		t.Error("an unknown file was handled")
	}
}

// A broken edit reports its problems and leaves the model as it was; so does removing a
// heading that another page links to.
func TestUpdateBodiesKeepsTheLastGoodModel(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	m := buildModel(t, dir)
	good := sitetest.Read(t, dir, guidePath)
	before := m.Site().ByPath(guidePath).Content

	sitetest.Write(t, dir, guidePath, good+"\nSee [nothing](../cases/nope.en.md).\n")
	_, handled, problems := update(t, m, dir, guidePath)
	if !handled || !strings.Contains(problems, "content/guides/asking-parents.en.md:25: link to a missing page content/cases/nope.en.md") {
		t.Errorf("handled %v:\n%s", handled, problems)
	}
	if m.Site().ByPath(guidePath).Content != before {
		t.Error("a failed update changed the model")
	}

	const principle = "content/principles/reciprocity.en.md"
	sitetest.Write(t, dir, principle, strings.Replace(sitetest.Read(t, dir, principle), "## In practice", "## Day to day", 1))
	_, handled, problems = update(t, m, dir, principle)
	if !handled || !strings.Contains(problems, "content/guides/asking-parents.en.md:16: link to a missing heading #in-practice in content/principles/reciprocity.en.md") {
		t.Errorf("handled %v:\n%s", handled, problems)
	}
	if !m.Site().ByPath(principle).HasHeading("in-practice") {
		t.Error("a failed update changed the model's headings")
	}
}

// An edit that makes a stamped translation outdated changes that translation's page and the
// status report: a full build's job.
func TestUpdateBodiesLeavesOutdatedTranslationsToAFullBuild(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	const nl = "content/guides/asking-parents.nl.md"
	m := buildModel(t, dir)
	hash := content.BodyHash(m.Site().ByPath(guidePath).Source.Body)
	sitetest.Write(t, dir, nl, strings.Replace(sitetest.Read(t, dir, nl), "translation: {status: draft}", "translation: {status: draft, hash: "+hash+"}", 1))
	m = buildModel(t, dir)
	sitetest.Write(t, dir, guidePath, sitetest.Read(t, dir, guidePath)+"\nOne more line.\n")
	if _, handled, _ := update(t, m, dir, guidePath); handled {
		t.Error("an edit that outdates a translation was handled as one page")
	}
}

// A guide that gains or loses its parent questions gains or loses handout pages: that is a
// whole-site change.
func TestUpdateBodiesLeavesQuestionsBoxChangesToAFullBuild(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	m := buildModel(t, dir)
	nl := "content/guides/asking-parents.nl.md"
	sitetest.Write(t, dir, nl, sitetest.Read(t, dir, nl)+"\n> [!QUESTIONS] Inschrijving\n> 1. Hoe vond u onze school?\n")
	if _, handled, _ := update(t, m, dir, nl); handled {
		t.Fatal("a new questions box was handled as a body edit")
	}
}
