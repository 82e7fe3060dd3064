# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The kernel build of dif/ against the userland one: every vector of
# test/unit/t_dif_vectors.c runs through a debug dtrace.ko's DIF test file
# (<dtrace/dif_test.h>, kernel/dtk_diftest.c) and must give the answer the
# userland build gives (ALU edge cases, loads and stores, variables,
# subroutines, faults with their places, verifier refusals).
. test/kmod/lib.sh

prog=build/test/unit/t_dif_vectors
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
if [ ! -e /sys/kernel/debug/dtrace/diftest ]; then
	skip "DIF cross-check" "not a debug build of dtrace.ko"
	exit 0
fi
"$prog" --kernel /sys/kernel/debug/dtrace/diftest |
	sed -E -e '/^1\.\.[0-9]+$/d' -e 's/^(not )?ok [0-9]+ - /\1ok - /'
