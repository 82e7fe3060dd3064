# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The classic one-liners of issue 6 through the dtrace command, on the
# syscall, fbt and sdt providers: each runs in the background until it
# has matched its probes, a workload runs, dtrace is stopped with SIGTERM
# (a background job inherits SIGINT ignored) and its output is checked.
# Also -F's flow indentation over fbt::vfs_*, the listings (-l with -n
# and -P) and how long listing every probe takes.  The other one-liners
# of the issue have their own parts: stack() keys in t-prov-stack.sh,
# typed args[] in t-prov-args.sh, the speculation script in
# t-core-spec.sh.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	skip "the one-liners" "$DTRACE_BIN not built"
	exit 0
fi

oneliner 'cat /etc/hostname' -n 'syscall::openat:entry { printf("%s %s\n", execname, copyinstr(arg1)); }'
check "syscall::openat:entry printf with copyinstr(arg1)" \
	eval 'grep -q "openat:entry cat /etc/hostname" <<<"$out"'

oneliner 'cat /etc/services' -n 'syscall::read:return /execname == "cat"/ { @ = quantize(arg0); }'
check "syscall::read:return quantize(arg0) for cat" \
	eval 'grep -q "value  ------------- Distribution ------------- count" <<<"$out"'

oneliner 'cat /etc/services' -n 'syscall::read:entry { self->t = timestamp; } syscall::read:return /self->t/ { @[execname] = quantize(timestamp - self->t); self->t = 0; }'
check "syscall::read entry/return latency by execname" \
	eval 'grep -Eq "^  cat +\$" <<<"$out" && grep -q Distribution <<<"$out"'

oneliner 'echo hi >/tmp/oneliner.w' -n 'fbt::vfs_write:return { @[probefunc] = avg(arg1); }'
check "fbt::vfs_write:return avg(arg1) by probefunc" \
	eval 'grep -Eq "^  vfs_write +[0-9]+\$" <<<"$out"'

oneliner 'cat /etc/hostname' -n 'fbt::vfs_read:entry /execname == "cat"/ { stack(); }'
check "fbt::vfs_read:entry stack() starts at ksys_read" \
	eval 'grep -Eq "^ {14}vmlinux\`ksys_read\+0x[0-9a-f]+\$" <<<"$out"'

oneliner 'cat /etc/hostname' -F -n 'fbt::vfs_*: /execname == "cat"/ {}'
check "-F fbt::vfs_*: flowindent header, vfs_read entered and returned" \
	eval 'grep -Eq "^CPU FUNCTION *\$" <<<"$out" &&
	      grep -Eq "^ +[0-9]+ +-> vfs_read *\$" <<<"$out" &&
	      grep -Eq "^ +[0-9]+ +<- vfs_read *\$" <<<"$out"'

oneliner 'cat /nonexistent' -n 'syscall::openat:return /errno != 0 && execname == "cat"/ { printf("%s %d %d\n", execname, errno, arg1); }'
check "syscall::openat:return errno of a failed open (ENOENT)" \
	eval 'grep -q "cat 2 -2" <<<"$out"'

oneliner 'sleep 0.3' -n 'sdt:::sched_switch { @ = count(); }'
check "sdt:::sched_switch count()" eval 'grep -Eq "^ +[0-9]+\$" <<<"$out"'

out=$("$DTRACE_BIN" -l -n 'fbt::vfs_*:entry' 2>&1)
check "dtrace -l -n 'fbt::vfs_*:entry' lists vfs_read" \
	eval 'grep -Eq "fbt +vmlinux +vfs_read entry\$" <<<"$out"'
out=$("$DTRACE_BIN" -l -P syscall 2>&1)
n=$(grep -c ' syscall ' <<<"$out")
check "dtrace -l -P syscall lists every call ($n)" [ "$n" -gt 600 ]
s=$(date +%s)
n=$("$DTRACE_BIN" -l 2>/dev/null | wc -l)
t=$(( $(date +%s) - s ))
diag "dtrace -l: $n probes in $t s"
check "dtrace -l lists every probe ($n) in seconds ($t s)" \
	eval '[ "$n" -gt 40000 ] && [ "$t" -lt 60 ]'
