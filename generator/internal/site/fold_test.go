package site

import "testing"

// The ASCII shortcut of FoldName folds as the general way does, every character alike.
func TestFoldNameOfASCIIIsTheGeneralFold(t *testing.T) {
	for c := 0; c < 128; c++ {
		s := "en/" + string(rune(c)) + "x/index.html"
		if got, want := FoldName(s), simpleFold(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
	if FoldName("Caf\u00e9") != FoldName("cafe\u0301") || FoldName("kılavuz") != FoldName("KILAVUZ") {
		t.Error("accents or the dotless ı not folded")
	}
}
