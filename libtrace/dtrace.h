/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * libtrace's public API: what cmd/dtrace (and later the postmortem reader)
 * use.  The library is the D compiler and the consumer.
 *
 * Error regime: functions return -1 (or NULL) and set the handle's error
 * number; dtrace_errmsg() gives the message.  dtrace_open() reports through
 * its errp argument since there is no handle yet.
 */
#ifndef DTRACE_H
#define DTRACE_H

#include <stdint.h>
#include <stdio.h>

typedef struct dtrace_hdl dtrace_hdl_t;

/* Version strings, as `dtrace -V` prints them. */
#define DTRACE_D_VERSION_STRING	"Sun D 1.13"

/* dtrace_open() flags. */
#define DTRACE_O_NODEV	0x01	/* do not open /dev/dtrace (compile only) */

/* libtrace error numbers, beyond errno values. */
#define DTRACE_EBASE		1000
#define DTRACE_ENODEV		(DTRACE_EBASE + 0)	/* no /dev/dtrace */
#define DTRACE_EABI		(DTRACE_EBASE + 1)	/* ABI mismatch */
#define DTRACE_ECOMPILE		(DTRACE_EBASE + 2)	/* D compilation failed */
#define DTRACE_ENOTSUP		(DTRACE_EBASE + 3)	/* not implemented yet */

/* What the module told us in the handshake. */
typedef struct dtrace_module_info {
	uint32_t dmi_abi;		/* module's ABI version */
	uint32_t dmi_ncpus;		/* possible CPUs */
	uint64_t dmi_features;		/* DTRACE_FEAT_* */
	char dmi_version[32];		/* module release string */
} dtrace_module_info_t;

dtrace_hdl_t *dtrace_open(int flags, int *errp);
void dtrace_close(dtrace_hdl_t *dtp);
int dtrace_errno(dtrace_hdl_t *dtp);
const char *dtrace_errmsg(dtrace_hdl_t *dtp, int err);
const char *dtrace_strerror(int err);
/* The module's handshake answer; NULL for a DTRACE_O_NODEV handle. */
const dtrace_module_info_t *dtrace_module_info(dtrace_hdl_t *dtp);

#endif /* DTRACE_H */
