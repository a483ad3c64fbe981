#!/usr/bin/env bash
# Compares the build at a base revision with the working tree, run in turn (base, new, base,
# new, …) on the same inputs, and prints each one's median and the median of the per-pair
# ratios new/base. Pairs keep the comparison honest on a shared machine whose speed drifts:
# a busy spell slows both builds of a pair alike.
#
#   generator/bench/compare.sh BASE_REV [pairs] [pages...]
#   generator/bench/compare.sh HEAD~3 15 handbook 1000
#   generator/bench/compare.sh main 5 10000
#
# "handbook" builds this repository's own content; a number builds the synthetic corpus of
# that many pages (written with the new binary). Each binary builds with the layouts, static
# files and UI strings of its own revision, so layout changes are compared too. Rebuilds: each
# binary rebuilds over its own previous output, as on an editor's machine. Run it from the
# repository root; needs git, Go and /usr/bin/time.
set -euo pipefail
base=${1:?usage: compare.sh BASE_REV [pairs] [pages...]}
pairs=${2:-9}
shift
[ $# -gt 0 ] && shift
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(handbook 1000)
root=$(pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git worktree add --detach "$work/base-src" "$base" >/dev/null 2>&1
(cd "$work/base-src" && go build -o "$work/base" ./generator)
go build -o "$work/new" ./generator

# run BIN SITE OUT: one build; prints "wall cpu peakKB"
run() {
	(cd "$2" && /usr/bin/time -f "%e %U %S %M" "$1" build --git-dates=false --out "$3" 2>&1 >/dev/null | tail -1) |
		awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}'
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

for size in "${sizes[@]}"; do
	# Each binary builds with the layouts, static files and UI strings of its own revision.
	if [ "$size" = handbook ]; then
		site=$root
		base_site=$work/base-src
	else
		site=$work/site-$size
		"$work/new" corpus --pages "$size" --out "$site" >/dev/null
		base_site=$work/site-base-$size
		mkdir "$base_site"
		cp -r "$site/content" "$base_site/"
		cp -r "$work/base-src/layouts" "$work/base-src/static" "$work/base-src/i18n" "$base_site/"
	fi
	# First builds of each, not counted: the rebuilds that follow find their previous output
	# and its spare, each with a manifest written more than two seconds after its files (a
	# manifest trusts no file changed within two seconds of it; see build/manifest.go).
	for warm in 1 2 sleep 3 4; do
		if [ "$warm" = sleep ]; then sleep 2; continue; fi
		run "$work/base" "$base_site" "$work/out-base-$size" >/dev/null
		run "$work/new" "$site" "$work/out-new-$size" >/dev/null
	done
	: >"$work/pairs"
	for i in $(seq "$pairs"); do
		read -r bw bc bm < <(run "$work/base" "$base_site" "$work/out-base-$size")
		read -r nw nc nm < <(run "$work/new" "$site" "$work/out-new-$size")
		echo "$bw $bc $bm $nw $nc $nm" >>"$work/pairs"
	done
	col() { awk -v c="$1" '{print $c}' "$work/pairs" | median; }
	ratio() { awk -v a="$1" -v b="$2" '{print $b / $a}' "$work/pairs" | median; }
	echo "== $size: $pairs pairs, medians (base $base → working tree)"
	printf 'wall   %6.3f s → %6.3f s   per-pair ratio %.3f\n' "$(col 1)" "$(col 4)" "$(ratio 1 4)"
	printf 'cpu    %6.3f s → %6.3f s   per-pair ratio %.3f\n' "$(col 2)" "$(col 5)" "$(ratio 2 5)"
	printf 'peak   %6.0f MiB → %6.0f MiB\n' "$(($(col 3 | cut -d. -f1) / 1024))" "$(($(col 6 | cut -d. -f1) / 1024))"
done
