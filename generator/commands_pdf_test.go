package main

import (
	"bytes"
	"strings"
	"testing"
)

// Without a browser the pdf command says how to get one and fails, before it builds anything.
func TestPDFWithoutChromiumSaysHowToInstallIt(t *testing.T) {
	t.Setenv("CHROMIUM", "/nonexistent/chromium")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"pdf", "--out", t.TempDir()}, &stdout, &stderr); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "apt-get install chromium") {
		t.Errorf("stderr does not say how to install Chromium:\n%s", stderr.String())
	}
}
