package pdf

import (
	"errors"
	"strings"
	"testing"
)

func TestWithoutChromiumTheCommandSaysHowToInstallIt(t *testing.T) {
	t.Setenv("CHROMIUM", "/nonexistent/chromium")
	_, err := FindChromium()
	if !errors.Is(err, ErrNoChromium) {
		t.Fatalf("got %v, want ErrNoChromium", err)
	}
	if !strings.Contains(err.Error(), "apt-get install chromium") {
		t.Errorf("the error does not say how to install it: %v", err)
	}
}

func TestEdgeProblemsFindsCutAndOverlappingWords(t *testing.T) {
	bbox := `<page width="595.0" height="842.0">
<word xMin="60.0" yMin="100.0" xMax="120.0" yMax="112.0">fine</word>
<word xMin="300.0" yMin="200.0" xMax="360.0" yMax="212.0">left</word>
<word xMin="340.0" yMin="201.0" xMax="400.0" yMax="213.0">right</word>
<word xMin="560.0" yMin="300.0" xMax="600.0" yMax="312.0">cut</word>
<page width="595.0" height="842.0">
<word xMin="300.0" yMin="200.0" xMax="360.0" yMax="212.0">alone</word>`
	got := edgeProblems(bbox)
	if len(got) != 2 || !strings.Contains(got[0], `"cut"`) || !strings.Contains(got[1], `"left" and "right" overlap`) {
		t.Errorf("got %q", got)
	}
}

func TestDestPagesFollowsThePageTree(t *testing.T) {
	// The shape of Chromium's output: a catalog, a two-level page tree, named destinations.
	pdf := []byte(`%PDF-1.4
2 0 obj
<</Type /Page
/Parent 10 0 R>>
endobj
5 0 obj
<</Type /Page
/Parent 11 0 R>>
endobj
7 0 obj
<</Type /Page
/Parent 11 0 R>>
endobj
10 0 obj
<</Type /Pages
/Kids [2 0 R 11 0 R]
/Count 3>>
endobj
11 0 obj
<</Type /Pages
/Kids [7 0 R 5 0 R]
/Count 2>>
endobj
12 0 obj
<</main [2 0 R /XYZ 0 841 0]
/g1 [7 0 R /XYZ 0 841 0]
/g2 [5 0 R /XYZ 0 841 0]>>
endobj
13 0 obj
<</Type /Catalog
/Pages 10 0 R
/Dests 12 0 R>>
endobj
`)
	got := DestPages(pdf)
	if got["main"] != 1 || got["g1"] != 2 || got["g2"] != 3 || len(got) != 3 {
		t.Errorf("got %v", got)
	}
	if DestPages([]byte("%PDF-1.4 not what Chromium writes")) != nil {
		t.Error("a PDF without a catalog gave page numbers")
	}
}
