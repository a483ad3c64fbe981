package layout

import (
	"errors"
	"html/template"
	"strconv"
	"strings"
	tparse "text/template/parse"
	"unicode/utf8"
)

// escapeError reads html/template's own error: what it could not escape, where it noticed.
// Its text puts a colon inside the description ("\"" in attribute name: …), which the
// split by colons would cut off.
func escapeError(err error) (file string, line int, msg string, ok bool) {
	var he *template.Error
	if !errors.As(err, &he) || he.ErrorCode == template.OK {
		return "", 0, "", false
	}
	file, line = he.Name, he.Line
	if he.Node != nil {
		// "layouts/x.html:12:5", the column last
		loc, _ := (*tparse.Tree)(nil).ErrorContext(he.Node)
		if withLine, _, ok := cutLast(loc, ":"); ok {
			if name, n, ok := cutLast(withLine, ":"); ok && isDigits(n) {
				file = name
				line, _ = strconv.Atoi(n)
			}
		}
	}
	if !strings.HasPrefix(file, "layouts/") {
		return "", 0, "", false
	}
	return file, line, he.Description, true
}

// TemplateErrorHint says what to do about an error of a layout, where Go's words are not
// enough: html/template notices a quote or tag left open where it ends up, which is often
// in a layout drawn after the one at fault.
func TemplateErrorHint(err error) string {
	var he *template.Error
	if errors.As(err, &he) {
		switch {
		case he.ErrorCode == template.ErrRangeLoopReentry || strings.HasPrefix(he.Description, "on range loop re-entry"):
			return "the body of a {{range}} must end where it started: close the tags and quotes it opens"
		}
		switch he.ErrorCode {
		case template.ErrBadHTML:
			return "a quote or < out of place in a tag: look for an attribute whose closing quote is missing, here or in a layout drawn before this one"
		case template.ErrBranchEnd:
			return "each branch of an {{if}}, {{with}} or {{range}} must close the tags, quotes and scripts it opens, and open none the others do not"
		case template.ErrEndContext:
			return "the layout ends inside a tag, a quote, a comment or a script: close it"
		case template.ErrAmbigContext:
			return "write the value in a whole attribute or a whole part of the address, e.g. href=\"{{.URL}}\""
		}
	}
	if strings.Contains(err.Error(), "no such template") {
		return "a partial is a file of layouts/partials/, named with its path: check the name"
	}
	return ""
}

// maxMessage is the longest template error message shown whole: Go prints the value a
// {{range}} could not iterate over in full, which for a page is its whole text.
const maxMessage = 300

// ShortMessage cuts msg to maxMessage bytes, at a character, and says how long it was.
func ShortMessage(msg string) (short string, cut bool) {
	if len(msg) <= maxMessage {
		return msg, false
	}
	end := maxMessage
	for end > 0 && !utf8.RuneStart(msg[end]) {
		end--
	}
	return msg[:end] + "… (cut from " + strconv.Itoa(len(msg)/1024+1) + " KB)", true
}
