package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
)

// headingIDs makes heading IDs that keep accented and non-Latin letters ("çocuk-ve-dil",
// "مقدمة"): goldmark's default drops every non-ASCII letter.
type headingIDs struct {
	used     map[string]bool
	reserved map[string]bool // the page's own IDs around the body: generated IDs avoid them
}

func newHeadingIDs(reserved map[string]bool) *headingIDs {
	return &headingIDs{used: map[string]bool{}, reserved: reserved}
}

// Slugify turns heading text into an ID: lower case, NFC, letters, digits and combining marks
// kept, everything else a single hyphen. The text is NFC before it is lowered, so that "İ"
// lowers the same whether it is one code point or I and a combining dot; NFC again after
// ("Y̊" has no composed capital, but lowered it composes to "ẙ"); and the ID once more at the
// end, since a dropped apostrophe can bring two runs of combining marks together, which NFC
// puts in canonical order. So an ID comes out of Slugify unchanged.
func Slugify(text string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFC.String(strings.ToLower(norm.NFC.String(text))) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "parents' voices" → "parents-voices", not "parents--voices"
		default:
			hyphen = true
		}
	}
	return norm.NFC.String(b.String())
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; h.used[id] || h.reserved[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// headingIDExtension gives each heading without an ID of its own ({#id}) one made from its
// text as a reader sees it: without link addresses, emphasis marks, escapes and footnote
// markers ("## *Why* ask [parents](x.en.md)?" is #why-ask-parents). Goldmark makes them
// from the heading as written, before its inline parts are read. Headings take their IDs in
// order, as goldmark's do: an ID written further down that repeats one made above is an
// error the page reports, not a reason to change the one above.
type headingIDExtension struct{}

func (headingIDExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingIDTransformer{}, 0)))
}

type headingIDTransformer struct{}

func (headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ids := pc.IDs()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				ids.Put(b)
			}
		} else {
			h.SetAttributeString("id", ids.Generate([]byte(plainText(h, reader.Source())), ast.KindHeading))
		}
		return ast.WalkSkipChildren, nil
	})
}
