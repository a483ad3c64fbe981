package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/educare-handbook/handbook/generator/internal/check"
	"github.com/educare-handbook/handbook/generator/internal/diag"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "text, or github for workflow annotations on a pull request")
	drafts := fs.Bool("drafts", false, "check draft pages too")
	timeout := timeoutFlag(fs)
	table := fs.Bool("translations", false, "also print the translation table: per language, pages complete, draft, outdated and missing")
	if !parseFlags(fs, args) {
		return 2
	}
	f := diag.Format(*format)
	if f != diag.Text && f != diag.GitHub {
		fmt.Fprintf(stderr, "check: unknown --format %q (text or github)\n", *format)
		return 2
	}
	rep, err := check.Run(check.Options{Root: ".", Drafts: *drafts, Timeout: *timeout})
	if err != nil {
		fmt.Fprintf(stderr, "check: %v\n", err)
		return 1
	}
	rep.Diags.Print(stdout, f)
	if *table && rep.Translations != nil {
		printTranslationTable(stdout, rep.Translations)
		fmt.Fprintln(stdout)
	}
	rep.PrintSummary(stdout)
	if rep.Failed() {
		return 1
	}
	return 0
}
