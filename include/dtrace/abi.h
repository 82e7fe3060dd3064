/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The ABI between dtrace.ko and userland: the ioctls of /dev/dtrace and the
 * structures they carry.  This header is compiled both into the module and
 * into libtrace, so it uses only fixed-width types.
 *
 * Rules (see shared/DESIGN.md, "The ABI between module and userland"):
 *  - fixed-width types only; pointers travel as __u64; no enums or
 *    bitfields in structures; explicit padding, which the module requires
 *    to be zero; every structure's size is asserted below;
 *  - every command is _IOWR('D', nr, struct ...): the size is part of the
 *    number, so a command issued with the wrong structure size is an
 *    unknown command (-ENOTTY);
 *  - a changed meaning gets a new number, never a version field;
 *  - the first command on a new descriptor must be the handshake; until it
 *    succeeds every other command fails with -EPROTO.
 */
#ifndef DTRACE_ABI_H
#define DTRACE_ABI_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define DTRACE_DEVICE		"/dev/dtrace"
#define DTRACE_DEVNAME		"dtrace"

/*
 * The ABI version: bumped when any command or structure of this header, of
 * the DIF encoding or of the DOF layout changes incompatibly.
 */
#define DTRACE_ABI_VERSION	1

/* Feature bits, announced by the module and requested by userland. */
#define DTRACE_FEAT_HANDSHAKE	(1ULL << 0)	/* this header's handshake */
#define DTRACE_FEAT_ALL		(DTRACE_FEAT_HANDSHAKE)

#define DTRACE_IOC_MAGIC	'D'

/*
 * DTRACE_IOC_HANDSHAKE: userland says which ABI version it speaks and which
 * features it cannot do without; the module answers with its own version,
 * the features it has and a version string.  The module always fills in its
 * half; it returns -EPROTONOSUPPORT when the versions differ or a required
 * feature is missing, so userland can print both sides.
 */
struct dtrace_ioc_handshake {
	__u32 dh_user_abi;		/* in: DTRACE_ABI_VERSION of userland */
	__u32 dh_pad0;			/* in: must be zero */
	__u64 dh_user_required;		/* in: features userland requires */
	__u32 dh_module_abi;		/* out: the module's ABI version */
	__u32 dh_ncpus;			/* out: possible CPUs (nr_cpu_ids) */
	__u64 dh_module_features;	/* out: the features the module has */
	char  dh_module_version[32];	/* out: NUL-terminated release string */
};

#define DTRACE_IOC_HANDSHAKE	_IOWR(DTRACE_IOC_MAGIC, 1, struct dtrace_ioc_handshake)

/* Size assertions: a change here is an ABI change. */
#ifdef __cplusplus
#define DTRACE_ABI_ASSERT(c, m) static_assert(c, m)
#else
#define DTRACE_ABI_ASSERT(c, m) _Static_assert(c, m)
#endif
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_handshake) == 64,
		  "struct dtrace_ioc_handshake is 64 bytes");

#endif /* DTRACE_ABI_H */
