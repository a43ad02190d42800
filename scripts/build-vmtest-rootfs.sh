#!/bin/bash
# Build, offline of GitHub, the root filesystem vmtest.sh boots: what BPF
# CI's rootfs/mkrootfs_debian.sh makes (Debian bookworm minbase, the same
# packages, busybox init with the same rcS scripts), from the Debian mirror
# apt uses, packed as the .tar.zst that `vmtest.sh -l` takes.
#
#   build-vmtest-rootfs.sh      prints the path of the image, building it
#                               if this script changed since the last build
#
# The image is named after a hash of this script, so a change of the
# package list or of the tweaks below builds a new one.
set -euo pipefail
. "$(dirname "$0")/config.sh"

# BPF CI's package list; nothing else (tests must not need more)
PKGS=(binutils busybox elfutils ethtool iproute2 iptables libcap2 libelf1
	strace zlib1g)

dir=$STATE/vmtest
hash=$(sha256sum "$0" | cut -c1-12)
out=$dir/rootfs-bookworm-$hash.tar.zst
if [ -s "$out" ]; then
	echo "$out"
	exit 0
fi
mkdir -p "$dir"
root=$(mktemp -d -p "$dir" rootfs.XXXXXX)
trap 'rm -rf "$root" "$out.tmp"' EXIT

echo "build-vmtest-rootfs: mmdebstrap bookworm minbase + ${PKGS[*]}" >&2
mmdebstrap --quiet --mode=root --variant=minbase \
	--include="$(IFS=, && echo "${PKGS[*]}")" bookworm "$root" >&2

# The tests bring their own init scripts; docs, locales and apt's caches
# are dead weight in the image.
rm -rf "$root"/etc/rcS.d "$root"/usr/share/{doc,info,locale,man,zoneinfo} \
	"$root"/var/cache/apt/archives/* "$root"/var/lib/apt/lists/*

# busybox init: mount what the selftests use, bring lo up, then run
# /etc/rcS.d/S* in order (vmtest.sh adds S50-startup, the test command)
chroot "$root" /bin/busybox --install
cat > "$root/etc/inittab" <<'EOF'
::sysinit:/etc/init.d/rcS
::ctrlaltdel:/sbin/reboot
::shutdown:/sbin/swapoff -a
::shutdown:/bin/umount -a -r
::restart:/sbin/init
EOF
mkdir -p "$root/etc/init.d" "$root/etc/rcS.d"
cat > "$root/etc/init.d/rcS" <<'EOF'
#!/bin/sh
set -eux
for path in /etc/rcS.d/S*; do
	[ -x "$path" ] && "$path"
done
EOF
cat > "$root/etc/rcS.d/S10-mount" <<'EOF'
#!/bin/sh
set -eux
/bin/mount proc /proc -t proc
[ -n "$(/bin/mount -t devtmpfs)" ] || /bin/mount devtmpfs /dev -t devtmpfs
/bin/mount sysfs /sys -t sysfs
/bin/mount bpffs /sys/fs/bpf -t bpf
/bin/mount debugfs /sys/kernel/debug -t debugfs
# process substitution needs /dev/fd
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd
/bin/mount
EOF
cat > "$root/etc/rcS.d/S40-network" <<'EOF'
#!/bin/sh
set -eux
ip link set lo up
EOF
chmod 644 "$root/etc/inittab"
chmod 755 "$root" "$root/etc/init.d/rcS" "$root"/etc/rcS.d/S*

tar -C "$root" -c . | zstd -q -T0 -o "$out.tmp"
mv "$out.tmp" "$out"
echo "build-vmtest-rootfs: $(du -h "$out" | cut -f1) $out" >&2
echo "$out"
