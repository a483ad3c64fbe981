#!/usr/bin/env bash
# Times whole builds of the synthetic corpus: 1,000 and 10,000 pages (half English, half
# Dutch), several runs each, and prints wall time and peak memory of every run.
#
#   generator/bench/build.sh [runs]      (default 5 runs; run from the repository root)
#
# Two kinds of build per size:
#   rebuild  public/ and the spare output beside it exist, as on an editor's machine or in
#            serve: the build brings the spare up to date (unchanged files are left alone on
#            the word of the spare's manifest, or compared; not rewritten) and swaps it in;
#   clean    nothing exists yet, as on a fresh clone or a CI runner: every folder and file
#            is created. Each run writes into a folder of its own, and all are removed at
#            the end: on ext4 without a journal (this machine's disk) the kernel will not
#            reuse an inode for a minute after its file was deleted (five more while its
#            inode table block is unwritten), and every new file then searches past the
#            freed ones. A clean build just after deleting the last one's 20,000 files takes
#            two to five times the system time; a fresh clone has nothing of the sort.
# The corpora are written to a temporary folder on the same disk as $TMPDIR.
#
#   FRESH_FS=1 generator/bench/build.sh [runs]      (as root)
#
# writes them instead to a new ext4 file system without a journal, like this machine's disk,
# in an image file mounted for the run: a disk nothing has been deleted from, as on a new
# machine, so clean builds show the build's own cost rather than what was deleted on the
# disk in the minutes before (a test suite's temporary folders, a previous run's cleanup).
set -euo pipefail
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/generator" ./generator
place=$work
if [ "${FRESH_FS:-}" = 1 ]; then
	place=$work/fresh
	# Nothing is deleted until the end: room for the corpora, their outputs and every clean
	# run's (10,000 pages: 36,000 inodes and 290 MB a run). The image is sparse.
	truncate -s $((4 + runs))G "$work/fs.img"
	mkfs.ext4 -q -O ^has_journal -N $((150000 + 50000 * runs)) "$work/fs.img"
	mkdir "$place"
	mount -o loop "$work/fs.img" "$place"
	# Left from inside the mount (the loop runs in a site on it), umount would find it busy.
	trap 'cd /; umount "$place" || umount -l "$place"; rm -rf "$work"' EXIT
	echo "(on a fresh ext4 file system without a journal)"
fi
timed() { # label, then the command
	local label=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "$label: %e s wall, %U s user, %S s system, %M KB peak" "$@" 2>&1 >/dev/null | tail -1
	else
		local start
		start=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		echo "$label: $(echo "$(date +%s.%N) - $start" | bc) s wall"
	fi
}
for pages in 1000 10000; do
	site="$place/site-$pages"
	"$work/generator" corpus --pages "$pages" --out "$site" >/dev/null
	cd "$site"
	"$work/generator" build >/dev/null 2>&1
	"$work/generator" build >/dev/null 2>&1 # now public/ and its spare exist
	# A manifest trusts no file changed within two seconds of it (see build/manifest.go):
	# two more builds, later, leave both folders with manifests an editor's machine has.
	sleep 2
	"$work/generator" build >/dev/null 2>&1
	"$work/generator" build >/dev/null 2>&1
	echo "== $pages pages"
	for i in $(seq "$runs"); do
		timed "rebuild $i" "$work/generator" build
	done
	for i in $(seq "$runs"); do
		sync # the previous run's files on disk, not written back during this one
		sleep 1
		timed "clean $i" "$work/generator" build --out "$place/clean-$pages-$i"
	done
	cd - >/dev/null
done
