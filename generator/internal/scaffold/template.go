package scaffold

import (
	"bytes"
	"strings"
	"text/template"

	"github.com/educare-handbook/handbook/generator/internal/content"
)

// Page is what the template of a new page needs.
type Page struct {
	Type     string
	Lang     string
	Original string // the language the page was first written in
	Number   int    // principles: the next free number
	Vocab    map[string]content.Vocabulary
}

// Pick is a placeholder value from a vocabulary: prefer when it exists, else the first key.
func (p Page) Pick(field, prefer string) string {
	if ks := keys(p.Vocab[field], prefer); len(ks) > 0 {
		return ks[0]
	}
	return prefer
}

// Known lists the keys a field allows, for its comment.
func (p Page) Known(field string) string {
	return strings.Join(keys(p.Vocab[field], ""), ", ")
}

// Render returns the new file. Every value is a placeholder that the build accepts, so the
// page builds (as a draft) before the editor has filled anything in.
func Render(p Page) []byte {
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, p); err != nil {
		panic(err) // the template is a constant; the tests run it for every type
	}
	return b.Bytes()
}

var pageTemplate = template.Must(template.New("page").Parse(`---
# A new {{.Type}}. Replace every value below and write the page under the second "---".
# Remove "draft: true" when the page is ready, then run: go run ./generator check
# Put text in "double quotes" when it contains ": " or starts with a quote or bracket.

# Required: the page's title, its only top heading.
title: "Title of the page"
# Required: one or two sentences that say what the reader gets from this page.
summary: "What the reader gets from this page."
# Required, one or more of: {{.Known "themes"}}
themes: [{{.Pick "themes" "collaboration"}}]
# Required, one or more of: {{.Known "audience"}}
audience: [{{.Pick "audience" "teachers"}}]
# Optional, one or more of: {{.Known "setting"}}
# setting: [{{.Pick "setting" "preschool"}}]
# Required: where the facts come from. document is one of: {{.Known "source"}}
source:
  document: {{.Pick "source" "handbook"}}
  section: "Chapter, section or page in that document"
# The language this page was first written in.
original: {{.Original}}
# On a translation only (see the README):
# translation: {status: draft}
# Optional: the order within the section (lower first).
# weight: 10
# Optional: the last part of the web address, when it differs from the file name.
# slug: other-name
# Remove this line to publish the page.
draft: true
{{- if eq .Type "principle"}}
# Required: the principle's number in the manifesto.
number: {{.Number}}
{{- else if eq .Type "guide"}}
# Required: what this guide helps you do, in one sentence.
purpose: "What this guide helps you do."
# Required: who takes part.
participants: "Two team members and one parent"
# Required: how long it takes, preparation included.
duration: "45 minutes; 1 hour to prepare"
# Required: one or more things to bring.
materials: ["Note paper"]
{{- else if eq .Type "anchor"}}
# Required, one or more of: {{.Known "level"}}
level: [{{.Pick "level" "school"}}]
# Required, one of: {{.Known "region"}}
region: {{.Pick "region" "flanders"}}
# Required: the concrete recommendation, in one or two sentences (shown as a box).
in_concreto: "The concrete recommendation."
{{- else if eq .Type "condition"}}
# Required, one or more of: {{.Known "pilots"}}
pilots: [{{.Pick "pilots" "brussels"}}]
{{- else if eq .Type "case"}}
# Required: the fact box.
place: "Town, region"
country: "Belgium"
institution: "The setting, in words"
period: "September 2018 – June 2019"
# Optional: who guided the pilot.
facilitators: "Who guided the pilot"
# Required: the key figures of the fact box, exact; add a label and value per figure.
figures:
  - label: "Pupils"
    value: "0"
{{- else if eq .Type "page"}}
# Optional, on the glossary only: groups of words that mean the same (for search).
# synonyms:
#   - [word, other word]
{{- end}}
---

## First heading

Write the page here. Headings start at "##": the title above is the page's only "#".
`))
