# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The /dev/dtrace ioctl ABI, tested by test/kmod/ioctl_test.c (which says
# what it asserts).
. test/kmod/lib.sh

if [ -x "$KMOD_BIN/ioctl_test" ]; then
	"$KMOD_BIN/ioctl_test"
else
	not_ok "$KMOD_BIN/ioctl_test is built"
fi
