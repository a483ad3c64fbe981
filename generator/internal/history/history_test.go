package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The newest commit that names a file gives its date, in UTC.
func TestParseKeepsTheNewestCommitPerFile(t *testing.T) {
	log := "\x002026-11-20T23:30:00-02:00\n\ncontent/guides/a.en.md\n\n" +
		"\x002026-10-01T10:00:00+02:00\n\ncontent/guides/a.en.md\ncontent/guides/a.nl.md\n"
	got, err := Parse(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"content/guides/a.en.md": "2026-11-21", "content/guides/a.nl.md": "2026-10-01"}
	for file, day := range want {
		if d := got[file].Format(time.DateOnly); d != day {
			t.Errorf("%s: %s, want %s", file, d, day)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d files, want %d: %v", len(got), len(want), got)
	}
}

func TestParseRejectsABadDate(t *testing.T) {
	if _, err := Parse(strings.NewReader("\x00yesterday\ncontent/a.en.md\n")); err == nil {
		t.Fatal("want an error")
	}
}

// repository makes a git repository in a temporary directory with one commit, dated
// 2024-03-05T10:00:00Z, that adds the given files; it skips the test when git is absent.
func repository(t *testing.T, files ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: history is read from git, so there is nothing to test")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2024-03-05T10:00:00Z", "GIT_COMMITTER_DATE=2024-03-05T10:00:00Z",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	for _, f := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("add", ".")
	run("commit", "-q", "-m", "x")
	return dir
}

// TestDatesFromARealRepository runs git on a small repository made for the test: the argument
// list must hold no NUL byte (exec refuses it), which only a real run shows.
func TestDatesFromARealRepository(t *testing.T) {
	dates, err := Dates(repository(t, "content/guides/x.en.md"))
	if err != nil {
		t.Fatal(err)
	}
	if got := dates["content/guides/x.en.md"]; !got.Equal(time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v; all: %v", got, dates)
	}
}

// A page whose file name has a non-ASCII letter gets its date too: by default git prints
// such a name quoted and octal-escaped, and it would match no page.
func TestDatesOfANonASCIIFileName(t *testing.T) {
	dates, err := Dates(repository(t, "content/guides/café.en.md", "content/guides/x.en.md"))
	if err != nil {
		t.Fatal(err)
	}
	if got := dates["content/guides/café.en.md"]; !got.Equal(time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v; all: %v", got, dates)
	}
}

// A name git quotes anyway (it holds a quote, a tab or a backslash, or the repository quotes
// every non-ASCII name) is read back to the file's own name.
func TestParseReadsQuotedNames(t *testing.T) {
	log := "\x002024-03-05T10:00:00Z\n\n" + `"content/guides/caf\303\251.en.md"` + "\n" + `"content/guides/say \"hi\".en.md"` + "\n"
	got, err := Parse(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"content/guides/café.en.md", `content/guides/say "hi".en.md`} {
		if _, ok := got[file]; !ok {
			t.Errorf("%s: no date; all: %v", file, got)
		}
	}
}
