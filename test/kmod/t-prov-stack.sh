# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Kernel stacks (kernel/dtk_stack.c) and their symbolization
# (libtrace/dt_ksym.c), through stack(8) clauses: an fbt entry or return
# probe's stack starts at the traced function's caller, as on illumos
# (vfs_read is called from ksys_read on both kernels), and contains no
# frame of dtrace.ko, of ftrace or of the kretprobe machinery; an sdt
# probe's stack starts at the tracepoint's site (sched_switch in
# __schedule).
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
