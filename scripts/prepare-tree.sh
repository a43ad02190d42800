#!/bin/bash
# Build the kernel work tree: the pinned Debian source as the "base" commit,
# then every topic listed in patches/series, each patch its own commit.
#
# Branches in the tree: topic/<dir> ends each topic, "series" is checked out
# at the last one.  Edit with `git rebase -i --update-refs base` and
# run export-patches.sh afterwards.
#
#   prepare-tree.sh [--force] [--upto TOPIC]
#     --force   discard tree commits that are not exported to patches/
#     --upto    stop after TOPIC (e.g. build a topic boundary)
set -euo pipefail
. "$(dirname "$0")/config.sh"

force=0 upto=
while [ $# -gt 0 ]; do
	case $1 in
	--force) force=1 ;;
	--upto) upto=$2; shift ;;
	*) echo "usage: $0 [--force] [--upto TOPIC]" >&2; exit 2 ;;
	esac
	shift
done

installed=$(dpkg-query -W -f '${Version}' linux-source-6.12 2>/dev/null || true)
if [ "$installed" != "$BASE_DEB_VERSION" ]; then
	echo "prepare-tree: need linux-source-6.12 $BASE_DEB_VERSION, found '${installed:-none}'" >&2
	echo "  run scripts/install-deps.sh" >&2
	exit 1
fi

git_t() { git -C "$TREE" "$@"; }
last_topic() { sed -e 's/#.*//' "$TOP/patches/series" | awk 'NF {d=$1} END {print d}'; }
base_msg="base: Debian linux-source-6.12 $BASE_DEB_VERSION"

if [ -d "$TREE/.git" ] && [ "$(git_t log -1 --format=%s base 2>/dev/null)" = "$base_msg" ]; then
	if [ $force = 0 ] && git_t rev-parse -q --verify series >/dev/null; then
		if [ -n "$(git_t status --porcelain --untracked-files=no)" ]; then
			echo "prepare-tree: $TREE has uncommitted changes; commit and export them, or --force" >&2
			exit 1
		fi
		tmp=$(mktemp -d)
		trap 'rm -rf "$tmp"' EXIT
		PATCH_DIR=$tmp "$TOP/scripts/export-patches.sh" >/dev/null
		if ! diff -r -q -x '*.txt' -x series "$tmp" "$TOP/patches" >/dev/null 2>&1; then
			echo "prepare-tree: $TREE holds commits that differ from patches/" >&2
			echo "  run scripts/export-patches.sh first, or pass --force to discard them" >&2
			exit 1
		fi
		if [ -z "$upto" ] && [ "$(git_t symbolic-ref -q --short HEAD)" = series ] &&
		   [ "$(git_t rev-parse series)" = "$(git_t rev-parse "topic/$(last_topic)")" ]; then
			# Leave it alone: resetting would touch files and force rebuilds.
			echo "prepare-tree: $TREE already matches patches/"
			exit 0
		fi
	fi
	echo "prepare-tree: resetting $TREE to base"
	git_t checkout -q -f --detach base
else
	echo "prepare-tree: unpacking linux-source-6.12 $BASE_DEB_VERSION into $TREE"
	rm -rf "$TREE"
	mkdir -p "$TREE"
	tar -C "$TREE" --strip-components=1 -xJf /usr/src/linux-source-6.12.tar.xz
	git_t init -q
	git_t config core.autocrlf false
	git_t config gc.auto 0
	# Fixed identity and date: the base commit has the same hash everywhere.
	git_t add -A -f .
	GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
		git_t commit -q --no-verify -m "$base_msg"
	git_t tag -f base >/dev/null
	git_t checkout -q --detach base
fi

git_t for-each-ref --format='%(refname:short)' refs/heads/ | xargs -r git -C "$TREE" branch -q -D

while read -r dir _; do
	[ -n "$dir" ] || continue
	case $dir in \#*) continue ;; esac
	mapfile -t pl < <(ls "$TOP/patches/$dir/"[0-9][0-9][0-9][0-9]-*.patch 2>/dev/null | grep -v '/0000-cover-letter.patch$')
	if [ ${#pl[@]} -gt 0 ]; then
		git_t am -q --committer-date-is-author-date "${pl[@]}" || {
			echo "prepare-tree: patches/$dir does not apply; see 'git -C $TREE am --show-current-patch'" >&2
			exit 1
		}
	fi
	git_t branch -f "topic/$dir"
	echo "prepare-tree: topic/$dir: ${#pl[@]} patches"
	[ "$dir" != "$upto" ] || break
done < "$TOP/patches/series"

git_t checkout -q -B series
echo "prepare-tree: $TREE at $(git_t log -1 --format='%h %s')"
