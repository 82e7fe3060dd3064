// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Debug builds only: /sys/kernel/debug/dtrace/diftest runs one DIF object
 * through the module's build of the verifier and interpreter, so the VM
 * suite can check it against the userland build on the same vectors
 * (<dtrace/dif_test.h> has the protocol).  Process context: the object
 * runs in the writer's context on a machine of its own, allocated for the
 * request; kernel loads go through the module's safe loads
 * (dtk_dif_host.c), user memory is the writer's own.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include <dtrace/dif_test.h>
#include "dtk_diftest.h"
#include "dtk_dif_host.h"
#include "dif/dif_dvar.h"

#define DTK_DT_SCRATCH	(64 * 1024)
#define DTK_DT_DVMEM	(256 * 1024)
#define DTK_DT_CHUNK	512
#define DTK_DT_MAXOBJ	(4 * 1024 * 1024)

/* The machine of one request. */
struct dtk_dt {
	struct dif_mstate	dt_ms;		/* first: ops get it as host */
	const struct dif_object	*dt_obj;
	u64			dt_args[DIF_TEST_NARGS];
	void			**dt_svars;	/* by variable-table index */
	void			*dt_dvmem;
	struct dif_dvar_store	dt_dvars;
};

static int dtk_dt_kload(void *host, void *dst, uint64_t addr, size_t len)
{
	return dtk_host_kload(NULL, dst, addr, len);
}

static int dtk_dt_kstr(void *host, char *dst, uint64_t addr, size_t max,
		       size_t *len)
{
	return dtk_host_kstr(NULL, dst, addr, max, len);
}

static int dtk_dt_uload(void *host, void *dst, uint64_t addr, size_t len)
{
	if (copy_from_user_nofault(dst, (const void __user *)(uintptr_t)addr, len))
		return DIF_FLT_BADADDR;
	return 0;
}

/* Process context here, so the faulting string copy is allowed. */
static int dtk_dt_ustr(void *host, char *dst, uint64_t addr, size_t max,
		       size_t *len)
{
	long n = strncpy_from_user(dst, (const char __user *)(uintptr_t)addr,
				   max);

	if (n < 0)
		return DIF_FLT_BADADDR;
	*len = n;
	return 0;
}

static int dtk_dt_ustore(void *host, uint64_t addr, const void *src,
			 size_t len)
{
	if (copy_to_user_nofault((void __user *)(uintptr_t)addr, src, len))
		return DIF_FLT_BADADDR;
	return 0;
}

static int dtk_dt_builtin(void *host, struct dif_mstate *ms, unsigned int id,
			  uint64_t idx, uint64_t *val)
{
	struct dtk_dt *dt = host;

	if (id == DIF_BV_ARGS && idx < DIF_TEST_NARGS) {
		*val = dt->dt_args[idx];
		return 0;
	}
	if (id >= DIF_BV_ARG0 && id <= DIF_BV_ARG9) {
		*val = dt->dt_args[id - DIF_BV_ARG0];
		return 0;
	}
	if (id == DIF_BV_PID) {
		*val = task_tgid_nr(current);
		return 0;
	}
	return DIF_FLT_ILLOP;
}

static void *dtk_dt_svar(void *host, const struct dif_var *v)
{
	struct dtk_dt *dt = host;

	return dt->dt_svars[v - dt->dt_obj->do_vars];
}

static int dtk_dt_dvar(void *host, const struct dif_dkey *key,
		       uint32_t valsize, int op, void **valp)
{
	struct dtk_dt *dt = host;

	return dif_dvar_lookup(&dt->dt_dvars, 0, key, valsize, op, valp);
}

static uint64_t dtk_dt_thread_key(void *host)
{
	return (uintptr_t)current;
}

static uint64_t dtk_dt_speculation(void *host)
{
	return 0;
}

static uint64_t dtk_dt_rand(void *host)
{
	return get_random_u64();
}

static int dtk_dt_progenyof(void *host, int64_t pid)
{
	return pid == task_tgid_nr(current);
}

static const struct dif_host_ops dtk_dt_ops = {
	.dho_kload = dtk_dt_kload,
	.dho_uload = dtk_dt_uload,
	.dho_kstr = dtk_dt_kstr,
	.dho_ustr = dtk_dt_ustr,
	.dho_ustore = dtk_dt_ustore,
	.dho_builtin = dtk_dt_builtin,
	.dho_svar = dtk_dt_svar,
	.dho_dvar = dtk_dt_dvar,
	.dho_thread_key = dtk_dt_thread_key,
	.dho_speculation = dtk_dt_speculation,
	.dho_rand = dtk_dt_rand,
	.dho_progenyof = dtk_dt_progenyof,
};

static void dtk_dt_free(struct dtk_dt *dt, u32 nvars)
{
	u32 i;

	for (i = 0; dt->dt_svars && i < nvars; i++)
		kfree(dt->dt_svars[i]);
	kfree(dt->dt_svars);
	vfree(dt->dt_dvmem);
	kvfree((void *)dt->dt_ms.ms_scratch_base);
}

/* Give every static variable its storage, as the state does at go. */
static int dtk_dt_setup(struct dtk_dt *dt, const struct dif_test_req *req)
{
	const struct dif_object *obj = dt->dt_obj;
	u32 i;

	dt->dt_ms.ms_ops = &dtk_dt_ops;
	dt->dt_ms.ms_host = dt;
	dt->dt_ms.ms_strsize = req->dtq_strsize;
	dt->dt_ms.ms_keymax = req->dtq_strsize;
	dt->dt_ms.ms_scratch_size = DTK_DT_SCRATCH;
	dt->dt_ms.ms_scratch_base = (uintptr_t)kvzalloc(DTK_DT_SCRATCH,
							GFP_KERNEL);
	memcpy(dt->dt_args, req->dtq_args, sizeof(dt->dt_args));
	dt->dt_dvmem = vmalloc(DTK_DT_DVMEM);
	dt->dt_svars = kcalloc(obj->do_nvars + 1, sizeof(void *), GFP_KERNEL);
	if (!dt->dt_ms.ms_scratch_base || !dt->dt_dvmem || !dt->dt_svars ||
	    !dif_dvar_init(&dt->dt_dvars, dt->dt_dvmem, DTK_DT_DVMEM,
			   DTK_DT_CHUNK, 1))
		return -ENOMEM;
	for (i = 0; i < obj->do_nvars; i++) {
		const struct dif_var *v = &obj->do_vars[i];

		if (v->dv_scope == DIF_SCOPE_THREAD ||
		    v->dv_kind == DIF_VKIND_ARRAY)
			continue;
		dt->dt_svars[i] = kzalloc(v->dv_type.dt_kind == DIF_TYPE_INT ?
					  8 : v->dv_type.dt_size, GFP_KERNEL);
		if (!dt->dt_svars[i])
			return -ENOMEM;
	}
	return 0;
}

static void dtk_dt_run(const struct dif_test_req *req, const void *blob,
		       size_t len, struct dif_test_rsp *rsp)
{
	struct dif_object obj;
	struct dif_error err;
	struct dtk_dt dt = { .dt_obj = &obj };
	size_t slen;

	memset(rsp, 0, sizeof(*rsp));
	rsp->dts_check_pc = -1;
	if (dif_object_parse(&obj, blob, len, &err) != 0 ||
	    dif_verify(&obj, req->dtq_privs, &err) != 0) {
		rsp->dts_check = err.de_check;
		rsp->dts_check_pc = err.de_pc;
		return;
	}
	if (dtk_dt_setup(&dt, req) != 0) {
		rsp->dts_fault = -ENOMEM;
		goto out;
	}
	rsp->dts_value = dif_run(&obj, &dt.dt_ms);
	rsp->dts_fault = dt.dt_ms.ms_fault;
	if (rsp->dts_fault) {
		rsp->dts_fault_pc = dt.dt_ms.ms_fault_pc;
		rsp->dts_illval = dt.dt_ms.ms_illval;
	} else if (obj.do_rtype.dt_kind == DIF_TYPE_STRING && rsp->dts_value &&
		   dtk_host_kstr(NULL, rsp->dts_str, rsp->dts_value,
				 sizeof(rsp->dts_str) - 1, &slen) == 0) {
		rsp->dts_str[slen] = '\0';
	}
out:
	dtk_dt_free(&dt, obj.do_nvars);
}

static int dtk_dt_open(struct inode *inode, struct file *file)
{
	file->private_data = kzalloc(sizeof(struct dif_test_rsp), GFP_KERNEL);
	return file->private_data ? 0 : -ENOMEM;
}

static int dtk_dt_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t dtk_dt_write(struct file *file, const char __user *ubuf,
			    size_t len, loff_t *ppos)
{
	struct dif_test_req req;
	void *blob;

	if (len < sizeof(req) || len > sizeof(req) + DTK_DT_MAXOBJ)
		return -EINVAL;
	if (copy_from_user(&req, ubuf, sizeof(req)))
		return -EFAULT;
	if (req.dtq_magic != DIF_TEST_MAGIC || req.dtq_pad != 0 ||
	    req.dtq_strsize < 2 || req.dtq_strsize > DIF_MAX_STRSIZE)
		return -EINVAL;
	/* kvmalloc: at least 8-byte aligned, as the parser requires. */
	blob = kvmalloc(len - sizeof(req), GFP_KERNEL);
	if (!blob)
		return -ENOMEM;
	if (copy_from_user(blob, ubuf + sizeof(req), len - sizeof(req))) {
		kvfree(blob);
		return -EFAULT;
	}
	dtk_dt_run(&req, blob, len - sizeof(req), file->private_data);
	kvfree(blob);
	return len;
}

static ssize_t dtk_dt_read(struct file *file, char __user *ubuf, size_t len,
			   loff_t *ppos)
{
	return simple_read_from_buffer(ubuf, len, ppos, file->private_data,
				       sizeof(struct dif_test_rsp));
}

static const struct file_operations dtk_dt_fops = {
	.owner		= THIS_MODULE,
	.open		= dtk_dt_open,
	.release	= dtk_dt_release,
	.write		= dtk_dt_write,
	.read		= dtk_dt_read,
	.llseek		= noop_llseek,
};

static struct dentry *dtk_dt_dir;

void dtk_diftest_init(void)
{
	/* Best effort: without debugfs the cross-check simply skips. */
	dtk_dt_dir = debugfs_create_dir("dtrace", NULL);
	debugfs_create_file("diftest", 0600, dtk_dt_dir, NULL, &dtk_dt_fops);
}

void dtk_diftest_exit(void)
{
	debugfs_remove_recursive(dtk_dt_dir);
}
