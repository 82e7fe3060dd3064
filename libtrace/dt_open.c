// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Opening libtrace: the handle, /dev/dtrace and the ABI handshake, and the
 * library's error numbers and messages.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <dtrace/abi.h>
#include "dt_impl.h"
#include "dt_proc.h"

static const char *const dt_errstrs[] = {
	[DTRACE_ENODEV - DTRACE_EBASE] =
		"cannot open " DTRACE_DEVICE " (is dtrace.ko loaded?)",
	[DTRACE_EABI - DTRACE_EBASE] =
		"dtrace.ko and this dtrace speak different ABI versions",
	[DTRACE_ECOMPILE - DTRACE_EBASE] = "D program compilation failed",
	[DTRACE_ENOTSUP - DTRACE_EBASE] = "not implemented yet",
};

const char *dtrace_strerror(int err)
{
	if (err >= DTRACE_EBASE &&
	    err < DTRACE_EBASE + (int)(sizeof(dt_errstrs) / sizeof(dt_errstrs[0])))
		return dt_errstrs[err - DTRACE_EBASE];
	return strerror(err);
}

int dt_set_errno(dtrace_hdl_t *dtp, int err)
{
	dtp->dt_errno = err;
	dtp->dt_errmsg[0] = '\0';
	return -1;
}

int dt_set_errmsg(dtrace_hdl_t *dtp, int err, const char *fmt, ...)
{
	va_list ap;

	dtp->dt_errno = err;
	va_start(ap, fmt);
	vsnprintf(dtp->dt_errmsg, sizeof(dtp->dt_errmsg), fmt, ap);
	va_end(ap);
	return -1;
}

int dtrace_errno(dtrace_hdl_t *dtp)
{
	return dtp->dt_errno;
}

const char *dtrace_errmsg(dtrace_hdl_t *dtp, int err)
{
	if (dtp && err == dtp->dt_errno && dtp->dt_errmsg[0])
		return dtp->dt_errmsg;
	return dtrace_strerror(err);
}

/*
 * The handshake: tell the module our ABI version, get its own back.  A
 * mismatch is reported with both versions so the user knows which side to
 * replace.
 */
static int dt_handshake(dtrace_hdl_t *dtp)
{
	struct dtrace_ioc_handshake dh;

	memset(&dh, 0, sizeof(dh));
	dh.dh_user_abi = DTRACE_ABI_VERSION;
	dh.dh_user_required = DTRACE_FEAT_HANDSHAKE;
	if (ioctl(dtp->dt_fd, DTRACE_IOC_HANDSHAKE, &dh) != 0 &&
	    errno != EPROTONOSUPPORT)
		return dt_set_errmsg(dtp, errno, "handshake with %s failed: %s",
				     DTRACE_DEVICE, strerror(errno));

	dtp->dt_module.dmi_abi = dh.dh_module_abi;
	dtp->dt_module.dmi_ncpus = dh.dh_ncpus;
	dtp->dt_module.dmi_features = dh.dh_module_features;
	memcpy(dtp->dt_module.dmi_version, dh.dh_module_version,
	       sizeof(dtp->dt_module.dmi_version));
	dtp->dt_module.dmi_version[sizeof(dtp->dt_module.dmi_version) - 1] = '\0';

	if (dh.dh_module_abi != DTRACE_ABI_VERSION ||
	    (DTRACE_FEAT_HANDSHAKE & ~dh.dh_module_features))
		return dt_set_errmsg(dtp, DTRACE_EABI,
			"%s speaks ABI version %u, this dtrace speaks version %u:"
			" load the dtrace.ko built with this dtrace",
			dtp->dt_module.dmi_version, dh.dh_module_abi,
			DTRACE_ABI_VERSION);
	return 0;
}

dtrace_hdl_t *dtrace_open(int flags, int *errp)
{
	dtrace_hdl_t *dtp = calloc(1, sizeof(*dtp));

	if (!dtp) {
		*errp = ENOMEM;
		return NULL;
	}
	dtp->dt_fd = -1;
	dtp->dt_oflags = flags;
	if (!(flags & DTRACE_O_NODEV)) {
		dtp->dt_fd = open(DTRACE_DEVICE, O_RDWR | O_CLOEXEC);
		if (dtp->dt_fd < 0) {
			*errp = (errno == ENOENT || errno == ENXIO) ?
				DTRACE_ENODEV : errno;
			free(dtp);
			return NULL;
		}
		if (dt_handshake(dtp) != 0) {
			/* Keep the handle so the caller can print the message. */
			*errp = dtp->dt_errno;
			return dtp;
		}
	}
	*errp = 0;
	return dtp;
}

const dtrace_module_info_t *dtrace_module_info(dtrace_hdl_t *dtp)
{
	return dtp->dt_fd >= 0 ? &dtp->dt_module : NULL;
}

void dtrace_close(dtrace_hdl_t *dtp)
{
	if (!dtp)
		return;
	dt_proc_fini(dtp);
	dt_consume_fini(dtp);
	dt_cc_fini(dtp);
	if (dtp->dt_fd >= 0)
		close(dtp->dt_fd);
	free(dtp);
}
