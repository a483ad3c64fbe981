// Package pdf prints the handbook's guides, toolkits and bilingual handouts to PDF with headless Chromium, for
// the "pdf" command. It builds the site into a temporary folder, serves that folder on
// 127.0.0.1, prints each page as a tagged PDF with bookmarks from its headings, on the A4
// pages of static/css/print.css, and then builds the site again with the PDFs, so the pages
// link them (build.Options.PDFs). The build itself never needs a browser.
package pdf
