package serve

import (
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/diag"
)

// The overlay shows what a file says, never runs it: a message quoting HTML is escaped.
func TestOverlayEscapesTheProblems(t *testing.T) {
	page := []byte(`<!doctype html><html><head><title>T</title></head><body class="x"><p>Good.</p></body></html>`)
	got := string(inject(page, []diag.Diagnostic{{File: "content/a.en.md", Line: 3, Message: `raw HTML is not allowed: <script>alert(1)</script>`, Hint: "use Markdown & no <b>"}}))
	for _, want := range []string{
		`<script src="/__serve/live.js" defer></script></head>`,
		`<body class="x"><div id="serve-overlay" role="alert" lang="en">`,
		`<code>content/a.en.md:3</code> raw HTML is not allowed: &lt;script&gt;alert(1)&lt;/script&gt;<span class="serve-hint">use Markdown &amp; no &lt;b&gt;</span>`,
		`<p>Good.</p>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	}
	if strings.Count(got, "<script") != 1 {
		t.Errorf("a script besides live.js:\n%s", got)
	}
	// Without problems, only the live-reload tags are added.
	if got := string(inject(page, nil)); strings.Contains(got, "serve-overlay") || !strings.Contains(got, "/__serve/live.css") {
		t.Errorf("got:\n%s", got)
	}
}
