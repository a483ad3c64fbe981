package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

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
}
