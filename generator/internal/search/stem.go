package search

import (
	"strings"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/arabic"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/turkish"
	"golang.org/x/text/unicode/norm"
)

var stemmers = map[string]func(*snowball.Env) bool{
	"en": english.Stem, "nl": dutch.Stem, "da": danish.Stem, "pt": portuguese.Stem,
	"fr": french.Stem, "ar": arabic.Stem, "tr": turkish.Stem,
}

// HasStemmer reports whether a language is stemmed (otherwise words are only folded).
func HasStemmer(lang string) bool { return stemmers[base(lang)] != nil }

func base(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	return strings.ToLower(lang)
}

// Analyzer turns words of one language into index terms.
type Analyzer struct {
	stem func(*snowball.Env) bool
}

// NewAnalyzer returns the analyzer of a language; unknown languages fold only.
func NewAnalyzer(lang string) Analyzer { return Analyzer{stem: stemmers[base(lang)]} }

// Term returns a word's folded form and its folded stem. Stemmers see the word in lower
// case with its diacritics (Snowball rules need them); the stem is folded afterwards.
func (a Analyzer) Term(word string) (folded, stem string) {
	folded = Fold(word)
	if a.stem == nil || folded == "" {
		return folded, folded
	}
	env := snowball.NewEnv(strings.ToLower(norm.NFC.String(word)))
	a.stem(env)
	stem = Fold(env.Current())
	if stem == "" {
		stem = folded
	}
	return folded, stem
}
