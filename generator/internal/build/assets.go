package build

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

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
	fsys          fs.FS // the site, which the large files are copied from
}

// loadAssets reads static/ and the generated stylesheets. CSS and JS are minified and get a
// content hash in their name and an integrity value; other files are copied.
func loadAssets(fsys fs.FS, generated map[string][]byte, m *minify.M, diags *diag.List) *assets {
	a := &assets{fingerprinted: map[string]*asset{}, files: map[string][]byte{}, large: map[string]largeFile{}, fsys: fsys}
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
		if f, ok := isLarge(p, d); ok {
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
	return site.LinkProblem{Message: `link to a missing file "/` + p + `"`, Hint: "put the file in static/" + p + " or correct the path"}
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
		if err := o.copyFile(name, a.fsys, f.src); err != nil {
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

// checkStaticFiles reports the static files published where the build writes a file of its
// own: one of the two would be lost, whichever was written last.
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
	for _, name := range m.assets.plainFiles() {
		what, taken := made[name]
		for _, l := range m.site.Languages {
			if !taken && strings.HasPrefix(name, "search/"+l.Code+"/") {
				what, taken = "the search index", true
			}
		}
		if taken {
			diags.Errorf("static/"+name, 0, "rename or move it: the build makes that file itself",
				"would be published as /%s, where the build writes %s", name, what)
		}
	}
}
