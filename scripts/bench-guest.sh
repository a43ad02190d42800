#!/bin/bash
# Runs in the benchmark VM (scripts/run-bench.sh): the series' benchmarks
# for one kernel.
#
#   bench-guest.sh SELFTESTS_DIR KIND ROUNDS SECS
#
# Throughput at 1200-byte messages for every configuration the kernel
# supports; the writers also at 64 and 16384 bytes and as request/response
# (one 64-byte message each way).  bench-p1 (base + the memset patch) only
# needs what the base has, at 1200 bytes.
set -eu
sel=$1 kind=$2 rounds=$3 secs=$4
b=$sel/benchs/run_bench_tcp_hdr_opt.sh

case $kind in
bench) all="writer writer_cache noop two" writers="writer writer_cache" ;;
bench-p1) all="writer noop" writers= ;;
*) all="writer noop" writers="writer" ;;
esac

"$b" -r "$rounds" -t "$secs" -m 1200 $all
[ -n "$writers" ] || exit 0
for m in 64 16384; do
	"$b" -r "$rounds" -t "$secs" -m "$m" $writers
done
"$b" -r "$rounds" -t "$secs" -p -m 64 $writers
