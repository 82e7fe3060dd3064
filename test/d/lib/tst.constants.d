/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the D library's constants (errno.d, signal.d, unistd.d, net.d)
 * are there for a program that names them, NULL as strtok()'s "go on".
 */
BEGIN
{
	trace(strtok(NULL, " "));
	trace(EINTR);
	trace(SIGUSR1);
	trace(B_TRUE);
	trace(B_FALSE);
	trace(DTRACEFLT_BADADDR);
	trace(AF_INET6);
	trace(IPPROTO_TCP);
	this->a = (ipaddr_t)0x0100007f;
	this->p = (in6_addr_t *)NULL;
	this->b = (boolean_t)B_TRUE;
	exit(0);
}
