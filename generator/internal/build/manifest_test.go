package build

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// writeOutput runs one output through newOutput and commit with the given files, and
// returns it, so a test can see what it trusted.
func writeOutput(t *testing.T, target string, files map[string]string) *output {
	t.Helper()
	o, err := newOutput(target, t.TempDir(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := o.write(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.commit(); err != nil {
		t.Fatal(err)
	}
	return o
}

// ageManifest moves a manifest's time forward, as if the build that wrote it ended long
// after its files were written: then none of them is within the racy margin.
func ageManifest(t *testing.T, dir string) {
	t.Helper()
	p := manifestPath(dir)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	head, rest, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(head)
	at, _ := strconv.ParseInt(f[3], 10, 64)
	f[3] = strconv.FormatInt(at+time.Hour.Nanoseconds(), 10)
	if err := os.WriteFile(p, []byte(strings.Join(f, " ")+"\n"+rest), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != marker {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}

// The build after next reuses a folder: files the manifest vouches for are left unread,
// anything changed since, even keeping its size and modification time, is written again.
func TestManifestTrustsOnlyFilesNobodyTouched(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("manifests record inodes and change times on Linux only")
	}
	target := filepath.Join(t.TempDir(), "public")
	first := map[string]string{"a/index.html": "alpha", "b/index.html": "bravo", "c/index.html": "charlie", "d.js": "delta"}
	writeOutput(t, target, first)
	writeOutput(t, target, first) // the first output is now the spare, with its manifest
	spare := filepath.Join(filepath.Dir(target), ".public.old")
	if _, err := os.Stat(manifestPath(spare)); err != nil {
		t.Fatalf("the spare has no manifest: %v", err)
	}
	ageManifest(t, spare)

	// Someone edits the spare: same size, modification time put back.
	edited := filepath.Join(spare, "b/index.html")
	fi, _ := os.Stat(edited)
	os.WriteFile(edited, []byte("BRAVO"), 0o644)
	os.Chtimes(edited, fi.ModTime(), fi.ModTime())

	next := map[string]string{"a/index.html": "alpha", "b/index.html": "bravo", "c/index.html": "chaRlie", "e.js": "echo"}
	o := writeOutput(t, target, next)
	if got := readTree(t, target); len(got) != len(next) || got["a/index.html"] != "alpha" || got["b/index.html"] != "bravo" || got["c/index.html"] != "chaRlie" || got["e.js"] != "echo" {
		t.Fatalf("output = %v, want %v", got, next)
	}
	if n := o.trusted.Load(); n != 1 {
		t.Fatalf("%d files trusted, want 1 (a/index.html)", n)
	}
}

// Files recorded shortly before their manifest was written may have changed in the same
// tick of a coarse clock: they are compared, not trusted.
func TestManifestDoesNotTrustRacyFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("manifests record inodes and change times on Linux only")
	}
	target := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"a/index.html": "alpha"}
	writeOutput(t, target, files)
	writeOutput(t, target, files)
	o := writeOutput(t, target, files) // the manifest was written just after its file
	if n := o.trusted.Load(); n != 0 {
		t.Fatalf("%d racy files trusted", n)
	}
}

// A manifest is used only for the folder it was written for, and only whole.
func TestManifestIsReadOnlyWholeAndForItsFolder(t *testing.T) {
	fp := newFingerprinter(fingerprintKey{1, 2, 3})
	m := manifest{at: 5e9, folder: 42, key: fingerprintKey{1, 2, 3}, files: map[string]fileStamp{
		"a b/index.html": {size: 5, ino: 7, ctime: 1e9, sum: fp.sum([]byte("alpha"))},
		"c.js":           {size: 1, ino: 8, ctime: 2e9, sum: 3},
	}}
	data := m.encode()
	got := parseManifest(data, 42)
	if got.at != m.at || got.key != m.key || len(got.files) != 2 || got.files["a b/index.html"] != m.files["a b/index.html"] {
		t.Fatalf("round trip: got %+v, want %+v", got, m)
	}
	if !got.holds("a b/index.html", m.files["a b/index.html"]) {
		t.Fatal("a file recorded well before its manifest is not trusted")
	}
	changed := m.files["a b/index.html"]
	changed.sum = fp.sum([]byte("alpHA"))
	if got.holds("a b/index.html", changed) {
		t.Fatal("trusted for other bytes")
	}
	for name, bad := range map[string][]byte{
		"another folder": data,
		"cut short":      data[:len(data)-len(manifestEnd)-3],
		"empty":          nil,
		"older format":   []byte("handbook-build manifest 1 5 42\nend\n"),
		"no key":         []byte(manifestHeader + " 5 42\nend\n"),
		"bad line":       []byte(manifestHeader + " 5 42 " + strings.Repeat("00", 16) + "\nzz 1 2 3 x\nend\n"),
	} {
		folder := uint64(42)
		if name == "another folder" {
			folder = 43
		}
		if got := parseManifest(bad, folder); len(got.files) != 0 {
			t.Errorf("%s: %d files read", name, len(got.files))
		}
	}
}

// Two files of one size and the same two CRCs (testdata/crc-collision, made by solving the
// CRCs' linear equations): with checksums as fingerprints, a rebuild took the second for the
// first and left it in place. Under the folder's secret key they differ.
func TestACraftedFileIsNotTakenForTheOneBefore(t *testing.T) {
	a, err := os.ReadFile(filepath.Join("testdata", "crc-collision", "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "crc-collision", "b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := sitetest.New(t, twoLanguages)
	sitetest.Write(t, dir, "static/notes.txt", string(a))
	mustBuild(t, dir)
	mustBuild(t, dir) // the first output is now the spare, with its manifest
	ageManifest(t, filepath.Join(dir, ".public.old"))
	sitetest.Write(t, dir, "static/notes.txt", string(b))
	mustBuild(t, dir) // into the spare, which holds a.txt's bytes
	if got := sitetest.Read(t, dir, "public/notes.txt"); got != string(b) {
		t.Error("the rebuild kept the file before")
	}
}

// Where GCM is refused (GODEBUG=fips140=only), fingerprints are HMAC-SHA256 under the same
// key: the build ran into a panic there. Still keyed, still telling the crafted pair apart.
func TestFingerprintsWithoutGCM(t *testing.T) {
	a, _ := os.ReadFile(filepath.Join("testdata", "crc-collision", "a.txt"))
	b, _ := os.ReadFile(filepath.Join("testdata", "crc-collision", "b.txt"))
	key := fingerprintKey{9}
	f := newFingerprinter(key)
	f.gcm, f.mac = nil, hmac.New(sha256.New, key[:])
	if f.sum(a) == f.sum(b) || f.sum(a) != f.sum(a) {
		t.Error("HMAC fingerprints do not tell the files apart, or vary")
	}
	if sum, _, _ := sumReader(key, bytes.NewReader(a), make([]byte, 64)); sum != f.sum(a) {
		t.Error("the streamed fingerprint is not the HMAC of the bytes")
	}
}
