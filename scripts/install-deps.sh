#!/bin/sh
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Install, idempotently and by package name, everything the build, the tests
# and the benchmarks need on a Debian 12 (bookworm) machine: the toolchain,
# the libraries libtrace links against, QEMU and busybox for the VM test bed,
# and the two supported Debian kernels (6.1 from bookworm, the newest 6.12
# from bookworm-backports) with their headers.  Kernel versions are found
# from apt, never hard-coded.  Safe to run again.
set -eu

export DEBIAN_FRONTEND=noninteractive
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

BACKPORTS=/etc/apt/sources.list.d/dtrace-bookworm-backports.sources
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	$SUDO tee "$BACKPORTS" >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
$SUDO apt-get update -qq

PACKAGES="build-essential make gcc bison flex pkg-config
	libelf-dev libdwarf-dev binutils-dev zlib1g-dev
	clang libclang-rt-14-dev valgrind xz-utils
	qemu-system-x86 busybox-static cpio kmod bpftrace python3
	linux-image-amd64 linux-headers-amd64"

# The newest 6.12 build in backports: image (unsigned) and headers.
bp=$(apt-cache pkgnames linux-image-6.12. |
	grep -E '^linux-image-6\.12\.[0-9]+\+bpo-amd64-unsigned$|^linux-image-6\.12\.[0-9.]+\+deb12-amd64-unsigned$' |
	sort -V | tail -n 1)
if [ -z "$bp" ]; then
	echo "install-deps: no linux-image-6.12.*-amd64-unsigned in bookworm-backports" >&2
	exit 1
fi
kver=${bp#linux-image-}
kver=${kver%-unsigned}
PACKAGES="$PACKAGES $bp linux-headers-$kver"

missing=
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "install-deps: installing:$missing"
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing
fi
echo "install-deps: all present; kernels: $(ls /lib/modules | tr '\n' ' ')"
