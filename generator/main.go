// Command generator builds the Educare Handbook. Run it from the repository root:
//
//	go run ./generator build [--out DIR] [--base-url URL] [--drafts]
//	go run ./generator corpus --pages N --out DIR
//	go run ./generator pdf [--lang L] [--out DIR] [--base-url URL]
//	go run ./generator check [--format text|github] [--drafts]
//	go run ./generator new <type> <section>/<slug>.<lang>.md
//	go run ./generator serve [--port N] [--drafts=false]
//
// It only wires flags to the packages under internal/.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/corpus"
	"github.com/educare-handbook/handbook/generator/internal/diag"
)

const usage = `usage: go run ./generator <command> [flags]

commands:
  build    build the site into public/ (or --out)
  corpus   write a synthetic site for benchmarks
  pdf      print the guides and toolkits to PDF with Chromium, and build the site with them
  check    check the site before review (exit status 1 on errors)
  new      start a new page: new <type> <section>/<slug>.<lang>.md
  serve    preview the site while you edit it, at http://127.0.0.1:1313/
  translations  print per language which pages are complete, draft, outdated or missing
  stamp    record in a translation that it is up to date with its original

Run "go run ./generator <command> -h" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "corpus":
		return runCorpus(args[1:], stdout, stderr)
	case "pdf":
		return runPDF(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "translations":
		return runTranslations(args[1:], stdout, stderr)
	case "stamp":
		return runStamp(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
	return 2
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "public", "output folder")
	baseURL := fs.String("base-url", "", "absolute URL of the site (default: $URL or $DEPLOY_PRIME_URL from Netlify, else "+build.DefaultBaseURL+")")
	drafts := fs.Bool("drafts", false, "include pages with draft: true")
	verbose := fs.Bool("v", false, "print the time of each step")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file (for performance work)")
	gitDates := fs.Bool("git-dates", true, "show each page's last update date from git log (none without git)")
	offline := fs.Bool("offline", false, "a copy to open from disk (a USB stick): relative links, no integrity values; into offline/ unless --out says otherwise")
	timeout := timeoutFlag(fs)
	if !parseFlags(fs, args) {
		return 2
	}
	if strings.TrimSpace(*out) == "" {
		fmt.Fprintln(stderr, "build: --out is empty: name the output folder, such as --out public")
		return 2
	}
	if *offline && !flagSet(fs, "out") {
		*out = "offline" // public/ is the site to publish, with its absolute links and integrity values
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer f.Close()
		_ = pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	opts := build.Options{Root: ".", Out: *out, BaseURL: *baseURL, Drafts: *drafts, Offline: *offline,
		NoIndex: build.NoIndexFromEnv(os.Getenv), OnWait: sayWaiting(stderr, *out), Timeout: *timeout}
	if opts.BaseURL == "" {
		opts.BaseURL = build.BaseURLFromEnv(os.Getenv)
	}
	if *gitDates {
		opts.Updated = lastUpdates(".", stderr)
	}
	if *verbose {
		opts.Log = stdout
	}
	// Huge pages for the heap's first 256 MiB: all of a 1,000-page build's. At 10,000 pages
	// the heap meets the ceiling below, and the collector hands memory back from its top,
	// which small pages let it do without breaking huge ones: marking 512 MiB there cost
	// 0.1 s more system time and 4 MiB more peak memory than 256.
	preferHugePages(256 << 20)
	// A build is short-lived and its heap is mostly pages it keeps to the end: collect less
	// often, within a memory ceiling well under what a 10,000-page site needs.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(400 << 20)
	stop, release := onInterrupt(stderr, *out)
	defer release()
	opts.Stop = stop
	start := time.Now()
	res, err := build.Build(opts)
	res.Diags.Print(stderr, diag.Text)
	if errors.Is(err, build.ErrInterrupted) {
		fmt.Fprintf(stderr, "build stopped; %s was not changed\n", *out)
		return 130
	}
	if err != nil {
		fmt.Fprintf(stderr, "build failed: %v; %s was not changed\n", err, *out)
		return 1
	}
	fmt.Fprintf(stdout, "built %d pages (%d files) into %s in %s\n", res.Pages, res.Files, *out, time.Since(start).Round(time.Millisecond))
	return 0
}

// parseFlags parses the flags of a command that takes nothing else, and says so on stderr
// when it is given more: "build public2" would build into public/ without a word, and the
// flags after a word are not read at all.
func parseFlags(fs *flag.FlagSet, args []string) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() > 0 {
		hint := "this command takes only flags"
		if fs.Lookup("out") != nil {
			hint = "name the output folder with --out " + fs.Arg(0)
		}
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q (%s; see -h)\n", fs.Name(), fs.Arg(0), hint)
		return false
	}
	return true
}

// flagSet reports whether the command line gave the flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// timeoutFlag is --timeout, for the commands that build the site once and end.
func timeoutFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("timeout", build.DefaultTimeout, "how long one page's layout may take before the build fails, naming it (0: the default)")
}

// sayWaiting tells the user why a build has not started: another one is writing out.
func sayWaiting(stderr io.Writer, out string) func() {
	return func() {
		fmt.Fprintf(stderr, "another build is writing %s; waiting for it to finish (Ctrl-C to give up)\n", out)
	}
}

func runCorpus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pages := fs.Int("pages", 1000, "number of pages (half English, half Dutch)")
	out := fs.String("out", "", "folder to write the site into (must not exist or be empty)")
	if !parseFlags(fs, args) {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "corpus: --out is required")
		return 2
	}
	if err := corpus.Write(corpus.Options{Pages: *pages, Out: *out, Template: "."}); err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote a %d-page site into %s\n", *pages, *out)
	return 0
}
