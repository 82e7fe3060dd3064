/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a provider's attributes are for its provider, module, function, name or args.
 */
#pragma D attributes Stable provider profile colour

BEGIN
{
	exit(0);
}
