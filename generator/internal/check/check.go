// Package check owns what `generator check` adds to a build before review: it builds the
// site into a temporary folder (so every rule of the build applies, with the build's own
// messages: front matter, Markdown, links, headings, images and alt text, taxonomy terms,
// URLs, layouts) and then applies the rules an editor needs on top:
//
//   - every page has its translation in every language (a warning per missing file; the
//     report lists them per language);
//   - every page is reachable by following links from the site's root page;
//   - every external link is well formed: a public host name, no password, https preferred.
//
// It does not use the network. Problems go into a diag.List, so they print as text or as
// GitHub annotations like the build's.
package check

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// Options say which site to check.
type Options struct {
	Root   string // the site root
	Drafts bool   // check draft pages as if they were published
	// Timeout is how long one page's layout may take (0: build.DefaultTimeout).
	Timeout time.Duration
}

// Report is the outcome of a check.
type Report struct {
	Diags *diag.List
	// Missing lists, per language code, the content files that language still lacks.
	Missing map[string][]string
	// Partial names the languages that are meant to hold only some pages.
	Partial map[string]bool
	// Translations is the translation table per language (nil when the build failed).
	Translations []site.LangReport
	Pages        int // pages built (0 when the build failed)
}

// Run checks the site at opts.Root. It never writes inside the site.
func Run(opts Options) (*Report, error) {
	rep := &Report{Diags: &diag.List{}, Missing: map[string][]string{}}
	tmp, err := os.MkdirTemp("", "handbook-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "site")
	m, res, _ := build.BuildModel(build.Options{Root: opts.Root, Out: out, BaseURL: build.DefaultBaseURL, Drafts: opts.Drafts, Timeout: opts.Timeout})
	rep.Diags.Merge(res.Diags)

	fsys := os.DirFS(opts.Root)
	catalog := i18n.Load(fsys, &diag.List{}) // its problems are already in the build's report
	rep.Partial = map[string]bool{}
	for _, l := range catalog.Languages {
		rep.Partial[l.Code] = l.Partial
	}
	rep.Missing = translations(fsys, catalog.Codes(), rep.Partial, rep.Diags)
	if m == nil {
		return rep, nil
	}
	rep.Pages = len(m.Site().Pages)
	rep.Translations = m.Site().TranslationReport()
	externalLinks(m.Site(), rep.Diags)
	reachable(m.Site(), out, rep.Diags)
	return rep, nil
}

// Failed reports whether the check found errors (warnings do not fail it).
func (r *Report) Failed() bool { return r.Diags.HasErrors() }

// PrintSummary writes the missing translations per language and the counts.
func (r *Report) PrintSummary(w io.Writer) {
	langs := make([]string, 0, len(r.Missing))
	for l := range r.Missing {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		files := r.Missing[l]
		if r.Partial[l] {
			continue // a partial language is meant to lack pages; check --translations counts them
		}
		fmt.Fprintf(w, "missing %s translations (%d):\n", l, len(files))
		for _, f := range files {
			fmt.Fprintf(w, "  %s\n", diag.Printable(f))
		}
	}
	errs, warns := r.Diags.Count(diag.Error), r.Diags.Count(diag.Warning)
	switch {
	case errs > 0 && r.Pages == 0:
		fmt.Fprintf(w, "check failed: %s, %s (reachability and external links are checked once the build succeeds)\n",
			plural(errs, "error"), plural(warns, "warning"))
	case errs > 0:
		fmt.Fprintf(w, "check failed: %s, %s\n", plural(errs, "error"), plural(warns, "warning"))
	default:
		fmt.Fprintf(w, "check passed: %d pages, %s\n", r.Pages, plural(warns, "warning"))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// splitName splits "<slug>.<lang>.md".
func splitName(name string) (slug, lang string, ok bool) {
	base, ok := strings.CutSuffix(name, ".md")
	if !ok {
		return "", "", false
	}
	dot := strings.LastIndexByte(base, '.')
	if dot <= 0 {
		return "", "", false
	}
	return base[:dot], base[dot+1:], true
}
