package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/educare-handbook/handbook/generator/internal/browsertest"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/search"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

var realSite struct {
	once sync.Once
	dir  string
	err  error
}

// buildRealSite builds the repository's own content once per test run.
func buildRealSite(t *testing.T) string {
	t.Helper()
	realSite.once.Do(func() {
		dir, err := os.MkdirTemp("", "handbook-search-")
		if err != nil {
			realSite.err = err
			return
		}
		realSite.dir = filepath.Join(dir, "public")
		_, realSite.err = Build(Options{Root: sitetest.RepoRoot(t), Out: realSite.dir, BaseURL: "http://127.0.0.1/"})
	})
	if realSite.err != nil {
		t.Fatalf("building the real site: %v", realSite.err)
	}
	return realSite.dir
}

// typeQuery focuses the header search box with the "/" key, types q and waits for the
// results of what the box holds (results for the first letters may show while typing).
func typeQuery(q string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.KeyEvent("/"),
		chromedp.SendKeys(chromedp.CSS("#site-search-q"), q),
		answered,
	)
}

// answered waits until the header box's results answer what the box holds. (The "/" that
// focuses the box may land in it: the DevTools protocol sends the character on its own,
// after the key press whose default the page prevents. Search ignores it.)
var answered = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := chromedp.Poll[bool](`(() => {
		const list = document.querySelector("#site-search-results");
		return list.getAttribute("data-query") === document.querySelector("#site-search-q").value.trim() && !!list.querySelector("li a");
	})()`)(ctx, t)
	return err
})

func TestSearchInBrowser(t *testing.T) {
	ctx := browsertest.Browser(t)
	dir := buildRealSite(t)
	base := browsertest.ServeCSP(t, dir, browsertest.CSP)

	js := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(tctx, steps...); err != nil {
			t.Fatal(err)
		}
	}

	for _, c := range []struct{ lang, q, want string }{
		{"en", "child-free hours", "/en/conditions/child-free-hours/"},
		{"en", "facilitater", "/en/conditions/facilitator-safe-space/"},
		{"nl", "luiers", "/nl/voorwaarden/bezoeken-die-je-ogen-openen/"},
		{"nl", "ouders bevragen", "/nl/gidsen/waarom-ouders-bevragen/"},
	} {
		t.Run(c.lang+"/"+c.q, func(t *testing.T) {
			do(chromedp.Navigate(base + "/" + c.lang + "/"))
			if got := js(`String(!!document.querySelector('script[src*="/search."]'))`); got != "false" {
				t.Error("search.js is loaded before the search box has focus")
			}
			do(typeQuery(c.q))
			href := js(`document.querySelector("#site-search-results li a").getAttribute("href")`)
			if !strings.HasPrefix(href, c.want) {
				t.Errorf("first result %s, want %s…; all: %s", href, c.want, js(`Array.from(document.querySelectorAll("#site-search-results a")).map(a => a.getAttribute("href")).join(" ")`))
			}
			if marks := js(`String(document.querySelectorAll("#site-search-results li:first-child mark").length)`); marks == "0" {
				t.Errorf("first result has no highlighted word: %s", js(`document.querySelector("#site-search-results li").innerHTML`))
			}
			if status := js(`document.querySelector(".site-search [role=status]").textContent`); status == "" {
				t.Error("the live region says nothing")
			}
		})
	}

	t.Run("no result", func(t *testing.T) {
		// Greek letters start no shard of the English index; the reader is told, nothing breaks.
		do(chromedp.Navigate(base+"/en/"), chromedp.KeyEvent("/"), chromedp.SendKeys(chromedp.CSS("#site-search-q"), "ζωή"))
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".site-search [role=status]").textContent.startsWith("No pages found")`)); err != nil {
			t.Errorf("status: %q (%v)", js(`document.querySelector(".site-search [role=status]").textContent`), err)
		}
	})

	t.Run("typed before the script arrived", func(t *testing.T) {
		// Words already in the box when search.js arrives fired no input event it could
		// hear: it must search for them. (The box is filled first, then "/" focuses it,
		// which starts loading the script.)
		do(chromedp.Navigate(base + "/en/"))
		js(`(() => { document.querySelector("#site-search-q").value = "facilitater"; return "" })()`)
		do(chromedp.KeyEvent("/"), answered)
		if href := js(`document.querySelector("#site-search-results li a").getAttribute("href")`); !strings.HasPrefix(href, "/en/conditions/facilitator-safe-space/") {
			t.Errorf("first result %s", href)
		}
	})

	t.Run("same ranking as Go", func(t *testing.T) {
		// static/js/search.js implements generator/internal/search: their top five agree.
		m, err := Load(os.DirFS(sitetest.RepoRoot(t)), Options{BaseURL: "http://127.0.0.1/"}, &Result{Diags: &diag.List{}})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range m.site.Languages {
			if l.Code != "en" && l.Code != "nl" {
				continue
			}
			idx := search.Build(searchPages(m.site, l), search.Options{Lang: l.Code, Synonyms: synonyms(m.site)})
			do(chromedp.Navigate(base+"/"+l.Code+"/"), chromedp.KeyEvent("/"), chromedp.WaitVisible(chromedp.CSS(".site-search")))
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.hbsearch && window.hbsearch.query)`)); err != nil {
				t.Fatal(err)
			}
			for _, q := range map[string][]string{
				"en": {"parents", "child-free hours", "facilitater", "childcare worker", "first day at school", "diaper", "learning lab", "trust"},
				"nl": {"ouders", "ouders bevragen", "kinderverzorger", "luiers", "kindvrije uren", "eerste schooldag", "zij-instroom", "vertrouwen"},
			}[l.Code] {
				var want []string
				for i, r := range idx.Search(q, false) {
					if i == 5 {
						break
					}
					u := idx.Pages[r.Page].URL
					if r.Anchor != "" {
						u += "#" + r.Anchor
					}
					want = append(want, u)
				}
				got := js(`hbsearch.query(` + strconv.Quote(q) + `, false).then(rs => rs.slice(0, 5).map(r => r.url).join(" "))`)
				if got != strings.Join(want, " ") {
					t.Errorf("%s %q:\n  browser %s\n  Go      %s", l.Code, q, got, strings.Join(want, " "))
				}
			}
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		do(chromedp.Navigate(base+"/en/"), typeQuery("parents"))
		do(chromedp.KeyEvent(kb.ArrowDown))
		if got := js(`document.activeElement.closest("#site-search-results") ? "result" : document.activeElement.id`); got != "result" {
			t.Fatalf("ArrowDown from the box focuses %q, not the first result", got)
		}
		do(chromedp.KeyEvent(kb.ArrowDown))
		if got := js(`String(Array.from(document.querySelectorAll("#site-search-results a")).indexOf(document.activeElement))`); got != "1" {
			t.Errorf("second ArrowDown: focus on result %s", got)
		}
		do(chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.ArrowUp))
		if got := js(`document.activeElement.id`); got != "site-search-q" {
			t.Errorf("ArrowUp from the first result focuses %q", got)
		}
		do(chromedp.KeyEvent(kb.Escape))
		if got := js(`String(document.querySelector(".search-panel").hidden)`); got != "true" {
			t.Error("Escape leaves the results open")
		}
	})

	t.Run("deep link and filter", func(t *testing.T) {
		do(chromedp.Navigate(base+"/en/search/?q=parents&type=guides"),
			chromedp.WaitVisible(chromedp.CSS("#search-results li a")))
		if got := js(`document.querySelector("#search-q").value + "|" + document.querySelector("select[name=type]").value`); got != "parents|guides" {
			t.Errorf("form from the URL: %s", got)
		}
		if bad := js(`Array.from(document.querySelectorAll("#search-results a")).map(a => a.getAttribute("href")).filter(h => !h.startsWith("/en/guides/")).join(" ")`); bad != "" {
			t.Errorf("type filter lets through %s", bad)
		}
		if got := js(`String(document.querySelector("#search-az").hidden)`); got != "true" {
			t.Error("the A–Z index stays visible next to results")
		}
		// Ten at a time; the button shows the next ten.
		do(chromedp.Navigate(base+"/en/search/?q=parents"), chromedp.WaitVisible(chromedp.CSS("#search-results li a")))
		if n := js(`String(document.querySelectorAll("#search-results li").length)`); n != "10" {
			t.Errorf("%s results shown at first, want 10", n)
		}
		do(chromedp.Click(chromedp.CSS(".search-more")), chromedp.WaitVisible(chromedp.CSS("#search-results li:nth-child(11)")))
		// Change a filter: the results and the address follow.
		js(`(() => { const s = document.querySelector("select[name=audience]"); s.value = "school-leaders"; s.dispatchEvent(new Event("change", {bubbles: true})); return ""; })()`)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.search.includes("audience=school-leaders")`)); err != nil {
			t.Errorf("the address does not follow the filter: %v (%s)", err, js(`location.search`))
		}
	})

	t.Run("no JavaScript: A–Z index", func(t *testing.T) {
		html := sitetest.Read(t, dir, "en/search/index.html")
		for _, want := range []string{`id="search-results"`, `id="search-az"`, `href="/en/conditions/child-free-hours/"`, `href="/en/guides/asking-new-parents/"`} {
			if !strings.Contains(html, want) {
				t.Errorf("/en/search/ lacks %s", want)
			}
		}
		// In a browser with JavaScript off, the search page is the A–Z index.
		setJS := func(off bool) {
			if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off}); err != nil {
				t.Fatal(err)
			}
		}
		setJS(true)
		do(chromedp.Navigate(base + "/en/search/?q=parents"))
		visible := js(`String(!document.querySelector("#search-az").hidden && document.querySelectorAll("#search-az a[href^='/en/']").length > 40) + " " + document.querySelectorAll("#search-results li").length`)
		setJS(false)
		if visible != "true 0" {
			t.Errorf("without JavaScript: A–Z shown and no results expected, got %s", visible)
		}
		nl := sitetest.Read(t, dir, "nl/zoeken/index.html")
		if !strings.Contains(nl, `id="search-az"`) || !strings.Contains(nl, `href="/nl/`) {
			t.Error("/nl/zoeken/ has no A–Z index")
		}
	})

	t.Run("file:// copy, no fetch", func(t *testing.T) {
		// An offline copy links its files relatively and drops integrity values (a file://
		// page has no origin to check them against); the index then loads as scripts.
		page := strings.ReplaceAll(sitetest.Read(t, dir, "nl/zoeken/index.html"), `"/assets/`, `"../../assets/`)
		page = regexp.MustCompile(` integrity="[^"]*"`).ReplaceAllString(page, "")
		sitetest.Write(t, dir, "nl/zoeken/offline.html", page)
		do(chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(dir, "nl/zoeken/offline.html"))+"?q=fopspeen"),
			chromedp.WaitVisible(chromedp.CSS("#search-results li a")))
		if got := js(`String(performance.getEntriesByType("resource").some(e => e.initiatorType === "fetch"))`); got != "false" {
			t.Error("the file:// copy used fetch")
		}
	})
}
