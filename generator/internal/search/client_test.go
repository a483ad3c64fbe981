package search

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestClientInStep checks that static/js/search.js uses the same constants and fold table
// as this package: the browser ranks with them.
func TestClientInStep(t *testing.T) {
	src, err := os.ReadFile("../../../static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(src)
	for name, v := range map[string]any{"PREFIX": factorPrefix, "TYPO": factorTypo, "MAXEXP": maxExpansions,
		"MINTYPO": minTypoLen, "WINDOW": phraseWindow, "MAXPREFIXSHARDS": maxPrefixShards} {
		if !strings.Contains(js, fmt.Sprintf("%s = %v", name, v)) {
			t.Errorf("search.js: %s is not %v", name, v)
		}
	}
	table := regexp.MustCompile(`var TABLE = \{([^}]*)\}`).FindStringSubmatch(js)
	if table == nil {
		t.Fatal("search.js has no TABLE")
	}
	class := regexp.MustCompile(`\.replace\(/\[([^\]]*)\]/g`).FindStringSubmatch(js)
	if class == nil {
		t.Fatal("search.js does not replace the TABLE letters")
	}
	for r, to := range foldTable {
		if !strings.Contains(table[1], fmt.Sprintf("%q: %q", string(r), to)) || !strings.ContainsRune(class[1], r) {
			t.Errorf("search.js TABLE lacks %q → %q", string(r), to)
		}
	}
}
