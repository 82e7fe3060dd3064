# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Thread-local variables follow their thread across CPUs: a shell pinned
# to CPU 0 sets self->n in a chdir(2), is moved to CPU 1 (taskset), and
# finds its self->n there in the next chdir(2), while another thread on
# the same CPUs sees none of it.  The dynamic variable pool is shared by
# all CPUs (dif/dif_dvar.c), so nothing has to be copied for this.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ] || [ "$(nproc)" -lt 2 ]; then
	skip "self-> follows a thread across CPUs" "needs dtrace and 2 CPUs"
	exit 0
fi
dir=$(mktemp -d)
mkfifo "$dir/go1" "$dir/go2"
# Each shell waits on its fifo until tracing is on.
taskset -c 0 bash -c 'read -r _ <"$1"; cd /; taskset -p -c 1 $$ >/dev/null;
	cd /tmp; cd /' _ "$dir/go1" &
sh=$!
# A second shell, never traced for self->n: it must read 0.
taskset -c 1 bash -c 'read -r _ <"$1"; cd /' _ "$dir/go2" &
other=$!
"$DTRACE_BIN" -qn '
	BEGIN { self->n = 0; printf("go\n"); }
	syscall::chdir:entry /pid == $1/ {
		self->n++; printf("%d %d\n", cpu, self->n); }
	syscall::chdir:entry /pid == $2/ { printf("other %d\n", self->n); }
	syscall::chdir:entry /pid == $1 && self->n == 3/ { exit(0); }' \
	"$sh" "$other" >"$dir/out" 2>&1 &
dt=$!
for _ in $(seq 300); do
	grep -q go "$dir/out" && break
	sleep 0.1
done
echo >"$dir/go1"
echo >"$dir/go2"
wait "$sh" "$other"
wait "$dt"
rc=$?
# Each CPU's records come in order, the CPUs in any order: compare
# sorted (and without the blank line dtrace ends with).
want="0 1
1 2
1 3
go
other 0"
got=$(grep -v '^$' "$dir/out" | LC_ALL=C sort)
if [ $rc -eq 0 ] && [ "$got" = "$want" ]; then
	ok "self-> follows a thread from CPU 0 to CPU 1"
else
	not_ok "self-> follows a thread from CPU 0 to CPU 1 (status $rc)"
	diag "got:" "$got" "wanted:" "$want"
fi
rm -rf "$dir"
