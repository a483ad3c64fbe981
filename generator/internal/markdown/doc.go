// Package markdown owns the one goldmark setup of the handbook and its extensions: boxes in
// GitHub alert syntax (node, AST transformer, renderer), heading IDs that keep every script,
// the table of contents, chroma highlighting with CSS classes, and the positions of links,
// raw HTML and box problems. It returns HTML and facts about a page; it does not read files or
// decide URLs (the caller rewrites link destinations between Parse and Render).
//
// One Renderer is shared by all pages and used in parallel: per-document state lives in the
// parser.Context of each Parse, never on the extension.
package markdown
