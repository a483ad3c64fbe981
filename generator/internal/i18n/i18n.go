// Package i18n owns the UI strings of every language, read from i18n/<lang>.toml: the
// language's own name, text direction and locale, the strings with CLDR plural forms
// (through go-i18n), and the vocabularies (theme, audience, … labels) that front matter may
// use. A missing string is an error naming the key and the language, never an empty string.
// Everything that can be wrong with a UI string (a plural form the language lacks or does
// not have, a template that does not parse or asks for more than .Count) is reported when
// the files are read, at the line of the file that holds it.
package i18n

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template"
	tparse "text/template/parse"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/work"
)

// DefaultLanguage is the language whose keys every other language must have.
const DefaultLanguage = "en"

// Language is one language of the site.
type Language struct {
	Code   string // "nl"; the file name and the URL prefix
	Name   string // its own name: "Nederlands"
	Dir    string // "ltr" or "rtl"
	Locale string // BCP 47 tag for dates and numbers: "nl-BE"
	Weight int    // order in the language switcher
	// Partial languages hold a few pages (such as parents' question sheets), not the whole
	// handbook: a page missing in them is not a problem to report.
	Partial bool
	tag     language.Tag
	loc     *goi18n.Localizer
	keys    map[string]bool   // every key
	plural  map[string]bool   // keys with plural forms
	counted map[string]bool   // keys with plural forms or a {{.Count}}: T cannot give them their number
	plain   map[string]string // keys without plural forms or placeholders: their text, ready
	file    string
	// lines maps each key of file ("count.pages.one" too) to its line; read only when a
	// problem is reported, since a sound file needs none.
	lines func() map[string]int
}

// setText sets *field to v when v is text, and says whether it was.
func setText(field *string, v any) bool {
	text, ok := v.(string)
	if ok {
		*field = text
	}
	return ok
}

// languageFieldHints show each field of [language] as it is written.
var languageFieldHints = map[string]string{
	"name": `write its own name in quotes: name = "Nederlands"`, "dir": `write dir = "ltr" or dir = "rtl"`,
	"locale": `write a tag in quotes: locale = "nl-BE"`, "weight": "write a whole number without quotes: weight = 2",
	"partial": "write partial = true or partial = false, without quotes",
}

// Catalog holds every language, ordered by weight then code.
type Catalog struct {
	Languages []*Language
	byCode    map[string]*Language
}

// formNames are the CLDR plural categories, in CLDR's order; a table holding only these is
// one plural message.
var formNames = []string{"zero", "one", "two", "few", "many", "other"}

// Load reads every i18n/*.toml of fsys. Problems go to diags.
func Load(fsys fs.FS, diags *diag.List) *Catalog {
	c := &Catalog{byCode: map[string]*Language{}}
	files, err := fs.Glob(fsys, "i18n/*.toml")
	if err != nil || len(files) == 0 {
		diags.Errorf("i18n", 0, "add i18n/en.toml with the English UI strings", "no languages: i18n/ has no .toml file")
		return c
	}
	files = slices.DeleteFunc(files, func(f string) bool {
		return strings.HasPrefix(path.Base(f), ".") // an editor's lock or backup file (.#nl.toml), not a language
	})
	// On all cores: asking go-i18n for the plural forms of each language takes a few
	// hundred look-ups (pluralForms), and every build waits for the languages.
	loaded := make([]*Language, len(files))
	work.Each(len(files), func(i int) { loaded[i] = loadFile(fsys, files[i], diags) })
	for _, l := range loaded {
		if l != nil {
			c.Languages = append(c.Languages, l)
			c.byCode[l.Code] = l
		}
	}
	sort.SliceStable(c.Languages, func(i, j int) bool {
		a, b := c.Languages[i], c.Languages[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Code < b.Code
	})
	if c.byCode[DefaultLanguage] == nil && slices.Contains(files, "i18n/"+DefaultLanguage+".toml") {
		return c // the default language's file is there, and its own errors say why it was not read
	}
	c.checkComplete(diags)
	return c
}

func loadFile(fsys fs.FS, file string, diags *diag.List) *Language {
	code := strings.TrimSuffix(path.Base(file), ".toml")
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		diags.Errorf(file, 0, "", "cannot read: %v", err)
		return nil
	}
	// Notepad on Windows starts a UTF-8 file with a byte order mark, which the TOML reader
	// takes for the start of a key.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	var raw map[string]any
	if err := toml.Unmarshal(src, &raw); err != nil {
		line := 0
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ = de.Position()
		}
		diags.Errorf(file, line, "check the TOML syntax: key = \"text\"", "%v", err)
		return nil
	}
	tag, err := language.Parse(code)
	if err != nil {
		diags.Errorf(file, 0, "name the file after a language code, e.g. nl.toml", "%q is not a language code", code)
		return nil
	}
	if canonical := tag.String(); canonical != code && strings.EqualFold(canonical, code) {
		// The code is the URL prefix and the file suffix of every page: EN.toml beside
		// en.toml would make a second English under /EN/. (Only the letter case counts:
		// language tags also rename some valid codes, tl to fil.)
		diags.Errorf(file, 0, "rename the file "+canonical+".toml", "%q is not written as a language code is (%s)", code, canonical)
		return nil
	}
	l := &Language{Code: code, Locale: code, tag: tag, keys: map[string]bool{}, plural: map[string]bool{}, counted: map[string]bool{}, plain: map[string]string{},
		file: file, lines: sync.OnceValue(func() map[string]int { return keyLines(src) })}
	if meta, ok := raw["language"].(map[string]any); ok {
		// Each field of its kind: a weight = "1" read as nothing would reorder the switcher
		// without a word.
		for key, v := range meta {
			var ok bool
			switch key {
			case "name":
				ok = setText(&l.Name, v)
			case "dir":
				ok = setText(&l.Dir, v)
			case "locale":
				ok = setText(&l.Locale, v)
				if _, err := language.Parse(l.Locale); ok && err != nil {
					diags.Errorf(file, l.line("language.locale"), `write a BCP 47 tag, such as locale = "nl-BE"`, "[language] locale %q is not a language tag", l.Locale)
				}
			case "weight":
				var w int64
				w, ok = v.(int64)
				l.Weight = int(w)
			case "partial":
				l.Partial, ok = v.(bool)
			default:
				diags.Errorf(file, l.line("language."+key), "the fields of [language] are name, dir, locale, weight and partial", "[language] has an unknown field %q", key)
				continue
			}
			if !ok {
				diags.Errorf(file, l.line("language."+key), languageFieldHints[key], "[language] %s = %#v is not of its kind", key, v)
			}
		}
		delete(raw, "language")
	}
	if l.Name == "" {
		diags.Errorf(file, 0, "add [language] with name = \"…\" (the language's own name)", "missing language name")
	}
	l.checkDirection(diags)
	bundle := goi18n.NewBundle(tag)
	var msgs []*goi18n.Message
	flatten("", raw, func(id string, v any) {
		m := &goi18n.Message{ID: id}
		switch v := v.(type) {
		case string:
			m.Other = v
			l.checkTemplate(id, id, v, diags)
			l.counted[id] = strings.Contains(v, ".Count")
		case map[string]any:
			l.plural[id] = true
			l.counted[id] = true
			for form, text := range v {
				s, ok := text.(string)
				if !ok {
					diags.Errorf(file, l.line(id+"."+form), `write `+form+` = "text"`, "UI string %q: %s = %#v is not text", id, form, text)
					continue
				}
				l.checkTemplate(id, id+"."+form, s, diags)
				*formField(m, form) = s
			}
		default:
			diags.Errorf(file, l.line(id), "write key = \"text\"", "key %q: expected text, got %T", id, v)
			return
		}
		l.keys[id] = true
		if s, ok := v.(string); ok && !strings.Contains(s, "{{") {
			l.plain[id] = s
		}
		msgs = append(msgs, m)
	})
	if err := bundle.AddMessages(tag, msgs...); err != nil {
		diags.Errorf(file, 0, "", "%v", err)
		return nil
	}
	l.loc = goi18n.NewLocalizer(bundle, code)
	l.checkPluralForms(msgs, diags)
	return l
}

// checkDirection sets the text direction the locale's script is written in when the file
// does not say it, and refuses one that contradicts the script: a Persian handbook published
// left to right puts every full stop at the wrong end of its line. Where the script is only
// likely (Kurdish is written in Latin and in Arabic letters), the file's dir stands.
func (l *Language) checkDirection(diags *diag.List) {
	tag, err := language.Parse(l.Locale)
	if err != nil {
		tag = l.tag // reported above
	}
	script, confidence := tag.Script()
	want := ""
	if confidence != language.No {
		want = "ltr"
		if rightToLeft[script.String()] {
			want = "rtl"
		}
	}
	certain := confidence == language.High || confidence == language.Exact
	switch {
	case l.Dir == "":
		l.Dir = cmp.Or(want, "ltr")
	case l.Dir != "ltr" && l.Dir != "rtl":
		diags.Errorf(l.file, l.line("language.dir"), cmp.Or(directionHint(want, script, l), `dir is "ltr" or "rtl"`), "unknown text direction %q", l.Dir)
	case certain && l.Dir != want:
		diags.Errorf(l.file, l.line("language.dir"), directionHint(want, script, l), "dir = %q, but %s (script %s) is written %s", l.Dir, l.Locale, script, spelledDirection[want])
	}
}

// directionHint says what to write for a script's direction, and how to name another
// script.
func directionHint(want string, script language.Script, l *Language) string {
	if want == "" {
		return ""
	}
	base, _ := l.tag.Base()
	return fmt.Sprintf(`write dir = %q, or leave dir out: it follows from the locale; if the language is written in another script here, name it in the locale, such as locale = "%s-%s"`,
		want, base, otherScriptExample(script))
}

// otherScriptExample is a script to show in a hint: Arabic letters for a language guessed to
// be written in Latin ones, Latin letters otherwise.
func otherScriptExample(script language.Script) string {
	if script.String() == "Latn" {
		return "Arab"
	}
	return "Latn"
}

var spelledDirection = map[string]string{"ltr": "left to right", "rtl": "right to left"}

// rightToLeft are the scripts (ISO 15924) that CLDR's locale data lays out right to left.
var rightToLeft = map[string]bool{
	"Adlm": true, "Arab": true, "Aran": true, "Armi": true, "Avst": true, "Cprt": true, "Elym": true,
	"Hatr": true, "Hebr": true, "Hung": true, "Khar": true, "Lydi": true, "Mand": true, "Mani": true,
	"Mend": true, "Nbat": true, "Narb": true, "Nkoo": true, "Orkh": true, "Palm": true, "Phli": true,
	"Phlp": true, "Phnx": true, "Prti": true, "Rohg": true, "Samr": true, "Sarb": true, "Sogd": true,
	"Sogo": true, "Syrc": true, "Thaa": true, "Yezi": true,
}

// line is the line of key in the language file, or 0 when unknown.
func (l *Language) line(key string) int {
	if l.lines == nil {
		return 0
	}
	return l.lines()[key]
}

// formField is the field of m that holds a plural form's text.
func formField(m *goi18n.Message, form string) *string {
	switch form {
	case "zero":
		return &m.Zero
	case "one":
		return &m.One
	case "two":
		return &m.Two
	case "few":
		return &m.Few
	case "many":
		return &m.Many
	}
	return &m.Other
}

// checkTemplate parses a UI string's text (of key, at the line of at: the key or one of its
// plural forms) as go-i18n will, and runs it with a number, so that a broken template is
// reported once, here, and not at every layout line that shows it. The only value a UI
// string is given is .Count: anything else would publish "<no value>" without a word.
func (l *Language) checkTemplate(key, at, text string, diags *diag.List) {
	if !strings.Contains(text, "{{") {
		return // go-i18n does not parse it either
	}
	t, err := template.New("").Option("missingkey=error").Parse(text)
	if err == nil {
		err = t.Execute(io.Discard, map[string]any{"Count": "1"})
	}
	if err == nil && !onlyCount(t.Tree.Root) {
		// {{.}} would show "map[Count:3]", {{printf …}} whatever it makes.
		err = errors.New("it shows something other than {{.Count}}")
	}
	if err != nil {
		diags.Errorf(l.file, l.line(at), "write the number as {{.Count}}; a UI string knows no other value",
			"UI string %q: %q is not a template it can show: %s", key, text, templateError(err))
	}
}

// onlyCount reports whether a UI string's template is text and {{.Count}}, nothing else.
func onlyCount(list *tparse.ListNode) bool {
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *tparse.TextNode:
		case *tparse.ActionNode:
			if len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) != 1 || len(n.Pipe.Cmds[0].Args) != 1 {
				return false
			}
			f, ok := n.Pipe.Cmds[0].Args[0].(*tparse.FieldNode)
			if !ok || len(f.Ident) != 1 || f.Ident[0] != "Count" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// templateError is err without its "template: :1:8: " and `executing ""`: the template has
// no name, and the file, line and key already say where it is.
func templateError(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "template: :"); ok {
		if _, after, ok := strings.Cut(rest, ": "); ok {
			msg = strings.TrimPrefix(after, `executing "" `)
		}
	}
	return msg
}

// probeCounts reach every CLDR plural category go-i18n knows. Its rules look at the whole
// number (n, n % 10, n % 100, n % 1000000: French "many" is 1000000) and at the visible
// decimals (Lithuanian "many" is 0.5; Russian "other" is 1.5): 0 to 120, a million, 0.0 to
// 2.9 and a few numbers with two decimals. For all 8,669 base languages that parse, these
// 159 counts find the same categories as 532 (0 to 200, every two-decimal number to 2.99);
// each count is a look-up at every build, and the 532 cost 2% of a 1,000-page build's time.
var probeCounts = func() []any {
	var counts []any
	for n := 0; n <= 120; n++ {
		counts = append(counts, n)
	}
	counts = append(counts, 1000000)
	for n := 0; n <= 2; n++ {
		for f := 0; f < 10; f++ {
			counts = append(counts, fmt.Sprintf("%d.%d", n, f))
		}
	}
	for _, f := range []string{"0.01", "0.11", "1.01", "1.11", "0.21", "0.12", "0.05"} {
		counts = append(counts, f)
	}
	return counts
}()

// pluralForms returns, for each CLDR plural category of the language, whether a whole number
// falls in it. go-i18n keeps its CLDR table to itself (and golang.org/x/text has an older
// one, in which French has no "many"), so go-i18n, which chooses the form when a page is
// built, is asked with probeCounts.
func pluralForms(tag language.Tag) map[string]bool {
	loc, id := formProbe(tag)
	if loc == nil {
		return nil
	}
	forms := map[string]bool{}
	for _, n := range probeCounts {
		form, err := loc.Localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: n})
		if err != nil {
			continue
		}
		_, whole := n.(int)
		forms[form] = forms[form] || whole
	}
	return forms
}

// checkPluralForms holds every plural string to the CLDR categories of the language: a form
// a whole number needs ("zero" in Arabic) is reported now, with the file, rather than on the
// one page that shows that number; "other" is needed always, for it is the form go-i18n
// falls back to; a form the language does not have ("few" in English) would never be shown.
func (l *Language) checkPluralForms(msgs []*goi18n.Message, diags *diag.List) {
	forms := pluralForms(l.tag)
	var names []string
	for _, form := range formNames {
		if _, ok := forms[form]; ok {
			names = append(names, form)
		}
	}
	for _, m := range msgs {
		if !l.plural[m.ID] {
			continue
		}
		for _, form := range formNames {
			has := *formField(m, form) != ""
			whole, ok := forms[form]
			switch {
			case has && !ok:
				diags.Errorf(l.file, l.line(m.ID+"."+form), "remove it; the plural forms of "+l.Code+" are "+strings.Join(names, ", "),
					"UI string %q has a plural form %q that language %q does not have", m.ID, form, l.Code)
			case !has && form == "other":
				diags.Errorf(l.file, l.line(m.ID), "add other = \"…\" to "+m.ID+"; every plural string needs it",
					"UI string %q has no plural form %q in language %q", m.ID, form, l.Code)
			case !has && whole:
				diags.Errorf(l.file, l.line(m.ID), "add "+form+" = \"…\" to "+m.ID+"; "+l.Code+" uses it for numbers such as "+l.Number(l.firstWhole(form)),
					"UI string %q has no plural form %q in language %q", m.ID, form, l.Code)
			}
		}
	}
}

// firstWhole is the first whole number of probeCounts that the language writes with form,
// for a hint: French "many" is 1,000,000, which a reader might not guess.
func (l *Language) firstWhole(form string) int {
	loc, id := formProbe(l.tag)
	for _, n := range probeCounts {
		if i, ok := n.(int); ok && loc != nil {
			if got, _ := loc.Localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: i}); got == form {
				return i
			}
		}
	}
	return 0
}

// formProbe is a localizer for tag with one message, id, whose every plural form is its
// own name: asked for a count, it says which form go-i18n picks.
func formProbe(tag language.Tag) (*goi18n.Localizer, string) {
	bundle := goi18n.NewBundle(tag)
	probe := &goi18n.Message{ID: "probe"}
	for _, form := range formNames {
		*formField(probe, form) = form
	}
	if bundle.AddMessages(tag, probe) != nil {
		return nil, ""
	}
	return goi18n.NewLocalizer(bundle, tag.String()), probe.ID
}

// keyLines maps every key of a TOML file ("count.pages", "count.pages.one") to its line,
// from go-toml's own parser: its unstable API is the one that keeps positions. The file has
// been decoded already; should this parse fail, the keys have no line.
func keyLines(src []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(src)
	line := func(n *unstable.Node) int { return 1 + bytes.Count(src[:n.Raw.Offset], []byte("\n")) }
	// key joins the parts of a dotted key ([count], a.b = …) to prefix, returning its first part.
	key := func(prefix string, it unstable.Iterator) (string, *unstable.Node) {
		var first *unstable.Node
		for it.Next() {
			if first == nil {
				first = it.Node()
			}
			if prefix != "" {
				prefix += "."
			}
			prefix += string(it.Node().Data)
		}
		return prefix, first
	}
	var keyValue func(prefix string, kv *unstable.Node)
	keyValue = func(prefix string, kv *unstable.Node) {
		id, first := key(prefix, kv.Key())
		lines[id] = line(first)
		if v := kv.Value(); v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				keyValue(id, it.Node())
			}
		}
	}
	table := ""
	for p.NextExpression() {
		switch e := p.Expression(); e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var first *unstable.Node
			table, first = key("", e.Key())
			lines[table] = line(first) // [count.pages] may be a plural string too
		case unstable.KeyValue:
			keyValue(table, e)
		}
	}
	return lines
}

// flatten walks nested tables: "theme.educare"; a table of plural forms is one message.
func flatten(prefix string, m map[string]any, emit func(id string, v any)) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		id := k
		if prefix != "" {
			id = prefix + "." + k
		}
		if sub, ok := m[k].(map[string]any); ok && !isPlural(sub) {
			flatten(id, sub, emit)
			continue
		}
		emit(id, m[k])
	}
}

// isPlural says whether a table is one plural string: every key is a plural form. It need not
// have "other": checkPluralForms reports that in the file that lacks it, where reading the
// table as keys (count.pages.one) would blame every other language for lacking those.
func isPlural(m map[string]any) bool {
	if len(m) == 0 {
		return false
	}
	for k := range m {
		if !slices.Contains(formNames, k) {
			return false
		}
	}
	return true
}

// onlyExtraKeyBeside returns the one key of l, in the table of the missing key, that def
// does not have, when that key is the only one the table lacks: most likely the missing
// key, misspelt. With more than one of either there is no telling which is which.
func (l *Language) onlyExtraKeyBeside(key string, def *Language, missing []string) string {
	table := ""
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		table = key[:i+1]
	}
	inTable := func(k string) bool {
		rest, ok := strings.CutPrefix(k, table)
		return ok && !strings.Contains(rest, ".")
	}
	for _, m := range missing {
		if m != key && inTable(m) {
			return ""
		}
	}
	found := ""
	for k := range l.keys {
		if !inTable(k) || def.keys[k] {
			continue
		}
		if found != "" {
			return ""
		}
		found = k
	}
	return found
}

// checkComplete reports keys the default language has and another lacks.
func (c *Catalog) checkComplete(diags *diag.List) {
	def := c.byCode[DefaultLanguage]
	if def == nil {
		diags.Errorf("i18n", 0, "the site needs i18n/"+DefaultLanguage+".toml: its keys are the reference", "no default language")
		return
	}
	for _, l := range c.Languages {
		if l == def {
			continue
		}
		var missing []string
		for k := range def.keys {
			if !l.keys[k] {
				missing = append(missing, k)
			}
		}
		sort.Strings(missing)
		for _, k := range missing {
			if line := l.line(k); line > 0 && l.hasKeysUnder(k) {
				// "edit = { x = "a" }": read as the keys under it, not as the string.
				diags.Errorf(l.file, line, "write it as text, as in "+def.file, "UI string %q is a table in language %q", k, l.Code)
				continue
			}
			if other := l.onlyExtraKeyBeside(k, def, missing); other != "" {
				// "skipp" for "skip": at the misspelt key, which the editor has to change.
				diags.Errorf(l.file, l.line(other), fmt.Sprintf("%q is no key of %s: if it is meant to be %q, correct its name", other, def.file, k),
					"missing UI string %q in language %q", k, l.Code)
				continue
			}
			diags.Errorf(l.file, 0, "translate it from "+def.file, "missing UI string %q in language %q", k, l.Code)
		}
		l.checkNumbersAgainst(def, diags)
	}
}

// hasKeysUnder reports whether the language has keys inside k ("page.edit.x" for
// "page.edit"): k was written as a table.
func (l *Language) hasKeysUnder(k string) bool {
	for key := range l.keys {
		if strings.HasPrefix(key, k+".") {
			return true
		}
	}
	return false
}

// checkNumbersAgainst reports the strings that show a number in one language and not in the
// default one, or the other way round: "sayfalar" where English has "{{.Count}} pages"
// drops the number without a word.
func (l *Language) checkNumbersAgainst(def *Language, diags *diag.List) {
	for _, k := range slices.Sorted(maps.Keys(def.keys)) {
		switch {
		case !l.keys[k] || l.counted[k] == def.counted[k]:
		case def.counted[k]:
			diags.Errorf(l.file, l.line(k), "write it with {{.Count}} where the number goes, or with plural forms, as in "+def.file,
				"UI string %q shows no number in language %q, where %q has one", k, l.Code, def.Code)
		default:
			diags.Errorf(l.file, l.line(k), "write it without {{.Count}} or plural forms, as in "+def.file,
				"UI string %q takes a number in language %q, where %q has none", k, l.Code, def.Code)
		}
	}
}

// Get returns a language by code (nil if unknown).
func (c *Catalog) Get(code string) *Language { return c.byCode[code] }

// Codes lists the language codes in order.
func (c *Catalog) Codes() []string {
	out := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

// T returns the string for key. It takes no count, so templates call it without the cost of
// a variadic call; use Tn for a string that depends on a number.
func (l *Language) T(key string) (string, error) {
	if s, ok := l.plain[key]; ok {
		return s, nil
	}
	return l.localize(key, nil)
}

// Tn returns the plural form CLDR chooses for count in this language, with {{.Count}}
// filled in.
func (l *Language) Tn(key string, count int) (string, error) {
	return l.localize(key, &count)
}

func (l *Language) localize(key string, count *int) (string, error) {
	if !l.keys[key] {
		return "", fmt.Errorf("%s: missing UI string %q in language %q", l.file, key, l.Code)
	}
	cfg := &goi18n.LocalizeConfig{MessageID: key}
	if count == nil && l.counted[key] {
		// go-i18n would print "<no value>" where the number belongs, or the "other" form.
		return "", fmt.Errorf("%s: UI string %q in language %q takes a number ({{.Count}} or plural forms), but is asked for without one: call Tn %q with the number, or write the string without it",
			l.file, key, l.Code, key)
	}
	if count != nil {
		// The number as readers of this locale write it: 1,234 in English, 1.234 in Dutch.
		cfg.TemplateData = map[string]any{"Count": l.Number(*count)}
		if l.plural[key] {
			cfg.PluralCount = *count
		}
	}
	s, err := l.loc.Localize(cfg)
	if err != nil {
		return "", fmt.Errorf("%s: UI string %q in language %q: %v", l.file, key, l.Code, err)
	}
	return s, nil
}

// Number formats an integer for this language's locale.
func (l *Language) Number(n int) string {
	return message.NewPrinter(language.Make(l.Locale)).Sprintf("%d", n)
}

// Has reports whether the language defines key.
func (l *Language) Has(key string) bool { return l.keys[key] }

// Tag is the language's BCP 47 tag.
func (l *Language) Tag() language.Tag { return l.tag }

// Vocabulary returns the keys of a namespace in the default language: Vocabulary("theme")
// lists every theme an editor may use.
func (c *Catalog) Vocabulary(namespace string) map[string]bool {
	out := map[string]bool{}
	def := c.byCode[DefaultLanguage]
	if def == nil {
		return out
	}
	prefix := namespace + "."
	for k := range def.keys {
		if rest, ok := strings.CutPrefix(k, prefix); ok && !strings.Contains(rest, ".") {
			out[rest] = true
		}
	}
	return out
}

// CheckURLSegments reports the UI strings that become part of addresses and cannot: every
// url.* string, search.url and every key of the namespaces given (the taxonomies' terms)
// must pass validSlug, and no two of the strings that name a page under the language's
// home may be the same, or two pages would share an address (an empty one even puts a
// section over the home page). url.handout names a page under a guide: it only has to be
// a slug.
func (c *Catalog) CheckURLSegments(namespaces []string, validSlug func(string) bool, diags *diag.List) {
	keys := []string{"search.url"}
	for _, k := range slices.Sorted(maps.Keys(c.Vocabulary("url"))) {
		keys = append(keys, "url."+k)
	}
	for _, l := range c.Languages {
		seen := map[string]string{}
		for _, key := range keys {
			v, ok := l.plain[key]
			switch {
			case !ok: // checkComplete reports it
			case !validSlug(v):
				diags.Errorf(l.file, l.line(key), `write lower-case letters and digits joined by hyphens, such as "gidsen"`,
					"%s = %q cannot be part of an address", key, v)
			case key == "url.handout":
			case seen[v] != "":
				diags.Errorf(l.file, l.line(key), "give each its own", "%s and %s are both %q: two pages would have one address", seen[v], key, v)
			default:
				seen[v] = key
			}
		}
	}
	if def := c.byCode[DefaultLanguage]; def != nil {
		for _, ns := range namespaces {
			for _, k := range slices.Sorted(maps.Keys(c.Vocabulary(ns))) {
				if !validSlug(k) {
					diags.Errorf(def.file, def.line(ns+"."+k), `a term's key is its address: write lower-case letters and digits joined by hyphens, such as "parents-families"`,
						"[%s] key %q cannot be part of an address", ns, k)
				}
			}
		}
	}
}
