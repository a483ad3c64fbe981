package build

import (
	"path/filepath"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/corpus"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// BenchmarkBuild1000 builds the 1,000-page synthetic corpus with the real layouts, writing
// to disk as a real build does. Whole-process timings of 1,000 and 10,000 pages come from
// generator/bench/build.sh.
func BenchmarkBuild1000(b *testing.B) {
	benchmarkBuild(b, 1000)
}

func benchmarkBuild(b *testing.B, pages int) {
	dir := b.TempDir()
	if err := corpus.Write(corpus.Options{Pages: pages, Out: dir, Template: sitetest.RepoRoot(b)}); err != nil {
		b.Fatal(err)
	}
	opts := Options{Root: dir, Out: filepath.Join(dir, "public"), BaseURL: "https://handbook.example/"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res, err := Build(opts); err != nil {
			b.Fatalf("%v: %v", err, res.Diags.Items())
		}
	}
}

// TestCorpusBuildsWithoutErrors keeps the synthetic corpus honest: it must be a valid site.
func TestCorpusBuildsWithoutErrors(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(corpus.Options{Pages: 60, Out: dir, Template: sitetest.RepoRoot(t)}); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, dir)
	contains(t, dir, "en/guides/page-00001/index.html", "box-questions", `role="doc-noteref"`, "<figcaption>")
}

// BenchmarkRenderPage draws one page of each layout of the 1,000-page corpus with the real
// layouts, without writing it: what the layouts cost, apart from the rest of a build.
func BenchmarkRenderPage(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(corpus.Options{Pages: 1000, Out: dir, Template: sitetest.RepoRoot(b)}); err != nil {
		b.Fatal(err)
	}
	res := &Result{Diags: &diag.List{}}
	m, err := Load(newSiteFS(dir), Options{Root: dir, BaseURL: "https://handbook.example/"}, res)
	if err != nil {
		b.Fatalf("%v: %v", err, res.Diags.Items())
	}
	seen := map[string]bool{}
	for _, p := range m.site.Pages {
		if seen[p.Layout()] || p.Lang.Code != "en" {
			continue
		}
		seen[p.Layout()] = true
		data := m.pageData(p)
		b.Run(p.Layout(), func(b *testing.B) {
			var buf []byte
			for i := 0; i < b.N; i++ {
				out, err := m.layouts.RenderPage(buf[:0], p.Lang.Code, p.Layout(), data, sourceOf(p))
				if err != nil {
					b.Fatal(err)
				}
				buf = out
			}
			b.SetBytes(int64(len(buf)))
		})
	}
}
