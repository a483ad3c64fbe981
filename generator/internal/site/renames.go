package site

import (
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/educare-handbook/handbook/generator/internal/content"
)

// orphan is what is left of a page that is gone while its translations remain: most often
// it was renamed and they were not. A translation records the hash of its original's body
// (content.Stamp), so a page of the original's language with that body is the new name.
type orphan struct {
	translations []string // content files that still name the missing page as their original
	renamedTo    string   // the page the original became, when its body tells
}

// findOrphans fills s.orphans, before Markdown is rendered: a one-off build drops each
// page's source as soon as it is drawn, and the bodies are what tells a rename.
func (s *Site) findOrphans(missing []string) {
	s.orphans = map[string]orphan{}
	var byHash map[string]string // "lang hash" → content file, made on first need
	for _, target := range missing {
		if _, done := s.orphans[target]; done {
			continue // two translations of one original
		}
		stem, lang, ok := cutLang(target)
		if !ok {
			continue
		}
		var o orphan
		var hashes []string
		for _, l := range s.Languages {
			t := s.bySource[norm.NFC.String(stem+"."+l.Code+".md")]
			if t == nil || t.Source == nil || t.Source.Common().Original != lang {
				continue
			}
			o.translations = append(o.translations, t.Source.Path)
			if tr := t.Source.Common().Translation; tr != nil && tr.Hash != "" {
				hashes = append(hashes, tr.Hash)
			}
		}
		if len(hashes) > 0 && byHash == nil {
			byHash = map[string]string{}
			for _, p := range s.Pages {
				// Only an original can be the renamed original; the first of equal bodies.
				if p.Source != nil && p.Source.Common().Translation == nil {
					key := p.Lang.Code + " " + content.BodyHash(p.Source.Body)
					if _, seen := byHash[key]; !seen {
						byHash[key] = p.Source.Path
					}
				}
			}
		}
		for _, h := range hashes {
			if p := byHash[lang+" "+h]; p != "" {
				o.renamedTo = p
				break
			}
		}
		if len(o.translations) > 0 {
			s.orphans[target] = o
		}
	}
}

// cutLang splits "content/guides/x.en.md" into "content/guides/x" and "en".
func cutLang(file string) (stem, lang string, ok bool) {
	base, ok := strings.CutSuffix(file, ".md")
	dot := strings.LastIndexByte(base, '.')
	if !ok || dot < 0 || dot < strings.LastIndexByte(base, '/') {
		return "", "", false
	}
	return base[:dot], base[dot+1:], true
}

// linkHint says what to do about a link to a renamed or removed original.
func (o orphan) linkHint() string {
	if o.renamedTo != "" {
		return "it was renamed " + o.renamedTo + ": link to that, and rename its translations to match: " + strings.Join(o.translations, ", ")
	}
	return "it is gone, but not its translations: if it was renamed, link to the new name and rename them to match; if it was removed, remove them too: " + strings.Join(o.translations, ", ")
}

// translationHint says what to do about the file of a translation whose original is gone.
func (o orphan) translationHint(file string) string {
	if o.renamedTo == "" {
		return ""
	}
	newStem, _, _ := cutLang(o.renamedTo)
	_, lang, _ := cutLang(file)
	if path.Dir(newStem) != path.Dir(file) {
		return "the original was moved to " + o.renamedTo + ": move this file to " + newStem + "." + lang + ".md"
	}
	return "the original was renamed " + o.renamedTo + ": rename this file " + path.Base(newStem) + "." + lang + ".md"
}
