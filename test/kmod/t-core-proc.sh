# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# dtrace -c and -p (libtrace/dt_proc.c): a -c command is held until
# tracing is on (its execve is traced), $target is its pid, tracing ends
# by itself when it exits, with "dtrace: pid N has exited" (or its exit
# status or signal) on stderr and dtrace's own exit status unchanged; the
# command's output goes through; several -c end when all have exited; a
# -p process is let go running and tracing ends when it is killed; bad
# pids and commands get DTrace's messages and status 1; $target without
# -c/-p is 0, as in DTrace.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

T=/tmp/t-core-proc.$$

# -c 'ls /' with syscall counts of the command only; ends by itself.
timeout 120 "$DTRACE_BIN" -c 'ls /' \
	-n 'syscall:::entry /pid == $target/ { @[probefunc] = count(); }' \
	>$T.out 2>$T.err
rc=$?
check "-c ls: exit status 0 (got $rc)" [ "$rc" -eq 0 ]
check "-c ls: its output goes through" grep -qx proc $T.out
check "-c ls: its execve is traced once" \
	grep -qE '^  execve +1$' $T.out
check "-c ls: its openat calls are counted" \
	grep -qE '^  openat +[0-9]+$' $T.out
check "-c ls: its exit_group is counted" \
	grep -qE '^  exit_group +1$' $T.out
check "-c ls: no syscall of dtrace itself (ioctl of /dev/dtrace at most once)" \
	sh -c "! grep -qE '^  ioctl +([2-9]|[0-9]{2,})\$' $T.out"
same "-c ls: stderr" "$(sed -E 's/pid [0-9]+ /pid N /' $T.err)" \
"dtrace: description 'syscall:::entry ' matched $(grep -o 'matched [0-9]* probes' $T.err | cut -d' ' -f2) probes
dtrace: pid N has exited"

# $target is the pid the exit message names.
"$DTRACE_BIN" -c true -n 'BEGIN { printf("target=%d\n", $target); }' \
	>$T.out 2>$T.err
rc=$?
t=$(sed -n 's/.*target=\([0-9]*\).*/\1/p' $T.out)
check "\$target is the command's pid ($t, rc $rc)" \
	grep -qx "dtrace: pid $t has exited" $T.err
check "\$target is a real pid, not 0 (got '$t')" [ -n "$t" ] && [ "$t" -gt 0 ]

# The command's own exit status and signal are reported; ours stays 0.
"$DTRACE_BIN" -c false -n 'BEGIN { }' >/dev/null 2>$T.err
rc=$?
check "-c false: dtrace's exit status stays 0 (got $rc)" [ "$rc" -eq 0 ]
check "-c false: 'exited with status 1'" \
	grep -qE '^dtrace: pid [0-9]+ exited with status 1$' $T.err
echo 'kill -9 $$' >$T.sh
"$DTRACE_BIN" -c "sh $T.sh" -n 'BEGIN { }' >/dev/null 2>$T.err
rc=$?
check "-c of a command killed by SIGKILL: status 0 (got $rc)" [ "$rc" -eq 0 ]
check "-c of a command killed: 'terminated by SIGKILL'" \
	grep -qE '^dtrace: pid [0-9]+ terminated by SIGKILL$' $T.err

# -q: the output of the command alone, no notice; exit(n) is our status.
out=$("$DTRACE_BIN" -q -c 'echo hello  world' -n 'END { printf("end\n"); }' 2>&1)
rc=$?
same "-c echo -q: output" "$out" "hello world
end"
check "-c echo -q: exit status 0 (got $rc)" [ "$rc" -eq 0 ]
out=$("$DTRACE_BIN" -q -c 'sleep 60' -n 'tick-200ms { exit(4); }' 2>&1)
rc=$?
check "-c sleep, exit(4): status 4 (got $rc)" [ "$rc" -eq 4 ]
same "-c sleep, exit(4): nothing printed" "$out" ""
check "-c sleep, exit(4): the command was killed" \
	sh -c '! pgrep -x sleep >/dev/null'

# Several -c: tracing ends when the last has exited.
start=$(date +%s)
"$DTRACE_BIN" -c true -c 'sleep 2' -n 'BEGIN { }' >/dev/null 2>$T.err
rc=$?
end=$(date +%s)
n=$(grep -cE '^dtrace: pid [0-9]+ has exited$' $T.err)
check "two -c: both exits reported (got $n, rc $rc)" [ "$n" -eq 2 ]
check "two -c: ended after the longer one ($((end - start)) s)" \
	[ $((end - start)) -ge 2 ]

# -p: a sleeping process, running again after the grab, ends tracing
# when it is killed.
sleep 600 &
victim=$!
"$DTRACE_BIN" -p $victim -qn 'BEGIN { printf("target=%d\n", $target); }
    END { printf("end\n"); }' >$T.out 2>$T.err &
dpid=$!
ticks=0
while [ $ticks -lt 1800 ] && ! grep -q target= $T.out; do
	sleep 0.1
	ticks=$((ticks + 1))
done
kill $victim
while [ $ticks -lt 1800 ] && kill -0 $dpid 2>/dev/null; do
	sleep 0.1
	ticks=$((ticks + 1))
done
if kill -0 $dpid 2>/dev/null; then
	not_ok "-p: dtrace ended when the process was killed"
	kill -TERM $dpid
	kill $victim 2>/dev/null
else
	ok "-p: dtrace ended when the process was killed"
fi
wait $dpid
rc=$?
wait $victim 2>/dev/null
check "-p: exit status 0 (got $rc)" [ "$rc" -eq 0 ]
same "-p: output" "$(cat $T.out)" "target=$victim
end"
same "-p: stderr (quiet: no notice)" "$(cat $T.err)" ""

sleep 60 &
victim=$!
"$DTRACE_BIN" -p $victim -n 'BEGIN { exit(0); }' >/dev/null 2>$T.err
rc=$?
state=$(awk '{ print $3 }' /proc/$victim/stat 2>/dev/null)
check "-p then exit(0): status 0 (got $rc)" [ "$rc" -eq 0 ]
check "-p then exit(0): the process runs on, not stopped (state $state)" \
	[ "$state" = S ]
kill $victim
wait $victim 2>/dev/null
out=$("$DTRACE_BIN" -p $victim -n 'BEGIN { exit(0); }' 2>&1)
same "-p of a process gone: message" "$out" \
	"dtrace: failed to grab pid $victim: no such process"

# A process of several threads: every thread is held, and let go.
cat >$T.py <<'PY'
import threading, time
for i in range(3):
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
time.sleep(60)
PY
python3 $T.py &
victim=$!
n=0
while [ $n -lt 100 ] && [ "$(ls /proc/$victim/task 2>/dev/null | wc -l)" -lt 4 ]; do
	sleep 0.1
	n=$((n + 1))
done
out=$("$DTRACE_BIN" -p $victim -qn 'BEGIN { printf("%d\n", $target); exit(0); }' 2>&1)
rc=$?
same "-p of a 4-thread process: output (rc $rc)" "$out" "$victim"
states=$(cat /proc/$victim/task/*/stat 2>/dev/null | awk '{ printf "%s", $3 }')
same "-p of a 4-thread process: all its threads run on" "$states" "SSSS"
kill $victim
wait $victim 2>/dev/null

# Errors, in DTrace's words.
out=$("$DTRACE_BIN" -p 999999 -n 'BEGIN { exit(0); }' 2>&1)
rc=$?
same "-p 999999: message" "$out" "dtrace: failed to grab pid 999999: no such process"
check "-p 999999: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
out=$("$DTRACE_BIN" -p 12x -n 'BEGIN { exit(0); }' 2>&1)
rc=$?
same "-p 12x: message" "$out" "dtrace: invalid pid: 12x"
check "-p 12x: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
out=$("$DTRACE_BIN" -p 2 -n 'BEGIN { exit(0); }' 2>&1)
rc=$?
same "-p 2 (a kernel thread): message" "$out" "dtrace: failed to grab pid 2: system process"
check "-p 2: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
out=$("$DTRACE_BIN" -c 'no-such-command x' -n 'BEGIN { exit(0); }' 2>&1)
rc=$?
same "-c no-such-command: message" "$out" \
	"dtrace: failed to execute no-such-command: cannot find executable file"
check "-c no-such-command: exit status 1 (got $rc)" [ "$rc" -eq 1 ]

# $target without -c or -p is 0, as in DTrace.
out=$("$DTRACE_BIN" -qn 'BEGIN { printf("%d %s\n", $target, $$target); exit(0); }' 2>&1)
same "\$target without -c/-p" "$out" "0 0"

rm -f $T.out $T.err $T.sh $T.py
