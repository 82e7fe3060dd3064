#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# bench-core.sh DTRACE_KO: the kernel core's benchmark of issue 5, run as
# root inside the VM test bed by `make bench-core` (not a test: it prints
# figures and ratios, never passes or fails), beside bpftrace in the same
# VM run.  Two parts:
#
# 1. Timer probes: ns per firing of profile-5000 and tick-5000 with an
#    empty clause and with @[cpu] = count(), beside bpftrace's
#    profile:us:200 and interval:us:200 with the same clauses.  Two
#    spinners (test/bench/bench_loop spin), one pinned on each CPU, time a
#    fixed amount of work; what the firings steal shows as time added.
#    The firings are counted, not assumed (a 5000 Hz timer falls behind
#    under emulation): every one is a local timer interrupt, so the LOC
#    line of /proc/interrupts, less the rate the bare run had, counts them:
#
#      ns per firing = sum over CPUs of (t_attached - t_bare)
#                      / (LOC_attached - LOC_bare x t_attached / t_bare)
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
SPIN=${SPIN:-400000000}
REPS=${REPS:-1}
KS=${KS:-1 4 16 64}
SECS=${SECS:-4}
RATE=5000
here=$(dirname "$0")
. "$here/bench-lib.sh"

insmod "$KO" || exit 1
echo 0 >/proc/sys/kernel/perf_cpu_time_max_percent 2>/dev/null
echo 100000 >/proc/sys/kernel/perf_event_max_sample_rate 2>/dev/null
ncpu=$(nproc)
tmp=$(mktemp -d)

# loc: the local timer interrupts so far, summed over CPUs.
loc() {
	awk '$1 == "LOC:" { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; print s }' /proc/interrupts
}

# spin_both: run a spinner on every CPU at once; print "NS LOC": the
# summed ns of the spinners and the local timer interrupts meanwhile.
spin_both() {
	local c l0 l1
	l0=$(loc)
	for c in $(seq 0 $((ncpu - 1))); do
		taskset -c $c $LOOP spin $SPIN $REPS >$tmp/spin.$c &
	done
	wait
	l1=$(loc)
	cat $tmp/spin.* | awk -v l=$((l1 - l0)) '{ s += $1 } END { print s, l }'
}

# Part 1 ---------------------------------------------------------------
declare -A prog=(
	[pe]="profile-$RATE { }"
	[pc]="profile-$RATE { @[cpu] = count(); }"
	[te]="tick-$RATE { }"
	[tc]="tick-$RATE { @[cpu] = count(); }"
	[bpe]="profile:us:200 { }"
	[bpc]="profile:us:200 { @[cpu] = count(); }"
	[bte]="interval:us:200 { }"
	[btc]="interval:us:200 { @[cpu] = count(); }")
declare -A what=(
	[pe]="dtrace profile-5000, empty clause"
	[pc]="dtrace profile-5000, @[cpu] = count()"
	[te]="dtrace tick-5000, empty clause"
	[tc]="dtrace tick-5000, @[cpu] = count()"
	[bpe]="bpftrace profile:us:200, empty clause"
	[bpc]="bpftrace profile:us:200, @[cpu] = count()"
	[bte]="bpftrace interval:us:200, empty clause"
	[btc]="bpftrace interval:us:200, @[cpu] = count()")
keys="pe pc te tc"
[ -n "$BPF" ] && keys="pe bpe pc bpc te bte tc btc"
set -- $keys
nkeys=$#
bench_fn=
echo "timer probes: $ncpu CPUs, a spinner on each, $SPIN iterations x $REPS per measurement, $ROUNDS rounds ($(uname -r))"
for r in $(seq $ROUNDS); do
	order=
	i=0
	for k in $keys; do
		order="$order ${k}:$(( (i + 2 * r) % nkeys ))"
		i=$((i + 1))
	done
	for k in $(echo $order | tr ' ' '\n' | sort -t: -k2 -n | cut -d: -f1); do
		base=$(spin_both)
		case $k in
		b*)	tracer_start Attaching $BPF -e "${prog[$k]}" ;;
		*)	tracer_start - $D -q -n "${prog[$k]}" ;;
		esac
		val=$(spin_both)
		tracer_stop
		# The time added, per firing counted in that time.
		echo "$base $val" | awk '{
			f = $4 - $2 * $3 / $1
			if (f < 1) print "nan"; else printf "%.0f\n", ($3 - $1) / f }' >>$tmp/t.$k
		echo "$base $val" | awk '{ printf "%.0f\n", ($4 - $2 * $3 / $1) / ($3 / 1e9 / '$ncpu') }' >>$tmp/hz.$k
		echo "  round $r $k: bare [$base] attached [$val] (ns, LOC) -> $(tail -1 $tmp/t.$k) ns/firing, $(tail -1 $tmp/hz.$k) firings/s" >&2
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
