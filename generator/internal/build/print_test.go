package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

func printSite(t *testing.T) string {
	t.Helper()
	guide := func(lang, body string) string {
		extra := "original: en\n"
		if lang != "en" {
			extra += "translation: {status: draft}\n"
		}
		return sitetest.Page("guide", extra, body)
	}
	dir := sitetest.New(t, `
-- content/guides/one.en.md --
`+guide("en", "## Start\n\nSee [two](two.en.md#later) and [a site](https://example.org/).\n\n> [!QUESTIONS] Before\n> 1. Why this school?\n> 2. Who helped you?\n\n> [!STEPS] Team\n> 1. Invite.\n\n> [!QUESTIONS] After\n> 1. How was the first day?\n")+`
-- content/guides/one.nl.md --
`+guide("nl", "## Begin\n\n> [!QUESTIONS] Voor\n> 1. Waarom deze school?\n> 2. Wie hielp je?\n\n> [!QUESTIONS] Na\n> 1. Hoe was de eerste dag?\n")+`
-- content/guides/two.en.md --
`+guide("en", "## Start\n\nText.\n\n## Later\n\nMore.\n")+`
-- content/guides/two.nl.md --
`+guide("nl", "## Begin\n\nTekst.\n"))
	// A right-to-left language: a copy of the English strings with Arabic's direction.
	en := sitetest.Read(t, dir, "i18n/en.toml")
	fa := strings.NewReplacer(`name = "English"`, `name = "فارسی"`, `dir = "ltr"`, `dir = "rtl"`, `locale = "en-GB"`, `locale = "fa"`, "weight = 1\n", "weight = 3\n").Replace(en)
	sitetest.Write(t, dir, "i18n/fa.toml", fa)
	sitetest.Write(t, dir, "content/guides/one.fa.md", guide("fa", "> [!QUESTIONS] قبل\n> 1. لماذا هذه المدرسة؟\n"))
	return dir
}

func TestToolkitHoldsEveryGuideWithUniqueIDs(t *testing.T) {
	dir := printSite(t)
	mustBuild(t, dir)
	contains(t, dir, "en/toolkit/index.html",
		`<a href="#g1"><span class="chapter-number">1</span> A guide</a>`,
		`<section class="chapter worksheet" id="g1"`,
		`<section class="chapter worksheet" id="g2"`,
		`id="g1--start"`, `id="g2--start"`, // the same heading in two guides, two IDs
		`<a href="#g2--later">two</a>`, // a link between guides stays on the page
		`<a href="https://example.org/">a site</a>`,
		`<h3 id="g1--start">`,
		`class="qr"`, "handbook.example/en/toolkit",
		"handbook.example/en/guides/one", // each chapter's own way back
		`data-print`,
		`! id="start"`)
	contains(t, dir, "nl/toolkit/index.html", `lang="nl"`, "Toolkit: alle gespreksgidsen")
	// Each guide's title in the margin of its pages, as a named page.
	contains(t, dir, "en/toolkit/index.html", `<link rel="stylesheet" href="/en/toolkit/chapters.css" media="print">`)
	contains(t, dir, "en/toolkit/chapters.css", `@page g2{@top-left{content: "2 A guide"`, `#g2{page:g2}`)
}

func TestGuideLinksToolkitHandoutsAndNoPDFWithoutThePDFCommand(t *testing.T) {
	dir := printSite(t)
	mustBuild(t, dir)
	contains(t, dir, "en/guides/one/index.html",
		`<a href="/en/toolkit/">`,
		`href="/en/guides/one/handout/nl/"`, `href="/en/guides/one/handout/fa/"`,
		`<div class="sheet-foot print-only" hidden>`, `<svg class="qr"`, "handbook.example/en/guides/one",
		`media="print"`, `data-print-title="A guide"`,
		`! /downloads/`)
	// A guide without parent questions has no handout.
	contains(t, dir, "en/guides/two/index.html", `! /handout/`)
	if _, err := os.Stat(filepath.Join(dir, "public/en/guides/two/handout")); err == nil {
		t.Error("a handout was made for a guide without questions")
	}
}

func TestHandoutPutsBothLanguagesSideBySide(t *testing.T) {
	dir := printSite(t)
	mustBuild(t, dir)
	contains(t, dir, "nl/gidsen/one/vragenblad/en/index.html",
		`<th scope="col" lang="nl" dir="ltr">Voor</th>`, `<th scope="col" lang="en" dir="ltr">Before</th>`,
		`<td lang="nl" dir="ltr">Wie hielp je?</td>`, `<td lang="en" dir="ltr">Who helped you?</td>`,
		`<td class="handout-num">3</td>`, `<td lang="nl" dir="ltr">Hoe was de eerste dag?</td>`,
		`! Invite.`) // team steps are not for parents
	contains(t, dir, "en/guides/one/handout/fa/index.html",
		`<td lang="fa" dir="rtl">لماذا هذه المدرسة؟</td>`,
		`<td lang="en" dir="ltr">How was the first day?</td><td lang="fa" dir="rtl"></td>`)
}

func TestSheetsShowTheDateOfTheLastChange(t *testing.T) {
	dir := printSite(t)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/",
		Updated: map[string]time.Time{"content/guides/one.en.md": day("2026-10-01"), "content/guides/two.en.md": day("2026-11-20")}})
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags.Items())
	}
	contains(t, dir, "en/guides/one/index.html", `<time datetime="2026-10-01">`)
	// The toolkit's cover has its newest guide's date.
	contains(t, dir, "en/toolkit/index.html", `<time datetime="2026-11-20">`)
}

func TestPDFsAreWrittenAndLinkedWhenThePDFCommandMadeThem(t *testing.T) {
	dir := printSite(t)
	res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/",
		PDFs:     map[string][]byte{"downloads/en/one.pdf": []byte("%PDF-1.7"), "downloads/en/toolkit.pdf": []byte("%PDF-1.7")},
		TOCPages: map[string]int{"/en/toolkit/#g1": 3, "/en/toolkit/#g2": 5}})
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags.Items())
	}
	contains(t, dir, "en/guides/one/index.html", `<a href="/downloads/en/one.pdf" download>`)
	contains(t, dir, "en/toolkit/index.html", `<a href="/downloads/en/toolkit.pdf" download>`,
		`A guide <span class="toc-page">3</span></a>`, `<span class="toc-page">5</span>`)
	contains(t, dir, "en/guides/two/index.html", `! /downloads/`)
	contains(t, dir, "downloads/en/one.pdf", "%PDF-1.7")
}

func TestCSSStringEscapes(t *testing.T) {
	if got := cssString("Say \"hi\" \\ now\n"); got != `"Say \"hi\" \\ now\a "` {
		t.Errorf("got %s", got)
	}
}
