// Package worksheet prepares rendered guides for paper. It reads the HTML that the Markdown
// step made, never the Markdown itself, so what is printed is exactly what is online:
//
//   - Questions lists the parent-facing question boxes ([!QUESTIONS]) of a guide, phase by
//     phase, and Pair sets two languages of them side by side for a bilingual handout;
//   - Chapter rewrites one guide's body for the toolkit, the page that holds every guide of a
//     language: IDs get the guide's prefix so they stay unique on the page, links to other
//     guides of the toolkit become in-page anchors, and headings move one level down under the
//     guide's own title (as mdBook does for its print page).
//
// It is pure: strings in, strings out.
package worksheet
