package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

const homes = sitetest.Homes

func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// check exits 1 on an error and prints annotations with --format github; warnings alone
// (a missing translation) do not fail it.
func TestCheckCommand(t *testing.T) {
	dir := sitetest.New(t, homes+"-- content/guides/a.en.md --\n"+sitetest.Page("guide", "original: en\n", "## Start\n\nSee [it](../cases/nope.en.md).\n"))
	code, out, _ := runIn(t, dir, "check", "--format", "github")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	for _, want := range []string{
		"::error file=content/guides/a.en.md,line=16::link to a missing page content/cases/nope.en.md",
		"::warning file=content/guides/a.en.md::not translated into nl",
		"missing nl translations (1):\n  content/guides/a.nl.md\n",
		"check failed: 1 error, 1 warning (reachability and external links are checked once the build succeeds)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}

	sitetest.Write(t, dir, "content/guides/a.en.md", sitetest.Page("guide", "original: en\n", "## Start\n"))
	code, out, _ = runIn(t, dir, "check")
	if code != 0 || !strings.Contains(out, "content/guides/a.en.md: warning: not translated into nl") {
		t.Errorf("exit status %d:\n%s", code, out)
	}
	if code, _, errOut := runIn(t, dir, "check", "--format", "xml"); code != 2 || !strings.Contains(errOut, `unknown --format "xml"`) {
		t.Errorf("--format xml: %d %s", code, errOut)
	}
}

func TestNewCommand(t *testing.T) {
	dir := sitetest.New(t, homes)
	code, out, errOut := runIn(t, dir, "new", "guide", "guides/home-visits.en.md")
	if code != 0 || !strings.Contains(out, "wrote content/guides/home-visits.en.md") {
		t.Fatalf("%d %s %s", code, out, errOut)
	}
	if code, _, errOut := runIn(t, dir, "new", "guide", "guides/home-visits.en.md"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second new: %d %s", code, errOut)
	}
	if code, _, errOut := runIn(t, dir, "new", "guide"); code != 2 || !strings.Contains(errOut, "usage: go run ./generator new") {
		t.Errorf("new without a file: %d %s", code, errOut)
	}
}

// A build in the wrong folder, or with an empty --out, says so, instead of "i18n/ has no
// .toml file" or "output folder  would replace the site itself" (found by a review).
func TestBuildSaysWhatIsWrongWithWhereItRuns(t *testing.T) {
	code, _, errOut := runIn(t, t.TempDir(), "build", "--git-dates=false")
	if code != 1 || !strings.Contains(errOut, "no site here: no content/, layouts/ or i18n/ folder (run the build in the site's own folder") {
		t.Errorf("outside a site: %d %s", code, errOut)
	}
	dir := sitetest.New(t, homes)
	code, _, errOut = runIn(t, dir, "build", "--git-dates=false", "--out=")
	if code != 2 || !strings.Contains(errOut, "--out is empty") {
		t.Errorf("--out=: %d %s", code, errOut)
	}
}

// A word where only flags belong is refused: "build public2" built into public/, and the
// flags after the word were not read.
func TestAStrayArgumentIsRefused(t *testing.T) {
	dir := sitetest.New(t, homes)
	for _, args := range [][]string{{"build", "public2", "--drafts"}, {"check", "now"}, {"serve", "x"}, {"translations", "nl"}} {
		code, _, errOut := runIn(t, dir, args...)
		if code != 2 || !strings.Contains(errOut, args[0]+`: unexpected argument "`+args[1]+`"`) {
			t.Errorf("%v: %d %s", args, code, errOut)
		}
	}
	if _, _, errOut := runIn(t, dir, "build", "public2"); !strings.Contains(errOut, "name the output folder with --out public2") {
		t.Errorf("build public2: %s", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("public/ was written: %v", err)
	}
}

// The offline copy goes to offline/ by default: public/ is the site to publish.
func TestOfflineCopyDoesNotReplaceTheSite(t *testing.T) {
	dir := sitetest.New(t, homes)
	if code, _, errOut := runIn(t, dir, "build", "--git-dates=false", "--offline"); code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "offline", "index.html")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("public/ was written: %v", err)
	}
}

// corpus refuses a count it cannot write and a folder inside the site it would break.
func TestCorpusRefusesWhatItCannotDo(t *testing.T) {
	dir := sitetest.New(t, homes)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--pages", "99999999999", "--out", filepath.Join(t.TempDir(), "c")}, "--pages must be from 2 to 100000"},
		{[]string{"--pages", "10", "--out", "content/x"}, "--out content/x is inside the site's content/"},
		{[]string{"--pages", "10", "--out", "static"}, "--out static is inside the site's static/"},
	} {
		code, _, errOut := runIn(t, dir, append([]string{"corpus"}, tt.args...)...)
		if code != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: %d %s", tt.args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "x")); !os.IsNotExist(err) {
		t.Errorf("content/x was written: %v", err)
	}
}

// stamp takes a page however the shell names it: ./content/…, a path with .., or absolute.
func TestStampTakesAPathAsTheShellWritesIt(t *testing.T) {
	dir := sitetest.New(t, homes+"-- content/about/a.en.md --\n"+sitetest.Page("page", "original: en\n", "Text.\n")+
		"-- content/about/a.nl.md --\n"+sitetest.Page("page", "original: en\ntranslation: {status: draft}\n", "Tekst.\n"))
	// The site reached through a link, as /tmp is /private/tmp on a Mac.
	link := filepath.Join(t.TempDir(), "site")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"./content/about/a.nl.md", "content/guides/../about/a.nl.md", filepath.Join(dir, "content", "about", "a.nl.md"), filepath.Join(link, "content", "about", "a.nl.md")} {
		for _, wd := range []string{dir, link} {
			code, out, errOut := runIn(t, wd, "stamp", arg)
			if code != 0 || !strings.Contains(out, "content/about/a.nl.md: translation of content/about/a.en.md, hash ") {
				t.Errorf("stamp %s in %s: %d %s %s", arg, wd, code, out, errOut)
			}
		}
	}
}
