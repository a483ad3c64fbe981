package build

import (
	"html/template"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/educare-handbook/handbook/generator/internal/qrsvg"
	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/worksheet"
)

// PrintData is what the print parts of a layout need: the worksheet block of a guide, the
// chapters of a toolkit, the two columns of a handout. It is nil on other pages.
type PrintData struct {
	Sheet      *Sheet       // the way back from paper to the page
	ToolkitURL string       // guides and the toolkit: the toolkit of the language
	Handouts   []HandoutRef // guides: the bilingual handouts
	PDF        string       // the page as PDF, when the pdf command made one
	Chapters   []Chapter    // toolkit: every guide
	ChapterCSS string       // toolkit: the stylesheet that names each chapter in the page margin
	Handout    *Handout     // handout pages
}

// Sheet is the foot of a printed guide, toolkit or handout: the QR code and short address of
// its online page, where its facts come from, and when they last changed.
type Sheet struct {
	QR      template.HTML
	Address string // "handbook.example/en/guides/quick-poll"
	Updated *Date  // the content's last change, when the history knows it
	Source  string // the source document and section, in the page's language
}

// HandoutRef is one handout link on a guide.
type HandoutRef struct {
	Lang string // the other language's name, in that language
	Code string
	URL  string
}

// Chapter is one guide in the toolkit.
type Chapter struct {
	Number int
	ID     string // the chapter's anchor
	Page   *site.Page
	Body   template.HTML // the guide's body with unique IDs and in-page links
	Sheet  *Sheet
	PageNo int // the page it starts on in the toolkit's PDF; 0 when unknown
}

// Handout is a bilingual question sheet: the guide in the page's language on the left (the
// start side), its translation on the right.
type Handout struct {
	Left, Right *site.Page
	Phases      []worksheet.PairedPhase
}

// PDFPath is where the pdf command puts the PDF of a guide, toolkit or handout page, relative
// to the output folder: "downloads/nl/korte-bevraging.pdf", "downloads/nl/toolkit.pdf",
// "downloads/nl/korte-bevraging-en.pdf" (the Dutch–English handout).
func PDFPath(p *site.Page) string {
	dir := "downloads/" + p.Lang.Code + "/"
	switch p.Kind {
	case site.KindToolkit:
		return dir + "toolkit.pdf"
	case site.KindHandout:
		return dir + urlBase(p.Pages[0]) + "-" + p.Pages[1].Lang.Code + ".pdf"
	}
	return dir + urlBase(p) + ".pdf"
}

func urlBase(p *site.Page) string { return path.Base(strings.TrimSuffix(p.URL, "/")) }

// printData prepares the print parts of p, at render time, so a page that serve re-renders
// gets fresh ones.
func (m *Model) printData(p *site.Page) *PrintData {
	switch {
	case p.Kind == site.KindPage && p.Type == "guide":
		d := &PrintData{Sheet: m.sheet(p), ToolkitURL: site.ToolkitURL(p.Lang), PDF: m.pdfURL(p)}
		for _, h := range site.Handouts(p) {
			d.Handouts = append(d.Handouts, HandoutRef{Lang: h.Lang.Name, Code: h.Lang.Code, URL: h.URL})
		}
		return d
	case p.Kind == site.KindToolkit:
		d := &PrintData{ToolkitURL: p.URL, PDF: m.pdfURL(p), ChapterCSS: "/" + chapterCSSPath(p)}
		d.Sheet = m.sheet(p)
		chapters := worksheet.Chapters{}
		for i, g := range p.Pages {
			chapters[g.URL] = "g" + strconv.Itoa(i+1)
		}
		for i, g := range p.Pages {
			ch := Chapter{Number: i + 1, ID: chapters[g.URL], Page: g,
				Body: worksheet.Chapter(g.Content, g.URL, chapters), Sheet: m.sheet(g), PageNo: m.opts.TOCPages[p.URL+"#"+chapters[g.URL]]}
			// The booklet changed when its newest guide did.
			if u := ch.Sheet.Updated; u != nil && (d.Sheet.Updated == nil || u.ISO > d.Sheet.Updated.ISO) {
				d.Sheet.Updated = u
			}
			d.Chapters = append(d.Chapters, ch)
		}
		return d
	case p.Kind == site.KindHandout:
		left, right := p.Pages[0], p.Pages[1]
		sheet := m.sheet(p)
		sheet.Source = sourceLine(left)
		return &PrintData{Sheet: sheet, PDF: m.pdfURL(p), Handout: &Handout{Left: left, Right: right,
			Phases: worksheet.Pair(m.questionsOf(left), m.questionsOf(right))}}
	}
	return nil
}

// questionsOf reads a guide's question boxes from its body once: each guide is on the
// handouts of every language it pairs with, from both sides.
func (m *Model) questionsOf(g *site.Page) []worksheet.Phase {
	if q, ok := m.questions.Load(g); ok {
		return q.([]worksheet.Phase)
	}
	q := worksheet.Questions(g.Content)
	m.questions.Store(g, q)
	return q
}

// sheet is the way back from paper; a URL too long for a QR code (thousands of characters)
// just gets no code.
func (m *Model) sheet(p *site.Page) *Sheet {
	link := p.Permalink(m.site)
	address := strings.TrimSuffix(link, "/")
	if i := strings.Index(address, "://"); i >= 0 {
		address = address[i+3:]
	}
	qr := m.qr.svg(link, "QR: "+address)
	s := &Sheet{QR: qr, Address: address, Source: sourceLine(p)}
	if e := m.edit(p); e != nil {
		s.Updated = e.Updated
	}
	return s
}

// sourceLine names where a page's facts come from: "Parent–school collaboration book, 2.1".
func sourceLine(p *site.Page) string {
	src := p.Common().Source
	if src == nil {
		return ""
	}
	line, err := p.Lang.T("source." + src.Document)
	if err != nil {
		line = src.Document
	}
	if src.Section != "" {
		line += ", " + src.Section
	}
	return line
}

// pdfURL is the address of p's PDF when the pdf command made one for this build.
func (m *Model) pdfURL(p *site.Page) string {
	if _, ok := m.opts.PDFs[PDFPath(p)]; ok {
		return "/" + PDFPath(p)
	}
	return ""
}

// printFiles are the files the print pages need besides themselves: per toolkit, a stylesheet
// that puts each guide's title in the margin of its pages. Chromium has no string-set, and
// the CSP allows no inline style, so the titles go into a small file as named pages.
func (m *Model) printFiles() map[string][]byte {
	files := map[string][]byte{}
	for _, p := range m.site.Pages {
		if p.Kind != site.KindToolkit {
			continue
		}
		var b strings.Builder
		b.WriteString("/* The title of each guide in the margin of its pages (generated). */\n")
		for i, g := range p.Pages {
			id := "g" + strconv.Itoa(i+1)
			b.WriteString("@page " + id + " { @top-left { content: " + cssString(strconv.Itoa(i+1)+" "+g.Title) + "; } }\n")
			b.WriteString("#" + id + " { page: " + id + "; }\n")
		}
		files[chapterCSSPath(p)] = []byte(b.String())
	}
	return files
}

func chapterCSSPath(toolkit *site.Page) string { return toolkit.URL[1:] + "chapters.css" }

// cssString quotes s as a CSS string.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString("\\" + string(r))
		case r < 0x20 || r == 0x7f:
			b.WriteString("\\" + strconv.FormatInt(int64(r), 16) + " ")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// qrCache keeps each QR code drawn: encoding one takes about a millisecond, and a guide's
// code appears on its page, in its language's toolkit and on its handouts.
type qrCache struct {
	mu sync.Mutex
	m  map[string]template.HTML
}

func (c *qrCache) svg(link, label string) template.HTML {
	key := link + "\x00" + label
	c.mu.Lock()
	svg, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return svg
	}
	svg, _ = qrsvg.SVG(link, label) // a URL too long for a QR code just gets none
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]template.HTML{}
	}
	c.m[key] = svg
	c.mu.Unlock()
	return svg
}
