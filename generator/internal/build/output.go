package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// marker is written into every output folder, so a later build knows it may replace it.
const marker = ".handbook-build"

// writers is how many files are written at once. Creating files is waiting on the disk, not
// work for the CPU, so more writers than cores keep the disk busy while pages render.
const writers = 16

// output is the folder a build writes into, beside the target, which becomes the target only
// when the build is complete: a failed build never touches the target.
//
// After the swap the previous output stays beside the target as ".<name>.old", and the next
// build writes into that folder instead of an empty one: a file whose bytes did not change is
// left alone, a changed file is rewritten, and whatever the build did not write is removed
// before the swap. Most pages of a rebuild are unchanged, and on a real disk comparing a file
// costs far less than creating it and, a build later, deleting the copy it replaced.
type output struct {
	target string // absolute
	named  string // as the editor gave it: "public"
	dir    string // the folder being written
	spare  string // where the previous output goes at the swap
	reuse  bool   // dir is an earlier output being brought up to date
	// madeParents are the folders above the target this build made, deepest first.
	madeParents []string
	unlock      func()          // ends this build's turn at the target (see lockOutput)
	stop        <-chan struct{} // closed when the build is to end early: files are no longer written

	existing func() listing   // what a reused folder held, listed while the build runs
	previous func() *manifest // what the build that wrote a reused folder recorded (see manifest)
	key      fingerprintKey   // the folder's: its recorded one when reused, else a new one
	dirs     sync.Map         // folders known to exist, by absolute path
	// replacing is held while a file or link in a reused folder gives way to a folder.
	replacing sync.Mutex

	files chan pendingFile
	// queueing is held to queue a file, and taken whole to close the queue: a build given
	// up on (see withTimeout) may still have a page on its way, which must not send on a
	// closed channel.
	queueing sync.RWMutex
	shut     bool
	claimed  sync.Map // paths queued so far: a second file for one path is refused
	wg       sync.WaitGroup
	aborted  sync.Once
	mu       sync.Mutex
	written  map[string]bool // by path relative to dir, with the OS's separator
	stamps   map[string]fileStamp
	trusted  atomic.Int64 // files left alone on the manifest's word, not compared
	err      error
	// spareFailed: a file of the reused folder could not be written or removed (a folder
	// in it the build may not change). Kept as the spare, it would fail every build after.
	spareFailed atomic.Bool
	setAside    string // where such a folder went (see giveBack)
	trash       sync.WaitGroup
}

type pendingFile struct {
	rel  string
	data []byte
	done func([]byte)             // when set, takes data back once the file is written
	open func() (*os.File, error) // when set, the file is copied from what it opens (largefile.go)
	from string                   // and this is the file opened, for messages
}

type entry struct {
	rel   string
	isDir bool
}

// builtAround is the nearest folder above dir that a build wrote (it holds the marker), or "".
func builtAround(dir string) string {
	for p := filepath.Dir(dir); ; p = filepath.Dir(p) {
		if _, err := os.Lstat(filepath.Join(p, marker)); err == nil {
			return p
		}
		if filepath.Dir(p) == p {
			return ""
		}
	}
}

// newOutput refuses targets whose replacement could lose data, waits until no other build
// writes the target (onWait, when given, hears that it does), then prepares the folder to
// write into: the spare from the previous build when there is one, else a fresh folder.
func newOutput(target, siteRoot string, stop <-chan struct{}, onWait func()) (_ *output, err error) {
	if strings.TrimSpace(target) == "" {
		return nil, errors.New("the output folder is empty (--out=): name one, such as --out public")
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	root, err := filepath.Abs(siteRoot)
	if err != nil {
		return nil, err
	}
	// Compared with links resolved: "--out c/x", where c links to content/, is content/x.
	realAbs, realRoot := resolveExisting(abs), resolveExisting(root)
	if realAbs == realRoot || isWithin(realRoot, realAbs) {
		return nil, fmt.Errorf("output folder %s would replace the site itself; choose another --out", target)
	}
	for _, in := range []string{"content", "layouts", "static", "i18n", "generator"} {
		if isWithin(realAbs, filepath.Join(realRoot, in)) {
			return nil, fmt.Errorf("output folder %s is inside %s/; choose another --out", target, in)
		}
	}
	if built := builtAround(realAbs); built != "" {
		if rel, err := filepath.Rel(realRoot, built); err == nil && !strings.HasPrefix(rel, "..") {
			built = rel
		}
		return nil, fmt.Errorf("output folder %s is inside %s, the output of another build, which replaces it whole at its next build; choose another --out", target, built)
	}
	if why := notReplaceable(abs); why != "" {
		return nil, fmt.Errorf("output folder %s %s; move it away or choose another --out", target, why)
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	spare := filepath.Join(parent, "."+base+".old")
	if why := notReplaceable(spare); why != "" {
		return nil, fmt.Errorf("%s is where the previous output is kept, but it %s; move it away or choose another --out", spare, why)
	}
	// The folders made for a new --out go again if the build fails: it leaves nothing.
	var made []string
	for p := parent; ; p = filepath.Dir(p) {
		if _, err := os.Lstat(p); err == nil || filepath.Dir(p) == p {
			break
		}
		made = append(made, p)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockOutput(filepath.Join(parent, "."+base+".lock"), stop, onWait)
	if err != nil {
		removeEmpty(made)
		return nil, err
	}
	defer func() {
		if err != nil {
			unlock()
			removeEmpty(made)
		}
	}()
	dir, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, err
	}
	o := &output{target: abs, named: filepath.Clean(target), dir: dir, spare: spare, madeParents: made, unlock: unlock,
		files: make(chan pendingFile, 64), written: map[string]bool{marker: true}, stamps: map[string]fileStamp{}}
	o.previous = func() *manifest { return &manifest{} }
	// The spare's manifest is read and removed before anything changes in the spare: a
	// folder that a build is changing, or gave up on, has none.
	recorded, _ := os.ReadFile(manifestPath(o.spare))
	os.Remove(manifestPath(o.spare))
	o.key = newFingerprintKey()
	if isOurs(o.spare) && os.Remove(dir) == nil && os.Rename(o.spare, dir) == nil {
		o.reuse = true
		if key, ok := recordedKey(recorded); ok {
			o.key = key
		}
		listed := make(chan listing, 1)
		go func() { listed <- listTree(dir) }()
		o.existing = sync.OnceValue(func() listing { return <-listed })
		parsed := make(chan *manifest, 1)
		go func() { parsed <- parseManifest(recorded, folderID(dir)) }()
		o.previous = sync.OnceValue(func() *manifest { return <-parsed })
	} else {
		if _, err := os.Stat(dir); err != nil {
			if err := os.Mkdir(dir, 0o755); err != nil {
				return nil, err
			}
		}
		o.removeInBackground(o.spare)
	}
	o.trash.Add(1)
	go func() {
		defer o.trash.Done()
		o.removeLeftovers(parent, base)
	}()
	o.dirs.Store(dir, true)
	// MkdirTemp makes the folder private (0700); a site's output is read by a web server
	// that may run as another user, like every folder inside it.
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, marker), nil, 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	for w := 0; w < writers; w++ {
		o.wg.Add(1)
		go o.writer()
	}
	return o, nil
}

// isOurs reports whether dir is a folder this generator wrote.
func isOurs(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, marker))
	return err == nil && fi.Mode().IsRegular()
}

// notReplaceable says why the build may not replace what stands at path (the output folder
// or its spare), or "" when it may: nothing there, an empty folder, or a folder this
// generator made. A link is refused, wherever it points: swapped or reused, it would take the
// build's files to its target; so is a file, and a folder that cannot be read.
func notReplaceable(path string) string {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ""
	case err != nil:
		return fmt.Sprintf("cannot be looked at (%v)", err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return "is a link (give the folder it points to, or remove the link)"
	case !fi.IsDir():
		return "is a file, not a folder"
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return fmt.Sprintf("cannot be read (%v)", err)
	}
	if len(entries) > 0 && !isOurs(path) {
		return "exists and was not made by this generator"
	}
	return ""
}

// resolveExisting is path with the links in the part of it that exists resolved.
func resolveExisting(path string) string {
	rest := ""
	for p := path; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(p) == p {
			return path
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// listing is what a folder holds, and the first folder in it that could not be read.
type listing struct {
	entries []entry
	err     error
}

// listTree lists everything under dir, parents before their contents. A folder it cannot
// read hides what it holds: that is an error, or a stale file in it would be published.
func listTree(dir string) listing {
	var l listing
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if l.err == nil && p != dir {
				l.err = err
			}
			return nil
		}
		if p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		l.entries = append(l.entries, entry{rel, d.IsDir()})
		return nil
	})
	return l
}

// removeInBackground moves a leftover folder out of the way and deletes it, with several
// workers, while the build goes on; it returns where the folder went. Trash is deleted
// where it is: renamed again by every build it outlived, its name would grow each time.
func (o *output) removeInBackground(dir string) (trash string) {
	if _, err := os.Lstat(dir); err != nil {
		return ""
	}
	if isTrash(filepath.Base(dir)) {
		trash = dir
	} else {
		made, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".trash-")
		if err != nil {
			return ""
		}
		os.Remove(made)
		if os.Rename(dir, made) != nil {
			return ""
		}
		trash = made
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
	return trash
}

// leftoverAge is how old a folder a build left behind (killed before it could clean up) must
// be before a later build removes it: a build that is still running is never that old.
const leftoverAge = time.Hour

// removeLeftovers removes the folders that builds into this target were killed before they
// could remove: a folder being written (".public.new-…", marked as the generator's) and a
// folder on its way out (".public.old.trash-…"). It runs in the background, listing the
// parent folder (which may be large) included.
func (o *output) removeLeftovers(parent, base string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		name := e.Name()
		// A leftover being removed is renamed ".public.new-….trash-…" (removeInBackground),
		// and may have lost its mark.
		trash := strings.HasPrefix(name, "."+base+".") && isTrash(name)
		written := strings.HasPrefix(name, "."+base+".new-") && !trash
		p := filepath.Join(parent, name)
		if !e.IsDir() || (!written && !trash) || p == o.dir || (written && !isOurs(p)) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > leftoverAge {
			o.removeInBackground(p)
		}
	}
}

// isTrash reports whether a folder's name is that of a leftover being removed.
func isTrash(name string) bool { return strings.Contains(name, ".trash-") }

// isWithin reports whether path is inside (or equal to) dir.
func isWithin(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))))
}

// write queues one file; rel must stay inside the output folder.
func (o *output) write(rel string, data []byte) error {
	return o.writeThen(rel, data, nil)
}

// writeThen is write that hands data to done once the file is written (or refused), so its
// memory can hold the next page.
func (o *output) writeThen(rel string, data []byte, done func([]byte)) error {
	refuse := func(err error) error {
		if done != nil {
			done(data)
		}
		return err
	}
	if err := o.queue(pendingFile{rel: rel, data: data, done: done}); err != nil {
		return refuse(err)
	}
	return nil
}

// queue hands f to the writers, once per path and only inside the output folder.
func (o *output) queue(f pendingFile) error {
	if !filepath.IsLocal(filepath.FromSlash(f.rel)) {
		return fmt.Errorf("refusing to write %q outside the output folder", f.rel)
	}
	// Two writers on one path would leave either file, or a mix of both.
	if _, twice := o.claimed.LoadOrStore(path.Clean(f.rel), true); twice {
		return fmt.Errorf("two files of the build go to %s; please report it", f.rel)
	}
	o.queueing.RLock()
	defer o.queueing.RUnlock()
	if o.shut {
		return ErrInterrupted
	}
	o.files <- f
	return nil
}

// closeQueue ends the queue of files; the writers write what is in it (or drop it, once
// the build is stopped) and end.
func (o *output) closeQueue() {
	o.queueing.Lock()
	defer o.queueing.Unlock()
	if !o.shut {
		o.shut = true
		close(o.files)
	}
}

func (o *output) writer() {
	defer o.wg.Done()
	written := map[string]bool{}
	stamps := map[string]fileStamp{}
	buf := make([]byte, 32<<10)
	fp := newFingerprinter(o.key)
	for f := range o.files {
		if stopped(o.stop) {
			o.fail(ErrInterrupted)
			if f.done != nil {
				f.done(f.data)
			}
			continue
		}
		rel := filepath.FromSlash(f.rel)
		written[rel] = true
		var st *fileStamp
		var err error
		if f.open != nil {
			st, err = o.putCopy(rel, f.from, f.open, buf)
		} else {
			st, err = o.put(rel, f.data, buf, fp)
		}
		var source sourceError
		switch {
		case errors.As(err, &source):
			o.fail(source)
		case err != nil:
			o.failWriting(err)
		case st != nil:
			stamps[rel] = *st
		}
		if f.done != nil {
			f.done(f.data)
		}
	}
	o.mu.Lock()
	for rel := range written {
		o.written[rel] = true
	}
	for rel, st := range stamps {
		o.stamps[rel] = st
	}
	o.mu.Unlock()
}

func (o *output) fail(err error) {
	o.mu.Lock()
	if o.err == nil {
		o.err = err
	}
	o.mu.Unlock()
}

// failWriting records a file the system would not write or remove. Its path is not given
// in the folder being written, whose name means nothing to an editor and is gone when they
// read it: in a fresh folder, as in the target (public/en/x/index.html); in the spare, as
// in the spare (.public.old/en/x/index.html).
func (o *output) failWriting(err error) {
	if o.reuse {
		o.spareFailed.Store(true)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if rel, ok := strings.CutPrefix(pe.Path, o.dir+string(filepath.Separator)); ok {
			if !o.reuse {
				rel = filepath.Join(o.named, rel)
			}
			err = &fs.PathError{Op: pe.Op, Path: rel, Err: pe.Err}
		}
	}
	o.fail(err)
}

// spareSetAside says what became of a spare that could not be brought up to date (see
// failWriting), once the build has given it up.
func (o *output) spareSetAside(err error) error {
	spare := filepath.Join(filepath.Dir(o.named), filepath.Base(o.spare))
	err = fmt.Errorf("%w %s could not be brought up to date: %w", errSpareSetAside, spare, err)
	if o.setAside != "" {
		if _, statErr := os.Lstat(o.setAside); statErr == nil {
			err = fmt.Errorf("%w; it is left as %s until it can be removed", err, filepath.Join(filepath.Dir(o.named), filepath.Base(o.setAside)))
		}
	}
	return err
}

// writeFailed reports whether a file could not be written or removed.
func (o *output) writeFailed() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err != nil && o.err != ErrInterrupted
}

// errSpareSetAside: the spare could not be brought up to date and is set aside; a build
// into a fresh folder may well succeed.
var errSpareSetAside = errors.New("spare output")

// put makes the file at rel hold data, and returns its stamp for the manifest (nil where
// the system gives none). In a reused folder an identical file is left as it is, and
// whatever else stands at rel (a folder, a link) is removed first, so nothing is written
// through a link.
func (o *output) put(rel string, data, buf []byte, fp *fingerprinter) (*fileStamp, error) {
	p := filepath.Join(o.dir, rel)
	if err := o.mkdir(filepath.Dir(p)); err != nil {
		return nil, err
	}
	sum := fp.sum(data)
	if o.reuse {
		if fi, err := os.Lstat(p); err == nil {
			if fi.Mode().IsRegular() && fi.Size() == int64(len(data)) {
				st, ok := stamp(fi, sum)
				if ok && o.previous().holds(rel, st) {
					o.trusted.Add(1)
					return &st, nil
				}
				if sameContent(p, data, buf) {
					return stampOrNil(st, ok), nil
				}
			}
			// Removed, not truncated and rewritten: the file may have other names (a backup
			// made with cp -al or rsync --link-dest), which must keep the old bytes.
			if err := os.RemoveAll(p); err != nil {
				return nil, err
			}
		}
	}
	st, ok, err := createFile(p, data, sum)
	if err != nil {
		return nil, err
	}
	return stampOrNil(st, ok), nil
}

func stampOrNil(st fileStamp, ok bool) *fileStamp {
	if !ok {
		return nil
	}
	return &st
}

// mkdir makes dir and its parents, once per build. When the parent is known to exist, one
// system call does it.
func (o *output) mkdir(dir string) error {
	if _, ok := o.dirs.Load(dir); ok {
		return nil
	}
	if o.reuse {
		return o.mkdirReused(dir)
	}
	var err error
	if _, ok := o.dirs.Load(filepath.Dir(dir)); ok {
		err = mkdirOne(dir)
	} else {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		o.dirs.Store(dir, true)
	}
	return err
}

// mkdirReused makes dir in a reused folder, which holds whatever an earlier build, or a
// person, left there. It goes one level at a time down from folders this build has checked,
// and removes a file or a link where a folder belongs instead of following it: a link to a
// folder elsewhere must not take this build's files out of the output. It looks before it
// makes: most folders are there already, and looking takes no lock, while mkdir takes the
// parent's, which the other writers in it wait for.
func (o *output) mkdirReused(dir string) error {
	parent := filepath.Dir(dir)
	if _, ok := o.dirs.Load(parent); !ok {
		if parent == dir || !isWithin(parent, o.dir) {
			return fmt.Errorf("mkdir %s: not inside the output folder %s", dir, o.dir)
		}
		if err := o.mkdirReused(parent); err != nil {
			return err
		}
	}
	fi, err := os.Lstat(dir)
	switch {
	case err == nil && fi.IsDir():
	case err == nil:
		err = o.replaceWithFolder(dir)
	default:
		err = mkdirOne(dir)
	}
	if err != nil {
		return err
	}
	o.dirs.Store(dir, true)
	return nil
}

// replaceWithFolder removes the file or link at dir and makes a folder there. One writer at a
// time, looking again first: two writers that both saw the link must not have the second
// remove the folder the first has just made and begun to fill.
func (o *output) replaceWithFolder(dir string) error {
	o.replacing.Lock()
	defer o.replacing.Unlock()
	if fi, err := os.Lstat(dir); err == nil && fi.IsDir() {
		return nil
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return mkdirOne(dir)
}

// mkdirOne makes dir in a folder that exists. One that another writer made meanwhile will do;
// anything else standing there will not.
func mkdirOne(dir string) error {
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrExist) {
		if fi, serr := os.Lstat(dir); serr == nil && fi.IsDir() {
			return nil
		}
		return fmt.Errorf("mkdir %s: not a folder", dir)
	}
	return err
}

// flush waits for every queued file to be on disk, then, in a reused folder, removes what
// this build did not write.
func (o *output) flush() error {
	o.closeQueue()
	o.wg.Wait()
	if o.err != nil {
		return o.err
	}
	if o.reuse {
		listed := o.existing()
		if listed.err != nil {
			o.failWriting(listed.err)
			return o.err
		}
		return o.removeStale(listed.entries)
	}
	return nil
}

// removeStale removes the files this build did not write and the folders left without any.
// A file left would be published: one the system refuses to remove fails the build.
func (o *output) removeStale(entries []entry) error {
	needed := map[string]bool{}
	for rel := range o.written {
		for d := filepath.Dir(rel); d != "." && !needed[d]; d = filepath.Dir(d) {
			needed[d] = true
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].rel < entries[j].rel })
	var gone string // a removed folder: everything inside went with it
	for _, e := range entries {
		if gone != "" && strings.HasPrefix(e.rel, gone+string(filepath.Separator)) {
			continue
		}
		switch {
		case o.written[e.rel]:
			// Written by this build, perhaps as a file where the listing saw a folder.
		case e.isDir && !needed[e.rel]:
			if err := os.RemoveAll(filepath.Join(o.dir, e.rel)); err != nil {
				o.failWriting(err)
			}
			gone = e.rel
		case !e.isDir && !o.written[e.rel]:
			if err := os.Remove(filepath.Join(o.dir, e.rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				o.failWriting(err)
			}
		}
	}
	return o.err
}

// commit swaps the written folder in place of the target; the previous output becomes the
// spare that the next build brings up to date.
func (o *output) commit() error {
	if err := o.flush(); err != nil {
		return err
	}
	o.trash.Wait()
	_, err := os.Lstat(o.target) // a folder, if anything: newOutput refused the rest
	exists := err == nil
	if exists {
		// Where the system can, the two folders trade places in one step, so that public/
		// is there whatever stops the program.
		swapped, err := exchange(o.dir, o.target)
		if err != nil {
			return err
		}
		if swapped {
			// The previous output, now where this one was written, becomes the spare. (Should
			// that fail, the folder stays where it is; the next build starts from nothing.)
			os.Rename(manifestPath(o.target), manifestPath(o.spare))
			os.Rename(o.dir, o.spare)
			o.writeManifest()
			o.unlock()
			return nil
		}
	}
	moved := false
	if exists {
		if err := os.Rename(o.target, o.spare); err != nil {
			return err
		}
		moved = true
		os.Rename(manifestPath(o.target), manifestPath(o.spare)) // none after a failed write below
	}
	if err := os.Rename(o.dir, o.target); err != nil {
		if moved {
			err = errors.Join(err, os.Rename(o.spare, o.target))
			os.Rename(manifestPath(o.spare), manifestPath(o.target))
		}
		return err
	}
	o.writeManifest()
	o.unlock()
	return nil
}

// writeManifest records what this build wrote, beside the output: last, and only a help to
// the build after next (without it, that build compares).
func (o *output) writeManifest() {
	m := manifest{at: time.Now().UnixNano(), folder: folderID(o.target), key: o.key, files: o.stamps}
	WriteAtomic(manifestPath(o.target), m.encode())
}

// WriteAtomic puts data in file by renaming a new file over it: a reader sees the old bytes
// or the new, never half, and whatever stood at file (a link, say) is replaced, not
// written through.
func WriteAtomic(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".tmp-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644) // CreateTemp makes it private
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// abort gives up the written folder; the target is untouched. A reused folder goes back to
// being the spare (the next build compares every file anyway); a fresh one is removed.
// Only the first call does anything.
func (o *output) abort() {
	o.aborted.Do(o.giveBack)
}

func (o *output) giveBack() {
	o.closeQueue()
	o.wg.Wait()
	o.trash.Wait()
	if o.reuse {
		o.existing() // the listing is done with the folder before it moves
		if !o.spareFailed.Load() && os.Rename(o.dir, o.spare) == nil {
			o.unlock()
			return
		}
	}
	if o.spareFailed.Load() {
		// What the system refused to change may refuse to go too: as trash, later builds
		// try again, where a folder without its mark would be left alone for good.
		o.setAside = o.removeInBackground(o.dir)
		o.trash.Wait()
	}
	os.RemoveAll(o.dir)
	o.unlock()
	removeEmpty(o.madeParents)
}

// removeEmpty removes the folders that are empty, in order: a build's own, deepest first.
func removeEmpty(dirs []string) {
	for _, p := range dirs {
		os.Remove(p) // only while empty
	}
}
