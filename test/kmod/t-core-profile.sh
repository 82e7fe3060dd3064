# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The profile provider: in one second, tick-100ms fires about ten times
# on one CPU, profile-50ms about twenty times on every CPU (its cpu
# variable says which), and tick-1s once, ending tracing with exit(0).
# The bounds are loose: the VM runs under emulation.
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
