# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The buffer and rate options through the dtrace command, as DTrace
# behaves: bufresize=auto halves a bufsize the machine cannot give until
# it can and says so on stderr ("dtrace: buffer size lowered to 100m"),
# bufresize=manual fails to enable (so does a bufsize above the module's
# 1 GB per buffer); a tiny aggsize with many keys reports
# "dtrace: N aggregation drops on CPU n"; aggrate sets how often the
# aggregations are snapshotted (printa() in a tick clause sees values as
# of the last snapshot: fresh at aggrate=100ms, none yet at aggrate=3s,
# all at the end, though printa() ran); statusrate sets how often the consumer asks for the
# state's status, so an exit() is acted on at the next one; the profile
# provider's units ns, us and hz fire at about their rate, and an
# interval below DTrace's 200 us minimum names no probe.
. test/kmod/lib.sh

require_dtrace
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# bufresize.
out=$("$DTRACE_BIN" -x bufsize=100t -qn 'BEGIN { printf("ran\n"); exit(0); }' 2>&1)
rc=$?
diag "$out"
check "bufresize=auto (default): bufsize=100t lowered, traced, status 0" \
	eval '[ $rc -eq 0 ] && [[ $out =~ ^dtrace:\ buffer\ size\ lowered\ to\ ([0-9]+[kmgt]|[0-9]+\ bytes)$'\''\n'\''ran$ ]]'
dtrace_is "the default bufsize is not lowered: no message" "ran" \
	-qn 'BEGIN { printf("ran\n"); exit(0); }'
out=$("$DTRACE_BIN" -x bufresize=manual -x bufsize=100t \
	-qn 'BEGIN { printf("ran\n"); exit(0); }' 2>&1)
rc=$?
same "bufresize=manual: could not enable tracing, status 1" "$rc:$out" \
	"1:dtrace: could not enable tracing: Cannot allocate memory"

# Aggregation drops: 16k of aggregation buffer (the module's least) holds
# some 50 keys of a string and an integer between two snapshots; tick-1ms
# makes hundreds.
"$DTRACE_BIN" -x aggsize=16k -x aggrate=1s -qn 'tick-1ms {
	@[probename, timestamp] = count(); } tick-2s { exit(0); }' \
	>/dev/null 2>"$tmp/err"
rc=$?
diag "$(cat "$tmp/err")"
check "aggsize=16k, a key per firing: 'dtrace: N aggregation drops on CPU n'" \
	eval '[ $rc -eq 0 ] && grep -Eq "^dtrace: [0-9]+ aggregation drops? on CPU [0-9]+$" "$tmp/err"'
check "no other message on stderr" \
	eval '! grep -Evq "^dtrace: [0-9]+ aggregation drops? on CPU [0-9]+$" "$tmp/err"'

# aggrate: printa() at 1 s and 2 s, exit at 2.5 s.
aggrate_run() {
	"$DTRACE_BIN" -x aggrate="$1" -x switchrate=100ms -qn '
	tick-100ms { @ = count(); } tick-1s { printa("seen %@d\n", @); }
	tick-2500ms { exit(0); }' 2>&1
}
out=$(aggrate_run 100ms)
diag "aggrate=100ms" "$out"
seen=$(grep -c '^seen ' <<<"$out")
first=$(awk '/^seen / { print $2; exit }' <<<"$out")
check "aggrate=100ms: printa() twice, with fresh counts (${first:-none} at 1 s)" \
	eval '[ "$seen" -eq 2 ] && [ "${first:-0}" -ge 5 ]'
out=$(aggrate_run 3s)
diag "aggrate=3s" "$out"
last=$(awk 'NF == 1 && $1 ~ /^[0-9]+$/ { v = $1 } END { print v }' <<<"$out")
check "aggrate=3s: printa() saw no snapshot yet; the end prints all (${last:-none})" \
	eval '! grep -q "^seen " <<<"$out" && [ "${last:-0}" -ge 15 ]'

# statusrate: exit() at 300 ms is seen at the next status.
elapsed_ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$DTRACE_BIN" -x statusrate="$1" -x switchrate=100ms \
		-qn 'tick-300ms { exit(0); }' >/dev/null 2>&1
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}
fast=$(elapsed_ms 100ms)
slow=$(elapsed_ms 4s)
diag "statusrate=100ms: $fast ms; statusrate=4s: $slow ms"
check "statusrate=100ms: exit() acted on within 2.5 s ($fast ms)" [ "$fast" -lt 2500 ]
check "statusrate=4s: exit() acted on at the next status, after 3.5 s ($slow ms)" \
	[ "$slow" -ge 3500 ]

# The profile provider's units.  Under emulation timers run late: the
# bounds are loose, but a unit read wrong is off by 1000.
count_in_2s() {
	"$DTRACE_BIN" -qn "$1 { @ = count(); } tick-2s { exit(0); }
	END { printa(\"%@d\\n\", @); }" 2>&1 | awk 'NF { v = $1 } END { print v + 0 }'
}
n=$(count_in_2s tick-500us)
check "tick-500us: about 4000 firings in 2 s ($n)" [ "$n" -ge 1000 -a "$n" -le 4400 ]
n=$(count_in_2s tick-250000ns)
check "tick-250000ns: about 8000 firings in 2 s ($n)" [ "$n" -ge 1500 -a "$n" -le 8800 ]
n=$(count_in_2s tick-50hz)
check "tick-50hz: about 100 firings in 2 s ($n)" [ "$n" -ge 60 -a "$n" -le 110 ]
n=$(count_in_2s 'profile-200hz /cpu == 0/')
check "profile-200hz on CPU 0: about 400 firings in 2 s ($n)" [ "$n" -ge 200 -a "$n" -le 440 ]
for p in tick-1ns tick-199999ns tick-100us profile-5001hz; do
	out=$("$DTRACE_BIN" -n "$p { exit(0); }" 2>&1)
	rc=$?
	same "$p: below the 200 us minimum, no such probe (as DTrace)" "$rc:$out" \
		"1:dtrace: invalid probe specifier $p { exit(0); }: probe description :::$p does not match any probes"
done
dtrace_is "tick-200us and profile-5000hz, at the minimum, exist" "" \
	-qn 'tick-200us, profile-5000hz { exit(0); }'
