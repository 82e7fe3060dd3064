
/* clause 1, statement 1: :::BEGIN */

DIFO for action #1 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000030000011e   movi    %r1, 3
01:  000000000001005a   ret     %r1
