package search

import (
	"unicode"
	"unicode/utf8"
)

// maxWordLen drops tokens that are not words (hashes, long numbers, URLs without spaces).
const maxWordLen = 40

// Token is one word of a text as written, with its byte offset.
type Token struct {
	Text  string
	Start int
}

// isWordRune: letters, digits and combining marks make words; everything else separates
// them (spaces, punctuation, hyphens and apostrophes: "child-free" is "child" "free").
func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// Tokenize splits text into words. The browser uses the same rule (search.js, /[\p{L}\p{N}\p{M}]+/u).
func Tokenize(text string) []Token {
	var out []Token
	eachWord(text, func(w string, start int) { out = append(out, Token{w, start}) })
	return out
}

// eachWord calls fn for every word of text, with its byte offset.
func eachWord(text string, fn func(word string, start int)) {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			emit(text[start:i], start, fn)
			start = -1
		}
	}
	if start >= 0 {
		emit(text[start:], start, fn)
	}
}

func emit(w string, start int, fn func(string, int)) {
	if len(w) <= maxWordLen || utf8.RuneCountInString(w) <= maxWordLen {
		fn(w, start)
	}
}
