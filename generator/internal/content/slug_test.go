package content

import (
	"regexp"
	"testing"
)

// ValidSlug says what the pattern in its doc comment says, for every kind of input.
func TestValidSlugIsThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[\p{Ll}\p{Lo}\p{Nd}\p{Mn}]+(-[\p{Ll}\p{Lo}\p{Nd}\p{Mn}]+)*$`)
	for _, s := range []string{
		"", "-", "a", "a-b", "a--b", "-a", "a-", "asking-parents", "çocuk-ve-dil", "ouders2",
		"Asking", "a b", "a/b", "..", "../x", "a_b", "a.b", "تعليم-الأطفال", "कि", "e\u0301cole",
		"日本語", "ß", "ǅ", "\xff", "a\x00", "٣-٤",
	} {
		if got, want := ValidSlug(s), pattern.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzValidSlug(f *testing.F) {
	pattern := regexp.MustCompile(`^[\p{Ll}\p{Lo}\p{Nd}\p{Mn}]+(-[\p{Ll}\p{Lo}\p{Nd}\p{Mn}]+)*$`)
	f.Add("asking-parents")
	f.Add("a--b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ValidSlug(s), pattern.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	})
}
