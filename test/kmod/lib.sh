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

# require_dtrace: the part needs the dtrace command; without it, one
# failure and the part ends.
require_dtrace() {
	[ -x "$DTRACE_BIN" ] && return 0
	not_ok "$DTRACE_BIN is built"
	exit 0
}

module_loaded() { [ -d /sys/module/dtrace ]; }

# The device node exists as a root-owned character device of mode 0600.
device_ok() {
	[ -c /dev/dtrace ] && [ "$(stat -c '%a %u' /dev/dtrace)" = "600 0" ]
}

load_module() { insmod "$DTRACE_KO"; }
unload_module() { rmmod dtrace; }

# dtrace_bg SIGNAL OUT ERR WORKLOAD DTRACE-ARGS...: dtrace in the
# background (stdout to OUT, stderr to ERR, which may be the same file)
# until it has matched its probes (or failed), the workload (a shell
# command), then SIGNAL.  A background job inherits SIGINT ignored: for
# INT it is restored, as a user's Ctrl-C finds it.  Leaves dtrace's exit
# status in $rc.
dtrace_bg() {
	local sig=$1 o=$2 e=$3 work=$4 pid
	shift 4
	if [ "$o" = "$e" ]; then
		(trap - INT; exec "$DTRACE_BIN" "$@") >"$o" 2>&1 &
	else
		(trap - INT; exec "$DTRACE_BIN" "$@") >"$o" 2>"$e" &
	fi
	pid=$!
	for _ in $(seq 60); do
		grep -q "matched\|dtrace:.*failed\|invalid" "$e" && break
		sleep 0.5
	done
	# "matched" is printed before tracing starts: let it start.
	sleep 2
	sh -c "$work" >/dev/null 2>&1
	sleep 1
	kill -"$sig" $pid 2>/dev/null
	wait $pid
	rc=$?
}

# oneliner WORKLOAD DTRACE-ARGS...: dtrace_bg with SIGTERM; dtrace's
# output, stderr too, is left in $out and shown as a diagnostic.
oneliner() {
	local file rc
	file=$(mktemp)
	dtrace_bg TERM "$file" "$file" "$@"
	shift
	out=$(cat "$file")
	rm -f "$file"
	diag "$*" "$out"
}

# same WHAT GOT WANT: ok if the two strings are the same.
same() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		diag "got:" "$2" "wanted:" "$3"
	fi
}

# dtrace_is WHAT WANT DTRACE-ARGS...: dtrace exits 0 and prints WANT
# (stdout and stderr together).
dtrace_is() {
	local what=$1 want=$2 out rc
	shift 2
	out=$("$DTRACE_BIN" "$@" 2>&1)
	rc=$?
	if [ "$rc" -eq 0 ] && [ "$out" = "$want" ]; then
		ok "$what"
	else
		not_ok "$what (status $rc)"
		diag "got:" "$out" "wanted:" "$want"
	fi
}
