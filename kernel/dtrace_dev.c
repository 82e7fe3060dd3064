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
 * The consumer's state and its lifecycle are described at the top of
 * kernel/dtk_state.c.  All of this runs in process context and may sleep;
 * nothing here runs in probe context.
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
#include "dtk_impl.h"
#include "dtk_diftest.h"
#include "providers/providers.h"

#define DTK_RELEASE	"dtrace.ko " DTRACE_RELEASE

static int dtk_open(struct inode *inode, struct file *file)
{
	struct dtk_state *st;

	if (!dtk_capable())
		return -EPERM;
	st = dtk_state_create();
	if (!st)
		return -ENOMEM;
	file->private_data = st;
	return 0;
}

/* Closing the descriptor (or the consumer dying) tears everything down. */
static int dtk_release(struct inode *inode, struct file *file)
{
	dtk_state_destroy(file->private_data);
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

/*
 * The commands after the handshake: each copies its whole structure in,
 * runs its handler and copies the structure back, also on failure when the
 * handler has something to say (the enable message goes through its own
 * user buffer).
 */
union dtk_ioc_arg {
	struct dtrace_ioc_probes	probes;
	struct dtrace_ioc_enable	enable;
	struct dtrace_ioc_go		go;
	struct dtrace_ioc_status	status;
	struct dtrace_ioc_stop		stop;
	struct dtrace_ioc_bufsnap	bufsnap;
	struct dtrace_ioc_eprobe	eprobe;
};

static long dtk_ioc_dispatch(struct dtk_state *st, unsigned int cmd,
			     union dtk_ioc_arg *a)
{
	switch (cmd) {
	case DTRACE_IOC_PROBES:
		return dtk_probe_list(&a->probes);
	case DTRACE_IOC_ENABLE:
		return dtk_state_enable(st, &a->enable);
	case DTRACE_IOC_GO:
		return dtk_state_go(st, &a->go);
	case DTRACE_IOC_STATUS:
		return dtk_state_status(st, &a->status);
	case DTRACE_IOC_STOP:
		return dtk_state_stop(st, &a->stop);
	case DTRACE_IOC_BUFSNAP:
		return dtk_buf_snapshot(st, &a->bufsnap);
	case DTRACE_IOC_AGGSNAP:
		return dtk_aggbuf_snapshot(st, &a->bufsnap);
	case DTRACE_IOC_EPROBE:
		return dtk_state_eprobe(st, &a->eprobe);
	default:
		return -ENOTTY;
	}
}

static bool dtk_ioc_known(unsigned int cmd)
{
	switch (cmd) {
	case DTRACE_IOC_PROBES:
	case DTRACE_IOC_ENABLE:
	case DTRACE_IOC_GO:
	case DTRACE_IOC_STATUS:
	case DTRACE_IOC_STOP:
	case DTRACE_IOC_BUFSNAP:
	case DTRACE_IOC_AGGSNAP:
	case DTRACE_IOC_EPROBE:
		return true;
	default:
		return false;
	}
}

static long dtk_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct dtk_state *st = file->private_data;
	void __user *uarg = (void __user *)arg;
	union dtk_ioc_arg *a;
	long ret;

	if (cmd == DTRACE_IOC_HANDSHAKE) {
		mutex_lock(&st->dts_lock);
		ret = dtk_ioc_handshake(st, uarg);
		mutex_unlock(&st->dts_lock);
		return ret;
	}
	if (!dtk_ioc_known(cmd))
		return -ENOTTY;
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	if (copy_from_user(a, uarg, _IOC_SIZE(cmd))) {
		kfree(a);
		return -EFAULT;
	}
	mutex_lock(&st->dts_lock);
	if (!st->dts_handshaken)
		ret = -EPROTO;
	else
		ret = dtk_ioc_dispatch(st, cmd, a);
	mutex_unlock(&st->dts_lock);
	if (ret == 0 && copy_to_user(uarg, a, _IOC_SIZE(cmd)))
		ret = -EFAULT;
	kfree(a);
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

	ret = dtrace_prov_init();
	if (ret)
		goto fail;
	ret = providers_init();
	if (ret)
		goto fail_dtrace;
	/* Last: no consumer can open the device before all is ready. */
	ret = misc_register(&dtk_miscdev);
	if (ret)
		goto fail_providers;
	dtk_diftest_init();
	pr_info("loaded, ABI version %d\n", DTRACE_ABI_VERSION);
	return 0;

fail_providers:
	providers_exit();
fail_dtrace:
	dtrace_prov_exit();
fail:
	dtk_probes_exit();
	pr_err("cannot load: %d\n", ret);
	return ret;
}

static void __exit dtk_exit(void)
{
	/* No descriptor is open: the device holds a module reference. */
	dtk_diftest_exit();
	misc_deregister(&dtk_miscdev);
	providers_exit();
	dtrace_prov_exit();
	dtk_probes_exit();
	pr_info("unloaded\n");
}

module_init(dtk_init);
module_exit(dtk_exit);

/* GPL: kprobes, uprobes and tracepoints are exported to GPL modules only. */
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("DTrace dynamic tracing framework");
MODULE_VERSION(DTRACE_RELEASE);
