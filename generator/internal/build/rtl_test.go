package build

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// A right-to-left language gets dir="rtl" on its pages, while the names of other languages
// in its switcher and lists keep their own direction.
func TestRightToLeftLanguage(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	en := sitetest.Read(t, filepath.Join(sitetest.RepoRoot(t), "i18n"), "en.toml")
	start, end := strings.Index(en, "[language]"), strings.Index(en, "[site]")
	ar := en[:start] + "[language]\nname = \"العربية\"\ndir = \"rtl\"\nlocale = \"ar\"\nweight = 9\n\n" + en[end:]
	// Arabic has six plural forms: give every plural string all of them.
	ar = regexp.MustCompile(`\{ one = ("[^"]*"), other = ("[^"]*") \}`).
		ReplaceAllString(ar, `{ zero = $2, one = $1, two = $2, few = $2, many = $2, other = $2 }`)
	sitetest.Write(t, dir, "i18n/ar.toml", ar)
	sitetest.Write(t, dir, "content/guides/asking-parents.ar.md", `---
title: سؤال الأهل
summary: كيف تسأل الأهل عن رأيهم.
themes: [parents-families]
audience: [teachers]
source: {document: parent-school-book, section: "2.1"}
original: en
translation: {status: draft}
slug: asking-parents
purpose: معرفة رأي الأهل.
participants: معلّمة وأحد الوالدين.
duration: 45 دقيقة
materials: [صور]
---

> [!QUESTIONS] التسجيل
> 1. كيف عرفتم مدرستنا؟
`)
	mustBuild(t, dir)
	contains(t, dir, "ar/guides/asking-parents/index.html",
		`<html lang="ar" dir="rtl"`,
		`<span lang="en" dir="ltr">English</span>`, // other languages keep their direction
		`hreflang="en" href="https://handbook.example/en/guides/asking-parents/"`,
	)
	contains(t, dir, "en/guides/asking-parents/index.html", `hreflang="ar" href="https://handbook.example/ar/guides/asking-parents/"`, `<span lang="ar" dir="rtl">العربية</span>`)
	// Untranslated pages in the Arabic section list keep their language and direction.
	contains(t, dir, "ar/principles/index.html", `<span class="card-title" lang="en" dir="ltr">Reciprocity</span>`)
}
