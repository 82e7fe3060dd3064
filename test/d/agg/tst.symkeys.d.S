
/* clause 1, statement 1: :::profile-97 */

DIFO for action #2 (argument: sym):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000400000151   ldb     %r1, arg0
01:  000000000001005a   ret     %r1

DIFO for action #4 (argument: sym):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000400000151   ldb     %r1, arg0
01:  000000010000021e   movi    %r2, 1
02:  0000000002010102   add     %r1, %r1, %r2
03:  000000000001005a   ret     %r1

DIFO for action #5 (argument):
DIFO returns string:256
OFF  OPCODE             INSTRUCTION
00:  0000002200000151   ldb     %r1, execname
01:  000000000001005a   ret     %r1

DIFO for action #7 (argument: mod):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000400000151   ldb     %r1, arg0
01:  000000000001005a   ret     %r1

DIFO for action #9 (argument):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000001d00000151   ldb     %r1, pid
01:  000000000001005a   ret     %r1

DIFO for action #10 (argument: usym):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000500000151   ldb     %r1, arg1
01:  000000000001005a   ret     %r1

DIFO for action #12 (argument: usym):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000500000151   ldb     %r1, arg1
01:  000000000001005a   ret     %r1

DIFO for action #14 (argument: umod):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000500000151   ldb     %r1, arg1
01:  000000000001005a   ret     %r1

DIFO for action #16 (argument: uaddr):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000500000151   ldb     %r1, arg1
01:  000000000001005a   ret     %r1

/* clause 2, statement 2: :::END */
