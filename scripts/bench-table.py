#!/usr/bin/env python3
"""Merge the outputs of run_bench_tcp_hdr_opt.sh (one file per kernel and
mode, written by scripts/run-bench.sh) into Markdown tables.

    bench-table.py RESULTS_DIR
"""
import os
import re
import sys

NAMES = {
    "none": "no program",
    "writer": "4-byte option, no flag",
    "writer_cache": "4-byte option, BPF_RESERVE_HDR_OPT_CACHE",
    "noop": "callbacks on, reserves nothing",
    "two": "two programs, one with the flag",
}
KINDS = ("bench-base", "bench-p1", "bench")


def parse(path):
    """{workload: {config: (median, min, max)}}, {workload: {config: (len, write)}}"""
    ratios, calls, wl = {}, {}, None
    if not os.path.exists(path):
        return ratios, calls
    for line in open(path, errors="replace"):
        m = re.match(r"^config\s+median.*\(sockperf (\w+) -m (\d+):", line)
        if m:
            wl = "%s %s" % (m.group(1), m.group(2))
            continue
        if line.startswith("config ") and "LEN_CB/msg" in line:
            continue
        f = line.split()
        if wl is None or not f or f[0] not in NAMES:
            continue
        if len(f) == 4 and all(re.match(r"^[0-9.]+$", x) for x in f[1:]):
            ratios.setdefault(wl, {})[f[0]] = f[1:]
        elif len(f) == 3 and all(re.match(r"^[0-9.]+$", x) for x in f[1:]):
            calls.setdefault(wl, {})[f[0]] = f[1:]
    return ratios, calls


def cell(ratios, wl, cfg):
    r = ratios.get(wl, {}).get(cfg)
    return "%s (%s-%s)" % tuple(r) if r else "-"


def workload_name(wl):
    mode, size = wl.split()
    return ("request/response, %s B" if mode == "pp" else "throughput, %s B") % size


def main():
    d = sys.argv[1]
    data = {}
    for kind in KINDS:
        for mode in ("icount", "tcg"):
            data[kind, mode] = parse(os.path.join(d, "tcp_hdr_opt-%s-%s.txt" % (kind, mode)))
    series_ratios = data["bench", "icount"][0]
    workloads = sorted(series_ratios, key=lambda w: (w.split()[0] == "pp", int(w.split()[1])))

    print("sockperf over loopback in a 2-vCPU QEMU guest: ratio of the message")
    print("rate to no program in the same boot and round, median (min-max) of")
    print("the per-round ratios.  icount: single-threaded TCG counting")
    print("instructions, so a rate is messages per 10^9 guest instructions;")
    print("TCG: plain multi-threaded TCG, wall-clock rates.  Program runs per")
    print("message from separate runs of counting twins, on the series kernel")
    print("under icount.")
    print()
    print("| workload | configuration | icount base | icount series | TCG base | TCG series | LEN_CB/msg | WRITE_CB/msg |")
    print("|---|---|---|---|---|---|---|---|")
    for wl in workloads:
        for cfg in NAMES:
            if cfg not in series_ratios[wl] and cfg not in data["bench-base", "icount"][0].get(wl, {}):
                continue
            cells = [cell(data[k, m][0], wl, cfg)
                     for m in ("icount", "tcg") for k in ("bench-base", "bench")]
            # counts of the icount boot: the same work the headline ratio measures
            c = data["bench", "icount"][1].get(wl, {}).get(cfg) or \
                data["bench", "tcg"][1].get(wl, {}).get(cfg) or ["-", "-"]
            print("| %s | %s | %s | %s | %s |" % (workload_name(wl), NAMES[cfg],
                                                " | ".join(cells), c[0], c[1]))
    print()
    print("Patch 1 alone (the memset change): the base with only that patch")
    print("against the base, throughput at 1200 B, ratio to no program:")
    print()
    print("| configuration | icount base | icount base+patch 1 | TCG base | TCG base+patch 1 |")
    print("|---|---|---|---|---|")
    for cfg in ("writer", "noop"):
        cells = [cell(data[k, m][0], "tp 1200", cfg)
                 for m in ("icount", "tcg") for k in ("bench-base", "bench-p1")]
        print("| %s | %s |" % (NAMES[cfg], " | ".join(cells)))


if __name__ == "__main__":
    main()
