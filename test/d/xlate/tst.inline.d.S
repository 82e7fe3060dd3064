
/* clause 1, statement 1: :::BEGIN */

DIFO for action #1 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000070000011e   movi    %r1, 7
01:  000000000001005a   ret     %r1

DIFO for action #2 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000e00000151   ldb     %r1, curthread
01:  000000000001021d   mov     %r2, %r1
02:  0000000e00000351   ldb     %r3, curthread
03:  0000000003020221   seq     %r2, %r2, %r3
04:  0000000800020032   bz      %r2, 8
05:  000000020000021e   movi    %r2, 2
06:  000000000002031d   mov     %r3, %r2
07:  0000000a00000034   ba      10
08:  000000000000021e   movi    %r2, 0
09:  000000000002031d   mov     %r3, %r2
10:  000000000003005a   ret     %r3
