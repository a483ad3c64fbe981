package build

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// inventory is every page the handbook must have (../shared/CONTENT.md), by section.
var inventory = map[string][]string{
	"principles": {"_index", "reciprocity", "listening-to-parents", "empowerment", "open-process", "alliances",
		"well-being-and-cohesion", "school-takes-first-step"},
	"guides": {"_index", "why-ask-parents", "asking-new-parents", "focus-group-with-parents", "visual-support",
		"who-asks-the-questions", "parent-conversation-checklist", "feedback-to-parents", "asking-teachers",
		"quick-poll", "learning-communities", "team-reflection-sessions", "final-team-focus-group"},
	"anchors": {"_index", "visible-assistants", "educare-cooperation", "democratic-leadership", "workable-work",
		"diverse-teams", "training-together", "danish-anchor-points"},
	"conditions": {"_index", "professional-identity-ownership", "multiperspectivity", "facilitator-safe-space",
		"leadership", "shared-language", "trust", "respect-for-context", "participation", "tailor-made-path",
		"eye-opening-visits", "documenting-change", "knowledge-of-change", "care-and-self-care",
		"shared-vision-into-action", "curriculum-care-and-learning", "child-free-hours", "more-hands-smaller-groups"},
	"cases": {"_index", "the-chameleon", "maria-boodschap", "dagtilbud-nordost", "mechelen", "menen",
		"antwerp-kiel", "ghent", "brussels-network", "willebroek"},
	"about": {"_index", "about-the-handbook", "flemish-context", "pedagogical-coach",
		"ghent-pedagogical-guidance", "glossary", "editors-guide"},
}

var markup = regexp.MustCompile(`\]\([^)]*\)|[#>*_\[\]|` + "`" + `]|\[![A-Z-]+\]`)

// TestRealHandbook builds the repository's own content: no errors or warnings, every page
// of the inventory in English and Dutch, each with a real body.
func TestRealHandbook(t *testing.T) {
	root := sitetest.RepoRoot(t)
	res, err := Build(Options{Root: root, Out: filepath.Join(t.TempDir(), "public"), BaseURL: "https://handbook.example/"})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diags.Items())
	}
	for _, d := range res.Diags.Items() {
		t.Errorf("warning: %s", d)
	}
	for section, slugs := range inventory {
		for _, slug := range slugs {
			for _, lang := range []string{"en", "nl"} {
				file := "content/" + section + "/" + slug + "." + lang + ".md"
				src := sitetest.Read(t, root, file)
				_, body, _ := strings.Cut(strings.TrimPrefix(src, "---"), "\n---")
				words := len(strings.Fields(markup.ReplaceAllString(body, " ")))
				min := 150
				if section == "guides" || section == "cases" {
					min = 400
				}
				if slug == "_index" {
					min = 100
				}
				if words < min {
					t.Errorf("%s: %d words of body, want at least %d", file, words, min)
				}
			}
		}
	}
}

// TestNoSentenceIsCopiedFromTheSources checks the handbook's own words: no run of seven words
// of a page stands in one of the source documents (../shared/seeds, beside the repository).
func TestNoSentenceIsCopiedFromTheSources(t *testing.T) {
	root := sitetest.RepoRoot(t)
	seeds, _ := filepath.Glob(filepath.Join(root, "..", "shared", "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Skip("no source documents beside the repository (../shared/seeds)")
	}
	const n = 7
	runs := map[string]bool{}
	for _, s := range seeds {
		w := words(sitetest.Read(t, filepath.Dir(s), filepath.Base(s)))
		for i := 0; i+n <= len(w); i++ {
			runs[strings.Join(w[i:i+n], " ")] = true
		}
	}
	pages, _ := filepath.Glob(filepath.Join(root, "content", "*", "*.md"))
	home, _ := filepath.Glob(filepath.Join(root, "content", "*.md"))
	for _, p := range append(pages, home...) {
		w := words(sitetest.Read(t, filepath.Dir(p), filepath.Base(p)))
		for i := 0; i+n <= len(w); i++ {
			if run := strings.Join(w[i:i+n], " "); runs[run] {
				rel, _ := filepath.Rel(root, p)
				t.Errorf("%s: copied from a source: %q", rel, run)
				i += n
			}
		}
	}
}

var (
	wordPattern = regexp.MustCompile(`[\p{L}\p{N}']+`)
	// Markup is not words: box markers ("[!IN-CONCRETO]") and front matter keys ("in_concreto:").
	boxMarker = regexp.MustCompile(`\[![A-Za-z-]+\]|(?m)^\s*[a-z_]+:`)
)

func words(s string) []string {
	s = boxMarker.ReplaceAllString(s, " ")
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(s))
	return wordPattern.FindAllString(s, -1)
}
