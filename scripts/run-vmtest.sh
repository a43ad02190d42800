#!/bin/bash
# `make vmtest`: the series' tests the way BPF CI runs them.  The series
# tree's own (patched) tools/testing/selftests/bpf/vmtest.sh builds the
# kernel from the selftests' config, config.vm and config.x86_64 (BPF CI's
# kernel config) in its own build directory, builds all the selftests,
# and boots QEMU (TCG here: no usable KVM) on a root filesystem made like
# BPF CI's (scripts/build-vmtest-rootfs.sh).  In the guest,
# tests/vmtest-guest.sh runs tests/allowlist.txt through test_progs,
# test_progs-no_alu32 and test_progs-cpuv4 (-j) and then test_verifier.
# Ends with
#   N passed, N failed[, N skipped]
# counting top-level test_progs tests of each flavour, test_verifier
# tests, and one for a clean guest dmesg; exits non-zero on any failure.
#
# It works on a copy of the committed `series` branch ($STATE/vmtest/linux),
# so its build outputs never mix with `make check`'s.
set -uo pipefail
. "$(dirname "$0")/config.sh"
logs=$STATE/logs
dir=$STATE/vmtest
src=$dir/linux
sel=$src/tools/testing/selftests/bpf
mkdir -p "$logs" "$dir"
t0=$(date +%s)

die() {
	echo "run-vmtest: $1"
	[ -z "${2:-}" ] || tail -n 40 "$2" | sed 's/^/  /'
	echo "run-vmtest: finished in $(( ($(date +%s) - t0) / 60 )) min"
	echo "0 passed, 1 failed"
	exit 1
}

if [ "$(id -u)" = 0 ]; then
	"$TOP/scripts/install-deps.sh" > "$logs/vmtest-install-deps.log" 2>&1 ||
		die "install-deps FAILED" "$logs/vmtest-install-deps.log"
fi
if [ "${SKIP_PREPARE:-0}" != 1 ]; then
	"$TOP/scripts/prepare-tree.sh" > "$logs/vmtest-prepare-tree.log" 2>&1 ||
		die "prepare-tree FAILED" "$logs/vmtest-prepare-tree.log"
fi
rootfs=$("$TOP/scripts/build-vmtest-rootfs.sh" 2> "$logs/vmtest-rootfs.log") ||
	die "build-vmtest-rootfs FAILED" "$logs/vmtest-rootfs.log"

# The source copy: a clone of the work tree (objects hard-linked), moved
# to the series commit; checkout rewrites only files that changed.
if ! git -C "$src" rev-parse -q --verify HEAD > /dev/null 2>&1; then
	rm -rf "$src"
	git clone -q --no-checkout "$TREE" "$src" || die "clone of $TREE FAILED"
fi
git -C "$src" fetch -q "$TREE" series &&
	git -C "$src" checkout -q -f --detach FETCH_HEAD ||
	die "checkout of the series FAILED"
echo "run-vmtest: series $(git -C "$src" log -1 --format='%h %s')"
cp "$TOP/tests/vmtest-guest.sh" "$sel/"
cp "$TOP/tests/allowlist.txt" "$sel/series-allowlist.txt"
cp "$TOP/tests/denylist.txt" "$sel/series-denylist.txt"

# vmtest.sh as BPF CI's developers run it, with the build in $dir/build
# and its image, config and logs in $dir/out.  Compilers go through
# ccache (Debian's gcc/clang symlinks); a cold cache costs ~5%.
# -i: the image is made afresh from the rootfs tarball each time (a
# root.img that outlived a change of the tarball would be reused).
#
# QEMU 7.2's multi-threaded TCG can run a stale int3 left by text_poke_bp()
# on the other vCPU (seen under test_progs -j: "Oops: int3" in
# bpf_dispatcher_xdp_func while one worker attached XDP programs and the
# other ran one): the vCPUs take turns on one host thread instead
# (-accel tcg,thread=single), through a qemu-system-x86_64 early in PATH,
# since vmtest.sh takes no QEMU options.
wrap=$dir/qemu-single
mkdir -p "$wrap"
cat > "$wrap/qemu-system-x86_64" <<'EOF'
#!/bin/bash
args=()
for a in "$@"; do
	[ "$a" = tcg ] && a=tcg,thread=single
	args+=("$a")
done
exec /usr/bin/qemu-system-x86_64 "${args[@]}"
EOF
chmod +x "$wrap/qemu-system-x86_64"
run() {
	(cd "$sel" && PATH=$wrap:/usr/lib/ccache:$PATH CCACHE_DIR=$dir/ccache O=$dir/build \
		timeout "${VMTEST_TIMEOUT:-10800}" ./vmtest.sh -i -l "$rootfs" \
		-d "$dir/out" -j "$JOBS" -- ./vmtest-guest.sh)
}
rm -f "$dir"/out/bpf_selftests.*
echo "run-vmtest: vmtest.sh (kernel and selftests build, then the VM); output in $logs/vmtest.log"
s=$(date +%s)
run > "$logs/vmtest.log" 2>&1
vrc=$?
guest=$(ls -t "$dir"/out/bpf_selftests.*.log 2> /dev/null | head -1)
if ! grep -q 'vmtest-guest: start' "$guest" 2> /dev/null &&
   grep -q 'Oops: int3' "$logs/vmtest.log"; then
	# QEMU 7.2's multi-threaded TCG can oops at a jump label being
	# patched, also while booting: boot once more.
	echo "run-vmtest: the guest oopsed with int3 before the tests started; booting once more"
	mv "$logs/vmtest.log" "$logs/vmtest-int3.log"
	run > "$logs/vmtest.log" 2>&1
	vrc=$?
	guest=$(ls -t "$dir"/out/bpf_selftests.*.log 2> /dev/null | head -1)
fi
echo "run-vmtest: vmtest.sh exited with $vrc after $(( $(date +%s) - s ))s"
grep -aE '^(Using (KVM|TCG)|QEMU command:)' "$logs/vmtest.log" | sed 's/^/  /'
[ -n "$guest" ] && grep -q 'vmtest-guest: start' "$guest" ||
	die "the guest did not run the tests" "$logs/vmtest.log"
exec python3 "$TOP/scripts/vmtest-results.py" "$guest" "$TOP/tests/allowlist.txt" \
	"$TOP/tests/denylist.txt" "$vrc" "$t0"
