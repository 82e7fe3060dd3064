
/* clause 1, statement 1: :::BEGIN */

DIFO for action #1 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000090000011e   movi    %r1, 9
01:  000000000001005a   ret     %r1

DIFO for action #2 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000040000011e   movi    %r1, 4
01:  0000000400000251   ldb     %r2, arg0
02:  0000000002010102   add     %r1, %r1, %r2
03:  000000000001005a   ret     %r1
