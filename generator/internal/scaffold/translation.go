package scaffold

import (
	"bytes"
	"regexp"
	"strings"
)

// Translation turns the file of a page (sibling, in language lang) into the start of its
// translation: the same front matter, so themes, sources and facts stay those of the
// original, and the same text, to translate in place. It names the original in original:
// (keeping the sibling's own original when the sibling is itself a translation), marks the
// new page translation: {status: draft} and draft: true, and drops the sibling's slug:,
// which is a URL name in the other language.
func Translation(sibling []byte, siblingPath, lang string) []byte {
	src := bytes.ReplaceAll(sibling, []byte("\r\n"), []byte("\n"))
	lines := strings.Split(string(src), "\n")
	end := -1
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				end = i
				break
			}
		}
	}
	if end < 0 {
		// Not a page the build accepts; start from its text anyway.
		return []byte("---\noriginal: " + lang + "\ntranslation: {status: draft}\ndraft: true\n---\n" + string(src))
	}
	original := originalOf(src, lang)
	out := []string{"---",
		"# Translation of " + siblingPath + ". Translate the title, the summary, the text values",
		"# below (in quotes) and the page; keep the field names and the keys in [brackets].",
		"# Remove \"draft: true\" when the translation is ready, then run: go run ./generator check"}
	skipping := false
	for _, l := range lines[1:end] {
		if skipping && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) {
			continue
		}
		skipping = false
		switch key := topKey(l); key {
		case "translation", "draft", "slug":
			skipping = true
			continue
		case "original":
			continue
		}
		out = append(out, l)
	}
	out = append(out,
		"original: "+original,
		"translation: {status: draft}",
		"# Optional: the last part of the web address, in this language.",
		"# slug: name-in-this-language",
		"draft: true")
	return []byte(strings.Join(append(out, lines[end:]...), "\n"))
}

var topKeyPattern = regexp.MustCompile(`^([a-z_]+):`)

// topKey is the key of a top-level front matter line, or "".
func topKey(line string) string {
	if m := topKeyPattern.FindStringSubmatch(line); m != nil {
		return m[1]
	}
	return ""
}
