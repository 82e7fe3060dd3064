# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Broken DOFs (bad magic, truncated, trailing bytes after dofh_loadsz --
# the size given must be the image's, so nothing unchecked rides along --,
# huge counts, offsets and sizes out of range or wrapping, records outside
# their payload, an unknown DIF opcode, nonzero reserved fields) are each
# refused with an errno and a message, and leave the console clean (the
# driver checks the kernel log).
. test/kmod/lib.sh

prog=$KMOD_BIN/core_dof
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
"$prog" bad
