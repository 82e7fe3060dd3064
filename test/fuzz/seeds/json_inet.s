; SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
; json(s, "a[1].b") and inet_ntoa6 on scratch bytes
.rtype string:256
	sets	%r1, "{\"a\":[1,{\"b\":\"c\"}]}"
	sets	%r2, "a[1].b"
	pushtv	%r1
	pushtv	%r2
	call	%r3, json
	movi	%r4, 16
	alloc	%r5, %r4
	movi	%r6, -1
	stx	[%r5+8], %r6
	pushtv	%r5
	call	%r7, inet_ntoa6
	pushtv	%r3
	pushtv	%r7
	call	%r8, strjoin
	ret	%r8
