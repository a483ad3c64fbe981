package diag

import (
	"strings"
	"testing"
)

func TestPrintSortsAndFormats(t *testing.T) {
	var l List
	l.Errorf("content/b.md", 3, "fix it", "second: %d", 2)
	l.Errorf("content/a.md", 12, "", "first")
	l.Warnf("content/a.md", 0, "", "whole file")
	var text, gh strings.Builder
	l.Print(&text, Text)
	l.Print(&gh, GitHub)
	wantText := "content/a.md: warning: whole file\ncontent/a.md:12: first\ncontent/b.md:3: second: 2 (fix it)\n"
	if text.String() != wantText {
		t.Errorf("text:\n%s", text.String())
	}
	wantGH := "::warning file=content/a.md::whole file\n::error file=content/a.md,line=12::first\n::error file=content/b.md,line=3::second: 2 (fix it)\n"
	if gh.String() != wantGH {
		t.Errorf("github:\n%s", gh.String())
	}
	if !l.HasErrors() || l.Err().Error() != "2 errors" {
		t.Errorf("Err: %v", l.Err())
	}
}

func TestGitHubAnnotationEscapes(t *testing.T) {
	var l List
	l.Errorf("content/a,b:c.md", 1, "", "100%% sure\nreally")
	var gh strings.Builder
	l.Print(&gh, GitHub)
	if got := gh.String(); got != "::error file=content/a%2Cb%3Ac.md,line=1::100%25 sure%0Areally\n" {
		t.Errorf("got %q", got)
	}
}

// A file name is the editor's text: what a terminal would act on is spelled out, so a name
// with an escape sequence or a right-to-left override cannot change the lines after it.
func TestPrintSpellsOutWhatATerminalWouldActOn(t *testing.T) {
	var l List
	name := "content/guides/bad\x1b[31mred\u202e\xff.en.md"
	l.Errorf(name, 2, "rename "+name, "not translated: %s", name)
	var text, gh strings.Builder
	l.Print(&text, Text)
	l.Print(&gh, GitHub)
	const shown = `content/guides/bad\x1b[31mred\u202e\xff.en.md`
	if want := shown + ":2: not translated: " + shown + " (rename " + shown + ")\n"; text.String() != want {
		t.Errorf("text:\n got %q\nwant %q", text.String(), want)
	}
	if want := "::error file=" + shown + ",line=2::not translated: " + shown + " (rename " + shown + ")\n"; gh.String() != want {
		t.Errorf("github:\n got %q\nwant %q", gh.String(), want)
	}
	for _, kept := range []string{"çocuk-ve-dil", "العربية", "a b", "1\u00a0000\u202f000", "می\u200cخواهم", "\u200fنص", "soft\u00adhyphen"} {
		if got := Printable(kept); got != kept {
			t.Errorf("Printable(%q) = %q, want it unchanged", kept, got)
		}
	}
}

// One mistake repeated through a file is shown a few times, then counted: the rest of the
// output, other files and other messages, is all there.
func TestRepeatsInAFileAreCounted(t *testing.T) {
	var l List
	for line := 1; line <= 1000; line++ {
		l.Errorf("content/a.md", line, "add the note", "footnote [^a] has no note")
	}
	l.Errorf("content/a.md", 3, "", "another")
	l.Errorf("content/b.md", 1, "add the note", "footnote [^a] has no note")
	var text strings.Builder
	l.Print(&text, Text)
	want := "content/a.md:1: footnote [^a] has no note (add the note)\n" +
		"content/a.md:2: footnote [^a] has no note (add the note)\n" +
		"content/a.md:3: another\n" +
		"content/a.md:3: footnote [^a] has no note (add the note)\n" +
		"content/a.md:4: footnote [^a] has no note (add the note)\n" +
		"content/a.md:5: footnote [^a] has no note (add the note)\n" +
		"content/a.md:1000: the same error 995 more times, the last at line 1000: footnote [^a] has no note\n" +
		"content/b.md:1: footnote [^a] has no note (add the note)\n"
	if text.String() != want {
		t.Errorf("got:\n%s", text.String())
	}
	if l.Err().Error() != "1002 errors" {
		t.Errorf("Err: %v", l.Err())
	}
}
