#!/bin/bash
# The README test command (`make check`).  From a fresh Debian 12 machine:
# install packages, set up the tree from patches/, checkpatch every patch,
# build the test kernel and the BPF selftests, boot the kernel in QEMU and
# run the test_progs allowlist there.  Counts one test per patch checked,
# per test_progs test and for a clean guest dmesg, and ends with
#   N passed, N failed[, N skipped]
# exiting non-zero if anything failed.
#
# SKIP_PREPARE=1 tests the work tree as it is (uncommitted edits included)
# instead of resetting it to patches/.
set -uo pipefail
. "$(dirname "$0")/config.sh"
logs=$STATE/logs
mkdir -p "$logs"
pass=0 fail=0 skip=0
t0=$(date +%s)

finish() {
	echo "run-tests: finished in $(( ($(date +%s) - t0) / 60 )) min"
	if [ "$skip" -gt 0 ]; then
		echo "$pass passed, $fail failed, $skip skipped"
	else
		echo "$pass passed, $fail failed"
	fi
	[ "$fail" = 0 ]
	exit
}

# step NAME CMD...: run a setup step with its output in $logs/NAME.log
step() {
	local name=$1 s rc
	shift
	s=$(date +%s)
	"$@" > "$logs/$name.log" 2>&1
	rc=$?
	if [ $rc = 0 ]; then
		echo "run-tests: $name ok ($(( $(date +%s) - s ))s)"
	else
		echo "run-tests: $name FAILED (exit $rc), last lines of $logs/$name.log:"
		tail -n 40 "$logs/$name.log" | sed 's/^/  /'
		fail=$((fail + 1))
		finish
	fi
}

if [ "$(id -u)" = 0 ]; then
	step install-deps "$TOP/scripts/install-deps.sh"
fi
[ "${SKIP_PREPARE:-0}" = 1 ] || step prepare-tree "$TOP/scripts/prepare-tree.sh"

"$TOP/scripts/checkpatch.sh" > "$logs/checkpatch.log" 2>&1
cp_pass=$(grep -c '^checkpatch: PASS' "$logs/checkpatch.log")
cp_fail=$(grep -c '^checkpatch: FAIL' "$logs/checkpatch.log")
pass=$((pass + cp_pass)) fail=$((fail + cp_fail))
echo "run-tests: checkpatch --strict: $cp_pass patches clean, $cp_fail not"
[ "$cp_fail" = 0 ] || grep -v '^checkpatch: PASS' "$logs/checkpatch.log" | sed 's/^/  /'

step build-kernel "$TOP/scripts/build-kernel.sh" test
step build-selftests "$TOP/scripts/build-selftests.sh" test_progs

res=$STATE/vm-results/check
# The guest hides /tmp and other tmpfs mount points: give it copies of
# the test lists outside this checkout, which may live there.
guest=$STATE/vm-tests
rm -rf "$guest"
cp -r "$TOP/tests" "$guest"
echo "run-tests: booting the test kernel; test_progs output follows"
s=$(date +%s)
(cd / && "$TOP/scripts/vm-run.sh" -k test -t "${VM_TIMEOUT:-2700}" -r "$res" -- \
	"$guest/vm-test-progs.sh" "$TREE/tools/testing/selftests/bpf") > "$logs/vm-tests.log" 2>&1
vrc=$?
echo "run-tests: VM exited with $vrc after $(( $(date +%s) - s ))s"

# Top-level test lines: "#12      name:OK" (subtests carry a "/"); the
# serial console ends lines with CR LF.
tr -d '\r' < "$logs/vm-tests.log" > "$res/output.txt"
grep -aE '^#[0-9]+ +[^/ ]+:(OK|FAIL|SKIP)' "$res/output.txt" |
	sed -E 's/^#[0-9]+ +//; s/ *\(.*//' > "$res/results.txt"
grep -aE '^#[0-9]+ |^#[0-9]+/[0-9]+ .*:FAIL' "$res/output.txt" | sed 's/^/  /'
t_pass=$(grep -c ':OK$' "$res/results.txt")
t_fail=$(grep -c ':FAIL$' "$res/results.txt")
t_skip=$(grep -c ':SKIP$' "$res/results.txt")
pass=$((pass + t_pass)) fail=$((fail + t_fail)) skip=$((skip + t_skip))
echo "run-tests: test_progs: $t_pass passed, $t_fail failed, $t_skip skipped"

# Every plain name in the allowlist must have run.
missing=0
while read -r name; do
	grep -q "^$name:" "$res/results.txt" && continue
	grep -qE "^$name\b" <(sed 's/#.*//' "$TOP/tests/denylist.txt") && continue
	echo "run-tests: FAIL $name: in the allowlist but did not run"
	missing=$((missing + 1))
done < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$TOP/tests/allowlist.txt" | grep -E '^[A-Za-z0-9_]+$')
fail=$((fail + missing))

# A clean guest dmesg is one more test; a guest that did not get through
# its command (crash, timeout) fails it as well.
if "$TOP/scripts/dmesg-check.sh" "$res/dmesg" 2>> "$logs/vm-tests.log" && [ -f "$res/exit-code" ]; then
	pass=$((pass + 1))
	echo "run-tests: guest dmesg clean"
else
	fail=$((fail + 1))
	echo "run-tests: FAIL guest dmesg has a kernel report, or the VM did not finish (vm-run exit $vrc):"
	tail -n 60 "$logs/vm-tests.log" | sed 's/^/  /'
fi
if [ $vrc != 0 ] && [ "$t_fail" = 0 ] && [ $missing = 0 ] && [ $vrc != 3 ]; then
	# test_progs failed without a failing test line (crash, bad args)
	fail=$((fail + 1))
	echo "run-tests: FAIL test_progs exited with $vrc"
fi
finish
