# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The destructive actions (kernel/dtk_destructive.c): refused without -w
# with a clear message; chill() busy-waits, within its per-CPU budget
# (beyond it: an illegal operation); raise() signals the process that
# fired the probe (SIGUSR1 and SIGKILL kill test/kmod/destr_target);
# stop() stops it (state T in /proc/PID/stat); copyoutstr() and copyout()
# change its memory (the path it opens, the buffer it writes), and a
# copyout() to a bad address is DTrace's "invalid address" error;
# breakpoint() is refused by the compiler.  panic() is only checked to be
# refused without -w: this suite's VM must live on.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi
TARGET=$KMOD_BIN/destr_target
if [ ! -x "$TARGET" ]; then
	not_ok "$TARGET is built"
	exit 0
fi

# refused WHAT D-PROGRAM: without -w, status 1 and the module's message.
refused() {
	local out rc
	out=$("$DTRACE_BIN" -qn "$2" 2>&1)
	rc=$?
	if [ "$rc" -eq 1 ] &&
	   grep -q "destructive action not permitted (use -w)" <<<"$out"; then
		ok "$1 refused without -w"
	else
		not_ok "$1 refused without -w (status $rc)"
		diag "$out"
	fi
}
refused "raise()" 'BEGIN { raise(9); }'
refused "stop()" 'BEGIN { stop(); }'
refused "chill()" 'BEGIN { chill(1); }'
refused "panic()" 'BEGIN { panic(); }'
out=$("$DTRACE_BIN" -qn 'syscall::openat:entry { copyoutstr("x", arg1, 2); }' 2>&1)
rc=$?
check "copyoutstr() refused without -w (status $rc)" \
	eval '[ $rc -eq 1 ] && grep -q "not permitted\|destructive" <<<"$out"'
diag "$out"

out=$("$DTRACE_BIN" -wqn 'BEGIN { breakpoint(); }' 2>&1)
rc=$?
check "breakpoint() refused by the compiler, even with -w" \
	eval '[ $rc -eq 1 ] && grep -q "breakpoint( ) is not supported on Linux" <<<"$out"'

out=$("$DTRACE_BIN" -wqn 'BEGIN { t = timestamp; chill(200000000);
	printf("%s\n", timestamp - t >= 200000000 ? "chilled" : "not");
	exit(0); }' 2>&1)
check "chill(200 ms) waits 200 ms" [ "$out" = "chilled" ]
diag "$out"

out=$("$DTRACE_BIN" -wqn 'BEGIN { chill(600000000); }
	BEGIN { printf("next\n"); exit(0); }' 2>&1)
check "chill() beyond the 500 ms budget: illegal operation, no wait" \
	eval 'grep -q "dtrace:::BEGIN): illegal operation in action #1" <<<"$out" &&
	grep -q next <<<"$out"'
diag "$out"

# run_target MODE: start the target in the background ($tpid).
run_target() {
	"$TARGET" "$1" >/tmp/destr.out 2>&1 &
	tpid=$!
}

# trace D-PROGRAM: dtrace -w in the background until it exits (the
# program calls exit()) or 20 s pass; its output in $out.
trace() {
	local pid i
	"$DTRACE_BIN" -wqn "$1" >/tmp/destr.dt 2>&1 &
	pid=$!
	for i in $(seq 40); do
		kill -0 $pid 2>/dev/null || break
		sleep 0.5
	done
	kill -TERM $pid 2>/dev/null
	wait $pid
	out=$(cat /tmp/destr.dt)
}

for sig in 10 9; do
	run_target loop
	trace "syscall::getppid:entry /pid == $tpid/ { raise($sig); exit(0); }"
	wait $tpid
	rc=$?
	check "raise($sig) kills the target (status $rc)" [ "$rc" -eq $((128 + sig)) ]
	diag "$out"
done

run_target loop
trace "syscall::getppid:entry /pid == $tpid/ { stop(); exit(0); }"
sleep 0.5
state=$(awk '{ print $3 }' /proc/$tpid/stat 2>/dev/null)
check "stop() stops the target (state $state)" [ "$state" = T ]
diag "$out"
kill -KILL $tpid 2>/dev/null
wait $tpid 2>/dev/null

run_target open
trace "syscall::openat:entry /pid == $tpid/ {
	copyoutstr(\"/etc/hostname\", arg1, 14); exit(0); }"
wait $tpid
rc=$?
tout=$(cat /tmp/destr.out)
check "copyoutstr() changes the path the target opens" \
	eval '[ $rc -eq 0 ] && [ "$tout" = "opened /etc/hostname" ]'
diag "$out" "$tout"

run_target write
trace "syscall::write:entry /pid == $tpid/ {
	copyout(\"changed!\", arg1, 8); exit(0); }"
wait $tpid
rc=$?
tout=$(cat /tmp/destr.out)
check "copyout() changes the buffer the target writes" \
	eval '[ $rc -eq 0 ] && grep -q "^changed!\$" <<<"$tout" &&
	[ "$(tail -n 1 <<<"$tout")" = changed ]'
diag "$out" "$tout"

run_target loop
trace "syscall::getppid:entry /pid == $tpid/ {
	copyout((char *)alloca(8), 0, 8); }
	syscall::getppid:entry /pid == $tpid/ { exit(0); }"
kill -KILL $tpid 2>/dev/null
wait $tpid 2>/dev/null
check "copyout() to a bad address: invalid address (0x0)" \
	eval 'grep -q "): invalid address (0x0) in action #1 at DIF offset" <<<"$out"'
diag "$out"
