package search

import (
	"sort"
	"unicode/utf8"
)

// shardLimit is the largest shard, in bytes of JSON before compression, that is split
// further by one more letter of prefix.
const shardLimit = 16 << 10

// shard is one file of words and stems that share a prefix (its key). A word or stem is in
// the shard whose key is its longest prefix among all keys.
type shard struct {
	key   string
	items []string
}

// shards cuts the keys (words and stems) into shards of at most shardLimit where possible.
func (idx *Index) shards() []shard {
	set := map[string]bool{}
	for w, s := range idx.words {
		set[w], set[s] = true, true
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []shard
	idx.cut(keys, "", &out)
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

func (idx *Index) cut(keys []string, prefix string, out *[]shard) {
	n := utf8.RuneCountInString(prefix)
	size := 0
	for _, k := range keys {
		size += idx.cost(k)
	}
	if size <= shardLimit {
		*out = append(*out, shard{prefix, keys})
		return
	}
	var stay []string
	groups := map[string][]string{}
	var order []string
	for _, k := range keys {
		if utf8.RuneCountInString(k) <= n {
			stay = append(stay, k)
			continue
		}
		p := prefixRunes(k, n+1)
		if groups[p] == nil {
			order = append(order, p)
		}
		groups[p] = append(groups[p], k)
	}
	if len(stay) > 0 {
		*out = append(*out, shard{prefix, stay})
	}
	for _, p := range order {
		idx.cut(groups[p], p, out)
	}
}

// cost estimates a key's bytes in its shard's JSON.
func (idx *Index) cost(k string) int {
	c := 0
	if s, ok := idx.words[k]; ok {
		c += len(k) + 6
		if s != k {
			c += len(s)
		}
	}
	if ps, ok := idx.postings[k]; ok {
		c += len(k) + 6 + 6*len(ps)
		for _, v := range idx.variants[k] {
			c += len(v) + 3
		}
	}
	return c
}

func prefixRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// shardOf returns the index of the shard whose key is the longest prefix of k.
func shardOf(shards []shard, k string) int {
	best, bestLen := -1, -1
	for i, s := range shards {
		if len(s.key) > bestLen && len(k) >= len(s.key) && k[:len(s.key)] == s.key {
			best, bestLen = i, len(s.key)
		}
	}
	return best
}
