package layout

import (
	"sync"
	"time"
)

// Watch keeps the drawings of layouts under way and when each began, so that a build can
// name one that does not end. html/template cannot be interrupted, and a layout can run
// without end while writing nothing ({{range 100000000000}}{{end}}, or ranges nested over
// every page): the build would hang, on Netlify until its time limit, with no file named.
type Watch struct {
	mu   sync.Mutex
	next uint64
	open map[uint64]Drawing
}

// Drawing is one execution of a layout under way.
type Drawing struct {
	File  string // the layout: "layouts/guide.html"
	What  string // what it draws: a page's source file, or the layouts being loaded
	Began time.Time
}

// Begin records a drawing; the returned function ends it. A nil Watch records nothing.
func (w *Watch) Begin(file, what string) (end func()) {
	if w == nil {
		return func() {}
	}
	w.mu.Lock()
	if w.open == nil {
		w.open = map[uint64]Drawing{}
	}
	w.next++
	id := w.next
	w.open[id] = Drawing{File: file, What: what, Began: time.Now()}
	w.mu.Unlock()
	return func() {
		w.mu.Lock()
		delete(w.open, id)
		w.mu.Unlock()
	}
}

// Oldest returns the drawing that has been under way the longest, if any is.
func (w *Watch) Oldest() (Drawing, bool) {
	if w == nil {
		return Drawing{}, false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	var oldest Drawing
	found := false
	for _, d := range w.open {
		if !found || d.Began.Before(oldest.Began) {
			oldest, found = d, true
		}
	}
	return oldest, found
}
