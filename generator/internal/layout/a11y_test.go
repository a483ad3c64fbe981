package layout_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/educare-handbook/handbook/generator/internal/browsertest"
	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// pageTypes is one page of every kind and content type, per language.
var pageTypes = map[string][]string{
	"en": {"/en/", "/en/guides/", "/en/principles/reciprocity/", "/en/guides/asking-new-parents/",
		"/en/anchor-points/workable-work/", "/en/conditions/trust/", "/en/cases/the-chameleon/",
		"/en/about/glossary/", "/en/themes/", "/en/themes/educare/", "/en/translation-status/", "/en/404.html", "/",
		"/en/toolkit/", "/en/guides/asking-new-parents/handout/nl/"},
	"nl": {"/nl/", "/nl/gidsen/", "/nl/principes/wederkerigheid/", "/nl/gidsen/nieuwe-ouders-bevragen/",
		"/nl/ankerpunten/werkbaar-werk/", "/nl/voorwaarden/vertrouwen/", "/nl/praktijkverhalen/de-kameleon/",
		"/nl/achtergrond/woordenlijst/", "/nl/themas/", "/nl/themas/educare/", "/nl/stand-van-de-vertalingen/", "/nl/404.html",
		"/nl/toolkit/", "/nl/gidsen/nieuwe-ouders-bevragen/vragenblad/en/"},
	// Partial languages: a right-to-left question sheet, its handout beside Dutch, a Danish home.
	"more": {"/ar/", "/ar/guides/asking-new-parents/", "/nl/gidsen/nieuwe-ouders-bevragen/vragenblad/ar/", "/da/", "/fr/guides/petit-sondage-apres-chaque-activite/"},
}

var (
	siteOnce sync.Once
	siteDir  string
	siteErr  error
)

// builtHandbook builds the repository's content once for all browser tests of this package.
func builtHandbook(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "handbook-a11y-")
		if err != nil {
			siteErr = err
			return
		}
		siteDir = filepath.Join(dir, "public")
		_, siteErr = build.Build(build.Options{Root: sitetest.RepoRoot(t), Out: siteDir, BaseURL: "http://127.0.0.1/"})
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return siteDir
}

func axeSource(t *testing.T) string {
	t.Helper()
	p := filepath.Join(sitetest.RepoRoot(t), "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		if os.Getenv(browsertest.RequiredEnv) == "required" {
			t.Fatalf("axe-core is missing (run npm install): %v", err)
		}
		t.Skip("axe-core is not installed: run npm install to check accessibility")
	}
	return string(b)
}

func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	})
}

type axeResult struct {
	Violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

// TestEveryPageTypePassesAxe runs axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every
// page type in both languages, in the light and the dark colour scheme.
func TestEveryPageTypePassesAxe(t *testing.T) {
	ctx := browsertest.Browser(t)
	axe := axeSource(t)
	base := browsertest.Serve(t, builtHandbook(t))
	for _, scheme := range []string{"light", "dark"} {
		for _, lang := range []string{"en", "nl", "more"} {
			for _, path := range pageTypes[lang] {
				if err := chromedp.Do(ctx, colorScheme(scheme)); err != nil {
					t.Fatal(err)
				}
				resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(base+path))
				if err != nil {
					t.Fatalf("%s (%s): %v", path, scheme, err)
				}
				if resp.Status != 200 {
					t.Errorf("%s: HTTP %d", path, resp.Status)
					continue
				}
				raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](axe+`;axe.run(document, {runOnly: {type: "tag", values: ["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa"]}}).then(r => ({violations: r.violations}))`,
					chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s (%s): %v", path, scheme, err)
				}
				var res axeResult
				if err := json.Unmarshal(raw, &res); err != nil {
					t.Fatal(err)
				}
				for _, v := range res.Violations {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
					}
					t.Errorf("%s (%s): %s: %s\n  %s", path, scheme, v.ID, v.Help, strings.Join(where, "\n  "))
				}
			}
		}
	}
}

// TestNothingScrollsSidewaysAt320px loads every page type at the narrowest phone width.
func TestNothingScrollsSidewaysAt320px(t *testing.T) {
	ctx := browsertest.Browser(t)
	base := browsertest.Serve(t, builtHandbook(t))
	for _, lang := range []string{"en", "nl", "more"} {
		for _, path := range pageTypes[lang] {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 800), chromedp.Navigate(base+path)); err != nil {
				t.Fatal(err)
			}
			over, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("body *")]
				.filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest(".table-scroll, table, pre"))
				.slice(0, 5).map(e => e.tagName + "." + e.className + ": " + (e.textContent || "").trim().slice(0, 40))`))
			if err != nil {
				t.Fatal(err)
			}
			width, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if width > 320 || len(over) > 0 {
				t.Errorf("%s is %d px wide at 320 px; overflowing: %v", path, width, over)
			}
		}
	}
}

// TestKeyboardReachesSkipLinkSwitcherAndContent tabs through the guide page from the top.
func TestKeyboardReachesSkipLinkSwitcherAndContent(t *testing.T) {
	ctx := browsertest.Browser(t)
	base := browsertest.Serve(t, builtHandbook(t))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/en/guides/asking-new-parents/")); err != nil {
		t.Fatal(err)
	}
	var reached []string
	for i := 0; i < 40; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		where, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const e = document.activeElement;
			const zone = e.closest(".skip-link") ? "skip" : e.closest(".switcher") ? "switcher" : e.closest(".site-search, [role=search]") ? "search" :
				e.closest(".site-nav") ? "nav" : e.closest("main") ? "main" : "other";
			const style = getComputedStyle(e); const visible = style.outlineStyle !== "none" || style.boxShadow !== "none";
			return zone + (visible ? "" : ":no-focus-ring"); })()`))
		if err != nil {
			t.Fatal(err)
		}
		reached = append(reached, where)
	}
	got := strings.Join(reached, " ")
	for _, zone := range []string{"skip", "switcher", "nav", "main"} {
		if !strings.Contains(got, zone) {
			t.Errorf("Tab never reaches %s: %s", zone, got)
		}
	}
	if strings.Contains(got, ":no-focus-ring") {
		t.Errorf("an element has no visible focus: %s", got)
	}
	if !strings.HasPrefix(got, "skip") {
		t.Errorf("the first Tab does not reach the skip link: %s", got)
	}
}

// TestScreenshotsForReview writes phone and desktop screenshots of the main page types, light
// and dark, into $HANDBOOK_SCREENSHOTS (default: a folder in the system's temp folder).
func TestScreenshotsForReview(t *testing.T) {
	ctx := browsertest.Browser(t)
	base := browsertest.Serve(t, builtHandbook(t))
	out := os.Getenv("HANDBOOK_SCREENSHOTS")
	if out == "" {
		out = filepath.Join(os.TempDir(), "handbook-screenshots")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{"home": "/%s/", "guide": "/en/guides/asking-new-parents/", "case": "/en/cases/the-chameleon/", "section": "/en/guides/"}
	nl := map[string]string{"home": "/nl/", "guide": "/nl/gidsen/nieuwe-ouders-bevragen/", "case": "/nl/praktijkverhalen/de-kameleon/", "section": "/nl/gidsen/"}
	for _, lang := range []string{"en", "nl"} {
		for name, path := range pages {
			if lang == "nl" {
				path = nl[name]
			} else if name == "home" {
				path = "/en/"
			}
			for _, width := range []int64{375, 1280} {
				for _, scheme := range []string{"light", "dark"} {
					if err := chromedp.Do(ctx, colorScheme(scheme), chromedp.EmulateViewport(width, 900), chromedp.Navigate(base+path)); err != nil {
						t.Fatal(err)
					}
					png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
					if err != nil {
						t.Fatal(err)
					}
					file := filepath.Join(out, fmt.Sprintf("%s-%s-%d-%s.png", name, lang, width, scheme))
					if err := os.WriteFile(file, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	t.Logf("screenshots in %s", out)
}

// TestRootPageRemembersTheLanguage: a reader who picked Dutch in the switcher and comes back
// to "/" lands on the Dutch home page.
func TestRootPageRemembersTheLanguage(t *testing.T) {
	ctx := browsertest.Browser(t)
	base := browsertest.Serve(t, builtHandbook(t))
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/en/guides/asking-new-parents/"), chromedp.Click(chromedp.CSS(`.switcher a[data-lang="nl"]`)),
		chromedp.WaitReady(chromedp.CSS(`html[lang="nl"]`))); err != nil {
		t.Fatal(err)
	}
	// The root page replaces itself while loading, so its own load is reported as aborted.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil && !strings.Contains(err.Error(), "ERR_ABORTED") {
		t.Fatal(err)
	}
	var loc string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var err error
		if loc, err = chromedp.Run(ctx, chromedp.Location()); err == nil && strings.HasSuffix(loc, "/nl/") {
			break
		}
	}
	if !strings.HasSuffix(loc, "/nl/") {
		t.Errorf("after choosing Dutch, / leads to %s", loc)
	}
}
