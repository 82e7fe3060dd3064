# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# d_path() and getf() in probe context (dif/dif_subr.c, walking the
# kernel's structures with safe loads only): the real path of a file a
# command opens, from syscall::openat:return and from fbt, including a
# path across a mount point (a tmpfs mounted for the test) and an
# unlinked file's " (deleted)"; getf() of a descriptor that is not open is
# NULL; the cwd and root built-ins; cwd inside d_move(), where the kernel
# holds rename_lock (no deadlock); d_path while renames race (only real
# names, no crash).  The guest runs chrooted: paths are relative to the
# process's root, as the kernel's d_path() gives them.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

dir=/tmp/dpath.$$
mkdir -p "$dir/sub" "$dir/mnt" && echo x >"$dir/sub/file"
mounted=
if mount -t tmpfs none "$dir/mnt" 2>/dev/null; then
	mounted=y
	echo y >"$dir/mnt/inner"
fi

# trace WORKLOAD DTRACE-ARGS...: dtrace in the background until its
# BEGIN says it traces, then the workload, then SIGTERM (a background job
# inherits SIGINT ignored); its stdout is left in $seen.
trace() {
	local work=$1 pid i
	shift
	"$DTRACE_BIN" -n 'BEGIN { printf("ready\n"); }' "$@" \
		>/tmp/dpath.out 2>/tmp/dpath.err &
	pid=$!
	for i in $(seq 120); do
		grep -q ready /tmp/dpath.out && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.5
	done
	sh -c "$work" >/dev/null 2>&1
	sleep 1
	kill -TERM $pid 2>/dev/null
	wait $pid
	seen=$(grep -v '^ready$' /tmp/dpath.out)
}

# run WHAT WANT WORKLOAD DTRACE-ARGS...: trace; stdout must be WANT.
run() {
	local what=$1 want=$2
	shift 2
	trace "$@"
	if [ "$seen" = "$want" ]; then
		ok "$what"
	else
		not_ok "$what"
		diag "got:" "$seen" "wanted:" "$want" "stderr:" "$(cat /tmp/dpath.err)"
	fi
}

run "d_path(&getf(arg1)->f_path) at syscall::openat:return" \
	"$dir/sub/file" "cat $dir/sub/file" \
	-qn 'syscall::openat:return /execname == "cat" && (int)arg1 >= 0 &&
	index(d_path(&getf(arg1)->f_path), "dpath") >= 0/ {
	printf("%s\n", d_path(&getf(arg1)->f_path)); }'

if [ -n "$mounted" ]; then
	run "d_path across a mount point (tmpfs)" "$dir/mnt/inner" \
		"cat $dir/mnt/inner" \
		-qn 'syscall::openat:return /execname == "cat" && (int)arg1 >= 0 &&
		index(d_path(&getf(arg1)->f_path), "dpath") >= 0/ {
		printf("%s\n", d_path(&getf(arg1)->f_path)); }'
else
	skip "d_path across a mount point" "tmpfs cannot be mounted here"
fi

# fbt: fd_install(fd, file), the same on 6.1 and 6.12.
run "d_path of fbt::fd_install:entry's struct file" "$dir/sub/file" \
	"cat $dir/sub/file" \
	-qn 'fbt::fd_install:entry /execname == "cat" &&
	index(d_path(&((struct file *)arg1)->f_path), "dpath") >= 0/ {
	printf("%s\n", d_path(&((struct file *)arg1)->f_path)); }'

# An unlinked file: the shell opens it on fd 7, removes it, runs sleep.
run "d_path of an unlinked file says (deleted)" "$dir/sub/gone (deleted)" \
	"exec 7>$dir/sub/gone; rm $dir/sub/gone; exec sleep 0.3" \
	-qn 'syscall::nanosleep:entry,syscall::clock_nanosleep:entry
	/execname == "sleep" && getf(7) != 0/ {
	printf("%s\n", d_path(&getf(7)->f_path)); exit(0); }'

run "getf of a descriptor that is not open is NULL" "1 1" true \
	-qn 'BEGIN { printf("%d %d\n", getf(100000) == 0, getf(-1) == 0);
	exit(0); }'

run "cwd and root" "$dir/sub /" "cd $dir/sub && exec sleep 0.3" \
	-qn 'syscall::nanosleep:entry,syscall::clock_nanosleep:entry
	/execname == "sleep" && index(cwd, "dpath") >= 0/ {
	printf("%s %s\n", cwd, root); exit(0); }'

# Inside d_move() the kernel holds rename_lock and the d_locks: a path
# walk that took them would deadlock on this CPU; ours takes none.  (On
# the test bed's overlay a rename moves two dentries: the first prints.)
if grep -qx 'd_move' /sys/kernel/tracing/available_filter_functions 2>/dev/null ||
   grep -qx 'd_move' /sys/kernel/debug/tracing/available_filter_functions 2>/dev/null; then
	touch "$dir/sub/a"
	run "cwd inside d_move (rename_lock held): no deadlock" "$dir/sub" \
		"cd $dir/sub && mv a b" \
		-qn 'fbt::d_move:entry /execname == "mv"/ { printf("%s\n", cwd); exit(0); }'
else
	skip "cwd inside d_move" "d_move is not traceable here"
fi

# Renames racing the walk: every path seen is one of the two names.
mkdir -p "$dir/r1" && echo z >"$dir/r1/f"
trace "(for i in \$(seq 60); do mv $dir/r1 $dir/r2; mv $dir/r2 $dir/r1; done) &
	for i in \$(seq 60); do cat $dir/r1/f || cat $dir/r2/f; done; wait" \
	-qn 'syscall::openat:return /execname == "cat" && (int)arg1 >= 0 &&
	index(d_path(&getf(arg1)->f_path), "dpath") >= 0/ {
	@[d_path(&getf(arg1)->f_path)] = count(); }
	END { printa("%s\n", @); }'
diag "paths seen:" "$seen"
check "d_path while renames race: real names only, no crash" eval \
	'[ -n "$seen" ] && ! grep -v "^\$" <<<"$seen" | grep -qvx "$dir/r[12]/f"'

[ -n "$mounted" ] && umount "$dir/mnt"
rm -rf "$dir" /tmp/dpath.out /tmp/dpath.err
