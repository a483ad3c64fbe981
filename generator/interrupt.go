package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// onInterrupt turns the first Ctrl-C (or SIGTERM) into a closed channel, so a build can stop
// cleanly: the output folder it was filling goes back to being the spare, and the next build
// is a rebuild, not a build from nothing. A second Ctrl-C quits at once. release undoes it.
func onInterrupt(stderr io.Writer, what string) (stop <-chan struct{}, release func()) {
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	stopping := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		select {
		case <-signals:
		case <-finished:
			return
		}
		fmt.Fprintf(stderr, "stopping; %s stays as it was (Ctrl-C again to quit at once)\n", what)
		close(stopping)
		select {
		case <-signals:
			os.Exit(130)
		case <-finished:
		}
	}()
	return stopping, func() {
		signal.Stop(signals)
		close(finished)
	}
}
