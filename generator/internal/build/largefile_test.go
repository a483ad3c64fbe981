package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

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
