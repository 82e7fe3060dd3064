
/* clause 1, statement 1: :::BEGIN */

DIFO for action #1 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000040000011e   movi    %r1, 4
01:  000000000001005a   ret     %r1

DIFO for action #2 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000005f0000011e   movi    %r1, 95
01:  000000000001005a   ret     %r1

DIFO for action #3 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000850000011e   movi    %r1, 133
01:  000000000001005a   ret     %r1

DIFO for action #4 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000a0000011e   movi    %r1, 10
01:  000000000001005a   ret     %r1

DIFO for action #5 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000110000011e   movi    %r1, 17
01:  000000000001005a   ret     %r1

DIFO for action #6 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000001f0000011e   movi    %r1, 31
01:  000000000001005a   ret     %r1

DIFO for action #7 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000a0000011e   movi    %r1, 10
01:  000000000001005a   ret     %r1

DIFO for action #8 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000110000011e   movi    %r1, 17
01:  000000000001005a   ret     %r1

DIFO for action #9 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000003a0000011e   movi    %r1, 58
01:  000000000001005a   ret     %r1

DIFO for action #10 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000090000011e   movi    %r1, 9
01:  000000000001005a   ret     %r1
