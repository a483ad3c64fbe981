package build

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// run builds the site in dir into dir/public and returns the diagnostics as text.
func run(t *testing.T, dir string) (string, error) {
	t.Helper()
	res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"})
	var b strings.Builder
	for _, d := range res.Diags.Items() {
		fmt.Fprintln(&b, d.String())
	}
	return b.String(), err
}

func mustBuild(t *testing.T, dir string) {
	t.Helper()
	if out, err := run(t, dir); err != nil {
		t.Fatalf("build failed: %v\n%s", err, out)
	}
}

// contains checks "this output file contains …" lines; a line starting with "! " must not be
// there.
func contains(t *testing.T, dir, file string, wants ...string) {
	t.Helper()
	got := sitetest.Read(t, dir, "public/"+file)
	for _, w := range wants {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(got, neg) {
				t.Errorf("%s contains %q, it should not", file, neg)
			}
			continue
		}
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q\n--- got:\n%s", file, w, got)
		}
	}
}

const twoLanguages = sitetest.Homes + `
-- content/guides/asking-parents.en.md --
---
title: Asking parents
summary: How to ask parents what they think.
themes: [parents-families]
audience: [teachers]
source: {document: parent-school-book, section: "2.1"}
original: en
purpose: Hear what parents think.
participants: A teacher and a parent.
duration: 45 minutes
materials: [Photos of the classroom, Floor plan]
---

## Before you start

Read [the principle](../principles/reciprocity.en.md#in-practice) first.

> [!QUESTIONS] Enrolment
> 1. How did you find our school?
> 2. How was enrolment for you?

> [!QUESTIONS] First day
> 1. How was the first day for you?
-- content/guides/asking-parents.nl.md --
---
title: Ouders bevragen
summary: Hoe je ouders vraagt wat ze denken.
themes: [parents-families]
audience: [teachers]
source: {document: parent-school-book, section: "2.1"}
original: en
translation: {status: draft}
slug: ouders-bevragen
purpose: Horen wat ouders denken.
participants: Een kleuterjuf en een ouder.
duration: 45 minuten
materials: [Foto's van de klas]
---

## Voor je begint

Lees eerst [het principe](../principles/reciprocity.en.md).
-- content/principles/reciprocity.en.md --
---
title: Reciprocity
summary: Parents and school as partners.
themes: [parents-families, collaboration]
audience: [teachers, school-leaders]
source: {document: parent-school-book, section: "Manifesto, principle 1"}
original: en
number: 1
---

## In practice

Talk *with* parents, not about them. See [asking parents](../guides/asking-parents.en.md).

> [!QUOTE] preschool teacher, Menen
> We stopped guessing and started asking.
`

func TestBuildWritesPagesWithTheirTranslations(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	contains(t, dir, "en/guides/asking-parents/index.html",
		`<html lang="en" dir="ltr"`,
		`<link rel="canonical" href="https://handbook.example/en/guides/asking-parents/">`,
		`hreflang="nl" href="https://handbook.example/nl/gidsen/ouders-bevragen/"`,
		`href="/en/principles/reciprocity/#in-practice"`, // a link to a source file became a URL
		`Hear what parents think.`,           // the guide's purpose
		`<ol start="3">`,                     // questions numbered on across boxes
		`href="/nl/gidsen/ouders-bevragen/"`, // the switcher goes to the same page
	)
	contains(t, dir, "nl/gidsen/ouders-bevragen/index.html",
		`<html lang="nl" dir="ltr"`,
		`notice-draft`, // a draft translation says so
		`href="/en/principles/reciprocity/"`,
	)
	// The principle has no Dutch translation: the switcher says so and offers the Dutch home.
	contains(t, dir, "en/principles/reciprocity/index.html",
		`Principle 1`,
		`<figcaption>preschool teacher, Menen</figcaption>`,
		`class="lang-missing"`,
	)
	// The Dutch section list shows the untranslated principle with a marker.
	contains(t, dir, "nl/principes/index.html", `Nog niet vertaald`, `href="/en/principles/reciprocity/"`)
	contains(t, dir, "sitemap.xml", `<loc>https://handbook.example/nl/gidsen/ouders-bevragen/</loc>`, `hreflang="en"`)
	contains(t, dir, "robots.txt", "Sitemap: https://handbook.example/sitemap.xml")
	contains(t, dir, "en/themes/parents-families/index.html", `href="/en/guides/asking-parents/"`, `2 pages`,
		`<meta name="description" content="Practical guidance for everyone`) // no summary of its own: the tagline
	contains(t, dir, "nl/gidsen/ouders-bevragen/index.html", `<meta name="description" content="Hoe`)
	// A term no Danish page carries: its Danish page points to the languages that have
	// some, and is neither indexed nor offered to search engines.
	contains(t, dir, "da/temaer/parents-families/index.html", `0 sider`, `<meta name="robots" content="noindex">`,
		`<a href="/en/themes/parents-families/" hreflang="en"><span lang="en" dir="ltr">English</span>: 2 sider</a>`,
		`<a href="/nl/themas/parents-families/" hreflang="nl"><span lang="nl" dir="ltr">Nederlands</span>: 1 side</a>`)
	contains(t, dir, "sitemap.xml", "/nl/themas/parents-families/", "! /da/temaer/parents-families/")
	contains(t, dir, "en/themes/parents-families/index.html", `hreflang="nl" href="https://handbook.example/nl/themas/parents-families/"`, `! hreflang="da" href=`)
	// A 404 page is shown at addresses that are not found: it names none as its own and
	// asks not to be indexed.
	contains(t, dir, "nl/404.html", `Pagina niet gevonden`, `<meta name="robots" content="noindex">`, "! canonical")
	contains(t, dir, "404.html", `Page not found`, `<meta name="robots" content="noindex">`, "! canonical")
	contains(t, dir, "index.html", `href="/nl/"`, `href="/en/"`)
}

// UI strings are written into pages through NUL-delimited markers (package layout): none may
// be left in any file, in either language, a handout or the toolkit.
func TestNoFileHoldsANUL(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	err := filepath.WalkDir(filepath.Join(dir, "public"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err == nil && bytes.IndexByte(b, 0) >= 0 {
			t.Errorf("%s holds a NUL", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, dir, "nl/gidsen/ouders-bevragen/index.html", `Naar de inhoud`) // a string written in
}

// The trail above a page is drawn once per parent (partialCached): pages that share a parent
// share it, each language has its own, and a handout, one level deeper, gets its guide too.
func TestBreadcrumbsLeadFromHomeToTheParent(t *testing.T) {
	trail := func(dir, file string) string {
		t.Helper()
		got := sitetest.Read(t, dir, "public/"+file)
		start := strings.Index(got, `<nav class="breadcrumbs"`)
		if start < 0 {
			t.Fatalf("%s has no breadcrumbs", file)
		}
		return got[start : start+strings.Index(got[start:], "</nav>")]
	}
	has := func(trail string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if neg, ok := strings.CutPrefix(w, "! "); ok {
				if strings.Contains(trail, neg) {
					t.Errorf("trail has %q:\n%s", neg, trail)
				}
			} else if !strings.Contains(trail, w) {
				t.Errorf("trail lacks %q:\n%s", w, trail)
			}
		}
	}
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	has(trail(dir, "en/guides/asking-parents/index.html"),
		`<li><a href="/en/">Home</a></li><li><a href="/en/guides/">Conversation guides</a></li><li aria-current="page">Asking parents</li>`)
	has(trail(dir, "nl/gidsen/ouders-bevragen/index.html"),
		`<li><a href="/nl/">Start</a></li><li><a href="/nl/gidsen/">Gespreksgidsen</a></li><li aria-current="page">Ouders bevragen</li>`)
	has(trail(dir, "en/principles/reciprocity/index.html"), `<a href="/en/principles/">`, `aria-current="page">Reciprocity<`, `! /en/guides/`)
	has(trail(dir, "en/guides/index.html"), `<li><a href="/en/">Home</a></li><li aria-current="page">Conversation guides</li>`)

	dir = printSite(t)
	mustBuild(t, dir)
	has(trail(dir, "en/guides/one/handout/nl/index.html"),
		`<li><a href="/en/guides/">Conversation guides</a></li><li><a href="/en/guides/one/">A guide</a></li><li aria-current="page">Questions for parents: A guide</li>`)
	// The handout is not titled as if it were the guide: its tab and printed header say what it is.
	contains(t, dir, "en/guides/one/handout/nl/index.html", `<title>Questions for parents: A guide · `, `data-print-title="Questions for parents: A guide"`)
}

// Every version of a page lists the same hreflang links, in language order: the list is
// drawn once for all of them, so a version that listed another set would show a stranger's.
func TestAlternatesAreTheSameOnEveryVersion(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	alternates := func(file string) []string {
		t.Helper()
		var out []string
		for _, tag := range strings.SplitAfter(sitetest.Read(t, dir, "public/"+file), ">") {
			if strings.Contains(tag, `rel="alternate"`) {
				out = append(out, strings.TrimSpace(tag))
			}
		}
		return out
	}
	en := alternates("en/guides/asking-parents/index.html")
	want := []string{
		`<link rel="alternate" hreflang="en" href="https://handbook.example/en/guides/asking-parents/">`,
		`<link rel="alternate" hreflang="nl" href="https://handbook.example/nl/gidsen/ouders-bevragen/">`,
	}
	if strings.Join(en, "\n") != strings.Join(want, "\n") {
		t.Errorf("English guide lists\n%s\nwant\n%s", strings.Join(en, "\n"), strings.Join(want, "\n"))
	}
	if nl := alternates("nl/gidsen/ouders-bevragen/index.html"); strings.Join(nl, "\n") != strings.Join(want, "\n") {
		t.Errorf("Dutch guide lists\n%s\nwant the English version's list", strings.Join(nl, "\n"))
	}
	// A page without translations lists itself only, not the guide drawn before it.
	if p := alternates("en/principles/reciprocity/index.html"); len(p) != 1 || !strings.Contains(p[0], "/en/principles/reciprocity/") {
		t.Errorf("untranslated principle lists %v", p)
	}
}

func TestEveryContentTypeRendersItsFields(t *testing.T) {
	dir := sitetest.New(t, `
-- content/principles/p.en.md --
`+sitetest.Page("principle", "", "## Body\n\nText.\n")+`
-- content/guides/g.en.md --
`+sitetest.Page("guide", "", "Text.\n")+`
-- content/anchors/a.en.md --
`+sitetest.Page("anchor", "", "Text.\n")+`
-- content/conditions/c.en.md --
`+sitetest.Page("condition", "", "Text.\n")+`
-- content/cases/k.en.md --
`+sitetest.Page("case", "", "Text.\n")+`
-- content/about/b.en.md --
`+sitetest.Page("page", "", "Text.\n")+`
`)
	mustBuild(t, dir)
	contains(t, dir, "en/principles/p/index.html", "Principle 1", "type-mark-principle")
	contains(t, dir, "en/guides/g/index.html", "Ask parents.", "A teacher and a parent.", "45 minutes", "<li>Photos</li>")
	contains(t, dir, "en/anchor-points/a/index.html", "Give every assistant an hour.", "Flemish government, School", "Flanders")
	contains(t, dir, "en/conditions/c/index.html", "Brussels pilot (The Chameleon)")
	contains(t, dir, "en/cases/k/index.html", "Anderlecht, Brussels, Belgium", "Primary school", "2018-2019", "<dt>Pupils</dt><dd>184</dd>")
	contains(t, dir, "en/about/b/index.html", "A page", "Parent–school collaboration book (AMIF project), 2.1")
	// Sections exist even without an _index file, with their localized names.
	contains(t, dir, "nl/ankerpunten/index.html", "<h1>Ankerpunten</h1>")
}

func TestIdenticalInputGivesIdenticalOutput(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	first := treeHash(t, filepath.Join(dir, "public"))
	mustBuild(t, dir)
	if second := treeHash(t, filepath.Join(dir, "public")); first != second {
		t.Fatal("two builds of the same input differ")
	}
}

func TestFailedBuildLeavesPreviousOutputUntouched(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	before := treeHash(t, filepath.Join(dir, "public"))
	sitetest.Write(t, dir, "content/guides/broken.en.md", "---\ntitle: Broken\n")
	out, err := run(t, dir)
	if err == nil {
		t.Fatal("build of a broken page succeeded")
	}
	if !strings.Contains(out, `content/guides/broken.en.md:1: front matter: no closing "---" line`) {
		t.Errorf("unexpected diagnostics:\n%s", out)
	}
	if after := treeHash(t, filepath.Join(dir, "public")); after != before {
		t.Fatal("a failed build changed public/")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			t.Errorf("a failed build left %s behind", e.Name())
		}
	}
}

func TestOutputFolderThatWouldLoseDataIsRefused(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, "mine/notes.txt", "my notes")
	for _, out := range []string{dir, filepath.Join(dir, "content", "x"), filepath.Join(dir, "mine"), filepath.Dir(dir)} {
		_, err := Build(Options{Root: dir, Out: out, BaseURL: "https://handbook.example/"})
		if err == nil {
			t.Errorf("--out %s was accepted", out)
		}
	}
	if got := sitetest.Read(t, dir, "mine/notes.txt"); got != "my notes" {
		t.Fatal("a refused build touched a foreign folder")
	}
}

// The folder beside the output where the previous output is kept is replaced by every
// build: one this generator did not make is refused, not deleted.
func TestForeignFolderWhereTheSpareGoesIsRefused(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, ".public.old/notes.txt", "my notes")
	_, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"})
	if err == nil || !strings.Contains(err.Error(), ".public.old") {
		t.Fatalf("build over a foreign .public.old: error %v, want one naming it", err)
	}
	if got := sitetest.Read(t, dir, ".public.old/notes.txt"); got != "my notes" {
		t.Fatal("a refused build touched a foreign folder")
	}
	// An empty folder there is no loss: the build goes ahead.
	os.RemoveAll(filepath.Join(dir, ".public.old"))
	os.Mkdir(filepath.Join(dir, ".public.old"), 0o755)
	mustBuild(t, dir)
}

// What stands where the output goes is never followed or moved aside unless it is the
// generator's: a link (it would take the site to wherever it points), a file, a way into
// content/ through a link; and the manifest beside the output replaces a link, not its target.
func TestLinksAndFilesWhereTheOutputGoesAreRefused(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	elsewhere := t.TempDir()
	sitetest.Write(t, elsewhere, "site/keep.txt", "keep")
	os.Symlink(filepath.Join(elsewhere, "site"), filepath.Join(dir, "linked"))
	sitetest.Write(t, dir, "notes", "my notes")
	os.Symlink(filepath.Join(dir, "content"), filepath.Join(dir, "c"))
	for _, out := range []string{"linked", "notes", "c/out"} {
		if _, err := Build(Options{Root: dir, Out: filepath.Join(dir, out), BaseURL: "https://handbook.example/"}); err == nil {
			t.Errorf("--out %s was accepted", out)
		}
	}
	if got := sitetest.Read(t, dir, "notes"); got != "my notes" {
		t.Error("a refused build touched the file at --out")
	}
	if entries, _ := os.ReadDir(filepath.Join(elsewhere, "site")); len(entries) != 1 {
		t.Errorf("a refused build wrote through the link at --out: %d entries", len(entries))
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "out")); err == nil {
		t.Error("a build wrote into content/ through a link")
	}

	// A link to an earlier output of this generator is refused too: the swap would move the
	// link aside, and a later build would write into its target.
	built := filepath.Join(elsewhere, "built")
	if _, err := Build(Options{Root: dir, Out: built, BaseURL: "https://handbook.example/"}); err != nil {
		t.Fatal(err)
	}
	os.Symlink(built, filepath.Join(dir, "public"))
	if _, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"}); err == nil {
		t.Error("--out public, a link to an earlier output, was accepted")
	}
}

func TestManifestReplacesALinkInsteadOfWritingThroughIt(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	victim := filepath.Join(t.TempDir(), "victim")
	os.WriteFile(victim, []byte("mine"), 0o644)
	os.Symlink(victim, filepath.Join(dir, ".public.manifest"))
	mustBuild(t, dir)
	if b, _ := os.ReadFile(victim); string(b) != "mine" {
		t.Error("the manifest was written through a link")
	}
}

// A rebuild that changes a file writes a new file: a hard link to the old one (a backup made
// with cp -al) keeps the old bytes.
func TestRebuildLeavesHardLinkedCopiesAlone(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	mustBuild(t, dir)
	backup := filepath.Join(t.TempDir(), "robots.txt")
	spareRobots := filepath.Join(dir, ".public.old", "robots.txt")
	before, _ := os.ReadFile(spareRobots)
	if err := os.Link(spareRobots, backup); err != nil {
		t.Skip("no hard links here:", err)
	}
	if _, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://other.example/"}); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(backup); !bytes.Equal(after, before) {
		t.Errorf("the hard-linked copy changed with the rebuild:\n%s", after)
	}
	if now := sitetest.Read(t, dir, "public/robots.txt"); !strings.Contains(now, "other.example") {
		t.Errorf("the rebuild did not write the new robots.txt: %s", now)
	}
}

// treeHash hashes every file name and content under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		names = append(names, rel)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%x\x00", n, sha256.Sum256(files[n]))
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestBaseURLFollowsNetlify(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{}, DefaultBaseURL},
		{map[string]string{"URL": "https://handbook.example"}, "https://handbook.example"},
		{map[string]string{"URL": "https://handbook.example", "CONTEXT": "deploy-preview", "DEPLOY_PRIME_URL": "https://deploy-preview-7--handbook.netlify.app"}, "https://deploy-preview-7--handbook.netlify.app"},
		{map[string]string{"URL": "https://handbook.example", "CONTEXT": "production", "DEPLOY_PRIME_URL": "https://main--handbook.netlify.app"}, "https://handbook.example"},
	}
	for _, tt := range tests {
		if got := BaseURLFromEnv(env(tt.vars)); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.vars, got, tt.want)
		}
	}
	// Only the published site is for search engines: previews and branch deploys are not.
	for ctx, want := range map[string]bool{"production": false, "": false, "deploy-preview": true, "branch-deploy": true} {
		if got := NoIndexFromEnv(env(map[string]string{"CONTEXT": ctx})); got != want {
			t.Errorf("CONTEXT=%q: noindex %v, want %v", ctx, got, want)
		}
	}
}

// Pages link each other from the site's root: a base URL with a path (a site in a
// sub-folder), or one that is no absolute address, would give working canonical URLs and
// broken links, or the reverse. The build refuses it and says what to give.
func TestBaseURLMustBeASiteRoot(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	// Netlify's branch addresses break the strict rules on hyphens: they are still sites.
	for _, base := range []string{"https://handbook.example", "https://handbook.example/", "http://localhost:1313/",
		"https://fr--educare-handbook.netlify.app", "http://[::1]:8080/", "http://my_site.lan/"} {
		if res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: base}); err != nil {
			t.Errorf("%q refused: %v %v", base, err, res.Diags.Items())
		}
	}
	before := treeHash(t, filepath.Join(dir, "public"))
	for base, why := range map[string]string{
		"https://handbook.example/handbook/": `has a path (/handbook/)`,
		"handbook.example":                   "does not start with http:// or https://",
		"https://":                           "names no host",
		"https://handbook.example/?x=1":      "has more than a scheme and a host",
		`https://h.example"><script>/`:       "has a host name with characters no host name has",
	} {
		res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: base})
		if err == nil {
			t.Errorf("%q accepted", base)
			continue
		}
		items := res.Diags.Items()
		if len(items) != 1 || !strings.Contains(items[0].String(), why) || !strings.Contains(items[0].String(), "--base-url") {
			t.Errorf("%q: want one error saying %q and what to do, got %v", base, why, items)
		}
	}
	if treeHash(t, filepath.Join(dir, "public")) != before {
		t.Error("a refused base URL changed public/")
	}
}

// An international domain name is published as DNS has it, in punycode, in canonical links
// and the sitemap: percent-encoded, it is no address a browser or crawler asks for.
func TestInternationalDomainIsWrittenInPunycode(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	if res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://kleuterschool-réseau.be:8443"}); err != nil {
		t.Fatal(err, res.Diags.Items())
	}
	sitemap, err := os.ReadFile(filepath.Join(dir, "public", "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sitemap), "https://xn--kleuterschool-rseau-pzb.be:8443/en/") || strings.Contains(string(sitemap), "%") {
		t.Errorf("sitemap:\n%.300s", sitemap)
	}
}

// A deploy preview is kept out of search engines by the noindex on every page; crawlers may
// fetch the pages to read it, and no sitemap offers them.
func TestDeployPreviewAsksNotToBeIndexed(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	if res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://deploy-preview-7--handbook.netlify.app/", NoIndex: true}); err != nil {
		t.Fatal(err, res.Diags.Items())
	}
	pages := 0
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if strings.HasSuffix(p, ".html") {
			pages++
			rel, _ := filepath.Rel(filepath.Join(dir, "public"), p)
			contains(t, dir, rel, `<meta name="robots" content="noindex">`)
		}
		return nil
	})
	if pages < 10 {
		t.Fatalf("only %d pages", pages)
	}
	contains(t, dir, "robots.txt", "Allow: /", "! Disallow", "! Sitemap")
	if _, err := os.Stat(filepath.Join(dir, "public/sitemap.xml")); err == nil {
		t.Error("a deploy preview has a sitemap")
	}
}

// A heading whose generated ID the layouts already use ("main", "search-results") gets
// another: the page keeps one element per ID, and the author wrote nothing wrong.
func TestGeneratedHeadingIDsStepAroundTheLayouts(t *testing.T) {
	dir := sitetest.New(t, twoLanguages+"-- content/about/ids.en.md --\n"+sitetest.Page("page", "", "## Main\n\n## Search results\n\nText.\n"))
	mustBuild(t, dir)
	contains(t, dir, "en/about/ids/index.html", `<h2 id="main-1">Main</h2>`, `<h2 id="search-results-1">Search results</h2>`)
}

// What the checks added after a review must not refuse (found by the next review): a file
// of static/ under search/ beside the index, and a language whose tag x/text renames (tl).
func TestValidSitesTheChecksAccept(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, "static/search/magnifier.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	sitetest.Write(t, dir, "i18n/tl.toml", strings.Replace(repoFile(t, "i18n/nl.toml"), `name = "Nederlands"`, `name = "Tagalog"`, 1))
	// What systems and editors leave in static/ is not published.
	sitetest.Write(t, dir, "static/images/Thumbs.db", "x")
	sitetest.Write(t, dir, "static/css/site.css~", "x")
	// Editors' backups beside a page are not pages.
	sitetest.Write(t, dir, "content/guides/asking-parents.en.md~", "old")
	sitetest.Write(t, dir, "content/guides/#asking-parents.en.md#", "old")
	// A name typed on a Mac may arrive decomposed (e + U+0301): it is the same slug as the
	// composed one of its translation.
	sitetest.Write(t, dir, "content/about/cafe\u0301.en.md", sitetest.Page("page", "", "Text.\n"))
	sitetest.Write(t, dir, "content/about/caf\u00e9.nl.md", sitetest.Page("page", "original: en\ntranslation: {status: draft}\n", "Tekst.\n"))
	// and a link typed composed finds it
	sitetest.Write(t, dir, "content/about/to-cafe.en.md", sitetest.Page("page", "", "See [the caf\u00e9](caf\u00e9.en.md).\n"))
	sitetest.Write(t, dir, "content/about/notes.en.md", sitetest.Page("page", "", "A claim[^1], another[^2], again[^2].\n\nSee [the first note](#fn:1), [back](#fnref:2) and [the second reference](#fnref1:2).\n\n[^1]: One.\n[^2]: Two.\n"))
	// ß is not ss to a Mac or Windows: two addresses, not one.
	sitetest.Write(t, dir, "content/about/strasse.en.md", sitetest.Page("page", "", "Text.\n"))
	sitetest.Write(t, dir, "content/about/stra\u00dfe.en.md", sitetest.Page("page", "", "Text.\n"))
	mustBuild(t, dir)
	contains(t, dir, "search/magnifier.svg", "<svg")
	for _, junk := range []string{"public/images/Thumbs.db", "public/css/site.css~"} {
		if _, err := os.Stat(filepath.Join(dir, junk)); err == nil {
			t.Errorf("%s was published", junk)
		}
	}
	contains(t, dir, "nl/achtergrond/caf\u00e9/index.html", `<a href="/en/about/caf%c3%a9/" hreflang="en" data-lang="en">`)
	contains(t, dir, "tl/index.html", `<html lang="tl"`)
}

func TestDraftsAreLeftOutUnlessAsked(t *testing.T) {
	dir := sitetest.New(t, twoLanguages+"-- content/about/plan.en.md --\n"+sitetest.Page("page", "draft: true\n", "Not yet.\n"))
	mustBuild(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "public/en/about/plan/index.html")); err == nil {
		t.Error("a draft was published")
	}
	if _, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/", Drafts: true}); err != nil {
		t.Fatal(err)
	}
	contains(t, dir, "en/about/plan/index.html", "Not yet.")
}

func TestAssetsAreFingerprintedWithIntegrity(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	html := sitetest.Read(t, dir, "public/en/index.html")
	for _, want := range []string{`<link rel="stylesheet" href="/assets/css/site.`, `integrity="sha384-`, `<script src="/assets/js/site.`, `defer`} {
		if !strings.Contains(html, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
	css, _ := filepath.Glob(filepath.Join(dir, "public/assets/css/site.*.css"))
	if len(css) != 1 {
		t.Fatalf("fingerprinted stylesheets: %v", css)
	}
	if b := sitetest.Read(t, filepath.Dir(css[0]), filepath.Base(css[0])); strings.Contains(b, "\n  ") {
		t.Error("the stylesheet is not minified")
	}
}

// An anchor point shows its front matter's in-concreto box, unless the body places its own.
func TestInConcretoBoxIsShownOnce(t *testing.T) {
	dir := sitetest.New(t, `
-- content/anchors/a.en.md --
`+sitetest.Page("anchor", "", "## Why\n\nText.\n")+`
-- content/anchors/b.en.md --
`+sitetest.Page("anchor", "", "## Why\n\n> [!IN-CONCRETO]\n> One hour a week, in context.\n")+`
`)
	mustBuild(t, dir)
	contains(t, dir, "en/anchor-points/a/index.html", "Give every assistant an hour.")
	contains(t, dir, "en/anchor-points/b/index.html", "One hour a week, in context.", "! Give every assistant an hour.")
}
