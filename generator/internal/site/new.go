package site

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
)

// Taxonomies are the front matter lists that get a page per term.
var Taxonomies = []string{"themes", "audience", "setting"}

// TermNamespace is the i18n namespace of a taxonomy's term labels.
func TermNamespace(taxonomy string) string {
	switch taxonomy {
	case "themes":
		return "theme"
	}
	return taxonomy
}

// Input is what the model is built from.
type Input struct {
	BaseURL string
	Catalog *i18n.Catalog
	Pages   []*content.Page
	Drafts  []string // content files of the draft pages left out: links to them say so
	Broken  []string // content files left out for problems already reported: links to them are none
}

// New builds the model from front matter alone: URLs, sections, translations, navigation,
// taxonomies. Markdown is rendered afterwards, with links resolved against this model.
// Problems such as two pages with one URL go to diags.
func New(in Input, diags *diag.List) *Site {
	s := &Site{BaseURL: in.BaseURL, bySource: map[string]*Page{}, byKey: map[string]map[string]*Page{}, drafts: map[string]bool{}, broken: map[string]bool{}}
	for _, d := range in.Drafts {
		s.drafts[norm.NFC.String(d)] = true
	}
	for _, b := range in.Broken {
		s.broken[norm.NFC.String(b)] = true
	}
	for _, l := range in.Catalog.Languages {
		s.Languages = append(s.Languages, &Lang{Language: l})
	}
	langs := map[string]*Lang{}
	for _, l := range s.Languages {
		langs[l.Code] = l
	}

	// Section list pages first, from _index files or generated.
	sections := map[string]*Page{} // lang/section → page
	for _, l := range s.Languages {
		l.Home = &Page{Kind: KindHome, Lang: l, URL: "/" + l.Code + "/", Title: label(l, "site.title")}
		for _, name := range content.Sections() {
			sec := &Page{Kind: KindSection, Type: name, Lang: l, Title: label(l, "section."+name), Label: label(l, "section."+name),
				URL: "/" + l.Code + "/" + label(l, "url."+name) + "/"}
			sections[l.Code+"/"+name] = sec
			l.Sections = append(l.Sections, sec)
		}
		l.NotFound = &Page{Kind: Kind404, Lang: l, URL: "/" + l.Code + "/", Title: label(l, "notfound.title")}
	}
	for _, cp := range in.Pages {
		l := langs[cp.Lang]
		var p *Page
		switch cp.Type {
		case "home":
			p = l.Home
		case "section":
			p = sections[cp.Lang+"/"+cp.Section]
		default:
			sec := sections[cp.Lang+"/"+cp.Section]
			p = &Page{Kind: KindPage, Type: cp.Type, Lang: l, Section: sec, URL: sec.URL + cp.URLSlug() + "/"}
			sec.Pages = append(sec.Pages, p)
		}
		p.Source = cp
		p.Title = cp.Common().Title
		if p.Label == "" {
			p.Label = p.Title
		}
		p.Summary = cp.Common().Summary
		s.bySource[norm.NFC.String(cp.Path)] = p // the name as a Mac may write it or not (see content)
		if s.byKey[cp.Key()] == nil {
			s.byKey[cp.Key()] = map[string]*Page{}
		}
		s.byKey[cp.Key()][cp.Lang] = p
	}

	for _, l := range s.Languages {
		s.Pages = append(s.Pages, l.Home)
		for _, sec := range l.Sections {
			sortPages(sec.Pages)
			linkPrevNext(sec.Pages)
			s.Pages = append(s.Pages, sec)
			s.Pages = append(s.Pages, sec.Pages...)
		}
	}
	s.linkTranslations()
	s.linkOriginals(diags)
	s.addUntranslated()
	s.buildTaxonomies(in.Catalog)
	s.addSearchPages()
	s.addStatusPages()
	s.addPrintPages()
	for _, l := range s.Languages {
		s.Pages = append(s.Pages, l.NotFound)
	}
	for _, p := range s.Pages {
		if p.Label == "" {
			p.Label = p.Title
		}
	}
	s.linkBreadcrumbs()
	s.linkRelated()
	s.checkURLs(diags)
	return s
}

// label returns a UI string or, when it is missing, the key itself: the layouts report a
// missing string as an error, the model need not.
func label(l *Lang, key string) string {
	if t, err := l.T(key); err == nil {
		return t
	}
	return key
}

// sortPages orders a section by weight, then title, then URL, for a stable order.
func sortPages(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		wa, wb := a.Common().Weight, b.Common().Weight
		if wa != wb {
			return wa < wb
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.URL < b.URL
	})
}

func linkPrevNext(ps []*Page) {
	for i, p := range ps {
		if i > 0 {
			p.Prev = ps[i-1]
		}
		if i+1 < len(ps) {
			p.Next = ps[i+1]
		}
	}
}

func (s *Site) linkTranslations() {
	for _, p := range s.Pages {
		if p.Source == nil {
			continue
		}
		for _, l := range s.Languages {
			if t := s.byKey[p.Source.Key()][l.Code]; t != nil && t != p {
				p.Translations = append(p.Translations, t)
			}
		}
	}
	// Generated section and home pages are translations of each other too.
	for i, l := range s.Languages {
		for _, other := range s.Languages {
			if other == l {
				continue
			}
			if l.Home.Source == nil || other.Home.Source == nil {
				addOnce(l.Home, other.Home)
			}
			for j, sec := range l.Sections {
				if sec.Source == nil || other.Sections[j].Source == nil {
					addOnce(sec, other.Sections[j])
				}
			}
		}
		_ = i
	}
}

func addOnce(p, t *Page) {
	for _, x := range p.Translations {
		if x == t {
			return
		}
	}
	p.Translations = append(p.Translations, t)
}

// addUntranslated lists, on each section page, the pages of that section that exist in
// other languages only, so a reader sees them instead of missing them.
func (s *Site) addUntranslated() {
	for _, l := range s.Languages {
		for i, sec := range l.Sections {
			sec.Untranslated, sec.UntranslatedKey = s.untranslated(l, func(other *Lang) []*Page { return other.Sections[i].Pages })
		}
	}
}

// untranslated lists the pages that other languages have in a list (a section, a term) and
// l does not, each once, in language order, with a key naming the list: the languages that
// lack the same pages show one list, which the layouts then draw once.
func (s *Site) untranslated(l *Lang, list func(other *Lang) []*Page) ([]*Page, string) {
	var out []*Page
	seen := map[string]bool{}
	h := sha256.New()
	for _, other := range s.Languages {
		if other == l {
			continue
		}
		for _, p := range list(other) {
			key := p.Source.Key()
			if s.byKey[key][l.Code] != nil || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, p)
			io.WriteString(h, p.URL)
			h.Write([]byte{0})
		}
	}
	if len(out) == 0 {
		return nil, ""
	}
	return out, hex.EncodeToString(h.Sum(nil)[:16])
}

func (s *Site) linkBreadcrumbs() {
	for _, p := range s.Pages {
		switch p.Kind {
		case KindSection, KindTaxonomy, KindStatus, Kind404:
			p.Breadcrumbs = []*Page{p.Lang.Home}
		case KindPage:
			p.Breadcrumbs = []*Page{p.Lang.Home, p.Section}
		case KindTerm:
			p.Breadcrumbs = []*Page{p.Lang.Home, p.Section}
		}
	}
}

// checkURLs reports two pages that would be written to one place.
//
// Addresses that differ only as letters fold (ſlug and slug, σος and σοσ) are reported
// too: on a Mac or Windows, where editors check the site out, they are one folder, and one
// of the two files is lost. Those file systems fold letter by letter (ß is not ss), as
// unicode.SimpleFold does.
func (s *Site) checkURLs(diags *diag.List) {
	seen := map[string]*Page{}
	folded := map[string]*Page{}
	for _, p := range s.Pages {
		out := p.OutputPath()
		prev, same := seen[out]
		if !same {
			prev = folded[simpleFold(out)]
		}
		if prev != nil && prev != p {
			if p.Kind == KindHandout && prev.Kind == KindHandout {
				continue // a handout's address is its guide's and a fixed tail: the guides' is reported
			}
			// Said at the page that chose its address (slug:), or else at a content file.
			at, other := p, prev
			if slugLine(prev) > slugLine(p) {
				at, other = prev, p
			}
			file, hint := addressChosenIn(at)
			if same {
				diags.Errorf(file, slugLine(at), hint, "page URL %s is also used by %s", p.URL, sourcePath(other))
			} else {
				diags.Errorf(file, slugLine(at), hint,
					"page URL %s differs from that of %s (%s) only as letters fold: on a Mac or Windows the two are one folder", at.URL, sourcePath(other), other.URL)
			}
			continue
		}
		seen[out] = p
		folded[simpleFold(out)] = p
	}
}

// FoldName is a path as a Mac or Windows compares names: composed, letters folded. Two paths
// with one FoldName are one file there. Every build folds every path it makes (the static
// files' check): an ASCII path, nearly all of them, is only upper-cased, which is the same
// and eight times as fast.
func FoldName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return simpleFold(norm.NFC.String(s))
		}
	}
	return strings.ToUpper(s)
}

// simpleFold maps each letter of s to the first of the letters it folds with (S, s and ſ
// to S), so two strings that strings.EqualFold finds equal map to the same. And the Turkish
// dotless ı to I: Windows writes it in capitals as I, so kılavuz and kilavuz are one folder
// there, though Unicode does not fold the two.
func simpleFold(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 'ı' {
			return 'I'
		}
		min := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < min {
				min = f
			}
		}
		return min
	}, s)
}

// addressChosenIn is the file where a page's address is chosen, and how to change it: a
// content file's slug, or for a generated page the url. strings of its language.
func addressChosenIn(p *Page) (file, hint string) {
	if p.Source != nil {
		return p.Source.Path, "give one of them another slug: in front matter"
	}
	if p.Lang == nil {
		return "i18n", "give one of them another address in the url. strings"
	}
	return "i18n/" + p.Lang.Code + ".toml", "give one of them another address in the url. strings"
}

func sourcePath(p *Page) string {
	if p.Source != nil {
		return p.Source.Path
	}
	return "(generated " + strings.TrimSuffix(p.URL, "/") + ")"
}

// slugLine is where a page's address is chosen: its slug: line, else the top of its file.
func slugLine(p *Page) int {
	switch {
	case p.Source == nil:
		return 0
	case p.Source.SlugLine > 0:
		return p.Source.SlugLine
	}
	return 1
}

// ByPath returns the page made from a content file.
func (s *Site) ByPath(path string) *Page { return s.bySource[norm.NFC.String(path)] }

// Translation returns the page with the same content in lang, or nil.
func (s *Site) Translation(p *Page, lang string) *Page {
	if p.Lang.Code == lang {
		return p
	}
	for _, t := range p.Translations {
		if t.Lang.Code == lang {
			return t
		}
	}
	return nil
}
