package build

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/buffer"
	phtml "github.com/tdewolff/parse/v2/html"
)

// newMinifier minifies files: stylesheets, scripts, SVG, JSON and XML, and pages.
func newMinifier() *minify.M {
	m := newPageMinifier()
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}

// newPageMinifier minifies pages. It keeps document tags, end tags and attribute quotes: the
// output stays valid, readable in a diff and easy for validators. It leaves inline SVG alone:
// the only inline SVG is the QR codes that qrsvg draws already minimal, and minifying them
// again took 1.5 s of CPU on the 10,000-page corpus.
func newPageMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// minifyHTMLString minifies a page body into the string the page keeps: one copy, made to
// measure.
func minifyHTMLString(m *minify.M, in []byte) (string, error) {
	if bytes.Count(in, []byte("&")) > manyEntities {
		in = shortenEntities(in, entityChunk)
	}
	return minifyHTMLStringAfter(m, in)
}

// minifyHTMLStringAfter is minifyHTMLString once the entities are seen to.
func minifyHTMLStringAfter(m *minify.M, in []byte) (string, error) {
	var out strings.Builder
	out.Grow(len(in))
	if err := m.Minify("text/html", &out, buffer.NewReader(in)); err != nil {
		return "", err
	}
	return out.String(), nil
}

// The minifier shortens the entities of a text ("&quot;" to a quote) where it stands, moving
// the rest of the text up each time: time that grows with the square of a paragraph's
// length. 300,000 ampersands in one paragraph took 6 s to minify, 900,000 took 73 s. A page
// with more than manyEntities ampersands has its entities shortened first, in pieces of at
// most entityChunk bytes, by the minifier's own function and tables; the minifier then
// finds nothing left to move. (Handbook pages hold a few hundred at most.)
const (
	manyEntities = 2000
	entityChunk  = 4096
)

// shortenEntities does to the text between the tags of rendered Markdown (not inside <pre>,
// which the minifier keeps as it is) what the minifier would do to its entities. Each piece
// ends before an "&", so no entity is cut, and the character after one, which decides
// whether "&amp;" may become "&", is an "&" or the end of the text, as it is for the
// minifier. One difference: a space written as "&#32;" is a space before the minifier
// collapses the spaces around it, as a browser would show it anyway.
func shortenEntities(in []byte, chunk int) []byte {
	out := make([]byte, 0, len(in))
	inPre := false
	for len(in) > 0 {
		if in[0] == '<' {
			end := bytes.IndexByte(in, '>')
			if end < 0 {
				return append(out, in...)
			}
			tag := in[:end+1]
			switch {
			case hasTagName(tag, "<pre"):
				inPre = true
			case hasTagName(tag, "</pre"):
				inPre = false
			}
			out = append(out, tag...)
			in = in[end+1:]
			continue
		}
		text := in
		if next := bytes.IndexByte(in, '<'); next >= 0 {
			text = in[:next]
		}
		in = in[len(text):]
		if inPre {
			out = append(out, text...)
			continue
		}
		for len(text) > 0 {
			piece := text
			if len(piece) > chunk {
				cut := bytes.LastIndexByte(piece[:chunk], '&')
				if cut <= 0 {
					cut = bytes.IndexByte(piece[chunk:], '&')
					if cut < 0 {
						cut = len(piece)
					} else {
						cut += chunk
					}
				}
				piece = piece[:cut]
			}
			text = text[len(piece):]
			start := len(out)
			out = append(out, piece...)
			// Shortened where it stands: the result starts where the piece did.
			out = out[:start+len(parse.ReplaceEntities(out[start:], html.EntitiesMap, html.TextRevEntitiesMap))]
		}
	}
	return out
}

// hasTagName reports whether tag starts with name followed by the end of the name.
func hasTagName(tag []byte, name string) bool {
	rest, ok := bytes.CutPrefix(tag, []byte(name))
	return ok && len(rest) > 0 && (rest[0] == '>' || rest[0] == ' ' || rest[0] == '/' || rest[0] == '\t' || rest[0] == '\n')
}

// minifyLayout minifies the source of a layout, leaving its template actions as they are.
func minifyLayout(src []byte) ([]byte, error) {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true,
		TemplateDelims: html.GoTemplateDelims})
	out, err := m.Bytes("text/html", src)
	if err != nil {
		return nil, err
	}
	return joinTemplateAttributes(out), nil
}

// joinTemplateAttributes puts one space before each attribute that holds a template action:
// the minifier leaves such an attribute as written, with the line break and indent before
// it, and every page of a layout that writes a tag over several lines carried them. The
// layout is left as it is should the lexer's tokens not add up to it.
func joinTemplateAttributes(layout []byte) []byte {
	lex := phtml.NewTemplateLexer(parse.NewInputBytes(layout), html.GoTemplateDelims)
	var out bytes.Buffer
	out.Grow(len(layout))
	read := 0 // of layout, which the tokens must spell out in order
	for {
		tt, data := lex.Next()
		if tt == phtml.ErrorToken {
			break
		}
		if !bytes.HasPrefix(layout[read:], data) {
			return layout
		}
		read += len(data)
		if tt == phtml.AttributeToken && lex.HasTemplate() {
			if name := bytes.TrimLeft(data, " \t\r\n\f"); len(name) < len(data) {
				out.WriteByte(' ')
				out.Write(name)
				continue
			}
		}
		out.Write(data)
	}
	if read != len(layout) {
		return layout
	}
	return out.Bytes()
}

// mediaTypes maps file extensions to what the minifier knows.
var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml",
}

func minifyBytes(m *minify.M, ext string, in []byte) ([]byte, error) {
	mt, ok := mediaTypes[ext]
	if !ok {
		return in, nil
	}
	var out bytes.Buffer
	out.Grow(len(in))
	// buffer.Reader hands the minifier the bytes themselves; from a bytes.Reader it would
	// copy them first (130 MB for the 10,000-page corpus).
	if err := m.Minify(mt, &out, buffer.NewReader(in)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
