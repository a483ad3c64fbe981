//go:build unix

package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// siteFS is the site's folder as a file system. Files are read with plain system calls:
// os.ReadFile offers every file to the network poller, which refuses regular files, and
// that costs four fcntl and an epoll_ctl per file (10,000 content files at 10,000 pages).
// Everything else is os.DirFS's.
type siteFS struct {
	dirFS // os.DirFS(root)
	root  string
}

// dirFS is what os.DirFS offers besides Open; siteFS passes it on.
type dirFS interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
}

func newSiteFS(root string) fs.FS { return siteFS{os.DirFS(root).(dirFS), root} }

// ReadFile reads the named file, as os.DirFS does, errors naming it the same way.
func (s siteFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	fd, err := openRetrying(filepath.Join(s.root, filepath.FromSlash(name)))
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	size := 512
	if syscall.Fstat(fd, &st) == nil && st.Size > 0 && st.Size < 1<<30 {
		size = int(st.Size) + 1 // one more, to see the end in the same call
	}
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

func openRetrying(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
