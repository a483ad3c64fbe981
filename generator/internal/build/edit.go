package build

import (
	"strconv"
	"strings"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/site"
)

// Repository is the one place that says where the handbook's sources live. "Edit this page"
// links open a page's file in GitHub's editor on the branch Netlify publishes.
const (
	Repository = "https://github.com/educare-handbook/handbook"
	Branch     = "main"
)

// Edit is what a page's footer says about its source: the link to edit it and, when the
// history knows it, the date of its last change.
type Edit struct {
	URL     string
	Updated *Date
}

// Date is a day, for a <time> element: ISO for the machine, Text in the page's language.
type Date struct {
	ISO  string // "2026-11-23"
	Text string // "23 November 2026", "23 november 2026"
}

// EditURL is the address of GitHub's editor for a file of the repository.
func EditURL(file string) string {
	return Repository + "/edit/" + Branch + "/" + file
}

func (m *Model) edit(p *site.Page) *Edit {
	if p.Source == nil {
		return nil
	}
	e := &Edit{URL: EditURL(p.Source.Path)}
	if t, ok := m.opts.Updated[p.Source.Path]; ok {
		e.Updated = &Date{ISO: t.Format(time.DateOnly), Text: FormatDate(t, p.Lang.T)}
	}
	return e
}

// FormatDate writes a day the way a language writes it, from its UI strings: date.pattern
// ("{day} {month} {year}") and the month names month.1 … month.12. Without those strings it
// falls back to ISO 8601, which every reader can read.
func FormatDate(t time.Time, T func(string) (string, error)) string {
	pattern, err := T("date.pattern")
	if err != nil {
		return t.Format(time.DateOnly)
	}
	month, err := T("month." + strconv.Itoa(int(t.Month())))
	if err != nil {
		return t.Format(time.DateOnly)
	}
	return strings.NewReplacer("{day}", strconv.Itoa(t.Day()), "{month}", month, "{year}", strconv.Itoa(t.Year())).Replace(pattern)
}
