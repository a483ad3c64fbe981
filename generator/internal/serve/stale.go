package serve

import (
	"net/http"
	"path/filepath"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// After an edit, the printed collections that show the edited page (a language's toolkit
// holds every guide) are out of date. Rendering the toolkit of 10,000 pages takes seconds:
// doing it at once would make the editor's next save wait. They are marked stale instead,
// told to reload where they are open, and rendered by the rebuild loop when a request asks
// for one. Only that loop touches the model.

// renderRequest asks the rebuild loop to bring one file of the site up to date.
type renderRequest struct {
	file string // path in the site folder: "en/toolkit/index.html"
	done chan struct{}
}

// markStale records pages to render when asked for.
func (s *Server) markStale(pages []*site.Page) {
	s.staleMu.Lock()
	defer s.staleMu.Unlock()
	for _, p := range pages {
		s.stale[p.OutputPath()] = p
	}
}

// clearStale forgets stale pages: a full build wrote every page.
func (s *Server) clearStale() {
	s.staleMu.Lock()
	defer s.staleMu.Unlock()
	s.stale = map[string]*site.Page{}
}

func (s *Server) isStale(file string) bool {
	s.staleMu.Lock()
	defer s.staleMu.Unlock()
	return s.stale[file] != nil
}

// freshen makes sure a file about to be served is up to date; false when the request or the
// server ended first.
func (s *Server) freshen(r *http.Request, file string) bool {
	if !s.isStale(file) {
		return true
	}
	req := renderRequest{file: file, done: make(chan struct{})}
	select {
	case s.renders <- req:
	case <-r.Context().Done():
		return false
	case <-s.closing:
		return false
	}
	select {
	case <-req.done:
		return true
	case <-r.Context().Done():
		return false
	case <-s.closing:
		return false
	}
}

// renderStale renders one stale page into the served site (in the rebuild loop).
func (s *Server) renderStale(file string) {
	s.staleMu.Lock()
	p := s.stale[file]
	s.staleMu.Unlock()
	if p == nil || s.model == nil {
		return
	}
	files, err := s.model.Render([]*site.Page{p})
	if err != nil {
		s.logf("%v; building the whole site", err)
		s.fullBuild([]string{file})
		return
	}
	dir, _ := s.state()
	for rel, data := range files {
		if err := build.WriteAtomic(filepath.Join(dir, filepath.FromSlash(rel)), data); err != nil {
			s.logf("writing %s: %v; building the whole site", rel, err)
			s.fullBuild([]string{file})
			return
		}
	}
	s.staleMu.Lock()
	delete(s.stale, file)
	s.staleMu.Unlock()
}
