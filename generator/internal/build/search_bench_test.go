package build

import (
	"os"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/search"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// BenchmarkSearchIndex times building the search index of every language in memory (no
// writing) for the site in $HANDBOOK_BENCH_SITE, or the repository's own content.
//
//	go test ./generator/internal/build -run '^$' -bench SearchIndex -benchtime 5x
func BenchmarkSearchIndex(b *testing.B) {
	root := os.Getenv("HANDBOOK_BENCH_SITE")
	if root == "" {
		root = sitetest.RepoRoot(b)
	}
	m, err := Load(os.DirFS(root), Options{BaseURL: "http://127.0.0.1/"}, &Result{Diags: &diag.List{}})
	if err != nil {
		b.Fatal(err)
	}
	syn := synonyms(m.site)
	b.ResetTimer()
	for range b.N {
		size := 0
		for _, l := range m.site.Languages {
			idx := search.Build(searchPages(m.site, l), search.Options{Lang: l.Code, Synonyms: syn})
			for _, data := range idx.Files() {
				size += len(data)
			}
		}
		b.ReportMetric(float64(size)/1e6, "MB")
	}
}
