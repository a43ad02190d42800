#!/usr/bin/env python3
"""Merge the outputs of run_bench_tcp_hdr_opt.sh of the base and the
series benchmark kernels into one Markdown table."""
import re
import sys

NAMES = {
    "none": "no program",
    "writer": "4-byte option, no cache",
    "writer_cache": "4-byte option, BPF_RESERVE_HDR_OPT_CACHE",
    "noop": "callbacks on, reserves nothing",
}


def parse(path):
    ratios, calls = {}, {}
    for line in open(path, errors="replace"):
        f = line.split()
        if len(f) == 4 and f[0] in NAMES and re.match(r"^[0-9.]+$", f[1]):
            ratios[f[0]] = f[1:]
        elif len(f) == 3 and f[0] in NAMES and re.match(r"^[0-9.]+$", f[1]):
            calls[f[0]] = f[1:]
    return ratios, calls


def main():
    base, series = parse(sys.argv[1]), parse(sys.argv[2])
    print("sockperf tp --tcp -m 1200 over loopback in the VM (TCG), ratio of msg/s")
    print("to no program in the same boot and round: median (min-max).")
    print()
    print("| configuration | base 6.12 | series | LEN_CB/msg | WRITE_CB/msg |")
    print("|---|---|---|---|---|")
    for cfg, name in NAMES.items():
        cells = []
        for ratios, _ in (base, series):
            r = ratios.get(cfg)
            cells.append("%s (%s-%s)" % tuple(r) if r else "-")
        c = series[1].get(cfg) or base[1].get(cfg)
        lc, wc = (c if c else ["-", "-"])
        print("| %s | %s | %s | %s | %s |" % (name, cells[0], cells[1], lc, wc))
    print()
    print("The series kernel always has the memset trim (patch 1): its 'no cache'")
    print("row against the base column is the trim alone.  Call counts are from")
    print("separate runs of counting twins of the programs (series kernel).")


if __name__ == "__main__":
    main()
