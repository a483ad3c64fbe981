package build

import (
	"io/fs"
	"syscall"
)

// identity is the inode and change time of the file fi describes.
func identity(fi fs.FileInfo) (ino uint64, ctime int64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return st.Ino, st.Ctim.Nano(), true
}
