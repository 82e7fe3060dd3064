// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Reading the kernel's own tracing files from the module: the fbt and sdt
 * providers learn from tracefs which functions are traceable
 * (available_filter_functions) and which subsystem each tracepoint's event
 * belongs to (events/<subsystem>/<event>).  The module cannot enumerate
 * the symbol table itself (kallsyms_lookup_name and kallsyms_on_each_symbol
 * are not exported), and these files are the kernel's own answer to
 * "what may be traced", computed by the code that would refuse anything
 * else.  The sdt provider also reads the kernel's BTF from sysfs
 * (kernel/btf/vmlinux: the tracepoints' prototypes, for their arity).
 *
 * The files are read through a private, in-kernel mount of tracefs or
 * sysfs (vfs_kern_mount), so the providers work whether or not, and
 * wherever, userland has mounted them, and whatever the consumer's mount
 * namespace is.  Process context only.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/mman.h>

/* The bounce buffer for files that only copy out to user memory. */
#define PROV_TRACEFS_BOUNCE	(256 * 1024)

#include "prov_tracefs.h"

static struct vfsmount *prov_kern_mount(const char *type)
{
	struct file_system_type *fst = get_fs_type(type);

	if (!fst)
		return ERR_PTR(-ENODEV);
	/* tracefs and sysfs are built in: no module reference taken. */
	return vfs_kern_mount(fst, 0, type, NULL);
}

struct vfsmount *prov_tracefs_mount(void)
{
	return prov_kern_mount("tracefs");
}

struct vfsmount *prov_sysfs_mount(void)
{
	return prov_kern_mount("sysfs");
}

void prov_tracefs_umount(struct vfsmount *mnt)
{
	if (!IS_ERR_OR_NULL(mnt))
		mntput(mnt);
}

/*
 * One read from f at *pos into buf.  Most tracing files are seq_files with
 * only a .read method, which kernel_read() refuses (it needs read_iter)
 * and which copies out with copy_to_user(): those are read into a bounce
 * buffer mapped in the calling process (the consumer whose ioctl asked),
 * then copied in.
 */
static ssize_t prov_tracefs_read1(struct file *f, char *buf, size_t len,
				  loff_t *pos, unsigned long ubuf)
{
	ssize_t n;

	if (f->f_op->read_iter)
		return kernel_read(f, buf, len, pos);
	if (!f->f_op->read || !ubuf)
		return -EINVAL;
	len = min_t(size_t, len, PROV_TRACEFS_BOUNCE);
	n = f->f_op->read(f, (char __user *)ubuf, len, pos);
	if (n > 0 && copy_from_user(buf, (const char __user *)ubuf, n))
		return -EFAULT;
	return n;
}

/*
 * Read a whole file into a NUL-terminated kvmalloc()ed buffer; tracefs
 * files have no size, so the buffer grows as the reads go (a sysfs binary
 * file has one, and gets its buffer at once).  With no mount, path is
 * looked up from the current task's root (/proc/kallsyms).
 */
int prov_tracefs_read(struct vfsmount *mnt, const char *path, char **bufp,
		      size_t *lenp)
{
	size_t cap = 64 * 1024, len = 0;
	unsigned long ubuf = 0;
	struct file *f;
	char *buf, *nbuf;
	loff_t pos = 0;
	ssize_t n;

	if (mnt)
		f = file_open_root_mnt(mnt, path, O_RDONLY, 0);
	else
		f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	cap = max_t(size_t, cap, i_size_read(file_inode(f)) + PAGE_SIZE + 1);
	if (!f->f_op->read_iter && current->mm) {
		ubuf = vm_mmap(NULL, 0, PROV_TRACEFS_BOUNCE,
			       PROT_READ | PROT_WRITE,
			       MAP_ANONYMOUS | MAP_PRIVATE, 0);
		if (IS_ERR_VALUE(ubuf))
			ubuf = 0;
	}
	buf = kvmalloc(cap, GFP_KERNEL);
	if (!buf) {
		n = -ENOMEM;
		goto out;
	}
	for (;;) {
		if (cap - len < PAGE_SIZE + 1) {
			nbuf = kvmalloc(cap * 2, GFP_KERNEL);
			if (!nbuf) {
				n = -ENOMEM;
				break;
			}
			memcpy(nbuf, buf, len);
			kvfree(buf);
			buf = nbuf;
			cap *= 2;
		}
		n = prov_tracefs_read1(f, buf + len, cap - len - 1, &pos, ubuf);
		if (n <= 0)
			break;
		len += n;
		if (fatal_signal_pending(current)) {
			n = -EINTR;
			break;
		}
	}
out:
	if (ubuf)
		vm_munmap(ubuf, PROV_TRACEFS_BOUNCE);
	filp_close(f, NULL);
	if (n < 0) {
		kvfree(buf);
		return n;
	}
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	return 0;
}

struct prov_tracefs_dctx {
	struct dir_context	pd_ctx;
	int			(*pd_fn)(void *priv, const char *name);
	void			*pd_priv;
	int			pd_err;
};

static bool prov_tracefs_actor(struct dir_context *ctx, const char *name,
			       int namlen, loff_t off, u64 ino,
			       unsigned int type)
{
	struct prov_tracefs_dctx *pd =
		container_of(ctx, struct prov_tracefs_dctx, pd_ctx);
	char nm[NAME_MAX + 1];

	if (type != DT_DIR || namlen > NAME_MAX)
		return true;
	memcpy(nm, name, namlen);
	nm[namlen] = '\0';
	if (!strcmp(nm, ".") || !strcmp(nm, ".."))
		return true;
	pd->pd_err = pd->pd_fn(pd->pd_priv, nm);
	return pd->pd_err == 0;
}

int prov_tracefs_subdirs(struct vfsmount *mnt, const char *path,
			 int (*fn)(void *priv, const char *name), void *priv)
{
	struct prov_tracefs_dctx pd = {
		.pd_ctx.actor = prov_tracefs_actor,
		.pd_fn = fn,
		.pd_priv = priv,
	};
	struct file *f;
	int ret;

	f = file_open_root_mnt(mnt, path, O_RDONLY | O_DIRECTORY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = iterate_dir(f, &pd.pd_ctx);
	filp_close(f, NULL);
	return ret ? ret : pd.pd_err;
}
