/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Register names for uregs[] on amd64, numbered as DTrace numbers them
 * (its regs.d over illumos' <sys/regset.h>): first the i386 names, which
 * index the matching 64-bit registers (R_EAX is rax), then 19 plus the
 * amd64 register number (R_R15 is 19, R_RSP 39).  R_PC, R_SP, R_FP and
 * R_PS are the program counter, stack pointer, frame pointer and flags.
 * The module maps each to the thread's saved user registers (struct
 * pt_regs; kernel/dtk_dif_host.c says which Linux does not save).
 */

inline int R_GS = 0;
inline int R_FS = 1;
inline int R_ES = 2;
inline int R_DS = 3;
inline int R_EDI = 4;
inline int R_ESI = 5;
inline int R_EBP = 6;
inline int R_ESP = 7;
inline int R_EBX = 8;
inline int R_EDX = 9;
inline int R_ECX = 10;
inline int R_EAX = 11;
inline int R_TRAPNO = 12;
inline int R_ERR = 13;
inline int R_EIP = 14;
inline int R_CS = 15;
inline int R_EFL = 16;
inline int R_UESP = 17;
inline int R_SS = 18;

inline int R_PC = R_EIP;
inline int R_SP = R_UESP;
inline int R_FP = R_EBP;
inline int R_PS = R_EFL;
inline int R_R0 = R_EAX;
inline int R_R1 = R_EBX;

inline int R_R15 = 19 + 0;
inline int R_R14 = 19 + 1;
inline int R_R13 = 19 + 2;
inline int R_R12 = 19 + 3;
inline int R_R11 = 19 + 4;
inline int R_R10 = 19 + 5;
inline int R_R9 = 19 + 6;
inline int R_R8 = 19 + 7;
inline int R_RDI = 19 + 8;
inline int R_RSI = 19 + 9;
inline int R_RBP = 19 + 10;
inline int R_RBX = 19 + 11;
inline int R_RDX = 19 + 12;
inline int R_RCX = 19 + 13;
inline int R_RAX = 19 + 14;
inline int R_RIP = 19 + 17;
inline int R_RFL = 19 + 19;
inline int R_RSP = 19 + 20;
