package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCreateFileWritesTheBytesAndStampsTheFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "index.html")
	os.WriteFile(p, []byte("an older and longer page"), 0o644)
	st, ok, err := createFile(p, []byte("<p>new"), 42)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "<p>new" {
		t.Errorf("file holds %q, want %q", got, "<p>new")
	}
	fi, _ := os.Stat(p)
	// The same mode as os.WriteFile gives (0644 under the process's umask).
	ref := filepath.Join(filepath.Dir(p), "ref.html")
	os.WriteFile(ref, nil, 0o644)
	if refInfo, _ := os.Stat(ref); fi.Mode() != refInfo.Mode() {
		t.Errorf("mode %v, want %v as os.WriteFile makes it", fi.Mode(), refInfo.Mode())
	}
	want, wantOK := stamp(fi, 42)
	if ok != wantOK || st != want {
		t.Errorf("stamp %+v (%v), want the file's own %+v (%v)", st, ok, want, wantOK)
	}
}

func TestCreateFileErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{
		dir,                                   // a folder where a file should be
		filepath.Join(dir, "missing", "a.js"), // a folder that does not exist
	} {
		_, _, err := createFile(p, []byte("x"), 0)
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("createFile(%s): error %v, want one naming the file", p, err)
		}
	}
}
