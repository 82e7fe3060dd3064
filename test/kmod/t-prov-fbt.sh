# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The fbt provider (providers/fbt.c): entry and return probes for the
# traceable functions (as many as tracefs lists, less dtrace.ko's own and
# the deny list); fbt::vfs_read entry and return fire once per read(2);
# after the consumer closes or is killed nothing of ours is attached
# (tracefs enabled_functions is empty, no kprobes in the debugfs list) and
# rmmod works.
. test/kmod/lib.sh

prog=$KMOD_BIN/prov_fire
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
field() { awk -v k="$1" '$1 == k { print $2 }' <<<"$2"; }
T=/sys/kernel/tracing
D=/sys/kernel/debug

# residue WHAT: nothing of ours left attached.
residue() {
	local ef kp
	ef=$(grep -c . $T/enabled_functions 2>/dev/null)
	kp=$(grep -c . $D/kprobes/list 2>/dev/null)
	check "$1: enabled_functions empty (${ef:-?} lines)" [ "${ef:-0}" = 0 ]
	check "$1: kprobes list empty (${kp:-?} lines)" [ "${kp:-0}" = 0 ]
}

avail=$(grep -c . $T/available_filter_functions)
out=$("$prog" list 'fbt:::entry' 2>&1)
n=$(field probes "$out")
diag "available_filter_functions: $avail; fbt entry probes: $n; listed in $(field list_ms "$out") ms"
check "fbt lists most traceable functions ($n of $avail)" [ "${n:-0}" -gt $((avail * 8 / 10)) ]
out=$("$prog" list 'fbt:vmlinux:vfs_read:' -p 2>&1)
check "fbt:vmlinux:vfs_read:entry and :return exist" \
	eval 'grep -q "fbt vmlinux vfs_read entry" <<<"$out" && grep -q "fbt vmlinux vfs_read return" <<<"$out"'
out=$("$prog" list 'fbt:dtrace::' 2>&1)
check "dtrace.ko's own functions have no probes" [ "$(field probes "$out")" = 0 ]
out=$("$prog" list 'fbt::copy_from_kernel_nofault:' 2>&1)
check "probe-context callees have no probes" [ "$(field probes "$out")" = 0 ]

head -c 100000 /dev/zero >/tmp/fbt.in
for dir in entry return; do
	out=$("$prog" count "fbt::vfs_read:$dir" dd if=/tmp/fbt.in of=/dev/null bs=1000 count=100 2>&1)
	diag "$out"
	f=$(field fired "$out")
	check "fbt::vfs_read:$dir fires for each read (>= 100: $f)" [ "${f:-0}" -ge 100 ]
	residue "after fbt::vfs_read:$dir"
done

out=$("$prog" count 'fbt::vfs_*:' "$prog" loop 10 2>&1)
diag "$out"
check "fbt::vfs_*: enables entry and return probes ($(field probes "$out"))" \
	[ "$(field probes "$out")" -gt 20 ]
residue "after fbt::vfs_*:"

"$prog" hold 'fbt::vfs_*:' 60 >/dev/null 2>&1 &
pid=$!
sleep 3
kill -9 $pid
wait $pid 2>/dev/null
residue "after a killed fbt consumer"
check "rmmod after a killed fbt consumer" rmmod dtrace
check "module reloads" load_module
