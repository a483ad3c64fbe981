package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Section is the plain text of one part of a page: the intro before the first heading, or
// what follows an h2 or h3 heading up to the next one. Search indexes and quotes these.
type Section struct {
	Anchor  string // the heading's id; "" for the intro
	Heading string
	Text    string
}

// Sections splits the page into its intro and one section per h2 or h3 heading, as plain
// text, in the order the page shows it: blocks are separated by a space, inline markup joins
// its words, footnotes count for the section they end up in (the last), boxes keep their
// label and title.
// It reads the tree, not the HTML, so it must run before the tree is released.
func (d *Doc) Sections() []Section {
	src := d.source
	secs := []Section{{}}
	// The sections' texts are pieces of one string: one allocation per page, not a
	// growing builder per section.
	var b spaceCollapser
	b.b.Grow(len(src))
	var pieces [][2]int
	flush := func() { pieces = append(pieces, b.endPiece()) }
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			b.WriteByte(' ')
		}
		if !entering {
			if box, ok := n.(*Box); ok && box.Variant == "QUOTE" {
				// A quote's attribution follows it, as on the page.
				b.WriteString(box.Title)
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *Box:
			if n.Variant != "QUOTE" {
				// Other boxes start with their label ("Steps: Before you start"), as on the page.
				label := n.Label
				if label == "" {
					label = n.Variant
				}
				b.WriteString(label)
				if n.Title != "" {
					b.WriteString(": ")
					b.WriteString(n.Title)
				}
				b.WriteByte(' ')
			}
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			if (n.Level == 2 || n.Level == 3) && len(idb) > 0 {
				flush()
				secs = append(secs, Section{Anchor: string(idb), Heading: plainText(n, src)})
				return ast.WalkSkipChildren, nil
			}
		case *ast.Text, *ast.String, *ast.CodeSpan:
			status, _ := writeInline(&b, n, src)
			return status, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *east.FootnoteLink, *east.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	flush()
	all := b.String()
	for i, p := range pieces {
		secs[i].Text = all[p[0]:p[1]]
	}
	if secs[0].Text == "" && len(secs) > 1 {
		secs = secs[1:]
	}
	return secs
}

// spaceCollapser is a strings.Builder that trims what is written and turns every run of
// white space into one space as it goes.
type spaceCollapser struct {
	b     strings.Builder
	start int  // where the current piece of text starts (see endPiece)
	space bool // white space seen since the last word
}

func (c *spaceCollapser) WriteString(s string) {
	collapse(c, s, func(w string) { c.b.WriteString(w) })
}

// Write takes the source's bytes as they are: converting them to a string first cost a
// copy of every page's text.
func (c *spaceCollapser) Write(p []byte) {
	collapse(c, p, func(w []byte) { c.b.Write(w) })
}

// collapse writes s into c with put, a run of words at a time.
func collapse[T string | []byte](c *spaceCollapser, s T, put func(T)) {
	word := func(w T) {
		if c.space {
			c.b.WriteByte(' ')
			c.space = false
		}
		put(w)
	}
	for i := 0; i < len(s); {
		if ch := s[i]; ch < utf8.RuneSelf {
			if ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v' {
				c.space = c.b.Len() > c.start
				i++
				continue
			}
			// A run of visible ASCII goes in at once, single spaces between words included:
			// only other white space needs collapsing.
			j := i + 1
			for j < len(s) {
				if s[j] > ' ' && s[j] < utf8.RuneSelf {
					j++
				} else if s[j] == ' ' && j+1 < len(s) && s[j+1] > ' ' && s[j+1] < utf8.RuneSelf {
					j += 2
				} else {
					break
				}
			}
			word(s[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRune([]byte(s[i:min(i+utf8.UTFMax, len(s))]))
		if unicode.IsSpace(r) {
			c.space = c.b.Len() > c.start
		} else {
			word(s[i : i+n])
		}
		i += n
	}
}

// WriteByte is only ever given a space here: it separates blocks.
func (c *spaceCollapser) WriteByte(x byte) error {
	c.WriteString(string(rune(x)))
	return nil
}

func (c *spaceCollapser) String() string { return c.b.String() }

// endPiece ends the current piece of text and returns where it lies in String(): what is
// written next starts a new piece, without a space before it.
func (c *spaceCollapser) endPiece() [2]int {
	p := [2]int{c.start, c.b.Len()}
	c.start, c.space = c.b.Len(), false
	return p
}

// textValue is a text node's source as the page shows it: escapes and entities resolved.
func textValue(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}
