/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: profile-N and tick-N with every rate unit are profile probes.
 */
profile-97 { }
profile-1001hz { }
tick-1s { }
tick-10ms { }
tick-500us { }
tick-1000000ns { }
profile:::tick-1sec { }
