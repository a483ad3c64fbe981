package markdown

// TOCEntry is one line of a page's table of contents, with the entries below it.
type TOCEntry struct {
	ID       string
	Text     string
	Children []*TOCEntry
}

// TOC nests the page's h2 and h3 headings.
func (d *Doc) TOC() []*TOCEntry {
	var out []*TOCEntry
	for _, h := range d.Headings {
		switch {
		case h.Level == 2:
			out = append(out, &TOCEntry{ID: h.ID, Text: h.Text})
		case h.Level == 3 && len(out) > 0:
			last := out[len(out)-1]
			last.Children = append(last.Children, &TOCEntry{ID: h.ID, Text: h.Text})
		}
	}
	return out
}

// HasHeading reports whether the page has a heading (or footnote) with this ID.
func (d *Doc) HasHeading(id string) bool {
	for _, h := range d.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}
