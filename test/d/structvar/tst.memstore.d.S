
/* clause 1, statement 1: :::BEGIN */

DIFO for action #1 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000050000011e   movi    %r1, 5
01:  000000010000024b   ldts    %r2, p
02:  000000100000031e   movi    %r3, 16
03:  0000000000030358   alloc   %r3, %r3
04:  0000000600020032   bz      %r2, 6
05:  0000001002030059   copys   [%r3], [%r2], 16
06:  000000000003021d   mov     %r2, %r3
07:  0000000801020046   stx     [%r2+8], %r1
08:  000000010003004c   stts    p, %r3
09:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     thread scalar ref:16             rw
