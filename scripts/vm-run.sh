#!/bin/bash
# Boot the built kernel in QEMU and run one command in it, from the
# current directory, with the host's / as read-only root.
#
#   vm-run.sh [-k KIND] [-i] [-t SECONDS] [-m MEM] [-r DIR] -- COMMAND [ARGS...]
#
#   -k  which kernel: $STATE/build-KIND (default test: the lockdep kernel
#       of build-kernel.sh test)
#   -i  count instructions: single-threaded TCG with -icount, so that the
#       guest's clock counts executed instructions (1 ns each) and rates
#       become work per 10^9 guest instructions, immune to host noise
#   -t  timeout for the whole VM (default 1800)
#   -m  guest memory (default 4G)
#   -r  results directory (default $STATE/vm-results/last), writable in the
#       guest as /run/results; holds exit-code, dmesg, console.log
#
# Exits with the command's status.  Any WARN, BUG, lockdep, KASAN, ...
# report in the guest's dmesg fails the run (exit 3), as does a boot
# that never reaches the command (exit 4) or a timeout (exit 124).
set -euo pipefail
. "$(dirname "$0")/config.sh"

kind=test tmo=1800 mem=4G res=$STATE/vm-results/last icount=0
while getopts "k:it:m:r:" o; do
	case $o in
	k) kind=$OPTARG ;;
	i) icount=1 ;;
	t) tmo=$OPTARG ;;
	m) mem=$OPTARG ;;
	r) res=$OPTARG ;;
	*) sed -n '2,/^set /p' "$0" | sed '$d' >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "vm-run: no command" >&2; exit 2; }

kernel=$STATE/build-$kind/arch/x86/boot/bzImage
[ -f "$kernel" ] || { echo "vm-run: no $kernel; run scripts/build-kernel.sh $kind" >&2; exit 2; }

rm -rf "$res"
mkdir -p "$res"
res=$(cd "$res" && pwd)
{
	echo "cd $(printf %q "$PWD") || exit 125"
	printf '%q ' "$@"
	echo
} > "$res/cmd.sh"

# /dev/kvm here may be a nested PVM hypervisor that cannot boot a stock
# kernel: use KVM only when the CPU really offers VMX/SVM.
if [ $icount = 1 ]; then
	accel=(-accel tcg,thread=single -icount shift=0,sleep=off,align=off -cpu max)
elif grep -qwE 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
	accel=(-accel kvm -cpu host)
else
	accel=(-accel tcg,thread=multi -cpu max)
fi

append="console=ttyS0 root=/dev/root rootfstype=9p ro"
append+=" rootflags=trans=virtio,version=9p2000.L,msize=512000,cache=loose"
# The guest mounts tmpfs on /tmp, /run, /var/tmp and /mnt: run init from
# the results directory, which is visible at the same path in the guest,
# wherever this checkout lives.
cp "$TOP/scripts/vm-init" "$res/vm-init"
append+=" init=$res/vm-init panic=-1 quiet loglevel=4"

boot() {
	timeout --kill-after=10 "$tmo" qemu-system-x86_64 "${accel[@]}" -smp 2 -m "$mem" \
		-nographic -no-reboot -kernel "$kernel" -append "$append" \
		-fsdev local,id=root,path=/,security_model=none,readonly=on,multidevs=remap \
		-device virtio-9p-pci,fsdev=root,mount_tag=/dev/root \
		-fsdev local,id=results,path="$res",security_model=none,multidevs=remap \
		-device virtio-9p-pci,fsdev=results,mount_tag=results \
		< /dev/null 2>&1 | tee "$res/console.log"
	return "${PIPESTATUS[0]}"
}

set +e
boot
qrc=$?
# Multi-threaded TCG (QEMU 7.2) can take an int3 at a jump label that is
# being patched while the other vCPU runs it, also while booting: retry
# such a boot once, if the command had not started yet.
if [ ! -f "$res/exit-code" ] && grep -q 'Oops: int3' "$res/console.log" &&
   ! grep -q '^vm-init: .* running' "$res/console.log"; then
	echo "vm-run: the guest oopsed with int3 before the command started; booting once more" >&2
	mv "$res/console.log" "$res/console-int3.log"
	boot
	qrc=$?
fi
set -e

if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
	echo "vm-run: timed out after ${tmo}s" >&2
	exit 124
fi
if [ ! -f "$res/exit-code" ]; then
	echo "vm-run: the guest did not finish the command (qemu status $qrc); see $res/console.log" >&2
	exit 4
fi
rc=$(cat "$res/exit-code")
if "$TOP/scripts/dmesg-check.sh" "$res/dmesg"; then
	exit "$rc"
fi
exit 3
