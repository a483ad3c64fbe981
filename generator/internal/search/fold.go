package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldTable covers letters that Unicode decomposition does not reduce to a base letter.
// static/js/search.js has the same table.
var foldTable = map[rune]string{
	'ø': "o", 'æ': "ae", 'œ': "oe", 'ı': "i", 'ß': "ss", 'đ': "d", 'ð': "d", 'ł': "l",
	'þ': "th", 'ŀ': "l", 'ħ': "h", 'ـ': "", // Arabic tatweel
}

// Fold normalises a word for matching: NFC, lower case, no diacritics.
func Fold(s string) string {
	if isASCII(s) {
		// Most words: normal forms, marks and the table leave ASCII as it is.
		return strings.ToLower(s)
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if t, ok := foldTable[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
