package build

import (
	"fmt"
	"path"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/layout"
	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/work"
)

// write renders everything into the fresh output folder.
func (m *Model) write(out *output, res *Result) error {
	diags := res.Diags
	pages := renderOrder(m.site, m.site.Pages)
	var files atomic.Int64
	renderErrs := &renderErrors{}
	// pageBuffers hold rendered pages from the render to the disk. Each is taken back once
	// its file is written, so a build needs about as many as there are pages on the way, not
	// one per page.
	pageBuffers := &bufferPool{max: 1 << 20}
	// The first error writing a file. (An atomic.Value would panic on a second error of
	// another type.)
	var firstErr atomic.Pointer[error]
	fail := func(err error) { firstErr.CompareAndSwap(nil, &err) }
	// The search indexes first, the languages side by side: then the body text they read
	// is let go before the pages render. (As tasks among the pages they spared a core's
	// wait at 1,000 pages, x0.99, but cost 1.5% more CPU at 10,000, where the collector
	// then runs with that text still live.)
	if err := timed(res, "search", func() error { return m.writeSearch(out) }); err != nil {
		return err
	}
	if stopped(m.opts.Stop) {
		return ErrInterrupted
	}
	if m.opts.oneShot {
		for _, p := range pages {
			p.Sections = nil
		}
	}
	var runaway atomic.Bool // a drawing went without end: a page took seconds, the others would too
	err := timed(res, "render", func() error {
		work.Each(1+len(pages), func(i int) {
			if stopped(m.opts.Stop) {
				return
			}
			if i == 0 {
				// The files outside the languages, first in line: no page reads them, and
				// the other core goes on with pages meanwhile.
				n, err := m.writeSiteFiles(out)
				if err != nil {
					fail(err)
				}
				files.Add(int64(n))
				return
			}
			p := pages[i-1]
			if runaway.Load() {
				return // the build fails on it: no page more is drawn as long
			}
			buf := pageBuffers.get()
			html, err := m.layouts.RenderPage(buf, p.Lang.Code, p.Layout(), m.pageData(p), sourceOf(p))
			if err != nil {
				pageBuffers.put(buf)
				renderErrs.add(p, err)
				if layout.Runaway(err) {
					runaway.Store(true)
				}
				return
			}
			if m.opts.oneShot && p.Kind == site.KindPage && p.Type != "guide" {
				// Only guides show again (in the toolkit and on handouts): let the others'
				// bodies go, so the collector has less to look through.
				p.Content = ""
			}
			if m.opts.Offline {
				rendered := html
				html = offlineHTML(rendered, p.OutputPath()) // a copy
				pageBuffers.put(rendered)
			}
			if err := out.writeThen(p.OutputPath(), html, pageBuffers.put); err != nil {
				fail(err)
				return
			}
			files.Add(1)
		})
		if stopped(m.opts.Stop) {
			return ErrInterrupted
		}
		// A broken layout fails pages and the root page alike: its diagnostics say more.
		renderErrs.report(diags)
		if diags.HasErrors() {
			return diags.Err()
		}
		if err := firstErr.Load(); err != nil {
			return *err
		}
		return nil
	})
	res.Files = int(files.Load())
	return err
}

// writeSiteFiles writes the static files, the files outside the languages and the PDFs the
// pdf command made, and says how many.
func (m *Model) writeSiteFiles(out *output) (int, error) {
	if err := m.assets.write(out); err != nil {
		return 0, err
	}
	extra, err := m.siteFiles(m.pageMini)
	if err != nil {
		return 0, err
	}
	for name, data := range extra {
		if m.opts.Offline && strings.HasSuffix(name, ".html") {
			data = offlineHTML(data, name)
		}
		if err := out.write(name, data); err != nil {
			return 0, err
		}
	}
	for name, data := range m.opts.PDFs {
		if err := out.write(name, data); err != nil {
			return 0, err
		}
	}
	return len(extra) + len(m.opts.PDFs) + len(m.assets.files) + len(m.assets.large) + len(m.assets.fingerprinted), nil
}

// siteFiles are the files outside the languages: the root page, the root 404, the sitemap
// and robots.txt.
func (m *Model) siteFiles(mini *minify.M) (map[string][]byte, error) {
	files := map[string][]byte{}
	def := m.site.Languages[0]
	root := m.pageData(def.Home)
	root.Languages = m.site.Languages
	html, err := m.layouts.RenderPage(nil, def.Code, "root", root, "the root page")
	if err != nil {
		return nil, fmt.Errorf("root page: %w", err)
	}
	files["index.html"] = html
	nf, err := m.layouts.RenderPage(nil, def.Code, "404", m.pageData(def.NotFound), "the root 404 page")
	if err != nil {
		return nil, fmt.Errorf("404 page: %w", err)
	}
	files["404.html"] = nf
	if !m.opts.NoIndex { // a deploy preview offers no pages to index
		files["sitemap.xml"] = sitemap(m.site)
	}
	files["robots.txt"] = robots(m.site, m.opts.NoIndex)
	for name, data := range m.printFiles() {
		files[name] = data
	}
	for name, data := range files {
		min, err := minifyBytes(mini, path.Ext(name), data)
		if err != nil {
			return nil, fmt.Errorf("minifying %s: %w", name, err)
		}
		files[name] = min
	}
	return files, nil
}

// renderErrors groups template errors: one broken line in a layout fails every page that
// uses it, and the editor needs to read it once, with a count, not a thousand times.
type renderErrors struct {
	mu     sync.Mutex
	byText map[string]*renderError
}

type renderError struct {
	file, msg, hint string
	line            int
	first           string // the first page in order, whose message is shown
	pages           int
}

func (r *renderErrors) add(p *site.Page, err error) {
	file, line, msg := layout.SplitTemplateError(err)
	if file == "" {
		file = sourceOf(p)
	}
	key := fmt.Sprintf("%s:%d:%s", file, line, msg)
	msg, cut := layout.ShortMessage(msg)
	if cut {
		// A value printed whole, different on every page: one mistake in the layout.
		key = fmt.Sprintf("%s:%d: cut", file, line)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byText == nil {
		r.byText = map[string]*renderError{}
	}
	e := r.byText[key]
	if e == nil {
		e = &renderError{file: file, line: line, hint: layout.TemplateErrorHint(err)}
		r.byText[key] = e
	}
	if e.pages == 0 || p.URL < e.first {
		e.first, e.msg = p.URL, msg
	}
	e.pages++
}

func (r *renderErrors) report(diags *diag.List) {
	for _, e := range r.byText {
		where := "while rendering " + e.first
		if n := e.pages - 1; n > 0 {
			where += fmt.Sprintf(" and %d more pages", n)
		}
		diags.Errorf(e.file, e.line, e.hint, "%s (%s)", e.msg, where)
	}
}

func sourceOf(p *site.Page) string {
	if p.Source != nil {
		return p.Source.Path
	}
	return p.URL
}

// bufferPool recycles byte slices up to max bytes; larger ones (a toolkit of thousands of
// guides) are left to the collector.
type bufferPool struct {
	pool sync.Pool
	max  int
}

func (b *bufferPool) get() []byte {
	if p, ok := b.pool.Get().(*[]byte); ok {
		return (*p)[:0]
	}
	return nil
}

func (b *bufferPool) put(buf []byte) {
	if cap(buf) > 0 && cap(buf) <= b.max {
		b.pool.Put(&buf)
	}
}
