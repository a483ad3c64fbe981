package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

func TestOfflineLinksAreRelativeAndNameTheirIndex(t *testing.T) {
	in := `<a href="/nl/gidsen/">x</a><a href="/">h</a><link rel="stylesheet" href="/assets/css/site.1.css" integrity="sha384-x">` +
		`<a href="/nl/zoeken/?q=a#b">s</a><a href="//cdn.example/x">c</a><a href="https://e.example/">e</a><form action="/nl/zoeken/" data-script="/assets/js/s.js" data-integrity="sha384-y">`
	got := string(offlineHTML([]byte(in), "nl/gidsen/x/index.html"))
	want := `<a href="../../../nl/gidsen/index.html">x</a><a href="../../../index.html">h</a><link rel="stylesheet" href="../../../assets/css/site.1.css">` +
		`<a href="../../../nl/zoeken/index.html?q=a#b">s</a><a href="//cdn.example/x">c</a><a href="https://e.example/">e</a><form action="../../../nl/zoeken/index.html" data-script="../../../assets/js/s.js">`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := string(offlineHTML([]byte(`<a href="/en/">e</a>`), "index.html")); got != `<a href="en/index.html">e</a>` {
		t.Errorf("root page: %s", got)
	}
}

// An offline build links nothing by site path: every page works opened from disk.
func TestOfflineBuildHasNoSitePaths(t *testing.T) {
	dir := sitetest.New(t, twoLanguages)
	if res, err := Build(Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/", Offline: true}); err != nil {
		t.Fatalf("%v %v", err, res.Diags.Items())
	}
	sitePath := regexp.MustCompile(`\s(?:href|src|action)="/[^/]`)
	err := filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, _ := os.ReadFile(p)
		if m := sitePath.Find(b); m != nil {
			t.Errorf("%s links by site path: %s", p, m)
		}
		if strings.Contains(string(b), "integrity=") {
			t.Errorf("%s keeps integrity values", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
