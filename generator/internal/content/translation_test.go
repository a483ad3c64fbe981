package content

import (
	"strings"
	"testing"
)

func TestBodyHashIgnoresLineEndingsAndTrailingBlanks(t *testing.T) {
	a := BodyHash([]byte("\n## Title\n\nText.\n"))
	if b := BodyHash([]byte("## Title  \r\n\r\nText.\r\n\r\n")); a != b {
		t.Errorf("%s != %s", a, b)
	}
	if c := BodyHash([]byte("## Title\n\nText!\n")); c == a {
		t.Error("a changed body has the same hash")
	}
}

func TestStampWritesTheHashAndNothingElse(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"inline", "---\ntitle: T\ntranslation: {status: draft}\nslug: x\n---\nBody\n",
			"---\ntitle: T\ntranslation: {status: draft, hash: abc123}\nslug: x\n---\nBody\n"},
		{"inline, replaces an old hash", "---\ntranslation: {hash: old, status: reviewed}\n---\n",
			"---\ntranslation: {status: reviewed, hash: abc123}\n---\n"},
		{"block", "---\ntitle: T\ntranslation:\n  status: draft\nweight: 1\n---\n",
			"---\ntitle: T\ntranslation:\n  status: draft\n  hash: abc123\nweight: 1\n---\n"},
		{"block, replaces an old hash", "---\ntranslation:\n  hash: old\n  status: draft\n---\n",
			"---\ntranslation:\n  hash: abc123\n  status: draft\n---\n"},
		// Found by a review: the folded rest of an old value stayed, and CRLF lines lost their CR.
		{"block, replaces a folded hash", "---\ntranslation:\n  status: draft\n  hash: >-\n    old\n    older\nweight: 1\n---\n",
			"---\ntranslation:\n  status: draft\n  hash: abc123\nweight: 1\n---\n"},
		{"CRLF, block", "---\r\ntranslation:\r\n  status: draft\r\n---\r\nBody\r\n",
			"---\r\ntranslation:\r\n  status: draft\r\n  hash: abc123\r\n---\r\nBody\r\n"},
		{"CRLF, inline", "---\r\ntranslation: {status: draft}\r\n---\r\n",
			"---\r\ntranslation: {status: draft, hash: abc123}\r\n---\r\n"},
		// Found by an adversarial test: the comment went, and an anchored field had "no status".
		{"block, keeps a comment", "---\ntranslation:\n  status: draft\n  hash: old # checked by the team\n---\n",
			"---\ntranslation:\n  status: draft\n  hash: abc123 # checked by the team\n---\n"},
		{"block, keeps a comment after a tab", "---\ntranslation:\n  status: draft\n  hash: old\t# c\n---\n",
			"---\ntranslation:\n  status: draft\n  hash: abc123\t# c\n---\n"},
		{"block, with an anchor", "---\ntranslation: &t\n  status: draft\n---\n",
			"---\ntranslation: &t\n  status: draft\n  hash: abc123\n---\n"},
	}
	for _, tt := range tests {
		got, err := stampFrontMatter([]byte(tt.in), "abc123")
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: got %q (%v), want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := stampFrontMatter([]byte("---\ntitle: T\n---\n"), "x"); err == nil || !strings.Contains(err.Error(), "no translation") {
		t.Errorf("stamping an original: %v", err)
	}
}
