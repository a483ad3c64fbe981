package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// Each kind of bad input gives one precise message at a file and line, and the build fails.
func TestBadInputIsReportedWithFileLineAndHint(t *testing.T) {
	guide := func(extra, body string) string { return sitetest.Page("guide", extra, body) }
	tests := []struct {
		name, file, content, want string
	}{
		{"no front matter", "content/guides/x.en.md", "# Title\n",
			`content/guides/x.en.md:1: front matter: the file must start with a line "---", then the fields, then "---"`},
		{"unclosed front matter", "content/guides/x.en.md", "---\ntitle: x\n",
			`content/guides/x.en.md:1: front matter: no closing "---" line`},
		{"empty front matter", "content/guides/x.en.md", "---\n---\nBody\n",
			`content/guides/x.en.md:1: front matter: empty`},
		{"YAML syntax", "content/guides/x.en.md", "---\ntitle: a\nsummary: [unclosed\n---\n",
			`content/guides/x.en.md:3: front matter:`},
		{"YAML the library cannot read (found by fuzzing)", "content/guides/x.en.md", strings.Replace(guide("", ""), "themes: [collaboration]", "themes: !collaboration]", 1),
			`content/guides/x.en.md:1: front matter: the fields could not be read`},
		{"unknown field (a typo)", "content/guides/x.en.md", guide("purpse: typo\n", ""),
			`content/guides/x.en.md:11: front matter: unknown field "purpse"`},
		{"wrong type", "content/principles/x.en.md", strings.Replace(sitetest.Page("principle", "", ""), "number: 1", "number: one", 1),
			`content/principles/x.en.md:7: front matter: number: text where a whole number belongs (write digits without quotes, e.g. number: 3)`},
		// go.yaml.in/yaml/v3 read 2.5 into an int as 2 (found by a review).
		{"weight with a decimal point", "content/guides/x.en.md", guide("weight: 2.5\n", ""),
			`content/guides/x.en.md:11: front matter: weight: a number with a decimal point, or too large, where a whole number belongs`},
		{"principle number with a decimal point", "content/principles/x.en.md", strings.Replace(sitetest.Page("principle", "", ""), "number: 1", "number: 1.5", 1),
			`content/principles/x.en.md:7: front matter: number: a number with a decimal point, or too large, where a whole number belongs`},
		{"text where true or false belongs", "content/guides/x.en.md", guide("draft: \"yes please\"\n", ""),
			`content/guides/x.en.md:11: front matter: draft: text where true or false belongs (write true or false without quotes, e.g. draft: true)`},
		{"text where a list belongs", "content/guides/x.en.md", strings.Replace(guide("", ""), "themes: [collaboration]", "themes: collaboration", 1),
			`content/guides/x.en.md:4: front matter: themes: text where a list belongs (write a list in brackets`},
		{"a field twice", "content/guides/x.en.md", guide("title: Again\n", ""),
			`content/guides/x.en.md:11: front matter: mapping key "title" already defined at line 2 (keep one of the two)`},
		{"a field an _index page ignores", "content/guides/_index.en.md", "---\ntitle: Guides\nsummary: All guides.\nslug: gides\n---\nIntro.\n",
			`content/guides/_index.en.md:4: front matter: slug: has no effect on an _index page (remove it`},
		{"link to a page with a query", "content/guides/x.en.md", guide("", "See [it](../about/b.en.md?x=1).\n"),
			`content/guides/x.en.md:13: link "../about/b.en.md?x=1" has a query (?x=1) (write the link without it`},
		{"link to a draft", "content/guides/x.en.md", guide("", "See [the draft](../cases/d.en.md).\n"),
			`content/guides/x.en.md:13: link to content/cases/d.en.md, a draft, which is left out of the site (publish it first by removing draft: true`},
		{"missing title", "content/guides/x.en.md", strings.Replace(guide("", ""), "title: A guide\n", "", 1),
			`content/guides/x.en.md:1: front matter: missing "title" (add a line such as: title: Asking new parents)`},
		// "missing, add a line such as…" had the editor write the field a second time.
		{"empty list", "content/guides/x.en.md", strings.Replace(guide("", ""), "themes: [collaboration]", "themes: []", 1),
			`content/guides/x.en.md:4: front matter: "themes" is empty (write its value, e.g. themes: [collaboration])`},
		{"null title", "content/guides/x.en.md", strings.Replace(guide("", ""), "title: A guide", "title: ~", 1),
			`content/guides/x.en.md:2: front matter: "title" is empty`},
		{"empty source document", "content/guides/x.en.md", strings.Replace(guide("", ""), "source: {document: parent-school-book", "source: {document: ~", 1),
			`content/guides/x.en.md:6: front matter: "source.document" is empty`},
		{"empty type field", "content/guides/x.en.md", strings.Replace(guide("", ""), "duration: 45 minutes", "duration: \"\"", 1),
			`content/guides/x.en.md:9: front matter: "duration" is empty`},
		{"missing type field", "content/guides/x.en.md", strings.Replace(guide("", ""), "duration: 45 minutes\n", "", 1),
			`content/guides/x.en.md:1: front matter: a guide needs "duration"`},
		{"unknown theme", "content/guides/x.en.md", strings.Replace(guide("", ""), "themes: [collaboration]", "themes: [colaboration]", 1),
			`content/guides/x.en.md:4: front matter: unknown themes "colaboration" (known themes: collaboration, diversity-inclusion, educare,`},
		{"slug escaping the site", "content/guides/x.en.md", guide("slug: ../../x\n", ""),
			`content/guides/x.en.md:11: front matter: slug "../../x" is not a valid URL segment`},
		{"bad translation status", "content/guides/x.nl.md", guide("original: en\ntranslation: {status: done}\n", ""),
			`content/guides/x.nl.md:12: front matter: translation status "done" is unknown (write status: draft or status: reviewed)`},
		{"translation without status", "content/guides/x.nl.md", guide("original: en\n", ""),
			`content/guides/x.nl.md:11: front matter: this page's original is "en" but it has no translation: status`},
		{"unknown language", "content/guides/x.xx.md", guide("", ""),
			`content/guides/x.xx.md: unknown language "xx" (known languages: en, nl, da, fr, ar, tr; a language exists when i18n/xx.toml exists)`},
		{"no language", "content/guides/x.md", guide("", ""),
			`content/guides/x.md: no language in the file name (name it <slug>.<lang>.md, e.g. x.en.md)`},
		{"unknown section", "content/blog/x.en.md", guide("", ""),
			`content/blog/x.en.md: unknown section "blog"`},
		{"file name not a slug", "content/guides/Asking Parents.en.md", guide("", ""),
			`content/guides/Asking Parents.en.md: file name "Asking Parents" is not a valid slug`},
		{"not Markdown", "content/guides/photo.jpg", "binary",
			`content/guides/photo.jpg: not a page (content/ holds only Markdown pages (.md); put images and other files in static/)`},
		{"raw HTML block", "content/guides/x.en.md", guide("", "Text.\n\n<div>box</div>\n"),
			`content/guides/x.en.md:15: raw HTML is not allowed`},
		{"raw HTML inline", "content/guides/x.en.md", guide("", "Text.\n\nA <span>word</span>.\n"),
			`content/guides/x.en.md:15: raw HTML is not allowed`},
		{"unknown box kind", "content/guides/x.en.md", guide("", "> [!SIDEBAR]\n> Text.\n"),
			`content/guides/x.en.md:13: unknown box kind [!SIDEBAR] (known kinds: NOTE, TIP,`},
		{"quote without attribution", "content/guides/x.en.md", guide("", "> [!QUOTE]\n> Text.\n"),
			`content/guides/x.en.md:13: a [!QUOTE] box names who said it`},
		{"link to a missing page", "content/guides/x.en.md", guide("", "See [this](../cases/nowhere.en.md).\n"),
			`content/guides/x.en.md:13: link to a missing page content/cases/nowhere.en.md`},
		{"link to a missing heading", "content/guides/x.en.md", guide("", "## Start\n\nSee [below](#end).\n"),
			`content/guides/x.en.md:15: link to a missing heading #end (headings of this page: #start)`},
		{"link to a footnote the page lacks", "content/guides/x.en.md", guide("", "A claim[^1].\n\nSee [the note](#fn:2).\n\n[^1]: A source.\n"),
			`content/guides/x.en.md:15: link to a missing heading #fn:2`},
		{"footnote without its note", "content/guides/x.en.md", guide("", "A claim[^source].\n"),
			`content/guides/x.en.md:13: footnote [^source] has no note (add the note on a line of its own`},
		{"link to a site path", "content/guides/x.en.md", guide("", "See [guides](/en/guides/).\n"),
			`content/guides/x.en.md:13: link to a site path "/en/guides/"`},
		{"link to a content file from the repository's root", "content/guides/x.en.md", guide("", "See [it](/content/about/b.en.md#top).\n"),
			`content/guides/x.en.md:13: link "/content/about/b.en.md#top" to a page is written from the repository's root (write it from this page's folder: ../about/b.en.md#top)`},
		{"link to a content file from the root, with a space and a query", "content/guides/x.en.md", guide("", "See [it](/content/about/a%20b.en.md?x=1#top).\n"),
			`content/guides/x.en.md:13: link "/content/about/a%20b.en.md?x=1#top" to a page is written from the repository's root (write it from this page's folder: ../about/a%20b.en.md#top)`},
		{"a device name on Windows as a file name", "content/guides/con.en.md", guide("", ""),
			`content/guides/con.en.md: file name: "con" is a device name on Windows (choose another name`},
		{"a device name on Windows as a slug", "content/guides/x.en.md", guide("slug: lpt1\n", ""),
			`content/guides/x.en.md:11: front matter: slug "lpt1" is a device name on Windows`},
		{"extension in capitals", "content/guides/x.en.MD", guide("", ""),
			`content/guides/x.en.MD: the extension .MD is not written in lower case (rename it x.en.md)`},
		{"link to a folder", "content/guides/x.en.md", guide("", "See [guides](../guides/).\n"),
			`content/guides/x.en.md:13: link "../guides/" does not point to a page's .md file`},
		{"contact details", "content/guides/x.en.md", guide("", "Mail [me](mailto:someone@example.org).\n"),
			`content/guides/x.en.md:13: contact link "mailto:someone@example.org"`},
		{"image without alt text", "content/guides/x.en.md", guide("", "![](/images/gate.jpg)\n"),
			`content/guides/x.en.md:13: image without alt text`},
		{"image missing", "content/guides/x.en.md", guide("", "![The gate](/images/gate.jpg)\n"),
			`content/guides/x.en.md:13: link to a missing file "/images/gate.jpg"`},
		{"two pages, one URL", "content/guides/y.en.md", guide("slug: asking-parents\n", ""),
			`content/guides/y.en.md:11: page URL /en/guides/asking-parents/ is also used by content/guides/asking-parents.en.md`},
		// A static file where the build writes one of its own: either would be lost, or a mix.
		{"static file over a generated one", "static/robots.txt", "User-agent: *\n",
			`static/robots.txt: would be published as /robots.txt, where the build writes its own robots.txt (rename or move it`},
		{"static file over a page", "static/en/index.html", "<p>home</p>\n",
			`static/en/index.html: would be published as /en/index.html, where the build writes the page /en/`},
		// The build then failed on "mkdir public/en: not a directory", naming no static file.
		{"static file where the build makes a folder", "static/en", "x\n",
			`static/en: would be published as /en, where the build makes a folder for`},
		// With a spare folder to reuse, it replaced the search index, and the build passed.
		{"static file where the search index goes", "static/search", "x\n",
			`static/search: would be published as /search, where the build makes a folder for the search index`},
		{"static file that a Mac takes for the search index's folder", "static/Search", "x\n",
			`static/Search: would be published as /Search, which a Mac or Windows takes for /search/ that the build makes`},
		{"static file where the build makes a page's folder", "static/en/about/b", "x\n",
			`static/en/about/b: would be published as /en/about/b, where the build makes a folder for the page /en/about/b/`},
		{"static file that a Mac takes for a page", "static/EN/about/b/index.html", "x\n",
			`static/EN/about/b/index.html: would be published as /EN/about/b/index.html, which a Mac or Windows takes for /en/about/b/index.html that the build makes`},
		{"static file with a line break in its name", "static/a\nb.txt", "x\n",
			`static/a\nb.txt: file name "a\nb.txt" holds a control character`}, // spelled out, as on the terminal
		{"Netlify redirects in static", "static/_redirects", "/a /b 301\n",
			`static/_redirects: _redirects would set the site's Netlify redirects (write redirects and headers in netlify.toml`},
		{"static file with a device name", "static/files/nul.txt", "x\n",
			`static/files/nul.txt: file name "nul.txt" is a device name on Windows`},
		{"static file in the search index", "static/search/en/notes.txt", "x\n",
			`static/search/en/notes.txt: would be published as /search/en/notes.txt, where the build writes the search index`},
		{"heading with an ID the layouts use", "content/guides/x.en.md", guide("", "## Main {#main}\n\nText.\n"),
			`content/guides/x.en.md:13: heading ID #main is also an ID the layouts write (id="main")`},
		{"script address in an autolink", "content/guides/x.en.md", guide("", "Run <javascript:alert(1)>.\n"),
			`content/guides/x.en.md:13: link with scheme "javascript"`},
		{"bare e-mail address", "content/guides/x.en.md", guide("", "Write to someone@example.org.\n"),
			`content/guides/x.en.md:13: contact link "mailto:someone@example.org"`},
		{"text not UTF-8", "content/guides/x.en.md", guide("", "Text.\n\nCaf\xe9.\n"),
			`content/guides/x.en.md:15: text that is not UTF-8 (save the file as UTF-8`},
		// goldmark reads each unclosed link to the end of the paragraph: 100,000 took over a
		// minute and a half (found by a review).
		{"too many links", "content/guides/x.en.md", guide("", "Text.\n\n"+strings.Repeat("[x](", 2001)+"\n"),
			`content/guides/x.en.md:15: more than 2000 "](" on one page (split the page`},
		{"a file too large to be a page", "content/guides/x.en.md", guide("", strings.Repeat("A line of text.\n", 70000)),
			`content/guides/x.en.md: 1.1 MB, more than a page may be (1024 KB)`},
		// The slug names a folder of the output: 255 bytes made the write fail, naming no page.
		{"slug too long", "content/guides/x.en.md", guide("slug: "+strings.Repeat("a", 300)+"\n", ""),
			`content/guides/x.en.md:11: front matter: slug is 300 bytes long, more than 120 (a slug of a few words will do`},
		{"file name too long", "content/guides/" + strings.Repeat("b", 130) + ".en.md", guide("", ""),
			`content/guides/` + strings.Repeat("b", 130) + `.en.md: file name: the slug is 130 bytes long, more than 120`},
		{"image from another site", "content/guides/x.en.md", guide("", "![A gate](https://example.org/gate.jpg)\n"),
			`content/guides/x.en.md:13: image from another site "https://example.org/gate.jpg" (download it`},
		{"link without a scheme", "content/guides/x.en.md", guide("", "See [this](//example.org/x).\n"),
			`content/guides/x.en.md:13: link without https: "//example.org/x" (write the address with https: in front)`},
		{"heading ID of a footnote", "content/guides/x.en.md", guide("", "## Notes {#fn:1}\n\nA claim[^a].\n\n[^a]: Source.\n"),
			`content/guides/x.en.md:13: heading ID #fn:1 has the form of a footnote's`},
		{"language code in capitals", "content/guides/x.EN.md", guide("", ""),
			`content/guides/x.EN.md: language "EN" in capitals (write the language code in lower case: x.en.md)`},
		{"image path going up", "content/guides/x.en.md", guide("", "![A gate](/images/../../../etc/passwd)\n"),
			`content/guides/x.en.md:13: link "/images/../../../etc/passwd" goes up with ..`},
		// A merged weight was overridden by the one beside it without a word.
		{"merge key", "content/guides/x.en.md", guide("<<: {weight: 3}\n", ""),
			`content/guides/x.en.md:11: front matter: merge key (<<) (write the fields out, each once)`},
		{"tab in the indentation", "content/guides/x.en.md", strings.Replace(guide("", ""), "themes: [collaboration]", "source_extra:\n\tx: 1", 1),
			`(YAML: indent with spaces, not tabs)`},
		{"lines ending in a lone CR", "content/guides/x.en.md", "---\rtitle: x\r---\rBody\r",
			`content/guides/x.en.md:1: front matter: the lines end in a lone CR`},
		// ſ (long s) is a lower-case letter, a valid slug; it folds to s.
		{"addresses that differ only as letters fold", "content/guides/a\u017fking-parents.en.md", guide("", ""),
			`content/guides/asking-parents.en.md:1: page URL /en/guides/asking-parents/ differs from that of content/guides/aſking-parents.en.md (/en/guides/aſking-parents/) only as letters fold: on a Mac or Windows the two are one folder`},
		// Windows writes the Turkish dotless ı in capitals as I.
		{"addresses that differ only in a dotless ı", "content/guides/askıng-parents.en.md", guide("", ""),
			`content/guides/asking-parents.en.md:1: page URL /en/guides/asking-parents/ differs from that of content/guides/askıng-parents.en.md (/en/guides/askıng-parents/) only as letters fold`},
		{"missing partial", "layouts/page.html", strings.Replace(repoFile(t, "layouts/page.html"), `{{define "main"}}`, `{{define "main"}}{{template "layouts/partials/nope.html" .}}`, 1),
			`layouts/page.html:1: no such template "layouts/partials/nope.html" (while rendering /en/about/b/) (a partial is a file of layouts/partials/`},
		// A list of fields to merge was a merge key three times over, on one line.
		{"merge key with a list", "content/guides/x.en.md", guide("<<: [{weight: 3}, {weight: 5}]\n", ""),
			`content/guides/x.en.md:11: front matter: merge key (<<) (write the fields out, each once)`},
		// The parser refuses a field written twice; the decoder finds one a merge brings in.
		{"merge key over a field", "content/guides/x.en.md", guide("extra: &m {weight: 3}\n<<: *m\nweight: 4\n", ""),
			`front matter: duplicate key "weight", written and brought in by a merge key (<<) (write the fields out, each once)`},
		// A key written as a block is not compared by the parser; no merge key is to blame.
		{"duplicate key as a block", "content/guides/x.en.md", guide("? |-\n  weight\n: 4\nweight: 5\n", ""),
			`front matter: duplicate key "weight" (keep one of the two)`},
		{"merge key with its tag", "content/guides/x.en.md", guide("!!merge <<: {weight: 3}\n", ""),
			`content/guides/x.en.md:11: front matter: merge key (<<)`},
		{"merge key as a complex key", "content/guides/x.en.md", guide("? <<\n: {weight: 3}\n", ""),
			`content/guides/x.en.md:11: front matter: merge key (<<)`},
		{"link to the sitemap", "content/guides/x.en.md", guide("", "See [all pages](/sitemap.xml).\n"),
			`content/guides/x.en.md:13: link to "/sitemap.xml", a file the build makes for browsers and search engines (link to a page instead`},
		{"link to a stylesheet's source", "content/guides/x.en.md", guide("", "See [the styles](/css/site.css).\n"),
			`content/guides/x.en.md:13: link to "/css/site.css", a stylesheet or script: it is published under a name with its content hash`},
		// UI strings that become addresses: an empty one put the Dutch guides over the Dutch
		// home page, silently.
		{"URL segment empty", "i18n/nl.toml", strings.Replace(repoFile(t, "i18n/nl.toml"), `guides = "gidsen"`, `guides = ""`, 1),
			`i18n/nl.toml:39: url.guides = "" cannot be part of an address`},
		{"URL segment leaving the language", "i18n/nl.toml", strings.Replace(repoFile(t, "i18n/nl.toml"), `guides = "gidsen"`, `guides = "../../x"`, 1),
			`i18n/nl.toml:39: url.guides = "../../x" cannot be part of an address`},
		{"URL segment twice", "i18n/nl.toml", strings.Replace(repoFile(t, "i18n/nl.toml"), `about = "achtergrond"`, `about = "themas"`, 1),
			`i18n/nl.toml:44: url.about and url.themes are both "themas": two pages would have one address`},
		{"language field of the wrong kind", "i18n/nl.toml", strings.Replace(repoFile(t, "i18n/nl.toml"), "weight = 2", `weight = "2"`, 1),
			`i18n/nl.toml:7: [language] weight = "2" is not of its kind (write a whole number without quotes: weight = 2)`},
		{"unknown language field", "i18n/nl.toml", strings.Replace(repoFile(t, "i18n/nl.toml"), "weight = 2", "wieght = 2", 1),
			`i18n/nl.toml:7: [language] has an unknown field "wieght"`},
		{"language code not as written", "i18n/EN.toml", "[language]\nname = \"English\"\n",
			`i18n/EN.toml: "EN" is not written as a language code is (en) (rename the file en.toml)`},
		{"term key not an address", "i18n/en.toml", strings.Replace(repoFile(t, "i18n/en.toml"), "[theme]\n", "[theme]\n\"Two Words\" = \"Two words\"\n", 1),
			`i18n/en.toml:58: [theme] key "Two Words" cannot be part of an address`},
		{"missing UI string", "i18n/nl.toml", "[language]\nname = \"Nederlands\"\n",
			`i18n/nl.toml: missing UI string "box.attention" in language "nl"`},
		// It took 270 s, each page 100,000 levels down, and the errors blamed the pages.
		{"a partial that draws itself", "layouts/partials/footer.html", repoFile(t, "layouts/partials/footer.html") + "{{template \"layouts/partials/footer.html\" .}}\n",
			`layouts/partials/footer.html draws itself without end: layouts/partials/footer.html → layouts/partials/footer.html`},
		// Under a condition it may end, so it is drawn: it took 6 minutes, each page 100,000
		// levels down; the first page that goes so deep now ends the drawing of the others.
		{"a partial that draws itself under a condition", "layouts/partials/footer.html", repoFile(t, "layouts/partials/footer.html") + "{{if .}}{{template \"layouts/partials/footer.html\" .}}{{end}}\n",
			`layouts/partials/footer.html: executing "layouts/partials/footer.html" at <{{template "layouts/partials/footer.html" .}}>: exceeded maximum template depth (100000)`},
		// Failed only on the first page that drew it: here, one day, a Turkish page.
		{"a UI string no language has", "layouts/page.html", strings.Replace(repoFile(t, "layouts/page.html"), `{{define "main"}}`, `{{define "main"}}{{if eq .Lang.Code "tr"}}{{T "nope.key"}}{{end}}`, 1),
			`layouts/page.html:1: UI string "nope.key" is in no language file (add it to i18n/en.toml`},
		// Go names the line that drew the partial first; the mistake is in the partial.
		{"error inside a partial drawn with partialCached", "layouts/partials/search-box.html",
			strings.Replace(repoFile(t, "layouts/partials/search-box.html"), `{{asset "js/search.js"}}`, `{{asset "js/nope.js"}}`, 1),
			`layouts/partials/search-box.html:2: executing "layouts/partials/search-box.html" at <asset "js/nope.js">: error calling asset: no stylesheet or script static/js/nope.js (drawn from layouts/partials/header.html:4)`},
		{"template error", "layouts/page.html", "{{define \"main\"}}\n{{.Page.Nope}}\n{{end}}\n",
			`layouts/page.html:2: executing "main" at <.Page.Nope>: can't evaluate field Nope`},
		// Pages render with minified layouts; the error still names the line as written.
		{"template error below markup", "layouts/page.html", "{{define \"main\"}}\n<div>\n  <p>\n    Text\n  </p>\n</div>\n<p>{{.Page.Nope}}</p>\n{{end}}\n",
			`layouts/page.html:7: executing "main" at <.Page.Nope>: can't evaluate field Nope`},
		{"template syntax", "layouts/page.html", "{{define \"main\"}}\n{{if}}\n{{end}}\n",
			`layouts/page.html:2: missing value for if`},
		// html/template's description holds a colon, which cut it off (found by a new user's
		// test); it notices the open quote later on, so the hint sends the editor back.
		{"attribute quote not closed", "layouts/page.html", "{{define \"main\"}}\n<a href=\"{{.Page.URL}}>x</a>\n{{end}}\n",
			`"\"" in attribute name: `},
		{"attribute quote not closed, the hint", "layouts/page.html", "{{define \"main\"}}\n<a href=\"{{.Page.URL}}>x</a>\n{{end}}\n",
			`look for an attribute whose closing quote is missing, here or in a layout drawn before this one`},
		// Go prints the value a {{range}} cannot iterate over in full: a page, its whole text,
		// different on every page (243 KB of errors for one mistake).
		{"range over a page", "layouts/page.html", "{{define \"main\"}}\n{{range .Page}}{{end}}\n{{end}}\n",
			`layouts/page.html:2: executing "main" at <.Page>: range can't iterate over {`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.New(t, twoLanguages+"-- content/about/b.en.md --\n"+sitetest.Page("page", "", "Text.\n")+
				"-- content/cases/d.en.md --\n"+sitetest.Page("case", "draft: true\n", "Not yet.\n"))
			sitetest.Write(t, dir, tt.file, tt.content)
			out, err := run(t, dir)
			if err == nil {
				t.Fatalf("build succeeded; want error %q", tt.want)
			}
			// Each problem is said once, however many ways the reader comes upon it.
			if n := strings.Count(out, tt.want); n != 1 {
				t.Errorf("want %q once, found %d times in:\n%s", tt.want, n, out)
			}
		})
	}
}

// Problems in several files are all reported in one run.
func TestAllErrorsAreReportedTogether(t *testing.T) {
	dir := sitetest.New(t, twoLanguages+`
-- content/guides/a.en.md --
---
title: A
---
-- content/cases/b.en.md --
no front matter
`)
	// A page whose front matter is sound is still checked: its Markdown and its links, but
	// a link to a page left out for its own problems is not one more.
	sitetest.Write(t, dir, "content/about/c.en.md", sitetest.Page("page", "", "See [a](../guides/a.en.md) and [nothing](nothing.en.md).\n\n<b>raw</b>\n"))
	// A layout's mistake that shows only as pages are drawn is reported in the same run
	// (found by a review: it waited for the content to be fixed).
	// The translation of a page left out, of a draft or of a missing page has no original:
	// it is not drawn, or the layouts would fail on it for a reason that is not theirs.
	sitetest.Write(t, dir, "content/guides/a.nl.md", sitetest.Page("guide", "original: en\ntranslation: {status: draft}\n", "Tekst.\n"))
	sitetest.Write(t, dir, "content/guides/d.en.md", sitetest.Page("guide", "draft: true\n", "Draft.\n"))
	sitetest.Write(t, dir, "content/guides/d.nl.md", sitetest.Page("guide", "original: en\ntranslation: {status: draft}\n", "Tekst.\n"))
	sitetest.Write(t, dir, "content/guides/gone.nl.md", sitetest.Page("guide", "original: en\ntranslation: {status: draft}\n", "Tekst.\n"))
	page := repoFile(t, "layouts/page.html")
	sitetest.Write(t, dir, "layouts/page.html", strings.Replace(page, `{{define "main"}}`, `{{define "main"}}{{.Page.Zpi}}`, 1))
	out, _ := run(t, dir)
	for _, want := range []string{"content/guides/a.en.md:1:", "content/cases/b.en.md:1:",
		"content/about/c.en.md:9: link to a missing page content/about/nothing.en.md", "content/about/c.en.md:11: raw HTML",
		`layouts/page.html:1: executing "main" at <.Page.Zpi>: can't evaluate field Zpi`,
		"content/guides/d.nl.md:11: front matter: the original content/guides/d.en.md is a draft (publish the original first",
		"content/guides/gone.nl.md:11: front matter: the original content/guides/gone.en.md does not exist"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "nil pointer") {
		t.Errorf("a translation of a page left out was drawn:\n%s", out)
	}
	if strings.Contains(out, "page content/guides/a.en.md") {
		t.Errorf("the link to the page left out is reported:\n%s", out)
	}
}

// repoFile is a file of the repository as it is, to test a change to it.
func repoFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sitetest.RepoRoot(t), name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A broken language file is the one error reported for it: the pages in that language are
// not each reported as in an unknown language. An editor's lock file beside it is no
// language at all.
// Two guides with one address also share their handouts' addresses: the guides' collision is
// reported, once per language, and the handouts' follows from it (they were reported as
// "(generated …)", which is no file).
func TestGuidesOnOneAddressAreReportedWithoutTheirHandouts(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	questions := "\n> [!QUESTIONS] Inschrijving\n> 1. Hoe vond u onze school?\n"
	nl := sitetest.Read(t, dir, "content/guides/asking-parents.nl.md") + questions
	sitetest.Write(t, dir, "content/guides/asking-parents.nl.md", nl)
	sitetest.Write(t, dir, "content/guides/y.nl.md", nl)
	en := sitetest.Read(t, dir, "content/guides/asking-parents.en.md")
	sitetest.Write(t, dir, "content/guides/y.en.md", strings.Replace(en, "original: en\n", "original: en\nslug: asking-parents\n", 1))
	out, err := run(t, dir)
	if err == nil {
		t.Fatal("build succeeded")
	}
	want := []string{
		"content/guides/y.en.md:8: page URL /en/guides/asking-parents/ is also used by content/guides/asking-parents.en.md",
		"content/guides/y.nl.md:9: page URL /nl/gidsen/ouders-bevragen/ is also used by content/guides/asking-parents.nl.md",
	}
	for _, w := range want {
		if strings.Count(out, w) != 1 {
			t.Errorf("want once %q in:\n%s", w, out)
		}
	}
	if lines := strings.Count(strings.TrimSpace(out), "\n") + 1; lines != len(want) {
		t.Errorf("want %d errors, got:\n%s", len(want), out)
	}
}

// A slug typed on a Mac may arrive decomposed (e and an accent): it is composed, as file
// names are, so its address is the one readers type, and it meets a composed twin.
func TestADecomposedSlugIsComposed(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, "content/about/x.en.md", sitetest.Page("page", "slug: cafe\u0301\n", "Text.\n"))
	mustBuild(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "public", "en", "about", "caf\u00e9", "index.html")); err != nil {
		t.Errorf("not at the composed address: %v", err)
	}
	sitetest.Write(t, dir, "content/about/y.en.md", sitetest.Page("page", "slug: caf\u00e9\n", "Text.\n"))
	if out, err := run(t, dir); err == nil || !strings.Contains(out, "page URL /en/about/caf\u00e9/ is also used by") {
		t.Errorf("two pages on one address: %v\n%s", err, out)
	}
}

// Two static files that a Mac or Windows takes for one: the second would overwrite the first
// in a checkout there.
func TestStaticFilesThatAreOneOnAMac(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, "static/files/Caf\u00e9.pdf", "x")
	sitetest.Write(t, dir, "static/files/cafe\u0301.pdf", "y")
	out, err := run(t, dir)
	if want := "static/files/cafe\u0301.pdf: is the same file as static/files/Caf\u00e9.pdf on a Mac or Windows"; err == nil || !strings.Contains(out, want) {
		t.Errorf("want %q in:\n%s", want, out)
	}
}

// A template that draws itself under a condition may end (a tree drawn level by level): it
// is not refused.
func TestATemplateMayDrawItselfUnderACondition(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	page := repoFile(t, "layouts/page.html")
	sitetest.Write(t, dir, "layouts/page.html", strings.Replace(page, `{{define "main"}}`,
		`{{define "codes"}}{{if .}}<i>{{(index . 0).Code}}</i>{{template "codes" (slice . 1)}}{{end}}{{end}}{{define "main"}}{{template "codes" .Site.Languages}}`, 1))
	sitetest.Write(t, dir, "content/about/b.en.md", sitetest.Page("page", "", "Text.\n"))
	mustBuild(t, dir)
	contains(t, dir, "en/about/b/index.html", "<i>en</i><i>nl</i>")
}

// A UI string only one language has may be drawn for that language alone: the layouts are
// not refused for it (found by a review: the check asked the default language only).
func TestAUIStringOfOneLanguageMayBeDrawnForIt(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, "i18n/nl.toml", repoFile(t, "i18n/nl.toml")+"\n[extra]\nonly = \"Alleen in het Nederlands\"\n")
	sitetest.Write(t, dir, "layouts/page.html", strings.Replace(repoFile(t, "layouts/page.html"), `{{define "main"}}`, `{{define "main"}}{{if eq .Lang.Code "nl"}}{{T "extra.only"}}{{end}}`, 1))
	mustBuild(t, dir)
}

func TestBrokenLanguageFileIsReportedOnce(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, "i18n/.#nl.toml", "a lock file, not TOML")
	mustBuild(t, dir)
	sitetest.Write(t, dir, "i18n/nl.toml", repoFile(t, "i18n/nl.toml")+"\nbroken = \n")
	out, err := run(t, dir)
	if err == nil {
		t.Fatal("build succeeded")
	}
	if lines := strings.Count(strings.TrimSpace(out), "\n") + 1; lines != 1 || !strings.HasPrefix(out, "i18n/nl.toml:") {
		t.Errorf("want one error, in i18n/nl.toml; got:\n%s", out)
	}
}

// A renamed original whose translations kept the old name: its body is the one they were
// translated from (their hash), so the hints name the new file, not the old translation.
func TestARenamedOriginalIsFoundByItsBody(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	en := sitetest.Read(t, dir, "content/guides/asking-parents.en.md")
	_, body, _ := strings.Cut(strings.TrimPrefix(en, "---\n"), "\n---\n")
	nl := sitetest.Read(t, dir, "content/guides/asking-parents.nl.md")
	sitetest.Write(t, dir, "content/guides/asking-parents.nl.md",
		strings.Replace(nl, "translation: {status: draft}", "translation: {status: reviewed, hash: "+content.BodyHash([]byte(body))+"}", 1))
	mustBuild(t, dir)
	if err := os.Rename(filepath.Join(dir, "content/guides/asking-parents.en.md"), filepath.Join(dir, "content/guides/asking-parents-anew.en.md")); err != nil {
		t.Fatal(err)
	}
	sitetest.Write(t, dir, "content/about/b.en.md", sitetest.Page("page", "", "See [it](../guides/asking-parents.en.md).\n"))
	out, _ := run(t, dir)
	for _, want := range []string{
		"content/about/b.en.md:9: link to a missing page content/guides/asking-parents.en.md (it was renamed content/guides/asking-parents-anew.en.md: link to that, and rename its translations to match: content/guides/asking-parents.nl.md)",
		"content/guides/asking-parents.nl.md:7: front matter: the original content/guides/asking-parents.en.md does not exist (the original was renamed content/guides/asking-parents-anew.en.md: rename this file asking-parents-anew.nl.md)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	// Moved to another section (its front matter made that section's): the hint names the
	// folder too.
	moved := regexp.MustCompile(`(?m)^(purpose|participants|duration|materials): .*\n`).ReplaceAllString(en, "")
	if err := os.Remove(filepath.Join(dir, "content/guides/asking-parents-anew.en.md")); err != nil {
		t.Fatal(err)
	}
	sitetest.Write(t, dir, "content/about/parents.en.md", moved)
	if out, _ := run(t, dir); !strings.Contains(out, "(the original was moved to content/about/parents.en.md: move this file to content/about/parents.nl.md)") {
		t.Errorf("moved:\n%s", out)
	}
	if err := os.Remove(filepath.Join(dir, "content/about/parents.en.md")); err != nil {
		t.Fatal(err)
	}
	// Changed as well as renamed: nothing tells which page it became.
	sitetest.Write(t, dir, "content/guides/asking-parents-anew.en.md", en+"\nMore.\n")
	if out, _ := run(t, dir); !strings.Contains(out, "(it is gone, but not its translations: if it was renamed, link to the new name and rename them to match; if it was removed, remove them too: content/guides/asking-parents.nl.md)") {
		t.Errorf("changed and renamed:\n%s", out)
	}
}

// A value Go prints whole in a layout's error differs on every page (a page prints as its
// whole text): it is cut, and said once for all the pages, not once per page.
func TestALayoutErrorWithAPrintedValueIsSaidOnce(t *testing.T) {
	long := strings.Repeat("More text. ", 300) + "\n"
	for _, bodies := range [][2]string{{"Text.\n", long}, {long, "Text.\n"}} {
		// c comes first in its section, so it is drawn first; b is named first.
		dir := sitetest.New(t, twoLanguages+
			"-- content/about/b.en.md --\n"+sitetest.Page("page", "weight: 2\n", bodies[0])+
			"-- content/about/c.en.md --\n"+sitetest.Page("page", "weight: 1\n", bodies[1]))
		sitetest.Write(t, dir, "layouts/page.html", "{{define \"main\"}}\n{{range .Page}}{{end}}\n{{end}}\n")
		out, err := run(t, dir)
		if err == nil {
			t.Fatal("build succeeded")
		}
		if n := strings.Count(out, "range can't iterate over"); n != 1 {
			t.Fatalf("said %d times, want once:\n%s", n, out)
		}
		if !strings.Contains(out, " KB) (while rendering /en/about/b/ and 1 more pages)") || len(out) > 2000 {
			t.Fatalf("got %d bytes:\n%s", len(out), out)
		}
		if shown, _, _ := strings.Cut(out, "(cut from"); !strings.Contains(shown, "/en/about/b/") || strings.Contains(shown, "/en/about/c/") {
			t.Errorf("the value shown is not that of the page named, /en/about/b/:\n%s", out)
		}
	}
}
