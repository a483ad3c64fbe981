package qrsvg

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr"
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
	if !strings.Contains(s, `d="m4 4.5h7`) {
		t.Errorf("the first dark run is not at (4,4): %.200s", s)
	}
}

// The path, read back stroke by stroke, covers exactly the code's dark modules: nothing in
// the quiet zone, no module missed, none added.
func TestSVGDrawsEveryDarkModuleAndNoOther(t *testing.T) {
	for _, text := range []string{
		"https://handbook.example/en/guides/asking-new-parents/",
		"localhost:1313/nl/gidsen/ouders-bevragen-bij-de-start",
		"x",
	} {
		code, err := qr.Encode(text, qr.M)
		if err != nil {
			t.Fatal(err)
		}
		svg, err := SVG(text, "QR")
		if err != nil {
			t.Fatal(err)
		}
		size := code.Size + 2*QuietZone
		drawn := strokes(t, string(svg), size)
		for y := 0; y < size; y++ {
			for x := 0; x < size; x++ {
				inCode := x >= QuietZone && y >= QuietZone && x < QuietZone+code.Size && y < QuietZone+code.Size
				want := inCode && code.Black(x-QuietZone, y-QuietZone)
				if drawn[y][x] != want {
					t.Fatalf("%q: module (%d,%d) drawn %v, want %v", text, x, y, drawn[y][x], want)
				}
			}
		}
	}
}

var moveAndRun = regexp.MustCompile(`^m(-?\d+) (-?\d+)(\.5)?h(\d+)`)

// strokes reads the path's "m dx dy h w" runs into a grid of the modules they cover. Each
// stroke is a module wide, centred on its row, so it covers the row's modules from its start
// to its end.
func strokes(t *testing.T, svg string, size int) [][]bool {
	t.Helper()
	_, d, ok := strings.Cut(svg, `<path stroke="#000" d="`)
	if !ok {
		t.Fatalf("no stroked path: %.200s", svg)
	}
	d, _, _ = strings.Cut(d, `"`)
	grid := make([][]bool, size)
	for i := range grid {
		grid[i] = make([]bool, size)
	}
	x, y := 0, 0
	for first := true; d != ""; first = false {
		m := moveAndRun.FindStringSubmatch(d)
		if m == nil {
			t.Fatalf("unexpected path data at %.40q", d)
		}
		if (m[3] != "") != first {
			t.Fatalf("the half-module offset belongs on the first move only: %q", m[0])
		}
		dx, _ := strconv.Atoi(m[1])
		dy, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[4])
		x, y = x+dx, y+dy
		if y < 0 || y >= size || x < 0 || x+w > size || w == 0 {
			t.Fatalf("run %q leaves the box", m[0])
		}
		for i := x; i < x+w; i++ {
			grid[y][i] = true
		}
		x += w
		d = d[len(m[0]):]
	}
	return grid
}
