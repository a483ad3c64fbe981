// Package qrsvg draws QR codes as SVG at build time, so a printed page can lead back to its
// online version without a script or an image file. The matrix comes from
// github.com/boombuler/barcode/qr; the drawing is ours: one <path> of dark modules with the
// 4-module quiet zone scanners need, and a viewBox in modules so CSS sets the printed size.
package qrsvg

import (
	"fmt"
	"html/template"
	"image/color"
	"strconv"
	"strings"

	"github.com/boombuler/barcode/qr"
)

// QuietZone is the light border around the code, in modules, that the QR standard asks for.
const QuietZone = 4

// SVG returns an inline <svg> that encodes text (a URL) with medium error correction. label is
// its accessible name (for example "QR code of handbook.example/en/guides/x").
func SVG(text, label string) (template.HTML, error) {
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return "", fmt.Errorf("QR code of %q: %w", text, err)
	}
	b := code.Bounds()
	size := b.Dx() + 2*QuietZone
	var d strings.Builder
	for y := b.Min.Y; y < b.Max.Y; y++ {
		// One subpath per run of dark modules in a row keeps the path short.
		for x := b.Min.X; x < b.Max.X; {
			if !dark(code.At(x, y)) {
				x++
				continue
			}
			start := x
			for x < b.Max.X && dark(code.At(x, y)) {
				x++
			}
			d.WriteString("M" + strconv.Itoa(start-b.Min.X+QuietZone) + " " + strconv.Itoa(y-b.Min.Y+QuietZone) +
				"h" + strconv.Itoa(x-start) + "v1h-" + strconv.Itoa(x-start) + "z")
		}
	}
	n := strconv.Itoa(size)
	svg := `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + n + ` ` + n + `" role="img" aria-label="` +
		template.HTMLEscapeString(label) + `" shape-rendering="crispEdges">` +
		`<rect width="` + n + `" height="` + n + `" fill="#fff"/>` +
		`<path fill="#000" d="` + d.String() + `"/></svg>`
	return template.HTML(svg), nil
}

func dark(c color.Color) bool {
	g := color.GrayModel.Convert(c).(color.Gray)
	return g.Y < 128
}
