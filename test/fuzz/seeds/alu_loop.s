; SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
; arithmetic and every compare; a fault on the last division if arg1 == 0
	ldb	%r1, arg0
	ldb	%r2, arg1
	mul	%r3, %r1, %r2
	sdiv	%r4, %r3, %r2
	srem	%r5, %r3, %r2
	sll	%r6, %r1, %r2
	sra	%r7, %r6, %r2
	slt	%r8, %r1, %r2
	sleu	%r9, %r1, %r2
	xor	%r10, %r8, %r9
	blt	%r1, %r2, a
	addi	%r10, %r10, 3
a:	bgeu	%r1, %r2, b
	srai	%r10, %r10, 1
b:	udiv	%r11, %r10, %r2
	ret	%r11
