// Package site owns the site model: every output page with its URL, its language, its
// translations, navigation, breadcrumbs, previous/next, related pages and taxonomy terms,
// and the resolution of links between pages. It is built from loaded content and parsed
// Markdown; it reads and writes no files.
package site
