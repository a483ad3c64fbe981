package check

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/educare-handbook/handbook/generator/internal/content"
	"github.com/educare-handbook/handbook/generator/internal/diag"
)

// translations reports, for every page, each language it has no file in, as a warning on
// the file of the first language (in the site's order) that has it; partial languages are
// listed but not warned about. Untranslated pages do not break the site: readers see them
// listed as not yet translated. It returns the missing files per language.
func translations(fsys fs.FS, langs []string, partial map[string]bool, diags *diag.List) map[string][]string {
	known := map[string]bool{}
	for _, l := range langs {
		known[l] = true
	}
	have := map[string]map[string]bool{} // "content/guides/x" → languages
	_ = fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		slug, lang, ok := splitName(d.Name())
		if !ok || !known[lang] {
			return nil // the build reports it
		}
		key := path.Join(path.Dir(p), slug)
		if have[key] == nil {
			have[key] = map[string]bool{}
		}
		have[key][lang] = true
		return nil
	})
	keys := make([]string, 0, len(have))
	for k := range have {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	errorsAt := map[string][]string{} // file → the messages of its errors
	for _, d := range diags.Items() {
		if d.Severity == diag.Error {
			errorsAt[d.File] = append(errorsAt[d.File], d.Message)
		}
	}
	missing := map[string][]string{}
	for _, key := range keys {
		var from string
		for _, l := range langs {
			if have[key][l] {
				from = key + "." + l + ".md"
				break
			}
		}
		for _, l := range langs {
			if have[key][l] {
				continue
			}
			want := key + "." + l + ".md"
			missing[l] = append(missing[l], want)
			if partial[l] || saysAlready(errorsAt[from], want) {
				continue
			}
			diags.Warnf(from, 0, translateHint(want), "not translated into %s: %s does not exist", l, want)
		}
	}
	return missing
}

// saysAlready reports whether one of a file's errors names want: a translation whose
// original is gone (renamed, removed, a draft) is told so, and "start it with new" would
// send the editor the wrong way.
func saysAlready(errors []string, want string) bool {
	for _, msg := range errors {
		if strings.Contains(msg, want) {
			return true
		}
	}
	return false
}

func translateHint(want string) string {
	rel := strings.TrimPrefix(want, "content/")
	section := path.Dir(rel)
	if path.Base(rel) == "_index."+langOf(rel)+".md" {
		return "copy the other language's _index file to " + want + " and translate title and summary"
	}
	typ := content.TypeOf(section)
	return "start it with: go run ./generator new " + typ + " " + rel + "; until then readers see the page in their section's list of pages not yet translated"
}

func langOf(rel string) string {
	_, lang, _ := splitName(path.Base(rel))
	return lang
}
