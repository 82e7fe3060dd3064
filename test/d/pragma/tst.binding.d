/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a binding of an identifier of the program, before and after its definition.
 */
#pragma D binding "1.0" early
inline int early = 1;
inline int late = 2;
#pragma D binding "1.6.3" late

BEGIN
{
	trace(early + late);
}
