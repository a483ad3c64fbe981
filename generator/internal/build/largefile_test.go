package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// A large static file is copied, not read into memory, and published byte for byte: after
// a change of the same size too, through both the spare folder and the fresh one.
func TestALargeStaticFileIsCopied(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	video := filepath.Join(dir, "static", "video", "intro.mp4")
	if err := os.MkdirAll(filepath.Dir(video), 0o755); err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("0123456789abcdef"), (streamedAbove+1<<20)/16)
	for round, b := range []byte{'x', 'y', 'y', 'z'} {
		data[len(data)/2] = b
		if err := os.WriteFile(video, data, 0o644); err != nil {
			t.Fatal(err)
		}
		mustBuild(t, dir)
		got, err := os.ReadFile(filepath.Join(dir, "public", "video", "intro.mp4"))
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("round %d: published copy differs (%d bytes, %v)", round, len(got), err)
		}
	}
	a := loadAssets(newSiteFS(dir), nil, newMinifier(), nil)
	if _, held := a.files["video/intro.mp4"]; held || a.large["video/intro.mp4"].size != int64(len(data)) {
		t.Errorf("the large file was read into memory")
	}
}

// unreadable is the site with one file that cannot be opened.
type unreadable struct {
	siteFS
	name string
}

func (u unreadable) OpenRegular(name string) (*os.File, error) {
	if name == u.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.siteFS.OpenRegular(name)
}

// A large file that cannot be read is reported by name as the site is read, as a small one
// is; one that stops being readable while the site is written fails the build without
// giving up the spare folder, which is not to blame (found by a review: it was removed and
// the build run again).
func TestALargeStaticFileThatCannotBeRead(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, "static/video/intro.mp4", strings.Repeat("x", streamedAbove+1))
	diags := &diag.List{}
	loadAssets(unreadable{newSiteFS(dir).(siteFS), "static/video/intro.mp4"}, nil, newMinifier(), diags)
	if items := diags.Items(); len(items) != 1 || !strings.HasPrefix(items[0].String(), "static/video/intro.mp4: cannot read: ") {
		t.Errorf("at load: %v", items)
	}

	target := filepath.Join(dir, "public")
	writeOutput(t, target, map[string]string{"a.txt": "a"})
	writeOutput(t, target, map[string]string{"a.txt": "a"}) // now a spare to reuse
	o, err := newOutput(target, t.TempDir(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !o.reuse {
		t.Fatal("no spare to reuse")
	}
	if err := o.queue(pendingFile{rel: "video/intro.mp4", open: func() (*os.File, error) { return nil, fs.ErrNotExist }}); err != nil {
		t.Fatal(err)
	}
	err = o.commit()
	if err == nil || !strings.Contains(err.Error(), "the file changed while the site was built") || o.spareFailed.Load() {
		t.Errorf("at write: %v, spare given up: %v", err, o.spareFailed.Load())
	}
}
