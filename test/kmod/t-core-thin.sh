# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The thin path through dtrace.ko and the consumer, with DOFs built by
# test/kmod/core_dof.c: BEGIN fires, printf() and trace() records reach
# the buffer and come out formatted as dtrace(1M) prints them, exit(n)
# ends tracing with status n, a NULL dereference abandons only its own
# clause and is reported in DTrace's words (the consumer's ERROR enabling), and global, thread-local, clause-local and array
# variables keep what is stored in them.  (The CPU column is masked: BEGIN runs on
# whichever CPU the consumer is on.)
. test/kmod/lib.sh

prog=$KMOD_BIN/core_dof
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi

# Run core_dof MODE, compare its masked output with EXPECTED, check status.
expect() {
	local mode=$1 want_rc=$2 want=$3 out rc
	out=$("$prog" "$mode" 2>&1)
	rc=$?
	out=$(printf '%s\n' "$out" |
		sed -E '/^ *[0-9]+ +[0-9]+ +[^ ]*:[A-Za-z0-9_-]+( |$)/s/^.../  C/')
	if [ "$out" = "$want" ]; then
		ok "$mode: output"
	else
		not_ok "$mode: output"
		diag "got:" "$out" "wanted:" "$want"
	fi
	check "$mode: exit status $want_rc (got $rc)" [ "$rc" -eq "$want_rc" ]
}

expect hello 3 "CPU     ID                    FUNCTION:NAME
  C      1                           :BEGIN hello 42"

expect trace 0 "CPU     ID                    FUNCTION:NAME
  C      1                           :BEGIN              1234  core_dof                         "

expect nullptr 0 "dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address (0x0) in action #1 at DIF offset 0
CPU     ID                    FUNCTION:NAME
  C      1                           :BEGIN "

expect vars 0 "CPU     ID                    FUNCTION:NAME
  C      1                           :BEGIN                 5
  C      1                           :BEGIN                 7
  C      1                           :BEGIN                 9
  C      1                           :BEGIN                11"
