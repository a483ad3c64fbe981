// Package content owns the reading of content/: file names (section, slug, language), front
// matter decoded strictly into one typed struct per content type, with line numbers for every
// problem, and the list of pages of a build. It does not parse Markdown, run templates or
// write files.
//
// The layout is a contract with editors:
//
//	content/_index.<lang>.md             home page
//	content/<section>/_index.<lang>.md   section intro
//	content/<section>/<slug>.<lang>.md   a page; its translations share <slug>
//
// The section decides the type: principles → principle, guides → guide, anchors → anchor,
// conditions → condition, cases → case, about → page.
package content
