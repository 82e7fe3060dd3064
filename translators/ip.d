/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * in6_addr_t, an IPv6 address as DTrace names it: the kernel's struct
 * in6_addr (16 bytes, s6_addr through its in6_u union), so a pointer the
 * kernel hands out converts with no copy: inet_ntoa6((in6_addr_t *)p).
 */
#pragma D depends_on module vmlinux

typedef struct in6_addr in6_addr_t;
