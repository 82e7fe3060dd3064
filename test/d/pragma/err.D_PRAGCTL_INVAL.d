/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: control lines other than #pragma and #line need -C.
 */
#include <stdio.h>
BEGIN { }
