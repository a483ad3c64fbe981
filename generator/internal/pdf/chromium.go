package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium says that no browser was found, and how to get one.
var ErrNoChromium = errors.New("Chromium is not installed: install it with `apt-get install chromium` (Debian, Ubuntu), or set CHROMIUM=/path/to/chrome")

// FindChromium returns the path of the browser: $CHROMIUM when it is set, else the first of
// chromium, chromium-browser and google-chrome on the PATH.
func FindChromium() (string, error) {
	candidates := []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}
	if c := os.Getenv("CHROMIUM"); c != "" {
		candidates = []string{c}
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Start starts headless Chromium with a fresh profile and returns a chromedp context for it;
// stop closes the browser and removes the profile.
func Start(parent context.Context, execPath string) (ctx context.Context, stop func(), err error) {
	profile, err := os.MkdirTemp("", "handbook-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	bctx, cancel := chromedp.NewContext(actx)
	stop = func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	// The first action starts the browser and ties it to its context: it must be bctx itself,
	// not a shorter-lived child.
	if err := chromedp.Do(bctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting %s: %w", execPath, err)
	}
	return bctx, stop, nil
}
