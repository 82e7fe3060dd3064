// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * The DIF host ops of dtrace.ko (see dif/dif_vm.h for the contract): every
 * load of a D-supplied address goes through copy_from_kernel_nofault or
 * copy_from_user_nofault; a failure is DIF_FLT_BADADDR, which the
 * interpreter turns into a fault with the address as the illegal value.
 * Strings are copied a page at a time, so a string that ends just before
 * an unmapped page is read without touching that page.
 *
 * Built-in variables read the current task and the firing.  uregs[] is
 * the user registers the thread saved when it last entered the kernel
 * (task_pt_regs; see dtk_uregs); vmregs[] belongs to the kvm provider and
 * faults with DIF_FLT_ILLOP until it exists.  cwd and root, like d_path() and getf(), walk the
 * kernel's structures with safe loads only (dif/dif_subr.c), through the
 * layout dtk_kernlayout gives: no lock of the VFS is taken in probe
 * context.  Variables live where kernel/dtk_state.c
 * put them at go: globals and clause-locals in the state, thread-locals
 * and array elements in its dynamic-variable store.
 */
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/sched/task_stack.h>
#include <asm/syscall.h>
#include <asm/segment.h>

#include "dtk_dif_host.h"
#include "dtk_stack.h"
#include "dtk_spec.h"
#include "dif/dif_dvar.h"

static DEFINE_PER_CPU(u64, dtk_rand_state);

int dtk_host_kload(struct dtk_mctx *mc, void *dst, u64 addr, size_t len)
{
	if (copy_from_kernel_nofault(dst, (const void *)(uintptr_t)addr, len))
		return DIF_FLT_BADADDR;
	return 0;
}

static int dtk_op_kload(void *host, void *dst, uint64_t addr, size_t len)
{
	return dtk_host_kload(host, dst, addr, len);
}

static int dtk_op_uload(void *host, void *dst, uint64_t addr, size_t len)
{
	if (copy_from_user_nofault(dst, (const void __user *)(uintptr_t)addr, len))
		return DIF_FLT_BADADDR;
	return 0;
}

/* Copy at most max bytes of a string, a page at a time, stopping at NUL. */
static int dtk_copystr(char *dst, u64 addr, size_t max, size_t *len, bool user)
{
	size_t done = 0;

	while (done < max) {
		size_t chunk = PAGE_SIZE - ((addr + done) & (PAGE_SIZE - 1));
		const char *nul;
		long ret;

		chunk = min(chunk, max - done);
		if (user)
			ret = copy_from_user_nofault(dst + done,
				(const void __user *)(uintptr_t)(addr + done), chunk);
		else
			ret = copy_from_kernel_nofault(dst + done,
				(const void *)(uintptr_t)(addr + done), chunk);
		if (ret)
			return DIF_FLT_BADADDR;
		nul = memchr(dst + done, '\0', chunk);
		if (nul) {
			/* What followed the NUL in memory is not the string's. */
			memset((char *)nul + 1, 0, dst + done + chunk - nul - 1);
			*len = nul - dst;
			return 0;
		}
		done += chunk;
	}
	*len = max;
	return 0;
}

int dtk_host_kstr(struct dtk_mctx *mc, char *dst, u64 addr, size_t max,
		  size_t *len)
{
	return dtk_copystr(dst, addr, max, len, false);
}

static int dtk_op_kstr(void *host, char *dst, uint64_t addr, size_t max,
		       size_t *len)
{
	return dtk_copystr(dst, addr, max, len, false);
}

static int dtk_op_ustr(void *host, char *dst, uint64_t addr, size_t max,
		       size_t *len)
{
	return dtk_copystr(dst, addr, max, len, true);
}

static int dtk_op_ustore(void *host, uint64_t addr, const void *src,
			 size_t len)
{
	if (copy_to_user_nofault((void __user *)(uintptr_t)addr, src, len))
		return DIF_FLT_BADADDR;
	return 0;
}

/*
 * Argument n of the firing: arg0..arg4 are carried; later ones are asked
 * of a provider that can tell them (fbt, syscall: from saved registers),
 * else carried too (sdt's dtk_probe_argv(), ERROR's arg5), else 0.
 */
static u64 dtk_arg(struct dtk_mctx *mc, u64 n)
{
	struct dtk_probe *prb = mc->mc_probe;
	const struct dtk_pops *ops = prb->dpr_prov->dpv_ops;

	if (n >= 5 && ops->dpo_getargval)
		return ops->dpo_getargval(prb->dpr_prov->dpv_priv, prb->dpr_id,
					  prb->dpr_arg, n, prb->dpr_aframes);
	if (n < DTK_NARGS)
		return mc->mc_args[n];
	return 0;
}

/*
 * errno: the error of the thread's system call, as the syscall provider's
 * return probes see it.  The saved user registers hold the call's return
 * value from its end on (a negative errno when it failed); while a call
 * runs they hold -ENOSYS, which therefore reads as 0, as does anything
 * outside a task's system call.
 */
static u64 dtk_errno(void)
{
	long rv;

	if (!in_task() || (current->flags & PF_KTHREAD))
		return 0;
	rv = syscall_get_error(current, task_pt_regs(current));
	return rv < 0 && rv != -ENOSYS ? -rv : 0;
}

/* execname: the task's comm, copied into scratch. */
static int dtk_execname(struct dtk_mctx *mc, u64 *val)
{
	uintptr_t p = dif_scratch_alloc(&mc->mc_ms, TASK_COMM_LEN);

	if (!p)
		return 0;	/* the fault is raised already */
	memcpy((void *)p, current->comm, TASK_COMM_LEN - 1);
	((char *)p)[TASK_COMM_LEN - 1] = '\0';
	*val = p;
	return 0;
}

/*
 * The head of the kernel's struct mount (fs/mount.h, private to fs/ and
 * absent from the headers a module builds with): the same on 6.1 and
 * 6.12.  Only the offsets of these members are used, for safe loads.
 */
struct dtk_mount_head {
	struct hlist_node	mnt_hash;
	void			*mnt_parent;
	struct dentry		*mnt_mountpoint;
	struct vfsmount		mnt;
};

static const struct dif_kernlayout dtk_kernlayout = {
	.kl_task_files = offsetof(struct task_struct, files),
	.kl_task_fs = offsetof(struct task_struct, fs),
	.kl_files_fdt = offsetof(struct files_struct, fdt),
	.kl_fdt_max_fds = offsetof(struct fdtable, max_fds),
	.kl_fdt_fd = offsetof(struct fdtable, fd),
	.kl_fs_root = offsetof(struct fs_struct, root),
	.kl_path_mnt = offsetof(struct path, mnt),
	.kl_path_dentry = offsetof(struct path, dentry),
	.kl_dentry_parent = offsetof(struct dentry, d_parent),
	.kl_dentry_name = offsetof(struct dentry, d_name.name),
	.kl_dentry_len = offsetof(struct dentry, d_name.len),
	.kl_dentry_hashed = offsetof(struct dentry, d_hash.pprev),
	.kl_vfsmnt_root = offsetof(struct vfsmount, mnt_root),
	.kl_mount_mnt = offsetof(struct dtk_mount_head, mnt),
	.kl_mount_parent = offsetof(struct dtk_mount_head, mnt_parent),
	.kl_mount_mountpoint = offsetof(struct dtk_mount_head, mnt_mountpoint),
};

static const struct dif_kernlayout *dtk_op_kernlayout(void *host)
{
	return &dtk_kernlayout;
}

/* cwd and root: the path of current->fs's pwd or root, by safe loads. */
static int dtk_fspath(struct dtk_mctx *mc, bool cwd, u64 *val)
{
	size_t off = cwd ? offsetof(struct fs_struct, pwd) :
			   offsetof(struct fs_struct, root);
	struct fs_struct *fs = READ_ONCE(current->fs);
	struct path p;

	if (!fs)
		return DIF_FLT_ILLOP;	/* an exiting task, a kernel thread */
	if (copy_from_kernel_nofault(&p, (char *)fs + off, sizeof(p)))
		return DIF_FLT_BADADDR;
	*val = dif_dpath(&mc->mc_ms, &dtk_kernlayout, (uintptr_t)p.mnt,
			 (uintptr_t)p.dentry);
	return 0;	/* a fault of the walk is raised already */
}

/*
 * uregs[i]: DTrace's amd64 numbering (translators/regs.d): 0-18 are the
 * i386 names (R_GS ... R_SS, R_PC = R_EIP, R_SP = R_UESP, R_PS = R_EFL)
 * mapped to the 64-bit registers, 19 + n is the amd64 register n of
 * <sys/regset.h> (R_R15 = 19 ... R_RSP = 39).  The values are the
 * pt_regs at the top of the thread's kernel stack: the user registers
 * of its last entry to the kernel (at a system call's entry, rax holds
 * -ENOSYS and the call number is in orig_ax, which R_ERR reads).  Linux
 * saves no trap number and no fs/gs base there: those indices, and any
 * beyond the table, are an illegal operation, as DTrace's unknown
 * register.  A kernel thread has no user registers: an invalid address,
 * as DTrace's thread without an lwp.  Selectors are the CPU's: the
 * 64-bit kernel does not reload ds, es, fs or gs on entry.
 */
#define DTK_UREG(f)	(offsetof(struct pt_regs, f) / sizeof(unsigned long))
enum { DTK_UREG_NONE = 0xff, DTK_UREG_DS = 0xfe, DTK_UREG_ES = 0xfd,
       DTK_UREG_FS = 0xfc, DTK_UREG_GS = 0xfb };

static const u8 dtk_uregmap[] = {
	/* i386 names, 0-18 */
	DTK_UREG_GS, DTK_UREG_FS, DTK_UREG_ES, DTK_UREG_DS,
	DTK_UREG(di), DTK_UREG(si), DTK_UREG(bp), DTK_UREG(sp),
	DTK_UREG(bx), DTK_UREG(dx), DTK_UREG(cx), DTK_UREG(ax),
	DTK_UREG_NONE /* trapno */, DTK_UREG(orig_ax) /* err */,
	DTK_UREG(ip), DTK_UREG(cs), DTK_UREG(flags), DTK_UREG(sp),
	DTK_UREG(ss),
	/* 19 + amd64 REG_R15 (0) ... REG_GSBASE (27) */
	DTK_UREG(r15), DTK_UREG(r14), DTK_UREG(r13), DTK_UREG(r12),
	DTK_UREG(r11), DTK_UREG(r10), DTK_UREG(r9), DTK_UREG(r8),
	DTK_UREG(di), DTK_UREG(si), DTK_UREG(bp), DTK_UREG(bx),
	DTK_UREG(dx), DTK_UREG(cx), DTK_UREG(ax),
	DTK_UREG_NONE /* trapno */, DTK_UREG(orig_ax) /* err */,
	DTK_UREG(ip), DTK_UREG(cs), DTK_UREG(flags), DTK_UREG(sp),
	DTK_UREG(ss), DTK_UREG_FS, DTK_UREG_GS, DTK_UREG_ES, DTK_UREG_DS,
	DTK_UREG_NONE /* fsbase */, DTK_UREG_NONE /* gsbase */,
};

static int dtk_uregs(u64 idx, u64 *val)
{
	const unsigned long *regs;
	unsigned int sel = 0;
	u8 r;

	if (idx >= ARRAY_SIZE(dtk_uregmap) ||
	    (r = dtk_uregmap[idx]) == DTK_UREG_NONE)
		return DIF_FLT_ILLOP;
	if (current->flags & PF_KTHREAD)
		return DIF_FLT_BADADDR;
	switch (r) {
	case DTK_UREG_DS:
		savesegment(ds, sel);
		break;
	case DTK_UREG_ES:
		savesegment(es, sel);
		break;
	case DTK_UREG_FS:
		savesegment(fs, sel);
		break;
	case DTK_UREG_GS:
		savesegment(gs, sel);
		break;
	default:
		regs = (const unsigned long *)task_pt_regs(current);
		*val = regs[r];
		return 0;
	}
	*val = sel;
	return 0;
}

int dtk_builtin(struct dtk_mctx *mc, unsigned int id, u64 idx, u64 *val)
{
	struct dtk_probe *prb = mc->mc_probe;

	switch (id) {
	case DIF_BV_ARGS:
		*val = dtk_arg(mc, idx);
		return 0;
	case DIF_BV_ARG0 ... DIF_BV_ARG9:
		*val = dtk_arg(mc, id - DIF_BV_ARG0);
		return 0;
	case DIF_BV_CURTHREAD:
		*val = (uintptr_t)current;
		return 0;
	case DIF_BV_TIMESTAMP:
		*val = ktime_get_mono_fast_ns();
		return 0;
	case DIF_BV_VTIMESTAMP:
		*val = current->se.sum_exec_runtime;
		return 0;
	case DIF_BV_WALLTIMESTAMP:
		*val = ktime_get_real_fast_ns();
		return 0;
	case DIF_BV_IPL:
		*val = in_nmi() ? 2 : in_hardirq() ? 1 : 0;
		return 0;
	case DIF_BV_EPID:
		*val = mc->mc_ecb->dte_epid;
		return 0;
	case DIF_BV_ID:
		*val = prb->dpr_id;
		return 0;
	case DIF_BV_PROBEPROV:
		*val = (uintptr_t)prb->dpr_prov->dpv_name;
		return 0;
	case DIF_BV_PROBEMOD:
		*val = (uintptr_t)prb->dpr_mod;
		return 0;
	case DIF_BV_PROBEFUNC:
		*val = (uintptr_t)prb->dpr_func;
		return 0;
	case DIF_BV_PROBENAME:
		*val = (uintptr_t)prb->dpr_name;
		return 0;
	case DIF_BV_PID:
		*val = task_tgid_nr(current);
		return 0;
	case DIF_BV_TID:
		*val = task_pid_nr(current);
		return 0;
	case DIF_BV_PPID:
		*val = task_tgid_nr(rcu_dereference_sched(current->real_parent));
		return 0;
	case DIF_BV_UID:
		*val = from_kuid_munged(&init_user_ns, current_uid());
		return 0;
	case DIF_BV_GID:
		*val = from_kgid_munged(&init_user_ns, current_gid());
		return 0;
	case DIF_BV_EXECNAME:
		return dtk_execname(mc, val);
	case DIF_BV_ERRNO:
		*val = dtk_errno();
		return 0;
	case DIF_BV_CHIP:
	case DIF_BV_LGRP:
		*val = 0;
		return 0;
	case DIF_BV_CPU:
	case DIF_BV_CURCPU:
		*val = mc->mc_cpu;
		return 0;
	case DIF_BV_CALLER: {
		unsigned long pc = 0;

		dtk_stack_kernel(&pc, 1, prb->dpr_aframes);
		*val = pc;
		return 0;
	}
	case DIF_BV_STACKDEPTH:
		*val = dtk_stack_kernel(NULL, 0, prb->dpr_aframes);
		return 0;
	case DIF_BV_USTACKDEPTH:
		*val = dtk_stack_user(NULL, 0);
		return 0;
	case DIF_BV_UCALLER: {
		/* DTrace's: the first return address after the user pc. */
		unsigned long pcs[2] = { 0, 0 };

		dtk_stack_user(pcs, 2);
		*val = pcs[1];
		return 0;
	}
	case DIF_BV_CWD:
	case DIF_BV_ROOT:
		return dtk_fspath(mc, id == DIF_BV_CWD, val);
	case DIF_BV_ZONENAME:
		*val = (uintptr_t)"global";
		return 0;
	case DIF_BV_UREGS:
		return dtk_uregs(idx, val);
	default:
		return DIF_FLT_ILLOP;
	}
}

static int dtk_op_builtin(void *host, struct dif_mstate *ms, unsigned int id,
			  uint64_t idx, uint64_t *val)
{
	return dtk_builtin(host, id, idx, val);
}

/* Globals have one copy; clause-locals one per CPU (dtk_state.c). */
static void *dtk_op_svar(void *host, const struct dif_var *v)
{
	struct dtk_mctx *mc = host;
	struct dtk_vars *vs = &mc->mc_state->dts_vars;
	struct dtk_var *dv;

	if (v->dv_id >= vs->dvs_n)
		return NULL;
	dv = &vs->dvs_vars[v->dv_id];
	if (v->dv_scope == DIF_SCOPE_GLOBAL)
		return dv->dvr_global;
	if (v->dv_scope == DIF_SCOPE_LOCAL && vs->dvs_locals)
		return vs->dvs_locals[mc->mc_cpu] + dv->dvr_localoff;
	return NULL;
}

static int dtk_op_dvar(void *host, const struct dif_dkey *key,
		       uint32_t valsize, int op, void **valp)
{
	struct dtk_mctx *mc = host;
	struct dtk_state *st = mc->mc_state;

	*valp = NULL;
	if (!st->dts_dvmem)
		return DIF_FLT_ILLOP;
	return dif_dvar_lookup(&st->dts_dvars, mc->mc_cpu, key, valsize, op,
			       valp);
}

/*
 * The thread key of self-> variables: unique to a thread for as long as
 * its variables may live, so a new thread never inherits an exited one's
 * (a task_struct's address is reused): the thread id in the low 22 bits
 * (PID_MAX_LIMIT is 2^22) and 41 bits of its start time (ns) above, the
 * top bit clear.  Idle tasks (tid 0, one per CPU, never exiting) use
 * their address, which has the top bit set.  dtk_thread_alive() tells
 * the reaper (dif_dvar_reap) whether the thread of a key still exists.
 */
#define DTK_TKEY_TIDBITS	22
#define DTK_TKEY_TIMEBITS	41

static u64 dtk_thread_key(struct task_struct *t)
{
	pid_t tid = task_pid_nr(t);

	if (tid == 0)
		return (uintptr_t)t;
	return ((t->start_time & ((1ULL << DTK_TKEY_TIMEBITS) - 1)) <<
		DTK_TKEY_TIDBITS) | (u64)tid;
}

static uint64_t dtk_op_thread_key(void *host)
{
	return dtk_thread_key(current);
}

/* Process context (the cleaner): is the thread of key still running? */
bool dtk_thread_alive(void *arg, uint64_t key)
{
	struct task_struct *t;
	bool alive;

	if (key >> 63)
		return true;	/* an idle task */
	rcu_read_lock();
	t = pid_task(find_pid_ns(key & ((1U << DTK_TKEY_TIDBITS) - 1),
				 &init_pid_ns), PIDTYPE_PID);
	alive = t && !READ_ONCE(t->exit_state) && dtk_thread_key(t) == key;
	rcu_read_unlock();
	return alive;
}

static uint64_t dtk_op_speculation(void *host)
{
	struct dtk_mctx *mc = host;

	return dtk_spec_new(mc->mc_state);
}

/* xorshift64*, per CPU, seeded from the clock on first use. */
static uint64_t dtk_op_rand(void *host)
{
	u64 x = this_cpu_read(dtk_rand_state);

	if (!x)
		x = ktime_get_mono_fast_ns() | 1;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	this_cpu_write(dtk_rand_state, x);
	return x * 0x2545f4914f6cdd1dULL;
}

static int dtk_op_progenyof(void *host, int64_t pid)
{
	struct task_struct *t = current;

	while (t && t->pid != 0) {
		if (task_tgid_nr(t) == pid)
			return 1;
		if (t == rcu_dereference_sched(t->real_parent))
			break;
		t = rcu_dereference_sched(t->real_parent);
	}
	return 0;
}

const struct dif_host_ops dtk_host_ops = {
	.dho_kload = dtk_op_kload,
	.dho_uload = dtk_op_uload,
	.dho_kstr = dtk_op_kstr,
	.dho_ustr = dtk_op_ustr,
	.dho_ustore = dtk_op_ustore,
	.dho_builtin = dtk_op_builtin,
	.dho_svar = dtk_op_svar,
	.dho_dvar = dtk_op_dvar,
	.dho_thread_key = dtk_op_thread_key,
	.dho_speculation = dtk_op_speculation,
	.dho_rand = dtk_op_rand,
	.dho_progenyof = dtk_op_progenyof,
	.dho_kernlayout = dtk_op_kernlayout,
};
