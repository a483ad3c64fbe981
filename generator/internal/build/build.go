package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/tdewolff/minify/v2"
	"golang.org/x/net/idna"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
	"github.com/educare-handbook/handbook/generator/internal/layout"
	"github.com/educare-handbook/handbook/generator/internal/markdown"
	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/work"
)

// DefaultBaseURL is used when neither a flag nor Netlify says where the site lives.
const DefaultBaseURL = "http://localhost:1313/"

// Options are the inputs of one build.
type Options struct {
	Root    string // the site root: content/, layouts/, static/, i18n/
	Out     string // the output folder, replaced only when the build succeeds
	BaseURL string
	Drafts  bool
	NoIndex bool      // deploy previews and branch deploys: tell search engines to stay away
	Offline bool      // a copy to open from disk: relative links, no integrity values
	Log     io.Writer // timings; nil for silence
	// PDFs are files the pdf command printed, by output path ("downloads/nl/toolkit.pdf"):
	// the build writes them and the pages link them. A plain build has none.
	PDFs map[string][]byte
	// TOCPages are the page numbers of the toolkits' chapters in their PDFs, by toolkit URL
	// and chapter ID ("/nl/toolkit/#g3"), for the printed contents; the pdf command reads
	// them from a first print.
	TOCPages map[string]int
	// Updated is the last change of each content file ("content/guides/x.en.md"), from the
	// repository's history (see package history); a page without a date shows none.
	Updated map[string]time.Time
	// Stop, when closed, ends the build early (the user pressed Ctrl-C): it returns
	// ErrInterrupted, the target stays as it was and the spare stays for the next build.
	Stop <-chan struct{}
	// Timeout is how long one drawing of a layout may take before the build gives up on it
	// and fails, naming the layout and the page; 0 is DefaultTimeout.
	Timeout time.Duration
	// OnWait, when set, is called once if another build is writing the same output folder:
	// this one then waits for it to finish.
	OnWait func()

	// oneShot is set by Build, whose model is thrown away when written: what only a kept
	// model needs (Markdown sources, the body text once indexed) is let go on the way, to
	// keep memory, and the garbage collector's work, small.
	oneShot bool
	// watch hears of every drawing of a layout, for the time limit.
	watch *layout.Watch
}

// ErrInterrupted is the error of a build that Options.Stop ended.
var ErrInterrupted = errors.New("interrupted")

// stopped reports whether stop is closed; a nil stop never is.
func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// baseURLProblem says what is wrong with a base URL, or "". Pages link each other from the
// root ("/en/guides/…"), so a site in a sub-folder would get canonical addresses and QR
// codes that work and links that do not: it is refused rather than half done.
func baseURLProblem(base string) string {
	u, err := url.Parse(base)
	switch {
	case err != nil:
		return "is not a URL"
	case u.Scheme != "http" && u.Scheme != "https":
		return "does not start with http:// or https://"
	case u.Host == "":
		return "names no host"
	case u.Path != "" && u.Path != "/":
		return "has a path (" + u.Path + "): the handbook is built for the root of its site, not a sub-folder"
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return "has more than a scheme and a host"
	}
	host, err := asciiHost(u.Hostname())
	if err != nil {
		return "has a host name that is not a valid domain name (" + err.Error() + ")"
	}
	if net.ParseIP(host) == nil && !hostName.MatchString(host) {
		// It goes as written into robots.txt and every page's links.
		return "has a host name with characters no host name has"
	}
	return ""
}

// hostName is a host name as DNS and local networks write it, after asciiHost.
var hostName = regexp.MustCompile(`^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$`)

// hostToASCII maps an international domain name as browsers do, but checks no more than
// the build did before: Netlify's branch addresses (fr--handbook.netlify.app) break the
// strict rules on hyphens, and a host name with "_" works on a local network.
var hostToASCII = idna.New(idna.MapForLookup(), idna.StrictDomainName(false), idna.CheckHyphens(false))

// asciiHost is host in ASCII; a host that is ASCII already is left as it is.
func asciiHost(host string) (string, error) {
	for i := 0; i < len(host); i++ {
		if host[i] >= utf8.RuneSelf {
			return hostToASCII.ToASCII(host)
		}
	}
	return host, nil
}

// asciiBaseURL writes the host of a sound base URL as DNS has it: an international domain
// name (kinderopvang-gent.be with accents, say) in punycode, as browsers and search
// engines expect it in canonical links and the sitemap, not percent-encoded.
func asciiBaseURL(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	host, err := asciiHost(u.Hostname())
	if err != nil || host == u.Hostname() {
		return base
	}
	if port := u.Port(); port != "" {
		host += ":" + port
	}
	u.Host = host
	return u.String()
}

// Result says what a build did.
type Result struct {
	Pages int
	Files int
	Diags *diag.List
	Steps []Step
}

// Step is one timed stage of the pipeline.
type Step struct {
	Name     string
	Duration time.Duration
}

// BaseURLFromEnv picks the base URL the way Netlify means it: the deploy's own address on
// previews and branch deploys, the site's main address otherwise.
func BaseURLFromEnv(getenv func(string) string) string {
	ctx := getenv("CONTEXT")
	if (ctx == "deploy-preview" || ctx == "branch-deploy") && getenv("DEPLOY_PRIME_URL") != "" {
		return getenv("DEPLOY_PRIME_URL")
	}
	if u := getenv("URL"); u != "" {
		return u
	}
	if u := getenv("DEPLOY_PRIME_URL"); u != "" {
		return u
	}
	return DefaultBaseURL
}

// NoIndexFromEnv reports whether Netlify builds a site that is not the published one: a
// deploy preview or a branch deploy, which search engines must not list beside it.
func NoIndexFromEnv(getenv func(string) string) bool {
	ctx := getenv("CONTEXT")
	return ctx == "deploy-preview" || ctx == "branch-deploy"
}

// Build runs the whole pipeline. On any content error it returns the diagnostics and leaves
// the output folder untouched.
func Build(opts Options) (*Result, error) {
	opts.oneShot = true
	_, res, err := BuildModel(opts)
	return res, err
}

// BuildModel is Build that also returns the written model, for commands that keep working
// with it: serve updates it page by page, check reads it. The model is nil on failure.
func BuildModel(opts Options) (*Model, *Result, error) {
	m, res, err := withTimeout(opts, buildUnwatched)
	if errors.Is(err, errSpareSetAside) && !stopped(opts.Stop) {
		// Once more, into a fresh folder: the spare that failed is gone, and a build that
		// fails now says why in its own words.
		first := err
		m, res, err = withTimeout(opts, buildUnwatched)
		if err == nil {
			res.Diags.Warnf("", 0, "the site was built; should this come back, see with ls -l who owns the folder it names",
				"%v; built into a fresh folder instead", first)
		}
	}
	return m, res, err
}

// buildUnwatched is BuildModel without the time limit: b hears of the output folder, and may
// take the build over (see withTimeout).
func buildUnwatched(opts Options, b *building) (model *Model, res *Result, err error) {
	res = &Result{Diags: &diag.List{}}
	var out *output
	// A bug must not cost an editor their site: whatever panics, the fresh folder goes and
	// the previous output stays, and the build fails with a message instead of a crash.
	defer func() {
		if r := recover(); r != nil {
			if out != nil {
				out.abort()
			}
			model, err = nil, fmt.Errorf("internal error, please report it with the input that caused it: %v", r)
		}
	}()
	fsys := newSiteFS(opts.Root)
	m, err := Load(fsys, opts, res)
	if err != nil {
		return nil, res, err
	}
	if stopped(opts.Stop) {
		return nil, res, ErrInterrupted
	}
	out, err = newOutput(opts.Out, opts.Root, opts.Stop, opts.OnWait)
	if err != nil {
		return nil, res, err
	}
	out.stop = opts.Stop
	if !b.writing(out) {
		out.abort()
		return nil, res, ErrInterrupted
	}
	if err := m.write(out, res); err != nil {
		out.abort()
		return nil, res, err
	}
	if stopped(opts.Stop) || !b.committing() { // the last files may be written meanwhile: the folder is not whole
		out.abort()
		return nil, res, ErrInterrupted
	}
	if err := timed(res, "swap", out.commit); err != nil {
		out.abort()
		switch {
		case out.spareFailed.Load():
			return nil, res, out.spareSetAside(err)
		case out.writeFailed():
			return nil, res, err // it names the file
		}
		return nil, res, fmt.Errorf("replacing %s: %w", opts.Out, err)
	}
	res.Pages = len(m.site.Pages)
	if opts.Log != nil {
		for _, s := range res.Steps {
			fmt.Fprintf(opts.Log, "  %-10s %6.0f ms\n", s.Name, float64(s.Duration.Microseconds())/1000)
		}
	}
	return m, res, nil
}

// Model is a loaded, checked site ready to be written.
type Model struct {
	opts    Options
	site    *site.Site
	md      *markdown.Renderer
	layouts *layout.Set
	assets  *assets
	catalog *i18n.Catalog
	content content.Options      // how pages were loaded, to reload one page the same way
	anchors [][]site.AnchorCheck // per page (index in site.Pages): its links to headings
	qr      qrCache              // QR codes by URL: a guide's code is drawn for its page and again in the toolkit
	// layoutIDs are the IDs the layouts write: generated heading IDs step around them, and
	// an ID an author writes may not be one.
	layoutIDs map[string]bool
	// questions are the question boxes of guides, by page, read from their bodies for
	// handouts; UpdateBodies forgets them.
	questions sync.Map
	// report is the translation table that the status page of every language shows, made
	// once. It follows from front matter and translation states, which UpdateBodies never
	// changes (it hands such edits to a full build); it forgets the table all the same.
	report atomic.Pointer[[]site.LangReport]
	// pageMini minifies rendered Markdown. With the layouts minified when loaded, a page
	// is made of minified parts and values, so pages are not minified again as a whole.
	pageMini *minify.M
	// bodyBuffers take a page's HTML from goldmark to the minifier, one per page at work.
	bodyBuffers bufferPool
}

// Site returns the site model.
func (m *Model) Site() *site.Site { return m.site }

// isSiteRoot reports whether fsys looks like a site: a build run in the wrong folder would
// otherwise say only that i18n/ has no language file.
func isSiteRoot(fsys fs.FS) bool {
	for _, dir := range []string{"content", "layouts", "i18n"} {
		if fi, err := fs.Stat(fsys, dir); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// linkedFolders reports the site's folders that are symbolic links. Files are opened without
// following a link (sitefs), but only the last part of a path is looked at so, and a walk
// follows the link it starts from: static -> /somewhere would publish all of /somewhere. The
// folders below these are walked, and a link among them is refused as a file.
func linkedFolders(root string, diags *diag.List) bool {
	found := false
	for _, dir := range []string{"content", "static", "layouts", "layouts/partials", "i18n"} {
		if fi, err := os.Lstat(filepath.Join(root, dir)); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			diags.Errorf(dir, 0, "put the folder itself here: a link could publish files from outside the site",
				"a symbolic link, which the build does not follow")
			found = true
		}
	}
	return found
}

// Load reads and checks everything; the returned error is non-nil when res.Diags has errors.
func Load(fsys fs.FS, opts Options, res *Result) (*Model, error) {
	diags := res.Diags
	m := &Model{opts: opts, bodyBuffers: bufferPool{max: 1 << 20}}
	if why := baseURLProblem(opts.BaseURL); why != "" {
		diags.Errorf("", 0, "give the address of the site's root, such as https://handbook.example/, with --base-url (it came from Netlify's URL or DEPLOY_PRIME_URL if not given)",
			"base URL %q %s", opts.BaseURL, why)
		return nil, diags.Err()
	}
	m.opts.BaseURL = asciiBaseURL(opts.BaseURL)
	if !strings.HasSuffix(m.opts.BaseURL, "/") {
		m.opts.BaseURL += "/"
	}
	if !isSiteRoot(fsys) {
		diags.Errorf("", 0, "run the build in the site's own folder, the one that holds content/, layouts/, static/ and i18n/",
			"no site here: no content/, layouts/ or i18n/ folder")
		return nil, diags.Err()
	}
	if linkedFolders(opts.Root, diags) {
		return nil, diags.Err()
	}
	var loaded content.Loaded
	timedNoErr(res, "load", func() {
		m.catalog = i18n.Load(fsys, diags)
		var terms []string // the vocabularies whose keys are addresses
		for _, tax := range site.Taxonomies {
			terms = append(terms, site.TermNamespace(tax))
		}
		m.catalog.CheckURLSegments(terms, content.ValidSlug, diags)
		if diags.HasErrors() {
			// A language whose file is broken is missing: every page in it would be
			// reported as in an unknown language. Its file comes first.
			return
		}
		vocab := Vocabularies(m.catalog)
		langs := m.catalog.Codes()
		if len(langs) == 0 {
			return
		}
		m.content = content.Options{Languages: langs, Vocabulary: vocab, Drafts: opts.Drafts}
		loaded = content.LoadAll(fsys, m.content, diags)
	})
	if m.content.Languages == nil { // no languages, or a broken language file: nothing to check pages against
		if !diags.HasErrors() {
			diags.Errorf("i18n", 0, "add i18n/en.toml with the English UI strings", "no languages")
		}
		return nil, diags.Err()
	}
	// Pages with problems are left out, and the others go on to be checked (their Markdown,
	// links, layouts), so that one run reports every problem.
	m.md = markdown.New(markdown.Options{ReservedIDs: func() map[string]bool { return m.layoutIDs }, BoxLabel: func(lang, kind string) string {
		if l := m.catalog.Get(lang); l != nil {
			if s, err := l.T("box." + strings.ToLower(kind)); err == nil {
				return s
			}
		}
		return kind
	}})
	mini := newMinifier()
	m.pageMini = newPageMinifier()
	timedNoErr(res, "model", func() {
		// Linking the pages is work for one core; the static files and layouts, which do
		// not depend on the pages, are read on the other meanwhile.
		work.Each(2, func(i int) {
			if i == 0 {
				m.site = site.New(site.Input{BaseURL: m.opts.BaseURL, Catalog: m.catalog, Pages: loaded.Pages, Drafts: loaded.Drafts, Broken: loaded.Broken}, diags)
				return
			}
			m.assets = loadAssets(fsys, map[string][]byte{"css/highlight.css": []byte(markdown.HighlightCSS())}, mini, diags)
			m.layouts = layout.Load(fsys, m.catalog.Languages, m.templateFuncs(), diags, layout.Options{Minify: minifyLayout, Watch: opts.watch})
		})
	})
	if m.site != nil && m.assets != nil {
		m.checkStaticFiles(diags)
	}
	if m.layouts != nil {
		m.layoutIDs = m.layouts.FixedIDs()
	}
	timedNoErr(res, "markdown", func() { m.renderMarkdown(diags) })
	if diags.HasErrors() {
		m.checkLayouts(diags)
		return nil, diags.Err()
	}
	return m, nil
}

// checkLayouts draws the pages into nothing when the build has found problems and stops
// before writing: a layout's own mistakes ({{.Page.Zpi}}) show only as pages are drawn, and
// would otherwise wait for the next run. Not when the layouts or the model are broken
// already: every page would fail for that one reason.
func (m *Model) checkLayouts(diags *diag.List) {
	if m.site == nil || m.layouts == nil {
		return
	}
	for _, d := range diags.Items() {
		if d.Severity == diag.Error && (strings.HasPrefix(d.File, "layouts/") || strings.HasPrefix(d.File, "i18n/")) {
			return
		}
	}
	errs := &renderErrors{}
	pages := m.site.Pages
	var runaway atomic.Bool // see write
	work.Each(len(pages), func(i int) {
		p := pages[i]
		if p.LacksOriginal() || runaway.Load() {
			return
		}
		if _, err := m.layouts.RenderPage(nil, p.Lang.Code, p.Layout(), m.pageData(p), sourceOf(p)); err != nil {
			errs.add(p, err)
			runaway.CompareAndSwap(false, layout.Runaway(err))
		}
	})
	errs.report(diags)
}

func timed(res *Result, name string, fn func() error) error {
	start := time.Now()
	err := fn()
	res.Steps = append(res.Steps, Step{name, time.Since(start)})
	return err
}

func timedNoErr(res *Result, name string, fn func()) {
	_ = timed(res, name, func() error { fn(); return nil })
}
