package content

// Common holds the fields every page has. Types embed it inline, so the YAML keys sit at the
// top level of the front matter.
type Common struct {
	Title       string       `yaml:"title"`
	Summary     string       `yaml:"summary"`
	Themes      []string     `yaml:"themes"`
	Audience    []string     `yaml:"audience"`
	Setting     []string     `yaml:"setting"`
	Source      *Source      `yaml:"source"`
	Original    string       `yaml:"original"`
	Translation *Translation `yaml:"translation"`
	Weight      WholeNumber  `yaml:"weight"`
	Slug        string       `yaml:"slug"`
	Draft       bool         `yaml:"draft"`
}

// Source names where a page's facts come from.
type Source struct {
	Document string `yaml:"document"`
	Section  string `yaml:"section"`
}

// Translation is present on a page written in another language than its original.
type Translation struct {
	Status string `yaml:"status"` // draft | reviewed
	Hash   string `yaml:"hash"`   // hash of the original's body when this translation was made
}

// Meta is the typed front matter of one page.
type Meta interface {
	common() *Common
}

func (c *Common) common() *Common { return c }

// Index is the front matter of the home page and of section intros.
type Index struct {
	Common `yaml:",inline"`
}

// Principle is one principle of the manifesto.
type Principle struct {
	Common `yaml:",inline"`
	Number WholeNumber `yaml:"number"`
}

// Guide is an interview or conversation guide, the pages trainers print.
type Guide struct {
	Common       `yaml:",inline"`
	Purpose      string   `yaml:"purpose"`
	Participants string   `yaml:"participants"`
	Duration     string   `yaml:"duration"`
	Materials    []string `yaml:"materials"`
}

// Anchor is a policy anchor point with its concrete recommendation.
type Anchor struct {
	Common     `yaml:",inline"`
	Level      []string `yaml:"level"`
	Region     string   `yaml:"region"`
	InConcreto string   `yaml:"in_concreto"`
}

// Condition is a crucial condition found in one or more pilots.
type Condition struct {
	Common `yaml:",inline"`
	Pilots []string `yaml:"pilots"`
}

// Case is a pilot case story; its fields fill the fact box.
type Case struct {
	Common       `yaml:",inline"`
	Place        string   `yaml:"place"`
	Country      string   `yaml:"country"`
	Institution  string   `yaml:"institution"`
	Period       string   `yaml:"period"`
	Facilitators string   `yaml:"facilitators"`
	Figures      []Figure `yaml:"figures"`
}

// Figure is one key figure of a case's fact box.
type Figure struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// Background is a background page (type "page"); the glossary may list synonym groups that
// search treats as one word.
type Background struct {
	Common   `yaml:",inline"`
	Synonyms [][]string `yaml:"synonyms"`
}

// Types maps a section to its content type.
var sectionTypes = map[string]string{
	"principles": "principle",
	"guides":     "guide",
	"anchors":    "anchor",
	"conditions": "condition",
	"cases":      "case",
	"about":      "page",
}

// Sections lists the sections in their navigation order.
func Sections() []string {
	return []string{"principles", "guides", "anchors", "conditions", "cases", "about"}
}

// TypeOf returns the content type of a section ("" when the section is unknown).
func TypeOf(section string) string { return sectionTypes[section] }

// Types lists the content types that have their own front matter.
func Types() []string {
	return []string{"principle", "guide", "anchor", "condition", "case", "page"}
}

// NewMeta returns an empty typed front matter for a content type ("index" for _index files).
func NewMeta(typ string) Meta {
	switch typ {
	case "principle":
		return &Principle{}
	case "guide":
		return &Guide{}
	case "anchor":
		return &Anchor{}
	case "condition":
		return &Condition{}
	case "case":
		return &Case{}
	case "page":
		return &Background{}
	}
	return &Index{}
}
