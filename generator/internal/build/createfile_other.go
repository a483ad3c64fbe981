//go:build !linux

package build

import "os"

// createFile makes the file at p hold data, and returns its stamp for the manifest.
func createFile(p string, data []byte, sum uint64) (fileStamp, bool, error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fileStamp{}, false, err
	}
	_, err = f.Write(data)
	var fi os.FileInfo
	if err == nil {
		fi, err = f.Stat() // after the write: its change time is the one to record
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fileStamp{}, false, err
	}
	st, ok := stamp(fi, sum)
	return st, ok, nil
}
