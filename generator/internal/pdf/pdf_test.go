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
