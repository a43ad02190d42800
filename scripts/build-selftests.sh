#!/bin/bash
# Build the BPF selftests of the work tree with clang-19: test_progs (with
# bpf_testmod.ko for the test kernel), bench and the in-tree bpftool.
#   build-selftests.sh [make targets...]     (default: test_progs bench)
set -euo pipefail
. "$(dirname "$0")/config.sh"

out=$STATE/build-test
[ -f "$out/vmlinux" ] || { echo "build-selftests: run scripts/build-kernel.sh test first" >&2; exit 2; }
[ $# -gt 0 ] || set -- test_progs bench
start=$(date +%s)
with_thp make -C "$TREE/tools/testing/selftests/bpf" -j"$JOBS" \
	CLANG=clang-19 LLC=llc-19 LLVM_STRIP=llvm-strip-19 \
	CC="ccache gcc" HOSTCC="ccache gcc" \
	VMLINUX_BTF="$out/vmlinux" KDIR="$out" "$@"
echo "build-selftests: $* built in $(( $(date +%s) - start ))s"
