#!/bin/bash
# Runs in the benchmark VM (scripts/run-bench.sh): one suite of the
# series' benchmarks for one kernel.
#
#   bench-guest.sh SELFTESTS_DIR KIND SUITE MODE ROUNDS SECS
#
# tcp_hdr_opt: throughput at 1200-byte messages for every configuration
# the kernel supports; the writers also at 64 and 16384 bytes and as
# request/response (one 64-byte message each way).  bench-p1 (base + the
# memset patch) only needs what the base has, at 1200 bytes.
# sockmap: a proxy on loopback (--rx-verdict-ingress), no affinity, RPS on
# lo, and (series kernel only) the backlog pinned to the consumer's CPU;
# idle, and under plain TCG also with every vCPU loaded by stress-ng, and
# both again with a 2 MiB default TCP receive buffer.
# Under icount a CPU hog's instructions would count as the proxy's work,
# so icount runs idle only.
# netdev_txq: UDP through a four-queue veth pair, no program, XPS maps,
# a program elsewhere, and (series kernel only) four programs.
# xdp_batch: XDP programs (drop, drop after reading headers, tx, redirect)
# through live frames and veth, and (series kernel only) through
# BPF_F_TEST_XDP_BATCH per packet and in batches of 64.
set -eu
sel=$1 kind=$2 suite=$3 mode=$4 rounds=$5 secs=$6

case $suite in
sockmap)
	b=$sel/benchs/run_bench_sockmap.sh
	configs="none rps affinity"
	[ "$kind" = bench ] || configs="none rps"
	echo "### sockmap rx-verdict-ingress idle"
	"$b" -r "$rounds" -t "$secs" $configs
	[ "$mode" = tcg ] || exit 0
	echo "### sockmap rx-verdict-ingress loaded"
	"$b" -r "$rounds" -t "$secs" -l $configs
	# With the default receive buffer (tcp_rmem[1] = 128 KiB) receive sat
	# at 64 MB/s in every configuration, a pacing rather than CPU time
	# (the backlog's retry a jiffy after a full ingress is the suspect).
	# Again with 2 MiB, where receive keeps up with send.
	rmem=/proc/sys/net/ipv4/tcp_rmem
	old=$(cat $rmem)
	read -r lo _ hi <<< "$old"
	echo "$lo 2097152 $(( hi > 2097152 ? hi : 2097152 ))" > $rmem
	echo "### sockmap rx-verdict-ingress idle-rmem2M"
	"$b" -r "$rounds" -t "$secs" $configs
	echo "### sockmap rx-verdict-ingress loaded-rmem2M"
	"$b" -r "$rounds" -t "$secs" -l $configs
	echo "$old" > $rmem
	exit 0
	;;
netdev_txq)
	# The base kernel has no transmit queue selection: the configurations
	# without a program only.
	configs="none xps other-dev ret-default ret-cpu bytes direct"
	[ "$kind" = bench ] || configs="none xps"
	echo "### netdev_txq"
	"$sel/benchs/run_bench_netdev_txq.sh" -r "$rounds" -t "$secs" $configs
	exit 0
	;;
xdp_batch)
	# Live frames and veth on both kernels (the base runs the program per
	# packet, the series through bpf_prog_run_xdp_batch()); the
	# BPF_F_TEST_XDP_BATCH mode, per packet and in batches of 64 in the
	# same boot, on the series kernel only.
	configs="live-drop live-hdr live-tx live-redir"
	configs="$configs veth-drop veth-hdr veth-tx veth-redir"
	[ "$kind" != bench ] || for p in drop hdr tx redir; do
		configs="$configs testrun-$p-1 testrun-$p-64"
	done
	echo "### xdp_batch"
	"$sel/benchs/run_bench_xdp_batch.sh" -r "$rounds" -t "$secs" $configs
	exit 0
	;;
tcp_hdr_opt) ;;
*) echo "bench-guest: unknown suite $suite" >&2; exit 2 ;;
esac

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
