#!/bin/bash
# Show that the series' own tests can fail: boot the unpatched base kernel
# (build-kernel.sh bench-base) and run the tests of tests/series-tests.txt
# there, with the series' test_progs.  Every subtest must fail; the script
# lists each one and exits non-zero if any of them passes on the base.
# The tests of tests/regression-tests.txt check behaviour the base already
# has and the series reworks (they fail with the series' code broken, see
# that file): every subtest of theirs must pass on the base.
# Kernel reports in the guest's dmesg (the base warns when the sockmap
# race hits) are listed, not treated as a failed run.
set -euo pipefail
. "$(dirname "$0")/config.sh"
logs=$STATE/logs
res=$STATE/vm-results/base-tests
sel=$TREE/tools/testing/selftests/bpf
mkdir -p "$logs"

"$TOP/scripts/build-kernel.sh" bench-base > "$logs/build-kernel-bench-base.log" 2>&1 ||
	{ tail -n 30 "$logs/build-kernel-bench-base.log"; exit 1; }
[ -x "$sel/test_progs" ] || "$TOP/scripts/build-selftests.sh" test_progs > "$logs/build-selftests.log" 2>&1

names() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | awk NF | paste -sd, -; }
tests=$(names "$TOP/tests/series-tests.txt")
regr=$(names "$TOP/tests/regression-tests.txt")
vrc=0
(cd "$sel" && "$TOP/scripts/vm-run.sh" -k bench-base -t 1800 -r "$res" -- \
	./test_progs -a "$tests${regr:+,$regr}" --json-summary=/run/results/test_progs.json) \
	> "$logs/base-tests.log" 2>&1 || vrc=$?
case $vrc in
0 | 1) ;;
3)	# a kernel report in dmesg: the receive-memory race of the sockmap
	# backlog makes inet_sock_destruct() warn on the base, as it must;
	# any other report is a failed run
	"$TOP/scripts/dmesg-check.sh" "$res/dmesg" "$BASE_EXPECTED_WARN" |
		sed 's/^dmesg-check: expected: /base kernel: dmesg: /' || exit 1 ;;
*) echo "run-tests-on-base: the base VM run failed (vm-run exit $vrc), see $logs/base-tests.log"
   exit 1 ;;
esac

# test_progs' JSON summary leaves out the subtests that passed when their
# test failed; its per-subtest result lines list them all.
python3 - "$logs/base-tests.log" "$tests" "$regr" <<'PY'
import re, sys
want = sys.argv[2].split(",")
regr = [t for t in sys.argv[3].split(",") if t]
line = re.compile(r"^#\d+(/\d+)?\s+(\S.*?):(OK|FAIL|SKIP)")
seen, subs, tests, bad = set(), {}, {}, 0
for l in open(sys.argv[1], errors="replace"):
    m = line.match(l.strip())
    if not m:
        continue
    name, res = m.group(2), m.group(3)
    if m.group(1):
        subs.setdefault(name.split("/")[0], {})[name] = res
    else:
        tests[name] = res
nregr = badregr = 0
for t, res in tests.items():
    seen.add(t)
    for name, r in (subs.get(t) or {t: res}).items():
        if t in regr:
            nregr += 1
            if r == "OK":
                print("base kernel: OK %s (regression test: as it must)" % name)
            else:
                print("base kernel: %s %s  <- regression test" % (r, name))
                badregr += 1
        elif r == "FAIL":
            print("base kernel: FAIL %s (as it must)" % name)
        else:
            print("base kernel: %s %s  <- without the series" % (r, name))
            bad += 1
for name in want + regr:
    if name not in seen:
        print("base kernel: %s did not run" % name)
        bad += 1
print("run-tests-on-base: %d subtests, %d pass or did not run on the base kernel" %
      (sum(len(subs.get(t) or {t: 1}) for t in tests if t not in regr), bad))
if regr:
    print("run-tests-on-base: %d regression subtests, %d fail on the base kernel" %
          (nregr, badregr))
sys.exit(1 if bad or badregr else 0)
PY
