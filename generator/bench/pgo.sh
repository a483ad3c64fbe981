#!/usr/bin/env bash
# Writes generator/default.pgo: a CPU profile of typical builds, which the Go toolchain uses
# to optimise the generator (profile-guided optimisation: `go build` and `go run` of a main
# package pick up its default.pgo by themselves; see https://go.dev/doc/pgo).
#
#   generator/bench/pgo.sh      (run from the repository root)
#
# The profile covers six rebuilds each of this handbook and of the 1,000-page synthetic
# corpus. Rerun it after large changes to the pipeline, then measure with compare.sh: a
# stale profile does no harm to correctness, only to speed.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -pgo=off -o "$work/generator" ./generator
"$work/generator" corpus --pages 1000 --out "$work/corpus" >/dev/null
root=$(pwd)
for site in "$root" "$work/corpus"; do
	name=$(basename "$site")
	cd "$site"
	for i in 1 2; do # output and spare, as on an editor's machine
		"$work/generator" build --git-dates=false --out "$work/out-$name" >/dev/null
	done
	for i in 1 2 3 4 5 6; do
		"$work/generator" build --git-dates=false --out "$work/out-$name" --cpuprofile "$work/$name-$i.prof" >/dev/null
	done
done
cd "$root"
go tool pprof -proto "$work"/*.prof >generator/default.pgo 2>/dev/null
echo "wrote generator/default.pgo ($(wc -c <generator/default.pgo) bytes)"
