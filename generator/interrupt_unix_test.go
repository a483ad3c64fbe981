//go:build unix

package main

import (
	"bytes"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The first Ctrl-C asks the build to stop, and says what that means for the output.
func TestInterruptAsksTheBuildToStop(t *testing.T) {
	var stderr bytes.Buffer
	stop, release := onInterrupt(&stderr, "public")
	select {
	case <-stop:
		t.Fatal("stopped before any signal")
	default:
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-stop:
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl-C did not ask the build to stop")
	}
	release()
	if want := "stopping; public stays as it was"; !strings.Contains(stderr.String(), want) {
		t.Errorf("want %q in %q", want, stderr.String())
	}
}
