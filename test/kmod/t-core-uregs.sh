# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# uregs[] (kernel/dtk_dif_host.c, names in translators/regs.d): at a
# system call's entry, the thread's saved user pc is just after the
# program's own syscall instruction, its user sp a few bytes from a local
# variable, R_ERR the call number (orig_ax), and the 64-bit and i386 names
# agree; a kernel thread has no user registers (invalid address), and an
# index Linux does not save is an illegal operation.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

prog=$KMOD_BIN/uregs_prog
out=$("$DTRACE_BIN" -q -c "$prog 1" -n 'syscall::getppid:entry
	/pid == $target/ {
		printf("D %x %x %x %d\n", uregs[R_PC], uregs[R_SP], uregs[R_ERR],
		    uregs[R_RIP] == uregs[R_PC] && uregs[R_RSP] == uregs[R_SP] &&
		    uregs[R_RAX] == uregs[R_EAX] && uregs[R_PS] == uregs[R_RFL]);
	}' 2>&1)
diag "$out"
d=$(echo "$out" | grep '^D ' | head -1)
p=$(echo "$out" | grep '^P ' | head -1)
set -- $d
dpc=$2 dsp=$3 derr=$4 deq=$5
set -- $p
ppc=$2 plocal=$3 pnr=$4
if [ -n "$dpc" ] && [ -n "$ppc" ]; then
	same "uregs[R_PC] is the pc after the program's syscall" "$dpc" "$ppc"
	dist=$(( 0x$plocal - 0x$dsp ))
	[ $dist -lt 0 ] && dist=$(( -dist ))
	if [ $dist -lt 4096 ]; then
		ok "uregs[R_SP] is within a page of a local variable ($dist bytes)"
	else
		not_ok "uregs[R_SP] is within a page of a local variable"
		diag "sp $dsp local $plocal"
	fi
	same "uregs[R_ERR] is the call number" "$derr" "$pnr"
	same "the amd64 and i386 names agree" "$deq" 1
else
	not_ok "dtrace and the program both printed"
fi

out=$("$DTRACE_BIN" -q -n 'profile-97 /curthread->flags & 0x00200000/ {
	trace(uregs[R_PC]); } tick-1s { exit(0); }' 2>&1)
if echo "$out" | grep -q "invalid address (0x0)"; then
	ok "uregs[] in a kernel thread is an invalid address"
else
	not_ok "uregs[] in a kernel thread is an invalid address"
	diag "$out"
fi

oneliner "$prog 1" -n 'syscall::getppid:entry /execname == "uregs_prog"/ {
	trace(uregs[R_TRAPNO]); }
	syscall::getppid:entry /execname == "uregs_prog"/ { trace(uregs[1000]); }'
if [ "$(echo "$out" | grep -c "illegal operation")" -ge 2 ]; then
	ok "uregs[] of a register Linux does not save, or past the table, is an illegal operation"
else
	not_ok "uregs[] of a register Linux does not save, or past the table, is an illegal operation"
	diag "$out"
fi
