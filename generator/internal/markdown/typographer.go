package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// typographer is goldmark's typographer (curly quotes, dashes, ellipses), except in a run of
// more than maxQuoteRun quote marks of one kind, which stays as typed. For each quote mark,
// goldmark measures the run it stands in: a paragraph of 900,000 quote marks took 99 s. No
// sentence has such a run; where one is, it is measured once, and its marks are left alone.
type typographer struct{}

const maxQuoteRun = 16

func (typographer) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(quoteRuns{extension.NewTypographerParser()}, 9999)))
}

type quoteRuns struct{ parser.InlineParser }

func (p quoteRuns) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 || (line[0] != '"' && line[0] != '\'') {
		return p.InlineParser.Parse(parent, block, pc)
	}
	st := state(pc)
	if seg.Start < st.quoteRunEnd {
		return nil // within a long run: as typed
	}
	run := 1
	for run < len(line) && line[run] == line[0] {
		run++
	}
	if run > maxQuoteRun {
		st.quoteRunEnd = seg.Start + run
		return nil
	}
	if opensQuote(line, block.PrecendingCharacter()) {
		// Shown another letter after it, goldmark opens a quotation, and counts it, so that
		// the quote that closes it is curled too, also at the end of a paragraph.
		// It reads only the few bytes after the quote: a copy of the whole line for each such
		// quote made a long line quadratic (found by a review).
		masked := append([]byte{'\'', 'x'}, line[2:min(len(line), 8)]...)
		return p.InlineParser.Parse(parent, peekAs{block, masked}, pc)
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// peekAs is block with its current line read as line.
type peekAs struct {
	text.Reader
	line []byte
}

func (r peekAs) PeekLine() ([]byte, text.Segment) {
	_, seg := r.Reader.PeekLine()
	return r.line, seg
}

// opensQuote reports whether the single quote that starts line opens a quotation where
// goldmark would take it for an elided letter: it makes an apostrophe of every ' after a
// space and before a t, e, n or l, for 'twas, 'em and 'net, which published ’teaching’ and
// ’lesgeven’ in the handbook. Only the words that are elisions in English or Dutch keep
// the apostrophe ('t, 'n, 'tis, 'em …).
func opensQuote(line []byte, before rune) bool {
	if len(line) < 2 || line[0] != '\'' || !(unicode.IsSpace(before) || unicode.IsPunct(before)) {
		return false
	}
	switch line[1] {
	case 't', 'e', 'n', 'l':
	default:
		return false // goldmark's own rules, which open a quote before a capital
	}
	end := 1
	for end < len(line) && end < 12 && line[end] < utf8.RuneSelf && unicode.IsLetter(rune(line[end])) {
		end++
	}
	if end < len(line) && line[end] >= utf8.RuneSelf {
		if r, _ := utf8.DecodeRune(line[end:]); unicode.IsLetter(r) || unicode.Is(unicode.M, r) {
			return true // a word with accents is no English or Dutch elision
		}
	}
	return !elisions[strings.ToLower(string(line[1:end]))]
}

// elisions are the words that start with an apostrophe for a dropped letter, in English and
// Dutch, among those goldmark's rule catches.
var elisions = map[string]bool{
	"t": true, "n": true, "tis": true, "twas": true, "twill": true, "twere": true, "til": true,
	"em": true, "ere": true, "neath": true, "nuff": true, "net": true, "ll": true, "lectric": true,
	"ns": true, "ne": true, "nen": true, "nens": true, // Flemish: 'ns (eens), 'ne, 'nen (een)
}
