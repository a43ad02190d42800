#!/bin/bash
# Configure and build the kernel (bzImage + modules) of the work tree.
#   build-kernel.sh test      lockdep/debug kernel the tests boot -> $STATE/build-test
#   build-kernel.sh bench     same features, no debug checks      -> $STATE/build-bench
#   build-kernel.sh bench-base      the same of the unpatched base (with
#                                   base fixups)                -> $STATE/build-bench-base
#   build-kernel.sh bench-p1  the base with only the first patch of the
#                             TCP topic (the memset change)       -> $STATE/build-bench-p1
# The config is allnoconfig plus the BPF selftests' config, config.vm and
# config.x86_64 plus configs/*.config; every requested value is verified.
set -euo pipefail
. "$(dirname "$0")/config.sh"

kind=${1:-test}
case $kind in
test) extra=$TOP/configs/debug.config ;;
bench) extra=$TOP/configs/bench.config ;;
bench-base | bench-p1)
	# Sources other than the work tree's, for before/after numbers: they
	# are exported from the work tree into their own directory, so the
	# series tree is not touched.
	extra=$TOP/configs/bench.config
	base_src=$STATE/${kind#bench-}-src
	if [ "$kind" = bench-base ]; then
		want=$(git -C "$TREE" rev-parse topic/base-fixups)
	else
		want=$(git -C "$TREE" rev-list --reverse \
			topic/base-fixups..topic/tcp-hdr-opt-cache | sed -n 1p)
	fi
	if [ "$(cat "$base_src.commit" 2>/dev/null)" != "$want" ]; then
		rm -rf "$base_src" "$base_src.commit"
		mkdir -p "$base_src"
		git -C "$TREE" archive "$want" | tar -x -C "$base_src"
		echo "$want" > "$base_src.commit"
	fi
	;;
*) echo "usage: $0 test|bench|bench-base|bench-p1" >&2; exit 2 ;;
esac
out=$STATE/build-$kind
sel=$TREE/tools/testing/selftests/bpf
mkdir -p "$out" "$CCACHE_DIR"

# configs/x86_64-skip.txt drops hardware and EXPERT (under which
# allnoconfig would also drop printk, futexes, epoll & co.) from config.x86_64.
skip=$(sed -e '/^#/d' -e '/^$/d' "$TOP/configs/x86_64-skip.txt" | paste -sd'|' -)
{
	sed -E 's/^# (CONFIG_[A-Z0-9_]+) is not set$/\1=n/' "$sel/config.x86_64" |
		awk -F= -v re="$skip" '$1 !~ re' | sed -E 's/^(CONFIG_[A-Z0-9_]+)=n$/# \1 is not set/'
	cat "$sel/config" "$sel/config.vm" "$TOP/configs/vm.config" "$extra"
} > "$out/fragment.config.new"

# KCFLAGS: gcc's variable-location tracking costs ~8% of the compile time
# and only serves debuggers (BTF needs the DWARF types, which stay);
# -pipe saves writing every assembly file (~6%).
kmake() {
	local ns=()
	# bench-base, bench-p1: build their sources as if they were at $TREE (bind
	# mount in a private mount namespace).  The compiler sees the same
	# paths, so ccache reuses every object the series does not change;
	# CCACHE_NOHASHDIR (config.sh) keeps the output directory out of it.
	[ -z "${base_src:-}" ] ||
		ns=(unshare -m -- bash -c 'mount --bind "$0" "$1" && shift && exec "$@"'
			"$base_src" "$TREE")
	"${ns[@]}" make -C "$TREE" O="$out" CC="ccache gcc" HOSTCC="ccache gcc" \
		KCFLAGS="-fno-var-tracking -pipe" \
		KBUILD_BUILD_USER=series KBUILD_BUILD_HOST=vm "$@"
}

if ! cmp -s "$out/fragment.config.new" "$out/fragment.config" || [ ! -f "$out/.config" ]; then
	mv "$out/fragment.config.new" "$out/fragment.config"
	# Later fragments deliberately override earlier ones: hide those notes.
	kmake -s KCONFIG_ALLCONFIG="$out/fragment.config" allnoconfig 2>&1 |
		{ grep -v 'warning: override: reassigning' || true; }
	while read -r line; do
		case $line in
		CONFIG_*=*) sym=${line%%=*} want=${line#*=} ;;
		"# CONFIG_"*" is not set") sym=${line#\# } sym=${sym%% *} want=n ;;
		*) continue ;;
		esac
		have=$(sed -n "s/^$sym=//p" "$out/.config")
		have=${have:-n}
		printf '%s\t%s\t%s\n' "$sym" "$want" "$have"
	done < "$out/fragment.config" | awk -F'\t' '{w[$1]=$2; h[$1]=$3} END {for (s in w) if (w[s] != h[s]) print s, "wanted", w[s], "got", h[s]}' |
		sort > "$out/config-mismatch.txt"
	if [ -s "$out/config-mismatch.txt" ]; then
		echo "build-kernel: requested config values the $kind kernel does not get:"
		sed 's/^/  /' "$out/config-mismatch.txt"
	fi
else
	rm -f "$out/fragment.config.new"
fi

start=$(date +%s)
with_thp kmake -j"$JOBS" bzImage modules
echo "build-kernel: $kind kernel $(kmake -s kernelrelease) built in $(( $(date +%s) - start ))s -> $out"
