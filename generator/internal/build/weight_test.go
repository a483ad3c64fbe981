package build

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// assetRef finds the stylesheets and scripts a page loads by itself (not the search script,
// which loads only when the reader focuses the search box).
var assetRef = regexp.MustCompile(`<(?:link rel="stylesheet"|script) [^>]*?(?:href|src)="(/assets/[^"]+)"`)

func gzipSize(t *testing.T, b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestPageWeight measures what each page of the real handbook costs a visitor: its HTML,
// stylesheets and scripts, gzip-compressed. Run with -v for the figures.
func TestPageWeight(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if res, err := Build(Options{Root: sitetest.RepoRoot(t), Out: out, BaseURL: "https://handbook.example/"}); err != nil {
		t.Fatalf("%v\n%v", err, res.Diags.Items())
	}
	assetSize := map[string]int{}
	type page struct {
		path  string
		bytes int
	}
	var pages []page
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		html, _ := os.ReadFile(p)
		total := gzipSize(t, html)
		for _, m := range assetRef.FindAllSubmatch(html, -1) {
			ref := string(m[1])
			if _, ok := assetSize[ref]; !ok {
				b, err := os.ReadFile(filepath.Join(out, ref))
				if err != nil {
					t.Errorf("%s: missing asset %s", p, ref)
				}
				assetSize[ref] = gzipSize(t, b)
			}
			total += assetSize[ref]
		}
		rel, _ := filepath.Rel(out, p)
		pages = append(pages, page{rel, total})
		return nil
	})
	sort.Slice(pages, func(i, j int) bool { return pages[i].bytes < pages[j].bytes })
	median, heaviest := pages[len(pages)/2], pages[len(pages)-1]
	t.Logf("%d pages; median %.1f KB, heaviest %.1f KB (%s); lightest %.1f KB", len(pages),
		float64(median.bytes)/1024, float64(heaviest.bytes)/1024, heaviest.path, float64(pages[0].bytes)/1024)
	if heaviest.bytes > 40*1024 {
		t.Errorf("%s costs %.1f KB compressed; the budget is 40 KB", heaviest.path, float64(heaviest.bytes)/1024)
	}
	if median.bytes >= 25*1024 {
		t.Errorf("the median page costs %.1f KB compressed; the budget is under 25 KB", float64(median.bytes)/1024)
	}
}
