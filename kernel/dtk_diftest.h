/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The DIF cross-check file of debug builds (<dtrace/dif_test.h>).
 */
#ifndef DTK_DIFTEST_H
#define DTK_DIFTEST_H

#ifdef DTRACE_DEBUG
void dtk_diftest_init(void);
void dtk_diftest_exit(void);
#else
static inline void dtk_diftest_init(void) { }
static inline void dtk_diftest_exit(void) { }
#endif

#endif /* DTK_DIFTEST_H */
