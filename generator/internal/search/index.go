package search

import (
	"math"
	"sort"
)

// Page is the searchable text of one page, taken from the page model.
type Page struct {
	URL       string
	Title     string
	Type      string // content type key: guide, case, …; used by the type filter
	TypeLabel string // shown with the result
	Summary   string
	Themes    []string // keys, for the theme filter
	Audience  []string // keys, for the audience filter
	Labels    string   // names shown on the page (type, themes, audience): weakly weighted words
	Sections  []Section
}

// Section is the part of a page under one heading; the first has no anchor (the intro).
type Section struct {
	Anchor  string
	Heading string
	Text    string
}

// Field boosts of the BM25F weight.
const (
	boostTitle   = 8
	boostHeading = 3
	boostSummary = 2
	boostBody    = 1
	bm25K1       = 1.2
	bm25B        = 0.75
)

// Index is the search index of one language.
type Index struct {
	Lang      string
	Pages     []Page
	words     map[string]string    // folded word → stem
	postings  map[string][]posting // stem → pages, by page number
	variants  map[string][]string  // stem → the words that have it, sorted
	synonyms  [][][]string         // groups → alternatives → stems
	shardList []shard
}

type posting struct{ page, weight int }

// Options configure Build.
type Options struct {
	Lang     string
	Synonyms [][]string // groups of words or phrases that mean the same (from the glossary)
}

// Build indexes the pages of one language; a page's number is its position in pages.
func Build(pages []Page, opts Options) *Index {
	a := NewAnalyzer(opts.Lang)
	idx := &Index{Lang: opts.Lang, Pages: pages, words: map[string]string{}, postings: map[string][]posting{}, variants: map[string][]string{}}
	// Stems are numbered as they are met; a page's term frequencies add up in one dense
	// array, reused from page to page, instead of a map per page.
	type tf struct {
		stem int32
		f    float64
	}
	var (
		stems  []string             // number → stem
		idOf   = map[string]int32{} // stem → number
		stemOf = map[string]int32{} // a word as written → its stem's number
		acc    []float64
		seen   []int32 // stems of the current page, in order met
		tfs    = make([][]tf, len(pages))
		lens   = make([]float64, len(pages))
		total  float64
	)
	for i, p := range pages {
		add := func(text string, boost float64) {
			eachWord(text, func(word string, _ int) {
				id, ok := stemOf[word]
				if !ok {
					w, stem := a.Term(word)
					if prev, seen := idx.words[w]; seen {
						stem = prev // one stem per folded word: the first one
					} else {
						idx.words[w] = stem
					}
					if id, ok = idOf[stem]; !ok {
						id = int32(len(stems))
						idOf[stem] = id
						stems = append(stems, stem)
						acc = append(acc, 0)
					}
					stemOf[word] = id
				}
				if acc[id] == 0 {
					seen = append(seen, id)
				}
				acc[id] += boost
				lens[i] += boost
			})
		}
		add(p.Title, boostTitle)
		add(p.Summary, boostSummary)
		add(p.Labels, boostBody)
		for _, s := range p.Sections {
			add(s.Heading, boostHeading)
			add(s.Text, boostBody)
		}
		page := make([]tf, len(seen))
		for j, id := range seen {
			page[j] = tf{id, acc[id]}
			acc[id] = 0
		}
		tfs[i], seen = page, seen[:0]
		total += lens[i]
	}
	avg := total / math.Max(1, float64(len(pages)))
	df := make([]int, len(stems))
	for _, page := range tfs {
		for _, t := range page {
			df[t.stem]++
		}
	}
	byStem := make([][]posting, len(stems))
	for i, page := range tfs {
		norm := bm25K1 * (1 - bm25B + bm25B*lens[i]/math.Max(avg, 1))
		for _, t := range page {
			w := int(math.Round(10 * idf(len(pages), df[t.stem]) * t.f * (bm25K1 + 1) / (t.f + norm)))
			byStem[t.stem] = append(byStem[t.stem], posting{i, max(w, 1)})
		}
	}
	for id, ps := range byStem {
		idx.postings[stems[id]] = ps
	}
	for w, s := range idx.words {
		if w != s {
			idx.variants[s] = append(idx.variants[s], w)
		}
	}
	for _, v := range idx.variants {
		sort.Strings(v)
	}
	idx.synonyms = analyzeSynonyms(a, opts.Synonyms)
	// Words of the glossary are known even where no page uses them, so that a search for
	// one finds its synonyms.
	for _, g := range opts.Synonyms {
		for _, phrase := range g {
			for _, t := range Tokenize(phrase) {
				if w, s := a.Term(t.Text); idx.words[w] == "" {
					idx.words[w] = s
				}
			}
		}
	}
	idx.shardList = idx.shards()
	return idx
}

// analyzeSynonyms turns each phrase of each group into its stems.
func analyzeSynonyms(a Analyzer, groups [][]string) [][][]string {
	out := [][][]string{}
	for _, g := range groups {
		var alts [][]string
		seen := map[string]bool{}
		for _, phrase := range g {
			var stems []string
			for _, t := range Tokenize(phrase) {
				_, s := a.Term(t.Text)
				stems = append(stems, s)
			}
			key := join(stems)
			if len(stems) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			alts = append(alts, stems)
		}
		if len(alts) > 1 {
			out = append(out, alts)
		}
	}
	return out
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
