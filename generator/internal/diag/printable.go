package diag

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable spells out, as Go escapes (\x1b, \n, \u202e), the characters in s that a
// terminal or a log viewer would act on rather than show: control characters, line and
// paragraph separators, the bidirectional embeddings, overrides and isolates, and bytes
// that are not UTF-8. File names come from the editor, and a name holding an escape
// sequence or an override must not recolour, reorder or rewrite the lines printed after it.
// Everything else stays as written, in any script: the no-break spaces of French numbers,
// the zero-width non-joiner of Persian, the direction marks of Arabic text.
func Printable(s string) string {
	if isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case actedOn(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func actedOn(r rune) bool {
	return unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp) ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return false
		}
	}
	return true
}
