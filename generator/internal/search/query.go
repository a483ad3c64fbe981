package search

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Ranking constants, the same in static/js/search.js.
const (
	factorPrefix    = 0.8 // a word the last query word is the beginning of
	factorTypo      = 0.7 // a word one edit away
	maxExpansions   = 20  // prefix and typo candidates per word, most frequent first
	minTypoLen      = 5   // typo tolerance from this many letters on
	maxPrefixShards = 6   // a prefix spread over more shards than this is not expanded
	phraseWindow    = 10  // phrase matches are checked on this many top results (one page of results)
)

// Result is one page found.
type Result struct {
	Page    int
	Score   float64
	Matched int    // how many of the query's words (or synonym groups) the page has
	Phrase  int    // the words occur next to each other, in order: 2 in the title, 1 elsewhere
	Anchor  string // the heading of the section that matches best ("" for the top)
}

// choice is one stem a query word can stand for, with how much a match counts.
type choice struct {
	stem   string
	factor float64
}

// concept is one query word, or a run of words that matched a synonym group: any one of its
// alternatives must match, and an alternative is a sequence of slots that must all match.
type concept [][][]choice

// Search ranks the pages for a query. prefix treats the last word as unfinished.
func (idx *Index) Search(q string, prefix bool) []Result {
	concepts := idx.parse(q, prefix)
	if len(concepts) == 0 {
		return nil
	}
	weights := map[string]map[int]int{}
	for _, c := range concepts {
		for _, alt := range c {
			for _, slot := range alt {
				for _, ch := range slot {
					if weights[ch.stem] == nil {
						weights[ch.stem] = map[int]int{}
						for _, p := range idx.postings[ch.stem] {
							weights[ch.stem][p.page] = p.weight
						}
					}
				}
			}
		}
	}
	byPage := map[int]*Result{}
	for _, c := range concepts {
		for page, s := range idx.conceptScores(c, weights) {
			r := byPage[page]
			if r == nil {
				r = &Result{Page: page}
				byPage[page] = r
			}
			r.Score += s
			r.Matched++
		}
	}
	results := make([]Result, 0, len(byPage))
	for _, r := range byPage {
		results = append(results, *r)
	}
	sortResults(results)
	sets := idx.highlightSets(concepts)
	for i := range results {
		if i < phraseWindow {
			if len(concepts) > 1 {
				results[i].Phrase = phraseLevel(idx.Pages[results[i].Page], sets)
			}
		}
		results[i].Anchor = bestSection(idx.Pages[results[i].Page], sets)
	}
	sortResults(results)
	return results
}

func sortResults(rs []Result) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Matched != b.Matched {
			return a.Matched > b.Matched
		}
		if a.Phrase != b.Phrase {
			return a.Phrase > b.Phrase
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Page < b.Page
	})
}

// conceptScores scores every page that has one of the concept's alternatives. The
// alternatives of a synonym group count as one word: each stem's weight is scaled from its
// own rarity to the rarity of the whole group, so that a word that is rare in this language
// (an English synonym on a Dutch page) does not outweigh the words people use.
func (idx *Index) conceptScores(c concept, weights map[string]map[int]int) map[int]float64 {
	scale := func(string) float64 { return 1 }
	if len(c) > 1 {
		union := map[int]bool{}
		for _, alt := range c {
			for page := range altScores(alt, weights, scale) {
				union[page] = true
			}
		}
		group := idf(len(idx.Pages), len(union))
		scale = func(stem string) float64 { return min(1, group/idf(len(idx.Pages), len(weights[stem]))) }
	}
	out := map[int]float64{}
	for _, alt := range c {
		for page, v := range altScores(alt, weights, scale) {
			out[page] = max(out[page], v)
		}
	}
	return out
}

// altScores scores the pages that have every slot of an alternative.
func altScores(alt [][]choice, weights map[string]map[int]int, scale func(string) float64) map[int]float64 {
	var sum map[int]float64
	for k, slot := range alt {
		s := map[int]float64{}
		for _, ch := range slot {
			f := ch.factor * scale(ch.stem)
			for page, w := range weights[ch.stem] {
				s[page] = max(s[page], f*float64(w))
			}
		}
		if k == 0 {
			sum = s
			continue
		}
		for page := range sum {
			if s[page] == 0 {
				delete(sum, page)
			} else {
				sum[page] += s[page]
			}
		}
	}
	return sum
}

// idf is BM25's inverse document frequency.
func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// parse turns a query into concepts: words with their stems, prefix and typo candidates,
// then runs of words that match a synonym group.
func (idx *Index) parse(q string, prefix bool) []concept {
	toks := Tokenize(q)
	var words, stems []string
	var out []concept
	for i, t := range toks {
		w := Fold(t.Text)
		var slot []choice
		s, ok := idx.words[w]
		if ok {
			slot = append(slot, choice{s, 1})
		} else {
			s = w
		}
		last := prefix && i == len(toks)-1 && !strings.HasSuffix(q, " ")
		shardWords := idx.shardWords(w, last)
		if last {
			slot = idx.expand(slot, shardWords, func(x string) bool { return x != w && strings.HasPrefix(x, w) }, factorPrefix)
		}
		if !ok && utf8.RuneCountInString(w) >= minTypoLen {
			slot = idx.expand(slot, shardWords, func(x string) bool { return oneEdit(w, x) }, factorTypo)
		}
		words, stems = append(words, w), append(stems, s)
		out = append(out, concept{{slot}})
	}
	return idx.applySynonyms(out, stems)
}

// expand adds the words that pass keep, the most frequent first. Typo and prefix
// candidates come from the shards the browser has loaded for the word.
func (idx *Index) expand(slot []choice, words []string, keep func(string) bool, factor float64) []choice {
	var cands []string
	for _, x := range words {
		if keep(x) {
			cands = append(cands, x)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		return len(idx.postings[idx.words[cands[i]]]) > len(idx.postings[idx.words[cands[j]]])
	})
	seen := map[string]bool{}
	for _, c := range slot {
		seen[c.stem] = true
	}
	for _, x := range cands {
		if len(seen) >= maxExpansions {
			break
		}
		if s := idx.words[x]; !seen[s] {
			seen[s] = true
			slot = append(slot, choice{s, factor})
		}
	}
	return slot
}

// shardWords lists the words of the shards a browser loads for w: the shard of w and, for
// a word being typed, the shards whose key starts with w (unless there are too many).
func (idx *Index) shardWords(w string, typing bool) []string {
	use := []int{shardOf(idx.shardList, w)}
	if typing {
		var below []int
		for i, sh := range idx.shardList {
			if len(sh.key) > len(w) && strings.HasPrefix(sh.key, w) {
				below = append(below, i)
			}
		}
		if len(below) <= maxPrefixShards {
			use = append(use, below...)
		}
	}
	var out []string
	for _, i := range use {
		if i < 0 {
			continue
		}
		for _, k := range idx.shardList[i].items {
			if _, ok := idx.words[k]; ok {
				out = append(out, k)
			}
		}
	}
	return out
}

// applySynonyms replaces a run of words that is one phrase of a synonym group by a concept
// with every phrase of the group; longer runs first.
func (idx *Index) applySynonyms(cs []concept, stems []string) []concept {
	for i := 0; i < len(stems); i++ {
		bestLen, bestGroup := 0, -1
		for g, group := range idx.synonyms {
			for _, alt := range group {
				if len(alt) > bestLen && i+len(alt) <= len(stems) && equal(stems[i:i+len(alt)], alt) {
					bestLen, bestGroup = len(alt), g
				}
			}
		}
		if bestGroup < 0 {
			continue
		}
		var c concept
		for _, alt := range idx.synonyms[bestGroup] {
			var slots [][]choice
			for _, s := range alt {
				slots = append(slots, []choice{{s, 1}})
			}
			c = append(c, slots)
		}
		if bestLen == 1 { // keep the word's own prefix and typo candidates
			c = append(c, cs[i][0])
		}
		cs = append(cs[:i:i], append([]concept{c}, cs[i+bestLen:]...)...)
		stems = append(stems[:i:i], append([]string{""}, stems[i+bestLen:]...)...)
	}
	return cs
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
