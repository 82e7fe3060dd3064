#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# bench-prov.sh DTRACE_KO: the probe-effect benchmark of issue 6, run as
# root inside the VM test bed (not a test: it prints figures and ratios,
# never passes or fails).  A tight getppid() loop is timed per call with:
#   a  nothing attached
#   b  a kprobe on the same kernel function through tracefs (the attach
#      floor: a kprobe with the kernel's own minimal trace-event handler)
#   c  our fbt entry probe with an empty clause
#   d  ours with @[execname] = count()
#   e  bpftrace kprobe:F { @[comm] = count(); }
#   f  our syscall::getppid:entry vs g bpftrace
#      tracepoint:raw_syscalls:sys_enter, both with @[execname] = count()
# in interleaved rounds, plus the start-up latency of
# dtrace -n 'BEGIN { exit(0); }' vs bpftrace -e 'BEGIN { exit(); }' (warm:
# the first run of each is discarded).
set -u
KO=$1
D=${DTRACE_BIN:-build/dtrace}
LOOP=${KMOD_BIN:-build/test/kmod}/prov_fire
N=${N:-200000}
ROUNDS=${ROUNDS:-3}
T=/sys/kernel/tracing
BPF=$(command -v bpftrace)

insmod "$KO" 2>/dev/null
F=__x64_sys_getppid
grep -qx "$F" $T/available_filter_functions || F=__do_sys_getppid

ns_per_call() {
	local s e
	s=$(date +%s%N)
	$LOOP loop $N
	e=$(date +%s%N)
	echo $(( (e - s) / N ))
	echo "  round $r $1: $(( (e - s) / N )) ns/call" >&2
}

# start CMD...: run a tracer in the background until it is attached.
start() {
	"$@" >/tmp/bench.out 2>&1 &
	pid=$!
	for _ in $(seq 120); do
		grep -q "matched\|Attaching" /tmp/bench.out && break
		grep -q "^$F" $T/enabled_functions && break
		sleep 0.5
	done
	sleep 1
}
stop() { kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; }

declare -A sum avg
for r in $(seq $ROUNDS); do
	sum[a]=$(( ${sum[a]:-0} + $(ns_per_call a) ))
	echo "p:bench_kp $F" >$T/kprobe_events
	echo 1 >$T/events/kprobes/bench_kp/enable
	sum[b]=$(( ${sum[b]:-0} + $(ns_per_call b) ))
	echo 0 >$T/events/kprobes/bench_kp/enable
	echo "-:bench_kp" >>$T/kprobe_events
	start $D -q -n "fbt::$F:entry { }"
	sum[c]=$(( ${sum[c]:-0} + $(ns_per_call c) )); stop
	start $D -q -n "fbt::$F:entry { @[execname] = count(); }"
	sum[d]=$(( ${sum[d]:-0} + $(ns_per_call d) )); stop
	if [ -n "$BPF" ]; then
		start $BPF -e "kprobe:$F { @[comm] = count(); }"
		sum[e]=$(( ${sum[e]:-0} + $(ns_per_call e) )); stop
	fi
	start $D -n 'syscall::getppid:entry { @[execname] = count(); }'
	sum[f]=$(( ${sum[f]:-0} + $(ns_per_call f) )); stop
	if [ -n "$BPF" ]; then
		start $BPF -e 'tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }'
		sum[g]=$(( ${sum[g]:-0} + $(ns_per_call g) )); stop
	fi
done
for k in a b c d e f g; do
	[ -n "${sum[$k]:-}" ] && avg[$k]=$(( ${sum[$k]} / ROUNDS ))
done
declare -A what=(
	[a]="nothing attached" [b]="tracefs kprobe (floor)"
	[c]="dtrace fbt, empty clause" [d]="dtrace fbt, @[execname] = count()"
	[e]="bpftrace kprobe, @[comm] = count()"
	[f]="dtrace syscall, @[execname] = count()"
	[g]="bpftrace raw_syscalls, @[comm] = count()")
echo "getppid loop, $N calls x $ROUNDS rounds, function $F ($(uname -r))"
for k in a b c d e f g; do
	[ -n "${avg[$k]:-}" ] || continue
	printf '  %s %-42s %6d ns/call  overhead %6d ns\n' $k "${what[$k]}" \
		${avg[$k]} $(( ${avg[$k]} - ${avg[a]} ))
done
ov() { echo $(( ${avg[$1]} - ${avg[a]} )); }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.2f", x / y; else print "n/a" }'; }
[ -n "${avg[e]:-}" ] && echo "  ours/bpftrace (d/e): $(ratio $(ov d) $(ov e))"
echo "  ours/floor (c/b): $(ratio $(ov c) $(ov b))"
[ -n "${avg[g]:-}" ] && echo "  syscall ours/bpftrace (f/g): $(ratio $(ov f) $(ov g))"

# Start-up latency, warm.
lat() {
	local s e
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1
	e=$(date +%s%N)
	echo $(( (e - s) / 1000000 ))
}
lat $D -n 'BEGIN { exit(0); }' >/dev/null
ours=0
for _ in 1 2 3; do ours=$(( ours + $(lat $D -n 'BEGIN { exit(0); }') )); done
echo "  dtrace BEGIN { exit(0); }: $(( ours / 3 )) ms"
if [ -n "$BPF" ]; then
	lat $BPF -e 'BEGIN { exit(); }' >/dev/null
	theirs=0
	for _ in 1 2 3; do theirs=$(( theirs + $(lat $BPF -e 'BEGIN { exit(); }') )); done
	echo "  bpftrace BEGIN { exit(); }: $(( theirs / 3 )) ms; ours/bpftrace $(ratio $ours $theirs)"
fi
rmmod dtrace
