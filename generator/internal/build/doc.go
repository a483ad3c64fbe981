// Package build owns the pipeline and is the only writer of the output folder:
//
//	read i18n/ and content/ → site model → Markdown parsed and rendered, links resolved
//	(parallel) → search index → layouts (parallel) → write into the spare folder → swap
//
// Every problem of a run is collected and reported together; any error stops the build
// before the output folder is touched, and the previous output stays exactly as it was.
// The folder written is the spare from the build before last, brought up to date: files
// whose bytes did not change are left alone, on the word of its manifest (manifest.go) or
// after a comparison (output.go). Builds into one output take turns (lock_unix.go), and a
// layout whose drawing of a page does not end fails the build, named (timeout.go).
package build
