package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

const home = sitetest.Homes

func options(t *testing.T, dir, typ, target string) Options {
	t.Helper()
	var diags diag.List
	cat := i18n.Load(os.DirFS(dir), &diags)
	vocab := build.Vocabularies(cat)
	return Options{Root: dir, Type: typ, Target: target, Languages: cat.Codes(), Vocab: vocab}
}

// A new page of every type builds as it is (as a draft), lists every field of its type, and
// stays out of the published site until draft: true is removed.
func TestNewPageOfEveryTypeBuilds(t *testing.T) {
	for _, section := range content.Sections() {
		typ := content.TypeOf(section)
		t.Run(typ, func(t *testing.T) {
			dir := sitetest.New(t, home)
			rel, err := Create(options(t, dir, typ, section+"/new-page.en.md"))
			if err != nil {
				t.Fatal(err)
			}
			if rel != "content/"+section+"/new-page.en.md" {
				t.Errorf("wrote %s", rel)
			}
			src := sitetest.Read(t, dir, rel)
			for _, field := range yamlFields(reflect.TypeOf(content.NewMeta(typ)).Elem()) {
				if !strings.Contains(src, "\n"+field+":") && !strings.Contains(src, "# "+field+":") {
					t.Errorf("the new %s lacks the field %q:\n%s", typ, field, src)
				}
			}
			out := filepath.Join(dir, "public")
			res, err := build.Build(build.Options{Root: dir, Out: out, BaseURL: "https://handbook.example/", Drafts: true})
			if err != nil {
				t.Fatalf("the new %s does not build: %v\n%s", typ, res.Diags.Items(), src)
			}
			if _, err := os.Stat(filepath.Join(out, "en", strings.Split(sectionURL(t, dir, section), "/")[0], "new-page", "index.html")); err != nil {
				t.Errorf("the draft was not built with --drafts: %v", err)
			}
			// Published without drafts, the page is left out.
			res, err = build.Build(build.Options{Root: dir, Out: out, BaseURL: "https://handbook.example/"})
			if err != nil {
				t.Fatalf("%v", res.Diags.Items())
			}
			if _, err := os.Stat(filepath.Join(out, "en", sectionURL(t, dir, section), "new-page")); err == nil {
				t.Error("the draft was published")
			}
		})
	}
}

func sectionURL(t *testing.T, dir, section string) string {
	var diags diag.List
	s, err := i18n.Load(os.DirFS(dir), &diags).Get("en").T("url." + section)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlFields lists the front matter keys of a type, inline structs included.
func yamlFields(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if strings.Contains(tag, "inline") {
			out = append(out, yamlFields(f.Type)...)
			continue
		}
		if name := strings.Split(tag, ",")[0]; name != "" && name != "hash" {
			out = append(out, name)
		}
	}
	return out
}

// The same page in another language becomes its translation: a copy of the original to
// translate in place, with the original's facts, marked as a draft translation.
func TestNewTranslation(t *testing.T) {
	dir := sitetest.New(t, home+`
-- content/guides/asking.en.md --
---
title: Asking parents
summary: How to ask.
themes: [parents-families]
audience: [teachers]
source: {document: parent-school-book, section: "2.1"}
original: en
slug: asking-parents
weight: 3
purpose: Hear parents.
participants: A teacher and a parent.
duration: 45 minutes
materials:
  - Photos
---
## Before you start

Read the principle first.
`)
	rel, err := Create(options(t, dir, "guide", "content/guides/asking.nl.md"))
	if err != nil {
		t.Fatal(err)
	}
	src := sitetest.Read(t, dir, rel)
	for _, want := range []string{"\nthemes: [parents-families]\n", "\nweight: 3\n", "\nmaterials:\n  - Photos\n",
		"\noriginal: en\ntranslation: {status: draft}\n", "\ndraft: true\n---\n## Before you start\n\nRead the principle first.\n",
		"# Translation of content/guides/asking.en.md."} {
		if !strings.Contains(src, want) {
			t.Errorf("want %q in:\n%s", want, src)
		}
	}
	if strings.Contains(src, "\nslug: asking-parents") {
		t.Errorf("the English slug was kept:\n%s", src)
	}
	if res, err := build.Build(build.Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/", Drafts: true}); err != nil {
		t.Fatalf("%v", res.Diags.Items())
	}
}

func TestNewRefusesWhatItCannotDo(t *testing.T) {
	dir := sitetest.New(t, home)
	for _, target := range []string{"cases/menen.en.md", "cases/caf\u00e9.en.md"} {
		if _, err := Create(options(t, dir, "case", target)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ typ, target, want string }{
		// Decomposed, as a Mac may write it: the build would read it as the composed page.
		{"case", "cases/cafe\u0301.en.md", "content/cases/caf\u00e9.en.md already exists; new never overwrites a page"},
		{"guide", "guides/con.en.md", `"con" is a device name on Windows`},
		{"case", "cases/menen.en.md", "content/cases/menen.en.md already exists; new never overwrites a page"},
		{"recipe", "cases/x.en.md", `unknown type "recipe"; types: principle, guide, anchor, condition, case, page`},
		{"guide", "cases/x.en.md", "a guide goes into guides/, not cases/ (pages in cases/ are of type case)"},
		{"guide", "recipes/x.en.md", `"recipes/x.en.md": write <section>/<slug>.<lang>.md`},
		{"guide", "guides/deep/x.en.md", `"guides/deep/x.en.md": write <section>/<slug>.<lang>.md`},
		{"guide", "guides/x.xx.md", `unknown language "xx"; languages: en, nl, da, fr, ar, tr`},
		{"guide", "guides/x.md", `"guides/x.md": name the file <slug>.<lang>.md`},
		{"guide", "guides/Asking_Parents.en.md", `"Asking_Parents" is not a valid page name`},
		{"guide", "guides/../x.en.md", `write <section>/<slug>.<lang>.md`},
		{"guide", "guides/_index.en.md", `"_index" is not a valid page name`},
		{"anchor", "guides/x.en.md", "an anchor goes into anchors/, not guides/"},
	}
	// Written decomposed by an editor's Mac: a composed name is that page too.
	sitetest.Write(t, dir, "content/cases/nai\u0308ef.en.md", "---\n---\n")
	tests = append(tests, struct{ typ, target, want string }{"case", "cases/na\u00efef.en.md", "already exists (as content/cases/nai\u0308ef.en.md)"})
	for _, tt := range tests {
		_, err := Create(options(t, dir, tt.typ, tt.target))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("new %s %s: got %v, want %q", tt.typ, tt.target, err, tt.want)
		}
	}
}
