# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# 10,000 mutants of compiled DOFs (flipped bytes, truncated images, huge
# counts, offsets and sizes out of range) are each refused by the module
# with a message, or accepted and run (BEGIN, END, drain) safely; the
# console stays clean (the driver checks the kernel log).  How many were
# refused at each validation stage is printed, so we can see that the
# mutations reach past the header checks.
. test/kmod/lib.sh

prog=$KMOD_BIN/core_dof
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
# Accepted mutants that fault print DTrace's error lines: not output here.
"$prog" fuzz 10000 2>/dev/null
