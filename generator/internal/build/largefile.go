package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// largeFile is a static file copied from disk to disk as the output is written, never held
// in memory: a trainer's video or a scanned report may be far larger than the rest of the
// site (a 3 GB file once took 8.4 GB of memory).
type largeFile struct {
	src  string // in the site's file system: "static/video/intro.mp4"
	size int64
}

// streamedAbove is the size from which a static file that is not minified is copied rather
// than read: larger than any image or font of the handbook.
const streamedAbove = 4 << 20

// isLarge reports whether the static file d is copied as a largeFile.
func isLarge(name string, d fs.DirEntry) (largeFile, bool) {
	if _, minified := mediaTypes[path.Ext(name)]; minified || !d.Type().IsRegular() {
		return largeFile{}, false
	}
	fi, err := d.Info()
	if err != nil || fi.Size() <= streamedAbove {
		return largeFile{}, false
	}
	return largeFile{src: name, size: fi.Size()}, true
}

// regularFileOpener opens a file of the site that is a regular file, not through a link.
// The site's file system is one (siteFS); a file system that is not has its large files read
// like the others.
type regularFileOpener interface {
	OpenRegular(name string) (*os.File, error)
}

// sourceError is a large file that could not be read when it was copied: it changed since
// the build looked at it. Not the output's fault, so the spare folder is not given up.
type sourceError struct{ err error }

func (e sourceError) Error() string {
	return fmt.Sprintf("%v (the file changed while the site was built: build again)", e.err)
}

func (e sourceError) Unwrap() error { return e.err }

// copyFile queues a copy of src, a file opener opens, to rel.
func (o *output) copyFile(rel string, opener regularFileOpener, src string) error {
	return o.queue(pendingFile{rel: rel, from: src, open: func() (*os.File, error) { return opener.OpenRegular(src) }})
}

// putCopy is put for a file copied from open. In a reused folder a file the manifest knows
// to hold the same bytes is left as it is; any other is removed and copied again.
func (o *output) putCopy(rel, from string, open func() (*os.File, error), buf []byte) (*fileStamp, error) {
	p := filepath.Join(o.dir, rel)
	if err := o.mkdir(filepath.Dir(p)); err != nil {
		return nil, err
	}
	src, err := open()
	if err != nil {
		return nil, sourceError{err}
	}
	defer src.Close()
	sum, size, err := sumReader(o.key, src, buf)
	if err != nil {
		return nil, sourceError{err}
	}
	if o.reuse {
		if fi, err := os.Lstat(p); err == nil {
			if fi.Mode().IsRegular() && fi.Size() == size {
				if st, ok := stamp(fi, sum); ok && o.previous().holds(rel, st) {
					o.trusted.Add(1)
					return &st, nil
				}
			}
			if err := os.RemoveAll(p); err != nil { // not truncated: see put
				return nil, err
			}
		}
	}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return nil, sourceError{err}
	}
	dst, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	// io.Copy between two files lets the kernel copy (copy_file_range on Linux).
	n, err := io.Copy(dst, src)
	if closeErr := dst.Close(); err == nil {
		err = closeErr
	}
	if err == nil && n != size {
		err = sourceError{&fs.PathError{Op: "copy", Path: from, Err: errors.New("its size changed")}}
	}
	if err != nil {
		return nil, err
	}
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	return stampOrNil(stamp(fi, sum)), nil
}
