package qrsvg

import (
	"strings"
	"testing"
)

func TestSVGHasOnePathAndAQuietZone(t *testing.T) {
	svg, err := SVG("https://handbook.example/en/guides/asking-new-parents/", "QR code")
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if n := strings.Count(s, "<path"); n != 1 {
		t.Errorf("%d paths, want 1", n)
	}
	// Version 4 (33 modules) holds this URL at level M; with the quiet zone the box is 41.
	if !strings.Contains(s, `viewBox="0 0 41 41"`) {
		t.Errorf("unexpected size: %.80s", s)
	}
	// The finder pattern's top row starts at the quiet zone's edge, not at 0.
	if !strings.Contains(s, `d="m4 4h7v1h-7z`) {
		t.Errorf("the first dark run is not at (4,4): %.200s", s)
	}
	if strings.Contains(s, "M0 ") || strings.Contains(s, "M1 ") {
		t.Error("a dark module lies in the quiet zone")
	}
}
