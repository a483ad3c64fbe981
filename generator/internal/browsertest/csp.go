package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/educare-handbook/handbook/generator/internal/layout"
)

// CSP is the policy the site is served with (layout.CSP, the one netlify.toml sends).
const CSP = layout.CSP

// Handler serves a folder like a static host: index.html for folders, and the given
// Content-Security-Policy on every response ("" for none).
func Handler(dir, csp string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if csp != "" {
			w.Header().Set("Content-Security-Policy", csp)
		}
		files.ServeHTTP(w, r)
	})
}

// ServeCSP is Serve with a Content-Security-Policy header on every response.
func ServeCSP(t testing.TB, dir, csp string) string {
	t.Helper()
	srv := httptest.NewServer(Handler(dir, csp))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Find looks for Chromium the way Chromium(t) does, for programs that are not tests
// (benchmarks).
func Find() (string, bool) {
	for _, c := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p, true
		}
	}
	return "", false
}

// Start launches headless Chromium with the same flags as Browser, for programs that are
// not tests. Cancel the context to close it.
func Start(parent context.Context, execPath, userDataDir string) (context.Context, context.CancelFunc) {
	actx, cancelAlloc := chromedp.NewExecAllocator(parent,
		chromedp.ExecPath(execPath), chromedp.Headless, chromedp.NoSandbox, chromedp.UserDataDir(userDataDir),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("hide-scrollbars", true))
	ctx, cancel := chromedp.NewContext(actx)
	return ctx, func() { cancel(); cancelAlloc() }
}
