package layout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A long message is cut at a character, never inside one, and says how long it was.
func TestShortMessageCutsAtACharacter(t *testing.T) {
	if got, cut := ShortMessage("short"); got != "short" || cut {
		t.Errorf("short message: %q, %v", got, cut)
	}
	long := strings.Repeat("é", 2000) // 4,000 bytes
	got, cut := ShortMessage(long)
	if !cut || !utf8.ValidString(got) || !strings.HasSuffix(got, "… (cut from 4 KB)") || len(got) > maxMessage+len("… (cut from 4 KB)") {
		t.Errorf("got %q (%d bytes), cut %v", got, len(got), cut)
	}
}
