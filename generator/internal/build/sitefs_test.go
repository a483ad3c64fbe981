package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The site's file system reads files as os.DirFS does: same bytes, same errors.
func TestSiteFSReadsLikeDirFS(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("0123456789", 100_000) // more than one read's worth
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("alpha"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "big.md"), []byte(big), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	site, plain := newSiteFS(dir), os.DirFS(dir)
	for _, name := range []string{"a.md", "empty.md", "big.md", "sub", "missing.md", "../a.md", "/a.md"} {
		got, gotErr := fs.ReadFile(site, name)
		want, wantErr := fs.ReadFile(plain, name)
		if string(got) != string(want) || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%s: got %d bytes, %v; want %d bytes, %v", name, len(got), gotErr, len(want), wantErr)
		}
		if errors.Is(wantErr, fs.ErrNotExist) != errors.Is(gotErr, fs.ErrNotExist) {
			t.Errorf("%s: not-exist is %v, want %v", name, gotErr, wantErr)
		}
		var pe *fs.PathError
		if gotErr != nil && (!errors.As(gotErr, &pe) || pe.Path != name) {
			t.Errorf("%s: error %v does not name the file as given", name, gotErr)
		}
	}
	if entries, err := fs.ReadDir(site, "."); err != nil || len(entries) != 4 {
		t.Errorf("ReadDir: %d entries, %v", len(entries), err)
	}
}
