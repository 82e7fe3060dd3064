/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: inlines name constant expressions.
 */
inline int NSEC_PER_MSEC = 1000000;
inline string GREETING = "hello";

BEGIN
{
	trace(timestamp / NSEC_PER_MSEC);
	trace(GREETING);
}
