//go:build unix

package build

import (
	"bytes"
	"syscall"
)

// sameContent reports whether the file at p holds exactly data, reading it through buf.
//
// It reads with plain system calls: on Linux, os.Open offers every file to the network
// poller, which refuses regular files, and that costs four fcntl and an epoll_ctl per file
// (2.6 µs of the 6.9 µs it takes to open and read a page): 120 ms of CPU for the 45,000
// files a 10,000-page rebuild compares. Anything unexpected answers "not the same", and
// the file is written again.
func sameContent(p string, data, buf []byte) bool {
	fd, err := openRetrying(p)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	for {
		n, err := syscall.Read(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n < 0 || n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		if n == 0 {
			return len(data) == 0
		}
		data = data[n:]
	}
}
