package diag

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable spells out, as Go escapes (\x1b, \n, \u202e), the characters in s that a
// terminal or a log viewer would act on rather than show. File names come from the editor,
// and a name holding an escape sequence or a bidirectional override must not recolour,
// reorder or rewrite the lines printed after it. Letters, marks, symbols and spaces of any
// script stay as they are: French UI strings hold no-break spaces.
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
		case unicode.IsGraphic(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' {
			return false
		}
	}
	return true
}
