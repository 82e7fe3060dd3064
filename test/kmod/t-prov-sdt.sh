# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The sdt provider (providers/sdt.c): every tracepoint as
# sdt:<module>:<subsystem>:<event>; sched_switch fires while tasks switch;
# sys_enter (the raw tracepoint) fires once per getppid call; a killed
# consumer leaves nothing attached (rmmod works).
. test/kmod/lib.sh

prog=$KMOD_BIN/prov_fire
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
field() { awk -v k="$1" '$1 == k { print $2 }' <<<"$2"; }

out=$("$prog" list 'sdt:::' 2>&1)
n=$(field probes "$out")
diag "$out"
check "sdt provider lists probes ($n)" [ "${n:-0}" -gt 300 ]
out=$("$prog" list 'sdt:::sched_switch' -p 2>&1)
check "sdt:vmlinux:sched:sched_switch exists" \
	eval 'grep -q "sdt vmlinux sched sched_switch" <<<"$out"'
out=$("$prog" list 'sdt:vmlinux:raw_syscalls:sys_enter' -p 2>&1)
check "sdt:vmlinux:raw_syscalls:sys_enter exists" [ "$(field probes "$out")" = 1 ]

out=$("$prog" count 'sdt:::sched_switch' sleep 1 2>&1)
diag "$out"
check "sdt:::sched_switch fires ($(field fired "$out"))" [ "$(field fired "$out")" -gt 0 ]
out=$("$prog" count 'sdt::raw_syscalls:sys_enter' "$prog" loop 1000 2>&1)
diag "$out"
check "sdt::raw_syscalls:sys_enter fires at least once per call" \
	[ "$(field fired "$out")" -ge 1000 ]

"$prog" hold 'sdt::sched:' 60 >/dev/null 2>&1 &
pid=$!
sleep 2
kill -9 $pid
wait $pid 2>/dev/null
check "rmmod after a killed sdt consumer" rmmod dtrace
check "module reloads" load_module
