//go:build !unix

package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// siteFS is the site's folder as a file system that, as on Unix, reads no symbolic link
// and nothing but regular files.
type siteFS struct {
	fs.FS // os.DirFS(root)
	root  string
}

func newSiteFS(root string) fs.FS { return siteFS{os.DirFS(root), root} }

// ReadFile reads the named file after looking at what it is, not at what it points to.
func (s siteFS) ReadFile(name string) ([]byte, error) {
	if fs.ValidPath(name) {
		if fi, err := os.Lstat(filepath.Join(s.root, filepath.FromSlash(name))); err == nil {
			switch {
			case fi.Mode()&fs.ModeSymlink != 0:
				return nil, &fs.PathError{Op: "open", Path: name, Err: errSymlink}
			case !fi.Mode().IsRegular() && !fi.IsDir():
				return nil, &fs.PathError{Op: "read", Path: name, Err: errNotAFile}
			}
		}
	}
	return fs.ReadFile(s.FS, name)
}

// errSymlink: see sitefs_unix.go.
var errSymlink = errors.New("a symbolic link, which the build does not follow (it could publish files from outside the site): put the file itself here")

var errNotAFile = errors.New("not a regular file (a pipe, a device or a socket): put a file there")

// OpenRegular opens the named file for a copy, after looking at what it is, not at what it
// points to.
func (s siteFS) OpenRegular(name string) (*os.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	p := filepath.Join(s.root, filepath.FromSlash(name))
	fi, err := os.Lstat(p)
	switch {
	case err != nil:
		return nil, err
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, &fs.PathError{Op: "open", Path: name, Err: errSymlink}
	case !fi.Mode().IsRegular():
		return nil, &fs.PathError{Op: "open", Path: name, Err: errNotAFile}
	}
	return os.Open(p)
}
