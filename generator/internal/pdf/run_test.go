package pdf

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/educare-handbook/handbook/generator/internal/browsertest"
	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// The pdf command prints the chosen language, keeps the PDFs of the others, and the pages
// link what exists.
func TestRunPrintsAndLinksPDFs(t *testing.T) {
	chromium := browsertest.Chromium(t)
	guide := sitetest.Page("guide", "original: en\n", "## Start\n\nRead [the report](https://example.org/report).\n\n> [!QUESTIONS] Before\n> 1. Why this school?\n")
	nl := sitetest.Page("guide", "original: en\ntranslation: {status: draft}\n", "## Begin\n\n> [!QUESTIONS] Voor\n> 1. Waarom deze school?\n")
	dir := sitetest.New(t, "-- content/guides/one.en.md --\n"+guide+"-- content/guides/one.nl.md --\n"+nl)
	// A right-to-left language: the English strings under Persian's name and direction.
	fa := strings.NewReplacer(`name = "English"`, `name = "فارسی"`, `dir = "ltr"`, `dir = "rtl"`, `locale = "en-GB"`, `locale = "fa"`,
		"weight = 1\n", "weight = 3\n").Replace(sitetest.Read(t, dir, "i18n/en.toml"))
	sitetest.Write(t, dir, "i18n/fa.toml", fa)
	sitetest.Write(t, dir, "content/guides/one.fa.md", sitetest.Page("guide", "original: en\ntranslation: {status: draft}\n",
		"> [!QUESTIONS] پیش از شروع\n> 1. چرا این مدرسه را انتخاب کردید؟\n"))
	out := filepath.Join(dir, "public")
	sitetest.Write(t, dir, "public/.handbook-build", "")
	sitetest.Write(t, dir, "public/downloads/nl/old.pdf", "%PDF-1.7 kept")

	res, err := Run(context.Background(), Options{Chromium: chromium, Langs: []string{"en"},
		Build: build.Options{Root: dir, Out: out, BaseURL: "https://handbook.example/"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"downloads/en/one.pdf", "downloads/en/toolkit.pdf", "downloads/en/one-nl.pdf", "downloads/en/one-fa.pdf"}
	if strings.Join(res.PDFs, " ") != strings.Join(want, " ") {
		t.Errorf("printed %v, want %v", res.PDFs, want)
	}
	for _, f := range append(want, "downloads/nl/old.pdf") {
		data, err := os.ReadFile(filepath.Join(out, f))
		if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
			t.Errorf("%s: not a PDF (%v)", f, err)
		}
	}
	for page, link := range map[string]string{"en/guides/one/index.html": "/downloads/en/one.pdf",
		"en/toolkit/index.html": "/downloads/en/toolkit.pdf", "en/guides/one/handout/nl/index.html": "/downloads/en/one-nl.pdf"} {
		if html := sitetest.Read(t, out, page); !strings.Contains(html, `href="`+link+`"`) {
			t.Errorf("%s does not link %s", page, link)
		}
	}
	// On paper, an outside link shows where it goes.
	text := pdfTools{}.run(t, browsertest.Tool(t, "pdftotext", "poppler-utils"), filepath.Join(out, "downloads/en/one.pdf"), "-")
	if !strings.Contains(squeeze(text), "thereport(https://example.org/report)") {
		t.Errorf("the outside link's address is not printed:\n%s", text)
	}
	// The contents give the page each guide starts on: cover, contents, then the guide.
	pdftotext := browsertest.Tool(t, "pdftotext", "poppler-utils")
	toc := pdfTools{}.run(t, pdftotext, "-f", "2", "-l", "2", filepath.Join(out, "downloads/en/toolkit.pdf"), "-")
	start := pdfTools{}.run(t, pdftotext, "-f", "3", "-l", "3", filepath.Join(out, "downloads/en/toolkit.pdf"), "-")
	if !strings.Contains(squeeze(toc), "1Aguide3") || !strings.Contains(squeeze(start), "1AguideWhatthisguide") {
		t.Errorf("the contents do not give the guide's page:\n%s\n--- page 3:\n%s", toc, start)
	}
	// The Persian column is on the sheet (pdftotext may give right-to-left text in either order).
	text = pdfTools{}.run(t, browsertest.Tool(t, "pdftotext", "poppler-utils"), filepath.Join(out, "downloads/en/one-fa.pdf"), "-")
	if !strings.Contains(text, "Why this school?") || !strings.ContainsAny(text, "چرامدرسه") {
		t.Errorf("the English–Persian sheet lacks a language:\n%s", text)
	}
	if dir := os.Getenv("HANDBOOK_PDF_DIR"); dir != "" {
		data, _ := os.ReadFile(filepath.Join(out, "downloads/en/one-fa.pdf"))
		os.WriteFile(filepath.Join(dir, "one-fa.pdf"), data, 0o644)
	}
	if html := sitetest.Read(t, out, "nl/gidsen/one/index.html"); strings.Contains(html, "/downloads/") {
		t.Error("the Dutch guide links a PDF that was not printed")
	}
}

// The Print button needs JavaScript, so it is hidden until the script shows it.
func TestPrintButtonAppearsWithJavaScript(t *testing.T) {
	ctx := browsertest.Browser(t)
	dir := sitetest.New(t, "-- content/guides/one.en.md --\n"+sitetest.Page("guide", "original: en\n", "## Start\n\nText.\n"))
	out := filepath.Join(dir, "public")
	if res, err := build.Build(build.Options{Root: dir, Out: out, BaseURL: "https://handbook.example/"}); err != nil {
		t.Fatalf("%v %v", err, res.Diags.Items())
	}
	base := browsertest.Serve(t, out)
	for _, page := range []string{"/en/guides/one/", "/en/toolkit/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+page)); err != nil {
			t.Fatal(err)
		}
		hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("button[data-print]").hidden`))
		if err != nil || hidden {
			t.Errorf("%s: the Print button is hidden (%v)", page, err)
		}
	}
}

// Printing one language keeps the PDFs printed earlier for the others, but not a PDF that
// static/ holds: the build copies that one itself (it was refused as written twice).
func TestKeptPDFsLeaveStaticFilesToTheBuild(t *testing.T) {
	out, root := t.TempDir(), t.TempDir()
	for _, f := range []string{"downloads/en/guide.pdf", "downloads/en/letter.pdf", "downloads/nl/gids.pdf"} {
		os.MkdirAll(filepath.Join(out, filepath.Dir(f)), 0o755)
		os.WriteFile(filepath.Join(out, f), []byte("%PDF"), 0o644)
	}
	os.MkdirAll(filepath.Join(root, "static/downloads/en"), 0o755)
	os.WriteFile(filepath.Join(root, "static/downloads/en/letter.pdf"), []byte("%PDF"), 0o644)
	kept := keptPDFs(out, root, []string{"nl"})
	if len(kept) != 1 || kept["downloads/en/guide.pdf"] == nil {
		t.Errorf("kept %v, want only downloads/en/guide.pdf", slices.Collect(maps.Keys(kept)))
	}
}
