package worksheet

import (
	"html/template"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Chapters tells Chapter where each guide of the toolkit starts: the guide's URL
// ("/en/guides/quick-poll/") → its prefix ("quick-poll"), which is also the ID of the
// chapter's heading.
type Chapters map[string]string

// Anchor returns the in-page anchor for a link to url (with an optional "#fragment"), and
// false when url is not a chapter of the toolkit.
func (c Chapters) Anchor(url string) (string, bool) {
	path, frag, _ := strings.Cut(url, "#")
	prefix, ok := c[path]
	if !ok {
		return "", false
	}
	if frag == "" {
		return "#" + prefix, true
	}
	return "#" + ID(prefix, frag), true
}

// ID is the toolkit's ID of an element that has the ID id in the guide with this prefix.
func ID(prefix, id string) string { return prefix + "--" + id }

// Chapter rewrites the body of the guide at url for the toolkit; see the package comment.
func Chapter(body template.HTML, url string, chapters Chapters) template.HTML {
	prefix := chapters[url]
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(string(body)))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return template.HTML(b.String())
			}
			return body
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			tok.Data = shiftHeading(tok.Data)
			if tt != html.EndTagToken {
				rewriteAttrs(tok.Attr, prefix, chapters)
			}
			b.WriteString(tok.String())
		default:
			b.Write(z.Raw())
		}
	}
}

func rewriteAttrs(attrs []html.Attribute, prefix string, chapters Chapters) {
	for i, a := range attrs {
		switch a.Key {
		case "id":
			attrs[i].Val = ID(prefix, a.Val)
		case "aria-labelledby", "aria-describedby", "for":
			ids := strings.Fields(a.Val)
			for j := range ids {
				ids[j] = ID(prefix, ids[j])
			}
			attrs[i].Val = strings.Join(ids, " ")
		case "href":
			if frag, ok := strings.CutPrefix(a.Val, "#"); ok {
				attrs[i].Val = "#" + ID(prefix, frag)
			} else if anchor, ok := chapters.Anchor(a.Val); ok {
				attrs[i].Val = anchor
			}
		}
	}
}

// shiftHeading moves a heading one level down: the guide's title is the chapter's h2.
func shiftHeading(tag string) string {
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '5' {
		return "h" + string(tag[1]+1)
	}
	return tag
}
