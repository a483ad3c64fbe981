package worksheet

import (
	"html/template"
	"strings"
	"testing"
)

const guide = `<h2 id="the-questions">The questions</h2>
<p>See <a href="#the-questions">above</a>, <a href="/en/guides/other/#first">the other guide</a>,
<a href="/en/cases/x/">a case</a> and <a href="https://example.org/">a site</a>.</p>
<div class="box box-questions"><p class="box-label">Questions<span class="box-sep">: </span><span class="box-title">Choosing a school</span></p>
<ol start="1"><li>Why did you choose <em>this</em> school?</li><li>How did you hear about it?</li></ol></div>
<div class="box box-steps"><p class="box-label">Steps</p><ol start="3"><li>Invite</li></ol></div>
<div class="box box-questions"><p class="box-label">Questions<span class="box-sep">: </span><span class="box-title">The first days</span></p>
<ol start="4"><li>Tell me about the first day.</li></ol></div>
<sup id="fnref:1"><a href="#fn:1" role="doc-noteref">1</a></sup>`

func TestQuestionsReadsPhasesInOrder(t *testing.T) {
	got := Questions(guide)
	if len(got) != 2 {
		t.Fatalf("%d phases, want 2: %+v", len(got), got)
	}
	if got[0].Title != "Choosing a school" || got[0].Start != 1 || len(got[0].Items) != 2 {
		t.Errorf("first phase: %+v", got[0])
	}
	if got[0].Items[0] != "Why did you choose <em>this</em> school?" {
		t.Errorf("question HTML: %q", got[0].Items[0])
	}
	if got[1].Title != "The first days" || got[1].Start != 4 {
		t.Errorf("second phase: %+v", got[1])
	}
}

func TestPairPadsTheShorterLanguage(t *testing.T) {
	left := []Phase{{Title: "A", Start: 1, Items: []template.HTML{"q1", "q2"}}, {Title: "B", Start: 3, Items: []template.HTML{"q3"}}}
	right := []Phase{{Title: "A'", Start: 1, Items: []template.HTML{"r1"}}}
	got := Pair(left, right)
	if len(got) != 2 || got[0].Right != "A'" || got[1].Right != "" {
		t.Fatalf("%+v", got)
	}
	if r := got[0].Rows[1]; r.Number != 2 || r.Left != "q2" || r.Right != "" {
		t.Errorf("row 2: %+v", r)
	}
	if r := got[1].Rows[0]; r.Number != 3 || r.Left != "q3" {
		t.Errorf("row 3: %+v", r)
	}
}

func TestChapterMakesIDsUniqueAndLinksInPage(t *testing.T) {
	chapters := Chapters{"/en/guides/this/": "this", "/en/guides/other/": "other"}
	got := string(Chapter(guide, "/en/guides/this/", chapters))
	for _, want := range []string{
		`<h3 id="this--the-questions">The questions</h3>`,
		`<a href="#this--the-questions">above</a>`,
		`<a href="#other--first">the other guide</a>`,
		`<a href="/en/cases/x/">a case</a>`,
		`<a href="https://example.org/">a site</a>`,
		`<sup id="this--fnref:1"><a href="#this--fn:1" role="doc-noteref">1</a></sup>`,
		`<em>this</em>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %s\n%s", want, got)
		}
	}
}
