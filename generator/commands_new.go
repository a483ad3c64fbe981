package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
	"github.com/educare-handbook/handbook/generator/internal/scaffold"
)

const newUsage = `usage: go run ./generator new <type> <section>/<slug>.<lang>.md
types and their sections: principle principles/, guide guides/, anchor anchors/,
condition conditions/, case cases/, page about/
example: go run ./generator new guide guides/home-visits.en.md
`

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, newUsage) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprint(stderr, newUsage)
		return 2
	}
	var diags diag.List
	cat := i18n.Load(os.DirFS("."), &diags)
	if diags.HasErrors() {
		diags.Print(stderr, diag.Text)
		return 1
	}
	vocab := build.Vocabularies(cat)
	rel, err := scaffold.Create(scaffold.Options{Root: ".", Type: fs.Arg(0), Target: fs.Arg(1), Languages: cat.Codes(), Vocab: vocab})
	if err != nil {
		fmt.Fprintf(stderr, "new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: fill in the fields, write the page, remove \"draft: true\", then run go run ./generator check\n", rel)
	return 0
}
