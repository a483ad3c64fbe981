package search

// highlightSets lists, per concept, the words that count as that concept in a text: the
// words of every stem it may stand for.
func (idx *Index) highlightSets(cs []concept) []map[string]bool {
	out := make([]map[string]bool, len(cs))
	for i, c := range cs {
		set := map[string]bool{}
		for _, alt := range c {
			for _, slot := range alt {
				for _, ch := range slot {
					if idx.words[ch.stem] == ch.stem {
						set[ch.stem] = true
					}
					for _, v := range idx.variants[ch.stem] {
						set[v] = true
					}
				}
			}
		}
		out[i] = set
	}
	return out
}

// phraseLevel tells where the concepts occur as consecutive words: 2 in the title, 1
// elsewhere in the page, 0 nowhere.
func phraseLevel(p Page, sets []map[string]bool) int {
	if hasPhrase(p.Title, sets) {
		return 2
	}
	for _, s := range p.Sections {
		if hasPhrase(s.Heading, sets) || hasPhrase(s.Text, sets) {
			return 1
		}
	}
	if hasPhrase(p.Summary, sets) {
		return 1
	}
	return 0
}

func hasPhrase(text string, sets []map[string]bool) bool {
	toks := Tokenize(text)
next:
	for i := 0; i+len(sets) <= len(toks); i++ {
		for k, set := range sets {
			if !set[Fold(toks[i+k].Text)] {
				continue next
			}
		}
		return true
	}
	return false
}

// bestSection picks the section with the most query words (a heading counts double); a
// section must beat the title, or the link goes to the top of the page.
func bestSection(p Page, sets []map[string]bool) string {
	best, bestScore := "", 0
	title := foldedSet(p.Title)
	for _, set := range sets {
		if intersects(title, set) {
			bestScore += 2
		}
	}
	for _, s := range p.Sections {
		head, body := foldedSet(s.Heading), foldedSet(s.Text)
		score := 0
		for _, set := range sets {
			switch {
			case intersects(head, set):
				score += 2
			case intersects(body, set):
				score++
			}
		}
		if score > bestScore {
			best, bestScore = s.Anchor, score
		}
	}
	return best
}

func foldedSet(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range Tokenize(text) {
		out[Fold(t.Text)] = true
	}
	return out
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// oneEdit reports whether a and b differ by exactly one inserted, deleted, replaced or
// swapped (adjacent) letter.
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		if i == len(x) {
			return false
		}
		if string(x[i+1:]) == string(y[i+1:]) {
			return true
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
	}
	return string(x[i:]) == string(y[i+1:])
}
