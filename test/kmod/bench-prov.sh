#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# bench-prov.sh DTRACE_KO FLOOR_KO: the probe-effect benchmark of issue 6,
# run as root inside the VM test bed by `make bench-prov` (not a test: it
# prints figures and ratios, never passes or fails).  A tight getppid()
# loop (test/bench/bench_loop.c) is timed per call with:
#
#   a   nothing attached
#   b   an empty kprobe pre_handler on the same kernel function (the attach
#       floor: bench_floor.ko mode=kprobe; a kprobe at a function's entry
#       sits on its ftrace site, which is how bpftrace's kprobe: attaches)
#   bf  an empty ftrace_ops callback on it (bench_floor.ko mode=ftrace: the
#       floor of the mechanism dtrace's fbt entry probes use)
#   c   our fbt entry probe with an empty clause (dtrace -q: DTrace's
#       empty clause records a record per firing, drained but not printed)
#   d   ours with @[execname] = count()
#   ec  bpftrace kprobe:F {} (an empty clause, beside c)
#   e   bpftrace kprobe:F { @[comm] = count(); }
#   dp  ours with @[pid] = count(), ep bpftrace's @[pid] = count(): an
#       aggregation on the general path (d's clause, a count() keyed by
#       execname alone, has a short path in the module)
#   f   our syscall::getppid:entry { @[execname] = count(); }
#   g   bpftrace tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }
#
# and the start-up latency of dtrace -n 'BEGIN { exit(0); }' vs bpftrace
# -e 'BEGIN { exit(); }' (warm: each one's first run is discarded).
#
# Method.  The guest runs under software emulation on a shared host, so
# only ratios within one run mean something, and noise is large.  Every
# round measures each condition once, in an order rotated from round to
# round; each measurement is the fastest of REPS timed loops of N calls;
# the bare loop (a) is measured again right before each attached
# condition, and that condition's overhead is its figure minus that bare
# one, so a slow phase of the host shifts both.  Printed: per condition
# the median over rounds of ns/call and of the overhead, the overhead's
# spread (min..max over rounds), and the ratios of the median overheads.
# The tracers run pinned to CPU 0 and the loop to CPU 1.  BASE_KO and
# BASE_D (an earlier build) add c0, d0, f0: before/after in one run.  KEYS="d e"
# measures only the conditions named (and a).
set -u
KO=$1
FLOOR=$2
N=${N:-20000}
REPS=${REPS:-5}
ROUNDS=${ROUNDS:-3}
STARTS=${STARTS:-7}
here=$(dirname "$0")
. "$here/bench-lib.sh"

insmod "$KO" || exit 1
F=__x64_sys_getppid
grep -qx "$F" $T/available_filter_functions || F=__do_sys_getppid
# Keep perf/BPF from throttling itself under emulation.
echo 0 >/proc/sys/kernel/perf_cpu_time_max_percent 2>/dev/null
tmp=$(mktemp -d)

# measure: the least ns/call of REPS loops, pinned to CPU 1 (what the
# host's other guests add to a loop is only ever more time: the fastest
# of many short loops is the one they disturbed least).
measure() {
	timeout 600 taskset -c 1 $LOOP sys $N $REPS | sort -g | head -1
}

# Before/after in one run: with BASE_KO and BASE_D (an older dtrace.ko
# and dtrace), the conditions c0, d0 and f0 are c, d and f with those,
# the module swapped in for them and back out after.
cur_ko=$KO
swap_to() {
	[ "$1" = "$cur_ko" ] && return
	rmmod dtrace && insmod "$1" && cur_ko=$1
}

# attach KEY / detach KEY: put condition KEY in place and take it away.
attach() {
	local D=$D k=$1
	bench_fn=
	case $k in
	*0)	swap_to "$BASE_KO"
		D=$BASE_D
		k=${k%0} ;;
	esac
	case $k in
	b|bf)
		insmod "$FLOOR" func=$F mode=$([ $1 = b ] && echo kprobe || echo ftrace)
		return ;;
	c)	bench_fn=$F; tracer_start - taskset -c 0 $D -q -n "fbt::$F:entry { }" ;;
	d)	bench_fn=$F; tracer_start - taskset -c 0 $D -q -n "fbt::$F:entry { @[execname] = count(); }" ;;
	ec)	bench_fn=$F; tracer_start Attaching taskset -c 0 $BPF -e "kprobe:$F { }" ;;
	e)	bench_fn=$F; tracer_start Attaching taskset -c 0 $BPF -e "kprobe:$F { @[comm] = count(); }" ;;
	dp)	bench_fn=$F; tracer_start - taskset -c 0 $D -q -n "fbt::$F:entry { @[pid] = count(); }" ;;
	ep)	bench_fn=$F; tracer_start Attaching taskset -c 0 $BPF -e "kprobe:$F { @[pid] = count(); }" ;;
	f)	tracer_start matched taskset -c 0 $D -n 'syscall::getppid:entry { @[execname] = count(); }' ;;
	g)	tracer_start Attaching taskset -c 0 $BPF -e 'tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }'; sleep 1 ;;
	esac
}
detach() {
	case $1 in
	b|bf)	rmmod bench_floor ;;
	*)	tracer_stop
		swap_to "$KO"
		# The loop's own count, as the tracer printed it.
		seen=$(grep -E 'bench_loop' $BENCH_OUT | grep -oE '[0-9]+$' | head -1)
		[ -n "$seen" ] && echo "      (the tracer counted $seen calls of bench_loop)" >&2 ;;
	esac
}

keys="b bf c d f"
[ -n "$BPF" ] && keys="b bf c ec d e dp ep f g"
[ -n "${BASE_KO:-}" ] && keys="$keys c0 d0 f0"
keys=${KEYS:-$keys}
set -- $keys
nkeys=$#
echo "function $F, $N calls x $REPS loops per measurement, $ROUNDS rounds ($(uname -r))"
for r in $(seq $ROUNDS); do
	# Rotate the order: round r starts at condition r.
	order=
	i=0
	for k in $keys; do
		order="$order ${k}:$(( (i - r + nkeys * 100) % nkeys ))"
		i=$((i + 1))
	done
	order=$(echo $order | tr ' ' '\n' | sort -t: -k2 -n | cut -d: -f1)
	for k in $order; do
		echo "  round $r $k ..." >&2
		base=$(measure)
		attach $k
		val=$(measure)
		detach $k
		echo "$base" >>$tmp/a
		echo "$val" >>$tmp/$k
		awk -v x="$val" -v a="$base" 'BEGIN { print x - a }' >>$tmp/ov.$k
		echo "  round $r $k: bare $base, attached $val ns/call" >&2
	done
done

declare -A what=(
	[a]="nothing attached"
	[b]="empty kprobe handler (floor)"
	[bf]="empty ftrace_ops callback"
	[c]="dtrace fbt, empty clause"
	[d]="dtrace fbt, @[execname] = count()"
	[ec]="bpftrace kprobe, empty clause"
	[e]="bpftrace kprobe, @[comm] = count()"
	[dp]="dtrace fbt, @[pid] = count()"
	[ep]="bpftrace kprobe, @[pid] = count()"
	[f]="dtrace syscall, @[execname] = count()"
	[c0]="c, before (BASE_KO)" [d0]="d, before (BASE_KO)"
	[f0]="f, before (BASE_KO)"
	[g]="bpftrace raw_syscalls, @[comm] = count()")
declare -A ov=([b]=nan [bf]=nan [c]=nan [d]=nan [ec]=nan [e]=nan [dp]=nan [ep]=nan [f]=nan [g]=nan [c0]=nan [d0]=nan [f0]=nan)
printf '  %-3s %-42s %9s %9s  %s\n' "" "" "ns/call" "overhead" "(overhead min..max over rounds)"
printf '  %-3s %-42s %9s\n' a "${what[a]}" "$(median <$tmp/a)"
for k in $keys; do
	[ -f $tmp/$k ] || continue
	ov[$k]=$(median <$tmp/ov.$k)
	printf '  %-3s %-42s %9s %9s  (%s)\n' $k "${what[$k]}" \
		"$(median <$tmp/$k)" "${ov[$k]}" "$(spread <$tmp/ov.$k)"
done
echo "  ratios of the median overheads:"
echo "    ours/floor   c/b  $(ratio ${ov[c]} ${ov[b]})   d/b  $(ratio ${ov[d]} ${ov[b]})   c/bf $(ratio ${ov[c]} ${ov[bf]})"
if [ -n "$BPF" ]; then
	echo "    ours/bpftrace  d/e $(ratio ${ov[d]} ${ov[e]})  (goal: <= 0.50)   dp/ep $(ratio ${ov[dp]} ${ov[ep]})   c/ec $(ratio ${ov[c]} ${ov[ec]})   syscall f/g $(ratio ${ov[f]} ${ov[g]})"
	echo "    bpftrace/floor e/b $(ratio ${ov[e]} ${ov[b]})"
	[ -n "${BASE_KO:-}" ] && echo "    before: ours/bpftrace d0/e $(ratio ${ov[d0]} ${ov[e]})   syscall f0/g $(ratio ${ov[f0]} ${ov[g]})"
fi
[ -n "${BASE_KO:-}" ] && echo "    after/before  c/c0 $(ratio ${ov[c]} ${ov[c0]})   d/d0 $(ratio ${ov[d]} ${ov[d0]})   f/f0 $(ratio ${ov[f]} ${ov[f0]})"

# Start-up latency, warm: interleaved, the first run of each discarded.
for i in $(seq 0 $STARTS); do
	o=$(lat_ms $D -n 'BEGIN { exit(0); }')
	[ -n "$BPF" ] && t=$(lat_ms $BPF -e 'BEGIN { exit(); }')
	[ -n "${BASE_D:-}" ] && o0=$(lat_ms $BASE_D -n 'BEGIN { exit(0); }')
	[ $i = 0 ] && continue
	echo $o >>$tmp/so
	[ -n "${BASE_D:-}" ] && echo $o0 >>$tmp/so0
	[ -n "$BPF" ] && echo $t >>$tmp/sb
	echo "  start-up run $i: dtrace $o ms${BPF:+, bpftrace $t ms}" >&2
done
so=$(median <$tmp/so)
echo "  start-up, $STARTS warm runs: dtrace BEGIN { exit(0); } $so ms ($(spread <$tmp/so))"
if [ -n "$BPF" ]; then
	sb=$(median <$tmp/sb)
	echo "  start-up, $STARTS warm runs: bpftrace BEGIN { exit(); } $sb ms ($(spread <$tmp/sb))"
	echo "    ours/bpftrace $(ratio $so $sb)  (goal: < 0.10)"
fi
if [ -n "${BASE_D:-}" ]; then
	so0=$(median <$tmp/so0)
	echo "  start-up, before (BASE_D): $so0 ms ($(spread <$tmp/so0)); after/before $(ratio $so $so0)"
fi
rm -rf $tmp
rmmod dtrace
