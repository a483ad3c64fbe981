package markdown

import "github.com/alecthomas/chroma/v2"

// The code styles use the site's own palette (static/css/site.css): the colours of the
// content types, each already legible as text on the site's surfaces, light and dark. They
// are defined here rather than taken from chroma's styles package, which reads all of its
// seventy styles when the program starts (12 ms of every build and every command).
var (
	codeStyle = chroma.MustNewStyle("handbook", chroma.StyleEntries{
		chroma.Background:         "#1f2421 bg:#f3f1ea",
		chroma.Error:              "underline #8a2f4f",
		chroma.Comment:            "italic #505a55",
		chroma.CommentPreproc:     "noitalic #505a55",
		chroma.Keyword:            "#6a3d9a",
		chroma.KeywordDeclaration: "#6a3d9a",
		chroma.KeywordType:        "#1d5a99",
		chroma.NameBuiltin:        "#1d5a99",
		chroma.NameFunction:       "#1d5a99",
		chroma.NameClass:          "bold #1d5a99",
		chroma.NameTag:            "#8a2f4f",
		chroma.NameAttribute:      "#9a4a13",
		chroma.LiteralString:      "#0d6b63",
		chroma.LiteralNumber:      "#9a4a13",
		chroma.Operator:           "#8a2f4f",
		chroma.GenericDeleted:     "#8a2f4f bg:#fbeee2",
		chroma.GenericInserted:    "#084b45 bg:#e1efec",
		chroma.GenericHeading:     "bold",
		chroma.GenericSubheading:  "bold",
		chroma.GenericEmph:        "italic",
		chroma.GenericStrong:      "bold",
	})
	codeStyleDark = chroma.MustNewStyle("handbook-dark", chroma.StyleEntries{
		chroma.Background:         "#e9ece9 bg:#202623",
		chroma.Error:              "underline #f29cbc",
		chroma.Comment:            "italic #b4bdb8",
		chroma.CommentPreproc:     "noitalic #b4bdb8",
		chroma.Keyword:            "#c7a4ef",
		chroma.KeywordDeclaration: "#c7a4ef",
		chroma.KeywordType:        "#8dbcf0",
		chroma.NameBuiltin:        "#8dbcf0",
		chroma.NameFunction:       "#8dbcf0",
		chroma.NameClass:          "bold #8dbcf0",
		chroma.NameTag:            "#f29cbc",
		chroma.NameAttribute:      "#f0a46a",
		chroma.LiteralString:      "#6fd0c3",
		chroma.LiteralNumber:      "#f0a46a",
		chroma.Operator:           "#f29cbc",
		chroma.GenericDeleted:     "#f29cbc bg:#36271c",
		chroma.GenericInserted:    "#9fe3da bg:#1d3532",
		chroma.GenericHeading:     "bold",
		chroma.GenericSubheading:  "bold",
		chroma.GenericEmph:        "italic",
		chroma.GenericStrong:      "bold",
	})
)
