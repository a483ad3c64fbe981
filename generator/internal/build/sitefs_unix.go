//go:build unix

package build

import (
	"errors"
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
	if err == syscall.ELOOP {
		err = errSymlink
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		// A pipe would never end the build, a device such as /dev/zero would fill memory.
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotAFile}
	}
	size := 512
	if st.Size > 0 && st.Size < 1<<30 {
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

// errSymlink is the error of reading a symbolic link. A link is never followed: git keeps
// links, so a pull request could add static/env.txt -> /proc/self/environ and publish the
// build machine's secrets, or any of its files, without a line of content to review.
var errSymlink = errors.New("a symbolic link, which the build does not follow (it could publish files from outside the site): put the file itself here")

// errNotAFile is the error of reading a pipe, a device or a socket.
var errNotAFile = errors.New("not a regular file (a pipe, a device or a socket): put a file there")

// openRetrying opens path for reading. O_NONBLOCK keeps the open of a named pipe from
// waiting for a writer (ReadFile then refuses it); it changes nothing for a regular file.
// O_NOFOLLOW refuses a symbolic link (ELOOP), see errSymlink.
func openRetrying(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// OpenRegular opens the named file for a copy, as ReadFile would read it: not through a
// symbolic link, and only a regular file.
func (s siteFS) OpenRegular(name string) (*os.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	p := filepath.Join(s.root, filepath.FromSlash(name))
	fd, err := openRetrying(p)
	if err == syscall.ELOOP {
		err = errSymlink
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		syscall.Close(fd)
		if err == nil {
			err = errNotAFile
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	// Blocking again: O_NONBLOCK was for the open of a pipe, which this is not.
	if err := syscall.SetNonblock(fd, false); err != nil {
		syscall.Close(fd)
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), p), nil
}
