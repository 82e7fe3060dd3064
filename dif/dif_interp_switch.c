// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The interpreter again, with switch dispatch: the form the kernel runs,
 * built in userland too so that every test vector exercises both
 * dispatchers (see dif_interp.c).  Userland only.
 */
#define DIF_RUN_NAME	dif_run_switch
#include "dif_interp.c"
