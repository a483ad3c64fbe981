package build

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/educare-handbook/handbook/generator/internal/browsertest"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// An offline copy of the real handbook, opened from disk: the search page finds a page and its
// result leads to it, styled, with no server at all.
func TestOfflineCopyWorksFromDisk(t *testing.T) {
	ctx := browsertest.Browser(t)
	out := filepath.Join(t.TempDir(), "handbook")
	if res, err := Build(Options{Root: sitetest.RepoRoot(t), Out: out, BaseURL: "https://handbook.example/", Offline: true}); err != nil {
		t.Fatalf("%v %v", err, res.Diags.Items())
	}
	page := "file://" + filepath.ToSlash(filepath.Join(out, "nl", "zoeken", "index.html")) + "?q=kindvrije%20uren"
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#search-results li a"))); err != nil {
		t.Fatal(err)
	}
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-results li a").href`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(href, "file://") || !strings.Contains(href, "/index.html") {
		t.Fatalf("first result links %q", href)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(href), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	styled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector(".site-header")).borderBottomStyle !== "none"`))
	if err != nil || !styled {
		t.Errorf("the page opened from disk has no stylesheet (%v)", err)
	}
}
