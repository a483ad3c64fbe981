package build

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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
					strings.Contains(d.Message, ".public.old could not be brought up to date: ") &&
					strings.Contains(d.Message, tt.frozen+"/") && strings.Contains(d.Message, "until it can be removed") &&
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

// A folder in the spare that the build may enter but not list (another owner's, mode 0711)
// hid what it held: a page removed since stayed, and was published (found by a review). The
// build runs as another user here, as an editor would next to a folder root made.
func TestSpareWithAFolderThatCannotBeListedIsSetAside(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root, to make a folder of another owner and to build as nobody")
	}
	dir := sitetest.New(t, twoLanguages+
		"-- content/about/b.en.md --\n"+sitetest.Page("page", "", "Text.\n"))
	t.Cleanup(func() { thaw(dir) })
	mustBuild(t, dir)
	mustBuild(t, dir)
	// The page's folder, with its page as the build would write it again (left alone, as
	// it is unchanged) and a file no build wrote.
	hidden := filepath.Join(dir, ".public.old", "en/about/b")
	sitetest.Write(t, hidden, "stale.html", "left over")
	const nobody = 65534
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !strings.HasPrefix(p, hidden) {
			os.Lchown(p, nobody, nobody)
		}
		return nil
	})
	os.Chmod(hidden, 0o711) // root's: nobody may go in, but not list it
	os.Chmod(filepath.Dir(dir), 0o755)

	out := buildAs(t, nobody, dir)
	if !strings.Contains(out, "could not be brought up to date") || !strings.Contains(out, "permission denied") {
		t.Fatalf("no warning about the folder that cannot be listed:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/en/about/b/stale.html")); err == nil {
		t.Fatal("a file the build never wrote is published")
	}
}

// buildAs builds dir in a child process running as uid, and returns what it reported.
func buildAs(t *testing.T, uid int, dir string) string {
	t.Helper()
	if os.Getenv("HANDBOOK_BUILD_AS_CHILD") != "" {
		t.Fatal("nested child")
	}
	// The test binary's own folder is root's alone: a copy the other user may run.
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(filepath.Dir(dir), "build.test")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestBuildAsChild$", "-test.v")
	cmd.Env = append(os.Environ(), "HANDBOOK_BUILD_AS_CHILD="+dir, "HOME=/", "GOCACHE=/nonexistent")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(uid)}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the build as uid %d failed: %v\n%s", uid, err, out)
	}
	return string(out)
}

// TestBuildAsChild is the child of buildAs: it builds the folder it is given and prints
// the diagnostics.
func TestBuildAsChild(t *testing.T) {
	dir := os.Getenv("HANDBOOK_BUILD_AS_CHILD")
	if dir == "" {
		t.Skip("only as the child of buildAs")
	}
	res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"})
	for _, d := range res.Diags.Items() {
		fmt.Println(d.String())
	}
	if err != nil {
		t.Fatal(err)
	}
}

// Trash that cannot be removed yet keeps its name: each build that found it renamed it
// again, and the name grew by a ".trash-…" every time (found by a review).
func TestTrashThatCannotBeRemovedKeepsItsName(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	t.Cleanup(func() { thaw(dir) })
	const trash = ".public.new-5.trash-6"
	sitetest.Write(t, dir, trash+"/en/x/index.html", "")
	freeze(t, filepath.Join(dir, trash, "en/x"))
	long := time.Now().Add(-2 * time.Hour)
	for i := 0; i < 2; i++ {
		os.Chtimes(filepath.Join(dir, trash), long, long)
		mustBuild(t, dir)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if _, err := os.Stat(filepath.Join(dir, trash, "en/x/index.html")); err != nil || strings.Count(strings.Join(names, " "), ".trash-") != 1 {
		t.Errorf("the trash was renamed: %v", names)
	}
}
