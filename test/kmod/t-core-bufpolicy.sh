# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Buffer policies, with a 16 KB buffer and a counter printed 1000 times a
# second on CPU 0: ring keeps the newest records, in order (the last
# printed is the last counted, the first is far past 1); fill keeps the
# oldest ones (1, 2, ...), stops tracing when full and still records END;
# switch with a slow switchrate drops records and says so on stderr in
# DTrace's words.  (Only CPU 0 fires: 1000 firings a second on every CPU
# take minutes under emulation.)
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi
tmp=$(mktemp -d)
count='BEGIN { i = 0; } profile-1ms /cpu == 0/ { printf("%d\n", ++i); }'

"$DTRACE_BIN" -q -x bufpolicy=ring -x bufsize=16k \
	-n "$count tick-2s { printf(\"last %d\\n\", i); exit(0); }" >"$tmp/ring"
check "ring: exit status 0" [ $? -eq 0 ]
# tick-2s may fire on either CPU, so its line may come before CPU 0's.
first=$(grep -v '^last\|^$' "$tmp/ring" | head -n 1)
last=$(grep -v '^last\|^$' "$tmp/ring" | tail -n 1)
want=$(sed -n 's/^last //p' "$tmp/ring")
check "ring: the oldest records were overwritten (first kept: $first)" [ "$first" -gt 100 ]
# A firing on CPU 0 may race the tick that reads i: allow one more.
check "ring: the newest record is kept ($last of $want)" \
	[ "$last" -ge "$want" -a "$last" -le $((want + 1)) ]
n=$(grep -vc '^last\|^$' "$tmp/ring")
check "ring: records are in order with no gap ($n from $first to $last)" \
	[ $((last - first + 1)) -eq "$n" ]

"$DTRACE_BIN" -q -x bufpolicy=fill -x bufsize=16k \
	-n "$count END { printf(\"end\\n\"); }" >"$tmp/fill" 2>"$tmp/fill.err"
check "fill: tracing stops by itself, exit status 0" [ $? -eq 0 ]
check "fill: the oldest records are kept" [ "$(sed -n 1p "$tmp/fill")" = 1 ]
check "fill: END still recorded" grep -qx end "$tmp/fill"
check "fill: drops reported" grep -q '^dtrace: [0-9]* drops on CPU 0$' "$tmp/fill.err"

# Stopped by SIGTERM, not by exit(): a clause whose record is dropped
# does not run at all (as in DTrace), so an exit() on the flooded CPU could
# be dropped at every try.
timeout -s TERM 3 "$DTRACE_BIN" -q -x bufsize=8k -x switchrate=1hz \
	-n 'profile-1ms /cpu == 0/ { printf("%d\n", cpu); }' \
	>/dev/null 2>"$tmp/switch.err"
check "switch: drops reported on the CPU" \
	grep -q '^dtrace: [0-9]* drops on CPU 0$' "$tmp/switch.err"
rm -rf "$tmp"
