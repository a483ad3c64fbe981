package pdf

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// Print loads url in a new tab of the browser in ctx and prints it: A4 or whatever the
// page's @page rule says, tagged, with bookmarks from the headings, backgrounds left out
// except where the print stylesheet asks for them (the ruled note lines).
func Print(ctx context.Context, url string) ([]byte, error) {
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	tab, cancelTimeout := context.WithTimeout(tab, time.Minute)
	defer cancelTimeout()
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		return nil, fmt.Errorf("loading %s: %w", url, err)
	}
	// Print with the fonts the page asked for, not with their fallbacks.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool]("document.fonts.ready.then(() => true)", chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("waiting for the fonts of %s: %w", url, err)
	}
	data, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFOutlineAndTagged(),
		chromedp.PDFStream(),
	))
	if err != nil {
		return nil, fmt.Errorf("printing %s: %w", url, err)
	}
	return data, nil
}
