package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

const fixture = sitetest.Homes + `
-- content/guides/asking-parents.en.md --
---
title: Asking parents
summary: How to ask parents what they think.
themes: [parents-families]
audience: [teachers]
source: {document: parent-school-book, section: "2.1"}
original: en
purpose: Hear what parents think.
participants: A teacher and a parent.
duration: 45 minutes
materials: [Photos of the classroom]
---
## Before you start

First version.
`

// preview starts a server on the fixture site and stops it at the end of the test.
func preview(t *testing.T, archive string) (*Server, string) {
	t.Helper()
	s, dir, _ := previewWithTerminal(t, archive)
	return s, dir
}

// previewWithTerminal is preview that also returns what the server prints.
func previewWithTerminal(t *testing.T, archive string) (*Server, string, *syncWriter) {
	t.Helper()
	dir := sitetest.New(t, archive)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	log := &syncWriter{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("terminal:\n%s", log.String())
		}
	})
	s, err := New(Options{Root: dir, Drafts: true, Log: log}, ln)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
		if _, err := os.Stat(s.tmp); !os.IsNotExist(err) {
			t.Errorf("the built sites were not removed: %v", err)
		}
	})
	return s, dir, log
}

// syncWriter is the terminal of a test server.
type syncWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls a page until check accepts it.
func waitFor(t *testing.T, url string, what string, check func(status int, body string) bool) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		status, body := get(t, url)
		if check(status, body) {
			return body
		}
		if time.Now().After(deadline) {
			if len(body) > 600 {
				body = body[:600] + "…"
			}
			t.Fatalf("%s: never %s; last answer %d:\n%s", url, what, status, body)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func shows(text string) func(int, string) bool {
	return func(status int, body string) bool { return status == 200 && strings.Contains(body, text) }
}

func missing(status int, _ string) bool { return status == 404 }

func write(t *testing.T, dir, name, data string) { t.Helper(); sitetest.Write(t, dir, name, data) }

func guide(title, body string) string {
	return "---\ntitle: " + title + "\nsummary: S.\nthemes: [collaboration]\naudience: [teachers]\n" +
		"source: {document: handbook, section: \"1\"}\noriginal: en\npurpose: P.\nparticipants: A.\nduration: 1 hour\nmaterials: [Paper]\n---\n## Start\n\n" + body + "\n"
}

func TestServesTheSiteWithTheLiveReloadScript(t *testing.T) {
	s, _ := preview(t, fixture)
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("serving on %s, want 127.0.0.1 only", s.URL())
	}
	_, body := get(t, s.URL()+"en/guides/asking-parents/")
	for _, want := range []string{"First version.", `<script src="/__serve/live.js" defer></script></head>`, `<link rel="stylesheet" href="/__serve/live.css" data-serve>`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>") {
		t.Error("an inline script was injected; the CSP forbids it")
	}
	resp, err := http.Get(s.URL() + "__serve/live.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("live.js served as %q", ct)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self';") {
		t.Errorf("CSP %q", csp)
	}
	// A folder without its slash is redirected; a missing page gets its language's 404.
	if status, body := get(t, s.URL()+"en/nope/"); status != 404 || !strings.Contains(body, `lang="en"`) {
		t.Errorf("missing page: %d", status)
	}
}

func TestEditUpdatesThePageAndTellsItToReload(t *testing.T) {
	s, dir := preview(t, fixture)
	events := s.events.subscribe()
	write(t, dir, "content/guides/asking-parents.en.md", strings.Replace(sitetest.Read(t, dir, "content/guides/asking-parents.en.md"), "First version.", "Second version.", 1))
	waitFor(t, s.URL()+"en/guides/asking-parents/", "showed the edit", shows("Second version."))
	// Only the pages that show the edit reload: the guide, then its toolkit.
	if ev := expectEvent(t, events, eventReload); ev.data != "/en/guides/asking-parents/" {
		t.Errorf("reload %q, want the edited page only", ev.data)
	}
	if ev := expectEvent(t, events, eventReload); ev.data != "/en/toolkit/" {
		t.Errorf("reload %q, want the toolkit", ev.data)
	}
	waitFor(t, s.URL()+"en/toolkit/", "showed the edit", shows("Second version."))
}

// Editors' "atomic" saves write a temporary file and rename it over the page.
func TestAtomicSave(t *testing.T) {
	s, dir := preview(t, fixture)
	page := filepath.Join(dir, "content/guides/asking-parents.en.md")
	src := strings.Replace(sitetest.Read(t, dir, "content/guides/asking-parents.en.md"), "First version.", "Saved atomically.", 1)
	tmp := filepath.Join(dir, "content/guides/.asking-parents.en.md.swp")
	if err := os.WriteFile(tmp, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, page); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s.URL()+"en/guides/asking-parents/", "showed the save", shows("Saved atomically."))
}

func TestNewFileRenameAndDeletion(t *testing.T) {
	s, dir := preview(t, fixture)
	write(t, dir, "content/guides/home-visits.en.md", guide("Home visits", "Knock first."))
	waitFor(t, s.URL()+"en/guides/home-visits/", "served the new page", shows("Knock first."))
	waitFor(t, s.URL()+"en/guides/", "listed the new page", shows("Home visits"))

	if err := os.Rename(filepath.Join(dir, "content/guides/home-visits.en.md"), filepath.Join(dir, "content/guides/visiting-families.en.md")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s.URL()+"en/guides/visiting-families/", "served the renamed page", shows("Knock first."))
	waitFor(t, s.URL()+"en/guides/home-visits/", "dropped the old name", missing)

	if err := os.Remove(filepath.Join(dir, "content/guides/visiting-families.en.md")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s.URL()+"en/guides/visiting-families/", "dropped the deleted page", missing)
}

// A folder that did not exist is watched too, with everything put in it later.
func TestNewFolder(t *testing.T) {
	s, dir := preview(t, fixture)
	write(t, dir, "content/cases/menen.en.md", caseStory("Menen", "From grandparents' party to toddler party."))
	waitFor(t, s.URL()+"en/cases/menen/", "served the page in the new folder", shows("toddler party"))
	write(t, dir, "content/cases/ghent.en.md", caseStory("Ghent", "Pedagogical guidance."))
	waitFor(t, s.URL()+"en/cases/ghent/", "served a later page in the new folder", shows("Pedagogical guidance."))
}

func caseStory(title, body string) string {
	return "---\ntitle: " + title + "\nsummary: S.\nthemes: [collaboration]\naudience: [teachers]\n" +
		"source: {document: handbook, section: \"1\"}\noriginal: en\nplace: " + title + "\ncountry: Belgium\ninstitution: A school\n" +
		"period: 2019\nfigures: [{label: Pupils, value: \"184\"}]\n---\n## Story\n\n" + body + "\n"
}

// A broken save keeps the last good page, with the problem in an overlay; the next good save
// clears it. Both a front matter error (full check) and a body error (one page) do this.
func TestBrokenSaveShowsTheOverlayUntilFixed(t *testing.T) {
	s, dir := preview(t, fixture)
	url := s.URL() + "en/guides/asking-parents/"
	good := sitetest.Read(t, dir, "content/guides/asking-parents.en.md")
	events := s.events.subscribe()

	write(t, dir, "content/guides/asking-parents.en.md", strings.Replace(good, "First version.", "See [it](../cases/nope.en.md).", 1))
	body := waitFor(t, url, "showed the overlay", shows(`id="serve-overlay"`))
	for _, want := range []string{
		"First version.", // the last good page
		`<code>content/guides/asking-parents.en.md:15</code> link to a missing page content/cases/nope.en.md<span class="serve-hint">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("want %q in:\n%s", want, body)
		}
	}
	expectEvent(t, events, eventFailed)
	// Every page shows it, not only the broken one.
	if _, home := get(t, s.URL()+"en/"); !strings.Contains(home, `id="serve-overlay"`) {
		t.Error("the home page does not show the overlay")
	}

	write(t, dir, "content/guides/asking-parents.en.md", strings.Replace(good, "title: Asking parents", "title: [Asking parents", 1))
	waitFor(t, url, "showed the front matter error", shows(`<code>content/guides/asking-parents.en.md:3</code> front matter: &#39;,&#39; or &#39;]&#39; must be specified`))

	write(t, dir, "content/guides/asking-parents.en.md", strings.Replace(good, "First version.", "Fixed.", 1))
	body = waitFor(t, url, "showed the fix", shows("Fixed."))
	if strings.Contains(body, "serve-overlay") {
		t.Error("the overlay stayed after a good save")
	}
}

func TestStylesheetChangeAppliesWithoutReload(t *testing.T) {
	s, dir := preview(t, fixture)
	events := s.events.subscribe()
	css := sitetest.Read(t, dir, "static/css/site.css")
	write(t, dir, "static/css/site.css", css+"\n.serve-test { color: red }\n")
	expectEvent(t, events, eventCSS)
}

func expectEvent(t *testing.T, events chan event, want string) event {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev := <-events:
			if ev.name == want {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %q event", want)
		}
	}
}

// Requests cannot reach files outside the built site, however the path is written.
func TestPathTraversalIsRefused(t *testing.T) {
	s, dir := preview(t, fixture)
	secret := filepath.Join(filepath.Dir(s.tmp), "handbook-serve-secret.txt")
	if err := os.WriteFile(secret, []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(secret)
	write(t, dir, "outside.txt", "SECRET")
	for _, target := range []string{
		"/../handbook-serve-secret.txt",
		"/../../handbook-serve-secret.txt",
		"/%2e%2e/handbook-serve-secret.txt",
		"/%2E%2E/%2e%2e/handbook-serve-secret.txt",
		"/en/..%2f..%2fhandbook-serve-secret.txt",
		"/%2e%2e%2f%2e%2e%2fhandbook-serve-secret.txt",
		"/..%5c..%5chandbook-serve-secret.txt",
		"/en/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/%00/etc/passwd",
		"//etc/passwd",
		"/etc/passwd",
	} {
		status, body := rawGet(t, s.ln.Addr().String(), target)
		if strings.Contains(body, "SECRET") || strings.Contains(body, "root:") || status == 200 {
			t.Errorf("GET %s: %d, served a file outside the site", target, status)
		}
	}
}

// rawGet sends the request line exactly as written, as an attacker would.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A folder moved out of the site takes its pages with it, though they send no events.
func TestFolderMovedAway(t *testing.T) {
	s, dir := preview(t, fixture)
	write(t, dir, "content/cases/menen.en.md", caseStory("Menen", "From grandparents' party to toddler party."))
	waitFor(t, s.URL()+"en/cases/menen/", "served the page in the new folder", shows("toddler party"))
	if err := os.Rename(filepath.Join(dir, "content/cases"), filepath.Join(dir, "cases-archive")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s.URL()+"en/cases/menen/", "dropped the page of the moved folder", missing)
}

// Tools that save through a temporary file of their own name (sed -i writes "sedXXXXXX",
// then renames it over the page) still get the fast update of one page.
func TestTemporaryFilesDoNotForceAFullBuild(t *testing.T) {
	s, dir, terminal := previewWithTerminal(t, fixture)
	src := strings.Replace(sitetest.Read(t, dir, "content/guides/asking-parents.en.md"), "First version.", "Edited with sed.", 1)
	tmp := filepath.Join(dir, "content/guides/sedX1y2Z3")
	if err := os.WriteFile(tmp, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, "content/guides/asking-parents.en.md")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s.URL()+"en/guides/asking-parents/", "showed the edit", shows("Edited with sed."))
	if log := terminal.String(); !strings.Contains(log, "content/guides/asking-parents.en.md: updated in") || strings.Contains(log, "rebuilt after") {
		t.Errorf("want one page updated, not the site rebuilt:\n%s", log)
	}
}

// When the very first build fails there is no good site yet: every address shows the
// problems, and the first good save brings the site.
func TestFirstBuildFailure(t *testing.T) {
	broken := strings.Replace(fixture, "First version.", "See [it](../cases/nope.en.md).", 1)
	s, dir := preview(t, broken)
	status, body := get(t, s.URL()+"en/")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "link to a missing page content/cases/nope.en.md") ||
		!strings.Contains(body, `<script src="/__serve/live.js" defer></script>`) {
		t.Errorf("%d:\n%s", status, body)
	}
	write(t, dir, "content/guides/asking-parents.en.md", strings.Replace(sitetest.Read(t, dir, "content/guides/asking-parents.en.md"), "See [it](../cases/nope.en.md).", "Repaired.", 1))
	waitFor(t, s.URL()+"en/guides/asking-parents/", "served the repaired site", shows("Repaired."))
}

// Each full build writes into a folder of its own; the folder it replaces goes, and so does
// the manifest the build kept beside it.
func TestReplacedBuildsLeaveNothingBehind(t *testing.T) {
	s, dir := preview(t, fixture)
	write(t, dir, "content/guides/home-visits.en.md", guide("Home visits", "Knock first."))
	waitFor(t, s.URL()+"en/guides/home-visits/", "served the new page", shows("Knock first."))
	var names []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		entries, _ := os.ReadDir(s.tmp)
		names = names[:0]
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if len(names) == 2 {
			break
		}
	}
	s.mu.Lock()
	current := filepath.Base(s.dir)
	s.mu.Unlock()
	if want := []string{"." + current + ".manifest", current}; strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("the temporary folder holds %v, want %v", names, want)
	}
}
