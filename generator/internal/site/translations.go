package site

import (
	"sort"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
)

// linkOriginals connects each translation to its original and finds the outdated ones: a
// translation records the hash of its original's body when it was made (content.Stamp); a
// different hash now means the original changed since. A draft without a hash is still
// being written and is shown as a draft.
func (s *Site) linkOriginals(diags *diag.List) {
	var missing []string
	for _, p := range s.Pages {
		if p.Source == nil {
			continue
		}
		if c := p.Source.Common(); c.Translation != nil && s.byKey[p.Source.Key()][c.Original] == nil {
			missing = append(missing, p.Source.SourcePath(c.Original))
		}
	}
	s.findOrphans(missing)
	for _, p := range s.Pages {
		if p.Source == nil || p.Source.Common().Translation == nil {
			continue
		}
		c := p.Source.Common()
		orig := s.byKey[p.Source.Key()][c.Original]
		if orig == nil && s.broken[p.Source.SourcePath(c.Original)] {
			continue // its own problems are reported
		}
		if orig == nil {
			s.originalMissing(p, diags)
			continue
		}
		p.Original = orig
		switch {
		case c.Translation.Hash != "":
			p.Outdated = c.Translation.Hash != content.BodyHash(orig.Source.Body)
		case c.Translation.Status == "reviewed":
			// A draft may be unfinished; a reviewed translation says which original it was
			// checked against, or nobody can tell when it falls behind.
			diags.Errorf(p.Source.Path, 1, "run: go run ./generator stamp "+p.Source.Path,
				"front matter: a reviewed translation needs the hash of its original")
		}
	}
}

// originalMissing reports a translation whose original is not published, at its original:
// line.
func (s *Site) originalMissing(p *Page, diags *diag.List) {
	orig := p.Source.SourcePath(p.Source.Common().Original)
	line := max(p.Source.OriginalLine, 1)
	if s.drafts[orig] {
		diags.Errorf(p.Source.Path, line, "publish the original first (remove its draft: true), or mark this translation draft: true too; build --drafts shows both",
			"front matter: the original %s is a draft", orig)
		return
	}
	hint := "write the original first, or set original: to the language of the file this one translates"
	if o := s.orphans[orig]; o.renamedTo != "" {
		hint = o.translationHint(p.Source.Path)
	}
	diags.Errorf(p.Source.Path, line, hint, "front matter: the original %s does not exist", orig)
}

// Translation states, as the report and the page notices name them.
const (
	StateOriginal = "original"
	StateReviewed = "reviewed"
	StateDraft    = "draft"
	StateOutdated = "outdated"
	StateMissing  = "missing"
)

// State is where one page stands in its language.
func (p *Page) State() string {
	c := p.Common()
	switch {
	case c.Translation == nil:
		return StateOriginal
	case p.Outdated:
		return StateOutdated
	default:
		return c.Translation.Status
	}
}

// LangReport is the translation table of one language.
type LangReport struct {
	Lang     *Lang
	Complete []*Page // originals and reviewed, up-to-date translations
	Draft    []*Page
	Outdated []*Page
	Missing  []*Page // pages of other languages with no version in this one (the original is listed)
}

// TranslationReport tells, per language, which pages are complete, draft, outdated or
// missing. Home and section intros count like pages; generated pages do not.
func (s *Site) TranslationReport() []LangReport {
	var keys []string
	for k := range s.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []LangReport
	for _, l := range s.Languages {
		r := LangReport{Lang: l}
		for _, k := range keys {
			versions := s.byKey[k]
			p := versions[l.Code]
			if p == nil {
				r.Missing = append(r.Missing, representative(s, versions))
				continue
			}
			switch p.State() {
			case StateOriginal, StateReviewed:
				r.Complete = append(r.Complete, p)
			case StateDraft:
				r.Draft = append(r.Draft, p)
			case StateOutdated:
				r.Outdated = append(r.Outdated, p)
			}
		}
		out = append(out, r)
	}
	return out
}

// representative picks the version to point to for a missing page: its original if it
// exists, else the first language that has it.
func representative(s *Site, versions map[string]*Page) *Page {
	for _, l := range s.Languages {
		if p := versions[l.Code]; p != nil && p.Common().Translation == nil {
			return p
		}
	}
	for _, l := range s.Languages {
		if p := versions[l.Code]; p != nil {
			return p
		}
	}
	return nil
}

// addStatusPages makes, per language, the editors' page with the translation table.
func (s *Site) addStatusPages() {
	for _, l := range s.Languages {
		l.Status = &Page{Kind: KindStatus, Lang: l, Title: label(l, "status.title"), Summary: label(l, "status.summary"),
			URL: "/" + l.Code + "/" + label(l, "url.status") + "/"}
		s.Pages = append(s.Pages, l.Status)
	}
	for _, l := range s.Languages {
		for _, other := range s.Languages {
			if other != l {
				addOnce(l.Status, other.Status)
			}
		}
	}
}
