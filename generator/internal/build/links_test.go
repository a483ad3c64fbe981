package build

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// TestNoInternalLinkLeadsNowhere crawls the built handbook, every language: each internal
// href and src points to a file that exists, and each fragment to an id on that page.
func TestNoInternalLinkLeadsNowhere(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Root: sitetest.RepoRoot(t), Out: out, BaseURL: "https://handbook.example/"})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diags.Items())
	}
	ids := map[string]map[string]bool{} // file → ids
	links := map[string][]string{}      // file → internal links
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		ids[rel] = map[string]bool{}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					switch {
					case a.Key == "id":
						ids[rel][a.Val] = true
					case (a.Key == "href" || a.Key == "src") && !strings.Contains(a.Val, "://") && !strings.HasPrefix(a.Val, "mailto:"):
						links[rel] = append(links[rel], a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for from, list := range links {
		for _, link := range list {
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: malformed link %q", from, link)
				continue
			}
			target := from
			if u.Path != "" {
				if !strings.HasPrefix(u.Path, "/") {
					t.Errorf("%s: relative link %q", from, link)
					continue
				}
				target = strings.TrimPrefix(u.Path, "/")
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
			}
			if _, err := os.Stat(filepath.Join(out, target)); err != nil {
				t.Errorf("%s: link to a missing file %q", from, link)
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
				t.Errorf("%s: link to a missing anchor %q", from, link)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d links checked; the crawl missed pages", checked)
	}
}
