//go:build unix && !solaris && !aix

package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// lockOutput waits until no other build writes the output whose lock file is path, and
// returns what ends this build's turn. Two builds into one public/ (a second terminal, the
// pdf command beside a build) would both swap, and the second would find the spare taken and
// leave its folder behind.
//
// The lock is flock(2) on a file beside the output, removed when the turn ends, so that
// nothing stays behind. A build that waited may so hold a lock on a file that is gone:
// it checks that the file it locked is still the one at path, and tries again if not. A
// build that is killed loses its lock with its process.
func lockOutput(path string, stop <-chan struct{}, onWait func()) (unlock func(), err error) {
	waited := false
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
		if errors.Is(err, os.ErrNotExist) {
			// The build ahead of this one failed and removed the folders it had made for
			// its output, ours included: make them again.
			if err = os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
				continue
			}
		}
		if err != nil {
			return nil, fmt.Errorf("cannot make the build's lock file %s (if something stands there, remove it): %w", path, err)
		}
		unlock, err := lockOpened(f, path)
		if unlock != nil || err != nil {
			return unlock, err
		}
		if !waited && onWait != nil {
			onWait()
		}
		waited = true
		select {
		case <-stop:
			return nil, ErrInterrupted
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// lockOpened takes the lock on f, the file opened at path, if it is free and still the file
// at path; it returns nil and no error when this build is to wait and try again.
func lockOpened(f *os.File, path string) (unlock func(), err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if noLocks(err) {
		// A file system without locks (some network ones): builds do not take turns
		// there, as before there was a lock.
		err = nil
	}
	if err == nil && sameFile(f, path) {
		var once sync.Once // a second call would remove the next build's lock file
		return func() {
			once.Do(func() {
				os.Remove(path)
				f.Close()
			})
		}, nil
	}
	f.Close()
	if err != nil && err != syscall.EWOULDBLOCK && err != syscall.EINTR {
		return nil, &os.PathError{Op: "lock", Path: path, Err: err}
	}
	return nil, nil
}

// noLocks reports whether err says the file system cannot lock files at all.
func noLocks(err error) bool {
	return err == syscall.ENOLCK || err == syscall.EOPNOTSUPP || err == syscall.ENOSYS
}

// sameFile reports whether the open file f is still the file at path.
func sameFile(f *os.File, path string) bool {
	held, err := f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Lstat(path)
	return err == nil && os.SameFile(held, now)
}
