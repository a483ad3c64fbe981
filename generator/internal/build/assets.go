package build

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/tdewolff/minify/v2"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// asset is a stylesheet or script published under a name that changes with its content.
type asset struct {
	URL       string // "/assets/css/site.1a2b3c4d5e.css"
	Integrity string // "sha384-…"
	out       string
	data      []byte
}

// assets holds the fingerprinted files and the plain static files.
type assets struct {
	fingerprinted map[string]*asset // by source path under static/: "css/site.css"
	files         map[string][]byte // copied as they are (minified where the type allows)
	large         map[string]largeFile
	opener        regularFileOpener // the site, which the large files are copied from
}

// loadAssets reads static/ and the generated stylesheets. CSS and JS are minified and get a
// content hash in their name and an integrity value; other files are copied.
func loadAssets(fsys fs.FS, generated map[string][]byte, m *minify.M, diags *diag.List) *assets {
	a := &assets{fingerprinted: map[string]*asset{}, files: map[string][]byte{}, large: map[string]largeFile{}}
	a.opener, _ = fsys.(regularFileOpener)
	sources := map[string][]byte{}
	for k, v := range generated {
		sources[k] = v
	}
	_ = fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != "static" {
				diags.Errorf(p, 0, "", "cannot read: %v", err)
			}
			return nil
		}
		if d.IsDir() || content.Leftover(d.Name()) {
			return nil
		}
		if f, ok := isLarge(p, d); ok && a.opener != nil {
			// Opened now, as a small file is read now: what cannot be is said here, by name.
			file, err := a.opener.OpenRegular(p)
			if err != nil {
				diags.Errorf(p, 0, "", "cannot read: %v", err)
				return nil
			}
			file.Close()
			a.large[strings.TrimPrefix(p, "static/")] = f
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Errorf(p, 0, "", "cannot read: %v", err)
			return nil
		}
		sources[strings.TrimPrefix(p, "static/")] = data
		return nil
	})
	names := make([]string, 0, len(sources))
	for k := range sources {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		data := sources[name]
		ext := path.Ext(name)
		min, err := minifyBytes(m, ext, data)
		if err != nil {
			diags.Errorf("static/"+name, 0, "check the file's syntax", "cannot minify: %v", err)
			continue
		}
		if ext != ".css" && ext != ".js" {
			a.files[name] = min
			continue
		}
		sum := sha256.Sum256(min)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		sri := sha512.Sum384(min)
		a.fingerprinted[name] = &asset{
			URL:       "/assets/" + hashed,
			Integrity: "sha384-" + base64.StdEncoding.EncodeToString(sri[:]),
			out:       "assets/" + hashed,
			data:      min,
		}
	}
	return a
}

// url returns the published address of a fingerprinted file.
func (a *assets) url(name string) (string, error) {
	if x := a.fingerprinted[name]; x != nil {
		return x.URL, nil
	}
	return "", fmt.Errorf("no stylesheet or script static/%s", name)
}

func (a *assets) integrity(name string) (string, error) {
	if x := a.fingerprinted[name]; x != nil {
		return x.Integrity, nil
	}
	return "", fmt.Errorf("no stylesheet or script static/%s", name)
}

// linkProblem says what is wrong with a link in content to static/p: nothing when the file
// is published at that path. A stylesheet or script is not: its name carries its hash.
func (a *assets) linkProblem(p string) site.LinkProblem {
	if a.publishes(p) {
		return site.LinkProblem{}
	}
	if _, ok := a.fingerprinted[p]; ok {
		return site.LinkProblem{Message: `link to "/` + p + `", a stylesheet or script: it is published under a name with its content hash`,
			Hint: "link to a page or an image instead; layouts load stylesheets and scripts with asset"}
	}
	if builtFile(p) {
		return site.LinkProblem{Message: `link to "/` + p + `", a file the build makes for browsers and search engines`,
			Hint: "link to a page instead, by its .md file"}
	}
	return site.LinkProblem{Message: `link to a missing file "/` + p + `"`, Hint: "put the file in static/" + p + " or correct the path"}
}

// builtFile reports whether p is a file the build writes that is no page to link to: the
// sitemap, robots.txt, the search index (putting one in static/ is refused).
func builtFile(p string) bool {
	switch p {
	case "sitemap.xml", "robots.txt":
		return true
	}
	return strings.HasPrefix(p, "search/")
}

// publishes reports whether the static file name is published under its own name.
func (a *assets) publishes(name string) bool {
	_, small := a.files[name]
	_, large := a.large[name]
	return small || large
}

// plainFiles lists the static files published under their own names.
func (a *assets) plainFiles() []string {
	names := make([]string, 0, len(a.files)+len(a.large))
	for name := range a.files {
		names = append(names, name)
	}
	for name := range a.large {
		names = append(names, name)
	}
	return names
}

// write puts every asset into the output.
func (a *assets) write(o *output) error {
	for name, data := range a.files {
		if err := o.write(name, data); err != nil {
			return err
		}
	}
	for name, f := range a.large {
		if err := o.copyFile(name, a.opener, f.src); err != nil {
			return err
		}
	}
	for _, x := range a.fingerprinted {
		if err := o.write(x.out, x.data); err != nil {
			return err
		}
	}
	return nil
}

// checkStaticFiles reports the static files published where the build writes a file or makes
// a folder of its own (one of the two would be lost, or the build would fail on a path that
// means nothing to an editor), including where the two differ only as a Mac or Windows does
// not tell names apart; two static files that are one there; names with a line break or
// another control character; and Netlify's _redirects and _headers, which would change the
// site's redirects and headers beside netlify.toml, where the tests do not look.
func (m *Model) checkStaticFiles(diags *diag.List) {
	made := map[string]string{} // output path → what the build writes there
	for _, p := range m.site.Pages {
		made[p.OutputPath()] = "the page " + p.URL
		if p.Kind == site.KindToolkit {
			made[chapterCSSPath(p)] = "the chapter titles of " + p.URL
		}
	}
	for _, name := range []string{"index.html", "404.html", "sitemap.xml", "robots.txt"} {
		made[name] = "its own " + name
	}
	for name := range m.opts.PDFs {
		made[name] = "a printed PDF"
	}
	for src, x := range m.assets.fingerprinted {
		made[x.out] = "static/" + src + " (with its content hash)"
	}
	folders := map[string]string{} // folder → the first thing (by path) the build writes in it
	for _, l := range m.site.Languages {
		made["search/"+l.Code+"/index.js"] = "the search index"
	}
	for _, name := range slices.Sorted(maps.Keys(made)) {
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			if _, ok := folders[dir]; !ok {
				folders[dir] = made[name]
			}
		}
	}
	folded := map[string]string{} // FoldName of every path the build makes → the path
	for name := range made {
		folded[site.FoldName(name)] = name
	}
	for dir := range folders {
		folded[site.FoldName(dir)] = dir + "/"
	}
	staticFolded := map[string]string{}
	names := m.assets.plainFiles()
	sort.Strings(names)
	for _, name := range names {
		file := "static/" + name
		what, taken := made[name]
		for _, l := range m.site.Languages {
			if !taken && strings.HasPrefix(name, "search/"+l.Code+"/") {
				what, taken = "the search index", true
			}
		}
		key := site.FoldName(name)
		switch {
		case strings.ContainsFunc(name, unicode.IsControl):
			diags.Errorf(file, 0, "rename it without the line break or control character", "file name %q holds a control character", name)
		case name == "_redirects" || name == "_headers":
			diags.Errorf(file, 0, "write redirects and headers in netlify.toml, where the tests check them",
				"%s would set the site's Netlify %s", name, strings.TrimPrefix(name, "_"))
		case taken:
			diags.Errorf(file, 0, "rename or move it: the build makes that file itself",
				"would be published as /%s, where the build writes %s", name, what)
		case folders[name] != "":
			diags.Errorf(file, 0, "rename or move it: the build makes that folder itself",
				"would be published as /%s, where the build makes a folder for %s", name, folders[name])
		case folded[key] != "":
			diags.Errorf(file, 0, "rename or move it",
				"would be published as /%s, which a Mac or Windows takes for /%s that the build makes", name, folded[key])
		case staticFolded[key] != "":
			diags.Errorf(file, 0, "keep one of the two", "is the same file as static/%s on a Mac or Windows (the names differ only in letter case or accents)", staticFolded[key])
		}
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			if content.ReservedOnWindows(path.Base(dir)) {
				diags.Errorf(file, 0, windowsNameHint, "folder %q is a device name on Windows", dir)
				break
			}
		}
		if content.ReservedOnWindows(path.Base(name)) {
			diags.Errorf(file, 0, windowsNameHint, "file name %q is a device name on Windows", path.Base(name))
		}
		staticFolded[key] = name
	}
}

const windowsNameHint = "rename it: Windows cannot make a file or folder of that name"
