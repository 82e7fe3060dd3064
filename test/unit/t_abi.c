// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The ABI header is what the module and userland agree on: its structure
 * sizes and command numbers must not drift silently.
 */
#include <stddef.h>
#include <dtrace/abi.h>
#include "tap.h"

int main(void)
{
	is_int(sizeof(struct dtrace_ioc_handshake), 64, "handshake is 64 bytes");
	is_int(offsetof(struct dtrace_ioc_handshake, dh_module_version), 32,
	       "handshake version string at offset 32");
	is_int(_IOC_SIZE(DTRACE_IOC_HANDSHAKE), 64,
	       "handshake size encoded in its command number");
	is_int(_IOC_TYPE(DTRACE_IOC_HANDSHAKE), 'D', "command type is 'D'");
	is_int(_IOC_DIR(DTRACE_IOC_HANDSHAKE), _IOC_READ | _IOC_WRITE,
	       "handshake is read-write");
	return tap_done();
}
