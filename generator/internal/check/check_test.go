package check

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// A site where everything is fine: two languages, every page translated, linked both ways.
const clean = sitetest.Homes + `
-- content/principles/reciprocity.en.md --
---
title: Reciprocity
summary: Parents and school as partners.
themes: [parents-families]
audience: [teachers]
source: {document: parent-school-book, section: "1"}
original: en
number: 1
---
## In practice

Talk with parents. See [Flanders](https://www.vlaanderen.be/onderwijs).
-- content/principles/reciprocity.nl.md --
---
title: Wederkerigheid
summary: Ouders en school als partners.
themes: [parents-families]
audience: [teachers]
source: {document: parent-school-book, section: "1"}
original: en
translation: {status: draft}
slug: wederkerigheid
number: 1
---
## In de praktijk

Praat met ouders. Lees [het principe](reciprocity.en.md#in-practice).
`

func runCheck(t *testing.T, archive string, extra map[string]string) (*Report, string) {
	t.Helper()
	dir := sitetest.New(t, archive)
	for name, data := range extra {
		sitetest.Write(t, dir, name, data)
	}
	rep, err := Run(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	rep.Diags.Print(&b, diag.Text)
	return rep, b.String()
}

func TestACleanSitePasses(t *testing.T) {
	rep, out := runCheck(t, clean, nil)
	if out != "" || rep.Failed() {
		t.Fatalf("want no problems, got:\n%s", out)
	}
	var b bytes.Buffer
	rep.PrintSummary(&b)
	if !strings.HasPrefix(b.String(), "check passed: ") {
		t.Errorf("summary: %s", b.String())
	}
}

// Every rule: a fixture that breaks it, and the exact line check prints.
func TestEveryRuleNamesTheProblemAndItsLine(t *testing.T) {
	guide := func(body string) string { return sitetest.Page("guide", "original: en\n", body) }
	tests := []struct {
		name  string
		files map[string]string
		want  string
		error bool
	}{
		{"front matter", map[string]string{"content/guides/x.en.md": strings.Replace(guide(""), "title:", "titel:", 1)},
			`content/guides/x.en.md:2: front matter: unknown field "titel"`, true},
		{"unknown taxonomy term", map[string]string{"content/guides/x.en.md": strings.Replace(guide(""), "[collaboration]", "[colaboration]", 1)},
			`content/guides/x.en.md:4: front matter: unknown themes "colaboration"`, true},
		{"link to a missing page", map[string]string{"content/guides/x.en.md": guide("See [it](../cases/nope.en.md).\n")},
			`content/guides/x.en.md:14: link to a missing page content/cases/nope.en.md`, true},
		{"link to a missing heading", map[string]string{"content/guides/x.en.md": guide("See [it](../principles/reciprocity.en.md#nope).\n")},
			`content/guides/x.en.md:14: link to a missing heading #nope in content/principles/reciprocity.en.md`, true},
		{"missing image", map[string]string{"content/guides/x.en.md": guide("![A gate](/images/gate.jpg)\n")},
			`content/guides/x.en.md:14: link to a missing file "/images/gate.jpg"`, true},
		{"image without alt text", map[string]string{"content/guides/x.en.md": guide("![](/images/gate.jpg)\n")},
			`content/guides/x.en.md:14: image without alt text`, true},
		{"two pages, one URL", map[string]string{"content/principles/other.en.md": sitetest.Page("principle", "original: en\nslug: reciprocity\n", "")},
			`content/principles/other.en.md:9: page URL /en/principles/reciprocity/ is also used by content/principles/reciprocity.en.md`, true},
		{"missing translation", map[string]string{"content/guides/x.en.md": guide("")},
			`content/guides/x.en.md: warning: not translated into nl: content/guides/x.nl.md does not exist (start it with: go run ./generator new guide guides/x.nl.md; until then readers see the page in their section's list of pages not yet translated)`, false},
		{"unreachable page", withoutLists(t, map[string]string{
			"content/about/hidden.en.md": sitetest.Page("page", "original: en\n", ""),
			"content/about/hidden.nl.md": sitetest.Page("page", "original: en\ntranslation: {status: draft}\n", ""),
		}), `content/about/hidden.en.md: no link on the site leads to this page (/en/about/hidden/)`, true},
		{"external link without a domain", map[string]string{"content/guides/x.en.md": guide("See [Klasse](https://klasse).\n")},
			`content/guides/x.en.md:14: external link "https://klasse" has a host name without a domain "klasse"`, true},
		{"external link with a bad host", map[string]string{"content/guides/x.en.md": guide("See [Klasse](https://www.klasse..be/).\n")},
			`content/guides/x.en.md:14: external link "https://www.klasse..be/" has an invalid host name "www.klasse..be"`, true},
		{"external link to a local address", map[string]string{"content/guides/x.en.md": guide("See [my draft](http://localhost:1313/en/).\n")},
			`content/guides/x.en.md:14: external link "http://localhost:1313/en/" points to a local address`, true},
		{"external link with a password", map[string]string{"content/guides/x.en.md": guide("See [it](https://me:secret@example.org/).\n")},
			`content/guides/x.en.md:14: external link "https://me:secret@example.org/" contains a user name or password`, true},
		{"external link over http", map[string]string{"content/guides/x.en.md": guide("See [it](http://example.org/).\n")},
			`content/guides/x.en.md:14: warning: external link "http://example.org/" uses http`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := tt.files["content/guides/x.en.md"]; ok && !strings.Contains(tt.name, "translation") {
				tt.files["content/guides/x.nl.md"] = strings.Replace(guide(""), "original: en\n", "original: en\ntranslation: {status: draft}\n", 1)
			}
			rep, out := runCheck(t, clean, tt.files)
			if !strings.Contains(out, tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, out)
			}
			if rep.Failed() != tt.error {
				t.Errorf("failed = %v, want %v:\n%s", rep.Failed(), tt.error, out)
			}
		})
	}
}

// withoutLists adds to files a version of every layout (but the skeleton and the root page)
// that lists no pages: the site's pages can then only be reached through links in content.
func withoutLists(t *testing.T, files map[string]string) map[string]string {
	names, _ := filepath.Glob(filepath.Join(sitetest.RepoRoot(t), "layouts", "*.html"))
	for _, n := range names {
		if base := filepath.Base(n); base != "_base.html" && base != "root.html" {
			files["layouts/"+base] = "{{define \"main\"}}<h1>{{.Page.Title}}</h1>{{end}}\n"
		}
	}
	return files
}

// Missing translations are listed per language after the problems.
func TestMissingTranslationsAreListedPerLanguage(t *testing.T) {
	rep, _ := runCheck(t, clean, map[string]string{
		"content/guides/a.en.md": sitetest.Page("guide", "original: en\n", ""),
		"content/guides/b.nl.md": sitetest.Page("guide", "original: nl\n", ""),
	})
	var b bytes.Buffer
	rep.PrintSummary(&b)
	want := "missing en translations (1):\n  content/guides/b.en.md\nmissing nl translations (1):\n  content/guides/a.nl.md\ncheck passed: "
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("got:\n%s\nwant it to start with:\n%s", b.String(), want)
	}
}

// On a pull request the problems become annotations on the lines of the changed files.
func TestGitHubFormat(t *testing.T) {
	rep, _ := runCheck(t, clean, map[string]string{
		"content/guides/x.en.md": sitetest.Page("guide", "original: en\n", "See [it](../cases/nope.en.md).\n"),
	})
	var b bytes.Buffer
	rep.Diags.Print(&b, diag.GitHub)
	for _, want := range []string{
		"::error file=content/guides/x.en.md,line=14::link to a missing page content/cases/nope.en.md (check the file name; pages are content/<section>/<slug>.<lang>.md)\n",
		"::warning file=content/guides/x.en.md::not translated into nl: content/guides/x.nl.md does not exist (",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("want %q in:\n%s", want, b.String())
		}
	}
}

// A translation whose original is gone is told so, once: not also asked to be translated
// back with "new", which would send the editor the wrong way.
func TestAnOrphanedTranslationIsNotAskedForItsOriginal(t *testing.T) {
	guide := sitetest.Page("guide", "original: en\ntranslation: {status: draft}\n", "")
	rep, out := runCheck(t, clean, map[string]string{"content/guides/gone.nl.md": guide})
	if !rep.Failed() || !strings.Contains(out, "content/guides/gone.nl.md:11: front matter: the original content/guides/gone.en.md does not exist") {
		t.Errorf("want the error:\n%s", out)
	}
	if strings.Contains(out, "not translated into en: content/guides/gone.en.md") {
		t.Errorf("asked for the original as a translation:\n%s", out)
	}
}
