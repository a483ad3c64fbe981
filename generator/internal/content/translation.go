package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"regexp"
	"strings"

	yaml3 "go.yaml.in/yaml/v3"
)

// BodyHash fingerprints a page's body, so a translation can record which version of its
// original it was made from and be reported as outdated when the original changes. Line
// endings and trailing blanks do not count: an editor's tool must not make every
// translation outdated.
func BodyHash(body []byte) string {
	norm := bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
	lines := bytes.Split(bytes.TrimSpace(norm), []byte("\n"))
	h := sha256.New()
	for _, l := range lines {
		h.Write(bytes.TrimRight(l, " \t"))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Stamp records hash as the translation hash in the front matter of the file at path,
// changing nothing else in the file: this is what an editor runs after bringing a
// translation up to date with its original.
func Stamp(path, hash string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := stampFrontMatter(src, hash)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}

func stampFrontMatter(src []byte, hash string) ([]byte, error) {
	fmBytes, _, _, err := splitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	fm, perr := parseFrontMatter(fmBytes)
	if perr != nil {
		return nil, fmt.Errorf("%d: %s", perr.line, perr.msg)
	}
	tl, ok := fm.lineOf("translation")
	if !ok {
		return nil, fmt.Errorf("no translation: field; only a translation records its original's hash")
	}
	lines := strings.Split(string(src), "\n")
	// A file with CRLF line ends keeps them on the lines written here.
	eol := ""
	if strings.HasSuffix(lines[0], "\r") {
		eol = "\r"
	}
	idx := tl - 1 // file line → index
	line := strings.TrimSuffix(lines[idx], "\r")
	switch {
	case strings.Contains(line, "{"):
		// translation: {status: draft} or {status: draft, hash: 1a2b}
		open, close := strings.Index(line, "{"), strings.LastIndex(line, "}")
		if close < open {
			return nil, fmt.Errorf("%d: cannot read the translation: field", tl)
		}
		var parts []string
		for _, p := range strings.Split(line[open+1:close], ",") {
			if p = strings.TrimSpace(p); p != "" && !strings.HasPrefix(p, "hash:") {
				parts = append(parts, p)
			}
		}
		parts = append(parts, "hash: "+hash)
		lines[idx] = line[:open] + "{" + strings.Join(parts, ", ") + "}" + line[close+1:] + eol
	default:
		if hl, ok := fm.lineOf("translation.hash"); ok {
			old := strings.TrimSuffix(lines[hl-1], "\r")
			prefix := old[:strings.Index(old, "hash:")]
			comment := "" // "hash: 1a2b # checked by the Dutch team" keeps its comment
			if loc := yamlComment.FindStringIndex(old[len(prefix):]); loc != nil {
				comment = old[len(prefix)+loc[0]:]
			}
			lines[hl-1] = prefix + "hash: " + hash + comment + eol
			// A value folded onto the lines below (hash: >-) goes with the old value.
			end := hl
			for end < len(lines) && strings.TrimSpace(lines[end]) != "" && indentOf(lines[end]) > len(prefix) {
				end++
			}
			lines = append(lines[:hl], lines[end:]...)
			break
		}
		sl, ok := fm.lineOf("translation.status")
		if !ok {
			return nil, fmt.Errorf("%d: the translation: field has no status", tl)
		}
		indent := lines[sl-1][:indentOf(lines[sl-1])]
		lines = append(lines[:sl], append([]string{indent + "hash: " + hash + eol}, lines[sl:]...)...)
	}
	out := []byte(strings.Join(lines, "\n"))
	// Read back what was written: a form of the field not foreseen here must not leave a
	// wrong hash behind while saying it recorded the right one.
	if got, err := recordedHash(out); err != nil || got != hash {
		return nil, fmt.Errorf("%d: could not record the hash in this form of the translation: field; write hash: %s under it", tl, hash)
	}
	return out, nil
}

// yamlComment is a comment after a value: a # after a space or a tab.
var yamlComment = regexp.MustCompile(`[ \t]+#.*$`)

// indentOf is how many spaces a line starts with.
func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// recordedHash reads translation.hash from a file's front matter.
func recordedHash(src []byte) (string, error) {
	fmBytes, _, _, err := splitFrontMatter(src)
	if err != nil {
		return "", err
	}
	var fields struct {
		Translation struct {
			Hash string `yaml:"hash"`
		} `yaml:"translation"`
	}
	err = yaml3.Unmarshal(fmBytes, &fields)
	return fields.Translation.Hash, err
}
