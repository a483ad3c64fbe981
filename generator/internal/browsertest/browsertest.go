// Package browsertest runs headless Chromium for the tests that only a browser can answer:
// accessibility, keyboard use, layout at phone width, search, print. It starts the browser
// with the flags this machine needs, serves a built site on 127.0.0.1, and decides whether
// a test without a browser skips (on a developer's machine) or fails (on CI, where
// HANDBOOK_BROWSER_TESTS=required).
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// RequiredEnv is the variable that makes browser tests mandatory (set by .ci/run).
const RequiredEnv = "HANDBOOK_BROWSER_TESTS"

// Chromium returns the browser's path, or skips the test (fails it when browser tests are
// required) when there is none.
func Chromium(t testing.TB) string {
	t.Helper()
	candidates := []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	msg := "Chromium not found: browser tests need it (apt-get install chromium, or set CHROMIUM=/path/to/chrome)"
	if os.Getenv(RequiredEnv) == "required" {
		t.Fatal(msg + "; " + RequiredEnv + "=required makes this a failure")
	}
	t.Skip(msg)
	return ""
}

// Browser starts headless Chromium for one test and returns a context for chromedp; the
// browser is closed when the test ends.
func Browser(t testing.TB) context.Context {
	t.Helper()
	path := Chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 10*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// Serve serves a built site folder on 127.0.0.1 and returns its base URL (no trailing
// slash).
func Serve(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Tool returns the path of a command-line program that a browser test needs besides the
// browser (pdftotext, zbarimg, …), with the same rule: without it the test skips, or fails
// when browser tests are required. pkg names the Debian package that has it.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	msg := name + " not found: this browser test needs it (apt-get install " + pkg + ")"
	if os.Getenv(RequiredEnv) == "required" {
		t.Fatal(msg + "; " + RequiredEnv + "=required makes this a failure")
	}
	t.Skip(msg)
	return ""
}
