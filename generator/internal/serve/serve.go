// Package serve owns `generator serve`, the editors' live preview: it builds the site into
// a temporary folder (never public/), serves it on 127.0.0.1 only, watches content/,
// layouts/, static/ and i18n/ (every folder, new ones included), rebuilds what changed and
// tells open pages to reload through server-sent events.
//
//   - An edit below a page's front matter re-renders that page alone (build.UpdateBodies);
//     the printed collections that show it (toolkit, handouts) are rendered when next asked
//     for. Anything else builds the whole site into a fresh folder, which replaces the
//     served one only when it is complete.
//   - A stylesheet change is applied without reloading the page.
//   - A failed rebuild keeps the last good site; every HTML page then shows the problems in
//     an overlay, and the terminal lists them. The next good save clears it.
//   - Only files inside the built site can be served: paths with "..", backslashes or NUL
//     (also percent-encoded) are refused, and files are opened through an os.Root.
//
// The live-reload script and the overlay's stylesheet are served from /__serve/, as files:
// the site's Content-Security-Policy allows no inline script.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// Options say what to serve and how.
type Options struct {
	Root    string               // the site root
	Drafts  bool                 // show draft pages (an editor previews them)
	Updated map[string]time.Time // last change per content file, as for build
	Log     io.Writer            // what the terminal shows; nil for silence
	// Quiet is how long the files must be still before a rebuild starts: an editor's save
	// is often several events (a temporary file, a rename). Default 15 ms.
	Quiet time.Duration
}

// Server is one running preview.
type Server struct {
	opts    Options
	ln      net.Listener
	tmp     string // holds every built site of this run
	watcher *watcher
	events  *broker
	closing chan struct{}
	cleanup sync.WaitGroup // removals of replaced sites

	mu       sync.RWMutex
	dir      string            // the site being served; "" before the first good build
	problems []diag.Diagnostic // why the last rebuild failed; nil when the site is current
	builds   int

	// Pages out of date since an edit, rendered when asked for (see stale.go).
	staleMu sync.Mutex
	stale   map[string]*site.Page // by path in the site folder
	renders chan renderRequest

	// Touched only by the rebuild loop.
	model *build.Model
}

// New builds the site for the listener's address and starts watching. A failing first build
// is not an error: the preview then shows the problems until a save fixes them.
func New(opts Options, ln net.Listener) (*Server, error) {
	if opts.Quiet == 0 {
		opts.Quiet = 15 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	tmp, err := os.MkdirTemp("", "handbook-serve-")
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, ln: ln, tmp: tmp, events: newBroker(), closing: make(chan struct{}),
		stale: map[string]*site.Page{}, renders: make(chan renderRequest)}
	w, err := newWatcher(opts.Root, opts.Log)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	s.watcher = w
	s.fullBuild(nil)
	return s, nil
}

// URL is the address of the preview.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() + "/" }

// Run serves and rebuilds until ctx is done, then stops the server, the watcher and the
// open event streams, and deletes the built sites.
func (s *Server) Run(ctx context.Context) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()
	batches := make(chan []string)
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		s.watcher.run(ctx, s.opts.Quiet, batches)
	}()
	var err error
loop:
	for {
		select {
		case b := <-batches:
			s.rebuild(b)
		case req := <-s.renders:
			s.renderStale(req.file)
			close(req.done)
		case err = <-served:
			break loop
		case <-ctx.Done():
			break loop
		}
	}
	close(s.closing)
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if e := srv.Shutdown(shutdown); e != nil && err == nil {
		err = e
	}
	s.watcher.close()
	<-watchDone
	s.cleanup.Wait()
	os.RemoveAll(s.tmp)
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// state returns the folder being served and the problems of the last rebuild.
func (s *Server) state() (string, []diag.Diagnostic) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.dir, s.problems
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.opts.Log, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

// siteDir names the folder of the n-th build.
func (s *Server) siteDir(n int) string { return filepath.Join(s.tmp, fmt.Sprintf("site-%d", n)) }
