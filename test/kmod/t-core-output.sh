# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The consumer-side actions and output formats, byte for byte as DTrace
# prints them: clear(), trunc() (n, -n, all), normalize()/denormalize()
# in the default output and through printa(); printa() formats of avg,
# stddev and the three quantizations (%@ prints the histogram); the
# aggsortkey, aggsortrev, aggsortkeypos and aggsortpos options (printa()
# of several aggregations joins them on their keys); tracemem() (fixed and
# dynamic size) and rawbytes; sym(), func(), mod() and %a of a kernel
# address; usym(), ufunc(), umod(), uaddr() and %A of a user address in a
# live process (out_usym); print() of integers, chars and structs;
# system() in order with our output; freopen() and back; ftruncate();
# -o appending; setopt() at run time; and -F's flow indentation.
. test/kmod/lib.sh

# want_same WHAT WANT GOT: lib.sh's same, the expected output first.
want_same() { same "$1" "$3" "$2"; }

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dtrace_is "clear() zeroes the values and keeps the keys" "
  x                                                                 0
  y                                                                 0

  k                                                                 1" \
	-qn 'BEGIN { @a["x"] = count(); @a["y"] = count(); @a["y"] = count();
	clear(@a); printa(@a); @b["k"] = sum(1); exit(0); }'

dtrace_is "clear() of min() zeroes it as DTrace's does" "
                0" -qn 'BEGIN { @m = min(5); clear(@m); printa(@m); exit(0); }'

dtrace_is "trunc(@, 2) keeps the largest, trunc(@, -1) the smallest, trunc(@) none" "
                3                3
                4                4

                1                1" \
	-qn 'BEGIN { @a[1] = sum(1); @a[2] = sum(2); @a[3] = sum(3); @a[4] = sum(4);
	trunc(@a, 2); printa(@a); @b[1] = sum(1); @b[2] = sum(2); @b[3] = sum(3);
	trunc(@b, -1); @c[1] = count(); trunc(@c); exit(0); }'

dtrace_is "normalize() divides what is printed; denormalize() undoes it" "avg/1000 3 sd/10 100

  x                                                               100
  y                                                              1000

           value  ------------- Distribution ------------- count    
             256 |                                         0        
             512 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 5        
            1024 |                                         0        " \
	-qn 'BEGIN { @a["x"] = sum(1000); @b["y"] = sum(1000); normalize(@a, 10);
	normalize(@b, 10); denormalize(@b);
	@q = quantize(1000); @q = quantize(1000); @q = quantize(1000);
	@q = quantize(1000); @q = quantize(1000); normalize(@q, 1);
	@av = avg(3000); normalize(@av, 1000);
	@sd = stddev(0); @sd = stddev(2000); normalize(@sd, 10);
	printa("avg/1000 %@d ", @av); printa("sd/10 %@d\n", @sd); exit(0); }'

dtrace_is "printa() formats of avg, stddev and the quantizations" "avg 4 stddev 2
key k 
           value  ------------- Distribution ------------- count    
               2 |                                         0        
               4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        
               8 |                                         0        
|lq:
           value  ------------- Distribution ------------- count    
               0 |                                         0        
               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        
               4 |                                         0        
|llq:
           value  ------------- Distribution ------------- count    
             < 1 |                                         0        
               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        
               2 |                                         0        
|" \
	-qn 'BEGIN { @a = avg(2); @a = avg(6); @s = stddev(2); @s = stddev(6);
	@q["k"] = quantize(4); @l = lquantize(3, 0, 10, 2);
	@ll = llquantize(1, 10, 0, 2, 10);
	printa("avg %@d ", @a); printa("stddev %@d\n", @s);
	printa("key %s %@d|", @q); printa("lq:%@d|", @l); printa("llq:%@d|", @ll);
	exit(0); }'

dtrace_is "aggsortkey, aggsortrev at run time" "
  a                                                                 2
  b                                                                 1
  c                                                                 0

  c                                                                 0
  b                                                                 1
  a                                                                 2" \
	-qn 'BEGIN { @a["b"] = sum(1); @a["a"] = sum(2); @a["c"] = sum(0);
	setopt("aggsortkey"); printa(@a); setopt("aggsortrev"); printa(@a);
	exit(0); }'

dtrace_is "quantizations sort by their values weighted by count, not by count" \
	"q: b a l: b a ll: ba" \
	-qn 'BEGIN { @q["a"] = quantize(1000); @q["b"] = quantize(1);
	@q["b"] = quantize(1); @q["b"] = quantize(1);
	@l["a"] = lquantize(9, 0, 10, 1); @l["b"] = lquantize(1, 0, 10, 1);
	@l["b"] = lquantize(1, 0, 10, 1); @l["b"] = lquantize(1, 0, 10, 1);
	@ll["a"] = llquantize(500, 10, 0, 3, 10);
	@ll["b"] = llquantize(2, 10, 0, 3, 10);
	@ll["b"] = llquantize(2, 10, 0, 3, 10);
	@ll["b"] = llquantize(2, 10, 0, 3, 10);
	printf("q: "); printa("%s ", @q); printf("l: "); printa("%s ", @l);
	printf("ll: "); printa("%s", @ll); exit(0); }'

dtrace_is "aggsortkeypos sorts by the second key first" "
                2  a                                                                 2
                3  m                                                                 0
                1  z                                                                 1" \
	-x aggsortkey -x aggsortkeypos=1 -qn 'BEGIN { @a[1, "z"] = sum(1);
	@a[2, "a"] = sum(2); @a[3, "m"] = sum(0); exit(0); }'

dtrace_is "tracemem() with a fixed and a dynamic size; rawbytes" "
             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef
         0: 64 74 72 61 63 65 00 00                          dtrace..
|
             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef
         0: 64 74 72                                         dtr
|dtrace|
             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef
         0: 64 74 72 61 63 65 00 00 00 00 00 00 00 00 00 00  dtrace.........." \
	-qn 'BEGIN { tracemem(&curthread->comm[0], 8); printf("|");
	tracemem(&curthread->comm[0], 16, 3); printf("|"); trace(curthread->comm);
	printf("|"); setopt("rawbytes"); } BEGIN { trace(curthread->comm);
	exit(0); }'

# A kernel address: vfs_read's caller, reading as cat.
"$DTRACE_BIN" -qn 'fbt::vfs_read:entry /execname == "cat"/ {
	func(caller); printf("|\n"); sym(caller); printf("|\n"); mod(caller);
	printf("|\n"); printf("%a|%A|\n", caller, 0x1234); exit(0); }' \
	>"$tmp/ksym" 2>&1 &
dpid=$!
sleep 3
cat /etc/hostname >/dev/null
wait $dpid
want_same "sym(), func(), mod() in 50 columns; %a with the offset; %A unknown" \
"  vmlinux\`ksys_read                                 |
  vmlinux\`ksys_read                                 |
  vmlinux                                           |
vmlinux\`ksys_read+0xOFF|0x1234|" \
	"$(sed 's/+0x[0-9a-f]*|/+0xOFF|/' "$tmp/ksym")"

# A user address: out_usym hands its function's address to write(2).
"$DTRACE_BIN" -qn 'syscall::write:entry /execname == "out_usym"/ {
	usym(arg1); printf("|\n"); ufunc(arg1); printf("|\n"); umod(arg1);
	printf("|\n"); uaddr(arg1 + 4); printf("|\n"); uaddr(4); printf("|\n");
	exit(0); }' >"$tmp/usym" 2>&1 &
dpid=$!
sleep 2
"$KMOD_BIN/out_usym"
wait $dpid
want_same "usym(), ufunc(), umod(), uaddr() of a live process" \
"  out_usym\`out_usym_target                          |
  out_usym\`out_usym_target                          |
  out_usym                                          |
  out_usym\`out_usym_target+0x4                      |
  0x4                                               |" \
	"$(cat "$tmp/usym")"

dtrace_is "print() of an int, a char and a struct" "int 0x5
char 'A'
struct load_weight {
    long unsigned int weight = 0x100000
    u32 inv_weight = 0x400000
}" \
	-qn 'BEGIN { print(5); print((char)65); print(curthread->se.load);
	exit(0); }'

dtrace_is "system() runs in order with our output; refused without -w" "before
hi 42
after" \
	-wqn 'BEGIN { printf("before\n"); system("echo hi %d", 42);
	printf("after\n"); exit(0); }'
out=$("$DTRACE_BIN" -qn 'BEGIN { system("echo no"); exit(0); }' 2>&1)
rc=$?
check "system() without -w is refused (status $rc)" \
	[ "$rc" -ne 0 ] && ! printf '%s\n' "$out" | grep -qx no

dtrace_is "freopen() sends the output to a file and back" "a
c" \
	-wqn 'BEGIN { printf("a\n"); freopen("'"$tmp"'/fo"); printf("b\n");
	freopen(""); printf("c\n"); exit(0); }'
want_same "freopen()'s file got what was written meanwhile" "b" "$(cat "$tmp/fo")"

echo old >"$tmp/o"
dtrace_is "-o: nothing on stdout" "" -o "$tmp/o" -qn 'BEGIN { printf("x\n");
	@ = count(); exit(0); }'
want_same "-o appends the traced data and the aggregations" "old
x

                1" "$(cat "$tmp/o")"

"$DTRACE_BIN" -o "$tmp/ft" -qn 'BEGIN { printf("gone\n"); }
	BEGIN { ftruncate(); printf("kept\n"); exit(0); }' >/dev/null 2>&1
want_same "ftruncate() empties the output file" "kept" "$(cat "$tmp/ft")"

out=$("$DTRACE_BIN" -n 'BEGIN { trace(1); setopt("quiet"); }
	BEGIN { printf("q\n"); exit(0); }' 2>/dev/null | sed 's/^ *[0-9]* /C /')
want_same "setopt(\"quiet\") at run time: no more probe lines or newlines" \
"CPU     ID                    FUNCTION:NAME
C      1                           :BEGIN         1q" "$out"

# -F: out_usym's write(2) on CPU 0, through the syscall and ksys_write;
# exit_group is an entry too.
"$DTRACE_BIN" -F -n 'syscall::write:entry, syscall::write:return,
	fbt::ksys_write:entry, fbt::ksys_write:return /execname == "out_usym"/ {}
	syscall::exit_group:entry /execname == "out_usym"/ { exit(0); }' \
	>"$tmp/flow" 2>/dev/null &
dpid=$!
sleep 3
taskset -c 0 "$KMOD_BIN/out_usym"
wait $dpid
want_same "-F: entries indent, returns unindent, others print |" \
"CPU FUNCTION                                 
  0  => write                                 
  0    -> ksys_write                          
  0    <- ksys_write                          
  0  <= write                                 
  0  => exit_group                            " "$(cat "$tmp/flow")"

want=$(printf '\n  %-50s %16d %16d\n  %-50s %16d %16d\n  %-50s %16d %16d\n' \
	z 0 2 x 1 10 y 5 0; printf 'z 0 2\nx 1 10\ny 5 0\ny 5 0\nz 0 2\nx 1 10\n')
dtrace_is "printa() of two aggregations joins them on the keys; aggsortpos" "$want" \
	-qn 'BEGIN { @a["x"] = sum(1); @a["y"] = sum(5); @b["x"] = sum(10);
	@b["z"] = sum(2); printa(@a, @b); printa("%s %@d %@d\n", @a, @b);
	setopt("aggsortpos", "1"); printa("%s %@d %@d\n", @a, @b); exit(0); }'

dtrace_is "setopt() of an unknown option: DTrace's message, tracing goes on" \
"dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): couldn't set option \"nosuchopt\" to \"1\": Invalid option name
on" -qn 'BEGIN { setopt("nosuchopt"); printf("on"); exit(0); }'
