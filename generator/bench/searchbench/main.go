// Command searchbench measures site search in headless Chromium: bytes fetched and time for
// a reader's first query (common and rare word), the latency of 50 further queries, and a
// first query on a slow 4G profile. It measures the handbook's own search
// (static/js/search.js) or Pagefind on the same built site. See generator/bench/search.sh.
//
//	go run ./generator/bench/searchbench --site DIR --engine handbook|pagefind
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/educare-handbook/handbook/generator/internal/browsertest"
)

// queries are words of both the handbook and the synthetic corpus.
var queries = map[string][]string{
	"en": strings.Fields(`children parents teacher school preschool childcare team care learning assistant
		practitioner group conversation questions meeting time together listen trust first day families
		language home play classroom routine meal toilet nappy pacifier transition enrolment welcome
		playground photos visit coach facilitator reflection practice vision leadership policy training
		support diversity inclusion identity collaboration week hours space`),
	"nl": strings.Fields(`kinderen ouders leerkracht kleuterschool kinderopvang team zorg leren kinderverzorger
		kinderbegeleider groep klas gesprek vragen overleg tijd samen luisteren praten vertrouwen eerste
		dag gezinnen taal thuis buurt spelen routine maaltijd toilet luier fopspeen overgang inschrijving
		welkom afscheid speelplaats bezoek coach begeleider reflectie praktijk visie leiderschap directie
		beleid vorming ondersteuning diversiteit inclusie samenwerking`),
}

// served counts what the server sent (body bytes, files) since the last reset: unlike the
// page's resource timing it also sees what Pagefind's worker fetches.
var served struct {
	mu           sync.Mutex
	bytes, files int
}

func resetServed() {
	served.mu.Lock()
	served.bytes, served.files = 0, 0
	served.mu.Unlock()
}

func readServed(m *measure) {
	served.mu.Lock()
	m.Bytes, m.Files = served.bytes, served.files
	served.mu.Unlock()
}

var words = map[string][2]string{"en": {"children", "pacifier"}, "nl": {"kinderen", "fopspeen"}}

type measure struct {
	MS    float64 `json:"ms"`
	Bytes int     `json:"-"`
	Files int     `json:"-"`
	Top   string  `json:"top"`
}

func main() {
	site := flag.String("site", "", "built site folder")
	engine := flag.String("engine", "handbook", "handbook or pagefind")
	langs := flag.String("langs", "en,nl", "languages to measure")
	flag.Parse()
	if err := run(*site, *engine, strings.Split(*langs, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

func run(site, engine string, langs []string) error {
	exe, ok := browsertest.Find()
	if !ok {
		return fmt.Errorf("Chromium not found")
	}
	csp := browsertest.CSP
	if engine == "pagefind" {
		csp = "" // Pagefind needs 'wasm-unsafe-eval'; measure it without a policy
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go http.Serve(ln, gzipped(site, csp, &served))
	base := "http://" + ln.Addr().String()
	profile, err := os.MkdirTemp("", "searchbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	ctx, cancel := browsertest.Start(context.Background(), exe, profile)
	defer cancel()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	if err := cacheDisabled(ctx, true); err != nil {
		return err
	}
	for _, lang := range langs {
		page := base + "/" + lang + "/"
		for i, w := range words[lang] {
			m, err := first(ctx, page, engine, w)
			if err != nil {
				return err
			}
			kind := [2]string{"common", "rare"}[i]
			fmt.Printf("%s %s first query %-9s %q: %6.1f KB gzip in %2d files, %4.0f ms cold; top %s\n", engine, lang, kind, w, float64(m.Bytes)/1024, m.Files, m.MS, m.Top)
		}
		slow, err := throttled(ctx, page, engine, words[lang][0])
		if err != nil {
			return err
		}
		fmt.Printf("%s %s first query on slow 4G (150 ms, 1.6 Mbps, by the server): %4.0f ms\n", engine, lang, slow.MS)
		if err := latency(ctx, page, engine, lang); err != nil {
			return err
		}
	}
	return nil
}

func cacheDisabled(ctx context.Context, off bool) error {
	_, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: off})
	return err
}

// script returns an expression that runs one query the way a reader's first query runs and
// reports its time and the bytes fetched for it (everything fetched after the page loaded).
func script(engine, q string) string {
	// As if the reader focused the box (a background tab gets no real focus events).
	run := `document.querySelector("#site-search-q").dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
	while (!(window.hbsearch && window.hbsearch.query)) await new Promise(r => setTimeout(r, 1));
	const res = await window.hbsearch.query(q, false);
	const top = res[0] && res[0].url;`
	if engine == "pagefind" {
		run = `window.__pf = window.__pf || await import("/pagefind/pagefind.js");
	const r = await window.__pf.search(q);
	const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
	const top = data[0] && data[0].url;`
	}
	return `(async (q) => {
	const t0 = performance.now();
	` + run + `
	const ms = performance.now() - t0;
	return JSON.stringify({ms, top: String(top)});
})(` + jsString(q) + `)`
}

func jsString(s string) string { b, _ := json.Marshal(s); return string(b) }

// first measures a query in a freshly loaded page (the browser cache is off). It runs twice
// and reports the second run, so that the server has every file compressed already, as a
// CDN has.
func first(ctx context.Context, page, engine, q string) (measure, error) {
	var m measure
	for range 2 {
		var err error
		if m, err = firstOnce(ctx, page, engine, q); err != nil {
			return m, err
		}
	}
	return m, nil
}

func firstOnce(ctx context.Context, page, engine, q string) (measure, error) {
	var m measure
	// Also what workers (Pagefind's) fetched, which the page's cache switch does not cover.
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		return m, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		return m, err
	}
	resetServed()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](script(engine, q), chromedp.EvalAwaitPromise))
	if err != nil {
		return m, err
	}
	err = json.Unmarshal([]byte(out), &m)
	readServed(&m)
	return m, err
}

// slow4G, when on, makes the server behave like Chromium's slow 4G profile: 150 ms before
// each response, and 1.6 Mbps shared by all responses. The server does it, not Chromium,
// so that it also holds for requests from workers (Pagefind's).
var slow4G struct {
	sync.Mutex
	on       bool
	linkFree time.Time
}

func delay(n int) {
	slow4G.Lock()
	if !slow4G.on {
		slow4G.Unlock()
		return
	}
	now := time.Now()
	start := now.Add(150 * time.Millisecond)
	if slow4G.linkFree.After(start) {
		start = slow4G.linkFree
	}
	done := start.Add(time.Duration(float64(n) / (1.6e6 / 8) * float64(time.Second)))
	slow4G.linkFree = done
	slow4G.Unlock()
	time.Sleep(done.Sub(now))
}

// throttled measures a first query on the slow 4G profile (after the page loaded).
func throttled(ctx context.Context, page, engine, q string) (measure, error) {
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		return measure{}, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		return measure{}, err
	}
	slow4G.Lock()
	slow4G.on = true
	slow4G.Unlock()
	defer func() {
		slow4G.Lock()
		slow4G.on = false
		slow4G.Unlock()
	}()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](script(engine, q), chromedp.EvalAwaitPromise))
	var m measure
	if err == nil {
		err = json.Unmarshal([]byte(out), &m)
	}
	return m, err
}

// latency runs the 50 queries twice in one page: the first pass fetches what each word needs,
// the second finds everything loaded (warm). Each pass reports median and p95.
func latency(ctx context.Context, page, engine, lang string) error {
	if _, err := first(ctx, page, engine, queries[lang][0]); err != nil {
		return err
	}
	// Repeated queries may use the browser's HTTP cache, as a reader's would.
	if err := cacheDisabled(ctx, false); err != nil {
		return err
	}
	defer cacheDisabled(ctx, true)
	for pass := 1; pass <= 2; pass++ {
		var ms []float64
		for _, q := range queries[lang] {
			out, err := chromedp.Run(ctx, chromedp.Evaluate[string](script(engine, q), chromedp.EvalAwaitPromise))
			if err != nil {
				return err
			}
			var m measure
			if err := json.Unmarshal([]byte(out), &m); err != nil {
				return err
			}
			ms = append(ms, m.MS)
		}
		sort.Float64s(ms)
		name := [2]string{"new words", "warm"}[pass-1]
		fmt.Printf("%s %s %d queries, %-9s: median %5.1f ms, p95 %5.1f ms\n", engine, lang, len(ms), name, ms[len(ms)/2], ms[len(ms)*95/100])
	}
	return nil
}

// gzipped serves a folder with gzip (as Netlify does), except files that are gzip already
// (Pagefind's), with an optional Content-Security-Policy.
func gzipped(dir, csp string, count *struct {
	mu           sync.Mutex
	bytes, files int
}) http.Handler {
	var mu sync.Mutex
	cache := map[string][]byte{}
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if csp != "" {
			w.Header().Set("Content-Security-Policy", csp)
		}
		p := filepath.Join(dir, filepath.FromSlash(r.URL.Path))
		if strings.HasSuffix(r.URL.Path, "/") {
			p = filepath.Join(p, "index.html")
		}
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
			count.mu.Lock()
			count.bytes += len(data)
			count.files++
			count.mu.Unlock()
			delay(len(data))
			files.ServeHTTP(w, r)
			return
		}
		mu.Lock()
		z, ok := cache[p]
		if !ok {
			var b bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
			zw.Write(data)
			zw.Close()
			z = b.Bytes()
			cache[p] = z
		}
		mu.Unlock()
		count.mu.Lock()
		count.bytes += len(z)
		count.files++
		count.mu.Unlock()
		delay(len(z))
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", contentType(p))
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(z)
	})
}

func contentType(p string) string {
	switch filepath.Ext(p) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json":
		return "application/json"
	}
	return "application/octet-stream"
}
