; SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
; strjoin(basename(cleanpath(s)), lltostr(-42, 16)), toupper, substr, index
.rtype string:256
	sets	%r1, "/usr/lib/../bin/./ls"
	pushtv	%r1
	call	%r2, cleanpath
	pushtv	%r2
	call	%r3, basename
	movi	%r4, -42
	movi	%r5, 16
	pushtv	%r4
	pushtv	%r5
	call	%r6, lltostr
	pushtv	%r3
	pushtv	%r6
	call	%r7, strjoin
	pushtv	%r7
	call	%r8, toupper
	movi	%r9, 1
	movi	%r10, 4
	pushtv	%r8
	pushtv	%r9
	pushtv	%r10
	call	%r11, substr
	sets	%r12, "S"
	pushtv	%r11
	pushtv	%r12
	call	%r13, index
	ret	%r11
