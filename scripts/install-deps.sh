#!/bin/bash
# Install every Debian 12 package the build, the VM runner and the tests use.
set -euo pipefail
. "$(dirname "$0")/config.sh"

PKGS=(
	"linux-source-6.12=$BASE_DEB_VERSION"
	build-essential bc bison flex libelf-dev libssl-dev dwarves ccache
	clang-19 lld-19 llvm-19 llvm-19-dev libclang-19-dev
	pkg-config libcap-dev zlib1g-dev libzstd-dev libbfd-dev binutils-dev
	python3 python3-docutils python3-ply python3-git rsync cpio kmod git xz-utils
	qemu-system-x86 busybox-static
	iproute2 ethtool iputils-ping tcpdump netcat-openbsd sockperf
	procps util-linux iptables stress-ng
	mmdebstrap sudo zstd e2fsprogs
)

if [ "$(id -u)" != 0 ]; then
	echo "install-deps: must run as root (apt-get)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
served=$(apt-cache madison linux-source-6.12 | awk '{print $3}' | xargs)
if [[ " $served " != *" $BASE_DEB_VERSION "* ]]; then
	echo "install-deps: linux-source-6.12 $BASE_DEB_VERSION is not served;" >&2
	echo "  available: ${served:-none}" >&2
	echo "  update BASE_DEB_VERSION in scripts/config.sh and re-test the series" >&2
	exit 1
fi
apt-get install -y -q --no-install-recommends "${PKGS[@]}"
