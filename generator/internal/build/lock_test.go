//go:build unix && !solaris && !aix

package build

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// Two builds into one output take turns: the second waits, says so, and goes on from the
// first's output; neither leaves a folder or a lock file behind.
func TestBuildsIntoOneOutputTakeTurns(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	first := mustOutput(t, target)
	first.write("index.html", []byte("first"))

	waiting, secondDone := startSecondBuild(t, target)
	select {
	case <-waiting:
	case err := <-secondDone:
		t.Fatalf("the second build did not wait for the first (%v)", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the second build neither waited nor finished")
	}
	if err := first.commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-secondDone; err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "index.html")); string(b) != "second" {
		t.Errorf("public/index.html holds %q, want the second build's", b)
	}
	wantOnly(t, parent, "public", ".public.old", ".public.manifest", ".public.old.manifest")
}

// Ctrl-C while waiting for another build ends the wait; the other build goes on.
func TestWaitingBuildStopsWhenInterrupted(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	first := mustOutput(t, target)
	stop := make(chan struct{})
	_, err := newOutput(target, t.TempDir(), stop, func() { close(stop) })
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("got %v, want ErrInterrupted", err)
	}
	first.write("index.html", []byte("first"))
	if err := first.commit(); err != nil {
		t.Fatal(err)
	}
	wantOnly(t, parent, "public", ".public.manifest")
}

// A lock file a killed build left behind holds no lock: the next build goes ahead and
// removes it.
func TestLeftoverLockFileDoesNotBlock(t *testing.T) {
	parent := t.TempDir()
	os.WriteFile(filepath.Join(parent, ".public.lock"), nil, 0o644)
	o, err := newOutput(filepath.Join(parent, "public"), t.TempDir(), nil, func() { t.Error("waited for a lock nobody holds") })
	if err != nil {
		t.Fatal(err)
	}
	if err := o.commit(); err != nil {
		t.Fatal(err)
	}
	wantOnly(t, parent, "public", ".public.manifest")
}

// Whole builds of a site, three at once into its public/, all succeed and leave the usual
// two folders.
func TestConcurrentBuildsOfOneSite(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"})
			if err != nil {
				err = errors.Join(err, res.Diags.Err())
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var dot []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			dot = append(dot, e.Name())
		}
	}
	sort.Strings(dot)
	if got, want := strings.Join(dot, " "), ".public.manifest .public.old .public.old.manifest"; got != want {
		t.Errorf("beside public/: %s, want %s", got, want)
	}
}

// The build ahead fails and removes the folders it made for a new --out, the folder of the
// lock file among them: the build that waited makes them again and goes on.
func TestWaitingBuildOutlivesTheFoldersOfAFailedOne(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "build/a/public")
	first := mustOutput(t, target)
	waiting, secondDone := startSecondBuild(t, target)
	<-waiting
	first.abort()
	if err := <-secondDone; err != nil {
		t.Fatalf("the waiting build failed: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "index.html")); string(b) != "second" {
		t.Errorf("public/index.html holds %q", b)
	}
}

// startSecondBuild writes "second" into target's index.html in a build of its own, which
// closes waiting if it has to wait for another, and sends its error on done.
func startSecondBuild(t *testing.T, target string) (waiting chan struct{}, done chan error) {
	waiting, done = make(chan struct{}), make(chan error)
	siteRoot := t.TempDir() // t.TempDir is not for other goroutines
	go func() {
		second, err := newOutput(target, siteRoot, nil, func() { close(waiting) })
		if err == nil {
			second.write("index.html", []byte("second"))
			err = second.commit()
		}
		done <- err
	}()
	return waiting, done
}

// mustOutput starts a build's output at target, holding its turn.
func mustOutput(t *testing.T, target string) *output {
	t.Helper()
	o, err := newOutput(target, t.TempDir(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// A build may open the lock file just before the build ahead removes it, and a third build
// may then make a new one and lock that. The file the first build opened is free to lock,
// but no longer the lock: it must not take it, or two builds would write at once.
func TestLockOnARemovedLockFileIsNotTaken(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.lock")
	opened, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path) // the build ahead ends its turn
	third, err := lockOutput(path, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer third()
	unlock, err := lockOpened(opened, path)
	if err != nil {
		t.Fatal(err)
	}
	if unlock != nil {
		unlock()
		t.Fatal("a build took the lock of a lock file that was removed, while another build holds the new one")
	}
}
