# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Kernel stacks (kernel/dtk_stack.c) and their symbolization
# (libtrace/dt_ksym.c), through stack(8) clauses: an fbt entry or return
# probe's stack starts at the traced function's caller, as on illumos
# (vfs_read is called from ksys_read on both kernels), and contains no
# frame of dtrace.ko, of ftrace or of the kretprobe machinery; an sdt
# probe's stack starts at the tracepoint's site (sched_switch in
# __schedule).
#
# Then, through the dtrace command: stacks as aggregation keys (the
# issue-6 one-liners `@[stack()] = count()` on fbt::vfs_read:entry and on
# profile-99, a stack mixed with other keys, printa()'s %k), printed as
# dtrace(1M) prints them; and user stacks (ustack(), ustack(n) as a key,
# ustackdepth, ucaller) of ustack_prog, whose main -> ust_outer ->
# ust_middle -> ust_inner chain makes the system call, symbolized from the
# program's own symbol table, and uaddr(); jstack() as ustack().
. test/kmod/lib.sh

prog=$KMOD_BIN/prov_fire
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi

first_frame() { awk '$1 == "frame" { print $2; exit }' <<<"$1"; }

for dir in entry return; do
	out=$("$prog" stack "fbt::vfs_read:$dir" 8 dd if=/dev/zero of=/dev/null count=3 2>&1)
	diag "$out"
	f=$(first_frame "$out")
	check "fbt::vfs_read:$dir: stack starts in ksys_read ($f)" \
		eval '[[ $f == vmlinux\`ksys_read+0x* ]]'
	check "fbt::vfs_read:$dir: no dtrace, ftrace or rethook frames" \
		eval '! grep -Eq "dtrace\`|ftrace|rethook|kretprobe" <<<"$out"'
done
out=$("$prog" stack 'sdt:::sched_switch' 8 sleep 0.2 2>&1)
diag "$out"
f=$(first_frame "$out")
check "sdt:::sched_switch: stack starts in __schedule ($f)" \
	eval '[[ $f == vmlinux\`__schedule+0x* ]]'
out=$("$prog" stack 'syscall::getppid:entry' 8 "$prog" loop 3 2>&1)
diag "$out"
check "syscall::getppid:entry: stack reaches the syscall entry" \
	eval 'grep -q "entry_SYSCALL_64" <<<"$out"'

if [ ! -x "$DTRACE_BIN" ]; then
	skip "stacks through dtrace" "$DTRACE_BIN not built"
	exit 0
fi

# stack_shape: every aggregation entry of $out (after the dtrace: lines)
# is DTrace's: a blank line, frames indented by 14 spaces (symbolized as
# module`function+0xoff, or 0xaddr), the count right-aligned in 17
# columns; prints the number of entries, or "bad: LINE".
stack_shape() {
	grep -v '^dtrace:' <<<"$out" | awk -v kpfx="${1:-}" '
	function bad(what) { if (!b) print "bad: " what; b = 1 }
	/^$/ { if (st && nf) bad("an entry without a count"); st = 1; nf = 0; next }
	kpfx != "" && nf == 0 && index($0, kpfx) == 1 { st = 1; next }
	st && substr($0, 1, 14) == "              " &&
	    substr($0, 15) ~ /^([A-Za-z0-9_.-]+`[A-Za-z0-9_.]+(\+0x[0-9a-f]+)?|0x[0-9a-f]+)$/ {
		nf++; next }
	st && length($0) == 17 && /^ +[0-9]+$/ { n++; st = 0; nf = 0; next }
	{ bad($0) }
	END { if (!b) print n + 0 }'
}

oneliner 'cat /etc/hostname; dd if=/dev/zero of=/dev/null count=5' \
	-n 'fbt::vfs_read:entry { @[stack()] = count(); }'
shape=$(stack_shape)
check "@[stack()] = count() on fbt::vfs_read:entry: DTrace's shape ($shape entries)" \
	eval '[[ $shape =~ ^[0-9]+$ ]] && [ "$shape" -ge 1 ]'
check "@[stack()] on fbt::vfs_read:entry: a stack starts at ksys_read" \
	eval 'grep -B1 -E "^ {14}vmlinux\`ksys_read\+0x[0-9a-f]+\$" <<<"$out" | grep -q "^\$"'
check "@[stack()] on fbt::vfs_read:entry: no dtrace, ftrace or rethook frames" \
	eval '! grep -Eq "dtrace\`|ftrace|rethook|kretprobe" <<<"$out"'

oneliner 'cat /etc/hostname' \
	-n 'fbt::vfs_read:entry /execname == "cat"/ { @[execname, stack(3)] = count(); }'
shape=$(stack_shape "  cat                                               ")
check "@[execname, stack(3)]: the string key, then the stack ($shape entries)" \
	eval '[[ $shape =~ ^[0-9]+$ ]] && [ "$shape" -ge 1 ]'
check "@[execname, stack(3)]: the stack follows the key on its line" \
	eval 'grep -A1 -E "^  cat {47}\$" <<<"$out" | grep -Eq "^ {14}vmlinux\`ksys_read\+0x"'
n=$(grep -c '^              [^ ]' <<<"$out")
check "@[execname, stack(3)]: at most 3 frames per entry ($n lines)" \
	eval '[ "$n" -ge 1 ] && [ $((n % 3)) -eq 0 -o "$n" -le 3 ]'

oneliner 'cat /etc/hostname' \
	-n 'fbt::vfs_read:entry /execname == "cat"/ { @[stack(2)] = count(); }
	    END { printa("%k|%@d\n", @); printa("%-16k|%@d\n", @); }'
check "printa %k: the frames unindented, then the value" \
	eval 'grep -A1 -E "^vmlinux\`ksys_read\+0x[0-9a-f]+\$" <<<"$out" | grep -q "^vmlinux\`" &&
	      grep -Eq "^\|[0-9]+\$" <<<"$out"'
check "printa %-16k: the frames indented by 16 and padded to 16" \
	eval 'grep -Eq "^ {16}vmlinux\`ksys_read\+0x[0-9a-f]+\$" <<<"$out"'

out=$("$DTRACE_BIN" -n 'profile-99 { @[stack()] = count(); } tick-2s { exit(0); }' 2>&1 |
	grep -v '^ *[0-9]* *[0-9]* *:tick-2s *$\|^CPU  *ID')
diag "profile-99" "$out"
shape=$(stack_shape)
check "@[stack()] = count() on profile-99: DTrace's shape ($shape entries)" \
	eval '[[ $shape =~ ^[0-9]+$ ]] && [ "$shape" -ge 1 ]'
check "profile-99 stacks start at the interrupted pc (idle loops)" \
	eval 'grep -B1 -E "^ {14}vmlinux\`[a-z0-9_]*idle[a-z0-9_]*\+0x" <<<"$out" | grep -q "^\$"'
check "profile-99 stacks: none starts in the timer interrupt's handling" \
	eval '! grep -A1 "^\$" <<<"$out" | grep -Eq "hrtimer_interrupt|__hrtimer_run_queues|sysvec_apic_timer"'

# User stacks.
prog=$KMOD_BIN/ustack_prog
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
oneliner "$prog 3 2" -n 'syscall::getppid:entry /execname == "ustack_prog"/ {
	ustack(); printf("depth %d ucaller %d\n", ustackdepth, ucaller != 0);
	@[ustack(4)] = count(); @m[execname, ustack()] = count(); }
	syscall::getppid:entry /execname == "ustack_prog"/ { uaddr(ucaller); }'
# para_is TEXT: a paragraph of $out (blank-line separated) starts with
# TEXT, once the +0xoff of its frames are taken out.
para_is() {
	awk -v RS= -v want="$1" '{ g = $0; gsub(/\+0x[0-9a-f]+/, "", g)
		if (index(g, want) == 1) f = 1 } END { exit !f }' <<<"$out"
}
chain='              ustack_prog`ust_inner
              ustack_prog`ust_middle
              ustack_prog`ust_outer
              ustack_prog`main'
frames=$(grep -E -A3 '^ {14}ustack_prog`ust_inner\+0x[0-9a-f]+$' <<<"$out" | head -4 | sed 's/+0x[0-9a-f]*$//')
check "ustack(): the call chain, innermost first, symbolized" [ "$frames" = "$chain" ]
n=$(grep -c ' getppid:entry $' <<<"$out")
check "ustack(): one trace per call ($n)" [ "$n" = 3 ]
check "ustackdepth counts the chain and ucaller is set" \
	eval 'grep -Eq "depth ([5-9]|[1-9][0-9]+) ucaller 1" <<<"$out"'
check "@[ustack(4)] = count(): the four frames, counted 3 times" \
	para_is "$chain
                3"
check "@[execname, ustack()]: the key, then the stack" \
	eval 'grep -A1 -E "^  ustack_prog {39}\$" <<<"$out" | grep -Eq "^ {14}ustack_prog\`ust_inner\+"'
check "uaddr(ucaller): the caller of ust_inner, symbolized, in 50 columns" \
	eval 'grep -Eq "getppid:entry   ustack_prog\`ust_middle\+0x[0-9a-f]+ +\$" <<<"$out"'

# jstack(): on Linux there is no Java helper, so it is ustack() (its own
# jstackframes and jstackstrsize options aside): the same frames, the same
# format, as an action and as a key.
oneliner "$prog 2 2" -n 'syscall::getppid:entry /execname == "ustack_prog"/ {
	jstack(); @[jstack(4)] = count(); }'
frames=$(grep -E -A3 '^ {14}ustack_prog`ust_inner\+0x[0-9a-f]+$' <<<"$out" | head -4 | sed 's/+0x[0-9a-f]*$//')
check "jstack(): the call chain, innermost first, symbolized as ustack()" \
	[ "$frames" = "$chain" ]
n=$(grep -c ' getppid:entry $' <<<"$out")
check "jstack(): one trace per call ($n)" [ "$n" = 2 ]
check "@[jstack(4)] = count(): the four frames, counted 2 times" \
	para_is "$chain
                2"
