package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/work"
)

// Options are what Load needs to know beyond the files.
type Options struct {
	Languages  []string              // language codes that exist (from i18n/)
	Vocabulary map[string]Vocabulary // allowed keys per field: themes, audience, setting, source, pilots, level, region
	Drafts     bool                  // keep draft: true pages
}

// Vocabulary is the set of keys allowed in one front matter field.
type Vocabulary map[string]bool

// Page is one Markdown file of content/ with its decoded front matter.
type Page struct {
	Path     string // "content/guides/asking-new-parents.en.md"
	Section  string // "guides"; "" for the home page
	Slug     string // from the file name: "asking-new-parents", "_index"
	Lang     string
	Type     string // principle, guide, anchor, condition, case, page; home, section for _index files
	Meta     Meta
	Body     []byte
	BodyLine int // file line where Body starts
	SlugLine int // file line of the slug: field; 0 without one
	// OriginalLine is the file line of the original: field; 0 without one.
	OriginalLine int
}

// Common returns the fields every page has.
func (p *Page) Common() *Common { return p.Meta.common() }

// IsIndex reports whether the page is a home page or section intro.
func (p *Page) IsIndex() bool { return p.Slug == "_index" }

// URLSlug is the last URL segment: the front matter slug, else the file's slug.
func (p *Page) URLSlug() string {
	if s := p.Common().Slug; s != "" {
		return s
	}
	return p.Slug
}

// Key identifies a page across its translations: "guides/asking-new-parents".
func (p *Page) Key() string {
	if p.Section == "" {
		return p.Slug
	}
	return p.Section + "/" + p.Slug
}

// SourcePath returns the content file of this page's translation in lang.
func (p *Page) SourcePath(lang string) string {
	return path.Join(path.Dir(p.Path), p.Slug+"."+lang+".md")
}

// Load reads every file under content/ of fsys (the site root) and returns the pages sorted
// by path. Problems are reported into diags; a page with problems is left out.
func Load(fsys fs.FS, opts Options, diags *diag.List) []*Page {
	return LoadAll(fsys, opts, diags).Pages
}

// Loaded is what LoadAll found under content/.
type Loaded struct {
	Pages []*Page
	// Drafts are the content files of the draft pages left out (none with opts.Drafts),
	// so a link to one can say why it has no target.
	Drafts []string
	// Broken are the files left out for their problems (reported already): the build
	// goes on to check the other pages, and a link to one of these is no new problem.
	Broken []string
}

// LoadAll is Load that also says which files it left out, and why.
func LoadAll(fsys fs.FS, opts Options, diags *diag.List) Loaded {
	var files []string
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(p, 0, "", "cannot read: %v", err)
			return nil
		}
		if d.IsDir() {
			if depth := strings.Count(p, "/"); depth > 1 {
				diags.Errorf(p, 0, "pages live in content/<section>/; move the files up", "folder too deep")
				return fs.SkipDir
			}
			return nil
		}
		if Leftover(d.Name()) {
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		diags.Errorf("content", 0, "create content/ with the pages of the site", "cannot read the content folder: %v", err)
		return Loaded{}
	}
	sort.Strings(files)

	loaded := make([]*Page, len(files))
	work.Each(len(files), func(i int) { loaded[i] = loadFile(fsys, files[i], opts, diags) })

	var out Loaded
	for i, p := range loaded {
		switch {
		case p == nil:
			out.Broken = append(out.Broken, files[i])
		case opts.Drafts || !p.Common().Draft:
			out.Pages = append(out.Pages, p)
		default:
			out.Drafts = append(out.Drafts, p.Path)
		}
	}
	return out
}

// Leftover reports a file that editors and operating systems leave beside the site's own:
// dot files (.DS_Store, vim's .x.swp), backups (x.md~, Emacs's #x.md#), Thumbs.db and
// desktop.ini. The build neither reads nor publishes them.
func Leftover(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) ||
		name == "Thumbs.db" || name == "desktop.ini"
}

// MaxSlugBytes is the longest slug: it names a folder of the output, and file systems allow
// 255 bytes in a name (the build failed while writing, naming no page).
const MaxSlugBytes = 120

const slugLengthHint = "a slug of a few words will do, e.g. asking-new-parents"

// ValidSlug reports whether s can be one URL segment: lower-case letters and digits in any
// script (with their combining marks), joined by single hyphens. It rules out "/", "..",
// spaces and upper case. (A loop, not a regular expression: compiling the Unicode classes
// took 1.2 ms at every start.)
func ValidSlug(s string) bool {
	inWord := false
	for _, r := range s {
		switch {
		case r == '-' && inWord:
			inWord = false
		case unicode.In(r, unicode.Ll, unicode.Lo, unicode.Nd, unicode.Mn):
			inWord = true
		default:
			return false
		}
	}
	return inWord
}

// parsePath splits content/<section>/<slug>.<lang>.md.
func parsePath(p string, opts Options, diags *diag.List) (section, slug, lang string, ok bool) {
	rel := strings.TrimPrefix(p, "content/")
	dir, name := path.Split(rel)
	section = strings.TrimSuffix(dir, "/")
	if ext := path.Ext(name); ext != ".md" && strings.EqualFold(ext, ".md") {
		diags.Errorf(p, 0, "rename it "+strings.TrimSuffix(name, ext)+".md", "the extension %s is not written in lower case", ext)
		return "", "", "", false
	}
	if !strings.HasSuffix(name, ".md") {
		diags.Errorf(p, 0, "content/ holds only Markdown pages (.md); put images and other files in static/", "not a page")
		return "", "", "", false
	}
	base := strings.TrimSuffix(name, ".md")
	dot := strings.LastIndexByte(base, '.')
	if dot < 0 {
		diags.Errorf(p, 0, "name it <slug>.<lang>.md, e.g. "+base+"."+opts.Languages[0]+".md", "no language in the file name")
		return "", "", "", false
	}
	// A name typed on a Mac may reach us decomposed (e and a combining accent): the same
	// slug as the composed one, so the two meet as translations, or clash as one address.
	slug, lang = norm.NFC.String(base[:dot]), base[dot+1:]
	if lower := strings.ToLower(lang); lower != lang && contains(opts.Languages, lower) {
		diags.Errorf(p, 0, "write the language code in lower case: "+slug+"."+lower+".md", "language %q in capitals", lang)
		return "", "", "", false
	}
	if !contains(opts.Languages, lang) {
		diags.Errorf(p, 0, "known languages: "+strings.Join(opts.Languages, ", ")+"; a language exists when i18n/"+lang+".toml exists",
			"unknown language %q", lang)
		return "", "", "", false
	}
	if section != "" && TypeOf(section) == "" {
		diags.Errorf(p, 0, "sections: "+strings.Join(Sections(), ", "), "unknown section %q", section)
		return "", "", "", false
	}
	if section == "" && slug != "_index" {
		diags.Errorf(p, 0, "only the home page (_index."+lang+".md) sits directly in content/; move this page into a section folder", "page outside a section")
		return "", "", "", false
	}
	if slug != "_index" && !ValidSlug(slug) {
		diags.Errorf(p, 0, "use lower-case letters, digits and single hyphens, e.g. asking-new-parents", "file name %q is not a valid slug", slug)
		return "", "", "", false
	}
	if len(slug) > MaxSlugBytes {
		diags.Errorf(p, 0, slugLengthHint, "file name: the slug is %d bytes long, more than %d", len(slug), MaxSlugBytes)
		return "", "", "", false
	}
	if ReservedOnWindows(slug) {
		diags.Errorf(p, 0, windowsHint, "file name: %q is a device name on Windows", slug)
		return "", "", "", false
	}
	return section, slug, lang, true
}

// ReservedOnWindows reports whether name, as a file or folder name without its extension,
// is one of the devices Windows keeps (con, nul, com1, …): an editor on Windows could not
// check out the repository or open the built site with a page so named.
func ReservedOnWindows(name string) bool {
	base, _, _ := strings.Cut(strings.ToLower(name), ".")
	switch base {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) && base[3] >= '1' && base[3] <= '9'
}

const windowsHint = "choose another name: Windows cannot make a file or folder of that name"

// firstControl is the index of the first control character in src other than a tab or a
// line break (C0, DEL and C1), or -1.
func firstControl(src []byte) int {
	for i, c := range src {
		if c < 0x20 {
			if c != '\n' && c != '\t' && c != '\r' {
				return i
			}
		} else if c == 0x7f || c == 0xc2 && i+1 < len(src) && src[i+1] >= 0x80 && src[i+1] < 0xa0 {
			return i
		}
	}
	return -1
}

// MaxPageBytes is the size of the largest content file the build reads, a hundred times the
// handbook's longest page. goldmark takes time out of proportion on some large inputs (a
// table of 5,000 columns: 10 s and 500 MB), and one such file must not stall every build.
const MaxPageBytes = 1 << 20

func loadFile(fsys fs.FS, p string, opts Options, diags *diag.List) *Page {
	section, slug, lang, ok := parsePath(p, opts, diags)
	if !ok {
		return nil
	}
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		diags.Errorf(p, 0, "", "cannot read: %v", err)
		return nil
	}
	if len(src) > MaxPageBytes {
		diags.Errorf(p, 0, "split it into several pages, or look for text pasted in by mistake",
			"%.1f MB, more than a page may be (%d KB)", float64(len(src))/(1<<20), MaxPageBytes>>10)
		return nil
	}
	if !utf8.Valid(src) {
		// An editor that saved the file as Windows-1252: "café" would reach the page as
		// bytes no browser reads as UTF-8 (and the YAML reader's message says little).
		valid := 0
		for valid < len(src) {
			r, size := utf8.DecodeRune(src[valid:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			valid += size
		}
		diags.Errorf(p, 1+bytes.Count(src[:valid], []byte("\n")), "save the file as UTF-8: in most editors, Save as… and choose the encoding UTF-8",
			"text that is not UTF-8")
		return nil
	}
	if i := firstControl(src); i >= 0 {
		// An escape, a backspace or a NUL pasted in with text from another program: no
		// reader sees it, but it goes into the page and the search index as it is.
		r, _ := utf8.DecodeRune(src[i:])
		diags.Errorf(p, 1+bytes.Count(src[:i], []byte("\n")), "remove it: it is invisible in most editors; search for "+fmt.Sprintf("%U", r)+" or retype the line",
			"control character %U in the text", r)
		return nil
	}
	fmBytes, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		diags.Errorf(p, 1, "see the README, section Front matter", "%v", err)
		return nil
	}
	fm := &frontMatter{src: fmBytes}
	typ := TypeOf(section)
	switch {
	case slug == "_index" && section == "":
		typ = "home"
	case slug == "_index":
		typ = "section"
	}
	meta := NewMeta(typ)
	if errs := fm.decode(meta); errs != nil {
		for _, perr := range errs {
			diags.Errorf(p, perr.line, perr.hint, "%s", perr.msg)
		}
		return nil
	}
	page := &Page{Path: p, Section: section, Slug: slug, Lang: lang, Type: typ, Meta: meta, Body: body, BodyLine: bodyLine}
	if meta.common().Slug != "" {
		page.SlugLine = fm.line("slug")
	}
	if meta.common().Original != "" {
		page.OriginalLine = fm.topLevelLine("original")
	}
	var problems diag.List
	validate(page, fm, opts, &problems)
	diags.Merge(&problems)
	if problems.HasErrors() {
		return nil
	}
	return page
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
