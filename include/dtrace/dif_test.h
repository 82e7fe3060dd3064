/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Debug builds of dtrace.ko only: the DIF cross-check file,
 * /sys/kernel/debug/dtrace/diftest.  A write of one struct dif_test_req
 * followed by a serialized DIF object (<dtrace/dif.h>) parses, verifies
 * and runs the object with the module's build of dif/ on a small test
 * machine (64 KiB scratch, its own variables and dynamic-variable store,
 * args[] from the request; kernel memory through the module's safe loads,
 * user memory the writer's).  The next read returns one struct
 * dif_test_rsp.  The
 * VM suite runs the userland unit vectors through it (t_dif_vectors).
 */
#ifndef DTRACE_DIF_TEST_H
#define DTRACE_DIF_TEST_H

#include <linux/types.h>

#define DIF_TEST_PATH		"/sys/kernel/debug/dtrace/diftest"
#define DIF_TEST_MAGIC		0x54464944U	/* "DIFT" */
#define DIF_TEST_NARGS		10

struct dif_test_req {
	__u32 dtq_magic;		/* DIF_TEST_MAGIC */
	__u32 dtq_privs;		/* DIF_PRIV_* for the verifier */
	__u32 dtq_strsize;		/* the strsize option */
	__u32 dtq_pad;			/* zero */
	__u64 dtq_args[DIF_TEST_NARGS];	/* args[0..9] */
};

struct dif_test_rsp {
	__s32 dts_check;		/* the refusing check, 0 if accepted */
	__s32 dts_check_pc;		/* its instruction, or -1 */
	__s32 dts_fault;		/* DIF_FLT_*, 0 if none */
	__u32 dts_fault_pc;
	__u64 dts_illval;
	__u64 dts_value;		/* the returned value */
	char  dts_str[256];		/* a returned string's bytes */
};

_Static_assert(sizeof(struct dif_test_req) == 96, "dif_test_req is 96 bytes");
_Static_assert(sizeof(struct dif_test_rsp) == 288, "dif_test_rsp is 288 bytes");

#endif /* DTRACE_DIF_TEST_H */
