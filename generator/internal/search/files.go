package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/educare-handbook/handbook/generator/internal/work"
)

// maxSectionText caps the text kept for snippets and phrase checks per section.
const maxSectionText = 6000

// Files returns the index as files, by path relative to the language's index folder. The
// shards and the page files are encoded on all cores: once the other languages are done, the
// largest one is all that is left, and it would otherwise run on one core alone.
func (idx *Index) Files() map[string][]byte {
	files := map[string][]byte{}
	put := func(name string, v any) string {
		data, _ := json.Marshal(v)
		key, file := idx.file(name, data)
		files[key+".js"] = file
		return key
	}

	// Each doc is written once, wrapped, with a stand-in for its folder's name: that name
	// is a hash of every doc, known only at the end, and has a fixed length.
	const dirStandIn = "d________"
	shards := make([][]byte, len(idx.shardList))
	shardKeys := make([]string, len(idx.shardList))
	docs := make([][]byte, len(idx.Pages))
	at := make([]int, len(idx.Pages))      // where the stand-in is in each file
	body := make([][2]int, len(idx.Pages)) // where its JSON is
	var buffers sync.Pool                  // each doc is encoded into one, then copied to size
	work.Each(len(shards)+len(docs), func(i int) {
		if i < len(shards) {
			data, _ := json.Marshal(idx.shardData(idx.shardList[i]))
			shardKeys[i], shards[i] = idx.file("t/"+strconv.Itoa(i), data)
			return
		}
		i -= len(shards)
		buf, _ := buffers.Get().(*bytes.Buffer)
		if buf == nil {
			buf = &bytes.Buffer{}
		}
		defer buffers.Put(buf)
		buf.Reset()
		k, _ := json.Marshal(idx.Lang + "/" + dirStandIn + "/" + strconv.Itoa(i))
		buf.WriteString("hbsearch(")
		at[i] = buf.Len() + len(idx.Lang) + 2 // after the quote and "<lang>/"
		buf.Write(k)
		buf.WriteByte(',')
		start := buf.Len()
		json.NewEncoder(buf).Encode(docJSON(idx.Pages[i]))
		buf.Truncate(buf.Len() - 1) // Encode ends with a line break; Marshal does not
		body[i] = [2]int{start, buf.Len()}
		buf.WriteString(");\n")
		docs[i] = bytes.Clone(buf.Bytes())
	})

	var shardNames []string
	for i, sh := range idx.shardList {
		files[shardKeys[i]+".js"] = shards[i]
		shardNames = append(shardNames, sh.key, shardKeys[i])
	}
	h := sha256.New()
	for i, data := range docs {
		h.Write(data[body[i][0]:body[i][1]])
	}
	dir := "d" + hex.EncodeToString(h.Sum(nil))[:8]
	for i, data := range docs {
		copy(data[at[i]:], dir)
		files[dir+"/"+strconv.Itoa(i)+".js"] = data
	}

	filters := put("f", idx.filters())
	put("index", map[string]any{"lang": idx.Lang, "n": len(idx.Pages), "s": shardNames, "d": dir, "f": filters, "syn": idx.synonyms})
	return files
}

// shardData is what a shard holds: its words with their stems (empty where the word is its
// own stem), postings and variants.
func (idx *Index) shardData(sh shard) map[string]any {
	w := map[string]string{}
	p := map[string][]int{}
	v := map[string][]string{}
	for _, k := range sh.items {
		if s, ok := idx.words[k]; ok {
			if s == k {
				s = ""
			}
			w[k] = s
		}
		if ps, ok := idx.postings[k]; ok {
			p[k] = flatten(ps)
			if vs := idx.variants[k]; len(vs) > 0 {
				v[k] = vs
			}
		}
	}
	return map[string]any{"w": w, "p": p, "v": v}
}

// file is the file called name that holds data: its key (the name and a hash of the data,
// except for the entry, index.js, whose name is fixed) and its bytes.
func (idx *Index) file(name string, data []byte) (key string, file []byte) {
	key = name
	if name != "index" {
		key = name + "." + hash(data)
	}
	return key, wrap(idx.Lang+"/"+key, data)
}

// wrap makes a file that registers its data: hbsearch("en/t/3.1a2b3c4d",{…});
func wrap(key string, data []byte) []byte {
	k, _ := json.Marshal(key)
	out := make([]byte, 0, len(data)+len(k)+16)
	out = append(out, "hbsearch("...)
	out = append(out, k...)
	out = append(out, ',')
	out = append(out, data...)
	return append(out, ");\n"...)
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])[:8]
}

// flatten writes postings as [page, weight, page gap, weight, …].
func flatten(ps []posting) []int {
	out := make([]int, 0, 2*len(ps))
	last := 0
	for _, p := range ps {
		out = append(out, p.page-last, p.weight)
		last = p.page
	}
	return out
}

// doc is what a result shows of a page: its address, title, type, summary and sections
// (anchor, heading, text) for the snippet.
type doc struct {
	Sections [][3]string `json:"h"`
	Summary  string      `json:"s"`
	Title    string      `json:"t"`
	URL      string      `json:"u"`
	Type     string      `json:"y"`
}

func docJSON(p Page) doc {
	secs := make([][3]string, 0, len(p.Sections))
	for _, s := range p.Sections {
		secs = append(secs, [3]string{s.Anchor, s.Heading, truncate(s.Text, maxSectionText)})
	}
	if len(secs) == 0 {
		secs = nil
	}
	return doc{URL: p.URL, Title: p.Title, Type: p.TypeLabel, Summary: p.Summary, Sections: secs}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// filters lists page numbers (as gaps) per type, theme and audience.
func (idx *Index) filters() map[string]map[string][]int {
	out := map[string]map[string][]int{"type": {}, "theme": {}, "audience": {}}
	last := map[string]int{}
	add := func(f, key string, page int) {
		id := f + "/" + key
		out[f][key] = append(out[f][key], page-last[id])
		last[id] = page
	}
	for i, p := range idx.Pages {
		add("type", p.Type, i)
		for _, t := range p.Themes {
			add("theme", t, i)
		}
		for _, a := range p.Audience {
			add("audience", a, i)
		}
	}
	return out
}
