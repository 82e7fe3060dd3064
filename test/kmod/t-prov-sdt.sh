# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The sdt provider (providers/sdt.c): every tracepoint as
# sdt:<module>:<subsystem>:<event>; sched_switch fires while tasks switch;
# sys_enter (the raw tracepoint) fires once per getppid call; a killed
# consumer leaves nothing attached (rmmod works).  Arguments: a
# tracepoint of six (kmalloc) and of ten (percpu_alloc_percpu) arguments
# gives args[5] and up their values, those beyond a tracepoint's arity
# read 0 (sys_enter, and 9pnet's 9p_client_req, a module's), and the
# syscall provider's arg5 (mmap's offset) is asked of the provider.
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

# Arguments past the fifth, and past a tracepoint's arity.
if [ ! -x "$DTRACE_BIN" ]; then
	skip "sdt arguments past arg4" "$DTRACE_BIN not built"
	exit 0
fi
# kmalloc(call_site, ptr, bytes_req, bytes_alloc, gfp_flags, int node):
# setxattr copies its value with kvmalloc(size) before it looks at the
# file, and kvmalloc asks for no node (NUMA_NO_NODE, -1).
oneliner "python3 -c 'import os
try: os.setxattr(\"/tmp\", \"user.dtrace\", b\"x\" * 3333)
except OSError: pass'" -n 'sdt:::kmalloc /execname == "python3" && args[2] == 3333/ { printf("node %d %d\n", args[5], (int)arg5); exit(0); }'
same "sdt:::kmalloc: args[5] and arg5, the sixth argument, are node -1" \
	"$(grep -o "node .*" <<<"$out")" "node -1 -1"

# percpu_alloc_percpu(call_site, reserved, is_atomic, size, align,
# base_addr, off, ptr, bytes_alloc, gfp_flags): a mount allocates per-CPU
# counters; bytes_alloc is at least size, the flags are not 0.
d=$(mktemp -d)
oneliner "mount -t tmpfs none $d; umount $d" -n 'sdt:::percpu_alloc_percpu { printf("size %d bytes %d gfp %x ptr %d\n", args[3], args[8], args[9], args[7] != 0); exit(0); }'
rmdir "$d"
set -- $(grep -o 'size .*' <<<"$out")
check "sdt:::percpu_alloc_percpu: args[8] >= args[3] > 0, args[9] != 0, args[7] != 0" \
	[ "${2:-0}" -gt 0 -a "${4:-0}" -ge "${2:-0}" -a "${6:-0}" != 0 -a "${8:-0}" = 1 ]

# sys_enter(regs, id): arg2..arg9 read 0, not what registers held.
oneliner 'sleep 0.2' -n 'sdt::raw_syscalls:sys_enter /execname == "sleep"/ { printf("beyond %d %d %d %d %d %d %d %d\n", arg2, arg3, arg4, arg5, arg6, arg7, arg8, arg9); exit(0); }'
same "sdt::raw_syscalls:sys_enter: arg2..arg9 read 0" \
	"$(grep -o "beyond .*" <<<"$out")" "beyond 0 0 0 0 0 0 0 0"

# A module's tracepoint: 9p_client_req(clnt, type, tag) of 9pnet.
if [ "$("$DTRACE_BIN" -l -n 'sdt:9pnet::9p_client_req' 2>/dev/null | wc -l)" -eq 2 ]; then
	oneliner 'echo 2 >/proc/sys/vm/drop_caches; cat /etc/os-release /etc/hostname; ls /usr/share/doc' \
		-n 'sdt:9pnet::9p_client_req { printf("beyond %d %d %d\n", arg3, arg4, arg5); exit(0); }'
	same "sdt:9pnet::9p_client_req: arg3..arg5 read 0" \
		"$(grep -o "beyond .*" <<<"$out")" "beyond 0 0 0"
else
	skip "sdt:9pnet::9p_client_req: arg3..arg5 read 0" "no such probe"
fi

# The syscall provider's arg5 comes from its getargval op: mmap's offset.
f=$(mktemp)
head -c 16384 /dev/zero >"$f"
oneliner "python3 -c 'import mmap; f = open(\"$f\", \"rb\"); mmap.mmap(f.fileno(), 4096, access=mmap.ACCESS_READ, offset=8192)'" \
	-n 'syscall::mmap:entry /execname == "python3" && arg1 == 4096 && arg5 == 8192/ { printf("offset %d\n", arg5); exit(0); }'
rm -f "$f"
same "syscall::mmap:entry: arg5 is the offset" "$(grep -o "offset .*" <<<"$out")" "offset 8192"
