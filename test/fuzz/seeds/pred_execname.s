; SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
; /execname == "bash" && pid != 0/
	ldb	%r1, execname
	sets	%r2, "bash"
	scmp	%r3, %r1, %r2
	bnz	%r3, no
	ldb	%r4, pid
	sne	%r5, %r4, %r0
	ret	%r5
no:	ret	%r0
