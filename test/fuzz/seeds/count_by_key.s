; SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
; @counts[execname, arg0]++ as an associative array
.var counts 1 global array int64 rw
	ldb	%r1, execname
	ldb	%r2, arg0
	pushts	%r1
	pushtv	%r2
	ldga	%r3, counts
	addi	%r3, %r3, 1
	pushts	%r1
	pushtv	%r2
	stga	counts, %r3
	ret	%r3
