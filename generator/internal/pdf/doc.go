// Package pdf prints the handbook's guides, toolkits and bilingual handouts to PDF with
// headless Chromium, for the "pdf" command. It builds the site into a temporary folder and
// serves it on 127.0.0.1; prints each toolkit once to learn the page each guide starts on
// (pages.go) and rebuilds so the contents show those pages; prints every page as a tagged PDF
// with bookmarks from its headings, on the A4 pages of static/css/print.css; and then builds
// the site again with the PDFs (build.Options.PDFs), so the pages link them. The build itself
// never needs a browser.
package pdf
