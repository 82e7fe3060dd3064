// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * dtrace.ko: the character device /dev/dtrace and its ioctls.
 *
 * Theory.  Each open of /dev/dtrace is one consumer and gets its own state
 * (struct dtk_state), torn down completely when the descriptor is closed.
 * The device's file operations carry THIS_MODULE, so the module cannot be
 * unloaded while any descriptor is open.  Every command is dispatched by
 * its full number (type, nr, direction and size), so a command issued with
 * the wrong structure size is simply unknown and gets -ENOTTY.  Arguments
 * are copied in whole, checked (padding must be zero, else -EINVAL) and
 * copied out; a bad user pointer gives -EFAULT.  The first command on a
 * descriptor must be the handshake (DTRACE_IOC_HANDSHAKE); any other
 * command before a successful handshake fails with -EPROTO.
 *
 * All of this runs in process context and may sleep; nothing here runs in
 * probe context.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <dtrace/abi.h>
#include "dtk_compat.h"

#define DTK_RELEASE	"dtrace.ko " DTRACE_RELEASE

/* One consumer: the state behind one open descriptor. */
struct dtk_state {
	struct mutex	dts_lock;	/* serialises this consumer's ioctls */
	bool		dts_handshaken;	/* the handshake has succeeded */
};

static int dtk_open(struct inode *inode, struct file *file)
{
	struct dtk_state *st;

	if (!dtk_capable())
		return -EPERM;
	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	mutex_init(&st->dts_lock);
	file->private_data = st;
	return 0;
}

static int dtk_release(struct inode *inode, struct file *file)
{
	struct dtk_state *st = file->private_data;

	mutex_destroy(&st->dts_lock);
	kfree(st);
	return 0;
}

static long dtk_ioc_handshake(struct dtk_state *st, void __user *uarg)
{
	struct dtrace_ioc_handshake dh;
	bool match;

	if (copy_from_user(&dh, uarg, sizeof(dh)))
		return -EFAULT;
	if (dh.dh_pad0)
		return -EINVAL;

	match = dh.dh_user_abi == DTRACE_ABI_VERSION &&
		(dh.dh_user_required & ~DTRACE_FEAT_ALL) == 0;

	dh.dh_module_abi = DTRACE_ABI_VERSION;
	dh.dh_ncpus = nr_cpu_ids;
	dh.dh_module_features = DTRACE_FEAT_ALL;
	memset(dh.dh_module_version, 0, sizeof(dh.dh_module_version));
	strscpy(dh.dh_module_version, DTK_RELEASE, sizeof(dh.dh_module_version));

	if (copy_to_user(uarg, &dh, sizeof(dh)))
		return -EFAULT;
	if (!match)
		return -EPROTONOSUPPORT;
	st->dts_handshaken = true;
	return 0;
}

static long dtk_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct dtk_state *st = file->private_data;
	void __user *uarg = (void __user *)arg;
	long ret;

	mutex_lock(&st->dts_lock);
	switch (cmd) {
	case DTRACE_IOC_HANDSHAKE:
		ret = dtk_ioc_handshake(st, uarg);
		break;
	default:
		ret = -ENOTTY;
		break;
	}
	mutex_unlock(&st->dts_lock);
	return ret;
}

static const struct file_operations dtk_fops = {
	.owner		= THIS_MODULE,
	.open		= dtk_open,
	.release	= dtk_release,
	.unlocked_ioctl	= dtk_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static struct miscdevice dtk_miscdev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= DTRACE_DEVNAME,
	.fops	= &dtk_fops,
	.mode	= 0600,
};

static int __init dtk_init(void)
{
	int ret;

	ret = misc_register(&dtk_miscdev);
	if (ret) {
		pr_err("cannot register /dev/%s: %d\n", DTRACE_DEVNAME, ret);
		return ret;
	}
	pr_info("loaded, ABI version %d\n", DTRACE_ABI_VERSION);
	return 0;
}

static void __exit dtk_exit(void)
{
	misc_deregister(&dtk_miscdev);
	pr_info("unloaded\n");
}

module_init(dtk_init);
module_exit(dtk_exit);

/* GPL: kprobes, uprobes and tracepoints are exported to GPL modules only. */
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("DTrace dynamic tracing framework");
MODULE_VERSION(DTRACE_RELEASE);
