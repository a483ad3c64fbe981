package pdf

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/educare-handbook/handbook/generator/internal/build"
	"github.com/educare-handbook/handbook/generator/internal/site"
)

// Options are the inputs of the pdf command.
type Options struct {
	Build    build.Options // the site to build; Build.Out receives the site with its PDFs
	Langs    []string      // the languages to print; empty: all
	Chromium string        // the browser; empty: FindChromium
	Log      io.Writer     // one line per PDF; nil for silence
}

// Result says what was printed.
type Result struct {
	PDFs  []string // output paths, "downloads/nl/toolkit.pdf"
	Build *build.Result
}

// Run prints the guides and toolkits of the chosen languages and builds the site with them.
// PDFs of other languages already in the output folder are kept.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if opts.Chromium == "" {
		p, err := FindChromium()
		if err != nil {
			return nil, err
		}
		opts.Chromium = p
	}
	tmp, err := os.MkdirTemp("", "handbook-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	first := opts.Build
	first.Out = filepath.Join(tmp, "site")
	first.Log = nil
	model, res, err := build.BuildModel(first)
	if err != nil {
		return &Result{Build: res}, err
	}
	pages := Printable(model.Site(), opts.Langs)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(first.Out))}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	bctx, stop, err := Start(ctx, opts.Chromium)
	if err != nil {
		return nil, err
	}
	defer stop()

	// The toolkits first: their contents get the page each guide starts on, which only a
	// print can tell. Numbers in the contents do not move the chapters, so one round is enough.
	if first.TOCPages, err = tocPages(bctx, base, pages); err != nil {
		return nil, err
	}
	if len(first.TOCPages) > 0 {
		if _, res, err := build.BuildModel(first); err != nil {
			return &Result{Build: res}, err
		}
	}

	pdfs := keptPDFs(opts.Build.Out, opts.Build.Root, opts.Langs)
	out := &Result{}
	for _, p := range pages {
		data, err := Print(bctx, base+p.URL)
		if err != nil {
			return out, err
		}
		name := build.PDFPath(p)
		pdfs[name] = data
		out.PDFs = append(out.PDFs, name)
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "  %s (%d kB)\n", name, (len(data)+1023)/1024)
		}
	}
	final := opts.Build
	final.PDFs = pdfs
	final.TOCPages = first.TOCPages
	out.Build, err = build.Build(final)
	return out, err
}

// tocPages prints the toolkits among pages and reads where each chapter starts.
func tocPages(ctx context.Context, base string, pages []*site.Page) (map[string]int, error) {
	out := map[string]int{}
	for _, p := range pages {
		if p.Kind != site.KindToolkit {
			continue
		}
		data, err := Print(ctx, base+p.URL)
		if err != nil {
			return nil, err
		}
		for id, n := range DestPages(data) {
			out[p.URL+"#"+id] = n
		}
	}
	return out, nil
}

// Printable lists the pages that get a PDF: each language's guides, its toolkit and its
// bilingual handouts.
func Printable(s *site.Site, langs []string) []*site.Page {
	var out []*site.Page
	for _, p := range s.Pages {
		if len(langs) > 0 && !slices.Contains(langs, p.Lang.Code) {
			continue
		}
		if (p.Kind == site.KindPage && p.Type == "guide") || p.Kind == site.KindToolkit || p.Kind == site.KindHandout {
			out = append(out, p)
		}
	}
	return out
}

// keptPDFs reads the PDFs of the languages that are not printed this time from the current
// output, so printing one language does not drop the others. A PDF that static/ of the site
// at root holds is not one of them: the build copies it anyway.
func keptPDFs(out, root string, printed []string) map[string][]byte {
	kept := map[string][]byte{}
	if len(printed) == 0 {
		return kept
	}
	_ = filepath.WalkDir(filepath.Join(out, "downloads"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".pdf") {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		lang := strings.SplitN(strings.TrimPrefix(rel, "downloads/"), "/", 2)[0]
		if slices.Contains(printed, lang) {
			return nil
		}
		if _, err := os.Stat(filepath.Join(root, "static", filepath.FromSlash(rel))); err == nil {
			return nil
		}
		if data, err := os.ReadFile(p); err == nil {
			kept[rel] = data
		}
		return nil
	})
	return kept
}
