// Package qrsvg draws QR codes as SVG at build time, so a printed page can lead back to its
// online version without a script or an image file. The matrix comes from rsc.io/qr (it
// encodes a URL in about 20 µs, where github.com/boombuler/barcode/qr took 2 ms, a quarter of
// the CPU of a 10,000-page build); the drawing is ours: one stroked <path> of dark modules
// with the 4-module quiet zone scanners need, and a viewBox in modules so CSS sets the
// printed size.
package qrsvg

import (
	"fmt"
	"html/template"
	"strconv"

	"rsc.io/qr"
)

// QuietZone is the light border around the code, in modules, that the QR standard asks for.
const QuietZone = 4

// SVG returns an inline <svg> that encodes text (a URL) with medium error correction. label is
// its accessible name (for example "QR code of handbook.example/en/guides/x").
func SVG(text, label string) (template.HTML, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", fmt.Errorf("QR code of %q: %w", text, err)
	}
	size := code.Size + 2*QuietZone
	n := strconv.Itoa(size)
	// The path takes under 2 bytes per module (about 2 KB for a 33-module code): room for
	// it, so the drawing is written once.
	svg := make([]byte, 0, 400+2*code.Size*code.Size)
	svg = append(svg, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `+n+` `+n+`" role="img" aria-label="`...)
	svg = append(svg, template.HTMLEscapeString(label)...)
	// Each run of dark modules in a row is one stroke a module wide along the row's middle,
	// moved to ("m") from where the last run ended: half the bytes of a filled rectangle
	// per run. Butt caps, the default, end each stroke exactly at the modules' edges.
	svg = append(svg, `" shape-rendering="crispEdges"><rect width="`+n+`" height="`+n+`" fill="#fff"/><path stroke="#000" d="`...)
	px, py := 0, 0
	first := true
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; {
			if !code.Black(x, y) {
				x++
				continue
			}
			start := x
			for x < code.Size && code.Black(x, y) {
				x++
			}
			sx, sy := start+QuietZone, y+QuietZone
			svg = append(svg, 'm')
			svg = strconv.AppendInt(svg, int64(sx-px), 10)
			svg = append(svg, ' ')
			svg = strconv.AppendInt(svg, int64(sy-py), 10)
			if first { // the pen runs along the middle of the modules from here on
				svg = append(svg, ".5"...)
				first = false
			}
			svg = append(svg, 'h')
			svg = strconv.AppendInt(svg, int64(x-start), 10)
			px, py = x+QuietZone, sy
		}
	}
	svg = append(svg, `"/></svg>`...)
	return template.HTML(svg), nil
}
