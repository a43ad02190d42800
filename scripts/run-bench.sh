#!/bin/bash
# The README main job (`make bench`): build the test kernel, the benchmark
# kernels of the series and of the unpatched base, and the selftests; boot
# each benchmark kernel in QEMU, run the series' benchmarks there and print
# one table of ratios to "no program", each measured in the same boot.
#
#   ROUNDS=15 SECS=4 scripts/run-bench.sh   (the defaults)
set -euo pipefail
. "$(dirname "$0")/config.sh"
ROUNDS=${ROUNDS:-15}
SECS=${SECS:-4}
logs=$STATE/logs
res=$STATE/bench-results
mkdir -p "$logs" "$res"

step() {
	local name=$1 s
	shift
	s=$(date +%s)
	if ! "$@" > "$logs/$name.log" 2>&1; then
		echo "run-bench: $name FAILED, see $logs/$name.log:"
		tail -n 30 "$logs/$name.log" | sed 's/^/  /'
		exit 1
	fi
	echo "run-bench: $name ok ($(( $(date +%s) - s ))s)"
}

[ "$(id -u)" != 0 ] || step install-deps "$TOP/scripts/install-deps.sh"
[ "${SKIP_PREPARE:-0}" = 1 ] || step prepare-tree "$TOP/scripts/prepare-tree.sh"
step build-kernel-test "$TOP/scripts/build-kernel.sh" test
step build-selftests "$TOP/scripts/build-selftests.sh" test_progs bench
step build-kernel-bench "$TOP/scripts/build-kernel.sh" bench
step build-kernel-bench-base "$TOP/scripts/build-kernel.sh" bench-base

sel=$TREE/tools/testing/selftests/bpf
# kernel, configurations
runs=(
	"bench-base none writer noop"
	"bench none writer writer_cache noop"
)
for run in "${runs[@]}"; do
	set -- $run
	kind=$1
	shift
	echo "run-bench: tcp_hdr_opt on the $kind kernel ($ROUNDS rounds of ${SECS}s)"
	if ! "$TOP/scripts/vm-run.sh" -k "$kind" -t 3600 -r "$res/vm-$kind" -- \
		"$sel/benchs/run_bench_tcp_hdr_opt.sh" -r "$ROUNDS" -t "$SECS" "$@" \
		> "$res/tcp_hdr_opt-$kind.txt" 2>&1; then
		echo "run-bench: the $kind run failed:"
		tail -n 30 "$res/tcp_hdr_opt-$kind.txt" | sed 's/^/  /'
		exit 1
	fi
done

python3 "$TOP/scripts/bench-table.py" "$res/tcp_hdr_opt-bench-base.txt" "$res/tcp_hdr_opt-bench.txt" |
	tee "$res/table.md"
