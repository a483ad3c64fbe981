#!/usr/bin/env bash
# Times whole builds of the synthetic corpus: 1,000 and 10,000 pages (half English, half
# Dutch), several runs each, and prints wall time and peak memory of every run.
#
#   generator/bench/build.sh [runs]      (default 5 runs; run from the repository root)
#
# The corpora are written to a temporary folder on the same disk as $TMPDIR. Each size is
# built once before timing, so every timed run replaces a previous output, as on a real site.
set -euo pipefail
runs=${1:-5}
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/generator" ./generator
for pages in 1000 10000; do
  site="$work/site-$pages"
  "$work/generator" corpus --pages "$pages" --out "$site" >/dev/null
  (cd "$site" && "$work/generator" build >/dev/null)
  echo "== $pages pages"
  for i in $(seq "$runs"); do
    if [ -x /usr/bin/time ]; then
      (cd "$site" && /usr/bin/time -f "run $i: %e s wall, %M KB peak" "$work/generator" build 2>&1 >/dev/null | tail -1)
    else
      start=$(date +%s.%N)
      (cd "$site" && "$work/generator" build >/dev/null)
      echo "run $i: $(echo "$(date +%s.%N) - $start" | bc) s wall"
    fi
  done
done
cd "$root"
