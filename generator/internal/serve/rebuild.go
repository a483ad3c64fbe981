package serve

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/diag"
)

// Events sent to open pages.
const (
	eventReload = "reload" // pages changed; data: their URLs, or "*"
	eventCSS    = "css"    // only stylesheets changed: swap them in place
	eventFailed = "failed" // the rebuild failed: reload to show the overlay
)

// rebuild brings the served site up to date with the changed paths.
func (s *Server) rebuild(changed []string) {
	changed = s.meaningful(changed)
	if len(changed) == 0 {
		return
	}
	_, problems := s.state()
	if s.model != nil && problems == nil && s.onlyKnownPages(changed) {
		if s.updatePages(changed) {
			return
		}
	}
	s.fullBuild(changed)
}

// meaningful drops content paths that no longer exist and were never part of the site: an
// editor's temporary file that came and went (sed's "sedXXXXXX"; swap files never get here).
// A gone folder ("content/cases/") counts. After a failed build every path counts.
func (s *Server) meaningful(changed []string) []string {
	_, problems := s.state()
	var out []string
	for _, p := range changed {
		if !strings.HasPrefix(p, "content/") || strings.HasSuffix(p, "/") || problems != nil {
			out = append(out, p)
			continue
		}
		file := filepath.Join(s.opts.Root, filepath.FromSlash(p))
		_, err := os.Stat(file)
		if err == nil && path.Ext(p) != ".md" {
			// Not a page: most likely a tool's temporary file about to be renamed over a
			// page (sed -i writes "sedXXXXXX"). Give it a moment to go.
			time.Sleep(4 * s.opts.Quiet)
			_, err = os.Stat(file)
		}
		known := s.model != nil && s.model.Site().ByPath(p) != nil
		if os.IsNotExist(err) && !known {
			continue
		}
		out = append(out, p)
	}
	return out
}

// onlyKnownPages reports whether every path is a page of the current site that still exists.
func (s *Server) onlyKnownPages(changed []string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(p, "content/") || path.Ext(p) != ".md" || s.model.Site().ByPath(p) == nil {
			return false
		}
		if _, err := os.Stat(filepath.Join(s.opts.Root, filepath.FromSlash(p))); err != nil {
			return false
		}
	}
	return true
}

// updatePages re-renders pages whose body changed; false when the whole site must be built.
func (s *Server) updatePages(changed []string) bool {
	start := time.Now()
	res := &build.Result{Diags: &diag.List{}}
	files, handled, err := s.model.UpdateBodies(os.DirFS(s.opts.Root), changed, res)
	if !handled {
		return false
	}
	if err != nil {
		s.fail(res.Diags)
		return true
	}
	dir, _ := s.state()
	if !s.writePages(dir, files) {
		return false
	}
	s.logf("%s: updated in %d ms", strings.Join(changed, ", "), time.Since(start).Milliseconds())
	// The printed collections (toolkit, handouts) show the pages too: they are rendered when
	// asked for, and reload now where they are open.
	if more := s.model.Collections(changed); len(more) > 0 {
		s.markStale(more)
		urls := make([]string, len(more))
		for i, p := range more {
			urls[i] = p.URL
		}
		s.events.publish(eventReload, strings.Join(urls, " "))
	}
	return true
}

// writePages puts re-rendered pages into the served site and reloads them where they are
// open.
func (s *Server) writePages(dir string, files map[string][]byte) bool {
	var urls []string
	for rel, data := range files {
		if err := build.WriteAtomic(filepath.Join(dir, filepath.FromSlash(rel)), data); err != nil {
			s.logf("writing %s: %v; building the whole site", rel, err)
			return false
		}
		urls = append(urls, "/"+strings.TrimSuffix(rel, "index.html"))
	}
	sort.Strings(urls)
	s.events.publish(eventReload, strings.Join(urls, " "))
	return true
}

// fullBuild builds the site into a fresh folder and serves it when the build succeeds.
func (s *Server) fullBuild(changed []string) {
	start := time.Now()
	s.mu.Lock()
	s.builds++
	n := s.builds
	s.mu.Unlock()
	out := s.siteDir(n)
	m, res, err := build.BuildModel(build.Options{Root: s.opts.Root, Out: out, BaseURL: s.URL(), Drafts: s.opts.Drafts, Updated: s.opts.Updated})
	if err != nil {
		build.RemoveOutput(out)
		if res.Diags.Count(diag.Error) == 0 {
			res.Diags.Errorf("", 0, "", "%v", err)
		}
		s.fail(res.Diags)
		return
	}
	res.Diags.Print(s.opts.Log, diag.Text) // warnings
	s.mu.Lock()
	old := s.dir
	s.dir, s.problems = out, nil
	s.mu.Unlock()
	s.model = m
	s.clearStale()
	if old != "" {
		s.cleanup.Add(1)
		go func() {
			defer s.cleanup.Done()
			// Requests already reading from the old folder keep their open files.
			time.Sleep(time.Second)
			build.RemoveOutput(old)
		}()
	}
	what := "built"
	if changed != nil {
		what = "rebuilt after " + summarize(changed) + ":"
	}
	s.logf("%s %d pages in %d ms", what, len(m.Site().Pages), time.Since(start).Milliseconds())
	if changed != nil && onlyStylesheets(changed) {
		s.events.publish(eventCSS, "*")
		return
	}
	s.events.publish(eventReload, "*")
}

// fail keeps the last good site and shows the problems.
func (s *Server) fail(diags *diag.List) {
	items := diags.Shown()
	s.mu.Lock()
	s.problems = items
	s.mu.Unlock()
	s.logf("the site was not rebuilt; still serving the last good version. %s:", diags.Err())
	diags.Print(s.opts.Log, diag.Text)
	s.events.publish(eventFailed, "*")
}

func onlyStylesheets(changed []string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(p, "static/") || path.Ext(p) != ".css" {
			return false
		}
	}
	return true
}

func summarize(changed []string) string {
	if len(changed) <= 3 {
		return strings.Join(changed, ", ")
	}
	return strings.Join(changed[:3], ", ") + " and " + strconv.Itoa(len(changed)-3) + " more"
}
