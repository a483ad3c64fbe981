package content

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/educare-handbook/handbook/generator/internal/diag"
)

// validate checks what the YAML decoder cannot: required fields, allowed keys, ranges.
func validate(p *Page, fm *frontMatter, opts Options, diags *diag.List) {
	if bytes.Contains(fm.src, []byte("<<")) {
		mergeKeys(p, fm, diags)
	}
	c := p.Common()
	missing := func(field, example string) {
		if emptyField(p, fm, field, example, diags) {
			return
		}
		diags.Errorf(p.Path, 1, "add a line such as: "+example, "front matter: missing %q", field)
	}
	if strings.TrimSpace(c.Title) == "" {
		missing("title", "title: Asking new parents")
	}
	if strings.TrimSpace(c.Summary) == "" {
		missing("summary", "summary: One or two sentences on what the reader gets from this page.")
	}
	if p.Type == "home" || p.Type == "section" {
		// An _index page's address and place are the section's: these fields would be read
		// and do nothing.
		for _, f := range []struct {
			name string
			set  bool
		}{{"slug", c.Slug != ""}, {"weight", c.Weight != 0}} {
			if f.set {
				diags.Errorf(p.Path, fm.line(f.name), "remove it: a section's address comes from url.* in i18n/"+p.Lang+".toml, and its page is always there",
					"front matter: %s: has no effect on an _index page", f.name)
			}
		}
	}
	// Composed, as file names are: "café" typed on a Mac may arrive as e and an accent, an
	// address nobody types, and one folder with the composed one on a Mac.
	c.Slug = norm.NFC.String(c.Slug)
	switch {
	case c.Slug != "" && !ValidSlug(c.Slug):
		diags.Errorf(p.Path, fm.line("slug"), "use lower-case letters, digits and single hyphens, e.g. ouders-bevragen",
			"front matter: slug %q is not a valid URL segment", c.Slug)
	case len(c.Slug) > MaxSlugBytes:
		diags.Errorf(p.Path, fm.line("slug"), slugLengthHint, "front matter: slug is %d bytes long, more than %d", len(c.Slug), MaxSlugBytes)
	case ReservedOnWindows(c.Slug):
		diags.Errorf(p.Path, fm.line("slug"), windowsHint, "front matter: slug %q is a device name on Windows", c.Slug)
	}
	knownOriginal := c.Original == "" || contains(opts.Languages, c.Original)
	if !knownOriginal {
		diags.Errorf(p.Path, fm.line("original"), "known languages: "+strings.Join(opts.Languages, ", "),
			"front matter: original language %q is unknown", c.Original)
	}
	if c.Translation != nil {
		if c.Original == "" || c.Original == p.Lang {
			diags.Errorf(p.Path, fm.line("translation"), "a translation names its original, e.g. original: en; remove translation: on the original",
				"front matter: translation: on a page whose original is not another language")
		}
		if c.Translation.Status != "draft" && c.Translation.Status != "reviewed" {
			diags.Errorf(p.Path, fm.line("translation.status"), "write status: draft or status: reviewed",
				"front matter: translation status %q is unknown", c.Translation.Status)
		}
	} else if c.Original != "" && c.Original != p.Lang && knownOriginal {
		// (An unknown original is most likely a typo for the page's own language: said above.)
		diags.Errorf(p.Path, fm.line("original"), "add translation: {status: draft} to a translation",
			"front matter: this page's original is %q but it has no translation: status", c.Original)
	}
	checkKeys(p, fm, opts, "setting", c.Setting, diags)
	if p.IsIndex() {
		checkKeys(p, fm, opts, "themes", c.Themes, diags)
		checkKeys(p, fm, opts, "audience", c.Audience, diags)
		return
	}
	if len(c.Themes) == 0 {
		missing("themes", "themes: [collaboration]")
	}
	if len(c.Audience) == 0 {
		missing("audience", "audience: [teachers]")
	}
	checkKeys(p, fm, opts, "themes", c.Themes, diags)
	checkKeys(p, fm, opts, "audience", c.Audience, diags)
	if c.Source == nil || c.Source.Document == "" {
		field := "source"
		if c.Source != nil {
			field = "source.document" // source: {document: ~}
		}
		missing(field, "source: {document: parent-school-book, section: \"Chapter 2\"}")
	} else {
		checkKeys(p, fm, opts, "source", []string{c.Source.Document}, diags)
		if strings.TrimSpace(c.Source.Section) == "" {
			missing("source.section", "  section: \"6.2, anchor point 4\"")
		}
	}
	validateType(p, fm, opts, diags)
}

// mergeKeys reports YAML merge keys (<<: {weight: 3}): a field they bring in is silently
// overridden by one written beside it, where a field written twice is an error.
func mergeKeys(p *Page, fm *frontMatter, diags *diag.List) {
	fm.lineOf("") // fills fm.lines
	var paths []string
	for path := range fm.lines {
		// also "!!merge <<" and "? <<" on a line of its own
		if key := path[strings.LastIndexByte(path, '.')+1:]; strings.Contains(key, "<<") {
			paths = append(paths, path)
		}
	}
	sort.Strings(paths)
	reported := map[int]bool{} // "<<: [a, b]" is "<<", "<<[0]" and "<<[1]", all on one line
	for _, path := range paths {
		if line := fm.lines[path]; !reported[line] {
			reported[line] = true
			diags.Errorf(p.Path, line, mergeHint, "front matter: merge key (<<)")
		}
	}
}

// mergeHint is what to do about a merge key.
const mergeHint = "write the fields out, each once"

// emptyField reports a required field that is written but empty (themes: [], title: ~),
// at its line, and says whether it did: "missing, add a line" would have the editor write the
// field twice.
func emptyField(p *Page, fm *frontMatter, field, example string, diags *diag.List) bool {
	line, ok := fm.lineOf(field)
	if !ok {
		return false
	}
	diags.Errorf(p.Path, line, "write its value, e.g. "+strings.TrimSpace(example), "front matter: %q is empty", field)
	return true
}

func validateType(p *Page, fm *frontMatter, opts Options, diags *diag.List) {
	missingIf := func(empty bool, field, example string) {
		if empty && !emptyField(p, fm, field, example, diags) {
			diags.Errorf(p.Path, 1, "add a line such as: "+example, "front matter: a %s needs %q", p.Type, field)
		}
	}
	switch m := p.Meta.(type) {
	case *Principle:
		if m.Number < 1 {
			diags.Errorf(p.Path, fm.line("number"), "add number: 1 (the principle's number in the manifesto)", "front matter: a principle needs a number of 1 or more")
		}
	case *Guide:
		missingIf(strings.TrimSpace(m.Purpose) == "", "purpose", "purpose: What this guide helps you do.")
		missingIf(strings.TrimSpace(m.Participants) == "", "participants", "participants: Two team members and one parent")
		missingIf(strings.TrimSpace(m.Duration) == "", "duration", "duration: 45 minutes")
		missingIf(len(m.Materials) == 0, "materials", "materials: [Note paper]")
	case *Anchor:
		missingIf(len(m.Level) == 0, "level", "level: [flemish, school]")
		missingIf(m.Region == "", "region", "region: flanders")
		missingIf(strings.TrimSpace(m.InConcreto) == "", "in_concreto", "in_concreto: The concrete recommendation.")
		checkKeys(p, fm, opts, "level", m.Level, diags)
		if m.Region != "" {
			checkKeys(p, fm, opts, "region", []string{m.Region}, diags)
		}
	case *Condition:
		missingIf(len(m.Pilots) == 0, "pilots", "pilots: [brussels]")
		checkKeys(p, fm, opts, "pilots", m.Pilots, diags)
	case *Case:
		missingIf(m.Place == "", "place", "place: Anderlecht, Brussels")
		missingIf(m.Country == "", "country", "country: Belgium")
		missingIf(m.Institution == "", "institution", "institution: Primary school with a preschool department")
		missingIf(m.Period == "", "period", "period: September 2018 – June 2019")
		missingIf(len(m.Figures) == 0, "figures", "figures: [{label: Pupils, value: \"184\"}]")
		for i, f := range m.Figures {
			if f.Label == "" || f.Value == "" {
				diags.Errorf(p.Path, fm.line(fmt.Sprintf("figures[%d]", i)), "each figure has a label and a value", "front matter: figure %d is incomplete", i+1)
			}
		}
	}
}

// checkKeys reports every value that is not in the field's vocabulary, at its own line.
func checkKeys(p *Page, fm *frontMatter, opts Options, field string, values []string, diags *diag.List) {
	vocab, ok := opts.Vocabulary[field]
	if !ok {
		return
	}
	yamlPath := field
	switch field {
	case "source":
		yamlPath = "source.document"
	}
	seen := map[string]bool{}
	for i, v := range values {
		if seen[v] {
			diags.Errorf(p.Path, fm.line(fmt.Sprintf("%s[%d]", yamlPath, i)), "remove the repeated value", "front matter: %s lists %q twice", field, v)
		}
		seen[v] = true
		if vocab[v] {
			continue
		}
		line := fm.line(fmt.Sprintf("%s[%d]", yamlPath, i))
		if line == 1 {
			line = fm.line(yamlPath)
		}
		diags.Errorf(p.Path, line, "known "+field+": "+strings.Join(keysOf(vocab), ", ")+" (a new term needs a label in every i18n/ file)",
			"front matter: unknown %s %q", field, v)
	}
}

func keysOf(v Vocabulary) []string {
	out := make([]string, 0, len(v))
	for k := range v {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
