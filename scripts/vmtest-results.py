#!/usr/bin/env python3
"""Count the results of tests/vmtest-guest.sh from the guest's log.

  vmtest-results.py GUEST_LOG ALLOWLIST DENYLIST VMTEST_EXIT START_TIME

One count per top-level test of each test_progs flavour, per test_verifier
test, and one for a clean guest dmesg (scripts/dmesg-check.sh).  Every
plain name of the allowlist must have run in each flavour.  Prints
"N passed, N failed[, N skipped]" last; exits 1 on any failure.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

log, allowlist, denylist, vrc, t0 = sys.argv[1:6]
lines = open(log, errors="replace").read().splitlines()


def names(path):
    out = []
    for line in open(path):
        line = re.sub(r"#.*", "", line).strip()
        if line:
            out.append(line)
    return out


plain = [n for n in names(allowlist) if re.fullmatch(r"\w+", n)]
denied = set(names(denylist))

# Split the log into the sections the guest script announces.
sections, cur, dmesg, in_dmesg = {}, None, [], False
for line in lines:
    m = re.match(r"vmtest-guest: \./(\S+)", line)
    if m:
        cur = m.group(1)
        sections[cur] = []
        continue
    if line.startswith("vmtest-guest: dmesg begins"):
        in_dmesg, cur = True, None
        continue
    if line.startswith("vmtest-guest: dmesg ends"):
        in_dmesg = False
        continue
    if in_dmesg:
        dmesg.append(line)
    elif cur:
        sections[cur].append(line)

passed = failed = skipped = 0
for flavour in ("test_progs", "test_progs-no_alu32", "test_progs-cpuv4"):
    out = sections.get(flavour)
    if out is None:
        print(f"run-vmtest: FAIL {flavour} did not run")
        failed += 1
        continue
    res = {}
    for line in out:
        m = re.match(r"#\d+\s+([^/\s]+):(OK|FAIL|SKIP)\b", line)
        if m:
            res[m.group(1)] = m.group(2)
    p = sum(v == "OK" for v in res.values())
    f = sum(v == "FAIL" for v in res.values())
    s = sum(v == "SKIP" for v in res.values())
    summary = next((x for x in out if x.startswith("Summary:")), "no summary")
    print(f"run-vmtest: {flavour}: {p} passed, {f} failed, {s} skipped ({summary})")
    for name, v in sorted(res.items()):
        if v != "OK":
            print(f"  {name}:{v}")
    subskips = sorted({m.group(1) for m in (re.match(r"#\d+/\d+\s+(\S+/\S+):SKIP\b", x)
                                          for x in out) if m})
    if subskips:
        print(f"  skipped subtests: {', '.join(subskips)}")
    for name in plain:
        if name not in res and name not in denied:
            print(f"run-vmtest: FAIL {flavour}: {name} in the allowlist but did not run")
            f += 1
    if summary == "no summary":
        print(f"run-vmtest: FAIL {flavour} ended without a summary (crash?)")
        f += 1
    passed, failed, skipped = passed + p, failed + f, skipped + s

out = sections.get("test_verifier", [])
m = next((re.match(r"Summary: (\d+) PASSED, (\d+) SKIPPED, (\d+) FAILED", x)
          for x in out if x.startswith("Summary:")), None)
if m:
    p, s, f = (int(x) for x in m.groups())
    print(f"run-vmtest: test_verifier: {p} passed, {f} failed, {s} skipped")
    for x in out:
        if re.match(r"#\d+.* FAIL", x):
            print("  " + x)
else:
    print("run-vmtest: FAIL test_verifier did not finish")
    p, s, f = 0, 0, 1
passed, failed, skipped = passed + p, failed + f, skipped + s

with tempfile.NamedTemporaryFile("w", suffix=".dmesg", delete=False) as t:
    t.write("\n".join(dmesg) + "\n")
check = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dmesg-check.sh")
if dmesg and subprocess.call([check, t.name]) == 0:
    print("run-vmtest: guest dmesg clean")
    passed += 1
else:
    print("run-vmtest: FAIL guest dmesg has a kernel report, or is missing")
    failed += 1
os.unlink(t.name)
if vrc != "0" and failed == 0:
    print(f"run-vmtest: FAIL vmtest.sh exited with {vrc} without a failing test")
    failed += 1

print(f"run-vmtest: finished in {(time.time() - int(t0)) / 60:.0f} min")
tail = f", {skipped} skipped" if skipped else ""
print(f"{passed} passed, {failed} failed{tail}")
sys.exit(1 if failed else 0)
