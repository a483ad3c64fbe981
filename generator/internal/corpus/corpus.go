// Package corpus writes a synthetic handbook of any size for benchmarks: content/ in the real
// layout and front matter, half English and half Dutch, with headings, lists, boxes, quotes,
// footnotes and links between pages, plus copies of the real layouts/, static/ and i18n/.
// The same options always give the same bytes.
package corpus

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options say how big a corpus to write, where, and which site to copy the layouts from.
type Options struct {
	Pages    int    // total pages, half per language
	Out      string // folder to create; must not exist or be empty
	Template string // site root whose layouts/, static/ and i18n/ are copied
}

var sections = []struct{ name, typ string }{
	{"principles", "principle"}, {"guides", "guide"}, {"anchors", "anchor"},
	{"conditions", "condition"}, {"cases", "case"}, {"about", "page"},
}

var (
	themes   = []string{"educare", "professional-identity", "collaboration", "parents-families", "leadership", "transitions", "diversity-inclusion", "working-conditions", "training"}
	audience = []string{"teachers", "assisting-practitioners", "school-leaders", "trainers-coaches", "policy-makers"}
	settings = []string{"preschool", "childcare", "family-childcare", "out-of-school-care"}
	sources  = []string{"value-belgian-pilot", "value-danish-pilot", "parent-school-book", "pedagogical-coach", "ghent-guidance"}
)

// MaxPages is the largest corpus written: ten times the largest benchmark, a few GB on disk.
// The plan of a corpus is made in memory, and a mistyped count ran it out.
const MaxPages = 100_000

// insideSite reports whether out lies inside one of the folders of the site at root that
// the build reads.
func insideSite(root, out string) (string, bool) {
	absOut, err1 := filepath.Abs(out)
	absRoot, err2 := filepath.Abs(root)
	if err1 != nil || err2 != nil {
		return "", false
	}
	for _, dir := range []string{"content", "layouts", "static", "i18n"} {
		if rel, err := filepath.Rel(filepath.Join(absRoot, dir), absOut); err == nil && (filepath.IsLocal(rel) || rel == ".") {
			return dir, true
		}
	}
	return "", false
}

// Write creates the corpus.
func Write(opts Options) error {
	if opts.Pages < 2 || opts.Pages > MaxPages {
		return fmt.Errorf("--pages must be from 2 to %d", MaxPages)
	}
	if within, ok := insideSite(opts.Template, opts.Out); ok {
		return fmt.Errorf("--out %s is inside the site's %s/, whose every build it would break: write the corpus elsewhere, such as /tmp/corpus", opts.Out, within)
	}
	if entries, err := os.ReadDir(opts.Out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s exists and is not empty", opts.Out)
	}
	for _, dir := range []string{"layouts", "static", "i18n"} {
		if err := CopyTree(filepath.Join(opts.Template, dir), filepath.Join(opts.Out, dir)); err != nil {
			return err
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	slugs := opts.Pages / 2
	// Which section each page is in, decided up front so pages can link to each other.
	plan := make([]int, slugs)
	for i := range plan {
		plan[i] = i % len(sections)
	}
	for _, lang := range []string{"en", "nl"} {
		w := words[lang]
		if err := writeFile(opts.Out, "content/_index."+lang+".md", indexPage(w.title(rng, 3), rng, w)); err != nil {
			return err
		}
		for _, s := range sections {
			if err := writeFile(opts.Out, "content/"+s.name+"/_index."+lang+".md", indexPage(w.title(rng, 2), rng, w)); err != nil {
				return err
			}
		}
	}
	for i := 0; i < slugs; i++ {
		for _, lang := range []string{"en", "nl"} {
			sec := sections[plan[i]]
			page := writePage(rng, i, sec.typ, lang, plan)
			if err := writeFile(opts.Out, fmt.Sprintf("content/%s/page-%05d.%s.md", sec.name, i, lang), page); err != nil {
				return err
			}
		}
	}
	return nil
}

func indexPage(title string, rng *rand.Rand, w wordList) string {
	return fmt.Sprintf("---\ntitle: %q\nsummary: %q\n---\n\n%s\n", title, w.sentence(rng, 14), w.paragraph(rng, 5))
}

func writePage(rng *rand.Rand, i int, typ, lang string, plan []int) string {
	w := words[lang]
	// Taxonomies and source come from the page number, so both languages of a page agree.
	meta := rand.New(rand.NewPCG(uint64(i), 7))
	t1 := meta.IntN(len(themes))
	t2 := (t1 + 1 + meta.IntN(len(themes)-1)) % len(themes)
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\nsummary: %q\n", w.title(rng, 4), w.sentence(rng, 18))
	fmt.Fprintf(&b, "themes: [%s, %s]\naudience: [%s]\nsetting: [%s]\n", themes[t1], themes[t2], pick(meta, audience), pick(meta, settings))
	fmt.Fprintf(&b, "source:\n  document: %s\n  section: \"%d.%d\"\n", pick(meta, sources), 1+meta.IntN(6), 1+meta.IntN(9))
	if lang == "en" {
		b.WriteString("original: en\n")
	} else {
		b.WriteString("original: en\ntranslation:\n  status: draft\n")
	}
	fmt.Fprintf(&b, "weight: %d\n", i)
	switch typ {
	case "principle":
		fmt.Fprintf(&b, "number: %d\n", i+1)
	case "guide":
		fmt.Fprintf(&b, "purpose: %q\nparticipants: %q\nduration: \"%d minutes\"\nmaterials: [%s, %s]\n",
			w.sentence(rng, 10), w.sentence(rng, 6), 15*(1+rng.IntN(6)), w.title(rng, 2), w.title(rng, 2))
	case "anchor":
		fmt.Fprintf(&b, "level: [flemish, school]\nregion: flanders\nin_concreto: %q\n", w.sentence(rng, 20))
	case "condition":
		fmt.Fprintf(&b, "pilots: [%s]\n", []string{"brussels", "antwerp"}[i%2])
	case "case":
		fmt.Fprintf(&b, "place: %s\ncountry: Belgium\ninstitution: %q\nperiod: \"2018-2019\"\nfacilitators: %q\nfigures:\n  - label: %s\n    value: \"%d\"\n",
			w.title(rng, 1), w.sentence(rng, 6), w.sentence(rng, 8), w.title(rng, 1), 50+rng.IntN(300))
	}
	b.WriteString("---\n\n")
	for s := 0; s < 5; s++ {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", w.title(rng, 3), w.paragraph(rng, 6))
		switch s {
		case 0:
			target := rng.IntN(len(plan))
			fmt.Fprintf(&b, "%s [%s](../%s/page-%05d.%s.md) %s[^1].\n\n", w.sentence(rng, 8), w.title(rng, 2),
				sections[plan[target]].name, target, lang, w.sentence(rng, 6))
			for k := 0; k < 4; k++ {
				fmt.Fprintf(&b, "- %s\n", w.sentence(rng, 9))
			}
			b.WriteString("\n")
		case 1:
			fmt.Fprintf(&b, "> [!QUOTE] %s\n> %s\n\n", w.sentence(rng, 3), w.sentence(rng, 16))
		case 2:
			kind := "FOCUS"
			if typ == "guide" {
				kind = "QUESTIONS"
			}
			fmt.Fprintf(&b, "> [!%s] %s\n", kind, w.title(rng, 2))
			for k := 1; k <= 4; k++ {
				fmt.Fprintf(&b, "> %d. %s?\n", k, w.sentence(rng, 9))
			}
			b.WriteString("\n")
		case 3:
			fmt.Fprintf(&b, "### %s\n\n%s\n\n", w.title(rng, 2), w.paragraph(rng, 4))
		}
	}
	fmt.Fprintf(&b, "[^1]: %s\n", w.sentence(rng, 12))
	return b.String()
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

func writeFile(root, rel, data string) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(data), 0o644)
}

// CopyTree copies a folder with everything in it.
func CopyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
