// Package build owns the pipeline and is the only writer of the output folder:
//
//	read i18n/ and content/ → parse Markdown (parallel) → site model → resolve links →
//	render Markdown (parallel) → layouts (parallel) → minify → write to a fresh folder → swap
//
// Every problem of a run is collected and reported together; any error stops the build
// before the output folder is touched, and the previous output stays exactly as it was.
package build
