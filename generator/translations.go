package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// loadSite loads and checks the site in the current folder without writing anything.
func loadSite(stderr io.Writer) (*site.Site, bool) {
	res := &build.Result{Diags: &diag.List{}}
	m, err := build.Load(os.DirFS("."), build.Options{Root: ".", BaseURL: build.DefaultBaseURL}, res)
	res.Diags.Print(stderr, diag.Text)
	if err != nil {
		fmt.Fprintf(stderr, "%v\n", err)
		return nil, false
	}
	return m.Site(), true
}

// printTranslationTable writes, per language, how many pages are complete, draft, outdated
// and missing, then which ones need work.
func printTranslationTable(w io.Writer, reports []site.LangReport) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "language\tcomplete\tdraft\toutdated\tmissing\t")
	for _, r := range reports {
		fmt.Fprintf(tw, "%s (%s)\t%d\t%d\t%d\t%d\t\n", r.Lang.Name, r.Lang.Code, len(r.Complete), len(r.Draft), len(r.Outdated), len(r.Missing))
	}
	tw.Flush()
	for _, r := range reports {
		list := func(state string, pages []*site.Page, note func(*site.Page) string) {
			if len(pages) == 0 {
				return
			}
			fmt.Fprintf(w, "\n%s, %s:\n", r.Lang.Code, state)
			for _, p := range pages {
				fmt.Fprintf(w, "  %s%s\n", p.Source.Path, note(p))
			}
		}
		list("outdated (the original changed; update the text, then run: go run ./generator stamp FILE)", r.Outdated,
			func(p *site.Page) string { return "  ← " + p.Original.Source.Path })
		list("missing", r.Missing, func(p *site.Page) string { return "  → write " + p.Source.SourcePath(r.Lang.Code) })
	}
}

func runTranslations(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("translations", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: go run ./generator translations\n\nprints, per language, the pages complete, draft, outdated and missing")
	}
	if !parseFlags(fs, args) { // -h prints the usage, as for the other commands
		return 2
	}
	s, ok := loadSite(stderr)
	if !ok {
		return 1
	}
	printTranslationTable(stdout, s.TranslationReport())
	return 0
}

// sitePath is a file named on the command line as the site names it: relative to the site's
// root (the current folder), with slashes; "./content/x.md" and an absolute path too.
// Links on the way are followed on both sides (on a Mac /tmp is /private/tmp).
func sitePath(arg string) string {
	p := arg
	if filepath.IsAbs(p) {
		wd, err1 := os.Getwd()
		wd, err2 := filepath.EvalSymlinks(wd)
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		if rel, err := filepath.Rel(wd, p); err1 == nil && err2 == nil && err == nil {
			p = rel
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// runStamp records in each translation the hash of its original's current body: run it
// after bringing a translation up to date, so the site stops calling it outdated.
func runStamp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: go run ./generator stamp content/<section>/<slug>.<lang>.md ...")
		return 2
	}
	s, ok := loadSite(stderr)
	if !ok {
		return 1
	}
	failed := false
	for _, arg := range args {
		path := sitePath(arg)
		p := s.ByPath(path)
		switch {
		case p == nil:
			fmt.Fprintf(stderr, "%s: not a page of this site\n", arg)
			failed = true
		case p.Original == nil:
			fmt.Fprintf(stderr, "%s: not a translation (it has no translation: field)\n", path)
			failed = true
		default:
			hash := content.BodyHash(p.Original.Source.Body)
			if err := content.Stamp(path, hash); err != nil {
				fmt.Fprintln(stderr, err)
				failed = true
				continue
			}
			fmt.Fprintf(stdout, "%s: translation of %s, hash %s\n", path, p.Original.Source.Path, hash)
		}
	}
	if failed {
		return 1
	}
	return 0
}
