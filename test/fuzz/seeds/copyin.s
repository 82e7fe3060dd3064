; SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
; copyinstr(arg0), copyin(arg0, 8) and a local variable
.rtype string:256
.var tmp 3 local scalar int64 rw
	ldb	%r1, arg0
	pushtv	%r1
	call	%r2, copyinstr
	movi	%r3, 8
	pushtv	%r1
	pushtv	%r3
	call	%r4, copyin
	ldx	%r5, [%r4]
	stls	tmp, %r5
	ldls	%r6, tmp
	ret	%r2
