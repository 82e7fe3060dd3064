# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Kernel variables (`name, libtrace/dt_sema.c): read in probe context at
# the address /proc/kallsyms gives, typed by the library's extern
# declarations or, for per-CPU variables, by BTF (this CPU's copy), and
# checked against what /proc and uname say; an untyped symbol is refused
# at compile time unless its address is taken and cast.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

dtrace_is "\`jiffies > 0" 1 \
	-qn 'BEGIN { printf("%d\n", `jiffies > 0); exit(0); }'

# nr_cpu_ids is the number of possible CPUs: the last of "0-N", plus one.
possible=$(sed 's/.*[-,]//' /sys/devices/system/cpu/possible)
dtrace_is "\`nr_cpu_ids is the possible CPUs" $((possible + 1)) \
	-qn 'BEGIN { printf("%d\n", `nr_cpu_ids); exit(0); }'

dtrace_is "\`init_task.comm is swapper/0" swapper/0 \
	-qn 'BEGIN { printf("%s\n", `init_task.comm); exit(0); }'

dtrace_is "vmlinux\`init_uts_ns.name.release is uname -r" "$(uname -r)" \
	-qn 'BEGIN { printf("%s\n", vmlinux`init_uts_ns.name.release);
	     exit(0); }'

dtrace_is "a cast address reads the same as the typed variable" 1 \
	-qn 'BEGIN { printf("%d\n", *(unsigned long *)&`max_pfn == `max_pfn &&
	     `max_pfn > 0); exit(0); }'

dtrace_is "a program's extern declaration types a variable" "$(uname -n)" \
	-qn 'extern struct uts_namespace init_uts_ns;
	     BEGIN { printf("%s\n", `init_uts_ns.name.nodename); exit(0); }'

# A per-CPU variable: this CPU's struct rq knows which CPU it belongs to,
# on every CPU a profile probe fires on.
out=$("$DTRACE_BIN" -qn 'profile-97 { @[`runqueues.cpu == cpu] = count(); }
	tick-1s { printa("%d %@d\n", @); exit(0); }' 2>&1)
if [ "$(echo "$out" | awk '$1 == 1 { print "ok" } $1 == 0 { print "bad" }' |
	sort -u)" = ok ]; then
	ok "per-CPU \`runqueues.cpu == cpu on every firing"
else
	not_ok "per-CPU \`runqueues.cpu == cpu on every firing"
	diag "$out"
fi

out=$("$DTRACE_BIN" -xerrtags -qn 'BEGIN { trace(`schedule); }' 2>&1)
if echo "$out" | grep -q D_SYM_NOTYPES; then
	ok "an untyped kernel symbol is D_SYM_NOTYPES"
else
	not_ok "an untyped kernel symbol is D_SYM_NOTYPES"
	diag "$out"
fi
