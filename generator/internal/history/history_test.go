package history

import (
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
