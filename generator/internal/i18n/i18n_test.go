package i18n

import (
	"maps"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/educare-handbook/handbook/generator/internal/diag"
)

func catalog(t *testing.T, files map[string]string) (*Catalog, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	var diags diag.List
	c := Load(fsys, &diags)
	var b strings.Builder
	for _, d := range diags.Items() {
		b.WriteString(d.String() + "\n")
	}
	return c, b.String()
}

const en = `[language]
name = "English"
[count]
pages = { one = "{{.Count}} page", other = "{{.Count}} pages" }
[theme]
educare = "Educare"
[nav]
home = "Home"
`

func TestPluralFormsFollowCLDR(t *testing.T) {
	c, errs := catalog(t, map[string]string{
		"i18n/en.toml": en,
		"i18n/nl.toml": "[language]\nname = \"Nederlands\"\nlocale = \"nl-BE\"\n[count]\npages = { one = \"{{.Count}} pagina\", other = \"{{.Count}} pagina's\" }\n[theme]\neducare = \"Educare\"\n[nav]\nhome = \"Start\"\n",
		"i18n/ar.toml": "[language]\nname = \"العربية\"\ndir = \"rtl\"\n[count]\npages = { zero = \"لا صفحات\", one = \"صفحة واحدة\", two = \"صفحتان\", few = \"{{.Count}} صفحات\", many = \"{{.Count}} صفحة\", other = \"{{.Count}} صفحة (other)\" }\n[theme]\neducare = \"Educare\"\n[nav]\nhome = \"الرئيسية\"\n",
	})
	if errs != "" {
		t.Fatal(errs)
	}
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 1, "1 page"}, {"en", 2, "2 pages"}, {"en", 0, "0 pages"},
		{"nl", 1, "1 pagina"}, {"nl", 5, "5 pagina's"},
		{"ar", 0, "لا صفحات"}, {"ar", 1, "صفحة واحدة"}, {"ar", 2, "صفحتان"},
		{"ar", 3, "٣ صفحات"}, {"ar", 11, "١١ صفحة"}, {"ar", 100, "١٠٠ صفحة (other)"},
		{"en", 1234, "1,234 pages"}, {"nl", 1234, "1.234 pagina's"},
	}
	for _, tt := range tests {
		got, err := c.Get(tt.lang).Tn("count.pages", tt.count)
		if err != nil || got != tt.want {
			t.Errorf("%s %d: %q (%v), want %q", tt.lang, tt.count, got, err, tt.want)
		}
	}
	if c.Get("ar").Dir != "rtl" || c.Get("nl").Dir != "ltr" {
		t.Error("text direction not read")
	}
}

func TestMissingStringIsAnErrorNamingKeyAndLanguage(t *testing.T) {
	c, errs := catalog(t, map[string]string{
		"i18n/en.toml": en,
		"i18n/nl.toml": "[language]\nname = \"Nederlands\"\n[theme]\neducare = \"Educare\"\n",
	})
	for _, want := range []string{`i18n/nl.toml: missing UI string "count.pages" in language "nl"`, `missing UI string "nav.home" in language "nl"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
	if _, err := c.Get("nl").T("nav.home"); err == nil || !strings.Contains(err.Error(), `missing UI string "nav.home" in language "nl"`) {
		t.Errorf("T of a missing key: %v", err)
	}
}

// A key missing beside one the default language lacks is most likely that key misspelt:
// the error is at the misspelt key. With two candidates either way nothing is guessed.
func TestAMisspeltKeyIsNamed(t *testing.T) {
	nl := "[language]\nname = \"Nederlands\"\n[count]\npages = { one = \"{{.Count}} pagina\", other = \"{{.Count}} pagina's\" }\n[theme]\neducare = \"Educare\"\n[nav]\nhoem = \"Start\"\n"
	_, errs := catalog(t, map[string]string{"i18n/en.toml": en, "i18n/nl.toml": nl})
	want := `i18n/nl.toml:8: missing UI string "nav.home" in language "nl" ("nav.hoem" is no key of i18n/en.toml: if it is meant to be "nav.home", correct its name)`
	if strings.TrimSpace(errs) != want {
		t.Errorf("got:\n%s\nwant:\n%s", errs, want)
	}
	_, errs = catalog(t, map[string]string{"i18n/en.toml": en + "back = \"Back\"\n", "i18n/nl.toml": nl})
	if strings.Contains(errs, "hoem") {
		t.Errorf("two keys missing from [nav], one guessed:\n%s", errs)
	}
}

// A default language file that cannot be read is said once, at its line; "no default
// language" would send the editor to make a file that is there.
func TestABrokenDefaultLanguageIsNotCalledMissing(t *testing.T) {
	_, errs := catalog(t, map[string]string{"i18n/en.toml": "= broken\n" + en, "i18n/nl.toml": "[language]\nname = \"Nederlands\"\n"})
	if !strings.Contains(errs, "i18n/en.toml:1:") || strings.Contains(errs, "no default language") {
		t.Errorf("got:\n%s", errs)
	}
}

func TestVocabularyComesFromTheDefaultLanguage(t *testing.T) {
	c, _ := catalog(t, map[string]string{"i18n/en.toml": en})
	if v := c.Vocabulary("theme"); !v["educare"] || len(v) != 1 {
		t.Errorf("vocabulary: %v", v)
	}
}

func TestBrokenFilesAreReported(t *testing.T) {
	_, errs := catalog(t, map[string]string{"i18n/en.toml": en, "i18n/xx-!.toml": "[language]\nname = \"x\"\n", "i18n/nl.toml": "name = \n"})
	for _, want := range []string{"i18n/nl.toml:1:", `"xx-!" is not a language code`} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
}

func TestAMissingPluralFormIsReportedAtLoad(t *testing.T) {
	_, errs := catalog(t, map[string]string{
		"i18n/en.toml": en,
		"i18n/ar.toml": "[language]\nname = \"العربية\"\ndir = \"rtl\"\n[count]\npages = { one = \"صفحة\", other = \"{{.Count}} صفحة\" }\n[theme]\neducare = \"Educare\"\n[nav]\nhome = \"الرئيسية\"\n",
	})
	for _, form := range []string{"zero", "two", "few", "many"} {
		if want := `UI string "count.pages" has no plural form "` + form + `" in language "ar"`; !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
	// The hint names a number that needs the form: French "many" is not one a reader guesses.
	_, errs = catalog(t, map[string]string{
		"i18n/en.toml": en,
		"i18n/fr.toml": "[language]\nname = \"Français\"\nlocale = \"fr-BE\"\n[count]\npages = { one = \"{{.Count}} page\", other = \"{{.Count}} pages\" }\n[theme]\neducare = \"Educare\"\n[nav]\nhome = \"Accueil\"\n",
	})
	if !regexp.MustCompile(`fr uses it for numbers such as 1\D000\D000\)`).MatchString(errs) {
		t.Errorf("want the number in:\n%s", errs)
	}
}

// withPages is en with its count.pages line replaced.
func withPages(line string) string {
	return strings.Replace(en, `pages = { one = "{{.Count}} page", other = "{{.Count}} pages" }`, line, 1)
}

// nl is a complete Dutch file, for tests that need a second language.
const nl = "[language]\nname = \"Nederlands\"\n[count]\npages = { one = \"{{.Count}} pagina\", other = \"{{.Count}} pagina's\" }\n[theme]\neducare = \"Educare\"\n[nav]\nhome = \"Start\"\n"

// A plural string without "other" is reported in the file that lacks it, at its line, and
// other languages (da) are not blamed for lacking its forms as keys (count.pages.one).
func TestAPluralStringWithoutOtherIsReportedInItsOwnFile(t *testing.T) {
	_, errs := catalog(t, map[string]string{
		"i18n/en.toml": withPages(`pages = { one = "{{.Count}} page" }`),
		"i18n/nl.toml": strings.Replace(nl, `, other = "{{.Count}} pagina's"`, "", 1),
		"i18n/da.toml": strings.NewReplacer("Nederlands", "Dansk", "pagina", "side").Replace(nl),
	})
	want := `i18n/en.toml:4: UI string "count.pages" has no plural form "other" in language "en" (add other = "…" to count.pages; every plural string needs it)` + "\n" +
		`i18n/nl.toml:4: UI string "count.pages" has no plural form "other" in language "nl" (add other = "…" to count.pages; every plural string needs it)` + "\n"
	if errs != want {
		t.Errorf("got:\n%swant:\n%s", errs, want)
	}
}

// A form the language does not have would never be shown: it is an error that lists the
// language's forms.
func TestAPluralFormTheLanguageDoesNotHaveIsAnError(t *testing.T) {
	_, errs := catalog(t, map[string]string{
		"i18n/en.toml": withPages(`pages = { one = "{{.Count}} page", few = "{{.Count}} pages", other = "{{.Count}} pages" }`),
	})
	want := `i18n/en.toml:4: UI string "count.pages" has a plural form "few" that language "en" does not have (remove it; the plural forms of en are one, other)` + "\n"
	if errs != want {
		t.Errorf("got:\n%swant:\n%s", errs, want)
	}
}

// The forms come from the CLDR rules go-i18n chooses by: French has "many" (a million), and
// Russian "other" holds only decimals, so no page count needs it (but every plural string
// has it all the same).
func TestPluralFormsAreCLDRs(t *testing.T) {
	tests := map[string]map[string]bool{
		"en": {"one": true, "other": true},
		"fr": {"one": true, "many": true, "other": true},
		"ru": {"one": true, "few": true, "many": true, "other": false},
		"ar": {"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true},
		"ja": {"other": true},
	}
	for code, want := range tests {
		if got := pluralForms(language.MustParse(code)); !maps.Equal(got, want) {
			t.Errorf("%s: %v, want %v", code, got, want)
		}
	}
}

// A template that does not parse is reported once, when the files are read, at its line:
// not at every layout line that shows it.
func TestABrokenTemplateIsReportedAtLoad(t *testing.T) {
	_, errs := catalog(t, map[string]string{
		"i18n/en.toml": withPages(`pages = { one = "{{.Count}} page", other = "{{.Count} pages" }`),
	})
	want := `i18n/en.toml:4: UI string "count.pages": "{{.Count} pages" is not a template it can show: bad character U+007D '}' (write the number as {{.Count}}; a UI string knows no other value)` + "\n"
	if errs != want {
		t.Errorf("got:\n%swant:\n%s", errs, want)
	}
}

// A UI string is given .Count and nothing else: anything more would publish "<no value>".
func TestAUIStringKnowsOnlyCount(t *testing.T) {
	_, errs := catalog(t, map[string]string{
		"i18n/en.toml": withPages(`pages = { one = "{{.Count}} page", other = "{{.Nope}} pages" }`) + "[principle]\nnumber = \"Principle {{.Number}}\"\n" +
			"[x]\ndot = \"{{.}} pages\"\nfn = \"{{printf \\\"%d\\\" .Count}} pages\"\n",
	})
	for _, want := range []string{
		`i18n/en.toml:4: UI string "count.pages": "{{.Nope}} pages" is not a template it can show: at <.Nope>: map has no entry for key "Nope"`,
		`i18n/en.toml:10: UI string "principle.number": "Principle {{.Number}}" is not a template it can show`,
		`i18n/en.toml:12: UI string "x.dot": "{{.}} pages" is not a template it can show: it shows something other than {{.Count}}`,
		`i18n/en.toml:13: UI string "x.fn":`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
}

// A key's line is found wherever the key is written: under a table, dotted, in an inline
// table, or as a table of its own.
func TestKeyLines(t *testing.T) {
	got := keyLines([]byte("[language]\nname = \"x\"\n\n[count]\npages = { one = \"a\", other = \"b\" }\nnav.home = \"Home\"\n" +
		"[count.guides]\none = \"a\"\n"))
	want := map[string]int{"language": 1, "language.name": 2, "count": 4, "count.pages": 5, "count.pages.one": 5, "count.pages.other": 5,
		"count.nav.home": 6, "count.guides": 7, "count.guides.one": 8}
	if !maps.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
}

// The text direction follows from the locale's script when the file does not say it, and a
// direction that contradicts the script is refused at its line.
func TestDirectionFollowsTheScript(t *testing.T) {
	lang := func(code, fields string) string {
		return "[language]\nname = \"" + code + "\"\n" + fields + "[count]\npages = { one = \"{{.Count}}\", other = \"{{.Count}}\", zero = \"0\", two = \"2\", few = \"{{.Count}}\", many = \"{{.Count}}\" }\n[theme]\neducare = \"Educare\"\n[nav]\nhome = \"x\"\n"
	}
	c, errs := catalog(t, map[string]string{
		"i18n/en.toml": en,
		"i18n/fa.toml": lang("fa", ""),
		"i18n/he.toml": lang("he", "locale = \"he-IL\"\n"),
		"i18n/az.toml": lang("az", "locale = \"az-Arab\"\n"),
		"i18n/nl.toml": lang("nl", ""),
		// Scripts x/text only guesses: the file's dir stands, or the guess fills it in.
		"i18n/ku.toml":  lang("ku", "dir = \"rtl\"\n"),
		"i18n/sd.toml":  lang("sd", "dir = \"ltr\"\n"),
		"i18n/ckb.toml": lang("ckb", ""),
	})
	if strings.Contains(errs, "direction") || strings.Contains(errs, "dir =") || c.Get("sd") == nil || c.Get("ku") == nil || c.Get("ckb") == nil {
		t.Fatal(errs)
	}
	for code, want := range map[string]string{"fa": "rtl", "he": "rtl", "az": "rtl", "nl": "ltr", "en": "ltr", "ku": "rtl", "sd": "ltr", "ckb": "rtl"} {
		if got := c.Get(code).Dir; got != want {
			t.Errorf("%s: dir %q, want %q", code, got, want)
		}
	}
	_, errs = catalog(t, map[string]string{
		"i18n/en.toml": en,
		"i18n/ar.toml": lang("ar", "dir = \"ltr\"\n"),
		"i18n/nl.toml": lang("nl", "dir = \"rtl\"\n"),
		"i18n/tr.toml": lang("tr", "dir = \"rlt\"\n"),
	})
	for _, want := range []string{
		`i18n/ar.toml:3: dir = "ltr", but ar (script Arab) is written right to left (write dir = "rtl", or leave dir out: it follows from the locale; if the language is written in another script here, name it in the locale, such as locale = "ar-Latn")`,
		`i18n/nl.toml:3: dir = "rtl", but nl (script Latn) is written left to right`,
		`i18n/tr.toml:3: unknown text direction "rlt" (write dir = "ltr", or leave dir out`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
}

// A string that takes a number, asked for without one, is an error: go-i18n would print
// "<no value>" in its place, or the "other" form of a plural.
func TestAStringThatTakesANumberNeedsOne(t *testing.T) {
	c, errs := catalog(t, map[string]string{"i18n/en.toml": strings.Replace(en, "[nav]\n", "[nav]\nfound = \"{{.Count}} found\"\nplain = \"Found\"\n", 1)})
	if errs != "" {
		t.Fatal(errs)
	}
	l := c.Get("en")
	for _, key := range []string{"nav.found", "count.pages"} {
		if s, err := l.T(key); err == nil || !strings.Contains(err.Error(), `i18n/en.toml: UI string "`+key+`" in language "en" takes a number`) {
			t.Errorf("T %s: %q, %v", key, s, err)
		}
		if s, err := l.Tn(key, 3); err != nil || !strings.HasPrefix(s, "3 ") {
			t.Errorf("Tn %s 3: %q, %v", key, s, err)
		}
	}
	if s, err := l.T("nav.plain"); err != nil || s != "Found" {
		t.Errorf("T nav.plain: %q, %v", s, err)
	}
}

// A byte order mark, as Notepad writes one, is not part of the first key.
func TestByteOrderMarkIsSkipped(t *testing.T) {
	c, errs := catalog(t, map[string]string{"i18n/en.toml": "\ufeff" + en})
	if errs != "" || c.Get("en").Name != "English" {
		t.Fatalf("errors %s", errs)
	}
}

// A string that shows a number in English must show it in every language, and the other
// way round: "sayfalar" for "{{.Count}} pages" dropped the number without a word. A string
// written as a table is said to be one, at its line, not missing.
func TestNumbersAndShapesMatchTheDefaultLanguage(t *testing.T) {
	_, errs := catalog(t, map[string]string{
		"i18n/en.toml": en,
		"i18n/tr.toml": "[language]\nname = \"Türkçe\"\n[count]\npages = \"sayfalar\"\n[theme]\neducare = \"{{.Count}} Educare\"\n[nav]\nhome = { x = \"a\" }\n",
		// A number is no table: said once, as a number (found by a review).
		"i18n/da.toml": "[language]\nname = \"Dansk\"\n[count]\npages = { one = \"{{.Count}} side\", other = \"{{.Count}} sider\" }\n[theme]\neducare = 5\n[nav]\nhome = \"Hjem\"\n",
	})
	if strings.Contains(errs, `"theme.educare" is a table`) || !strings.Contains(errs, `i18n/da.toml:6: key "theme.educare": expected text, got int64`) {
		t.Errorf("a number taken for a table:\n%s", errs)
	}
	for _, want := range []string{
		`i18n/tr.toml:4: UI string "count.pages" shows no number in language "tr", where "en" has one`,
		`i18n/tr.toml:6: UI string "theme.educare" takes a number in language "tr", where "en" has none`,
		`i18n/tr.toml:8: UI string "nav.home" is a table in language "tr" (write it as text`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
}
