// Package layout owns the html/template files in layouts/: a base, one layout per page kind
// or content type, and partials. Templates are named by their file path, so Go's own errors
// read "layouts/guide.html:12:3: …". Each layout is parsed once for all languages; the UI
// strings it names are written into each page in the page's language (uistrings.go), and a
// language's T (a string) and Tn (a string for a number) are bound while its pages render.
package layout

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/i18n"
)

// CSP is the Content-Security-Policy the layouts are written for: scripts and styles from the
// site only, no inline script, no eval, no WebAssembly. netlify.toml sends it, serve sends
// it, and the browser tests serve the built site with it.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Base is the skeleton every page layout fills by defining "main".
const Base = "layouts/_base.html"

// Required lists the layouts a site must have.
var Required = []string{"home", "section", "principle", "guide", "anchor", "condition", "case", "page",
	"taxonomy", "term", "status", "404", "root", "search", "toolkit", "handout"}

// Set holds the parsed layouts per language.
type Set struct {
	fast *parsedSet // what pages render with: minified layouts, when Options.Minify is set
	// exact gives the layouts as written, for errors that name the right line; parsed when
	// first needed (parsing is most of the time it takes to load layouts), fast itself when
	// nothing is minified.
	exact       func() *parsedSet
	parsedExact atomic.Pointer[parsedSet] // exact once parsed, so Forget reaches its caches
	// buffers hold pages as the layouts draw them, before their UI strings are written in
	// (see uistrings.go) into a slice of the page's own size.
	buffers sync.Pool
}

type parsedSet struct {
	layouts  map[string]*template.Template // by layout name: each with the base and partials
	partials *template.Template            // the base and partials, for partialCached
	funcs    map[string]template.FuncMap   // per language: its T, Tn and partialCached
	cached   map[string]*partialCache      // per language
	// shared holds the drawn partials that read no UI string (languageFree): one drawing
	// serves every language.
	shared sync.Map
	ui     *uiStrings // the UI strings written into the layouts as markers
	// drawing counts the partialCached drawings under way, in all pages at once (see
	// maxDrawing).
	drawing atomic.Int64
	watch   *Watch // hears of every execution (nil: none is watched)
	// The functions are bound to one language at a time: cloning every layout for every
	// language took most of the time it takes to load them, and html/template prepares
	// (escapes) each copy again when it first runs. Any number of pages in the bound
	// language render at once; a page in another language waits until none is rendering
	// to bind its own, so no page ever sees another language's strings. Rendering language
	// by language keeps that rare.
	mu        sync.Mutex
	idle      sync.Cond // signalled when the last page in the bound language is done
	bound     string
	rendering int // pages rendering in the bound language
}

// Options change how layouts are loaded.
type Options struct {
	// Minify, when set, minifies each layout's source (Go template actions kept as they are)
	// before it is parsed for rendering: the layouts' own markup is then minified once, not
	// again in every page. Errors still name the lines as written: a page that fails renders
	// again with the layouts as written (parsed then) to say where.
	Minify func(src []byte) ([]byte, error)
	// Watch, when set, hears of every drawing of a layout at load (html/template escapes a
	// layout by executing it once) so that one that does not end can be named.
	Watch *Watch
}

// Load parses layouts/ once. funcs are the site-wide functions (asset, integrity, …); T is
// added per language.
func Load(fsys fs.FS, langs []*i18n.Language, funcs template.FuncMap, diags *diag.List, opts Options) *Set {
	all := template.FuncMap{
		"T":             func(string) (string, error) { return "", nil },
		"Tn":            func(string, int) (string, error) { return "", nil },
		"partialCached": func(string, any, ...any) (template.HTML, error) { return "", nil },
	}
	for k, v := range funcs {
		all[k] = v
	}
	read := func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) }
	if opts.Minify != nil {
		minified := func(name string) ([]byte, error) {
			b, err := read(name)
			if err == nil {
				b, err = opts.Minify(b)
			}
			return b, err
		}
		var quiet diag.List
		if fast := parse(fsys, minified, langs, all, &quiet, opts.Watch); !quiet.HasErrors() {
			s := &Set{fast: fast}
			s.exact = sync.OnceValue(func() *parsedSet {
				exact := parse(fsys, read, langs, all, &diag.List{}, opts.Watch)
				s.parsedExact.Store(exact)
				return exact
			})
			return s
		}
		// A problem is reported with the lines as written, below.
	}
	fast := parse(fsys, read, langs, all, diags, opts.Watch)
	return &Set{fast: fast, exact: func() *parsedSet { return fast }}
}

// readProblem reports a layout that is there but cannot be read (a symbolic link, a pipe).
func readProblem(diags *diag.List, file string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	diags.Errorf(file, 0, "", "cannot read: %v", err)
}

// parse reads the base, the partials and the layouts with read, and prepares each
// language's functions.
func parse(fsys fs.FS, read func(string) ([]byte, error), langs []*i18n.Language, all template.FuncMap, report *diag.List, watch *Watch) *parsedSet {
	set := &parsedSet{layouts: map[string]*template.Template{}, funcs: map[string]template.FuncMap{}, cached: map[string]*partialCache{}, watch: watch}
	set.idle.L = &set.mu
	// This parse's own problems, kept apart from the build's list (other steps report into
	// it meanwhile) until the end.
	diags := &diag.List{}
	defer report.Merge(diags)
	heldNUL := false // a NUL in a layout would be mistaken for a UI string's marker
	source := func(name string) ([]byte, error) {
		b, err := read(name)
		heldNUL = heldNUL || bytes.IndexByte(b, 0) >= 0
		return b, err
	}
	// Parsed with functions that do nothing: the layouts are executed once to have
	// html/template escape them (uistrings.go); a language's pages bind the real ones.
	base := template.New(Base).Funcs(doNothing(all))
	src, err := source(Base)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		readProblem(diags, Base, err)
		return set
	}
	if err != nil {
		diags.Errorf(Base, 0, "the base layout holds the <html> skeleton and calls {{block \"main\" .}}", "missing base layout")
		return set
	}
	if _, err := base.Parse(string(src)); err != nil {
		reportParseError(diags, Base, src, err)
		return set
	}
	partials, _ := fs.Glob(fsys, "layouts/partials/*.html")
	sort.Strings(partials)
	for _, p := range partials {
		src, err := source(p)
		if err != nil {
			readProblem(diags, p, err)
			continue
		}
		if _, err = base.New(p).Parse(string(src)); err != nil {
			reportParseError(diags, p, src, err)
		}
	}
	for _, name := range Required {
		file := "layouts/" + name + ".html"
		src, err := source(file)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			readProblem(diags, file, err)
			continue
		}
		if err != nil {
			diags.Errorf(file, 0, "every site needs the layouts "+strings.Join(Required, ", "), "missing layout")
			continue
		}
		t, err := base.Clone()
		if err != nil {
			reportTemplateError(diags, file, err)
			continue
		}
		if _, err = t.New(file).Parse(string(src)); err != nil {
			reportParseError(diags, file, src, err)
			continue
		}
		if main := t.Lookup("main"); main == nil || main.Tree == nil || main.Tree.ParseName != file {
			// The base's empty block would stand in: every page of the kind published empty.
			diags.Errorf(file, 0, `a layout places its page inside {{define "main"}} … {{end}}`, `defines no "main"`)
			continue
		}
		set.layouts[name] = t
	}
	set.partials = base
	var free map[string]bool
	for _, l := range langs {
		cache := &partialCache{set: set, lang: l.Code}
		set.cached[l.Code] = cache
		own := template.FuncMap{"T": l.T, "Tn": l.Tn, partialCachedFunc: cache.render}
		if free == nil {
			free = languageFree(base, own)
		}
		funcs := template.FuncMap{}
		for k, v := range all {
			funcs[k] = v
		}
		for k, v := range own {
			funcs[k] = v
		}
		set.funcs[l.Code] = funcs
	}
	for _, c := range set.cached {
		c.free = free
	}
	if !diags.HasErrors() {
		sets := []*template.Template{base}
		for _, name := range Required {
			if t := set.layouts[name]; t != nil {
				sets = append(sets, t)
			}
		}
		checkCalls(sets, langs, diags)
	}
	if !diags.HasErrors() && !heldNUL {
		writeInUIStrings(set, langs, partials)
	}
	return set
}

// use binds lang's functions, waiting for the pages of another bound language to finish;
// done must follow.
//
// (A read-write lock did this before, but a page of the bound language that came while
// another page waited to bind a language waited too, even when that other page's language
// was bound meanwhile: up to a status page's time at each language, 100 ms in all on
// the 10,000-page corpus.)
func (s *parsedSet) use(lang string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.bound != lang && s.rendering > 0 {
		s.idle.Wait()
	}
	if s.bound != lang {
		for _, t := range s.layouts {
			t.Funcs(s.funcs[lang])
		}
		s.partials.Funcs(s.funcs[lang])
		s.bound = lang
	}
	s.rendering++
}

// done ends a page that use began.
func (s *parsedSet) done() {
	s.mu.Lock()
	s.rendering--
	if s.rendering == 0 {
		s.idle.Broadcast()
	}
	s.mu.Unlock()
}

// partialCachedFunc is the layouts' name for partialCache.render.
const partialCachedFunc = "partialCached"

// partialCache renders a partial once per key and language: {{partialCached "layouts/partials/
// card.html" . .URL}} draws a page's card once, however many lists show it; a partial that
// reads no UI string is drawn once per key for all languages. The key must name
// everything the output depends on (for a partial without UI strings, the language too when
// its data differs by language under the same key); cache only what comes from front
// matter, translations and the site's structure, never a page's body (see Set.Forget).
type partialCache struct {
	set  *parsedSet
	lang string
	done sync.Map        // key → template.HTML
	free map[string]bool // partials that read no UI string: drawn once in set.shared
}

func (c *partialCache) render(name string, data any, key ...any) (template.HTML, error) {
	k := cacheKey(name, key)
	done := &c.done
	if c.free[name] {
		done = &c.set.shared
	}
	if html, ok := done.Load(k); ok {
		return html.(template.HTML), nil
	}
	// partialCached starts a new execution each time, and html/template's depth limit
	// starts again with it: a partial that draws itself without end would run until Go's
	// stack overflowed (a review's did after a minute and 1.26 GB), a crash naming no file.
	if c.set.drawing.Add(1) > maxDrawing {
		c.set.drawing.Add(-1)
		return "", &tooDeep{name: name}
	}
	defer c.set.drawing.Add(-1)
	var buf bytes.Buffer
	// Called from a page of this language as it renders: its functions are bound.
	if err := c.set.partials.ExecuteTemplate(&capped{w: &buf}, name, data); err != nil {
		var deep *tooDeep
		if errors.As(err, &deep) {
			if deep.at == "" { // the innermost drawing: err names the call that loops back
				deep.at = callSite(err)
			}
			return "", deep // as it is: wrapped at every level, it would grow with the depth
		}
		return "", err
	}
	// Its UI strings are written in now, so the piece can stand anywhere in a page: an
	// attribute or a function's argument would escape a marker's NULs (a partial drawn
	// for all languages has none).
	html := template.HTML(buf.String())
	if bytes.IndexByte(buf.Bytes(), marker) >= 0 {
		html = template.HTML(c.set.ui.resolve(buf.Bytes(), c.lang))
	}
	done.Store(k, html)
	return html, nil
}

// maxDrawing is how many partialCached drawings may be under way at once, all pages
// together: a finite tree drawn by a partial of its own (a table of contents) is a few
// levels deep in each page that renders at the time.
const maxDrawing = 10000

type tooDeep struct {
	name string
	at   string // "layouts/partials/b.html:3": the call that leads back, where known
}

func (e *tooDeep) Error() string {
	at := ""
	if e.at != "" {
		at = " (the call at " + e.at + ")"
	}
	return fmt.Sprintf("partialCached drew %s inside itself more than %d times%s: does it draw itself without end?", e.name, maxDrawing, at)
}

// callSite reads "layouts/partials/b.html:3" from html/template's "template: layouts/
// partials/b.html:3:2: executing …": the error carries the place only in its text.
func callSite(err error) string {
	rest, ok := strings.CutPrefix(err.Error(), "template: ")
	if !ok {
		return ""
	}
	name, rest, ok := strings.Cut(rest, ":")
	if !ok {
		return ""
	}
	line, _, ok := strings.Cut(rest, ":")
	if _, err := strconv.Atoi(line); !ok || err != nil {
		return ""
	}
	return name + ":" + line
}

// cacheKey joins a partial's name and key values; strings and booleans, the usual keys,
// without fmt.
func cacheKey(name string, key []any) string {
	var b strings.Builder
	b.WriteString(name)
	for _, k := range key {
		b.WriteByte(0)
		switch v := k.(type) {
		case string:
			b.WriteString(v)
		case bool:
			if v {
				b.WriteByte('1')
			} else {
				b.WriteByte('0')
			}
		default:
			fmt.Fprint(&b, v)
		}
	}
	return b.String()
}

// Forget empties the partial caches, for a model whose pages changed.
func (s *Set) Forget() {
	for _, set := range []*parsedSet{s.fast, s.parsedExact.Load()} { // exact may not be parsed yet
		if set != nil {
			for _, c := range set.cached {
				c.done.Clear()
			}
			set.shared.Clear()
		}
	}
}

// Render renders a layout in a language.
func (s *Set) Render(lang, layout string, data any) ([]byte, error) {
	return s.RenderAppend(nil, lang, layout, data)
}

// RenderAppend is Render appending the page to dst, so a caller that writes many pages can
// reuse the memory of those already written.
func (s *Set) RenderAppend(dst []byte, lang, layout string, data any) ([]byte, error) {
	return s.RenderPage(dst, lang, layout, data, "")
}

// RenderPage is RenderAppend for a page the Watch names by source, should its drawing not
// end.
func (s *Set) RenderPage(dst []byte, lang, layout string, data any, source string) ([]byte, error) {
	buf, _ := s.buffers.Get().(*bytes.Buffer)
	if buf == nil {
		buf = &bytes.Buffer{}
	}
	defer func() {
		if buf.Cap() <= 1<<20 { // a toolkit of thousands of guides is not worth keeping
			buf.Reset()
			s.buffers.Put(buf)
		}
	}()
	err := s.fast.execute(&capped{w: buf}, lang, layout, data, source)
	if err == nil {
		return s.fast.ui.appendResolved(dst, buf.Bytes(), lang), nil
	}
	if errors.Is(err, errPageTooLarge) {
		return nil, fmt.Errorf("layouts/%s.html: %w", layout, err)
	}
	if tooDeepTemplate(err) {
		// Not drawn 100,000 levels deep again for the line as written: that doubles the
		// cost, and the layouts as written are larger, so it ends as a page too large. The
		// file without a line (the minified layout's line is not the one written).
		if file, _, msg := SplitTemplateError(err); file != "" && s.exact() != s.fast {
			return nil, fmt.Errorf("%s: %s", file, msg)
		}
		return nil, err
	}
	if exact := s.exact(); exact != s.fast {
		// Say where in the layout as written.
		if exactErr := exact.execute(&capped{w: io.Discard}, lang, layout, data, source); exactErr != nil {
			err = exactErr
		}
	}
	return nil, err
}

// Runaway reports whether err is a drawing that went without end: 100,000 levels deep, or a
// page past MaxRenderedBytes. Every other page of the layout would most likely go the same
// way, each taking as long.
func Runaway(err error) bool { return errors.Is(err, errPageTooLarge) || tooDeepTemplate(err) }

func tooDeepTemplate(err error) bool {
	return err != nil && strings.Contains(err.Error(), "exceeded maximum template depth")
}

// MaxRenderedBytes is the most a layout may write for one page. The largest page a site has
// is its toolkit, every guide in one booklet: 9 MB at 10,000 pages. A layout that ranges
// over something without end ({{range 100000000000}}) would otherwise fill the machine's
// memory and crash the build with no file named (found by a review).
const MaxRenderedBytes = 64 << 20

var errPageTooLarge = fmt.Errorf("the page grew past %d MB (does a {{range}} in the layouts run over far more than it should?)", MaxRenderedBytes>>20)

// capped passes writes on until MaxRenderedBytes; html/template stops at the first error.
type capped struct {
	w io.Writer
	n int
}

func (c *capped) Write(p []byte) (int, error) {
	if c.n += len(p); c.n > MaxRenderedBytes {
		return 0, errPageTooLarge
	}
	return c.w.Write(p)
}

func (s *parsedSet) execute(w io.Writer, lang, layout string, data any, source string) error {
	t := s.layouts[layout]
	if t == nil || s.funcs[lang] == nil {
		return fmt.Errorf("no layout %q for language %q", layout, lang)
	}
	s.use(lang)
	defer s.done()
	// Watched from here, not while waiting for the language: a page that waits is not
	// the one that does not end.
	defer s.watch.Begin("layouts/"+layout+".html", source)()
	return t.ExecuteTemplate(w, Base, data)
}

// reportTemplateError keeps Go's "file:line" from the template error.
func reportTemplateError(diags *diag.List, file string, err error) {
	f, line, msg := SplitTemplateError(err)
	if f == "" {
		f = file
	}
	msg, _ = ShortMessage(msg)
	diags.Errorf(f, line, TemplateErrorHint(err), "%s", msg)
}

// reportParseError is reportTemplateError for a layout that does not parse, with the line
// of the block whose {{end}} is missing where Go names only the end of the file.
func reportParseError(diags *diag.List, file string, src []byte, err error) {
	f, _, msg := SplitTemplateError(err)
	if msg == "unexpected EOF" && (f == "" || f == file) {
		if line, keyword, ok := unclosedBlock(file, string(src)); ok {
			diags.Errorf(file, line, "every {{if}}, {{range}}, {{with}}, {{block}} and {{define}} ends with {{end}}; if this one has its {{end}}, a block inside it lacks one",
				"this {{%s}} is not closed: the file ends before its {{end}}", keyword)
			return
		}
	}
	reportTemplateError(diags, file, err)
}

// SplitTemplateError pulls "layouts/x.html" and the line out of an html/template error.
//
// An error inside a partial drawn with partialCached is said at the partial's line, where it
// is, with the line that drew the partial after it: Go names the outer one first.
func SplitTemplateError(err error) (file string, line int, msg string) {
	const inner = ": error calling partialCached: template: layouts/"
	if outer, in, ok := cutLast(err.Error(), inner); ok {
		innerErr := errors.New("template: layouts/" + in)
		if f, l, m := SplitTemplateError(innerErr); f != "" && l > 0 {
			if of, ol, _ := SplitTemplateError(errors.New(outer)); of != "" {
				m += fmt.Sprintf(" (drawn from %s:%d)", of, ol)
			}
			return f, l, m
		}
	}
	if f, l, m, ok := escapeError(err); ok {
		return f, l, m
	}
	msg = strings.TrimPrefix(err.Error(), "template: ")
	i := strings.Index(msg, "layouts/")
	if i < 0 {
		return "", 0, msg
	}
	rest := msg[i:]
	parts := strings.SplitN(rest, ":", 4)
	if i == 0 && len(parts) >= 2 && !isDigits(parts[1]) {
		// "layouts/x.html: message", without a line (a page too large)
		return path.Clean(parts[0]), 0, strings.TrimSpace(strings.Join(parts[1:], ":"))
	}
	if len(parts) < 3 {
		return "", 0, msg
	}
	file = path.Clean(parts[0])
	fmt.Sscanf(parts[1], "%d", &line)
	tail := strings.TrimSpace(strings.Join(parts[2:], ":"))
	// drop a column number
	if j := strings.IndexByte(tail, ':'); j > 0 && isDigits(tail[:j]) {
		tail = strings.TrimSpace(tail[j+1:])
	}
	return file, line, tail
}

// cutLast is strings.Cut at the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
