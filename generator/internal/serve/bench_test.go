package serve

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/educare-handbook/handbook/generator/internal/corpus"
	"github.com/educare-handbook/handbook/generator/internal/site"
	"github.com/educare-handbook/handbook/generator/internal/sitetest"
)

// BenchmarkEditToServed measures what an editor waits for: from writing a page's file to
// the new HTML being served, through the real watcher and HTTP server. It reports the
// median and the 90th percentile. The real handbook always runs; the 10,000-page corpus
// only with HANDBOOK_BENCH_CORPUS=1, because its first full build takes a while:
//
//	go test ./generator/internal/serve -run '^$' -bench EditToServed -benchtime 20x
//	HANDBOOK_BENCH_CORPUS=1 go test ./generator/internal/serve -run '^$' -bench EditToServed -benchtime 20x -timeout 30m
func BenchmarkEditToServed(b *testing.B) {
	sites := []struct {
		name  string
		setup func(b *testing.B, dir string)
	}{
		{"handbook", func(b *testing.B, dir string) {
			for _, d := range []string{"content", "layouts", "static", "i18n"} {
				if err := sitetest.CopyTree(filepath.Join(sitetest.RepoRoot(b), d), filepath.Join(dir, d)); err != nil {
					b.Fatal(err)
				}
			}
		}},
		{"corpus10k", func(b *testing.B, dir string) {
			if os.Getenv("HANDBOOK_BENCH_CORPUS") == "" {
				b.Skip("set HANDBOOK_BENCH_CORPUS=1 to measure the 10,000-page corpus")
			}
			if err := corpus.Write(corpus.Options{Pages: 10000, Out: dir, Template: sitetest.RepoRoot(b)}); err != nil {
				b.Fatal(err)
			}
		}},
	}
	for _, sc := range sites {
		var p *benchPreview // kept across the runs of the sub-benchmark: one first build
		b.Run(sc.name, func(b *testing.B) {
			if p == nil {
				p = startBenchPreview(b, sc.setup)
			}
			var page, toolkit []time.Duration
			for i := 0; i < b.N; i++ {
				a, b := p.edit(b, i)
				page, toolkit = append(page, a), append(toolkit, b)
			}
			b.ReportMetric(ms(percentile(page, 50)), "ms-median")
			b.ReportMetric(ms(percentile(page, 90)), "ms-p90")
			b.ReportMetric(ms(percentile(toolkit, 50)), "ms-toolkit-median")
		})
		if p != nil {
			p.stop()
		}
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func percentile(ds []time.Duration, pc int) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)*pc/100]
}

type benchPreview struct {
	s        *Server
	file     string // the page's file
	original string
	url      string
	toolkit  string // the toolkit of the page's language, which shows the guide too
	stop     func()
}

func startBenchPreview(b *testing.B, setup func(*testing.B, string)) *benchPreview {
	dir, err := os.MkdirTemp("", "handbook-bench-")
	if err != nil {
		b.Fatal(err)
	}
	started := false
	defer func() {
		if !started { // skipped or failed
			os.RemoveAll(dir)
		}
	}()
	setup(b, dir)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Root: dir, Drafts: true}, ln)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	p := &benchPreview{s: s, stop: func() { cancel(); <-done; os.RemoveAll(dir) }}
	for _, page := range s.model.Site().Pages {
		// A guide: the costliest edit, as its language's toolkit and its handouts show it too.
		if page.Kind == site.KindPage && page.Type == "guide" && page.Source != nil {
			p.file = filepath.Join(dir, filepath.FromSlash(page.Source.Path))
			p.url = s.URL() + strings.TrimPrefix(page.URL, "/")
			p.toolkit = s.URL() + strings.TrimPrefix(site.ToolkitURL(page.Lang), "/")
			break
		}
	}
	data, err := os.ReadFile(p.file)
	if err != nil {
		b.Fatal(err)
	}
	p.original = string(data)
	started = true
	return p
}

// edit appends a paragraph to the page and waits until the server serves it, then until the
// toolkit shows it too (so the next edit starts on an idle server, as an editor's would).
func (p *benchPreview) edit(b *testing.B, i int) (page, toolkit time.Duration) {
	marker := fmt.Sprintf("Edit marker %d-%d.", i, time.Now().UnixNano())
	start := time.Now()
	if err := os.WriteFile(p.file, []byte(p.original+"\n\n"+marker+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	page = waitMarker(b, p.url, marker, start)
	toolkit = waitMarker(b, p.toolkit, marker, start)
	return page, toolkit
}

func waitMarker(b *testing.B, url, marker string, start time.Time) time.Duration {
	deadline := start.Add(time.Minute)
	for {
		if body := fetch(url); strings.Contains(body, marker) {
			return time.Since(start)
		}
		if time.Now().After(deadline) {
			b.Fatalf("%s never showed the edit", url)
		}
		time.Sleep(time.Millisecond)
	}
}

func fetch(url string) string {
	resp, err := httpClient.Get(url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return string(data)
}

var httpClient = &http.Client{Timeout: 10 * time.Second}
