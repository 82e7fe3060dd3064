# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# D variables holding structs, unions and arrays by value, run by the
# module's DIF: globals, self->, this-> and associative-array values
# assigned whole and by member (the compiler's member stores go through a
# scratch copy, libtrace/dt_cg.c), and a kernel struct copied from a
# probe argument at fbt::vfs_read:entry, read back at :return as the
# original still was.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

dtrace_is "struct, union and array variables: declared, copied, members" \
"3 2 65 2 1 | 7 200 7 | 9 0" -qn '
struct pt { int x, y; unsigned int flag : 1; };
union num { long l; char c[8]; };
struct pt p; union num n; int arr[5];
self struct pt sp;
struct pt last[int];

BEGIN
{
	p.x = 1; p.x++; p.y += 2; p.flag = 1;
	q = p;
	p.x = 100;		/* q is a copy */
	n.l = 0x41;
	arr[0] = q.x;
	arr[q.y] = arr[0];
	printf("%d %d %d %d %d | ", q.x + 1, q.y, n.c[0], arr[2], q.flag);
	self->sp.x = 7;		/* created by a member store */
	this->t = self->sp;
	this->t.y = 200;
	last[this->t.x] = this->t;
	last[9].x = 9;
	printf("%d %d %d | ", self->sp.x, last[7].y, last[7].x);
	printf("%d %d", last[9].x, last[9].y);
	exit(0);
}'

# trace() of a struct records its bytes, print() prints it by its type.
out=$("$DTRACE_BIN" -qn '
struct pt { int x, y; };
struct pt p;
BEGIN { p.x = 0x41424344; p.y = 0x45; print(p); trace(p); exit(0); }' 2>&1)
rc=$?
diag "$out"
check "print() of a struct variable names its members (rc $rc)" \
	eval '[ $rc -eq 0 ] && grep -q "x = 0x41424344" <<<"$out" && grep -q "y = 0x45" <<<"$out"'

# A kernel struct by value: at vfs_read entry the struct file is copied;
# at return the copy's members are what the file's still are.
head -c 4096 /dev/zero >/tmp/structvar.in
out=$("$DTRACE_BIN" -qn '
fbt::vfs_read:entry
/execname == "dd"/
{
	self->fp = args[0];
	self->f = *args[0];
}

fbt::vfs_read:return
/self->fp && self->f.f_mode/
{
	printf("mode %x read %d same %d inode %d\n", self->f.f_mode,
	    (self->f.f_mode & 1) != 0,
	    self->f.f_inode == self->fp->f_inode &&
	    self->f.f_path.dentry == self->fp->f_path.dentry,
	    self->f.f_inode != 0);
	exit(0);
}' -c "dd if=/tmp/structvar.in of=/dev/null bs=4096 count=1" 2>&1)
rc=$?
diag "$out"
check "self->f = *args[0] copies a struct file; its members read back (rc $rc)" \
	eval '[ $rc -eq 0 ] && grep -q "read 1 same 1 inode 1" <<<"$out"'

# A big kernel struct, whole: a task_struct in a clause-local.
out=$("$DTRACE_BIN" -qn '
BEGIN
{
	this->t = *curthread;
	printf("%d %s\n", this->t.pid == pid, this->t.comm);
	exit(0);
}' 2>&1)
rc=$?
diag "$out"
same "this->t = *curthread: pid and comm of the copy (rc $rc)" "$out" "1 dtrace"
