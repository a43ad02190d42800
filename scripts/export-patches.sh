#!/bin/bash
# Write the work tree's topics back to patches/<topic>/ as git format-patch
# files.  Deterministic: the same tree gives the same bytes (zeroed commit
# ids, no tool signature, cover letter dated like the topic's last patch).
#
# A cover letter keeps its subject and text: edit them in
# patches/<topic>/0000-cover-letter.patch; the shortlog and diffstat below
# the text are regenerated.
set -euo pipefail
. "$(dirname "$0")/config.sh"
out=${PATCH_DIR:-$TOP/patches}
git_t() { git -C "$TREE" "$@"; }

prev=base
while read -r dir prefix; do
	[ -n "$dir" ] || continue
	case $dir in \#*) continue ;; esac
	git_t rev-parse -q --verify "topic/$dir" >/dev/null || {
		echo "export-patches: no branch topic/$dir in $TREE" >&2
		exit 1
	}
	old=$TOP/patches/$dir/0000-cover-letter.patch
	subject="*** SUBJECT HERE ***" blurb=
	if [ -f "$old" ]; then
		subject=$(awk '/^Subject: /{sub(/^Subject: \[[^]]*\] /, ""); s=$0; getline;
			while ($0 ~ /^ /) {s = s $0; getline} print s; exit}' "$old")
		# text between the headers and the "Author (N):" shortlog
		blurb=$(awk 'body && /^[^ ].* \([0-9]+\):$/ {exit} body {print}
			!body && /^$/ {body=1}' "$old")
	fi
	tmp=$(mktemp -d)
	git_t -c core.abbrev=12 format-patch -q --zero-commit --no-signature --cover-letter \
		--subject-prefix="$prefix" -o "$tmp" "$prev..topic/$dir"
	date=$(git_t log -1 --format=%aD "topic/$dir")
	cover=$tmp/0000-cover-letter.patch
	python3 - "$cover" "$subject" "$blurb" "$date" <<'PY'
import sys
path, subject, blurb, date = sys.argv[1:]
s = open(path).read()
s = s.replace('*** SUBJECT HERE ***', subject, 1)
blurb = blurb.strip('\n')
s = s.replace('*** BLURB HERE ***', blurb if blurb else '*** BLURB HERE ***', 1)
lines = s.split('\n')
lines = ['Date: ' + date if l.startswith('Date: ') else l for l in lines]
open(path, 'w').write('\n'.join(lines))
PY
	mkdir -p "$out/$dir"
	rm -f "$out/$dir/"[0-9][0-9][0-9][0-9]-*.patch
	mv "$tmp"/*.patch "$out/$dir/"
	rmdir "$tmp"
	echo "export-patches: $dir: $(git_t rev-list --count "$prev..topic/$dir") patches"
	prev=topic/$dir
done < "$TOP/patches/series"
if [ "$out" = "$TOP/patches" ] && [ "$(git_t rev-parse "$prev")" != "$(git_t rev-parse HEAD)" ]; then
	echo "export-patches: warning: HEAD is not at topic branch $prev; commits after it are not exported" >&2
fi
