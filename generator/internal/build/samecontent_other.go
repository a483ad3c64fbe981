//go:build !unix

package build

import (
	"bytes"
	"io"
	"os"
)

// sameContent reports whether the file at p holds exactly data, reading it through buf.
func sameContent(p string, data, buf []byte) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	for {
		n, err := io.ReadFull(f, buf)
		if n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
		if err != nil {
			return len(data) == 0 && (err == io.EOF || err == io.ErrUnexpectedEOF)
		}
	}
}
