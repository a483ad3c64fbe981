// Package sitetest builds small fixture sites for tests: the real layouts/, static/ and
// i18n/ of the repository plus the files of a txtar archive written inline in the test, so
// a test reads like a specification of one behaviour.
package sitetest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/educare-handbook/handbook/generator/internal/corpus"
)

// RepoRoot is the repository root (where go.mod is).
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", "..", ".."))
}

// New writes a site into a temporary folder: the repository's layouts/, static/ and i18n/
// (unless the archive has its own), then every file of the archive. It returns the folder.
func New(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	ar := txtar.Parse([]byte(archive))
	own := map[string]bool{}
	for _, f := range ar.Files {
		own[strings.SplitN(f.Name, "/", 2)[0]] = true
	}
	root := RepoRoot(t)
	for _, d := range []string{"layouts", "static", "i18n"} {
		if own[d] {
			continue
		}
		if err := CopyTree(filepath.Join(root, d), filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range ar.Files {
		Write(t, dir, f.Name, string(f.Data))
	}
	return dir
}

// Write puts one file into the site, creating folders.
func Write(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Read returns a file of the site or of its output.
func Read(t testing.TB, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// CopyTree copies a folder.
func CopyTree(from, to string) error { return corpus.CopyTree(from, to) }

// Homes is the home page in English and Dutch: the start of most fixture sites.
const Homes = `
-- content/_index.en.md --
---
title: Home
summary: The handbook.
---
Welcome.
-- content/_index.nl.md --
---
title: Start
summary: Het handboek.
---
Welkom.
`

// Page returns a minimal valid page of a type, with extra front matter lines and a body.
func Page(typ, extra, body string) string {
	fm := "title: A " + typ + "\nsummary: What this " + typ + " is about.\nthemes: [collaboration]\naudience: [teachers]\nsource: {document: parent-school-book, section: \"2.1\"}\n"
	switch typ {
	case "principle":
		fm += "number: 1\n"
	case "guide":
		fm += "purpose: Ask parents.\nparticipants: A teacher and a parent.\nduration: 45 minutes\nmaterials: [Photos]\n"
	case "anchor":
		fm += "level: [flemish, school]\nregion: flanders\nin_concreto: Give every assistant an hour.\n"
	case "condition":
		fm += "pilots: [brussels]\n"
	case "case":
		fm += "place: Anderlecht, Brussels\ncountry: Belgium\ninstitution: Primary school\nperiod: 2018-2019\nfigures: [{label: Pupils, value: \"184\"}]\n"
	}
	return "---\n" + fm + extra + "---\n\n" + body
}
