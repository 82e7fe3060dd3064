# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Aggregation keys: string keys are hashed and compared only up to their
# NUL, a word at a time (kernel/dtk_agg_probe.c), so strings that end at,
# just before and just after a word boundary, the empty string, keys of
# several strings and integers, and the same string from the string table,
# from scratch (strjoin) and from the task (execname) must each land in
# their own entry, and equal keys in one.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

want='abcdefghijklmnop 5
abcdefghijklmnoq 7
abcdefgh 12
abcdefghi 40
abcdefg 100
 2000
abcdefgh 2 x 3
abcdefgh 1 y 5
abcdefgh 1 x 20
dtrace 2
abcdefgh 3
abcdefghijklmnopq 30'
out=$("$DTRACE_BIN" -qn 'BEGIN {
	@a["abcdefgh"] = sum(2); @a["abcdefghi"] = sum(40);
	@a["abcdefgh"] = sum(10); @a["abcdefg"] = sum(100);
	@a[""] = sum(1000); @a[""] = sum(1000);
	@a["abcdefghijklmnop"] = sum(5); @a["abcdefghijklmnoq"] = sum(7);
	@b["abcdefgh", 1, "x"] = sum(10); @b["abcdefgh", 1, "y"] = sum(5);
	@b["abcdefgh", 1, "x"] = sum(10); @b["abcdefgh", 2, "x"] = sum(3);
	@c[execname] = count(); @c[execname] = count();
	@d[strjoin("abcd", "efgh")] = sum(1); @d["abcdefgh"] = sum(2);
	@d[strjoin("abcdefghijklmnop", "q")] = sum(10);
	@d["abcdefghijklmnopq"] = sum(20);
	printa("%s %@d\n", @a); printa("%s %d %s %@d\n", @b);
	printa("%s %@d\n", @c); printa("%s %@d\n", @d); exit(0); }' 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ "$out" = "$want" ]; then
	ok "string keys at word boundaries, tuples, scratch and table strings"
else
	not_ok "string keys at word boundaries, tuples, scratch and table strings (status $rc)"
	diag "got:" "$out" "wanted:" "$want"
fi

# A firing's key is built in scratch that is not zeroed first: earlier
# clauses leave their strings there.  A string key must still end at its
# NUL (built in scratch, from the string table, from the task's comm),
# whatever lies after it, and the same key must land in one entry.
want='dtrace 2
ab 3'
out=$("$DTRACE_BIN" -qn '
	BEGIN { x = strjoin("zzzzzzzzzzzzzzzzzzzzz", "zzzzzzzzzzzzzzzzzzzz"); }
	BEGIN { @e[strjoin("a", "b")] = count(); @e[execname] = count(); }
	BEGIN { y = strjoin("yyyyyyyyyyyyyyyyyyyyy", "yyyyyyyyyyyyyyyyyyyy"); }
	BEGIN { @e[strjoin("a", "b")] = count(); @e["ab"] = count(); }
	BEGIN { z = strjoin("dtraceXXXXXXXXXXXXXXX", "XXXXXXXXXXXXXXXXXXXX"); }
	BEGIN { @e[execname] = count(); }
	BEGIN { printa("%s %@d\n", @e); exit(0); }' 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ "$out" = "$want" ]; then
	ok "string keys built over stale scratch land in one entry each"
else
	not_ok "string keys built over stale scratch land in one entry each (status $rc)"
	diag "got:" "$out" "wanted:" "$want"
fi

# A clause that only counts by execname (no predicate, keys all execname,
# or none) runs without the DIF machine (kernel/dtk_probe.c): its entries
# must be those the general path makes for the same keys (a predicate
# sends a clause there), and it keeps the firing's clause-locals.
want='3
dtrace dtrace 2
dtrace 3
0 1
7 2'
out=$("$DTRACE_BIN" -qn 'this int x;
	BEGIN { @g = count(); } BEGIN /1/ { @g = count(); }
	BEGIN { @g = count(); }
	BEGIN { @h[execname, execname] = count(); }
	BEGIN /execname != ""/ { @h[execname, execname] = count(); }
	BEGIN { @i[execname] = count(); } BEGIN /1/ { @i[execname] = count(); }
	BEGIN { @j[this->x] = sum(1); this->x = 7; }
	BEGIN { @i[execname] = count(); }
	BEGIN { @j[this->x] = sum(2); }
	BEGIN { printa("%@d\n", @g); printa("%s %s %@d\n", @h);
		printa("%s %@d\n", @i); printa("%d %@d\n", @j); exit(0); }' 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ "$out" = "$want" ]; then
	ok "count() by execname alone: the same entries as the general path"
else
	not_ok "count() by execname alone: the same entries as the general path (status $rc)"
	diag "got:" "$out" "wanted:" "$want"
fi
