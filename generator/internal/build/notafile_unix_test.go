//go:build unix && !solaris && !aix

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
	build("static/zero.txt: cannot read: open static/zero.txt: a symbolic link, which the build does not follow")
}

// A symbolic link is refused wherever the site's files are read, to a file or a folder,
// inside the site or out of it: git keeps links, and static/env.txt -> /proc/self/environ
// in a pull request would publish the build machine's environment (found by a review).
func TestSymbolicLinksAreRefused(t *testing.T) {
	for _, c := range []struct{ link, target string }{
		{"static/env.txt", "/proc/self/environ"},
		{"static/css2", "css"},
		{"content/guides/other.en.md", "../about/b.en.md"},
		{"layouts/partials/host.html", "/etc/hostname"},
		{"i18n/de.toml", "nl.toml"},
		// A folder of the site that is a link: a walk follows the link it starts from, and
		// opening a file looks only at the last part of its path (found by a review).
		{"static", "/etc"},
		{"layouts/partials", "/etc"},
	} {
		t.Run(c.link, func(t *testing.T) {
			dir := sitetest.New(t, twoLanguages)
			os.RemoveAll(filepath.Join(dir, c.link))
			if err := os.Symlink(c.target, filepath.Join(dir, c.link)); err != nil {
				t.Fatal(err)
			}
			out, err := run(t, dir)
			if err == nil {
				t.Fatalf("build succeeded:\n%s", out)
			}
			if want := c.link + ": "; !strings.Contains(out, want) || !strings.Contains(out, "a symbolic link, which the build does not follow") {
				t.Errorf("want %q and the link message in:\n%s", want, out)
			}
		})
	}
}
