#!/bin/bash
# Runs in the guest of vmtest.sh (BPF CI's root filesystem), from the
# selftests directory it copied there: the series' allowlist through the
# three test_progs flavours BPF CI runs, in parallel mode (-j) as it does,
# then test_verifier, then the kernel log for scripts/run-vmtest.sh.
names() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | awk NF | paste -sd, -; }
allow=$(names series-allowlist.txt)
deny=$(names series-denylist.txt)
args=(-j -a "$allow")
[ -z "$deny" ] || args+=(-d "$deny")
rc=0
echo "vmtest-guest: start"
for t in test_progs test_progs-no_alu32 test_progs-cpuv4; do
	echo "vmtest-guest: ./$t ${args[*]}"
	./"$t" "${args[@]}" || rc=1
done
echo "vmtest-guest: ./test_verifier"
./test_verifier || rc=1
echo "vmtest-guest: dmesg begins"
dmesg
echo "vmtest-guest: dmesg ends, exit $rc"
exit $rc
