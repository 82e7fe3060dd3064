#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# bench-core.sh DTRACE_KO: the kernel core's benchmark of issue 5, run as
# root inside the VM test bed by `make bench-core` (not a test: it prints
# figures and ratios, never passes or fails), beside bpftrace in the same
# VM run.  Two parts:
#
# 1. Timer probes: ns per firing of profile and tick probes (NP of them,
#    periods 200, 201, ... us, in one clause; by default one: 200 us) with an empty clause and
#    with @[cpu] = count(), beside bpftrace's profile:us:N and
#    interval:us:N with the same clauses.  A spinner on the last CPU
#    (test/bench/bench_loop spin) times a fixed amount of work in short
#    loops, the tracer's consumer pinned to CPU 0.  Under instruction
#    counting (make bench-core) the guest clock advances with the
#    instructions of every CPU, so the spinner's fastest loop grows by
#    what the firings cost on all CPUs; the firings are counted, not
#    assumed (a 5000 Hz timer falls behind under emulation): each is a
#    local timer interrupt, so the LOC rate of /proc/interrupts (all
#    CPUs) above the bare run's is the firing rate f, and
#
#      ns per firing = (t_attached - t_bare) / (t_attached x f)
#
#    Note: a DTrace empty clause records a record per firing (the default
#    action) that the consumer drains (dtrace -q: nothing is printed),
#    where bpftrace's empty clause does nothing.
#
# 2. Firehose: records per second one CPU writes and the consumer drains
#    without drops: tick-5000 with K clauses each printing one line
#    (dtrace -q, default bufsize and switchrate) for 4 s, beside bpftrace
#    interval:us:200 with K printf()s per firing; the lines that arrive
#    per second and the drops (dtrace: "N drops on CPU") or lost events
#    (bpftrace: "Lost N events") for each K.
#
# Rounds interleave the tracers and rotate the order; figures are medians
# over rounds with their spread (min..max).  Emulated guest on a shared
# host: only ratios within one run mean anything.
set -u
KO=$1
ROUNDS=${ROUNDS:-3}
SPIN=${SPIN:-2000000}
REPS=${REPS:-5}
KS=${KS:-1 8 32 128}
SECS=${SECS:-4}
RATE=5000
here=$(dirname "$0")
. "$here/bench-lib.sh"

insmod "$KO" || exit 1
echo 0 >/proc/sys/kernel/perf_cpu_time_max_percent 2>/dev/null
echo 100000 >/proc/sys/kernel/perf_event_max_sample_rate 2>/dev/null
ncpu=$(nproc)
tmp=$(mktemp -d)
# Warm the page cache first: a cold start of either tracer took longer
# than tracer_start waits, and the first measurement then ran bare.
$D -n 'BEGIN { exit(0); }' >/dev/null 2>&1
[ -n "$BPF" ] && $BPF -e 'BEGIN { exit(); }' >/dev/null 2>&1

# loc: the local timer interrupts so far, one number per CPU.
loc() {
	awk '$1 == "LOC:" { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) printf "%s ", $i; print "" }' /proc/interrupts
}

# spin_one: run REPS short spinner loops on the last CPU; print "MIN LOC":
# the fastest loop's ns and the local timer interrupts per second of all
# CPUs over the run.  Under instruction counting the guest clock is one
# for all CPUs and advances with the instructions any of them executes,
# so the spinner's time grows by what the firings cost on every CPU.
spin_one() {
	local l0 l1 t0 t1
	l0=$(loc)
	t0=$(date +%s%N)
	taskset -c $((ncpu - 1)) $LOOP spin $SPIN $REPS >$tmp/spin
	t1=$(date +%s%N)
	l1=$(loc)
	echo "$(sort -g $tmp/spin | head -1) $(echo "$l0|$l1" | awk -F'|' -v t=$((t1 - t0)) '{
		n = split($1, a, " "); split($2, b, " ")
		for (i = 1; i <= n; i++) d += b[i] - a[i]
		printf "%.1f", d / (t / 1e9) }')"
}

# Part 1 ---------------------------------------------------------------
# NP timers of periods 200..(200+NP-1) us in one clause.  One (the
# default) under instruction counting: several expire together and are
# served by one timer interrupt, which LOC then counts once.
NP=${NP:-1}
per() { seq -s, -f "$1" 200 $((200 + NP - 1)); }
declare -A prog=(
	[pe]="$(per 'profile-%gus') { }"
	[pc]="$(per 'profile-%gus') { @[cpu] = count(); }"
	[te]="$(per 'tick-%gus') { }"
	[tc]="$(per 'tick-%gus') { @[cpu] = count(); }"
	[bpe]="$(per 'profile:us:%g') { }"
	[bpc]="$(per 'profile:us:%g') { @[cpu] = count(); }"
	[bte]="$(per 'interval:us:%g') { }"
	[btc]="$(per 'interval:us:%g') { @[cpu] = count(); }")
declare -A what=(
	[pe]="dtrace profile-200us.., empty clause"
	[pc]="dtrace profile-200us.., @[cpu] = count()"
	[te]="dtrace tick-200us.., empty clause"
	[tc]="dtrace tick-200us.., @[cpu] = count()"
	[bpe]="bpftrace profile:us:200.., empty clause"
	[bpc]="bpftrace profile:us:200.., @[cpu] = count()"
	[bte]="bpftrace interval:us:200.., empty clause"
	[btc]="bpftrace interval:us:200.., @[cpu] = count()")
keys="pe pc te tc"
[ -n "$BPF" ] && keys="pe bpe pc bpc te bte tc btc"
set -- $keys
nkeys=$#
bench_fn=
echo "timer probes: $NP timers of 200.. us, $ncpu CPUs, a spinner on the last, $SPIN iterations x $REPS per measurement, $ROUNDS rounds ($(uname -r))"
for r in $(seq $ROUNDS); do
	order=
	i=0
	for k in $keys; do
		order="$order ${k}:$(( (i + 2 * r) % nkeys ))"
		i=$((i + 1))
	done
	for k in $(echo $order | tr ' ' '\n' | sort -t: -k2 -n | cut -d: -f1); do
		base=$(spin_one)
		case $k in
		b*)	tracer_start Attaching taskset -c 0 $BPF -e "${prog[$k]}" ;;
		*)	tracer_start - taskset -c 0 $D -q -n "${prog[$k]}" ;;
		esac
		val=$(spin_one)
		tracer_stop
		# Time added to the fastest loop, per firing in it (the
		# interrupt rate above the bare one).
		echo "$base $val" | awk '{
			f = $3 * ($4 - $2) / 1e9
			if (f < 0.5) print "nan"; else printf "%.0f\n", ($3 - $1) / f
			printf "%.0f\n", $4 - $2 >"/dev/stderr" }' >>$tmp/t.$k 2>>$tmp/hz.$k
		echo "  round $r $k: bare [$base] attached [$val] (least ns, LOC/s of all CPUs) -> $(tail -1 $tmp/t.$k) ns/firing, $(tail -1 $tmp/hz.$k) firings/s" >&2
	done
done
declare -A nsf
printf '  %-46s %10s  %-24s %s\n' "" "ns/firing" "(min..max over rounds)" "firings/s counted"
for k in $keys; do
	nsf[$k]=$(median <$tmp/t.$k)
	printf '  %-3s %-42s %10s  %-24s %s\n' $k "${what[$k]}" "${nsf[$k]}" "($(spread <$tmp/t.$k))" "$(median <$tmp/hz.$k)"
done
if [ -n "$BPF" ]; then
	echo "  ratios ours/bpftrace: profile empty $(ratio ${nsf[pe]} ${nsf[bpe]}), profile @[cpu] $(ratio ${nsf[pc]} ${nsf[bpc]}), tick empty $(ratio ${nsf[te]} ${nsf[bte]}), tick @[cpu] $(ratio ${nsf[tc]} ${nsf[btc]})"
fi

# Part 2 ---------------------------------------------------------------
# ours K: a D script of K tick-5000 clauses printing one line each.
ours_script() {
	local i
	for i in $(seq $1); do
		echo "tick-$RATE { printf(\"%d\\n\", $i); }"
	done
	echo "tick-${SECS}s { exit(0); }"
}
theirs_script() {
	local i
	printf 'interval:us:200 {'
	for i in $(seq $1); do
		printf ' printf("%%d\\n", %d);' $i
	done
	echo ' }'
	echo "interval:s:$SECS { exit(); }"
}
# firehose TOOL K: lines per second that arrived, and the drops.
firehose() {
	local lines drops
	if [ $1 = ours ]; then
		ours_script $2 >$tmp/fh.d
		$D -q -s $tmp/fh.d >$tmp/fh.out 2>$tmp/fh.err
		drops=$(grep -oE '^dtrace: [0-9]+ drops' $tmp/fh.err | awk '{ s += $2 } END { print s + 0 }')
	else
		theirs_script $2 >$tmp/fh.bt
		$BPF $tmp/fh.bt >$tmp/fh.out 2>$tmp/fh.err
		drops=$(grep -oE 'Lost [0-9]+ events' $tmp/fh.out $tmp/fh.err | awk '{ s += $2 } END { print s + 0 }')
	fi
	lines=$(grep -cE '^[0-9]+$' $tmp/fh.out)
	echo "$(( lines / SECS )) $drops"
}
echo "firehose: tick-$RATE with K clauses of one printf (bpftrace: interval:us:200 with K printfs), $SECS s, $ROUNDS rounds"
tools=ours
[ -n "$BPF" ] && tools="ours bpftrace"
for r in $(seq $ROUNDS); do
	for K in $KS; do
		tl=$tools
		[ $((r % 2)) = 0 ] && tl=$(echo $tools | tr ' ' '\n' | tac | tr '\n' ' ')
		for tool in $tl; do
			set -- $(firehose $tool $K)
			echo $1 >>$tmp/fr.$tool.$K
			echo $2 >>$tmp/fd.$tool.$K
			echo "  round $r $tool K=$K: $1 records/s, $2 drops" >&2
		done
	done
done
printf '  %-4s %10s  %-26s %s\n' K nominal "dtrace records/s (drops)" "${BPF:+bpftrace records/s (lost)   ours/bpftrace}"
best_o=0; best_b=0
for K in $KS; do
	o=$(median <$tmp/fr.ours.$K); od=$(median <$tmp/fd.ours.$K)
	line=$(printf '  %-4s %10s  %-26s' $K $((RATE * K)) "$o ($od; $(spread <$tmp/fr.ours.$K))")
	[ "$od" = 0 ] && best_o=$(awk -v a=$best_o -v b=$o 'BEGIN { print (b > a ? b : a) }')
	if [ -n "$BPF" ]; then
		b=$(median <$tmp/fr.bpftrace.$K); bd=$(median <$tmp/fd.bpftrace.$K)
		[ "$bd" = 0 ] && best_b=$(awk -v a=$best_b -v b=$b 'BEGIN { print (b > a ? b : a) }')
		line="$line $(printf '%-26s %s' "$b ($bd; $(spread <$tmp/fr.bpftrace.$K))" "$(ratio $o $b)")"
	fi
	echo "$line"
done
echo "  largest rate without drops (median): dtrace $best_o records/s${BPF:+, bpftrace $best_b records/s, ours/bpftrace $(ratio $best_o $best_b)}"
rm -rf $tmp
rmmod dtrace
