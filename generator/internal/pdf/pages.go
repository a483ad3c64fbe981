package pdf

import (
	"bytes"
	"regexp"
	"strconv"
)

// Page numbers for the toolkit's table of contents. CSS cannot ask for the page an element
// lands on in Chromium (no target-counter()), so the command prints the toolkit once and reads
// the answer from the PDF: Chromium writes a named destination for every element ID it links
// to (the /Dests dictionary of the catalog: /g3 [247 0 R /XYZ …]), and the page tree says
// which page object is which page. The objects it needs are plain text in Chromium's PDFs;
// when they are not, DestPages finds nothing and the contents show section numbers only.

var (
	objPattern   = regexp.MustCompile(`(?m)^(\d+) 0 obj\s*`)
	refPattern   = regexp.MustCompile(`(\d+) 0 R`)
	catalogPages = regexp.MustCompile(`/Pages (\d+) 0 R`)
	catalogDests = regexp.MustCompile(`/Dests (\d+) 0 R`)
	kidsPattern  = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	destPattern  = regexp.MustCompile(`/([A-Za-z0-9_.:-]+) \[(\d+) 0 R`)
)

// DestPages returns the page number (from 1) of each named destination of a PDF made by
// Chromium, that is, of each element ID that a link on the page points to.
func DestPages(pdf []byte) map[string]int {
	objs := objects(pdf)
	var catalog []byte
	for _, o := range objs {
		if bytes.Contains(o, []byte("/Type /Catalog")) {
			catalog = o
			break
		}
	}
	pm, dm := catalogPages.FindSubmatch(catalog), catalogDests.FindSubmatch(catalog)
	if pm == nil || dm == nil {
		return nil
	}
	pageOf := map[string]int{}
	var walk func(ref string, depth int)
	walk = func(ref string, depth int) {
		o := objs[ref]
		if depth > 32 || o == nil {
			return
		}
		if kids := kidsPattern.FindSubmatch(o); kids != nil {
			for _, k := range refPattern.FindAllSubmatch(kids[1], -1) {
				walk(string(k[1]), depth+1)
			}
			return
		}
		pageOf[ref] = len(pageOf) + 1
	}
	walk(string(pm[1]), 0)
	out := map[string]int{}
	for _, m := range destPattern.FindAllSubmatch(objs[string(dm[1])], -1) {
		if n, ok := pageOf[string(m[2])]; ok {
			out[string(m[1])] = n
		}
	}
	return out
}

// objects maps object numbers to their text up to "endobj" or "stream" (the dictionary).
func objects(pdf []byte) map[string][]byte {
	out := map[string][]byte{}
	locs := objPattern.FindAllSubmatchIndex(pdf, -1)
	for i, l := range locs {
		end := len(pdf)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := pdf[l[1]:end]
		if j := bytes.Index(body, []byte("stream")); j >= 0 {
			body = body[:j]
		}
		out[strconv.Itoa(atoi(pdf[l[2]:l[3]]))] = body
	}
	return out
}

func atoi(b []byte) int {
	n, _ := strconv.Atoi(string(b))
	return n
}
