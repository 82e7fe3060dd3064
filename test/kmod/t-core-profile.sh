# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The profile provider: in one second, tick-100ms fires about ten times
# on one CPU, profile-50ms about twenty times on every CPU (its cpu
# variable says which), and tick-1s once, ending tracing with exit(0).
# The bounds are loose: the VM runs under emulation.  Then profile-N
# across CPU hotplug.
. test/kmod/lib.sh

prog=$KMOD_BIN/core_dof
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
out=$("$prog" tick 2>&1)
check "core_dof tick exits 0" [ $? -eq 0 ]
ticks=$(printf '%s\n' "$out" | grep -c ':tick-100ms ')
ends=$(printf '%s\n' "$out" | grep -c ':tick-1s ')
check "tick-100ms fired 5 to 12 times in 1 s (got $ticks)" \
	[ "$ticks" -ge 5 -a "$ticks" -le 12 ]
check "tick-1s fired once (got $ends)" [ "$ends" -eq 1 ]
ncpu=$(nproc)
for c in $(seq 0 $((ncpu - 1))); do
	n=$(printf '%s\n' "$out" | awk -v c="$c" '$3 == ":profile-50ms" && $1 == c && $4 == c' | wc -l)
	check "profile-50ms fired on CPU $c (got $n)" [ "$n" -ge 5 ]
done

# CPU hotplug (profile.c): a CPU that comes online while profile-N is armed
# is sampled from then on; one that goes offline stops, and its timer does
# not move to another CPU (which would then fire twice per interval).
# $1: 0 to bring CPU 1 online during the run, 1 to take it offline.
hotplug_run() {
	local from=$1 out=/tmp/hotplug.$$ i
	echo "$from" >"$online"
	"$DTRACE_BIN" -qn 'BEGIN { printf("go\n"); }
	    profile-100hz { @[cpu] = count(); } tick-5s { exit(0); }
	    END { printa("cpu%d %@d\n", @); }' >"$out" 2>&1 &
	for i in $(seq 100); do
		grep -q go "$out" && break
		sleep 0.1
	done
	sleep 1
	echo $((1 - from)) >"$online"
	wait $!
	printf '%s\n' "$(cat "$out")"
	rm -f "$out"
}
online=/sys/devices/system/cpu/cpu1/online
if [ ! -x "$DTRACE_BIN" ] || [ ! -w "$online" ]; then
	skip "profile-N across CPU hotplug" "no dtrace or no CPU 1 to hotplug"
else
	out=$(hotplug_run 0)
	n1=$(printf '%s\n' "$out" | awk '$1 == "cpu1" { print $2 }')
	check "profile-100hz samples CPU 1 once it comes online (got ${n1:-0})" \
		[ "${n1:-0}" -ge 20 ]
	out=$(hotplug_run 1)
	n0=$(printf '%s\n' "$out" | awk '$1 == "cpu0" { print $2 }')
	n1=$(printf '%s\n' "$out" | awk '$1 == "cpu1" { print $2 }')
	# 5 s at 100 Hz: about 500 on CPU 0; a timer moved from CPU 1 would
	# add what CPU 1 missed (500 - cpu1) to it.
	check "CPU 1 stops at offline, CPU 0 does not fire twice (cpu0 ${n0:-0}, cpu1 ${n1:-0})" \
		[ "${n0:-0}" -ge 250 -a "${n0:-0}" -le 560 -a "${n1:-0}" -le 380 ]
	diag "$out"
	echo 1 >"$online"
fi
