// Package diag owns positions and diagnostics: what went wrong, where (file:line), and what
// the editor can do about it. Every stage of the build reports into a List so that all
// problems of a run are shown together instead of one per run.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// Severity tells whether a diagnostic stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one place. File is relative to the site root and uses forward
// slashes; Line is 1-based, 0 when the problem concerns the whole file.
type Diagnostic struct {
	File     string
	Line     int
	Severity Severity
	Message  string
	Hint     string // what to do about it; may be empty
}

// Position renders "file:line" (or just "file").
func (d Diagnostic) Position() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d", Printable(d.File), d.Line)
	}
	return Printable(d.File)
}

func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.Position())
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(Printable(d.Message))
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(Printable(d.Hint))
		b.WriteString(")")
	}
	return b.String()
}

// List collects diagnostics from concurrent workers.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records one diagnostic.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Errorf records an error at file:line with a hint.
func (l *List) Errorf(file string, line int, hint string, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf records a warning at file:line.
func (l *List) Warnf(file string, line int, hint string, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Severity: Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Merge appends all diagnostics of other.
func (l *List) Merge(other *List) {
	for _, d := range other.Items() {
		l.Add(d)
	}
}

// Items returns the diagnostics sorted by file, line and message, so output is stable
// whatever order the workers finished in.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	out := append([]Diagnostic(nil), l.items...)
	l.mu.Unlock()
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	return out
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	return l.Count(Error) > 0
}

// Count returns how many diagnostics have the given severity.
func (l *List) Count(s Severity) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, d := range l.items {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Err returns nil when there are no errors, else an error that summarises them.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Failed{Errors: l.Count(Error)}
}

// Failed is returned by a stage that reported errors into a List.
type Failed struct{ Errors int }

func (f *Failed) Error() string {
	if f.Errors == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", f.Errors)
}

// Format selects how diagnostics are printed.
type Format string

const (
	Text   Format = "text"
	GitHub Format = "github"
)

// Print writes the diagnostics in the given format, as Shown lists them.
func (l *List) Print(w io.Writer, f Format) {
	for _, d := range l.Shown() {
		if f == GitHub {
			fmt.Fprintln(w, githubAnnotation(d))
			continue
		}
		fmt.Fprintln(w, d.String())
	}
}

// Shown is Items with each kind of diagnostic at most shownRepeats times a file, then one
// that counts the rest: a page that repeats one mistake a hundred thousand times is one
// thing to fix, not fifty megabytes of the same line.
func (l *List) Shown() []Diagnostic {
	type kind struct {
		severity      Severity
		message, hint string
	}
	type repeats struct{ shown, more, last int }
	items := l.Items()
	var out []Diagnostic
	for start := 0; start < len(items); {
		end := start
		for end < len(items) && items[end].File == items[start].File {
			end++
		}
		seen := map[kind]*repeats{}
		var order []kind
		for _, d := range items[start:end] {
			k := kind{d.Severity, d.Message, d.Hint}
			r := seen[k]
			if r == nil {
				r = &repeats{}
				seen[k] = r
				order = append(order, k)
			}
			if r.shown < shownRepeats {
				r.shown++
				out = append(out, d)
				continue
			}
			r.more, r.last = r.more+1, d.Line
		}
		for _, k := range order {
			if r := seen[k]; r.more > 0 {
				// At the last line, so a pull request shows it there too.
				out = append(out, Diagnostic{File: items[start].File, Line: r.last, Severity: k.severity,
					Message: fmt.Sprintf("the same %s %d more times, the last at line %d: %s", k.severity, r.more, r.last, k.message)})
			}
		}
		start = end
	}
	return out
}

// shownRepeats is how often one message is shown for one file.
const shownRepeats = 5

// githubAnnotation renders a workflow command so the problem shows on the pull request line.
func githubAnnotation(d Diagnostic) string {
	var props []string
	if d.File != "" {
		props = append(props, "file="+escapeProperty(d.File))
	}
	if d.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Line))
	}
	msg := d.Message
	if d.Hint != "" {
		msg += " (" + d.Hint + ")"
	}
	cmd := "::" + d.Severity.String()
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + escapeData(msg)
}

// escapeData and escapeProperty escape what a workflow command reads as its own syntax.
// Line breaks are escaped as GitHub decodes them, so a file named with one still gets its
// annotation; Printable spells out what is left for the log.
func escapeData(s string) string {
	return Printable(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s))
}

func escapeProperty(s string) string {
	return Printable(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s))
}
