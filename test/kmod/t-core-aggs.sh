# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Aggregations end to end, printed at exit as DTrace prints them: count,
# sum, min, max, avg and stddev with string and integer keys (each
# aggregation sorted by value, keys in DTrace's columns), per-CPU counts
# merged over snapshots (profile-N on every CPU), and the quantize,
# lquantize and llquantize histograms with DTrace's rows, bars and
# out-of-range buckets; printa() with and without formats, in END too.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

dtrace_is "scalar functions, keys, sorting" "
  y                                                                 2
  x                                                                 6
                1  k                                                                 7
               -2
                4
                1" -qn 'BEGIN { @a["x"] = sum(5); @a["y"] = sum(2); @a["x"] = sum(1);
	@b[1, "k"] = max(7); @b[1, "k"] = max(3); @c = min(4); @c = min(-2);
	@d = avg(3); @d = avg(6); @e = stddev(2); @e = stddev(4); exit(0); }'

dtrace_is "quantize" "

           value  ------------- Distribution ------------- count    
              -1 |                                         0        
               0 |@@@@@@@@                                 1        
               1 |@@@@@@@@                                 1        
               2 |@@@@@@@@@@@@@@@@                         2        
               4 |                                         0        
               8 |                                         0        
              16 |                                         0        
              32 |                                         0        
              64 |@@@@@@@@                                 1        
             128 |                                         0        " \
	-qn 'BEGIN { @ = quantize(0); @ = quantize(1); @ = quantize(3);
	@ = quantize(3); @ = quantize(100); exit(0); }'

dtrace_is "lquantize" "

           value  ------------- Distribution ------------- count    
             < 0 |@@@@@@@@@@                               1        
               0 |                                         0        
               2 |                                         0        
               4 |@@@@@@@@@@                               1        
               6 |@@@@@@@@@@                               1        
               8 |                                         0        
           >= 10 |@@@@@@@@@@                               1        " \
	-qn 'BEGIN { @ = lquantize(5, 0, 10, 2); @ = lquantize(7, 0, 10, 2);
	@ = lquantize(-1, 0, 10, 2); @ = lquantize(20, 0, 10, 2); exit(0); }'

out=$("$DTRACE_BIN" -qn 'BEGIN { @ = llquantize(5, 10, 0, 2, 10);
	@ = llquantize(55, 10, 0, 2, 10); @ = llquantize(555, 10, 0, 2, 10);
	exit(0); }' 2>&1)
rows=$(printf '%s\n' "$out" | awk '$2 == "|@@@@@@@@@@@@@" { print $1 }' | tr '\n' ' ')
check "llquantize: 5, 50 and 500 in their log-linear rows (got: $rows)" \
	[ "$rows" = "5 50 500 " ]

out=$("$DTRACE_BIN" -qn 'profile-100 { @[cpu] = count(); } tick-1s { exit(0); }' 2>&1)
# At least a quarter of the rate: an emulated CPU starved by a busy host
# misses timer periods (hrtimer_forward skips them), it never gains any.
n=$(printf '%s\n' "$out" | awk 'NF == 2 && $2 >= 25' | wc -l)
check "profile-100 counted per CPU over a second, every CPU ($n of $(nproc))" \
	[ "$n" -eq "$(nproc)" ]
diag "$out"

dtrace_is "printa() with and without a format; printed ones are not printed again" "
  x                                                                 1
  y                                                                 2
sum is 9
x -> 1
y -> 2" \
	-qn 'BEGIN { @a["x"] = count(); @a["y"] = count(); @a["y"] = count();
	@b = sum(9); } BEGIN { printa(@a); printa("sum is %@d\n", @b);
	printa("%s -> %@u\n", @a); exit(0); }'

out=$("$DTRACE_BIN" -qn 'tick-100ms { @n = count(); } tick-1s { exit(0); }
	END { printa("ticks %@d\n", @n); }' 2>&1)
n=$(printf '%s\n' "$out" | sed -n 's/^ticks //p')
check "printa() in END sees the final counts (ticks: $n)" [ "${n:-0}" -ge 8 ]
