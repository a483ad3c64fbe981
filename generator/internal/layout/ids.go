package layout

import (
	"html/template"
	"strings"
	tparse "text/template/parse"
)

// FixedIDs are the id attributes the layouts write as they stand (id="main", not
// id="{{.ID}}"). A heading in a page's body must not have one, or the page would have two
// elements with one ID, and the link or label pointing at it would find either.
func (s *Set) FixedIDs() map[string]bool {
	ids := map[string]bool{}
	if s.fast.partials == nil {
		return ids
	}
	seen := map[*tparse.Tree]bool{}
	sets := []*template.Template{s.fast.partials}
	for _, l := range s.fast.layouts {
		sets = append(sets, l)
	}
	for _, set := range sets {
		for _, t := range set.Templates() {
			if t.Tree == nil || seen[t.Tree] {
				continue
			}
			seen[t.Tree] = true
			walk(t.Tree.Root, func(n tparse.Node) {
				if text, ok := n.(*tparse.TextNode); ok {
					for _, id := range literalIDs(string(text.Text)) {
						ids[id] = true
					}
				}
			})
		}
	}
	return ids
}

// literalIDs finds id="…" attributes whose whole value is in text; a value that a template
// action writes ends the text before its closing quote.
func literalIDs(text string) []string {
	var out []string
	for {
		i := strings.Index(text, ` id="`)
		if i < 0 {
			return out
		}
		text = text[i+len(` id="`):]
		end := strings.IndexByte(text, '"')
		if end < 0 {
			return out
		}
		if end > 0 {
			out = append(out, text[:end])
		}
		text = text[end:]
	}
}
