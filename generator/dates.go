package main

import (
	"fmt"
	"io"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/history"
)

// lastUpdates reads the last change of every content file from git; without git there are
// no dates, and the build says so once.
func lastUpdates(root string, stderr io.Writer) map[string]time.Time {
	dates, err := history.Dates(root)
	if err != nil {
		fmt.Fprintf(stderr, "note: pages show no last update date (%v)\n", err)
		return nil
	}
	return dates
}
