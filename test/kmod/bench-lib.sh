# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# bench-lib.sh: what the VM benchmarks (bench-prov.sh, bench-core.sh)
# share.  Sourced, inside the VM, as root.  The guest runs under software
# emulation on a shared host, so a single figure means nothing: every
# figure is a median over interleaved rounds, printed with its spread
# (min..max over rounds), and compared only with figures of the same run.
# `make bench-*` boots the VM with instruction counting (VM_ICOUNT, see
# test/test.mk), which makes the guest's clock, and so these figures,
# independent of the host's load; without it, wall time under emulation
# on a busy host varied by 2x between identical loops.

T=/sys/kernel/tracing
D=${DTRACE_BIN:-build/dtrace}
LOOP=${BENCH_LOOP:-build/test/bench/bench_loop}
BPF=$(command -v bpftrace || true)
BENCH_OUT=/tmp/bench.out

# median: the median of the numbers on stdin (one a line).
median() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (!NR) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]
		else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# spread: "min..max" of the numbers on stdin.
spread() {
	sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END {
		if (NR) printf "%g..%g\n", lo, hi; else print "n/a" }'
}

# ratio X Y: X/Y with two decimals, n/a when Y is not positive.
ratio() {
	awk -v x="$1" -v y="$2" 'BEGIN {
		if (x == "nan" || y == "nan" || y + 0 <= 0) print "n/a"
		else printf "%.2f\n", x / y }'
}

# tracer_start WAITFOR CMD...: run a tracer in the background (its output
# in $BENCH_OUT, its pid in $tracer_pid) until it says WAITFOR, then until
# $bench_fn (if set) shows in enabled_functions, then one more second for
# the attach to settle.  WAITFOR "-": two seconds instead (dtrace -q
# says nothing when it starts).  SIGINT is restored for it (a background job of a
# non-interactive shell inherits it ignored).
tracer_start() {
	local want=$1 i
	shift
	(trap - INT; exec "$@") >$BENCH_OUT 2>&1 &
	tracer_pid=$!
	for i in $(seq 300); do
		[ "$want" = - ] && { sleep 2; break; }
		grep -q "$want" $BENCH_OUT && break
		kill -0 $tracer_pid 2>/dev/null || break
		sleep 0.1
	done
	if [ -n "${bench_fn:-}" ]; then
		for i in $(seq 300); do
			grep -q "^$bench_fn\b" $T/enabled_functions && break
			sleep 0.1
		done
	fi
	sleep 1
	if ! kill -0 $tracer_pid 2>/dev/null; then
		echo "bench: tracer exited early: $*" >&2
		cat $BENCH_OUT >&2
	fi
}

# tracer_stop: end the tracer started last (SIGINT, which both print
# their aggregations for; SIGKILL after a minute: bpftrace on
# raw_syscalls took longer than that to leave after SIGTERM) and wait
# until its function has left enabled_functions.
tracer_stop() {
	local i

	kill -INT $tracer_pid 2>/dev/null
	for i in $(seq 600); do
		kill -0 $tracer_pid 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 $tracer_pid 2>/dev/null; then
		echo "bench: tracer $tracer_pid still running 60 s after SIGINT: killed" >&2
		kill -KILL $tracer_pid
	fi
	wait $tracer_pid 2>/dev/null
	if [ -n "${bench_fn:-}" ]; then
		for i in $(seq 300); do
			grep -q "^$bench_fn\b" $T/enabled_functions || break
			sleep 0.1
		done
	fi
}

# lat_ms CMD...: wall time of one run of CMD in ms.
lat_ms() {
	local s e
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1
	e=$(date +%s%N)
	echo $(( (e - s) / 1000000 ))
}
