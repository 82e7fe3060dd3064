#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# check-vm.sh KVER DTRACE_KO LOG: run the kernel suite (run-suite.sh) for
# one kernel in the VM test bed and write its TAP lines, each prefixed with
# the kernel version, to LOG (and to stdout).  The console goes beside the
# log (LOG with .console for .tap).  Whatever the test bed itself reports
# becomes a TAP line too, so that `make check` counts it: a timeout, kernel
# trouble on the console, or a guest that never reported back.  PARTS, if
# set, limits the run to the parts it names (run-suite.sh); the test bed
# runs its command through the shell, hence the quoting.
set -u

kver=$1
ko=$2
log=$3
console=${log%.tap}.console
timeout=${VM_TIMEOUT:-3600}	# a backstop; each part has its own (run-suite.sh)
# A guest silent for 15 minutes is hung (no part is silent for its whole
# 10-minute timeout): test/vm/run shows where its CPUs are and stops it.
export VM_STALL=${VM_STALL:-900}
err=$(mktemp)
trap 'rm -f "$err"' EXIT

start=$(date +%s)
# test/vm/run joins its words with spaces: quote PARTS for the guest shell.
test/vm/run --kver "$kver" --timeout "$timeout" --console "$console" -- \
	env "PARTS=$(printf %q "${PARTS:-}")" test/kmod/run-suite.sh "$ko" 2>"$err" |
	sed -u "s/^\(not \)\{0,1\}ok [0-9]* - /&$kver: /" | tee "$log"
rc=${PIPESTATUS[0]}

{
	sed 's/^/# /' "$err"
	echo "# $kver: the VM run took $(($(date +%s) - start)) s (status $rc)"
	case $rc in
	124) echo "not ok - $kver: the suite finished within $timeout s, without a stall of $VM_STALL s" ;;
	125) echo "not ok - $kver: the VM test bed ran the suite (console: $console)" ;;
	120) echo "not ok - $kver: kernel console clean (console: $console)" ;;
	*)   echo "ok - $kver: kernel console clean" ;;
	esac
	if [ "$rc" != 0 ] && [ "$rc" != 120 ] && ! grep -q '^not ok' "$log"; then
		echo "not ok - $kver: the suite exited with status $rc"
	fi
} | tee -a "$log"
