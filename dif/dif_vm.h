/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The DIF machine: its state, the interface to the host that embeds it
 * (dtrace.ko's probe context, or a userland test host), the verifier and
 * the interpreter.  The encoding is described in <dtrace/dif.h>.
 *
 * PROBE CONTEXT.  dif_run() and everything it calls (dif_subr.c,
 * dif_dvar.c) runs in probe context: no locks, no allocation, no sleeping,
 * no globals; every load of an address a D program supplies goes through
 * the host's safe loads; a problem sets ms_fault and stops the object.
 * dif_verify() runs in process context, once per object, before it can run.
 *
 * Who provides what:
 *
 *   host (once per firing)              interpreter
 *   ---------------------------------   -----------------------------------
 *   ms_scratch_* (per-CPU, reset per    alloc/copys/stores/string results
 *     clause), ms_strsize, ms_keymax    tuple stack, registers, faults
 *   dho_kload/uload/kstr/ustr/ustore    every D-supplied memory access
 *   dho_builtin                         ldb, ldba
 *   dho_svar (globals, clause-locals)   ldgs/stgs, ldls/stls
 *   dho_dvar (usually dif_dvar_lookup)  ldga/stga, ldts/stts, ldta/stta
 *   dho_thread_key                      the key of self-> variables
 *   dho_speculation, dho_rand,          the subroutines of those names
 *     dho_progenyof
 *   dho_kernlayout                      d_path(), getf(): the offsets of
 *                                       the kernel structures they walk
 */
#ifndef DIF_VM_H
#define DIF_VM_H

#include "dif_obj.h"

/* One entry of the tuple stack; by-reference bytes live in scratch. */
struct dif_tuple {
	uint64_t	tu_value;	/* value, or address of the bytes */
	uint32_t	tu_size;	/* 0: by value; else bytes at tu_value */
	uint32_t	tu_pad;
};

/* The key of a dynamic variable: variable id plus its tuple. */
struct dif_dkey {
	uint32_t	dk_id;		/* | DIF_DKEY_THREAD for self-> */
	uint32_t	dk_nkeys;	/* thread key first for self-> vars */
	struct dif_tuple dk_keys[DIF_TUPLE_MAX + 1];
};

/*
 * dk_id's flag for a self-> variable: dk_keys[0] is then the thread key,
 * which the store's reaper checks (dif_dvar_reap).
 */
#define DIF_DKEY_THREAD		0x80000000u

/* Operations on dynamic variables (dho_dvar). */
#define DIF_DVAR_LOOKUP		0	/* find; *valp NULL if absent */
#define DIF_DVAR_ALLOC		1	/* find or create (zeroed); NULL: drop */
#define DIF_DVAR_DELETE		2	/* remove if present */

struct dif_mstate;

/*
 * Where d_path() and getf() find things in kernel structures (byte
 * offsets; dif_subr.c walks them with dho_kload only).  The task is the
 * DIF_BV_CURTHREAD builtin.  kl_mount_mnt is the offset of struct
 * vfsmount inside the kernel's struct mount; kl_dentry_len is a 32-bit
 * field, kl_fdt_max_fds an unsigned int, every other one a pointer.
 */
struct dif_kernlayout {
	uint32_t	kl_task_files;		/* task_struct.files */
	uint32_t	kl_task_fs;		/* task_struct.fs */
	uint32_t	kl_files_fdt;		/* files_struct.fdt */
	uint32_t	kl_fdt_max_fds;		/* fdtable.max_fds */
	uint32_t	kl_fdt_fd;		/* fdtable.fd */
	uint32_t	kl_fs_root;		/* fs_struct.root (a path) */
	uint32_t	kl_path_mnt;		/* path.mnt */
	uint32_t	kl_path_dentry;		/* path.dentry */
	uint32_t	kl_dentry_parent;	/* dentry.d_parent */
	uint32_t	kl_dentry_name;		/* dentry.d_name.name */
	uint32_t	kl_dentry_len;		/* dentry.d_name.len */
	uint32_t	kl_dentry_hashed;	/* dentry.d_hash.pprev: NULL
						 * when unhashed (deleted) */
	uint32_t	kl_vfsmnt_root;		/* vfsmount.mnt_root */
	uint32_t	kl_mount_mnt;		/* mount.mnt (a vfsmount) */
	uint32_t	kl_mount_parent;	/* mount.mnt_parent */
	uint32_t	kl_mount_mountpoint;	/* mount.mnt_mountpoint */
};

struct dif_host_ops {
	/*
	 * Safe loads and stores.  Each returns 0, or the fault to raise
	 * (DIF_FLT_BADADDR, DIF_FLT_KPRIV, DIF_FLT_UPRIV), in which case the
	 * faulting address is the one given.  dho_kstr/dho_ustr copy at
	 * most max bytes, stopping after a NUL, and store the number of
	 * bytes before the NUL (max if none) in *len.
	 */
	int (*dho_kload)(void *host, void *dst, uint64_t addr, size_t len);
	int (*dho_uload)(void *host, void *dst, uint64_t addr, size_t len);
	int (*dho_kstr)(void *host, char *dst, uint64_t addr, size_t max,
			size_t *len);
	int (*dho_ustr)(void *host, char *dst, uint64_t addr, size_t max,
			size_t *len);
	int (*dho_ustore)(void *host, uint64_t addr, const void *src,
			  size_t len);
	/* A built-in variable (DIF_BV_*); idx is the index of the arrays. */
	int (*dho_builtin)(void *host, struct dif_mstate *ms, unsigned int id,
			   uint64_t idx, uint64_t *val);
	/*
	 * The storage of a global or clause-local variable: 8 bytes for an
	 * integer, v->dv_type.dt_size for a by-reference one.  The host
	 * allocated it when the object was enabled; NULL is a host bug and
	 * raises DIF_FLT_ILLOP.
	 */
	void *(*dho_svar)(void *host, const struct dif_var *v);
	/*
	 * A dynamic variable: op is DIF_DVAR_*; valsize is 8 for integers,
	 * dt_size for by-reference values.  Returns 0 with *valp set (NULL:
	 * absent, or dropped for lack of space, which the host counts), or a
	 * fault (DIF_FLT_KEYSIZE when key and value cannot fit).
	 */
	int (*dho_dvar)(void *host, const struct dif_dkey *key,
			uint32_t valsize, int op, void **valp);
	/* A value unique to the current thread while it lives. */
	uint64_t (*dho_thread_key)(void *host);
	/* speculation(): a free speculation id, or 0 if none. */
	uint64_t (*dho_speculation)(void *host);
	/* rand(): the next pseudo-random number of this CPU. */
	uint64_t (*dho_rand)(void *host);
	/* progenyof(pid): is the current process pid or a descendant? */
	int (*dho_progenyof)(void *host, int64_t pid);
	/* The layout d_path() and getf() walk; NULL (or no op): ILLOP. */
	const struct dif_kernlayout *(*dho_kernlayout)(void *host);
};

/*
 * The state of one run.  The host fills the first group before dif_run();
 * the interpreter maintains scratch use and the tuple stack, and reports a
 * fault in the last group.  Scratch persists across the objects of one
 * clause (a predicate's or an action's strings stay valid until the clause
 * ends), so the host resets ms_scratch_used per clause, not per object.
 * ms_scratch_base must be 8-byte aligned (alloc returns aligned memory).
 */
struct dif_mstate {
	const struct dif_host_ops *ms_ops;
	void		*ms_host;	/* first argument of every op */
	uintptr_t	ms_scratch_base;
	size_t		ms_scratch_size;
	size_t		ms_scratch_used;
	uint32_t	ms_strsize;	/* the strsize option */
	uint32_t	ms_keymax;	/* largest by-reference key (bytes) */

	uint64_t	ms_strtok;	/* strtok(NULL, ...) resumes here; the
					 * host keeps it for one firing */
	uint32_t	ms_ntuple;
	struct dif_tuple ms_tuple[DIF_TUPLE_MAX];

	int		ms_fault;	/* DIF_FLT_*, 0 if none */
	uint64_t	ms_illval;	/* the offending address or value */
	uint32_t	ms_fault_pc;	/* instruction index (DTrace reports
					 * the byte offset: pc * 8) */
};

/*
 * Privileges the verifier checks against (dif_verify's privs).  Which
 * kernel addresses a consumer may read is decided at run time by the
 * host's dho_kload (DIF_FLT_KPRIV), since scratch, variables and the
 * string table are kernel memory every program must read.
 */
#define DIF_PRIV_DESTRUCTIVE	0x1	/* -w: copyout, copyoutstr */
#define DIF_PRIV_USER		0x2	/* read user memory */
#define DIF_PRIV_ALL		0x3

/*
 * Check an object before it may run: every instruction well formed for
 * its format, registers in range, no write to %r0, forward branches
 * inside the program, table offsets and variable ids valid and of the
 * right scope and kind, subroutines known and permitted, last instruction
 * ret.  Returns 0, or -1 with *err saying which check and where.
 */
int dif_verify(const struct dif_object *obj, unsigned int privs,
	       struct dif_error *err);

/*
 * Run a verified object.  Returns its result; on a fault returns 0 with
 * ms_fault, ms_illval and ms_fault_pc set.  ms_ntuple must be 0.
 */
uint64_t dif_run(const struct dif_object *obj, struct dif_mstate *ms);
#ifndef __KERNEL__
/* The same interpreter with switch dispatch, for tests and benchmarks. */
uint64_t dif_run_switch(const struct dif_object *obj, struct dif_mstate *ms);
#endif

/*
 * Subroutines (dif_subr.c): run subr with the ms_ntuple arguments on the
 * tuple stack; returns the result or sets ms_fault.
 */
uint64_t dif_subr(struct dif_mstate *ms, unsigned int subr);

/*
 * Probe-context helpers shared by the interpreter and the subroutines.
 * dif_scratch_alloc returns 8-byte aligned, zeroed scratch or 0 after
 * raising DIF_FLT_NOSCRATCH.  dif_loadstr copies the string at addr
 * (bounded by max, NUL-terminated in dst, which has max + 1 bytes) and
 * returns its length, or -1 after raising the fault.
 */
void dif_fault(struct dif_mstate *ms, int fault, uint64_t illval);
uintptr_t dif_scratch_alloc(struct dif_mstate *ms, uint64_t size);
/* The same without the zeroing: the caller writes every byte it reads. */
static inline uintptr_t dif_scratch_take(struct dif_mstate *ms, uint64_t size)
{
	size_t used = (ms->ms_scratch_used + 7) & ~(size_t)7;

	if (used > ms->ms_scratch_size || size > ms->ms_scratch_size - used) {
		dif_fault(ms, DIF_FLT_NOSCRATCH, size);
		return 0;
	}
	ms->ms_scratch_used = used + (size_t)size;
	return ms->ms_scratch_base + used;
}

int64_t dif_loadstr(struct dif_mstate *ms, char *dst, uint64_t addr,
		    size_t max, bool user);
/*
 * Copy the string at addr (kernel or user memory, at most max characters)
 * into fresh scratch, NUL-terminated, using only what it needs; returns
 * it and its length, or NULL after raising the fault.
 */
char *dif_scratch_str(struct dif_mstate *ms, uint64_t addr, size_t max,
		      bool user, size_t *lenp);
/* Safe load of size bytes (kernel or user), raising the fault. */
bool dif_memload(struct dif_mstate *ms, void *dst, uint64_t addr, size_t size,
		 bool user);
/* Is [addr, addr + size) scratch handed out so far (writable by D)? */
bool dif_scratch_range(const struct dif_mstate *ms, uint64_t addr,
		       uint64_t size);

/*
 * The path name of (mnt, dentry) as d_path() gives it, into scratch, for
 * the host's own use too (the cwd and root builtins); 0 after a fault.
 */
uint64_t dif_dpath(struct dif_mstate *ms, const struct dif_kernlayout *kl,
		   uint64_t mnt, uint64_t dentry);

/* The longest string: strsize bytes, its NUL included. */
static inline size_t dif_strmax(const struct dif_mstate *ms)
{
	return ms->ms_strsize > 1 ? ms->ms_strsize - 1 : 1;
}

#endif /* DIF_VM_H */
