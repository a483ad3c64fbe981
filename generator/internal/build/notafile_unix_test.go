//go:build unix

package build

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// A named pipe never ends and a device such as /dev/zero never stops giving bytes: where a
// page or a static file belongs, each is refused by name instead of hanging the build or
// filling its memory.
func TestPipesAndDevicesAreRefused(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	if err := syscall.Mkfifo(filepath.Join(dir, "content/guides/pipe.en.md"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	build := func(want string) {
		t.Helper()
		out, err := run(t, dir)
		if err == nil {
			t.Fatal("build succeeded")
		}
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	build("content/guides/pipe.en.md: cannot read: read content/guides/pipe.en.md: not a regular file (a pipe, a device or a socket)")
	os.Remove(filepath.Join(dir, "content/guides/pipe.en.md"))
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "static/zero.txt")); err != nil {
		t.Fatal(err)
	}
	build("static/zero.txt: cannot read: read static/zero.txt: not a regular file")
}
