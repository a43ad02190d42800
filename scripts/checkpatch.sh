#!/bin/bash
# checkpatch.pl --strict on every series patch (not cover letters).  An
# ERROR fails; a WARNING or CHECK fails unless tests/checkpatch-exceptions.txt
# accepts its type for that patch with a reason.  Prints one line per patch
# "checkpatch: PASS|FAIL <patch>" and exits 1 if any failed.
set -uo pipefail
. "$(dirname "$0")/config.sh"
# spdxcheck.py wants Debian's python3 (python3-ply, python3-git), not
# whatever python3 comes first in PATH.
export PATH=/usr/bin:/bin:$PATH
exc=$TOP/tests/checkpatch-exceptions.txt
fail=0
while read -r dir _; do
	[ -n "$dir" ] || continue
	case $dir in \#*) continue ;; esac
	for p in "$TOP/patches/$dir/"[0-9][0-9][0-9][0-9]-*.patch; do
		[ -e "$p" ] || continue
		name=$dir/$(basename "$p")
		[ "${name##*/}" != 0000-cover-letter.patch ] || continue
		bad=0
		out=$(cd "$TREE" && ./scripts/checkpatch.pl --strict --show-types --terse --no-summary "$p" 2>&1)
		while IFS= read -r line; do
			[ -n "$line" ] || continue
			type=$(sed -nE 's/.*(ERROR|WARNING|CHECK):([A-Z0-9_]+):.*/\1 \2/p' <<< "$line")
			if [ -z "$type" ]; then
				echo "  $line"
				bad=1
				continue
			fi
			level=${type% *} type=${type#* }
			if [ "$level" != ERROR ] &&
			   awk -v n="$name" -v t="$type" '$1 == n && $2 == t && NF > 2 {f=1} END {exit !f}' "$exc"; then
				echo "  accepted: $line"
				continue
			fi
			echo "  $line"
			bad=1
		done <<< "$out"
		if [ $bad = 0 ]; then
			echo "checkpatch: PASS $name"
		else
			echo "checkpatch: FAIL $name"
			fail=1
		fi
	done
done < "$TOP/patches/series"
exit $fail
