#!/bin/sh
# Measures site search: the handbook's own index (generator/internal/search, static/js/search.js)
# against Pagefind 1.6.0, on the real handbook and on the 10,000-page synthetic corpus.
#
#   generator/bench/search.sh [WORKDIR]
#
# Needs Go, Chromium and npm (Pagefind is installed into WORKDIR, not into the repository).
# Prints build times, index sizes, bytes fetched by a reader's first query (gzip, as served),
# cold and warm query latency in headless Chromium, and a first query on slow 4G.
set -eu
cd "$(dirname "$0")/../.."
W=${1:-$(mktemp -d)}
mkdir -p "$W"
T="/usr/bin/time -f %e_s_wall_%U_s_user_%M_KB_peak"

go build -o "$W/gen" ./generator
go build -o "$W/searchbench" ./generator/bench/searchbench

size() { # raw bytes and gzip bytes of a folder
	printf '%s: %s files, %s KB raw, %s KB gzip (each file compressed)\n' "$1" \
		"$(find "$2" -type f | wc -l)" "$(($(du -sb "$2" | cut -f1) / 1024))" \
		"$(find "$2" -type f -exec gzip -c {} \; | wc -c | awk '{printf "%d", $1/1024}')"
}

# abtime DIR OUT: build times with and without the search index, three builds each. The
# builds without write elsewhere: each kind rebuilds over its own previous output.
abtime() {
	for i in 1 2 3; do
		(cd "$1" && HANDBOOK_SEARCH=off $T "$W/gen" build --out "$2-nosearch" 2>&1 | grep wall | sed 's/^/without search: /')
		(cd "$1" && $T "$W/gen" build --out "$2" 2>&1 | grep wall | sed 's/^/with search:    /')
	done
}

echo "== handbook: build (the search index is written before the pages render)"
$T "$W/gen" build -v --out "$W/handbook"
abtime . "$W/handbook"
echo "== handbook: search index alone, in memory"
go test ./generator/internal/build -run '^$' -bench SearchIndex -benchtime 5x | grep Benchmark
size "handbook index" "$W/handbook/search"

echo "== corpus: 10,000 pages"
rm -rf "$W/corpus" "$W/corpus-public"
"$W/gen" corpus --pages 10000 --out "$W/corpus"
(cd "$W/corpus" && $T "$W/gen" build -v --out "$W/corpus-public")
abtime "$W/corpus" "$W/corpus-public"
HANDBOOK_BENCH_SITE="$W/corpus" go test ./generator/internal/build -run '^$' -bench SearchIndex -benchtime 1x | grep Benchmark
size "corpus index" "$W/corpus-public/search"

echo "== Pagefind 1.6.0"
[ -x "$W/pf/node_modules/.bin/pagefind" ] || (mkdir -p "$W/pf" && cd "$W/pf" && npm install --no-audit --no-fund pagefind@1.6.0 >/dev/null)
for s in handbook corpus-public; do
	rm -rf "$W/pf-$s" && cp -r "$W/$s" "$W/pf-$s" && rm -rf "$W/pf-$s/search"
	$T "$W/pf/node_modules/.bin/pagefind" --site "$W/pf-$s" | grep -E 'Indexed [0-9]+ (pages|words)'
	size "pagefind index ($s)" "$W/pf-$s/pagefind"
done

echo "== in Chromium"
"$W/searchbench" --site "$W/handbook"
"$W/searchbench" --site "$W/pf-handbook" --engine pagefind
"$W/searchbench" --site "$W/corpus-public"
"$W/searchbench" --site "$W/pf-corpus-public" --engine pagefind
