package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/pdf"
)

// runPDF prints the guides and toolkits to PDF with Chromium and builds the site with them.
func runPDF(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pdf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "public", "output folder")
	baseURL := fs.String("base-url", "", "absolute URL of the site, for the QR codes (default: as for build)")
	lang := fs.String("lang", "", "print only these languages (comma-separated codes); PDFs of the others are kept")
	gitDates := fs.Bool("git-dates", true, "show each page's last update date from git log (none without git)")
	timeout := timeoutFlag(fs)
	if !parseFlags(fs, args) {
		return 2
	}
	chromium, err := pdf.FindChromium()
	if err != nil {
		fmt.Fprintf(stderr, "pdf: %v\n", err)
		return 1
	}
	opts := pdf.Options{Chromium: chromium, Build: build.Options{Root: ".", Out: *out, BaseURL: *baseURL,
		NoIndex: build.NoIndexFromEnv(os.Getenv), OnWait: sayWaiting(stderr, *out), Timeout: *timeout}, Log: stdout}
	if opts.Build.BaseURL == "" {
		opts.Build.BaseURL = build.BaseURLFromEnv(os.Getenv)
	}
	if *gitDates {
		opts.Build.Updated = lastUpdates(".", stderr)
	}
	if *lang != "" {
		opts.Langs = strings.Split(*lang, ",")
	}
	start := time.Now()
	res, err := pdf.Run(context.Background(), opts)
	if res != nil && res.Build != nil {
		res.Build.Diags.Print(stderr, diag.Text)
	}
	if err != nil {
		fmt.Fprintf(stderr, "pdf failed: %v; %s was not changed\n", err, *out)
		return 1
	}
	fmt.Fprintf(stdout, "printed %d PDFs into %s/downloads in %s\n", len(res.PDFs), *out, time.Since(start).Round(time.Millisecond))
	return 0
}
