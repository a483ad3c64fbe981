//go:build !unix

package build

import (
	"io/fs"
	"os"
)

// newSiteFS is the site's folder as a file system.
func newSiteFS(root string) fs.FS { return os.DirFS(root) }
