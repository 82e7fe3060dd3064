/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: #pragma D option sets options, with and without values.
 */
#pragma D option quiet
#pragma D option bufsize=4m
#pragma D option switchrate=10hz
#pragma D option bufpolicy=ring
#pragma D option aggsortkey
#pragma D option strsize=512
#pragma D depends_on provider syscall
#pragma D attributes Evolving/Evolving/Common provider syscall provider
#pragma D binding "1.0" foo
#pragma ident "ignored"

BEGIN { }
