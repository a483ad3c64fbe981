package build

import (
	"bufio"
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A manifest is what a complete build left in its output folder: for each file, its size,
// the inode and change time the file system gave it, and a fingerprint of its bytes. It is
// kept beside the folder (".public.manifest" for "public"), not in it, so nothing of it is
// published, and it names the folder it describes by inode: renamed with its folder, and
// ignored when it meets another one.
//
// A build that reuses the folder (see output) must make each file hold its new bytes. A
// file whose size, inode and change time are still those recorded holds what that build
// wrote (the kernel moves the change time on every write, and no program can set it back),
// so when the recorded fingerprint is that of the new bytes, the file is left as it is
// without being read: on the 10,000-page corpus that is 90,000 system calls and 300 MB of
// copying less per rebuild. Any other file is compared byte by byte, as before.
//
// This is how git trusts its index, with the same caveat: a file system may keep change
// times coarsely (to the second on some), so a file changed in the same tick as its
// recording would look untouched. Only a file recorded at least racyMargin before the
// manifest was written is trusted; the others are compared, and trusted the next time.
type manifest struct {
	at     int64                // when it was written, in nanoseconds since 1970
	folder uint64               // the inode of the folder it describes
	key    fingerprintKey       // the secret its fingerprints were made with
	files  map[string]fileStamp // by path relative to the folder, with the OS's separator
}

// fileStamp identifies one state of a file.
type fileStamp struct {
	size  int64
	ino   uint64
	ctime int64 // nanoseconds since 1970
	sum   uint64
}

// racyMargin is more than the coarsest change-time tick of a file system we may meet.
const racyMargin = 2 * time.Second

const (
	manifestHeader = "handbook-build manifest 2"
	manifestEnd    = "end"
)

// manifestPath is where the manifest of the output folder dir is kept.
func manifestPath(dir string) string {
	parent, base := filepath.Split(dir)
	return filepath.Join(parent, "."+strings.TrimPrefix(base, ".")+".manifest")
}

// RemoveOutput removes an output folder and the manifest kept beside it, for callers that
// build into folders of their own and throw them away (serve).
func RemoveOutput(dir string) error {
	os.Remove(manifestPath(dir))
	return os.RemoveAll(dir)
}

// folderID is the inode of the folder dir; 0 when unknown, which no manifest matches.
func folderID(dir string) uint64 {
	fi, err := os.Lstat(dir)
	if err != nil {
		return 0
	}
	ino, _, ok := identity(fi)
	if !ok {
		return 0
	}
	return ino
}

// A fingerprint tells contents apart without keeping them: a MAC of the bytes under a secret
// key of the folder's own, kept in its manifest (beside the folder, never published). A
// checksum will not do: two CRCs are linear, and a contributor could craft a file of the
// same size and checksums as the one before it, which a rebuild would then leave in place
// (found by an adversarial test). Without the key no one can aim at a fingerprint. GMAC
// (AES-GCM's tag over the bytes, with the processor's AES and carry-less multiply) runs at
// about 10 GB/s here, near the CRCs' speed; a large static file, copied in a stream, gets
// HMAC-SHA256 under the same key instead (2 GB/s).
type fingerprintKey [16]byte

// newFingerprintKey is a key for a folder written afresh.
func newFingerprintKey() fingerprintKey {
	var k fingerprintKey
	if _, err := rand.Read(k[:]); err != nil {
		panic(err) // crypto/rand does not fail on the systems Go supports
	}
	return k
}

// fingerprinter makes fingerprints under one key; one per goroutine.
type fingerprinter struct {
	gcm   cipher.AEAD // nil where GCM is refused (GODEBUG=fips140=only): then HMAC
	mac   hash.Hash
	nonce [12]byte // always zero: the tags are never seen, only compared
	tag   []byte
}

func newFingerprinter(k fingerprintKey) *fingerprinter {
	f := &fingerprinter{tag: make([]byte, 0, sha256.Size)}
	if block, err := aes.NewCipher(k[:]); err == nil {
		if gcm, err := cipher.NewGCM(block); err == nil {
			f.gcm = gcm
			return f
		}
	}
	f.mac = hmac.New(sha256.New, k[:])
	return f
}

// sum is the fingerprint of data.
func (f *fingerprinter) sum(data []byte) uint64 {
	if f.gcm != nil {
		f.tag = f.gcm.Seal(f.tag[:0], f.nonce[:], nil, data)
	} else {
		f.mac.Reset()
		f.mac.Write(data)
		f.tag = f.mac.Sum(f.tag[:0])
	}
	return binary.LittleEndian.Uint64(f.tag)
}

// sumReader is the fingerprint of everything r holds, read through buf: HMAC-SHA256 under
// the key, which a stream allows (GCM does not).
func sumReader(k fingerprintKey, r io.Reader, buf []byte) (sum uint64, size int64, err error) {
	h := hmac.New(sha256.New, k[:])
	size, err = io.CopyBuffer(h, r, buf)
	return binary.LittleEndian.Uint64(h.Sum(nil)), size, err
}

// stamp describes the file fi, which holds bytes with the fingerprint sum; ok is false
// where the system does not tell the inode and change time.
func stamp(fi fs.FileInfo, sum uint64) (s fileStamp, ok bool) {
	ino, ctime, ok := identity(fi)
	return fileStamp{size: fi.Size(), ino: ino, ctime: ctime, sum: sum}, ok
}

// holds reports whether the file at rel, as it is now (now, from lstat), is known to hold
// the bytes with fingerprint now.sum.
func (m *manifest) holds(rel string, now fileStamp) bool {
	was, ok := m.files[rel]
	return ok && was == now && was.ctime < m.at-racyMargin.Nanoseconds()
}

// encode writes the manifest, files in path order.
func (m *manifest) encode() []byte {
	paths := make([]string, 0, len(m.files))
	for p := range m.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	b.Grow(64 * (len(paths) + 1))
	fmt.Fprintf(&b, "%s %d %d %s\n", manifestHeader, m.at, m.folder, hex.EncodeToString(m.key[:]))
	for _, p := range paths {
		s := m.files[p]
		b.WriteString(strconv.FormatUint(s.sum, 16))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(s.size, 10))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatUint(s.ino, 10))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(s.ctime, 10))
		b.WriteByte(' ')
		b.WriteString(p)
		b.WriteByte('\n')
	}
	b.WriteString(manifestEnd + "\n") // a manifest cut short is not read
	return b.Bytes()
}

// parseKey reads a fingerprint key as encode writes it.
func parseKey(s string) (fingerprintKey, bool) {
	var k fingerprintKey
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != len(k) {
		return k, false
	}
	copy(k[:], b)
	return k, true
}

// recordedKey is the key of the manifest data, if it has one: the fingerprints of a reused
// folder are made with it, so they can be compared with those it records.
func recordedKey(data []byte) (fingerprintKey, bool) {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	_, _, key, ok := parseHeader(string(line))
	return key, ok
}

// parseHeader reads a manifest's first line as encode writes it.
func parseHeader(line string) (at int64, folder uint64, key fingerprintKey, ok bool) {
	head, ok := strings.CutPrefix(line, manifestHeader+" ")
	fields := strings.Fields(head)
	if !ok || len(fields) != 3 {
		return 0, 0, key, false
	}
	at, err1 := strconv.ParseInt(fields[0], 10, 64)
	folder, err2 := strconv.ParseUint(fields[1], 10, 64)
	key, ok = parseKey(fields[2])
	return at, folder, key, ok && err1 == nil && err2 == nil
}

// parseManifest reads what encode wrote about the folder whose inode is folder. Anything
// else (another folder's manifest, an older format, a file cut short or damaged, none)
// gives an empty manifest: every file is then compared.
func parseManifest(data []byte, folder uint64) *manifest {
	empty := &manifest{files: map[string]fileStamp{}}
	m := &manifest{files: map[string]fileStamp{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	if !sc.Scan() {
		return empty
	}
	var ok bool
	m.at, m.folder, m.key, ok = parseHeader(sc.Text())
	if !ok || m.folder != folder || folder == 0 {
		return empty
	}
	complete := false
	for sc.Scan() {
		if sc.Text() == manifestEnd {
			complete = true
			break
		}
		f := strings.SplitN(sc.Text(), " ", 5)
		if len(f) != 5 {
			return empty
		}
		var s fileStamp
		var e [4]error
		s.sum, e[0] = strconv.ParseUint(f[0], 16, 64)
		s.size, e[1] = strconv.ParseInt(f[1], 10, 64)
		s.ino, e[2] = strconv.ParseUint(f[2], 10, 64)
		s.ctime, e[3] = strconv.ParseInt(f[3], 10, 64)
		for _, err := range e {
			if err != nil {
				return empty
			}
		}
		m.files[f[4]] = s
	}
	if !complete || sc.Scan() {
		return empty
	}
	return m
}
