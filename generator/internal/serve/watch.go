package serve

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the folders of the site root whose changes trigger a rebuild.
var watched = []string{"content", "layouts", "static", "i18n"}

// watcher turns file events under the watched folders into batches of changed paths
// (relative to the root, with forward slashes), once the files have been still for a while.
// fsnotify does not watch sub-folders by itself: every folder is added, and every folder that
// appears later too.
//
// A folder that disappears is reported with a trailing slash ("content/cases/"): moved away,
// its pages send no events of their own, and its name alone cannot tell it from a file.
type watcher struct {
	root string
	fsw  *fsnotify.Watcher
	log  io.Writer
	dirs map[string]bool // every folder watched; touched only by newWatcher, then run
}

func newWatcher(root string, log io.Writer) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fsw: fsw, log: log, dirs: map[string]bool{}}
	for _, d := range watched {
		p := filepath.Join(root, d)
		if _, err := os.Stat(p); err == nil {
			w.addTree(p)
		}
	}
	// The root itself, to see a watched folder that is created later.
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	return w, nil
}

// addTree watches a folder and every folder below it.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if w.fsw.Add(p) == nil {
			w.dirs[p] = true
		}
		return nil
	})
}

// run collects events until ctx is done; a batch is sent when no event came for quiet.
func (w *watcher) run(ctx context.Context, quiet time.Duration, batches chan<- []string) {
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			rel, ok := w.relevant(ev)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
				}
			}
			if (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) && w.dirs[ev.Name] {
				delete(w.dirs, ev.Name)
				rel += "/"
			}
			pending[rel] = true
			timer.Reset(quiet)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			io.WriteString(w.log, "watching: "+err.Error()+"\n")
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			pending = map[string]bool{}
			select {
			case batches <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}

// relevant maps an event to a path under a watched folder, leaving out what editors write
// on the side (swap and backup files) and changes of permissions only.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top := strings.SplitN(rel, "/", 2)[0]
	if !isWatched(top) || scratch(filepath.Base(ev.Name)) {
		return "", false
	}
	return rel, true
}

func isWatched(top string) bool {
	for _, d := range watched {
		if d == top {
			return true
		}
	}
	return false
}

// scratch recognises editors' temporary files: ".x.swp", "x~", "#x#", vim's "4913".
func scratch(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") || name == "4913"
}

func (w *watcher) close() { w.fsw.Close() }
