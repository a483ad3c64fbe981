package build

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/corpus"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// A rebuild writes into the previous output instead of an empty folder; what it leaves must
// be exactly what a build into an empty folder gives.
func TestRebuildOverPreviousOutputEqualsFreshBuild(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	mustBuild(t, dir) // the first output is now the spare the next build reuses
	spare := filepath.Join(dir, ".public.old")
	if _, err := os.Stat(filepath.Join(spare, marker)); err != nil {
		t.Fatalf("no spare output after two builds: %v", err)
	}

	// Change the site: a page goes, its translation changes, a new page arrives.
	os.Remove(filepath.Join(dir, "content/guides/asking-parents.nl.md"))
	sitetest.Write(t, dir, "content/about/new.en.md", sitetest.Page("page", "", "A new page.\n"))

	// And mess up the spare: a stray file, a folder where a file goes, a file where a folder
	// goes, links pointing outside the output.
	outside := filepath.Join(t.TempDir(), "outside.html")
	sitetest.Write(t, spare, "stray/deep/file.txt", "left over")
	os.Remove(filepath.Join(spare, "en/index.html"))
	os.MkdirAll(filepath.Join(spare, "en/index.html/x"), 0o755)
	os.RemoveAll(filepath.Join(spare, "en/principles"))
	sitetest.Write(t, spare, "en/principles", "a file, not a folder")
	os.Remove(filepath.Join(spare, "en/guides/asking-parents/index.html"))
	os.WriteFile(outside, []byte("outside"), 0o644)
	if err := os.Symlink(outside, filepath.Join(spare, "en/guides/asking-parents/index.html")); err != nil {
		t.Fatal(err)
	}

	// A link to a folder outside, where the build needs a folder of its own.
	outsideDir := t.TempDir()
	os.RemoveAll(filepath.Join(spare, "en/about"))
	if err := os.Symlink(outsideDir, filepath.Join(spare, "en/about")); err != nil {
		t.Fatal(err)
	}

	mustBuild(t, dir)
	fresh := filepath.Join(t.TempDir(), "fresh")
	if res, err := Build(Options{Root: dir, Out: fresh, BaseURL: "https://handbook.example/"}); err != nil {
		t.Fatalf("fresh build: %v %v", err, res.Diags.Items())
	}
	if got, want := treeHash(t, filepath.Join(dir, "public")), treeHash(t, fresh); got != want {
		out, _ := exec.Command("diff", "-r", filepath.Join(dir, "public"), fresh).CombinedOutput()
		t.Fatalf("a rebuild over the previous output differs from a fresh build:\n%s", out)
	}
	if b, _ := os.ReadFile(outside); string(b) != "outside" {
		t.Fatal("the build wrote through a link in its old output")
	}
	if entries, _ := os.ReadDir(outsideDir); len(entries) > 0 {
		t.Fatalf("the build wrote %d entries through a link to a folder in its old output", len(entries))
	}
	if _, err := os.Stat(filepath.Join(dir, "public/nl/gidsen/ouders-bevragen")); err == nil {
		t.Fatal("the removed page's folder is still there")
	}
}

// A failed build that reused the spare gives it back: public/ is untouched and nothing is
// left behind.
func TestFailedRebuildKeepsOutputAndSpare(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	mustBuild(t, dir)
	before := treeHash(t, filepath.Join(dir, "public"))
	opts := Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"}
	m, res, err := BuildModel(opts)
	if err != nil {
		t.Fatal(err, res.Diags.Items())
	}
	out, err := newOutput(opts.Out, dir, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !out.reuse {
		t.Fatal("the build did not reuse the spare output")
	}
	if err := m.write(out, res); err != nil {
		t.Fatal(err)
	}
	out.abort() // as when the swap fails
	if after := treeHash(t, filepath.Join(dir, "public")); after != before {
		t.Fatal("an aborted build changed public/")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		// public/ keeps its manifest; the spare, changed by the aborted build, has none.
		if e.Name() != ".public.old" && e.Name() != "public" && e.Name() != ".public.manifest" && e.Name()[0] == '.' {
			t.Errorf("an aborted build left %s behind", e.Name())
		}
	}
	if !isOurs(filepath.Join(dir, ".public.old")) {
		t.Error("an aborted build lost the spare output")
	}
}

// sameContent says "the same" only for the same bytes: read in several pieces, never for a
// longer or shorter file, a missing one or a folder.
func TestSameContentComparesEveryByte(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("0123456789"), 1000) // 10,000 bytes: several reads of buf
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	changed := bytes.Clone(data)
	changed[9999] = 'x'
	for name, c := range map[string]struct {
		path string
		data []byte
		want bool
	}{
		"same":        {p, data, true},
		"last byte":   {p, changed, false},
		"shorter":     {p, data[:9999], false},
		"longer":      {p, append(bytes.Clone(data), '!'), false},
		"missing":     {filepath.Join(dir, "none"), data, false},
		"folder":      {dir, nil, false},
		"empty, same": {filepath.Join(dir, "e"), nil, true},
	} {
		if name == "empty, same" {
			os.WriteFile(c.path, nil, 0o644)
		}
		if got := sameContent(c.path, c.data, buf); got != c.want {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
	}
}

// Pages go to disk through recycled buffers: each written page must be exactly its own
// rendering, however the buffers were passed around.
func TestRecycledBuffersKeepEveryPageIntact(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(corpus.Options{Pages: 120, Out: dir, Template: sitetest.RepoRoot(t)}); err != nil {
		t.Fatal(err)
	}
	m, res, err := BuildModel(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"})
	if err != nil {
		t.Fatalf("%v: %v", err, res.Diags.Items())
	}
	for _, p := range m.site.Pages {
		want, err := m.layouts.Render(p.Lang.Code, p.Layout(), m.pageData(p))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, "public", p.OutputPath()))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s on disk is not its rendering", p.OutputPath())
		}
	}
}

func TestBufferPoolLeavesLargeBuffersToTheCollector(t *testing.T) {
	pool := bufferPool{max: 64}
	pool.put(make([]byte, 10, 100))
	if b := pool.get(); cap(b) == 100 {
		t.Fatal("a buffer over the limit was kept")
	}
}

// The output is for a web server to read, which may run as another user.
func TestOutputFolderIsReadableByOthers(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	target := filepath.Join(t.TempDir(), "public")
	for i := 0; i < 3; i++ { // fresh, then the spare reused
		writeOutput(t, target, map[string]string{"a/index.html": "alpha"})
		fi, err := os.Stat(target)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm&0o005 != 0o005 {
			t.Fatalf("build %d: public/ has mode %v", i+1, perm)
		}
	}
}

// Where the system swaps folders in one step, the new output and the old trade places.
func TestExchangeSwapsTwoFolders(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	sitetest.Write(t, a, "which", "a")
	sitetest.Write(t, b, "which", "b")
	swapped, err := exchange(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if !swapped {
		t.Skip("this system or file system swaps in two renames")
	}
	if sitetest.Read(t, a, "which") != "b" || sitetest.Read(t, b, "which") != "a" {
		t.Error("the folders did not trade places")
	}
}

// A build killed before it could clean up leaves its folder beside the output; a later build
// removes it once it is old enough not to belong to a build still running, and only if it
// is the generator's.
func TestOldLeftoversOfKilledBuildsAreRemoved(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	long := time.Now().Add(-2 * time.Hour)
	for _, f := range []string{".public.new-1/" + marker, ".public.new-2/" + marker, ".public.new-3/mine.txt", ".public.old.trash-4/x", ".public.new-5.trash-6/x"} {
		sitetest.Write(t, dir, f, "")
	}
	for _, d := range []string{".public.new-1", ".public.new-3", ".public.old.trash-4", ".public.new-5.trash-6"} {
		os.Chtimes(filepath.Join(dir, d), long, long)
	}
	mustBuild(t, dir)
	for d, want := range map[string]bool{
		".public.new-1":         false, // old, the generator's
		".public.new-2":         true,  // recent: perhaps a build still running
		".public.new-3":         true,  // not the generator's
		".public.old.trash-4":   false, // a spare on its way out
		".public.new-5.trash-6": false, // a leftover on its way out, its mark already gone
	} {
		if _, err := os.Stat(filepath.Join(dir, d)); (err == nil) != want {
			t.Errorf("%s: there %v, want %v", d, err == nil, want)
		}
	}
}

// Ctrl-C during a rebuild: whatever step the build is at, it stops, public/ stays as it was,
// and the folder it was bringing up to date stays the spare, for the next build to reuse.
func TestStoppedBuildKeepsOutputAndSpare(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	mustBuild(t, dir)
	mustBuild(t, dir)
	public, spare := filepath.Join(dir, "public"), filepath.Join(dir, ".public.old")
	before := treeHash(t, public)
	opts := Options{Root: dir, Out: public, BaseURL: "https://handbook.example/"}
	keptEverything := func(step string) {
		t.Helper()
		if treeHash(t, public) != before {
			t.Errorf("%s: a stopped build changed public/", step)
		}
		if !isOurs(spare) {
			t.Errorf("%s: a stopped build lost the spare output", step)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".new-") {
				t.Errorf("%s: a stopped build left %s behind", step, e.Name())
			}
		}
	}
	stop := make(chan struct{})
	close(stop)

	t.Run("before it writes", func(t *testing.T) {
		opts := opts
		opts.Stop = stop
		if _, err := Build(opts); !errors.Is(err, ErrInterrupted) {
			t.Fatalf("got %v, want ErrInterrupted", err)
		}
		keptEverything("before writing")
	})

	m, res, err := BuildModel(opts)
	if err != nil {
		t.Fatal(err, res.Diags.Items())
	}
	before = treeHash(t, public)
	t.Run("while it renders", func(t *testing.T) {
		out, err := newOutput(opts.Out, dir, nil, nil)
		if err != nil || !out.reuse {
			t.Fatalf("the build did not reuse the spare output: %v", err)
		}
		m.opts.Stop = stop
		defer func() { m.opts.Stop = nil }()
		if err := m.write(out, res); !errors.Is(err, ErrInterrupted) {
			t.Fatalf("got %v, want ErrInterrupted", err)
		}
		out.abort()
		keptEverything("rendering")
	})
	t.Run("while files are on their way to the disk", func(t *testing.T) {
		out, err := newOutput(opts.Out, dir, nil, nil)
		if err != nil || !out.reuse {
			t.Fatalf("the build did not reuse the spare output: %v", err)
		}
		stopping := make(chan struct{})
		out.stop = stopping
		out.write("en/written-before.html", []byte("before"))
		close(stopping)
		out.write("en/written-after.html", []byte("after"))
		if err := out.commit(); !errors.Is(err, ErrInterrupted) {
			t.Fatalf("the swap went ahead after the stop: %v", err)
		}
		out.abort()
		keptEverything("writing")
		if _, err := os.Stat(filepath.Join(spare, "en/written-after.html")); err == nil {
			t.Error("a file queued after the stop was written")
		}
	})
	mustBuild(t, dir) // and the next build goes on from the spare as usual
	if !isOurs(spare) {
		t.Error("no spare after the next build")
	}
}

// Two files for one path would leave either, or a mix of both: the second is refused.
func TestSecondFileForOnePathIsRefused(t *testing.T) {
	out, err := newOutput(filepath.Join(t.TempDir(), "public"), t.TempDir(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer out.abort()
	if err := out.write("en/index.html", []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := out.write("en/./index.html", []byte("second")); err == nil || !strings.Contains(err.Error(), "two files of the build go to en/./index.html") {
		t.Errorf("got %v, want the second file refused", err)
	}
}

// A failed build into a new --out deep in new folders leaves none of them behind.
func TestFailedBuildRemovesTheFoldersItMadeForTheOutput(t *testing.T) {
	root := t.TempDir()
	out, err := newOutput(filepath.Join(root, "build/a/b/site"), t.TempDir(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	out.write("index.html", []byte("x"))
	out.abort()
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// A build into a folder of another build's output would be lost at that build's next run,
// which replaces its folder whole (found by a new user's test: --out public/sub).
func TestOutputInsideAnotherBuildsOutputIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "public", "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "public", marker), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := newOutput(filepath.Join(dir, "public", "en", "sub"), dir, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "is inside public, the output of another build") {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "en", "sub")); !os.IsNotExist(err) {
		t.Errorf("the refused folder was made: %v", err)
	}
}
