# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Dynamic-variable drops, told apart as DTrace tells them (dif/dif_dvar.c,
# the cleaner in kernel/dtk_state.c), with DTrace's messages on stderr:
# a pool full of live variables gives "dynamic variable drops"; deleted
# variables the cleaner has not reached yet, "... with non-empty dirty
# list"; deleted variables it has unlinked but not yet freed (it frees
# them at its next run, after a grace period), "... with non-empty
# rinsing list".  And self-> variables left set by threads that exit are
# reclaimed: 200 short-lived processes each set one in a pool of about 50,
# in batches, without a drop, and no new thread sees an old one's value.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ] || [ ! -x "$KMOD_BIN/prov_fire" ]; then
	not_ok "$DTRACE_BIN and $KMOD_BIN/prov_fire are built"
	exit 0
fi
loop="$KMOD_BIN/prov_fire loop"
outf=/tmp/dynvar.out
errf=/tmp/dynvar.err

# trace WORKLOAD DTRACE-ARGS...: dtrace in the background until its
# BEGIN says it traces, the workload, then SIGTERM (a background job
# inherits SIGINT ignored).  Leaves $out and $err.
trace() {
	local work=$1 pid i
	shift
	"$DTRACE_BIN" -n 'BEGIN { printf("ready\n"); }' "$@" >$outf 2>$errf &
	pid=$!
	for i in $(seq 120); do
		grep -q ready $outf && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.5
	done
	sh -c "$work" >/dev/null 2>&1
	sleep 2
	kill -TERM $pid 2>/dev/null
	wait $pid
	# (the interrupt's newline too: DTrace ends ^C's line even with -q)
	out=$(grep -v '^ready$\|^$' $outf)
	err=$(cat $errf)
	diag "stderr:" "$err"
}

# kinds: which drop messages stderr has (plain, dirty, rinsing), in order.
kinds() {
	local k=
	grep -Eq '^dtrace: [0-9]+ dynamic variable drops?$' <<<"$err" && k="$k plain"
	grep -Eq '^dtrace: [0-9]+ dynamic variable drops? with non-empty dirty list$' <<<"$err" && k="$k dirty"
	grep -Eq '^dtrace: [0-9]+ dynamic variable drops? with non-empty rinsing list$' <<<"$err" && k="$k rinsing"
	echo "${k# }"
}

trace "$loop 500" -x dynvarsize=4k -qn \
	'BEGIN { n = 0; }
	syscall::getppid:entry /execname == "prov_fire"/ { a[n++] = 1; }'
check "a pool full of live variables: plain drops only ($(kinds))" \
	[ "$(kinds)" = plain ]

# Each firing adds a key and deletes the one before; the cleaner does
# not run in the minute the test takes.
trace "$loop 500" -x dynvarsize=4k -x cleanrate=60s -qn \
	'BEGIN { n = 0; } syscall::getppid:entry /execname == "prov_fire"/ {
	a[n] = 1; a[n - 1] = 0; n++; }'
check "deleted variables not yet cleaned: drops with non-empty dirty list only ($(kinds))" \
	[ "$(kinds)" = dirty ]

# The same, then the cleaner's run at 10 s unlinks the deleted ones onto
# its rinsing list, which it frees at its run at 20 s: a second burst in
# between finds no chunk and the rinsing list full.
trace "$loop 500; sleep 12; $loop 500" -x dynvarsize=4k -x cleanrate=10s -qn \
	'BEGIN { n = 0; } syscall::getppid:entry /execname == "prov_fire"/ {
	a[n] = 1; a[n - 1] = 0; n++; }'
check "deleted variables unlinked, not yet freed: drops with non-empty rinsing list ($(kinds))" \
	[ "$(kinds)" = "dirty rinsing" ]

# self-> reclamation: 10 batches of 20 processes, each setting self->x
# once (a new thread must see it unset), in a pool of about 50 chunks.
trace "for b in 1 2 3 4 5 6 7 8 9 10; do
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		$loop 1; done; sleep 2; done" \
	-x dynvarsize=4k -qn \
	'self int x; syscall::getppid:entry /execname == "prov_fire" && self->x == 0/ {
	self->x = 1; @ = count(); } END { printa("%@d\n", @); }'
check "self-> variables of exited threads are reclaimed: 200 threads, no drop ($out; $(kinds))" \
	eval '[ "$out" = 200 ] && [ -z "$(kinds)" ]'

rm -f $outf $errf
