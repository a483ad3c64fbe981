package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/educare-handbook/handbook/generator/internal/serve"
)

// netlifyConfig is the part of netlify.toml the tests read.
type netlifyConfig struct {
	Build struct {
		Command     string
		Publish     string
		Environment map[string]string
	}
	Context map[string]struct {
		Command string
	}
	Headers []struct {
		For    string
		Values map[string]string
	}
	Redirects []struct {
		From       string
		To         string
		Status     int
		Force      bool
		Conditions map[string][]string
	}
}

func readNetlify(t *testing.T) *netlifyConfig {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var c netlifyConfig
	if err := toml.Unmarshal(data, &c); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	return &c
}

// languages are the site's language codes: one per i18n/*.toml.
func languages(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "i18n", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no i18n files: %v", err)
	}
	var out []string
	for _, f := range files {
		out = append(out, strings.TrimSuffix(filepath.Base(f), ".toml"))
	}
	return out
}

// completeLanguages are the languages not marked partial in their i18n file.
func completeLanguages(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, lang := range languages(t) {
		data, err := os.ReadFile(filepath.Join("..", "i18n", lang+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`(?m)^partial\s*=\s*true`).Match(data) {
			out = append(out, lang)
		}
	}
	return out
}

func goVersion(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(data)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	return string(m[1])
}

func TestNetlifyBuildsWithTheGoOfGoMod(t *testing.T) {
	c := readNetlify(t)
	if c.Build.Command != "go run ./generator build" || c.Build.Publish != "public" {
		t.Errorf("build: command %q, publish %q", c.Build.Command, c.Build.Publish)
	}
	v := c.Build.Environment["GO_VERSION"]
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(v) {
		t.Errorf("GO_VERSION %q is not a full version: Netlify would fall back to an old Go", v)
	}
	if v != goVersion(t) {
		t.Errorf("GO_VERSION %q, go.mod says %q", v, goVersion(t))
	}
	if cmd := c.Context["deploy-preview"].Command; cmd != `go run ./generator build --base-url "$DEPLOY_PRIME_URL"` {
		t.Errorf("deploy previews: command %q", cmd)
	}
}

func TestNetlifyHeaders(t *testing.T) {
	c := readNetlify(t)
	values := map[string]map[string]string{}
	for _, h := range c.Headers {
		values[h.For] = h.Values
	}
	all := values["/*"]
	csp := all["Content-Security-Policy"]
	if csp != serve.CSP {
		t.Errorf("the CSP differs from the preview's:\nnetlify.toml %s\nserve.CSP    %s", csp, serve.CSP)
	}
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	if directives["script-src"] != "'self'" {
		t.Errorf("script-src %q, want only 'self'", directives["script-src"])
	}
	for _, unsafe := range []string{"unsafe-inline", "unsafe-eval", "wasm-unsafe-eval", "*"} {
		if strings.Contains(directives["script-src"]+directives["default-src"], unsafe) {
			t.Errorf("CSP allows %s", unsafe)
		}
	}
	want := map[string]string{
		"X-Content-Type-Options":    "nosniff",
		"Referrer-Policy":           "strict-origin-when-cross-origin",
		"Strict-Transport-Security": "max-age=63072000; includeSubDomains",
	}
	for k, v := range want {
		if all[k] != v {
			t.Errorf("%s: %q, want %q", k, all[k], v)
		}
	}
	if !strings.Contains(all["Permissions-Policy"], "camera=()") {
		t.Errorf("Permissions-Policy %q", all["Permissions-Policy"])
	}
	if cc := values["/assets/*"]["Cache-Control"]; cc != "public, max-age=31536000, immutable" {
		t.Errorf("/assets/*: Cache-Control %q", cc)
	}
}

// The root goes to the reader's language, one rule per language that holds the whole
// handbook; other readers get the root page that lists the languages; a missing page gets
// its language's 404 page.
func TestNetlifyRedirects(t *testing.T) {
	c := readNetlify(t)
	var root []int
	for i, r := range c.Redirects {
		if r.From == "/" {
			root = append(root, i)
		}
	}
	langs := languages(t)
	complete := completeLanguages(t)
	if len(root) != len(complete) {
		t.Fatalf("%d rules for /, want one per complete language (%v) and no fallback: the root page lists the languages", len(root), complete)
	}
	for _, lang := range complete {
		found := false
		for _, i := range root {
			r := c.Redirects[i]
			if r.To == "/"+lang+"/" {
				found = true
				if r.Status != 302 || !r.Force || !slices.Contains(r.Conditions["Language"], lang) {
					t.Errorf("rule for %s: %+v", lang, r)
				}
			}
		}
		if !found {
			t.Errorf("no language rule for %s", lang)
		}
	}
	for _, lang := range langs {
		found := false
		for _, r := range c.Redirects {
			if r.From == "/"+lang+"/*" {
				found = true
				if r.To != "/"+lang+"/404.html" || r.Status != 404 || r.Force {
					t.Errorf("404 rule for %s: %+v", lang, r)
				}
			}
		}
		if !found {
			t.Errorf("no 404 rule for %s", lang)
		}
	}
}

// Pull requests run check (as annotations) and the tests, with the Go that Netlify uses.
func TestWorkflowChecksPullRequests(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", ".github", "workflows", "check.yml"))
	if err != nil {
		t.Fatal(err)
	}
	wf := string(data)
	for _, want := range []string{"pull_request", `go-version: "` + goVersion(t) + `"`,
		"run: go run ./generator check --format github", "run: go test ./..."} {
		if !strings.Contains(wf, want) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
}
