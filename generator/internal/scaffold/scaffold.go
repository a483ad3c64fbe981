// Package scaffold owns `generator new`: it writes the file of a new page with every field
// its content type needs, each commented, filled with placeholders that pass the build, and
// draft: true, so the page only appears (in serve, or with --drafts) until the editor has
// filled it in and removed that line. When the same page exists in another language, the new
// file starts as a copy of it, set up as its translation (see Translation). It never
// overwrites a file.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/educare-handbook/handbook/generator/internal/content"
)

// Options say which page to create.
type Options struct {
	Root      string                        // the site root
	Type      string                        // principle, guide, anchor, condition, case, page
	Target    string                        // "<section>/<slug>.<lang>.md", optionally under "content/"
	Languages []string                      // language codes of the site
	Vocab     map[string]content.Vocabulary // allowed keys per field, as the build uses them
}

// Create writes the new page and returns its path relative to the root.
func Create(opts Options) (string, error) {
	section, slug, lang, err := parseTarget(opts)
	if err != nil {
		return "", err
	}
	rel := path.Join("content", section, slug+"."+lang+".md")
	fsys := os.DirFS(opts.Root)
	if existing := sameName(fsys, rel); existing != "" {
		return "", fmt.Errorf("%s already exists (as %s); new never overwrites a page (open it and edit it, or choose another name)", rel, existing)
	}
	var page []byte
	for _, other := range opts.Languages {
		sibling := path.Join("content", section, slug+"."+other+".md")
		if other == lang {
			continue
		}
		if data, err := fs.ReadFile(fsys, sibling); err == nil {
			page = Translation(data, sibling, other)
			break
		}
	}
	if page == nil {
		number := 0
		if opts.Type == "principle" {
			number = nextNumber(fsys, section, lang)
		}
		page = Render(Page{Type: opts.Type, Lang: lang, Original: lang, Number: number, Vocab: opts.Vocab})
	}
	abs := filepath.Join(opts.Root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; new never overwrites a page (open it and edit it, or choose another name)", rel)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(page); err != nil {
		f.Close()
		return "", err
	}
	return rel, f.Close()
}

// sameName finds a file that is rel with its letters composed otherwise: the build would
// read the two as one page.
func sameName(fsys fs.FS, rel string) string {
	entries, _ := fs.ReadDir(fsys, path.Dir(rel))
	for _, e := range entries {
		if name := path.Join(path.Dir(rel), e.Name()); name != rel && norm.NFC.String(name) == rel {
			return name
		}
	}
	return ""
}

// parseTarget checks "<section>/<slug>.<lang>.md" against the type and the site.
func parseTarget(opts Options) (section, slug, lang string, err error) {
	if !contains(content.Types(), opts.Type) {
		return "", "", "", fmt.Errorf("unknown type %q; types: %s", opts.Type, strings.Join(content.Types(), ", "))
	}
	target := strings.TrimPrefix(filepath.ToSlash(opts.Target), "content/")
	dir, name := path.Split(target)
	section = strings.TrimSuffix(dir, "/")
	want := sectionOf(opts.Type)
	if section == "" || strings.Contains(section, "/") || content.TypeOf(section) == "" {
		return "", "", "", fmt.Errorf("%q: write <section>/<slug>.<lang>.md, e.g. %s/my-page.%s.md; sections: %s",
			opts.Target, want, first(opts.Languages), strings.Join(content.Sections(), ", "))
	}
	if content.TypeOf(section) != opts.Type {
		return "", "", "", fmt.Errorf("%s %s goes into %s/, not %s/ (pages in %s/ are of type %s)", article(opts.Type), opts.Type, want, section, section, content.TypeOf(section))
	}
	base, ok := strings.CutSuffix(name, ".md")
	dot := strings.LastIndexByte(base, '.')
	if !ok || dot <= 0 {
		return "", "", "", fmt.Errorf("%q: name the file <slug>.<lang>.md, e.g. %s/my-page.%s.md", opts.Target, section, first(opts.Languages))
	}
	// Composed, as the build reads names: "café" typed on a Mac may arrive decomposed.
	slug, lang = norm.NFC.String(base[:dot]), base[dot+1:]
	if !contains(opts.Languages, lang) {
		return "", "", "", fmt.Errorf("unknown language %q; languages: %s (a language exists when i18n/<code>.toml exists)", lang, strings.Join(opts.Languages, ", "))
	}
	if !content.ValidSlug(slug) {
		return "", "", "", fmt.Errorf("%q is not a valid page name: use lower-case letters, digits and single hyphens, e.g. asking-new-parents", slug)
	}
	if content.ReservedOnWindows(slug) {
		return "", "", "", fmt.Errorf("%q is a device name on Windows, which could not make the file: choose another name", slug)
	}
	return section, slug, lang, nil
}

// article is "a" or "an" for a type's name.
func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func sectionOf(typ string) string {
	for _, s := range content.Sections() {
		if content.TypeOf(s) == typ {
			return s
		}
	}
	return ""
}

var originalLine = regexp.MustCompile(`(?m)^original:\s*([a-z-]+)\s*$`)

// originalOf reads "original:" from a translation's sibling; the sibling's own language when
// it has none.
func originalOf(page []byte, lang string) string {
	if m := originalLine.FindSubmatch(page); m != nil {
		return string(m[1])
	}
	return lang
}

// nextNumber is one more than the number of principles in that language.
func nextNumber(fsys fs.FS, section, lang string) int {
	files, _ := fs.Glob(fsys, path.Join("content", section, "*."+lang+".md"))
	n := 0
	for _, f := range files {
		if !strings.HasPrefix(path.Base(f), "_index.") {
			n++
		}
	}
	return n + 1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func first(list []string) string {
	if len(list) == 0 {
		return "en"
	}
	return list[0]
}

// keys returns a vocabulary's keys in order, preferring one as the first.
func keys(v content.Vocabulary, prefer string) []string {
	out := make([]string, 0, len(v))
	for k := range v {
		out = append(out, k)
	}
	sort.Strings(out)
	for i, k := range out {
		if k == prefer {
			out[0], out[i] = out[i], out[0]
		}
	}
	return out
}
