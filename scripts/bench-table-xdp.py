#!/usr/bin/env python3
"""Table of the batched XDP benchmark (run_bench_xdp_batch.sh under
scripts/bench-guest.sh, one file per kernel and QEMU mode, written by
scripts/run-bench.sh) in Markdown, with the topic's target checked: the C
loop of bpf_prog_run_xdp_batch() is never slower than per packet.

    bench-table-xdp.py RESULTS_DIR
"""
import re
import statistics
import sys

from benchstats import load_suite, parse_rounds, stat

PROGS = (("drop", "XDP_DROP"), ("hdr", "XDP_DROP after reading eth/IPv4/UDP"),
         ("tx", "XDP_TX"), ("redir", "XDP_REDIRECT to a devmap entry"))
ROUND = re.compile(r"^round (\d+) ([\w-]+) runs ([0-9.]+) kpps runs/frame-fed ([0-9.]+) "
                   r"received/run ([0-9.]+)(?: ns/frame ([0-9.]+))?")


def parse(path):
    """{config: {round: (runs kpps, runs per frame fed, received per run,
    test run ns per frame or None)}}"""
    return parse_rounds(path, ROUND, (3, 4, 5, 6))


def ratios(new, old, i=0):
    """per-round ratios new/old of field i (0: rate), rounds paired by their
    number; for times (i=3) old/new, so that > 1 is faster either way"""
    if i == 3:
        return [old[r][3] / new[r][3] for r in new
                if r in old and old[r][3] and new[r][3]]
    return [new[r][0] / old[r][0] for r in new if r in old and old[r][0]]


def med(per, i=0):
    return statistics.median(v[i] for v in per.values())


def main():
    d = sys.argv[1]
    data = load_suite(d, "xdp_batch", ("bench-base", "bench"), parse)
    if data is None:
        return
    print("bench xdp-batch: program runs per second (kpps). \"per packet\" is")
    print("bpf_prog_run_xdp() per frame; \"C loop\" is bpf_prog_run_xdp_batch().")
    print("testrun: BPF_F_TEST_XDP_BATCH over 64 frames, batch_size 1 vs 64, in the")
    print("same boot (ratio per round). live (live frames, verdicts carried out)")
    print("and veth (program on a veth fed by live frames): the base kernel runs")
    print("per packet, the series the C loop; one boot each, ratio of the r-th")
    print("rounds. Configurations rotate; median (min-max). Under icount the")
    print("guest clock counts instructions: the time per frame that test_run")
    print("measures in the kernel (for veth including veth's NAPI poll) is")
    print("instructions per frame -- the headline, exact per call; the program")
    print("runs/s over 1 s intervals only move in steps of whole test runs")
    print("(4096 frames, ~0.4%). QEMU models no caches and no branch predictor:")
    print("what a loop gains there on hardware cannot show.")
    verdicts = []
    for m in ("icount", "tcg"):
        base, ser = data["bench-base", m], data["bench", m]
        if not base and not ser:
            continue
        ipd = m == "icount"
        print()
        print("**%s**:" % ("icount (headline)" if ipd else "plain multi-threaded TCG"))
        print()
        print("| path | program |%s per packet kpps | C loop kpps | C loop / per packet |"
              " runs per frame fed | received per run |" % (
                  " insns per frame: per packet, C loop (saved) | speed-up (insns) |"
                  if ipd else ""))
        print("|---|---|%s---|---|---|---|---|" % ("---|---|" if ipd else ""))
        for path in ("testrun", "live", "veth"):
            for p, pname in PROGS:
                if path == "testrun":
                    old, new = ser.get("testrun-%s-1" % p), ser.get("testrun-%s-64" % p)
                else:
                    old, new = base.get("%s-%s" % (path, p)), ser.get("%s-%s" % (path, p))
                if not old and not new:
                    continue
                r = ratios(new, old) if old and new else []
                extra = ""
                if ipd:
                    ri = ratios(new, old, 3) if old and new else []
                    ns_old = [v[3] for v in (old or {}).values() if v[3]]
                    ns_new = [v[3] for v in (new or {}).values() if v[3]]
                    if ns_old and ns_new:
                        a, b = statistics.median(ns_old), statistics.median(ns_new)
                        extra = " %s, %s (%.1f) | %s |" % (
                            stat(ns_old), stat(ns_new), a - b, stat(ri, "%.4f"))
                        verdicts.append(("icount insns", path, pname, ri))
                    else:
                        extra = " - | - |"
                both = list((old or {}).values()) + list((new or {}).values())
                print("| %s | %s |%s %s | %s | %s | %.3f | %.3f |" % (
                    path, pname, extra,
                    stat([v[0] for v in old.values()]) if old else "-",
                    stat([v[0] for v in new.values()]) if new else "-",
                    stat(r, "%.3f"),
                    statistics.median(v[1] for v in both),
                    statistics.median(v[2] for v in both)))
                if r and not ipd:
                    verdicts.append((m, path, pname, r))
    if verdicts:
        print()
        print("Target: the C loop is never slower than per packet (median of the")
        print("per-round ratios >= 1.00 on every row; icount: instructions per")
        print("frame, per packet / C loop; TCG: runs/s, C loop / per packet):")
        for m, path, pname, r in verdicts:
            v = statistics.median(r)
            print("- %s, %s, %s: %s, %s" % (m, path, pname, stat(r, "%.3f"),
                                             "met" if v >= 1.0 else "NOT met"))


if __name__ == "__main__":
    main()
