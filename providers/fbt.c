// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/* The fbt provider: being written. */
#include "providers.h"

int fbt_prov_init(void)
{
	return 0;
}

void fbt_prov_exit(void)
{
}
