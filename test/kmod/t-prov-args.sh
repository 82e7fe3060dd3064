# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Typed args[] (libtrace/dt_args.c): dtrace -lv shows the stability
# attributes and argument types of a syscall, an fbt and an sdt probe in
# DTrace's layout; the compiler types args[N] from them, so that members
# of kernel structures reached through args[] read the right fields
# (args[1]->name of do_filp_open, args[1]->comm of sched_switch), a
# 32-bit int argument reads as an int whatever the register's upper half
# holds (openat's dfd is AT_FDCWD, -100), and descriptions whose probes
# disagree on args[N], or an index past the arguments, are D_ARGS_MULTI
# and D_ARGS_IDX.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	skip "typed args[]" "$DTRACE_BIN not built"
	exit 0
fi

# lv DESC: dtrace -lv -n DESC with the probe ids replaced by "ID".
lv() {
	"$DTRACE_BIN" -lv -n "$1" 2>&1 | sed -E 's/^ *[0-9]+ /   ID /'
}

# expect_lv DESC: compare lv DESC with the expected text on stdin.
expect_lv() {
	local want got
	want=$(cat)
	got=$(lv "$1")
	if [ "$got" = "$want" ]; then
		ok "dtrace -lv -n $1"
	else
		not_ok "dtrace -lv -n $1"
		diag "expected:" "$want" "got:" "$got"
	fi
}

T=$(printf '\t')
expect_lv 'syscall::openat:entry' <<EOT
   ID   PROVIDER            MODULE                          FUNCTION NAME
   ID    syscall                                              openat entry

${T}Probe Description Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: ISA

${T}Argument Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: ISA

${T}Argument Types
${T}${T}args[0]: int
${T}${T}args[1]: const char *
${T}${T}args[2]: int
${T}${T}args[3]: umode_t

   ID    syscall              ia32                            openat entry

${T}Probe Description Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: Unknown

${T}Argument Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: ISA

${T}Argument Types
${T}${T}args[0]: int
${T}${T}args[1]: const char *
${T}${T}args[2]: int
${T}${T}args[3]: umode_t
EOT

expect_lv 'fbt::do_filp_open:' <<EOT
   ID   PROVIDER            MODULE                          FUNCTION NAME
   ID        fbt           vmlinux                      do_filp_open entry

${T}Probe Description Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: Unknown

${T}Argument Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: ISA

${T}Argument Types
${T}${T}args[0]: int
${T}${T}args[1]: struct filename *
${T}${T}args[2]: const struct open_flags *

   ID        fbt           vmlinux                      do_filp_open return

${T}Probe Description Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: Unknown

${T}Argument Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: ISA

${T}Argument Types
${T}${T}args[0]: int
${T}${T}args[1]: struct file *
EOT

expect_lv 'sdt:::sched_switch' <<EOT
   ID   PROVIDER            MODULE                          FUNCTION NAME
   ID        sdt           vmlinux                             sched sched_switch

${T}Probe Description Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: Unknown

${T}Argument Attributes
${T}${T}Identifier Names: Private
${T}${T}Data Semantics:   Private
${T}${T}Dependency Class: ISA

${T}Argument Types
${T}${T}args[0]: bool
${T}${T}args[1]: struct task_struct *
${T}${T}args[2]: struct task_struct *
${T}${T}args[3]: unsigned int
EOT

expect_lv 'dtrace:::BEGIN' <<EOT
   ID   PROVIDER            MODULE                          FUNCTION NAME
   ID     dtrace                                                     BEGIN

${T}Probe Description Attributes
${T}${T}Identifier Names: Stable
${T}${T}Data Semantics:   Stable
${T}${T}Dependency Class: Common

${T}Argument Attributes
${T}${T}Identifier Names: Stable
${T}${T}Data Semantics:   Stable
${T}${T}Dependency Class: Common

${T}Argument Types
${T}${T}None
EOT

# The other listing filters.
check "dtrace -lv -f do_filp_open lists as -n ::do_filp_open:" \
	eval '[ "$("$DTRACE_BIN" -lv -f do_filp_open)" = "$("$DTRACE_BIN" -lv -n ::do_filp_open:)" ]'
check "dtrace -lv -i 1 lists dtrace:::BEGIN" \
	eval '[ "$("$DTRACE_BIN" -lv -i 1)" = "$("$DTRACE_BIN" -lv -n dtrace:::BEGIN)" ]'
check "dtrace -lv -m 9p lists the module's functions with types" \
	eval '"$DTRACE_BIN" -lv -m 9p | grep -q "args\[0\]: struct inode \*"'

# The one-liners: kernel structures through typed arguments.
oneliner 'cat /etc/hostname' -n 'fbt::do_filp_open:entry { printf("%s\n", stringof(args[1]->name)); }'
check "fbt::do_filp_open:entry stringof(args[1]->name) shows /etc/hostname" \
	eval 'grep -q "do_filp_open:entry /etc/hostname\$" <<<"$out"'

oneliner 'sleep 0.3' -n 'sdt:::sched_switch { @[stringof(args[1]->comm)] = count(); }'
check "sdt:::sched_switch @[stringof(args[1]->comm)] counts sleep" \
	eval 'grep -Eq "^  sleep +[0-9]+\$" <<<"$out"'
check "sdt:::sched_switch @[stringof(args[1]->comm)]: only real comms" \
	eval '! grep -Ev "^  [[:print:]]{1,15} +[0-9]+\$|^\$|^dtrace: description" <<<"$out" | grep -q .'

oneliner 'cat /etc/hostname' -n 'syscall::openat:entry /execname == "cat"/ { printf("%d %s %d\n", args[0], copyinstr((uintptr_t)args[1]), args[2]); }'
check "syscall::openat:entry: int args[0] is AT_FDCWD, args[1] the path, args[2] O_RDONLY" \
	eval 'grep -q "openat:entry -100 /etc/hostname 0\$" <<<"$out"'

# A module's probes: types from its split BTF (/sys/kernel/btf/9p), and
# its structures read through them (the test bed's root is on 9p).
if [ -e /sys/kernel/btf/9p ]; then
	out=$(lv 'fbt:9p:v9fs_vfs_lookup:entry' | grep 'args\[')
	check "dtrace -lv: a module function's types from its BTF" \
		[ "$out" = "$(printf '\t\targs[0]: struct inode *\n\t\targs[1]: struct dentry *\n\t\targs[2]: unsigned int')" ]
	diag "$out"
	oneliner 'ls /dt-args-nonexistent' -n 'fbt:9p:v9fs_vfs_lookup:entry /execname == "ls"/ { printf("%s\n", stringof(args[1]->d_name.name)); }'
	check "fbt:9p:v9fs_vfs_lookup:entry args[1]->d_name.name shows the name looked up" \
		eval 'grep -q "v9fs_vfs_lookup:entry dt-args-nonexistent\$" <<<"$out"'
else
	skip "module BTF" "no /sys/kernel/btf/9p"
fi

# Compile-time checks against the live probe list.
errtag() {
	"$DTRACE_BIN" -e -xerrtags -n "$1" 2>&1 | grep -o '\[D_[A-Z_]*\]'
}
check "args[] of descriptions that agree (vfs_read, vfs_write: struct file *)" \
	"$DTRACE_BIN" -e -n 'fbt::vfs_read:entry, fbt::vfs_write:entry { trace(args[0]->f_flags); }'
check "args[] of descriptions that disagree: D_ARGS_MULTI" \
	eval '[ "$(errtag "fbt::vfs_read:entry, fbt::do_filp_open:entry { trace(args[1]); }")" = "[D_ARGS_MULTI]" ]'
check "args[] of a glob whose probes disagree: D_ARGS_MULTI" \
	eval '[ "$(errtag "fbt::do_filp_open: { trace(args[1]); }")" = "[D_ARGS_MULTI]" ]'
check "args[0] of syscall:::entry (int dfd, unsigned int fd...): D_ARGS_MULTI" \
	eval '[ "$(errtag "syscall:::entry { trace(args[0]); }")" = "[D_ARGS_MULTI]" ]'
check "args[4] of openat (4 arguments): D_ARGS_IDX" \
	eval '[ "$(errtag "syscall::openat:entry { trace(args[4]); }")" = "[D_ARGS_IDX]" ]'
check "args[0] of profile-97 (no arguments): D_ARGS_IDX" \
	eval '[ "$(errtag "profile-97 { trace(args[0]); }")" = "[D_ARGS_IDX]" ]'
