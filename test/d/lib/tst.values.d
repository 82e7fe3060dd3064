/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: Linux's values, not illumos': EINTR 4, ENOTSUP is EOPNOTSUPP
 * (95), EHWPOISON 133, SIGUSR1 10, SIGCHLD 17, SIGSYS 31, AF_INET6 10,
 * IPPROTO_UDP 17, IPPROTO_ICMPV6 58, DTRACEFLT_BADSTACK 9 (the .S file).
 */
BEGIN
{
	trace(EINTR);
	trace(ENOTSUP);
	trace(EHWPOISON);
	trace(SIGUSR1);
	trace(SIGCHLD);
	trace(SIGSYS);
	trace(AF_INET6);
	trace(IPPROTO_UDP);
	trace(IPPROTO_ICMPV6);
	trace(DTRACEFLT_BADSTACK);
}
