# Shared settings, sourced by every script. The pinned base lives here only.
BASE_DEB_VERSION=6.12.117-1~deb12u1

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Outputs persist across sessions on the same machine; never under /tmp,
# which the guest mounts as tmpfs.
STATE=${SERIES_STATE:-/var/lib/series-build}
TREE=${SERIES_TREE:-$STATE/linux}
export CCACHE_DIR=${CCACHE_DIR:-$STATE/ccache}
export PATH=/usr/lib/llvm-19/bin:$PATH
export LLVM_CONFIG=llvm-config-19
JOBS=${JOBS:-$(nproc)}
# The one kernel report the unpatched base may make: the receive-memory
# race of the sockmap backlog (fixed by the sockmap topic) trips the
# WARN_ON_ONCE(sk_forward_alloc) of inet_sock_destruct().
BASE_EXPECTED_WARN='at net/ipv4/af_inet.c:[0-9]+ inet_sock_destruct'
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-25G}
# Objects do not depend on the build directory's name (kbuild compiles with
# relative output paths); only DWARF's comp_dir does, which nothing here reads.
export CCACHE_NOHASHDIR=1
# Depend mode takes the headers from the compiler's own -MMD output instead
# of preprocessing every file a second time on a miss: a cold kernel build
# through ccache costs +5% over plain gcc instead of +40% (measured here).
export CCACHE_DEPEND=1
# with_thp CMD...: run CMD with transparent huge pages on for every process
# ("always"), then restore the setting.  Page faults are expensive on these
# nested-virtualization machines: compiling 20 kernel files one by one took
# 16.9 s with THP "madvise" (the Debian default) and 12.3 s with "always".
with_thp() {
	local f=/sys/kernel/mm/transparent_hugepage/enabled old rc=0
	old=$(sed -n 's/.*\[\(.*\)\].*/\1/p' "$f" 2>/dev/null)
	if [ -z "$old" ] || [ "$old" = always ] || ! echo always 2>/dev/null > "$f"; then
		"$@"
		return
	fi
	"$@" || rc=$?
	echo "$old" > "$f"
	return $rc
}
# Run from `make check`, the sub-makes must not inherit our make's level
# and flags: the selftests' lib.mk only sets OUTPUT at MAKELEVEL 0.
unset MAKELEVEL MAKEFLAGS MFLAGS
