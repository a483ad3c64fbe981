package build

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange makes the folders at a and b trade places in one step (renamex_np with
// RENAME_SWAP, on APFS and HFS+), and reports false, with no error, where the file system
// cannot (ENOTSUP and EOPNOTSUPP differ on Darwin): an editor's Mac keeps public/ whole even
// if the build is killed at the swap.
func exchange(a, b string) (bool, error) {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOTSUP), errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.ENOSYS):
		return false, nil
	}
	return false, &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
}
