
/* clause 1, statement 1: :::BEGIN */

DIFO for action #1 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000000000011e   movi    %r1, 0
01:  000000000001005a   ret     %r1

DIFO for action #2 (trace):
DIFO returns string:256
OFF  OPCODE             INSTRUCTION
00:  0000000000000120   sets    %r1, "0"
01:  000000000001005a   ret     %r1
