# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The aggregation output options, byte for byte as DTrace prints them:
# agghist (count() and sum() as bars over their keys, both signs), aggzoom
# (the largest bar fills the width), aggpack (quantize() and lquantize()
# a line a key, the "min .---. max | count" header, the ramp in ASCII or
# in Unicode blocks, chosen by encoding= or TERM), encoding=utf8 bars, and
# aggpercpu (each CPU's value after the total, "[CPU n]").  Values are
# fixed (BEGIN clauses), so the output is; the expected outputs follow
# illumos' test suite (tst.agghist, tst.aggpack, tst.aggpackzoom,
# tst.aggzoom) where it has one.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

hdr='------------- Distribution -------------'

dtrace_is "agghist: sums as bars over their keys, each sign; aggzoom" "

              key  $hdr count    
          demerit                @@@@@|                     -10      
              wtf                     |@@@@@                10       
              bot                     |@@@@@@@@@@           20       


              key  $hdr count    
         SOAP/XML |@@@                                      1        
      XACML store |@@@@@@@@@@@@@@@@@                        5        
       SAML token |@@@@@@@@@@@@@@@@@@@@                     6        


              key  $hdr count    
           parrot         @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@| -100     
   non-diet pepsi                                   @@@@@@| -20      
        breakfast                                       @@| -5       

zoomed:

              key  $hdr count    
          demerit           @@@@@@@@@@|                     -10      
              wtf                     |@@@@@@@@@@           10       
              bot                     |@@@@@@@@@@@@@@@@@@@  20       


              key  $hdr count    
         SOAP/XML |@@@@@@@                                  1        
      XACML store |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@        5        
       SAML token |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 6        


              key  $hdr count    
           parrot   @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@| -100     
   non-diet pepsi                                 @@@@@@@@| -20      
        breakfast                                       @@| -5       " \
	-q -x agghist -n 'BEGIN {
	@["demerit"] = sum(-10); @["wtf"] = sum(10); @["bot"] = sum(20);
	@bagnoogle["SOAP/XML"] = sum(1); @bagnoogle["XACML store"] = sum(5);
	@bagnoogle["SAML token"] = sum(6);
	@stalloogle["breakfast"] = sum(-5);
	@stalloogle["non-diet pepsi"] = sum(-20);
	@stalloogle["parrot"] = sum(-100);
	printa(@); printa(@bagnoogle); printa(@stalloogle);
	printf("\nzoomed:");
	setopt("aggzoom"); printa(@); printa(@bagnoogle); printa(@stalloogle);
	exit(0); }'

# agghist at exit: integer keys, a keyless count ("value" header), max()
# as without the option, a quantize() untouched.
dtrace_is "agghist at exit: integer keys, no keys, max() and quantize() as usual" "

              key  $hdr count    
                7 |@@@@@@@@@@                               1        
                3 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@           3        

           value  $hdr count    
 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 2        
                9

           value  $hdr count    
               0 |                                         0        
               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        
               2 |                                         0        " \
	-q -x agghist -n 'BEGIN { @a[3] = count(); @a[3] = count();
	@a[3] = count(); @a[7] = count(); @b = count(); @b = count();
	@c = max(9); @d = quantize(1); exit(0); }'

# tst.aggzoom: lquantize() 1..90 a thousand each, >= 100 five thousand.
prog='BEGIN {'
for i in $(seq 1 90); do
	prog="$prog @ = lquantize($i, 0, 100, 1, 1000);"
done
prog="$prog @ = lquantize(100, 0, 100, 1, 2000);
	@ = lquantize(101, 0, 100, 1, 3000);
	printa(@); setopt(\"aggzoom\"); printa(@); exit(0); }"
zoomhist() {	# $1: the bar of 1000, $2: the bar of 5000
	printf '\n\n%16s %41s %-9s\n' value "$hdr" count
	printf '%16s |%-40s %-9s\n' 0 '' 0
	for i in $(seq 1 90); do
		printf '%16s |%-40s %-9s\n' "$i" "$1" 1000
	done
	for i in $(seq 91 99); do
		printf '%16s |%-40s %-9s\n' "$i" '' 0
	done
	printf '%16s |%-40s %-9s\n\n' '>= 100' "$2" 5000
}
want=$(zoomhist '' @@; zoomhist @@@@@@@@ @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@)
dtrace_is "aggzoom: the largest bar 95% of the width (tst.aggzoom)" \
	"$want" -qn "$prog"

# tst.aggpack, with fixed values: ASCII ramps, quantize()'s range over
# the aggregation's keys, lquantize()'s whole range, negative values,
# aggzoom set and unset from setopt(), keys of each kind.
prog='BEGIN {
	@x = quantize(1 << 32); @y[1] = quantize(1); @z["mumble"] = quantize(1);
	@xx["foo", (char)1, (short)2, (long)3] = quantize(1);
	@neg = lquantize(-10, -10, 20, 1, -1);
	@neg = lquantize(-5, -10, 20, 1, 1);
	@neg = lquantize(0, -10, 20, 1, 1);'
for i in $(seq 0 100); do
	prog="$prog @a[$i] = quantize(0, $i); @a[$i] = quantize(1, 100 - $i);"
done
prog="$prog exit(0); }
END { setopt(\"aggzoom\", \"true\"); printa(@neg);
	setopt(\"aggzoom\", \"false\"); printa(@neg); }"
want=$(
	printf '\n\n     min .%s. max      | count\n' --------------------------------
	printf '   < -10 : V    X    X                    : >= 20    | 1\n'
	printf '\n\n     min .%s. max      | count\n' --------------------------------
	printf '   < -10 : v    x    x                    : >= 20    | 1\n\n'
	printf '\n        min .---. max        | count\n'
	printf ' 2147483648 : X : 8589934592 | 1\n'
	printf '\n              key  min .---. max  | count\n'
	printf '                1    0 : X : 2    | 1\n'
	printf '\n              key  min .---. max  | count\n'
	printf '           mumble    0 : X : 2    | 1\n'
	printf '\n%68s  min .---. max  | count\n' key
	printf '%17s%17s%17s%17s    0 : X : 2    | 1\n' foo 1 2 3
	printf '\n              key  min .---. max  | count\n'
	for i in $(seq 100 -1 0); do
		if [ "$i" -eq 100 ]; then r='X  '
		elif [ "$i" -ge 79 ]; then r='X_ '
		elif [ "$i" -ge 22 ]; then r='xx '
		elif [ "$i" -ge 1 ]; then r='_X '
		else r=' X '
		fi
		printf '%17s    0 :%s: 2    | 100\n' "$i" "$r"
	done)
dtrace_is "aggpack: ASCII ramps, ranges, keys, negatives, aggzoom (tst.aggpack)" \
	"$want" -q -x aggpack -x encoding=ascii -n "$prog"

# tst.aggpackzoom: lquantize() rows, then packed, then packed and zoomed.
prog='BEGIN {'
for k in 1 2 3; do
	for i in $(seq 1 30); do
		prog="$prog @[$k] = lquantize($i, 0, 40, 1, 1000);"
	done
	prog="$prog @[$k] = lquantize(0, 0, 40, 1, 1);
		@[$k] = lquantize(40, 0, 40, 1, 2000);"
done
prog="$prog printa(@); setopt(\"aggpack\"); printa(@);
	setopt(\"aggzoom\"); printa(@); exit(0); }"
want=$(
	printf '\n'
	for k in 1 2 3; do
		printf '%17s\n%16s %41s %-9s\n' "$k" value "$hdr" count
		printf '%16s |%-40s %-9s\n' '< 0' '' 0 0 '' 1
		for i in $(seq 1 30); do
			printf '%16s |%-40s %-9s\n' "$i" @ 1000
		done
		for i in $(seq 31 39); do
			printf '%16s |%-40s %-9s\n' "$i" '' 0
		done
		printf '%16s |%-40s %-9s\n\n' '>= 40' @@ 2000
	done
	for r in _______________________________ _xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; do
		printf '\n\n              key     min .%s. max      | count\n' \
			------------------------------------------
		for k in 1 2 3; do
			printf '%17s     < 0 : %s         %s: >= 40    | 32001\n' \
				"$k" "$r" "$([ "$r" = "${r#_x}" ] && echo _ || echo X)"
		done
	done)
out=$(env -u TERM "$DTRACE_BIN" -qn "$prog" 2>&1)
same "aggpack of lquantize(), then with aggzoom (tst.aggpackzoom)" \
	"$out" "$want"

# The ramp in Unicode blocks: by default, and with encoding=utf8 even
# on a dumb terminal; ASCII on a dumb terminal or none.
prog='BEGIN { @ = quantize(1); @ = quantize(2); @ = quantize(2);
	@ = quantize(4, 4); exit(0); }'
blocks=$(printf '    0 : \342\226\202\342\226\203\342\226\205 : 8    | 7')
out=$(TERM=xterm "$DTRACE_BIN" -q -x aggpack -n "$prog" 2>&1 | tail -1)
same "aggpack: blocks U+2581..2588 by default" "$out" "$blocks"
out=$(TERM=dumb "$DTRACE_BIN" -q -x aggpack -x encoding=utf8 -n "$prog" \
	2>&1 | tail -1)
same "aggpack: blocks with encoding=utf8 on a dumb terminal" "$out" "$blocks"
out=$(TERM=dumb "$DTRACE_BIN" -q -x aggpack -n "$prog" 2>&1 | tail -1)
same "aggpack: ASCII on a dumb terminal" "$out" "    0 : _xx : 8    | 7"
out=$(env -u TERM "$DTRACE_BIN" -q -x aggpack -n "$prog" 2>&1 | tail -1)
same "aggpack: ASCII with no TERM" "$out" "    0 : _xx : 8    | 7"

# encoding=utf8 histogram bars: whole blocks, then one of eighths.
full=$(printf '\342\226\210')
b13=$(for _ in $(seq 13); do printf %s "$full"; done)
b26=$(for _ in $(seq 26); do printf %s "$full"; done)
want=$(
	printf '\n\n%16s %41s %-9s\n' value "$hdr" count
	printf '%16s |%-40s %-9s\n' 0 '' 0
	printf '%16s |%s\342\226\216%26s %-9s\n' 1 "$b13" '' 1
	printf '%16s |%s\342\226\213%13s %-9s\n' 2 "$b26" '' 2
	printf '%16s |%-40s %-9s\n' 4 '' 0)
dtrace_is "encoding=utf8: quantize() bars in eighths of blocks" "$want" \
	-q -x encoding=utf8 -n 'BEGIN { @ = quantize(1); @ = quantize(2);
	@ = quantize(2); exit(0); }'

# aggpercpu: BEGIN's values on BEGIN's CPU, nothing on the others.
out=$("$DTRACE_BIN" -q -x aggpercpu -n 'BEGIN { printf("cpu %d\n", cpu);
	@c["k"] = count(); @c["k"] = count(); @s = sum(5); exit(0); }' 2>&1)
bcpu=$(printf '%s\n' "$out" | sed -n 's/^cpu //p')
want=$(
	printf 'cpu %s\n\n' "$bcpu"
	printf '  %-50s %16d' k 2
	for c in $(seq 0 $(($(nproc) - 1))); do
		printf '\n    [CPU %d] %16d' "$c" $([ "$c" = "$bcpu" ] && echo 2 || echo 0)
	done
	printf '\n%17d' 5
	for c in $(seq 0 $(($(nproc) - 1))); do
		printf '\n    [CPU %d] %16d' "$c" $([ "$c" = "$bcpu" ] && echo 5 || echo 0)
	done)
same "aggpercpu: each CPU's value after the total" "$out" "$want"

# aggpercpu: profile-N on every CPU; the CPUs' values add up to the total.
out=$("$DTRACE_BIN" -q -x aggpercpu -n 'profile-97 { @ = count(); }
	tick-1s { exit(0); }' 2>&1)
total=$(printf '%s\n' "$out" | awk 'NF == 1 { print $1 }')
sum=$(printf '%s\n' "$out" | awk '/\[CPU/ { s += $3; n++ } END { print s, n }')
check "aggpercpu: profile-97's per-CPU counts add up to $total ($sum)" \
	[ -n "$total" ] && [ "$sum" = "$total $(nproc)" ]
diag "$out"
