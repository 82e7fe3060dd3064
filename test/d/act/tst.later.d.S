
/* clause 1, statement 1: :::BEGIN */

DIFO for action #4 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000000000011e   movi    %r1, 0
01:  0000000300010152   ldba    %r1, vmregs[%r1]
02:  000000000001005a   ret     %r1

DIFO for action #7 (exit):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000000000011e   movi    %r1, 0
01:  000000000001005a   ret     %r1
