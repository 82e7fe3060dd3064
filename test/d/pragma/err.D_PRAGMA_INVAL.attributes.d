/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: attributes are stability/stability/class names.
 */
#pragma D attributes Solid/Stable/Common x
int x;

BEGIN
{
	trace(x);
}
