package site

import "bytes"

// Kinds of the generated print pages.
const (
	// KindToolkit is /<lang>/<url.toolkit>/: every guide of a language on one page, to print
	// as a booklet. Pages lists the guides in section order.
	KindToolkit = "toolkit"
	// KindHandout is a guide's parent questions in two languages side by side,
	// <guide URL><url.handout>/<other lang>/. Pages is the guide, then its translation.
	KindHandout = "handout"
)

// hasQuestionsBox reports whether Markdown has a [!QUESTIONS] box (in any letter case) at
// the start of a quote line, the sign that a guide has questions for parents (the model is
// built before Markdown is rendered). A search for the marker, then a look at its line:
// a multi-line regular expression took a tenth of a second for 10,000 pages, on one core.
func hasQuestionsBox(body []byte) bool {
	marker := []byte("[!questions]")
	for i := 0; ; {
		j := bytes.Index(body[i:], marker[:2])
		if j < 0 {
			return false
		}
		at := i + j
		if len(body)-at >= len(marker) && bytes.EqualFold(body[at:at+len(marker)], marker) {
			lineStart := bytes.LastIndexByte(body[:at], '\n') + 1
			if quote := bytes.TrimLeft(body[lineStart:at], " \t"); len(quote) > 0 && quote[0] == '>' &&
				len(bytes.TrimLeft(quote[1:], " \t")) == 0 {
				return true
			}
		}
		i = at + 2
	}
}

// addPrintPages adds a toolkit per language that has guides, and a handout for every pair
// of languages in which a guide has parent questions.
func (s *Site) addPrintPages() {
	for _, p := range s.Pages {
		p.questions = p.Source != nil && p.Type == "guide" && hasQuestionsBox(p.Source.Body)
	}
	var toolkits []*Page
	for _, l := range s.Languages {
		guides := guideSection(l)
		if guides == nil || len(guides.Pages) == 0 {
			continue
		}
		t := &Page{Kind: KindToolkit, Type: "guide", Lang: l, Title: label(l, "toolkit.title"), Summary: label(l, "toolkit.summary"),
			URL: ToolkitURL(l), Section: guides, Pages: guides.Pages,
			Breadcrumbs: []*Page{l.Home, guides}}
		toolkits = append(toolkits, t)
		s.Pages = append(s.Pages, t)
	}
	for _, t := range toolkits {
		for _, o := range toolkits {
			if o != t {
				t.Translations = append(t.Translations, o)
			}
		}
	}

	handouts := map[[2]*Page]*Page{}
	for _, l := range s.Languages {
		guides := guideSection(l)
		if guides == nil {
			continue
		}
		for _, g := range guides.Pages {
			if !hasQuestions(g) {
				continue
			}
			for _, other := range g.Translations {
				if !hasQuestions(other) {
					continue
				}
				// Titled apart from the guide, so its tab, its printed header and the end of its
				// breadcrumb trail do not repeat the guide's name as if it were the guide.
				h := &Page{Kind: KindHandout, Type: "guide", Lang: l, Title: label(l, "handout.title") + ": " + g.Title, Summary: g.Summary,
					URL: handoutURL(g, other), Section: guides,
					Pages: []*Page{g, other}, Breadcrumbs: []*Page{l.Home, guides, g}}
				handouts[[2]*Page{g, other}] = h
				s.Pages = append(s.Pages, h)
			}
		}
	}
	// The handout of a pair is the same sheet seen from the other language.
	for pair, h := range handouts {
		if t := handouts[[2]*Page{pair[1], pair[0]}]; t != nil {
			h.Translations = []*Page{t}
		}
	}
}

// HandoutLink points from a guide to one of its bilingual handouts.
type HandoutLink struct {
	Lang *Lang // the second language of the sheet
	URL  string
}

// Handouts lists the bilingual handouts of a guide, in language order. They exist exactly
// for the pairs addPrintPages made pages for.
func Handouts(g *Page) []HandoutLink {
	if !hasQuestions(g) {
		return nil
	}
	var out []HandoutLink
	for _, other := range g.Translations {
		if hasQuestions(other) {
			out = append(out, HandoutLink{Lang: other.Lang, URL: handoutURL(g, other)})
		}
	}
	return out
}

// ToolkitURL is the address of a language's toolkit ("" when the language has no guides).
func ToolkitURL(l *Lang) string {
	if g := guideSection(l); g == nil || len(g.Pages) == 0 {
		return ""
	}
	return "/" + l.Code + "/" + label(l, "url.toolkit") + "/"
}

func handoutURL(g, other *Page) string {
	return g.URL + label(g.Lang, "url.handout") + "/" + other.Lang.Code + "/"
}

func guideSection(l *Lang) *Page {
	for _, sec := range l.Sections {
		if sec.Type == "guides" {
			return sec
		}
	}
	return nil
}

func hasQuestions(p *Page) bool { return p.questions }

// QuestionsChange reports whether a new body of p gains or loses the [!QUESTIONS] box that
// gives a guide its handouts: pages come or go, so the whole site must be built.
func QuestionsChange(p *Page, body []byte) bool {
	return p.Type == "guide" && hasQuestionsBox(body) != p.questions
}
