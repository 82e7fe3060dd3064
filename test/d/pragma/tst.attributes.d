/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: attributes on a variable of the program (dtrace -v reports them: t-core-pragma) and on a provider's parts.
 */
#pragma D attributes Unstable/Evolving/ISA nhits
#pragma D attributes Evolving/Evolving/Common provider profile name
int nhits;

BEGIN
{
	nhits = 1;
	trace(nhits);
}
