package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/educare-handbook/handbook/generator/internal/browsertest"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// In a real browser, under the site's CSP: a save reloads the open page by itself, a
// stylesheet change applies without a reload, a broken save shows the overlay and the next
// good save clears it.
func TestLiveReloadInTheBrowser(t *testing.T) {
	ctx := browsertest.Browser(t)
	s, dir := preview(t, fixture)
	page := "content/guides/asking-parents.en.md"
	good := sitetest.Read(t, dir, page)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL()+"en/guides/asking-parents/")); err != nil {
		t.Fatal(err)
	}
	mark := func(v int) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[int]("window.serveTestMark = "+string(rune('0'+v)))); err != nil {
			t.Fatal(err)
		}
	}
	mark(1)
	// Wait until the event stream is open, so no event is missed.
	until(t, ctx, "the event stream is open", `window.handbookServeLive === true`)

	write(t, dir, page, strings.Replace(good, "First version.", "Second version.", 1))
	until(t, ctx, "the page shows the edit", `document.body.innerText.includes("Second version.")`)
	until(t, ctx, "the page was reloaded", `window.serveTestMark === undefined`)

	mark(2)
	until(t, ctx, "the event stream is open again", `window.handbookServeLive === true`)
	css := sitetest.Read(t, dir, "static/css/site.css")
	write(t, dir, "static/css/site.css", css+"\nbody { border-top: 7px solid rgb(1, 2, 3) }\n")
	until(t, ctx, "the new stylesheet applies", `getComputedStyle(document.body).borderTopWidth === "7px"`)
	until(t, ctx, "the page was not reloaded", `window.serveTestMark === 2`)

	write(t, dir, page, strings.Replace(good, "First version.", "See [it](../cases/nope.en.md).", 1))
	until(t, ctx, "the overlay shows the problem", `(document.getElementById("serve-overlay") || {innerText: ""}).innerText.includes("link to a missing page content/cases/nope.en.md")`)
	until(t, ctx, "the last good page is under it", `document.body.innerText.includes("Second version.")`)

	write(t, dir, page, strings.Replace(good, "First version.", "Third version.", 1))
	until(t, ctx, "the fix shows", `document.body.innerText.includes("Third version.")`)
	until(t, ctx, "the overlay is gone", `document.getElementById("serve-overlay") === null`)
}

// until evaluates a JavaScript condition in the page until it is true.
func until(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("never: %s (%s; last error %v)", what, cond, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
