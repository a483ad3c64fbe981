package pdf

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/browsertest"
	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
	"github.com/educare-handbook/handbook/generator/internal/worksheet"
)

// maxPages bounds each guide's printout (in any language; Dutch runs longer than English).
// A guide that grows past its bound should be looked at on paper before the bound moves.
var maxPages = map[string]int{
	"why-ask-parents": 5, "asking-new-parents": 7, "focus-group-with-parents": 6, "visual-support": 5,
	"who-asks-the-questions": 4, "parent-conversation-checklist": 5, "feedback-to-parents": 6,
	"asking-teachers": 5, "quick-poll": 4, "learning-communities": 5, "team-reflection-sessions": 5,
	"final-team-focus-group": 5,
}

const (
	defaultMaxPages = 8  // a guide not in maxPages
	toolkitMaxPages = 64 // the whole booklet
	handoutMaxPages = 4
	baseURL         = "https://handbook.example/"
)

// TestPrintedPages prints every guide, toolkit and handout of the real handbook and reads the
// PDFs back with poppler and zbar.
func TestPrintedPages(t *testing.T) {
	ctx := browsertest.Browser(t)
	tools := pdfTools{
		info: browsertest.Tool(t, "pdfinfo", "poppler-utils"),
		text: browsertest.Tool(t, "pdftotext", "poppler-utils"),
		ppm:  browsertest.Tool(t, "pdftoppm", "poppler-utils"),
		zbar: browsertest.Tool(t, "zbarimg", "zbar-tools"),
		tmp:  t.TempDir(),
	}
	if dir := os.Getenv("HANDBOOK_PDF_DIR"); dir != "" { // keep the PDFs to look at them
		tools.tmp = dir
	}
	out := filepath.Join(t.TempDir(), "public")
	model, res, err := build.BuildModel(build.Options{Root: sitetest.RepoRoot(t), Out: out, BaseURL: baseURL})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diags.Items())
	}
	base := browsertest.Serve(t, out)
	s := model.Site()
	for _, p := range s.Pages {
		if !printedInTest(p) {
			continue
		}
		t.Run(strings.ReplaceAll(strings.Trim(p.URL, "/"), "/", "_"), func(t *testing.T) {
			data, err := Print(ctx, base+p.URL)
			if err != nil {
				t.Fatal(err)
			}
			f := filepath.Join(tools.tmp, strings.ReplaceAll(strings.Trim(p.URL, "/"), "/", "_")+".pdf")
			if err := os.WriteFile(f, data, 0o644); err != nil {
				t.Fatal(err)
			}
			checkPDF(t, tools, f, s, p)
		})
	}
}

// printedInTest picks what the test prints: every guide and the toolkit in English and
// Dutch, and the handouts of two guides from English and Dutch into English, Dutch, French
// and Arabic (left to right beside right to left). Every handout of every language pair
// would take the browser longer than a test may run.
func printedInTest(p *site.Page) bool {
	main := p.Lang.Code == "en" || p.Lang.Code == "nl"
	switch {
	case p.Kind == site.KindPage && p.Type == "guide", p.Kind == site.KindToolkit:
		return main
	case p.Kind == site.KindHandout:
		left, right := p.Pages[0], p.Pages[1]
		slug := left.Source.Slug
		other := right.Lang.Code
		return main && (slug == "asking-new-parents" || slug == "quick-poll") &&
			(other == "en" || other == "nl" || other == "fr" || other == "ar")
	}
	return false
}

func checkPDF(t *testing.T, tools pdfTools, file string, s *site.Site, p *site.Page) {
	info := tools.run(t, tools.info, file)
	n := pageCount(t, info)
	limit := defaultMaxPages
	switch {
	case p.Kind == site.KindToolkit:
		limit = toolkitMaxPages
	case p.Kind == site.KindHandout:
		limit = handoutMaxPages
	case maxPages[p.Source.Slug] > 0:
		limit = maxPages[p.Source.Slug]
	}
	t.Logf("%d pages (bound %d)", n, limit)
	if n > limit {
		t.Errorf("%d pages, more than the bound of %d", n, limit)
	}
	if !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("not a tagged PDF:\n%s", info)
	}

	text := tools.run(t, tools.text, "-layout", file, "-")
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	if len(pages) != n {
		t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(pages), n)
	}
	for i, pg := range pages {
		if want := fmt.Sprintf("%d/%d", i+1, n); !strings.Contains(squeeze(pg), want) {
			t.Errorf("page %d has no page number %q", i+1, want)
		}
	}
	flat := squeeze(text)
	for _, key := range []string{"nav.skip", "nav.main", "nav.breadcrumbs", "nav.pager", "nav.toc", "site.footer", "print.toolkit", "print.handouts"} {
		if s, err := p.Lang.T(key); err == nil && strings.Contains(flat, squeeze(s)) {
			t.Errorf("screen text %s (%q) is printed", key, s)
		}
	}
	address := strings.TrimSuffix(strings.TrimPrefix(p.Permalink(s), "https://"), "/")
	if !strings.Contains(flat, squeeze(address)) {
		t.Errorf("the page's address %s is not printed", address)
	}
	checkEdges(t, tools.run(t, tools.text, "-bbox", file, "-"))

	// The QR code: on the cover of the toolkit, at the end of a guide or a handout.
	qrPage := n
	if p.Kind == site.KindToolkit {
		qrPage = 1
	}
	if got, want := tools.qr(t, file, qrPage), p.Permalink(s); got != want {
		t.Errorf("QR code on page %d reads %q, want %q", qrPage, got, want)
	}

	if p.Kind == site.KindHandout {
		for _, g := range p.Pages {
			q := worksheet.Questions(g.Content)
			if len(q) == 0 || len(q[0].Items) == 0 {
				t.Fatalf("%s has no questions", g.URL)
			}
			first := squeeze(plain(string(q[0].Items[0])))
			if len(first) > 30 {
				first = first[:30]
			}
			if !strings.Contains(flat, first) {
				t.Errorf("the %s question %q is not on the sheet", g.Lang.Code, first)
			}
		}
	}
}

// checkEdges fails for a word that reaches into the outer 8 mm of the paper, where a printer
// cuts it off (the page margins are 18 mm and more; the page numbers sit inside them), and
// for two words that overlap, as text does when it runs out of its column into the next.
func checkEdges(t *testing.T, bbox string) {
	t.Helper()
	for _, p := range edgeProblems(bbox) {
		t.Error(p)
	}
}

func edgeProblems(bbox string) []string {
	var problems []string
	const edge = 8 * 72 / 25.4
	type word struct {
		text           string
		x0, y0, x1, y1 float64
	}
	var w, h float64
	var page []word
	overlaps := func() {
		for i, a := range page {
			for _, b := range page[i+1:] {
				const slack = 0.5
				if a.x0 < b.x1-slack && b.x0 < a.x1-slack && a.y0 < b.y1-slack && b.y0 < a.y1-slack {
					problems = append(problems, fmt.Sprintf("words %q and %q overlap at (%.0f,%.0f): text runs out of its column", a.text, b.text, a.x0, a.y0))
				}
			}
		}
		page = page[:0]
	}
	for _, m := range bboxTag.FindAllStringSubmatch(bbox, -1) {
		if m[1] == "page" {
			overlaps()
			w, h = num(m[2], "width"), num(m[2], "height")
			continue
		}
		x := word{m[3], num(m[2], "xMin"), num(m[2], "yMin"), num(m[2], "xMax"), num(m[2], "yMax")}
		if x.x0 < edge || x.y0 < edge || x.x1 > w-edge || x.y1 > h-edge {
			problems = append(problems, fmt.Sprintf("word %q at (%.0f,%.0f)–(%.0f,%.0f) on a %.0f×%.0f page is cut off or too close to the edge", x.text, x.x0, x.y0, x.x1, x.y1, w, h))
		}
		page = append(page, x)
	}
	overlaps()
	return problems
}

var (
	bboxTag = regexp.MustCompile(`<(page|word)([^>]*)>([^<]*)`)
	tags    = regexp.MustCompile(`<[^>]+>`)
)

func num(attrs, name string) float64 {
	m := regexp.MustCompile(name + `="([0-9.]+)"`).FindStringSubmatch(attrs)
	if m == nil {
		return 0
	}
	f, _ := strconv.ParseFloat(m[1], 64)
	return f
}

func plain(html string) string {
	s := tags.ReplaceAllString(html, "")
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}

// squeeze drops all white space, so text that pdftotext breaks over lines still matches.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func pageCount(t *testing.T, info string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page count in pdfinfo output:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

type pdfTools struct {
	info, text, ppm, zbar, tmp string
}

func (pt pdfTools) run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.CommandContext(context.Background(), name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", path.Base(name), strings.Join(args, " "), err)
	}
	return string(out)
}

// qr renders one page and decodes the QR code on it.
func (pt pdfTools) qr(t *testing.T, file string, page int) string {
	t.Helper()
	prefix := strings.TrimSuffix(file, ".pdf") + "-qr"
	pg := strconv.Itoa(page)
	pt.run(t, pt.ppm, "-png", "-r", "150", "-gray", "-singlefile", "-f", pg, "-l", pg, file, prefix)
	out, err := exec.Command(pt.zbar, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", prefix+".png").Output()
	if err != nil {
		return "(no QR code found: " + err.Error() + ")"
	}
	return strings.TrimSpace(string(out))
}
