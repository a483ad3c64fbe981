package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// marker is written into every output folder, so a later build knows it may replace it.
const marker = ".handbook-build"

// writers is how many files are written at once. Creating files is waiting on the disk, not
// work for the CPU, so more writers than cores keep the disk busy while pages render.
const writers = 16

// output is a fresh folder beside the target that becomes the target when complete.
//
// The previous output is kept beside it as ".<name>.old" after the swap, and deleted in the
// background at the start of the next build, while pages render: deleting ten thousand files
// takes seconds on some disks, and need not add to the build's time.
type output struct {
	target string // absolute
	dir    string // the fresh folder being written
	old    string // where the previous output goes at the swap

	files   chan pendingFile
	wg      sync.WaitGroup
	closed  sync.Once
	errOnce sync.Once
	err     error
	trash   sync.WaitGroup
}

type pendingFile struct {
	rel  string
	data []byte
}

// newOutput refuses targets whose replacement could lose data, then makes the fresh folder.
func newOutput(target, siteRoot string) (*output, error) {
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	root, err := filepath.Abs(siteRoot)
	if err != nil {
		return nil, err
	}
	if abs == root || isWithin(root, abs) {
		return nil, fmt.Errorf("output folder %s would replace the site itself; choose another --out", target)
	}
	for _, in := range []string{"content", "layouts", "static", "i18n", "generator"} {
		if isWithin(abs, filepath.Join(root, in)) {
			return nil, fmt.Errorf("output folder %s is inside %s/; choose another --out", target, in)
		}
	}
	if entries, err := os.ReadDir(abs); err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(abs, marker)); err != nil {
			return nil, fmt.Errorf("output folder %s exists and was not made by this generator; remove it or choose another --out", target)
		}
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, err
	}
	o := &output{target: abs, dir: dir, old: filepath.Join(parent, "."+base+".old"), files: make(chan pendingFile, 64)}
	if err := os.WriteFile(filepath.Join(dir, marker), nil, 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	o.removeInBackground(o.old)
	for w := 0; w < writers; w++ {
		o.wg.Add(1)
		go o.writer()
	}
	return o, nil
}

// removeInBackground moves a leftover previous output out of the way and deletes it, with
// several workers, while the build goes on.
func (o *output) removeInBackground(dir string) {
	if _, err := os.Stat(dir); err != nil {
		return
	}
	trash, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".trash-")
	if err != nil {
		return
	}
	os.Remove(trash)
	if os.Rename(dir, trash) != nil {
		return
	}
	o.trash.Add(1)
	go func() {
		defer o.trash.Done()
		work := make(chan string)
		var wg sync.WaitGroup
		for w := 0; w < writers/2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range work {
					os.RemoveAll(p)
				}
			}()
		}
		// Two levels down, so the language folders are split between the workers.
		entries, _ := os.ReadDir(trash)
		for _, e := range entries {
			sub := filepath.Join(trash, e.Name())
			if inner, err := os.ReadDir(sub); err == nil {
				for _, i := range inner {
					work <- filepath.Join(sub, i.Name())
				}
			}
			work <- sub
		}
		close(work)
		wg.Wait()
		os.RemoveAll(trash)
	}()
}

// isWithin reports whether path is inside (or equal to) dir.
func isWithin(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))))
}

// write queues one file; rel must stay inside the output folder.
func (o *output) write(rel string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("refusing to write %q outside the output folder", rel)
	}
	o.files <- pendingFile{rel, data}
	return nil
}

func (o *output) writer() {
	defer o.wg.Done()
	for f := range o.files {
		p := filepath.Join(o.dir, filepath.FromSlash(f.rel))
		err := os.MkdirAll(filepath.Dir(p), 0o755)
		if err == nil {
			err = os.WriteFile(p, f.data, 0o644)
		}
		if err != nil {
			o.errOnce.Do(func() { o.err = err })
		}
	}
}

// flush waits for every queued file to be on disk.
func (o *output) flush() error {
	o.closed.Do(func() { close(o.files) })
	o.wg.Wait()
	return o.err
}

// commit swaps the fresh folder in place of the target; the previous output becomes the
// ".old" folder that the next build deletes.
func (o *output) commit() error {
	if err := o.flush(); err != nil {
		return err
	}
	o.trash.Wait()
	moved := false
	if _, err := os.Stat(o.target); err == nil {
		if err := os.Rename(o.target, o.old); err != nil {
			return err
		}
		moved = true
	}
	if err := os.Rename(o.dir, o.target); err != nil {
		if moved {
			err = errors.Join(err, os.Rename(o.old, o.target))
		}
		return err
	}
	return nil
}

// abort removes the fresh folder; the target is untouched.
func (o *output) abort() {
	o.flush()
	o.trash.Wait()
	os.RemoveAll(o.dir)
}
