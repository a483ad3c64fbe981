package serve

import (
	"bytes"
	"embed"
	"html"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/layout"
)

//go:embed live/live.js live/live.css
var liveFiles embed.FS

// CSP is the Content-Security-Policy of the preview: the one netlify.toml sends, so that
// what breaks it in production breaks it here first.
const CSP = layout.CSP

// emptyPage stands in for the site until a first build succeeds.
const emptyPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head><body></body></html>`

// liveTags go before </head> of every HTML page served.
const liveTags = `<link rel="stylesheet" href="/__serve/live.css" data-serve><script src="/__serve/live.js" defer></script>`

// Handler serves the current site, the live-reload files and the event stream.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/__serve/events", s.serveEvents)
	mux.HandleFunc("/__serve/live.js", serveLive("live/live.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("/__serve/live.css", serveLive("live/live.css", "text/css; charset=utf-8"))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Security-Policy", CSP)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if strings.HasPrefix(r.URL.Path, "/__serve/") {
			mux.ServeHTTP(w, r)
			return
		}
		s.serveSite(w, r)
	})
}

func serveLive(name, typ string) http.HandlerFunc {
	data, _ := liveFiles.ReadFile(name)
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", typ)
		w.Write(data)
	}
}

// safePath refuses request paths that could leave the site folder once decoded: ".."
// segments (also written %2e%2e, or behind an encoded slash %2f), backslashes and NUL.
func safePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return false
		}
	}
	return true
}

func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// r.URL.Path is already percent-decoded; RawPath holds the encoded form when it differs.
	if !safePath(r.URL.Path) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	dir, problems := s.state()
	if dir == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write(inject([]byte(emptyPage), problems))
		return
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		http.Error(w, "site unavailable", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	fsys := root.FS()
	name := strings.Trim(r.URL.Path, "/")
	if name == "" {
		name = "."
	}
	st, err := fs.Stat(fsys, name)
	if err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		st, err = fs.Stat(fsys, name)
	}
	status := http.StatusOK
	if err != nil || st.IsDir() {
		name, status = notFoundPage(fsys, r.URL.Path), http.StatusNotFound
		if name == "" {
			http.NotFound(w, r)
			return
		}
	}
	if status == http.StatusOK && !s.freshen(r, name) {
		return
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if path.Ext(name) == ".html" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		if r.Method == http.MethodGet {
			w.Write(inject(data, problems))
		}
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), bytes.NewReader(data))
}

// notFoundPage is the 404 page of the language the path is in, as on Netlify.
func notFoundPage(fsys fs.FS, urlPath string) string {
	if lang, _, ok := strings.Cut(strings.TrimPrefix(urlPath, "/"), "/"); ok && lang != "" {
		if _, err := fs.Stat(fsys, lang+"/404.html"); err == nil {
			return lang + "/404.html"
		}
	}
	if _, err := fs.Stat(fsys, "404.html"); err == nil {
		return "404.html"
	}
	return ""
}

// inject adds the live-reload tags to a page and, after a failed rebuild, the overlay.
func inject(page []byte, problems []diag.Diagnostic) []byte {
	var b bytes.Buffer
	b.Grow(len(page) + len(liveTags) + 512)
	head := bytes.Index(page, []byte("</head>"))
	if head < 0 {
		b.WriteString(liveTags)
		head = 0
	} else {
		b.Write(page[:head])
		b.WriteString(liveTags)
	}
	rest := page[head:]
	if problems == nil {
		b.Write(rest)
		return b.Bytes()
	}
	body := bytes.Index(rest, []byte("<body"))
	end := -1
	if body >= 0 {
		end = bytes.IndexByte(rest[body:], '>')
	}
	if end < 0 {
		b.Write(rest)
		b.WriteString(overlay(problems))
		return b.Bytes()
	}
	cut := body + end + 1
	b.Write(rest[:cut])
	b.WriteString(overlay(problems))
	b.Write(rest[cut:])
	return b.Bytes()
}

// overlay lists the problems of the failed rebuild over the last good page.
func overlay(problems []diag.Diagnostic) string {
	var b strings.Builder
	b.WriteString(`<div id="serve-overlay" role="alert" lang="en"><div class="serve-box">`)
	b.WriteString(`<h2>The last change broke the build: this is the last good version</h2><ul>`)
	for _, d := range problems {
		b.WriteString("<li>")
		if pos := d.Position(); pos != "" {
			b.WriteString("<code>" + html.EscapeString(pos) + "</code> ")
		}
		if d.Severity == diag.Warning {
			b.WriteString("warning: ")
		}
		b.WriteString(html.EscapeString(d.Message))
		if d.Hint != "" {
			b.WriteString(`<span class="serve-hint">` + html.EscapeString(d.Hint) + "</span>")
		}
		b.WriteString("</li>")
	}
	b.WriteString(`</ul><p>Fix the file and save it: this page reloads by itself. <button type="button" id="serve-overlay-close">Hide</button></p></div></div>`)
	return b.String()
}
