# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Helpers for the kernel suite's shell tests (test/kmod/t-*.sh), sourced by
# each of them.  They print TAP lines without numbers ("ok - what"); the
# driver, test/kmod/run-suite.sh, numbers every suite's lines into one
# stream.  The driver also exports:
#
#   DTRACE_KO   the dtrace.ko under test
#   KMOD_BIN    where the suite's compiled programs are (build/test/kmod)
#   DTRACE_BIN  the dtrace command (build/dtrace; may not exist yet)
#   ABI_VERSION DTRACE_ABI_VERSION from include/dtrace/abi.h
#
# and runs each t-*.sh with dtrace.ko loaded, from the repository's root.

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
skip() { echo "ok - $1 # SKIP $2"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

# check DESCRIPTION COMMAND [ARGS...]: ok if the command succeeds.
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

module_loaded() { [ -d /sys/module/dtrace ]; }

# The device node exists as a root-owned character device of mode 0600.
device_ok() {
	[ -c /dev/dtrace ] && [ "$(stat -c '%a %u' /dev/dtrace)" = "600 0" ]
}

load_module() { insmod "$DTRACE_KO"; }
unload_module() { rmmod dtrace; }
