# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The syscall provider (providers/syscall.c): probes for the running
# kernel's calls under the names users know, ia32 calls in module "ia32";
# an entry and a return probe fire once per call (a getppid loop of known
# length); nothing stays attached after the consumer closes or is killed
# (no callback left on the raw syscall tracepoints: rmmod still works and
# the tracepoint's own users see nothing of ours).
. test/kmod/lib.sh

prog=$KMOD_BIN/prov_fire
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi

# field NAME OUTPUT: the value of "NAME value" in prov_fire's output.
field() { awk -v k="$1" '$1 == k { print $2 }' <<<"$2"; }

out=$("$prog" list 'syscall:::' 2>&1)
n=$(field probes "$out")
check "syscall provider lists probes ($n)" [ "${n:-0}" -gt 400 ]
for c in read write openat execve getppid clone exit_group; do
	out=$("$prog" list "syscall::$c:" -p 2>&1)
	check "syscall::$c:entry and :return exist" \
		eval 'grep -q "syscall  $c entry" <<<"$out" && grep -q "syscall  $c return" <<<"$out"'
done
out=$("$prog" list 'syscall:ia32:read:entry' -p 2>&1)
check "ia32 calls are in module ia32" eval 'grep -q "syscall ia32 read entry" <<<"$out"'
out=$("$prog" list 'syscall::ni_syscall:' 2>&1)
check "no probes for sys_ni_syscall holes" [ "$(field probes "$out")" = 0 ]

for dir in entry return; do
	out=$("$prog" count "syscall::getppid:$dir" "$prog" loop 1000 2>&1)
	diag "$out"
	check "syscall::getppid:$dir fires once per call (1000: $(field fired "$out"))" \
		[ "$(field fired "$out")" = 1000 ]
done
out=$("$prog" count 'syscall:::entry' "$prog" loop 200 2>&1)
diag "$out"
check "syscall:::entry fires for every call (>= 200: $(field fired "$out"))" \
	[ "${out:+$(field fired "$out")}" -ge 200 ]

# A killed consumer leaves nothing attached: the module unloads.
"$prog" hold 'syscall:::' 60 >/dev/null 2>&1 &
pid=$!
sleep 2
kill -9 $pid
wait $pid 2>/dev/null
check "rmmod after a killed syscall consumer" rmmod dtrace
check "module reloads" load_module
