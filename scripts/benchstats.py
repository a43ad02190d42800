"""Shared by the bench-table-*.py scripts."""
import os
import statistics


def stat(v, f="%.1f"):
    """median (min-max) of v, each with format f; "-" if v is empty"""
    if not v:
        return "-"
    return (f + " (" + f + "-" + f + ")") % (statistics.median(v), min(v), max(v))


def parse_rounds(path, line_re, groups):
    """{config: {round: (float of each group, None if it did not match)}}
    from the lines of path that line_re matches; its group 1 is the round,
    group 2 the configuration.  {} if path does not exist."""
    data = {}
    if os.path.exists(path):
        for line in open(path, errors="replace"):
            m = line_re.match(line)
            if m:
                data.setdefault(m.group(2), {})[int(m.group(1))] = tuple(
                    float(m.group(i)) if m.group(i) else None for i in groups)
    return data


def load_suite(d, suite, kinds, parse):
    """{(kind, mode): parse(path)} for the result files "SUITE-KIND-MODE.txt"
    of run-bench.sh in d, MODE icount and tcg; None (and says so) when
    there are no results"""
    data = {(k, m): parse(os.path.join(d, "%s-%s-%s.txt" % (suite, k, m)))
            for k in kinds for m in ("icount", "tcg")}
    if not any(data.values()):
        print("(no %s results in %s)" % (suite, d))
        return None
    return data
