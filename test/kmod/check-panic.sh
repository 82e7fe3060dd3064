#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# check-panic.sh KVER KO: the panic() action, opt-in (`make check-panic`),
# never part of the suite: it boots its own VM, runs
# `dtrace -w -n 'BEGIN { panic(); }'` there and expects the kernel to
# panic with DTrace's message naming the probe.  Prints one TAP line.
kver=$1
ko=$2
console=$(mktemp)
trap 'rm -f "$console"' EXIT
want='Kernel panic - not syncing: dtrace: panic action at probe dtrace:::BEGIN'

test/vm/run --kver "$kver" --timeout 300 --console "$console" -- \
	"insmod $ko && build/dtrace -wqn 'BEGIN { panic(); }'" >/dev/null 2>&1
if grep -aq "$want" "$console"; then
	echo "ok - $kver: panic() panics the kernel with the probe's name"
else
	echo "not ok - $kver: panic() panics the kernel with the probe's name"
	grep -a -m5 -i panic "$console" | sed 's/^/# /'
	exit 1
fi
