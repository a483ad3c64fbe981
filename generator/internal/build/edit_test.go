package build

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// Every page made from a file links to that file in the repository's editor and, when the
// history knows it, says when it last changed, in the page's language.
func TestPagesSayWhereToEditThemAndWhenTheyChanged(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	day := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/",
		Updated: map[string]time.Time{"content/guides/asking-parents.en.md": day, "content/guides/asking-parents.nl.md": day}})
	if err != nil {
		t.Fatalf("%v: %v", err, res.Diags.Items())
	}
	contains(t, dir, "en/guides/asking-parents/index.html",
		`<a href="https://github.com/educare-handbook/handbook/edit/main/content/guides/asking-parents.en.md">Edit this page</a>`,
		`Last updated <time datetime="2026-11-21">21 November 2026</time>`)
	contains(t, dir, "nl/gidsen/ouders-bevragen/index.html",
		`<a href="https://github.com/educare-handbook/handbook/edit/main/content/guides/asking-parents.nl.md">Deze pagina bewerken</a>`,
		`Laatst bijgewerkt op <time datetime="2026-11-21">21 november 2026</time>`)
	// Without a date (no history), the line has the link only, so builds stay reproducible.
	contains(t, dir, "en/principles/reciprocity/index.html",
		`content/principles/reciprocity.en.md">Edit this page</a>`, "! Last updated")
	// Generated pages have no file to edit.
	contains(t, dir, "en/themes/index.html", "! Edit this page")
}
