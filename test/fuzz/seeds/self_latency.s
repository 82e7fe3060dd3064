; SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
; self->ts = timestamp at entry; at return: timestamp - self->ts, then clear
.var ts 2 thread scalar int64 rw
	ldts	%r1, ts
	bz	%r1, entry
	ldb	%r2, timestamp
	sub	%r3, %r2, %r1
	stts	ts, %r0
	ret	%r3
entry:	ldb	%r2, timestamp
	stts	ts, %r2
	ret	%r0
