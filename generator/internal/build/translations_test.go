package build

import (
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// A translation records its original's body hash; when the original changes, the
// translation is reported as outdated on the page and on the editors' status page.
func TestTranslationStatusDraftAndOutdated(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	body := "\n## In practice\n\nTalk *with* parents, not about them. See [asking parents](../guides/asking-parents.en.md).\n\n> [!QUOTE] preschool teacher, Menen\n> We stopped guessing and started asking.\n"
	hash := content.BodyHash([]byte(body))
	sitetest.Write(t, dir, "content/principles/reciprocity.nl.md", `---
title: Wederkerigheid
summary: Ouders en school als partners.
themes: [parents-families]
audience: [teachers]
source: {document: parent-school-book, section: "Manifest, principe 1"}
original: en
translation: {status: reviewed, hash: `+hash+`}
slug: wederkerigheid
number: 1
---

Praat *met* ouders.
`)
	mustBuild(t, dir)
	contains(t, dir, "nl/principes/wederkerigheid/index.html", "! notice-outdated", "! notice-draft")
	contains(t, dir, "nl/gidsen/ouders-bevragen/index.html", "notice-draft", `href="/en/guides/asking-parents/" hreflang="en"`)

	// The original changes: the reviewed translation is now outdated.
	sitetest.Write(t, dir, "content/principles/reciprocity.en.md", strings.Replace(sitetest.Read(t, dir, "content/principles/reciprocity.en.md"), "not about them", "never about them", 1))
	mustBuild(t, dir)
	contains(t, dir, "nl/principes/wederkerigheid/index.html", "notice-outdated", "Het origineel van deze pagina is veranderd")
	// Every status page has the whole table; the lists are those of its own language.
	contains(t, dir, "en/translation-status/index.html",
		`<th scope="row" lang="nl" dir="ltr"><a href="/nl/stand-van-de-vertalingen/" hreflang="nl">Nederlands</a></th><td>1</td><td>1</td><td>1</td><td>0</td>`, // home is complete; guide draft; principle outdated
		"! content/principles/reciprocity.nl.md")
	contains(t, dir, "nl/stand-van-de-vertalingen/index.html",
		`<th scope="row" lang="nl" dir="ltr">Nederlands</th><td>1</td><td>1</td><td>1</td><td>0</td>`,
		"content/principles/reciprocity.nl.md", "content/guides/asking-parents.nl.md")
}

// The "more languages" list is drawn once per distinct list: a page without a Danish
// version links the Danish home too, but must not borrow the home page's list, where that
// link is the page's own translation. A 404 page is in every language: its list leads to
// each home, unmarked.
func TestMoreLanguagesListIsThePagesOwn(t *testing.T) {
	dir := sitetest.New(t, twoLanguages+"-- content/_index.da.md --\n"+sitetest.Page("page", "", "Velkommen.\n"))
	mustBuild(t, dir)
	unmarked := `<a href="/da/" hreflang="da" data-lang="da"><span lang="da" dir="ltr">Dansk</span></a>`
	contains(t, dir, "en/index.html", unmarked)
	contains(t, dir, "en/guides/asking-parents/index.html", `<a href="/da/" hreflang="da" data-lang="da" class="lang-missing">`)
	contains(t, dir, "en/404.html", unmarked, "! lang-missing")
}

// An entry of the switcher for a language the page is not in says so in the page's
// language, though the drawing of an entry is shared by the pages of every language.
func TestSwitcherSaysMissingInThePagesLanguage(t *testing.T) {
	dir := sitetest.New(t, twoLanguages+"-- content/_index.da.md --\n"+sitetest.Page("page", "", "Velkommen.\n"))
	mustBuild(t, dir)
	contains(t, dir, "en/guides/asking-parents/index.html", `<a href="/da/" hreflang="da" data-lang="da" class="lang-missing"><span lang="da" dir="ltr">Dansk</span> <small>(not translated yet)</small></a>`)
	contains(t, dir, "nl/gidsen/ouders-bevragen/index.html", `<a href="/da/" hreflang="da" data-lang="da" class="lang-missing"><span lang="da" dir="ltr">Dansk</span> <small>(nog niet vertaald)</small></a>`)
	contains(t, dir, "nl/gidsen/ouders-bevragen/index.html", `<a href="/en/guides/asking-parents/" hreflang="en" data-lang="en"><span lang="en" dir="ltr">English</span></a>`)
}
