package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	yamlast "github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	yaml3 "go.yaml.in/yaml/v3"
)

// splitFrontMatter separates the YAML between the two "---" lines from the body. bodyLine is
// the file line on which the body starts, so Markdown positions can be mapped back to lines
// of the file.
func splitFrontMatter(src []byte) (fm []byte, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	first, rest, ok := cutLine(src)
	if bytes.IndexByte(src, '\n') < 0 && bytes.Count(src, []byte("\r")) > 1 {
		return nil, nil, 0, errors.New(`front matter: the lines end in a lone CR (an old Mac format): save the file with ordinary line ends (LF)`)
	}
	if strings.TrimRight(string(first), " \t\r") != "---" {
		return nil, nil, 0, errors.New(`front matter: the file must start with a line "---", then the fields, then "---"`)
	}
	line := 2
	start := rest
	for ok {
		var l []byte
		l, rest, ok = cutLine(rest)
		if strings.TrimRight(string(l), " \t\r") == "---" {
			fm = start[:len(start)-len(rest)-len(l)]
			if ok {
				fm = start[:len(start)-len(rest)-len(l)-1]
			}
			return fm, rest, line + 1, nil
		}
		line++
	}
	return nil, nil, 0, errors.New(`front matter: no closing "---" line`)
}

// cutLine returns the first line (without its newline) and the rest; ok is false when there
// was no newline.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return b[:i], b[i+1:], true
}

// frontMatter is the YAML between the "---" lines. Two libraries read it, each for what it
// does best: go.yaml.in/yaml/v3 decodes it (2.6 times as fast as goccy/go-yaml, with a
// quarter of the allocations: the largest cost of loading a page), and goccy/go-yaml, whose
// errors point at the right line and column, says what is wrong when the fast decoder
// refuses, and finds the lines of keys. goccy reads an editor's front matter only then, or
// when a check needs a line.
type frontMatter struct {
	src []byte
	// node is goccy's syntax tree, parsed on first need; lines maps "themes",
	// "source.document", "figures[1].value" to file lines, made from it on first use.
	node   yamlast.Node
	parsed bool
	lines  map[string]int
}

// yamlHint is what to do about YAML a decoder cannot read: most often quote, but a tab
// in the indentation is a thing of its own.
func yamlHint(msg string) string {
	if strings.Contains(msg, "'\t'") || strings.Contains(msg, "tab character") {
		return "YAML: indent with spaces, not tabs"
	}
	return quoteHint
}

// quoteHint is what to do about most YAML a decoder cannot read.
const quoteHint = "YAML: quote text that contains \": \" or starts with a quote, bracket or *"

func emptyFrontMatter() *positionedError {
	return &positionedError{line: 1, msg: "front matter: empty", hint: `add at least "title:" and "summary:"`}
}

// parseFrontMatter parses YAML that starts on file line 2, with goccy: for commands that
// need the positions of keys (stamp).
func parseFrontMatter(fm []byte) (*frontMatter, *positionedError) {
	f := &frontMatter{src: fm}
	if perr := f.parse(); perr != nil {
		return nil, perr
	}
	return f, nil
}

// parse builds goccy's tree once and checks that it is one block of fields.
func (f *frontMatter) parse() *positionedError {
	if f.parsed {
		return nil
	}
	if len(bytes.TrimSpace(f.src)) == 0 {
		return emptyFrontMatter()
	}
	file, perr := parseYAML(f.src)
	if perr != nil {
		return perr
	}
	if len(file.Docs) != 1 || file.Docs[0].Body == nil {
		return &positionedError{line: 1, msg: "front matter: expected one block of fields"}
	}
	body := file.Docs[0].Body
	if _, ok := body.(*yamlast.MappingNode); !ok {
		if _, ok := body.(*yamlast.MappingValueNode); !ok {
			return &positionedError{line: nodeLine(f.src, body), msg: "front matter: expected fields such as \"title: …\""}
		}
	}
	f.node, f.parsed = body, true
	return nil
}

// parseYAML parses, turning a panic of the YAML library into an error.
func parseYAML(fm []byte) (file *yamlast.File, perr *positionedError) {
	defer func() {
		if r := recover(); r != nil {
			perr = unreadable()
		}
	}()
	file, err := parser.ParseBytes(fm, 0)
	if err != nil {
		return nil, yamlError(fm, err)
	}
	return file, nil
}

func unreadable() *positionedError {
	return &positionedError{line: 1, msg: "front matter: the fields could not be read",
		hint: "look for a stray ! & * or bracket; write lists as [a, b] and quote text that starts with a sign"}
}

// decodeFast is the happy path: go.yaml.in/yaml/v3, strict, one block of fields.
func decodeFast(src []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	dec := yaml3.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return err // io.EOF when there are no fields at all: an error too
	}
	// A second block ("..." or "---" between fields) would be dropped without a word.
	if err := dec.Decode(new(yaml3.Node)); err != io.EOF {
		return errors.New("more than one block of fields")
	}
	return nil
}

// fastError words a complaint of the fast decoder, at its line in the file.
func fastError(src []byte, msg string) *positionedError {
	line, yamlLine := 1, 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, tail, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, yamlLine, msg = fileLine(src, l), l, tail
			}
		}
	}
	if msg == notWhole {
		return &positionedError{line: line, msg: "front matter: " + fieldAt(src, yamlLine) + msg, hint: "write digits only, e.g. weight: 3"}
	}
	// "field foo not found in type content.Guide", as goccy words it
	if rest, ok := strings.CutPrefix(msg, "field "); ok {
		if name, _, ok := strings.Cut(rest, " not found in type "); ok {
			return &positionedError{line: line, msg: fmt.Sprintf(`%s%q`, unknownField, name), hint: unknownFieldHint}
		}
	}
	// "cannot unmarshal !!str `3` into int"
	if value, typ, ok := quotedScalar(msg); ok {
		what, example := "a whole number", "weight: 3"
		if typ == "bool" {
			what, example = "true or false", "draft: true"
		}
		return &positionedError{line: line, msg: fmt.Sprintf("front matter: %q is text in quotes where %s belongs", value, what),
			hint: "write it without quotes, e.g. " + example}
	}
	return &positionedError{line: line, msg: "front matter: " + msg, hint: yamlHint(msg)}
}

// quotedScalar reads go.yaml.in/yaml/v3's "cannot unmarshal !!str `V` into T".
func quotedScalar(msg string) (value, typ string, ok bool) {
	rest, ok := strings.CutPrefix(msg, "cannot unmarshal !!str `")
	if !ok {
		return "", "", false
	}
	value, typ, ok = strings.Cut(rest, "` into ")
	return value, typ, ok && (typ == "int" || typ == "bool")
}

// decodeExplained decodes node with goccy, for its messages.
func (f *frontMatter) decodeExplained(node yamlast.Node, v any) (perr *positionedError) {
	// The YAML library panics on some malformed input (found by FuzzFrontMatter: a tag such as
	// "themes: !educare]"); an editor's typo must never crash the build.
	defer func() {
		if r := recover(); r != nil {
			perr = unreadable()
		}
	}()
	if err := yaml.NodeToValue(node, v, yaml.DisallowUnknownField()); err != nil {
		return yamlError(f.src, err)
	}
	return nil
}

// line returns the file line of a key path, or 1 (the front matter start) when unknown.
func (f *frontMatter) line(path string) int {
	if l, ok := f.lineOf(path); ok {
		return l
	}
	return 1
}

// topLevelLine is line(key) for a key of the outer block, found without parsing the front
// matter again where it is written plainly at the start of a line, as it nearly always is:
// every translation asks for its original's line, and goccy's parse costs more than loading
// the page.
func (f *frontMatter) topLevelLine(key string) int {
	rest := f.src
	for n := 2; len(rest) > 0; n++ {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if after, ok := bytes.CutPrefix(line, []byte(key)); ok && len(bytes.TrimLeft(after, " \t")) > 0 && bytes.TrimLeft(after, " \t")[0] == ':' {
			return n
		}
	}
	return f.line(key)
}

// lineOf returns the file line of a key path, if the front matter has it.
func (f *frontMatter) lineOf(path string) (int, bool) {
	if f == nil {
		return 0, false
	}
	if f.lines == nil {
		f.lines = map[string]int{}
		if f.parse() == nil {
			collectLines(f.src, f.node, "", f.lines)
		}
	}
	l, ok := f.lines[path]
	return l, ok
}

func collectLines(src []byte, n yamlast.Node, prefix string, lines map[string]int) {
	switch n := n.(type) {
	case *yamlast.MappingNode:
		for _, v := range n.Values {
			collectLines(src, v, prefix, lines)
		}
	case *yamlast.MappingValueNode:
		key := n.Key.String()
		path := key
		if prefix != "" {
			path = prefix + "." + key
		}
		lines[path] = nodeLine(src, n.Key)
		collectLines(src, n.Value, path, lines)
	case *yamlast.SequenceNode:
		for i, v := range n.Values {
			p := fmt.Sprintf("%s[%d]", prefix, i)
			lines[p] = nodeLine(src, v)
			collectLines(src, v, p, lines)
		}
	case *yamlast.AnchorNode: // translation: &t, with the fields on the lines below
		collectLines(src, n.Value, prefix, lines)
	case *yamlast.TagNode:
		collectLines(src, n.Value, prefix, lines)
	}
}

// nodeLine is the file line of a node.
func nodeLine(src []byte, n yamlast.Node) int {
	if n == nil || n.GetToken() == nil {
		return 1
	}
	return fileLine(src, n.GetToken().Position.Line)
}

// fileLine maps a line of the front matter as YAML counts them (1 = the line after the
// first "---"; a lone carriage return ends a line too) to the line of the file, where only
// a newline does (found by FuzzFrontMatter: "\r\r\r0" was reported four lines down).
func fileLine(src []byte, yamlLine int) int {
	y, file := 1, 2
	for i := 0; i < len(src) && y < yamlLine; i++ {
		switch {
		case src[i] == '\n':
			y++
			file++
		case src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			y++
		}
	}
	return file
}

// mergeKey finds a YAML merge key: "<<:", "!!merge <<:", "{<<: …}" or "? <<".
var mergeKey = regexp.MustCompile(`(?m)(^|[\s{,])(!!merge\s+)?<<\s*:|^\s*\?\s*(!!merge\s+)?<<`)

// unknownField starts the message for a field no front matter type has; goccy words it so.
const (
	unknownField     = "front matter: unknown field "
	unknownFieldHint = "check the spelling; the README lists the fields of each type"
)

// positionedError is a front matter problem at a file line.
type positionedError struct {
	line int
	msg  string
	hint string
	// wrongType marks goccy's "text where a list belongs": goccy is stricter about types
	// than the decoder that fills the page.
	wrongType bool
}

func yamlError(src []byte, err error) *positionedError {
	var ye yaml.Error
	if errors.As(err, &ye) {
		line, field := 1, ""
		if tk := ye.GetToken(); tk != nil {
			line = fileLine(src, tk.Position.Line)
			field = fieldAt(src, tk.Position.Line)
		}
		msg := ye.GetMessage()
		var unknown *yaml.UnknownFieldError
		if errors.As(err, &unknown) {
			return &positionedError{line: line, msg: "front matter: " + msg, hint: unknownFieldHint}
		}
		if got, want, ok := wrongType(msg); ok {
			hint := typeHints[want]
			if want == "a whole number" && field != "" {
				hint = "write digits without quotes, e.g. " + field + "3"
			}
			return &positionedError{line: line, msg: fmt.Sprintf("front matter: %s%s where %s belongs", field, got, want), hint: hint, wrongType: true}
		}
		// "mapping key "title" already defined at [1:1]": a place in the fields, not the file.
		if before, at, ok := strings.Cut(msg, " at ["); ok && strings.HasSuffix(at, "]") {
			if l, err := strconv.Atoi(strings.Split(at, ":")[0]); err == nil {
				return &positionedError{line: line, msg: fmt.Sprintf("front matter: %s at line %d", before, fileLine(src, l)),
					hint: "keep one of the two"}
			}
		}
		// goccy's decoder finds what its parser let through: a field a merge key (<<) brings
		// in, written beside it too, or a key written as a block ("? |-").
		if strings.HasPrefix(msg, "duplicate key ") {
			if mergeKey.Match(src) {
				return &positionedError{line: line, msg: "front matter: " + msg + ", written and brought in by a merge key (<<)", hint: mergeHint}
			}
			return &positionedError{line: line, msg: "front matter: " + msg, hint: "keep one of the two"}
		}
		return &positionedError{line: line, msg: "front matter: " + msg, hint: yamlHint(msg)}
	}
	return &positionedError{line: 1, msg: "front matter: " + err.Error()}
}

// wrongType words the YAML library's "cannot unmarshal string into Go struct field
// Guide.Common.Weight of type int" for an editor: what was written, what belongs there.
func wrongType(msg string) (got, want string, ok bool) {
	// Also "string was used where sequence is expected".
	if written, expected, ok := strings.Cut(strings.TrimSuffix(msg, " is expected"), " was used where "); ok && written != msg {
		kinds := map[string]string{"string": "text", "sequence": "a list", "mapping": "fields", "bool": "true or false"}
		got, want = kinds[written], kinds[expected]
		return got, want, got != "" && want != "" && got != want
	}
	rest, ok := strings.CutPrefix(msg, "cannot unmarshal ")
	if !ok {
		return "", "", false
	}
	written, rest, ok := strings.Cut(rest, " into ")
	if !ok {
		return "", "", false
	}
	_, goType, ok := strings.Cut(rest, " of type ")
	if !ok {
		return "", "", false
	}
	goType, _, _ = strings.Cut(goType, " ") // "content.WholeNumber ( overflow )"
	switch {
	case written == "string":
		got = "text"
	case written == "bool":
		got = "true or false"
	case strings.HasPrefix(written, "[]") || written == "array":
		got = "a list"
	case strings.HasPrefix(written, "map") || written == "mapping":
		got = "fields"
	default:
		got = "a number" // uint64, int64, float64, …
	}
	switch {
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "uint") || strings.HasSuffix(goType, "WholeNumber"):
		want = "a whole number"
	case goType == "bool":
		want = "true or false"
	case strings.HasPrefix(goType, "[]"):
		want = "a list"
	case goType == "string":
		want = "text"
	default:
		want = "fields"
	}
	if got == "a number" && want == "a whole number" {
		got = "a number with a decimal point, or too large," // 2.5, 99999999999999999999
	}
	return got, want, got != want
}

// typeHints show what belongs where a value of the wrong kind was written.
var typeHints = map[string]string{
	"a whole number": "write digits without quotes, e.g. weight: 3",
	"true or false":  "write true or false without quotes, e.g. draft: true",
	"a list":         "write a list in brackets, e.g. themes: [educare, leadership]",
	"text":           "quote text that could be read as something else, e.g. title: \"2024: a new start\"",
	"fields":         "write the fields indented under the key, one per line",
}

// fieldAt is "key: " for the field on line (of the front matter, from 1), or "".
func fieldAt(src []byte, line int) string {
	lines := bytes.Split(src, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	key, _, ok := bytes.Cut(lines[line-1], []byte(":"))
	key = bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(key), []byte("- ")))
	if !ok || len(key) == 0 || bytes.ContainsAny(key, " \"'[{") {
		return ""
	}
	return string(key) + ": "
}

// WholeNumber is a field that front matter must write as a whole number: go.yaml.in/yaml/v3
// reads "weight: 2.5" into an int as 2, without a word.
type WholeNumber int

// UnmarshalYAML refuses anything but an integer.
func (n *WholeNumber) UnmarshalYAML(value *yaml3.Node) error {
	var i int
	switch {
	case value.Kind == yaml3.ScalarNode && value.Style == 0 && decimalDigits.MatchString(value.Value):
		// Read as an editor means it: YAML 1.1, which the library follows here, reads
		// "number: 010" as octal 8 and "08" as text.
		n64, err := strconv.ParseInt(value.Value, 10, strconv.IntSize)
		if err != nil {
			return fieldError(value.Line, notWhole)
		}
		*n = WholeNumber(n64)
		return nil
	case value.Kind == yaml3.ScalarNode && value.ShortTag() == "!!str":
		// Worded as the library does, for fastError: "3" is text in quotes.
		return fieldError(value.Line, fmt.Sprintf("cannot unmarshal !!str `%s` into int", value.Value))
	case value.Kind != yaml3.ScalarNode || value.ShortTag() != "!!int":
		return fieldError(value.Line, notWhole)
	}
	if err := value.Decode(&i); err != nil {
		return err
	}
	*n = WholeNumber(i)
	return nil
}

// decimalDigits is a whole number as people write it, leading zeros included.
var decimalDigits = regexp.MustCompile(`^[-+]?[0-9]+$`)

// Int is the number for a template function that takes an int (Tn).
func (n WholeNumber) Int() int { return int(n) }

// fieldError is a problem with one field, in the form the decoder collects: it goes on to
// the other fields, so that all their problems are reported together.
func fieldError(line int, msg string) error {
	return &yaml3.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", line, msg)}}
}

// notWhole is the message of a WholeNumber that is not one.
const notWhole = "a number with a decimal point, or too large, where a whole number belongs"
