/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The signal numbers as constants, for raise() and for the signal
 * probes' arguments: Linux's x86-64 numbering (its uapi asm/signal.h),
 * not illumos' (SIGUSR1 is 10 here, 16 there).  SIGRTMIN and SIGRTMAX
 * are the C library's (glibc keeps 32 and 33 for itself).
 *
 *	syscall::kill:entry /arg1 == SIGUSR1/ { trace(execname); }
 */

inline int SIGHUP = 1;
inline int SIGINT = 2;
inline int SIGQUIT = 3;
inline int SIGILL = 4;
inline int SIGTRAP = 5;
inline int SIGABRT = 6;
inline int SIGIOT = SIGABRT;
inline int SIGBUS = 7;
inline int SIGFPE = 8;
inline int SIGKILL = 9;
inline int SIGUSR1 = 10;
inline int SIGSEGV = 11;
inline int SIGUSR2 = 12;
inline int SIGPIPE = 13;
inline int SIGALRM = 14;
inline int SIGTERM = 15;
inline int SIGSTKFLT = 16;
inline int SIGCHLD = 17;
inline int SIGCLD = SIGCHLD;
inline int SIGCONT = 18;
inline int SIGSTOP = 19;
inline int SIGTSTP = 20;
inline int SIGTTIN = 21;
inline int SIGTTOU = 22;
inline int SIGURG = 23;
inline int SIGXCPU = 24;
inline int SIGXFSZ = 25;
inline int SIGVTALRM = 26;
inline int SIGPROF = 27;
inline int SIGWINCH = 28;
inline int SIGIO = 29;
inline int SIGPOLL = SIGIO;
inline int SIGPWR = 30;
inline int SIGSYS = 31;
inline int SIGRTMIN = 34;
inline int SIGRTMAX = 64;
