/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: BEGIN, END and ERROR are probes of the dtrace provider.
 */
BEGIN { }
END { }
ERROR { }
dtrace:::BEGIN { }
