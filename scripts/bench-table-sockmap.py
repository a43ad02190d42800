#!/usr/bin/env python3
"""Tables of the sockmap benchmark (run_bench_sockmap.sh under
scripts/bench-guest.sh, one file per kernel and QEMU mode, written by
scripts/run-bench.sh) in Markdown, with the targets of the topic checked.

    bench-table-sockmap.py RESULTS_DIR
"""
import os
import re
import statistics
import sys

from benchstats import stat

KINDS = (("bench-base", "base"), ("bench", "series"))
CONFIGS = (("none", "no affinity"), ("rps", "RPS on lo to CPU 0"),
           ("affinity", "backlog on CPU 0 (kfunc)"))
ROUND = re.compile(r"^round (\d+) (\w+) send ([0-9.]+) recv ([0-9.]+) verdicts/MB ([0-9.]+)")


def parse(path):
    """{load: {config: {round: (send, recv, verdicts per MB)}}}"""
    data, load = {}, None
    if not os.path.exists(path):
        return data
    for line in open(path, errors="replace"):
        if line.startswith("### sockmap "):
            load = line.split()[3]
            continue
        m = ROUND.match(line)
        if m and load:
            r, c = int(m.group(1)), m.group(2)
            data.setdefault(load, {}).setdefault(c, {})[r] = tuple(
                float(m.group(i)) for i in (3, 4, 5))
    return data


def per_round(a, b, i=1, j=1):
    """per-round ratios a[r][i] / b[r][j] over the rounds both have"""
    return [a[r][i] / b[r][j] for r in a if r in b and b[r][j]]


def main():
    d = sys.argv[1]
    data = {(k, m): parse(os.path.join(d, "sockmap-%s-%s.txt" % (k, m)))
            for k, _ in KINDS for m in ("icount", "tcg")}
    if not any(data.values()):
        print("(no sockmap results in %s)" % d)
        return
    rounds = {m: max((len(per) for k, _ in KINDS for lo in data[k, m].values()
                      for per in lo.values()), default=0) for m in ("icount", "tcg")}
    print("bench sockmap --rx-verdict-ingress: a TCP proxy on loopback in a")
    print("2-vCPU guest (producer on CPU 1, consumer on CPU 0, the verdict")
    print("redirects to the ingress of the consumer's socket).  Plain")
    print("multi-threaded TCG, wall-clock MB/s, %d rounds of 2 s, configurations"
          % rounds["tcg"])
    print("rotating; median (min-max); ratios are per round, same boot.")
    print("\"loaded\": stress-ng --cpu 2 at normal priority during the run;")
    print("\"-rmem2M\": tcp_rmem[1] raised from 128 KiB to 2 MiB.")
    print()
    print("| kernel | vCPUs | configuration | send MB/s | recv MB/s | recv/send "
          "| recv / no-affinity recv | recv / RPS recv | verdicts/MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for load in ("idle", "loaded", "idle-rmem2M", "loaded-rmem2M"):
        for k, kname in KINDS:
            lo = data[k, "tcg"].get(load, {})
            for c, cname in CONFIGS:
                per = lo.get(c)
                if not per:
                    continue
                send = [v[0] for v in per.values()]
                recv = [v[1] for v in per.values()]
                rs = [v[1] / v[0] for v in per.values() if v[0]]
                rn = per_round(per, lo["none"]) if c != "none" and "none" in lo else []
                rr = per_round(per, lo["rps"]) if c == "affinity" and "rps" in lo else []
                vpm = statistics.median(v[2] for v in per.values())
                print("| %s | %s | %s | %s | %s | %s | %s | %s | %.1f |" % (
                    kname, load, cname, stat(send), stat(recv), stat(rs, "%.2f"),
                    stat(rn, "%.2f"), stat(rr, "%.2f"), vpm))
    print()
    for k, kname in KINDS:
        for m in ("icount", "tcg"):
            path = os.path.join(d, "sockmap-%s-%s.txt" % (k, m))
            if os.path.exists(path) and any(l.startswith("### base kernel warned")
                                            for l in open(path, errors="replace")):
                print("The %s kernel's %s boot hit the receive-memory race: "
                      "inet_sock_destruct() warned." % (kname, m))
    print()
    for load in ("idle", "idle-rmem2M"):
        lo = data["bench", "tcg"].get(load, {})
        if not ("affinity" in lo and "none" in lo and "rps" in lo):
            continue
        a = lo["affinity"]
        checks = (("receive >= 0.9x send", [v[1] / v[0] for v in a.values() if v[0]], 0.9),
                  (">= 5x the no-affinity receive", per_round(a, lo["none"]), 5.0),
                  ("ahead of RPS", per_round(a, lo["rps"]), 1.0))
        print("Targets (series kernel, %s, affinity; per-round ratios, met when every "
              "round meets it):" % load)
        for name, v, t in checks:
            m = statistics.median(v)
            verdict = "met" if min(v) >= t else "NOT met" if m < t else \
                "not shown (the median is, some rounds are not)"
            print("- %s: %s, %s" % (name, stat(v, "%.2f"), verdict))
        print()
    print("Work under icount (single-threaded TCG counting instructions, idle,")
    print("%d rounds of 2 s): MB received per 10^9 guest instructions (the clock"
          % rounds["icount"])
    print("counts both vCPUs' instructions and idle time), median (min-max);")
    print("the last column divides each median by the base's no-affinity median.")
    print()
    print("| kernel | configuration | recv MB per 10^9 instructions | send MB per 10^9 "
          "instructions | recv vs base no affinity | verdicts/MB |")
    print("|---|---|---|---|---|---|")
    ref = data["bench-base", "icount"].get("idle", {}).get("none")
    refm = statistics.median(v[1] for v in ref.values()) if ref else None
    for k, kname in KINDS:
        lo = data[k, "icount"].get("idle", {})
        for c, cname in CONFIGS:
            per = lo.get(c)
            if not per:
                continue
            recv = [v[1] for v in per.values()]
            send = [v[0] for v in per.values()]
            rel = "%.3f" % (statistics.median(recv) / refm) if refm else "-"
            print("| %s | %s | %s | %s | %s | %.1f |" % (
                kname, cname, stat(recv), stat(send), rel,
                statistics.median(v[2] for v in per.values())))


if __name__ == "__main__":
    main()
