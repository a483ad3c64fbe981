package site

import (
	"regexp"
	"testing"
)

// A guide has handouts when a quote line starts with [!QUESTIONS], in any letter case.
func TestHasQuestionsBox(t *testing.T) {
	for body, want := range map[string]bool{
		"> [!QUESTIONS] Before the visit\n> - What does your child like?": true,
		"Intro.\n\n  >  [!questions]\n> - Ask":                            true,
		">[!Questions]":                                                   true,
		"> [!TIP] A tip\n\n> [!QUESTIONS]\n":                              true,
		"":                                                                false,
		"Write [!QUESTIONS] in a quote to add questions.": false,
		"> Ask them [!QUESTIONS]":                         false,
		"> [!QUESTION] one":                               false,
		"> [!TIP]\n> [!QUESTIONS":                         false,
		"x > [!QUESTIONS]":                                false,
	} {
		if got := hasQuestionsBox([]byte(body)); got != want {
			t.Errorf("hasQuestionsBox(%q) = %v, want %v", body, got, want)
		}
	}
}

// FuzzHasQuestionsBox holds the scan to what the rule says as a regular expression (letter
// case in ASCII: editors write QUESTIONS or questions).
func FuzzHasQuestionsBox(f *testing.F) {
	rule := regexp.MustCompile(`(?m)^[ \t]*>[ \t]*\[![qQ][uU][eE][sS][tT][iI][oO][nN][sS]\]`)
	for _, s := range []string{"> [!QUESTIONS]", "a\n>\t[!questions] b", "[![!QUESTIONS]", "> [!x]\n > [!Questions]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if got, want := hasQuestionsBox([]byte(body)), rule.MatchString(body); got != want {
			t.Errorf("hasQuestionsBox(%q) = %v, the rule says %v", body, got, want)
		}
	})
}
