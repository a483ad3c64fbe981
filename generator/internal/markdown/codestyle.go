package markdown

import "github.com/alecthomas/chroma/v2"

// palette holds the colours of static/css/site.css that code is drawn in: the content
// types' colours, each already legible as text on the site's surfaces.
type palette struct {
	text, surface, muted                  string
	principle, condition, caseColour      string
	warm, guide, accentStrong             string
	deletedBackground, insertedBackground string
}

// The code styles are defined here rather than taken from chroma's styles package, which
// reads all of its seventy styles when the program starts (12 ms of every build and command).
var (
	codeStyle = newCodeStyle("handbook", palette{
		text: "#1f2421", surface: "#f3f1ea", muted: "#505a55",
		principle: "#6a3d9a", condition: "#1d5a99", caseColour: "#8a2f4f",
		warm: "#9a4a13", guide: "#0d6b63", accentStrong: "#084b45",
		deletedBackground: "#fbeee2", insertedBackground: "#e1efec",
	})
	codeStyleDark = newCodeStyle("handbook-dark", palette{
		text: "#e9ece9", surface: "#202623", muted: "#b4bdb8",
		principle: "#c7a4ef", condition: "#8dbcf0", caseColour: "#f29cbc",
		warm: "#f0a46a", guide: "#6fd0c3", accentStrong: "#9fe3da",
		deletedBackground: "#36271c", insertedBackground: "#1d3532",
	})
)

func newCodeStyle(name string, p palette) *chroma.Style {
	return chroma.MustNewStyle(name, chroma.StyleEntries{
		chroma.Background:         p.text + " bg:" + p.surface,
		chroma.Error:              "underline " + p.caseColour,
		chroma.Comment:            "italic " + p.muted,
		chroma.CommentPreproc:     "noitalic " + p.muted,
		chroma.Keyword:            p.principle,
		chroma.KeywordDeclaration: p.principle,
		chroma.KeywordType:        p.condition,
		chroma.NameBuiltin:        p.condition,
		chroma.NameFunction:       p.condition,
		chroma.NameClass:          "bold " + p.condition,
		chroma.NameTag:            p.caseColour,
		chroma.NameAttribute:      p.warm,
		chroma.LiteralString:      p.guide,
		chroma.LiteralNumber:      p.warm,
		chroma.Operator:           p.caseColour,
		chroma.GenericDeleted:     p.caseColour + " bg:" + p.deletedBackground,
		chroma.GenericInserted:    p.accentStrong + " bg:" + p.insertedBackground,
		chroma.GenericHeading:     "bold",
		chroma.GenericSubheading:  "bold",
		chroma.GenericEmph:        "italic",
		chroma.GenericStrong:      "bold",
	})
}
