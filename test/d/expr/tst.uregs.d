/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: uregs[] with DTrace's amd64 register names (translators/regs.d,
 * loaded because the program names them): R_PC is the i386 R_EIP (14),
 * R_SP R_UESP (17), R_RSP 19 + 20.
 */
syscall::getppid:entry
{
	trace(uregs[R_PC]);
	trace(uregs[R_SP]);
	trace(uregs[R_RSP]);
}
