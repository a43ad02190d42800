#!/usr/bin/env python3
"""Table of the transmit queue selection benchmark (run_bench_netdev_txq.sh
under scripts/bench-guest.sh, one file per kernel and QEMU mode, written by
scripts/run-bench.sh) in Markdown, with the topic's targets checked.

    bench-table-txq.py RESULTS_DIR
"""
import re
import statistics
import sys

from benchstats import load_suite, parse_rounds, stat

KINDS = (("bench-base", "base"), ("bench", "series"))
CONFIGS = (("none", "no program, no XPS maps"),
           ("xps", "XPS maps only (tx-N for CPU N)"),
           ("other-dev", "program on another device only"),
           ("ret-default", "program returns BPF_NETDEV_TXQ_DEFAULT"),
           ("ret-cpu", "program returns CPU & 3"),
           ("bytes", "program hashes ports, bpf_skb_load_bytes()"),
           ("direct", "program hashes ports, direct access"))
ROUND = re.compile(r"^round (\d+) ([\w-]+) received ([0-9.]+) kpps sent ([0-9.]+) kpps "
                   r"runs/datagram ([0-9.]+)")
UNIT = {"icount": "datagrams per 10^6 guest instructions",
        "tcg": "kpps (wall clock)"}


def parse(path):
    """{config: {round: (received, sent, runs per datagram)}}"""
    return parse_rounds(path, ROUND, (3, 4, 5))


def rel(per, ref):
    """per-round ratios of received datagrams to the reference config"""
    return [per[r][0] / ref[r][0] for r in per if r in ref and ref[r][0]]


def main():
    d = sys.argv[1]
    data = load_suite(d, "netdev_txq", [k for k, _ in KINDS], parse)
    if data is None:
        return
    print("bench netdev-txq: 64-byte UDP datagrams from one pinned producer")
    print("(16 connected sockets, sendmmsg() of 32) through a veth pair with four")
    print("queues, counted and dropped by XDP on the peer.  Ratios are per round,")
    print("to \"none\" in the same boot; configurations rotate; median (min-max).")
    print("Under icount the clock counts instructions, so a rate is work per")
    print("instruction (1 kpps = 1 datagram per 10^6 instructions).")
    for m in ("icount", "tcg"):
        n = max((len(per) for k, _ in KINDS for per in data[k, m].values()),
                default=0)
        if not n:
            continue
        print()
        print("**%s**:" % ("icount (headline)" if m == "icount"
                           else "plain multi-threaded TCG"))
        print()
        ipd = m == "icount"
        print("| kernel | rounds | configuration | received kpps | / none | "
              "program runs per datagram |%s" % (
                  " guest instructions per datagram (vs none) |" if ipd else ""))
        print("|---|---|---|---|---|---|%s" % ("---|" if ipd else ""))
        for k, kname in KINDS:
            lo = data[k, m]
            for c, cname in CONFIGS:
                per = lo.get(c)
                if not per:
                    continue
                rx = [v[0] for v in per.values()]
                r = rel(per, lo["none"]) if c != "none" and "none" in lo else []
                extra = ""
                if ipd:
                    # 1 kpps under icount = 1 datagram per 10^6 instructions
                    ins = 1e6 / statistics.median(rx)
                    ref = (1e6 / statistics.median(v[0] for v in lo["none"].values())
                           if "none" in lo else ins)
                    extra = " %.0f (%+.0f) |" % (ins, ins - ref)
                print("| %s | %d | %s | %s | %s | %.3f |%s" % (
                    kname, len(per), cname, stat(rx), stat(r, "%.3f"),
                    statistics.median(v[2] for v in per.values()), extra))
        base = data["bench-base", m].get("none")
        ser = data["bench", m].get("none")
        if base and ser:
            b = statistics.median(v[0] for v in base.values())
            s = statistics.median(v[0] for v in ser.values())
            print()
            print("Series \"none\" / base \"none\" (medians of separate boots): %.3f"
                  % (s / b))
    print()
    print("Targets (per-round ratios; met when the median meets it, and every")
    print("round for \"met in every round\"):")
    for m in ("icount", "tcg"):
        lo = data["bench", m]
        if "none" not in lo:
            continue
        for c in ("ret-default", "ret-cpu", "other-dev"):
            if c not in lo:
                continue
            v = rel(lo[c], lo["none"])
            t = 0.97
            verdict = ("met in every round" if min(v) >= t else
                       "met" if statistics.median(v) >= t else "NOT met")
            print("- %s, %s >= 0.97 x none (costs <= 3%%): %s, %s"
                  % (m, c, stat(v, "%.3f"), verdict))


if __name__ == "__main__":
    main()
