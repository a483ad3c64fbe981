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

// TestDatesFromARealRepository runs git on a small repository made for the test: the argument
// list must hold no NUL byte (exec refuses it), which only a real run shows.
func TestDatesFromARealRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2024-03-05T10:00:00Z", "GIT_COMMITTER_DATE=2024-03-05T10:00:00Z",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	if err := os.MkdirAll(filepath.Join(dir, "content", "guides"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "guides", "x.en.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", ".")
	run("commit", "-q", "-m", "x")
	dates, err := Dates(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := dates["content/guides/x.en.md"]; !got.Equal(time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v; all: %v", got, dates)
	}
}
