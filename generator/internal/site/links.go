package site

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/educare-handbook/handbook/generator/internal/diag"
)

// LinkProblem is what is wrong with one link, for the caller to report at the link's line.
type LinkProblem struct {
	Message, Hint string
}

// AnchorCheck is a link to a heading of another page; it can only be checked once every page
// is rendered, so ResolveLink hands it back instead.
type AnchorCheck struct {
	From   *Page
	Target *Page
	ID     string
	Line   int
}

// ResolveLink turns a link as written in p's Markdown into the URL to publish. A link to a
// content file becomes that page's URL. staticFile says what is wrong with a link to a file
// of static/ ("" when it is published at that path). It only reads the model, so pages may
// resolve their links in parallel.
func (s *Site) ResolveLink(p *Page, dest string, isImage bool, alt string, staticFile func(string) LinkProblem) (string, *AnchorCheck, []LinkProblem) {
	var problems []LinkProblem
	fail := func(hint, msg string) (string, *AnchorCheck, []LinkProblem) {
		return dest, nil, append(problems, LinkProblem{msg, hint})
	}
	if isImage && strings.TrimSpace(alt) == "" {
		problems = append(problems, LinkProblem{"image without alt text",
			"describe the image for readers who cannot see it: ![A teacher and a parent at the gate](/images/gate.jpg)"})
	}
	if strings.TrimSpace(dest) == "" {
		return fail("write where the link goes between the brackets: [text](../guides/asking-new-parents.en.md)", "link without a destination")
	}
	u, err := url.Parse(dest)
	if err != nil {
		return fail("check the address for spaces or stray characters", "malformed link "+quote(dest)+": "+err.Error())
	}
	if u.Scheme != "" || strings.HasPrefix(dest, "//") {
		switch u.Scheme {
		case "http", "https":
			if isImage {
				// The Content-Security-Policy (netlify.toml) lets pages show only the site's own
				// images: this one would be a broken image for every reader.
				return fail("download it (if its licence allows) into static/images/ and link it as /images/name.jpg",
					"image from another site "+quote(dest))
			}
			if u.Host == "" {
				return fail("write a full address such as https://example.org/page", "malformed external link "+quote(dest))
			}
		case "mailto", "tel":
			return fail("the handbook shows no personal contact details; link to an organisation's web page instead", "contact link "+quote(dest))
		case "":
			return fail("write the address with https: in front", "link without https: "+quote(dest))
		default:
			return fail("only http and https links are allowed", "link with scheme "+quote(u.Scheme))
		}
		return dest, nil, problems
	}
	if strings.HasPrefix(dest, "#") {
		return dest, &AnchorCheck{From: p, Target: p, ID: u.Fragment}, problems
	}
	if strings.HasPrefix(u.Path, "/") {
		if clean := path.Clean(u.Path); clean != u.Path && strings.Contains(u.Path, "..") {
			return fail("write the path from the site's root, without ..: /images/name.jpg", "link "+quote(dest)+" goes up with ..")
		}
		if strings.HasPrefix(u.Path, "/content/") && path.Ext(u.Path) == ".md" {
			// As written (%20 stays %20), with its #heading; a query is refused on its own.
			rel, _ := relativePath(path.Dir(p.Source.Path), strings.TrimPrefix(u.EscapedPath(), "/"))
			if u.Fragment != "" {
				rel += "#" + u.EscapedFragment()
			}
			return fail("write it from this page's folder: "+rel, "link "+quote(dest)+" to a page is written from the repository's root")
		}
		if isImage || path.Ext(u.Path) != "" {
			if problem := staticFile(strings.TrimPrefix(u.Path, "/")); problem.Message != "" {
				return dest, nil, append(problems, problem)
			}
			return dest, nil, problems
		}
		return fail("link to the page's source file instead, e.g. ../guides/asking-new-parents.en.md, so the link follows the page when its URL changes",
			"link to a site path "+quote(dest))
	}
	if isImage {
		return fail("put images in static/images/ and link them as /images/name.jpg", "image path "+quote(dest)+" is relative")
	}
	if path.Ext(u.Path) != ".md" {
		return fail("link to the source file of the page, e.g. ../guides/asking-new-parents.en.md", "link "+quote(dest)+" does not point to a page's .md file")
	}
	if u.RawQuery != "" {
		return fail("write the link without it: a page of the site reads no query", "link "+quote(dest)+" has a query (?"+u.RawQuery+")")
	}
	target := path.Join(path.Dir(p.Source.Path), u.Path)
	target = norm.NFC.String(target)
	tp := s.bySource[target]
	if tp == nil && s.broken[target] {
		return dest, nil, problems // the target's own problems are reported; this link waits for them
	}
	if tp == nil && s.drafts[target] {
		return fail("publish it first by removing draft: true, or link to another page meanwhile; build --drafts shows drafts with their links",
			"link to "+target+", a draft, which is left out of the site")
	}
	if tp == nil {
		hint := "check the file name; pages are content/<section>/<slug>.<lang>.md"
		if o, ok := s.orphans[target]; ok {
			hint = o.linkHint()
		} else if other := s.existingTranslation(target); other != "" {
			hint = "that page exists as " + other + "; link to it, or write the missing translation"
		}
		return fail(hint, "link to a missing page "+target)
	}
	if u.Fragment == "" {
		return tp.URL, nil, problems
	}
	return tp.URL + "#" + u.Fragment, &AnchorCheck{From: p, Target: tp, ID: u.Fragment}, problems
}

// CheckAnchors reports links to headings that do not exist, once every page has its headings.
func CheckAnchors(checks []AnchorCheck, diags *diag.List) {
	for _, c := range checks {
		if c.Target.HasAnchor(c.ID) {
			continue
		}
		if c.Target == c.From {
			diags.Errorf(c.From.Source.Path, c.Line, "headings of this page: "+headingList(c.Target), "link to a missing heading #%s", c.ID)
			continue
		}
		diags.Errorf(c.From.Source.Path, c.Line, "headings of "+c.Target.Source.Path+": "+headingList(c.Target),
			"link to a missing heading #%s in %s", c.ID, c.Target.Source.Path)
	}
}

// relativePath is target written from the folder from, both slash paths from the site root
// (target itself when there is no way from one to the other).
func relativePath(from, target string) (string, bool) {
	rel, err := filepath.Rel(filepath.FromSlash(from), filepath.FromSlash(target))
	if err != nil {
		return target, false
	}
	return filepath.ToSlash(rel), true
}

func quote(s string) string { return `"` + s + `"` }

// existingTranslation finds the same slug in another language, for a helpful hint.
func (s *Site) existingTranslation(target string) string {
	stem, _, ok := cutLang(target)
	if !ok {
		return ""
	}
	for _, l := range s.Languages {
		cand := stem + "." + l.Code + ".md"
		if s.bySource[norm.NFC.String(cand)] != nil {
			return cand
		}
	}
	return ""
}

func headingList(p *Page) string {
	if len(p.Headings) == 0 {
		return "(none)"
	}
	var ids []string
	for _, h := range p.Headings {
		ids = append(ids, "#"+h.ID)
	}
	return strings.Join(ids, ", ")
}
