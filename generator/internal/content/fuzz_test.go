package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/educare-handbook/handbook/generator/internal/diag"
)

// FuzzFrontMatter feeds arbitrary files to the front matter reader of every content type:
// it may reject them, but never panic, and every problem names the file and a line inside it.
func FuzzFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: x\nsummary: y\nthemes: [educare]\naudience: [teachers]\nsource: {document: handbook, section: a}\n---\nbody",
		"---\n---\n",
		"---\ntitle: [\n---\n",
		"---\ntitle: &a x\nsummary: *a\n---\n",
		"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n",
		"---\nfigures: [{label: a}]\nslug: ../../x\n---\n",
		"---\n- a\n- b\n---\n",
		"---\ntitle: x\n---",
		"---\nnumber: 99999999999999999999\n---\n",
		"---\n? complex\n: key\n---\n",
		"---\nnumber: 010\nweight: -08\noriginal: en\n---\n",
	} {
		f.Add(seed)
	}
	vocab := map[string]Vocabulary{"themes": {"educare": true}, "audience": {"teachers": true}, "source": {"handbook": true}}
	f.Fuzz(func(t *testing.T, src string) {
		for _, section := range Sections() {
			name := "content/" + section + "/page.en.md"
			fsys := fstest.MapFS{name: {Data: []byte(src)}}
			var diags diag.List
			pages := Load(fsys, Options{Languages: []string{"en", "nl"}, Vocabulary: vocab}, &diags)
			lines := strings.Count(src, "\n") + 1
			for _, d := range diags.Items() {
				if d.File != name {
					t.Fatalf("diagnostic names %q, want %q", d.File, name)
				}
				if d.Line < 0 || d.Line > lines+1 {
					t.Fatalf("line %d outside a %d-line file: %s", d.Line, lines, d)
				}
			}
			if len(pages) == 1 && diags.HasErrors() {
				t.Fatalf("a page with errors was kept: %v", diags.Items())
			}
			for _, p := range pages {
				if !ValidSlug(p.URLSlug()) {
					t.Fatalf("invalid slug %q accepted", p.URLSlug())
				}
			}
		}
	})
}
