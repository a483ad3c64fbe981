package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// On every page of the handbook, and on the YAML an editor may write (block text, anchors,
// flow maps, numbers as numbers), the fast decoder (go.yaml.in/yaml/v3) reads what goccy/
// go-yaml, which explains errors, would have read before it. Where they differ, the fast
// decoder keeps text as written (TestTextThatLooksLikeANumberStaysAsWritten).
func TestBothDecodersReadTheHandbookAlike(t *testing.T) {
	sources := map[string]string{
		"block text":  "title: T\nsummary: |\n  Two lines,\n  kept.\npurpose: >\n  Folded\n  text.\n",
		"anchors":     "title: &t Same\nsummary: *t\nthemes: &th [a, b]\naudience: *th\n",
		"flow map":    "title: T\nsource: {document: d, section: \"2.5\"}\ntranslation: {status: draft, hash: 1a2b}\n",
		"numbers":     "title: 2024\nsummary: 3.5\nsource:\n  document: d\n  section: 2.5\nweight: 10\n",
		"no and yes":  "title: no\nsummary: yes\nthemes: [no, on, off]\n",
		"unicode":     "title: \"Çocuk ve dil — ‘taal’\"\nsummary: 'Il dit : « oui »'\n",
		"empty value": "title:\nsummary: ''\nthemes: []\n",
		"figures":     "title: T\nfigures:\n  - label: Families\n    value: \"24\"\n  - {label: Years, value: 2019–2021}\n",
	}
	root := sitetest.RepoRoot(t)
	err := filepath.WalkDir(filepath.Join(root, "content"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fm, _, _, err := splitFrontMatter(src)
		if err != nil {
			return err
		}
		sources[path] = string(fm)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sources) < 100 {
		t.Fatalf("read only %d front matters", len(sources))
	}
	for name, src := range sources {
		typ := "guide" // the richest type holds the fields of the small samples
		if strings.Contains(name, "/") {
			typ = typeOfPath(name)
		}
		if strings.Contains(src, "figures:") && !strings.Contains(name, "/") {
			typ = "case"
		}
		fast, slow := NewMeta(typ), NewMeta(typ)
		if err := decodeFast([]byte(src), fast); err != nil {
			t.Errorf("%s: fast decoder: %v", name, err)
			continue
		}
		f := &frontMatter{src: []byte(src)}
		if perr := f.parse(); perr != nil {
			t.Errorf("%s: goccy: %s", name, perr.msg)
			continue
		}
		if perr := f.decodeExplained(f.node, slow); perr != nil {
			t.Errorf("%s: goccy: %s", name, perr.msg)
			continue
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: the decoders differ:\nfast  %+v\ngoccy %+v", name, fast, slow)
		}
	}
}

// typeOfPath is the content type of a file of the handbook.
func typeOfPath(path string) string {
	parts := strings.Split(filepath.ToSlash(path), "/")
	file, section := parts[len(parts)-1], parts[len(parts)-2]
	switch {
	case strings.HasPrefix(file, "_index.") && section == "content":
		return "home"
	case strings.HasPrefix(file, "_index."):
		return "section"
	}
	return TypeOf(section)
}

// A number or a yes/no in quotes is refused, at its line, with what to write instead: goccy
// would read it, the fast decoder calls it text, and only the fast decoder fills pages.
func TestQuotedNumberIsRefusedAtItsLine(t *testing.T) {
	_, errs := load(t, map[string]string{"content/about/a.en.md": valid + "weight: \"3\"\n---\n"})
	if !strings.Contains(errs, `content/about/a.en.md:7: front matter: "3" is text in quotes where a whole number belongs (write it without quotes, e.g. weight: 3)`) {
		t.Fatalf("got %s", errs)
	}
}

// Text that looks like a number stays as written, whatever else the file holds.
func TestTextThatLooksLikeANumberStaysAsWritten(t *testing.T) {
	src := strings.Replace(valid, "section: a", "section: 2.10", 1) + "slug: \"010\"\n---\n"
	pages, errs := load(t, map[string]string{"content/about/a.en.md": src})
	if errs != "" || len(pages) != 1 || pages[0].Common().Source.Section != "2.10" {
		t.Fatalf("pages %v, errors %s", pages, errs)
	}
}

// A number with a leading zero is the decimal number an editor means, not octal: "010" is
// ten and "08" is eight.
func TestLeadingZeroIsDecimal(t *testing.T) {
	for written, want := range map[string]int{"010": 10, "08": 8, "+007": 7, "-02": -2, "12": 12} {
		pages, errs := load(t, map[string]string{"content/about/a.en.md": valid + "weight: " + written + "\n---\n"})
		if errs != "" || len(pages) != 1 {
			t.Errorf("weight: %s: errors %s", written, errs)
			continue
		}
		if got := int(pages[0].Common().Weight); got != want {
			t.Errorf("weight: %s read as %d, want %d", written, got, want)
		}
	}
	_, errs := load(t, map[string]string{"content/about/a.en.md": valid + "weight: 099999999999999999999\n---\n"})
	if !strings.Contains(errs, "content/about/a.en.md:7: front matter: weight: "+notWhole) {
		t.Errorf("too large: got %s", errs)
	}
}

// Fields after a second block ("...", or "---" between fields) would be lost: refused. So is
// a front matter that is only "~".
func TestOneBlockOfFields(t *testing.T) {
	for name, fm := range map[string]string{
		"document end":  valid + "...\nweight: 2\n",
		"second start":  valid + "--- # more\nweight: 2\n",
		"null":          "~\n",
		"comments only": "# nothing yet\n",
	} {
		_, errs := load(t, map[string]string{"content/about/a.en.md": "---\n" + strings.TrimPrefix(fm, "---\n") + "---\n"})
		if !strings.Contains(errs, "content/about/a.en.md:") || !strings.Contains(errs, "front matter: expected") {
			t.Errorf("%s: got %q", name, errs)
		}
	}
}

// One corner where the decoders differ, on purpose: goccy refuses "draft: yes" (YAML 1.2
// has only true and false), the fast decoder reads yes/no in a yes-or-no field as an editor
// means it.
func TestDraftYesMeansTrue(t *testing.T) {
	pages, errs := load(t, map[string]string{"content/about/a.en.md": valid + "draft: yes\n---\n", "content/about/b.en.md": valid + "draft: no\n---\n"})
	if errs != "" || len(pages) != 1 || pages[0].Slug != "b" {
		t.Fatalf("pages %v, errors %s", pages, errs)
	}
}

// YAML ends a line at a lone carriage return too; the file, and an editor, do not.
func TestLinesAreTheFilesLines(t *testing.T) {
	src := []byte("a: 1\r\nb: 2\r\rc: 3\nd: 4")
	for yaml, file := range map[int]int{1: 2, 2: 3, 3: 3, 4: 3, 5: 4} {
		if got := fileLine(src, yaml); got != file {
			t.Errorf("YAML line %d: file line %d, want %d", yaml, got, file)
		}
	}
}

// Every wrong field of a front matter is reported in one build, in the order of the lines:
// goccy, whose words these are, stops at the first (found by a new user's test: two typos
// took two builds, and the later one was shown first).
func TestEveryWrongFieldIsReportedAtOnce(t *testing.T) {
	src := "---\ntitle: T\nsumary: S\nthemes: educare\naudience:\n  - teachers\n  - {a: b}\n" +
		"source: {document: handbook, section: a}\nwieght: 2\nweight: \"3\"\ndraft: yes\n---\n"
	_, errs := load(t, map[string]string{"content/about/a.en.md": src})
	want := []string{
		`content/about/a.en.md:3: front matter: unknown field "sumary"`,
		`content/about/a.en.md:4: front matter: themes: text where a list belongs`,
		`content/about/a.en.md:7: front matter: fields where text belongs`,
		`content/about/a.en.md:9: front matter: unknown field "wieght"`,
		`content/about/a.en.md:10: front matter: "3" is text in quotes where a whole number belongs`,
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(lines), len(want), errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d:\n got %s\nwant %s…", i+1, lines[i], w)
		}
	}
}

// A field that holds an anchor stays while the others are decoded again: its aliases would
// be reported as problems the editor never made.
func TestAnAnchoredFieldIsKeptWhileLookingFurther(t *testing.T) {
	_, errs := load(t, map[string]string{"content/about/a.en.md": valid + "extra: &m {weight: 3}\n<<: *m\nweight: 4\n---\n"})
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `content/about/a.en.md:7: front matter: unknown field "extra"`) ||
		!strings.HasPrefix(lines[1], `content/about/a.en.md:9: front matter: duplicate key "weight", written and brought in by a merge key`) {
		t.Fatalf("got %s", errs)
	}
}

// What the decoder that fills the page accepts is not an error because another field is
// wrong: "draft: yes" is true, alone or beside a typo.
func TestAcceptedFieldsStayAcceptedBesideAWrongOne(t *testing.T) {
	pages, errs := load(t, map[string]string{"content/about/a.en.md": valid + "draft: yes\n---\n"})
	if errs != "" || len(pages) != 0 { // a draft, left out
		t.Fatalf("alone: pages %v, errors %s", pages, errs)
	}
	_, errs = load(t, map[string]string{"content/about/a.en.md": valid + "draft: yes\nfoo: x\n---\n"})
	if strings.TrimSpace(errs) != `content/about/a.en.md:8: front matter: unknown field "foo" (check the spelling; the README lists the fields of each type)` {
		t.Fatalf("beside a typo: %s", errs)
	}
}

// Problems inside one field are all reported too, each once, in goccy's words or the same
// words (found by a review: which of two nested typos was named changed from run to run).
func TestEveryProblemInsideAFieldIsReported(t *testing.T) {
	src := "---\ntitle: T\nsummary: S\nthemes: [educare]\naudience: [teachers]\nsource:\n  documnt: handbook\n  sectio: a\n" +
		"extra: &x 1\nfoo: 2\n---\n"
	want := `content/about/a.en.md:7: front matter: unknown field "documnt" (check the spelling; the README lists the fields of each type)
content/about/a.en.md:8: front matter: unknown field "sectio" (check the spelling; the README lists the fields of each type)
content/about/a.en.md:9: front matter: unknown field "extra" (check the spelling; the README lists the fields of each type)
content/about/a.en.md:10: front matter: unknown field "foo" (check the spelling; the README lists the fields of each type)`
	for i := 0; i < 20; i++ { // goccy's choice among unknown fields follows map order
		_, errs := load(t, map[string]string{"content/about/a.en.md": src})
		if strings.TrimSpace(errs) != want {
			t.Fatalf("run %d:\n%s\nwant:\n%s", i, errs, want)
		}
	}
}

// A front matter of many mistakes lists the first twenty and counts the rest.
func TestManyProblemsAreCounted(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 25; i++ {
		fmt.Fprintf(&b, "typo%d: x\n", i)
	}
	_, errs := load(t, map[string]string{"content/about/a.en.md": valid + b.String() + "---\n"})
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 21 || !strings.HasPrefix(lines[20], "content/about/a.en.md:27: front matter: 5 more problems, the first on this line") {
		t.Fatalf("got %d lines:\n%s", len(lines), errs)
	}
}
