package build

import (
	"fmt"
	"os"
	"testing"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/search"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

func TestSearchDebug(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	res := &Result{Diags: nil}
	_ = res
	m, err := Load(os.DirFS(sitetest.RepoRoot(t)), Options{BaseURL: "http://x/"}, &Result{Diags: &diag.List{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range m.site.Languages {
		if l.Code != os.Getenv("L") {
			continue
		}
		idx := search.Build(searchPages(m.site, l), search.Options{Lang: l.Code, Synonyms: synonyms(m.site)})
		for i, r := range idx.Search(q, os.Getenv("P") != "") {
			if i < 8 {
				fmt.Printf("%5.0f m=%d ph=%v %s#%s\n", r.Score, r.Matched, r.Phrase, idx.Pages[r.Page].URL, r.Anchor)
			}
		}
	}
}
