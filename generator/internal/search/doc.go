// Package search builds the site's search index from page text. It is pure: pages go in,
// files (as bytes, by path) come out; it reads and writes nothing itself.
//
// Words are normalised the same way at build time and in the browser: Unicode NFC, lower
// case, diacritics removed, and a small table for letters that do not decompose (ø → o,
// æ → ae, ı → i, ß → ss). Each page language with a Snowball stemmer (en, nl, da, pt, fr,
// ar, tr) is stemmed; other languages are only folded. The browser has no stemmer: the index
// maps every word that occurs to its stem, and lists the words of each stem for highlighting.
//
// One index per language is a set of JavaScript files that each call one function,
// hbsearch(key, data), so they load with a <script> element from a file:// copy of the site
// and with fetch over HTTP (the data is JSON after the first comma):
//
//	index.js            entry: shard keys, synonyms, the folder of the page files
//	t/<n>.<hash>.js     a shard: words with a common prefix → stems, postings, variants
//	f.<hash>.js         filters: page numbers per type, theme and audience
//	d<hash>/<n>.js      one page: URL, title, type, summary, sections with their anchors
//
// Shards are cut by prefix so that no shard grows past a size limit: a small site has a
// handful, a large one many small ones, and a query fetches only the shards of its words.
// Postings hold, per page, a BM25F weight computed at build time (title, headings and
// summary boosted), so the browser only adds numbers. Search (query.go, match.go) is the
// ranking the browser implements in static/js/search.js, and the tests' reference for it:
// pages with all the words first, then the words side by side (in the title before
// elsewhere), then the score; the last word as a prefix while typing; one typo for words of
// five letters or more that are not in the index; glossary synonyms, where a group counts as
// one word, weighted by how rare the whole group is. The link of a result goes to the
// section that has most of the words (a heading counts double), unless the title has as many.
package search
