// Package history owns what the repository's history says about content files: the date of
// each file's last change, for the "last updated" line of a page. It asks git once for the
// whole log of content/ and reads the answer; without git, or outside a repository, there
// are no dates and pages show none, so a build stays the same for the same files.
package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// commitMark starts each commit's line in the log format below: "\x00<committer date>".
const commitMark = "\x00"

// Dates returns the last commit date of every file under content/ in the repository at root.
// An error means there is no usable history (no git, not a repository, a shallow clone
// without the files); the caller then builds without dates.
func Dates(root string) (map[string]time.Time, error) {
	// A shallow clone has lost the older commits: every file would seem changed in the
	// oldest commit it kept. No dates is better than wrong ones.
	shallow, err := exec.Command("git", "-C", root, "rev-parse", "--is-shallow-repository").Output()
	if err != nil {
		return nil, fmt.Errorf("git: %w", err)
	}
	if strings.TrimSpace(string(shallow)) == "true" {
		return nil, fmt.Errorf("the clone is shallow; fetch the whole history (git fetch --unshallow) to show dates")
	}
	// git writes the NUL itself (%x00): a NUL cannot travel in a program's arguments.
	// core.quotePath=false: by default git prints a name with non-ASCII letters quoted and
	// octal-escaped ("content/caf\303\251.en.md"), which matches no page's file name.
	cmd := exec.Command("git", "-C", root, "-c", "core.quotePath=false",
		"log", "--format=%x00%cI", "--name-only", "--no-renames", "--", "content")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	return Parse(bytes.NewReader(out))
}

// Parse reads "git log --format=%x00%cI --name-only" output, newest commit first, and keeps
// for each file the date of the newest commit that names it. Dates are in UTC, so the day
// shown does not depend on the machine that builds. A name git still quotes (one holding a
// tab, a quote or a backslash, or any non-ASCII letter without core.quotePath=false) is read
// back to the file's own name.
func Parse(r io.Reader) (map[string]time.Time, error) {
	dates := map[string]time.Time{}
	var current time.Time
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if when, ok := strings.CutPrefix(line, commitMark); ok {
			t, err := time.Parse(time.RFC3339, strings.TrimSpace(when))
			if err != nil {
				return nil, fmt.Errorf("git log: commit date %q: %w", when, err)
			}
			current = t.UTC()
			continue
		}
		if line == "" || current.IsZero() {
			continue
		}
		if strings.HasPrefix(line, `"`) {
			// git quotes a name as C does, which Go's quoting reads the same way: \t, \",
			// \\ and octal bytes such as \303\251. A name that begins with a quote is itself
			// quoted, so a leading quote always means a quoted name.
			name, err := strconv.Unquote(line)
			if err != nil {
				return nil, fmt.Errorf("git log: file name %s: %w", line, err)
			}
			line = name
		}
		if _, seen := dates[line]; !seen {
			dates[line] = current
		}
	}
	return dates, sc.Err()
}
