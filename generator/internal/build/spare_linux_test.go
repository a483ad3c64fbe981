package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// A spare the build may not change everywhere (a folder in it made read-only, or owned by
// someone else) failed every build after it, until an editor found and removed it. The
// build now sets it aside and builds into a fresh folder, with a warning; a page removed
// since is not published for want of removing it. Folders marked immutable stand in for
// folders of another owner: the tests run as root, whom permissions do not stop.
func TestSpareThatCannotBeChangedIsSetAside(t *testing.T) {
	for _, tt := range []struct {
		name   string
		frozen string // the spare's folder made immutable
		change func(t *testing.T, dir string)
		gone   string // a folder public/ must not have afterwards
	}{
		{"a page in it changes", "en/about/b", func(t *testing.T, dir string) {
			sitetest.Write(t, dir, "content/about/b.en.md", sitetest.Page("page", "", "Changed.\n"))
		}, ""},
		{"a page in it was removed", "en/about/c", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "content/about/c.en.md"))
		}, "en/about/c"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := sitetest.New(t, twoLanguages+
				"-- content/about/b.en.md --\n"+sitetest.Page("page", "", "Text.\n")+
				"-- content/about/c.en.md --\n"+sitetest.Page("page", "", "Soon gone.\n"))
			t.Cleanup(func() { thaw(dir) })
			mustBuild(t, dir)
			mustBuild(t, dir) // the first output is now the spare
			freeze(t, filepath.Join(dir, ".public.old", tt.frozen))
			tt.change(t, dir)

			res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"})
			if err != nil {
				t.Fatalf("the build failed: %v %v", err, res.Diags.Items())
			}
			warned := false
			for _, d := range res.Diags.Items() {
				warned = warned || d.Severity == diag.Warning &&
					strings.Contains(d.Message, "could not be brought up to date: ") &&
					strings.Contains(d.Message, filepath.Join(".public.old", tt.frozen)) &&
					strings.Contains(d.Message, "built into a fresh folder instead")
			}
			if !warned {
				t.Errorf("no warning that names the file: %v", res.Diags.Items())
			}
			fresh := filepath.Join(t.TempDir(), "fresh")
			if _, err := Build(Options{Root: dir, Out: fresh, BaseURL: "https://handbook.example/"}); err != nil {
				t.Fatal(err)
			}
			if got, want := treeHash(t, filepath.Join(dir, "public")), treeHash(t, fresh); got != want {
				t.Error("public/ differs from a build into an empty folder")
			}
			if tt.gone != "" {
				if _, err := os.Stat(filepath.Join(dir, "public", tt.gone)); err == nil {
					t.Errorf("public/%s, removed from the content, is still published", tt.gone)
				}
			}
			// The next build goes as usual: from the spare this one left.
			res, err = Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"})
			if err != nil || len(res.Diags.Items()) > 0 {
				t.Fatalf("the build after: %v %v", err, res.Diags.Items())
			}
		})
	}
}

// freeze marks a folder immutable, or skips the test where the system does not let it.
func freeze(t *testing.T, dir string) {
	t.Helper()
	if err := setImmutable(dir, true); err != nil {
		t.Skipf("cannot mark %s immutable here (%v): this test needs root on ext4, btrfs or xfs", dir, err)
	}
}

// thaw takes the mark off every folder under dir, wherever the build moved it, so the
// test's folder can be removed.
func thaw(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			setImmutable(p, false)
		}
		return nil
	})
}

// immutableFlag is FS_IMMUTABLE_FL of <linux/fs.h>, the flag chattr +i sets; x/sys names
// only its statx counterpart.
const immutableFlag = 0x10

func setImmutable(dir string, on bool) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err != nil {
		return err
	}
	if on {
		flags |= immutableFlag
	} else {
		flags &^= immutableFlag
	}
	return unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, int(flags))
}
