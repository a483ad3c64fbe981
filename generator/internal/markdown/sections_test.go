package markdown

import "testing"

func TestSectionsSplitAtHeadingsAsPlainText(t *testing.T) {
	d, _ := render(t, "Intro *text* with `code`.\n\n"+
		"## One\n\nFirst\nline.\n\n- a\n- b\n\n"+
		"### Sub `x`\n\nDeeper[^1] and &rarr; on.\n\n#### Deepest\n\nStill sub.\n\n"+
		"> [!QUOTE] parent, Menen\n> We were heard.\n\n"+
		"> [!STEPS] Before\n> 1. Plan.\n\n"+
		"[^1]: The note.\n")
	want := []Section{
		{Text: "Intro text with code."},
		{Anchor: "one", Heading: "One", Text: "First line. a b"},
		{Anchor: "sub-x", Heading: "Sub x", Text: "Deeper and → on. Deepest Still sub. We were heard. parent, Menen en:STEPS: Before Plan. The note."},
	}
	got := d.Sections()
	if len(got) != len(want) {
		t.Fatalf("got %d sections: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestSectionsWithoutIntroStartAtTheFirstHeading(t *testing.T) {
	d, _ := render(t, "## Only\n\nText.\n")
	if got := d.Sections(); len(got) != 1 || got[0].Anchor != "only" || got[0].Text != "Text." {
		t.Fatalf("got %+v", got)
	}
}
