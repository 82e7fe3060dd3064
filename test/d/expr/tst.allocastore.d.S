
/* clause 1, statement 1: :::BEGIN */

DIFO for action #1 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000080000011e   movi    %r1, 8
01:  0000000000010053   pushtv  %r1
02:  0000000a00000157   call    %r1, alloca
03:  0000000100010050   stls    p, %r1
04:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              w

DIFO for action #2 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000010000011e   movi    %r1, 1
01:  000000010000024f   ldls    %r2, p
02:  000000000000031e   movi    %r3, 0
03:  0000000003020202   add     %r2, %r2, %r3
04:  0000000001020043   stb     [%r2+0], %r1
05:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r

DIFO for action #3 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000020000011e   movi    %r1, 2
01:  000000010000024f   ldls    %r2, p
02:  000000010000031e   movi    %r3, 1
03:  0000000003020202   add     %r2, %r2, %r3
04:  0000000001020043   stb     [%r2+0], %r1
05:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r

DIFO for action #4 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000030000011e   movi    %r1, 3
01:  000000010000024f   ldls    %r2, p
02:  000000070000031e   movi    %r3, 7
03:  0000000003020202   add     %r2, %r2, %r3
04:  000000000002031d   mov     %r3, %r2
05:  0000000000030335   ldsb    %r3, [%r3+0]
06:  0000000001030102   add     %r1, %r3, %r1
07:  0000000001020043   stb     [%r2+0], %r1
08:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r

DIFO for action #5 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000010000014f   ldls    %r1, p
01:  000000020000021e   movi    %r2, 2
02:  0000000002010102   add     %r1, %r1, %r2
03:  000000000001021d   mov     %r2, %r1
04:  0000000000020235   ldsb    %r2, [%r2+0]
05:  000000010002030f   addi    %r3, %r2, 1
06:  0000000003010043   stb     [%r1+0], %r3
07:  000000000002005a   ret     %r2

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r

DIFO for action #6 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000040000011e   movi    %r1, 4
01:  000000010000024f   ldls    %r2, p
02:  0000000001020043   stb     [%r2+0], %r1
03:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r

DIFO for action #7 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000010000014f   ldls    %r1, p
01:  0000000200010050   stls    q, %r1
02:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r
q                2     local  scalar int64              w

DIFO for action #8 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000050000011e   movi    %r1, 5
01:  000000020000024f   ldls    %r2, q
02:  000000010000031e   movi    %r3, 1
03:  0000000400030311   muli    %r3, %r3, 4
04:  0000000003020202   add     %r2, %r2, %r3
05:  0000000001020045   stw     [%r2+0], %r1
06:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
q                2     local  scalar int64              r

DIFO for action #9 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000010000014f   ldls    %r1, p
01:  000000000000021e   movi    %r2, 0
02:  0000000002010102   add     %r1, %r1, %r2
03:  0000000000010135   ldsb    %r1, [%r1+0]
04:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r

DIFO for action #11 (argument):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000010000014f   ldls    %r1, p
01:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r

DIFO for action #12 (tracemem):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000010000014f   ldls    %r1, p
01:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
p                1     local  scalar int64              r

DIFO for action #13 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000040000011e   movi    %r1, 4
01:  0000000000010053   pushtv  %r1
02:  0000000a00000157   call    %r1, alloca
03:  000000030001004c   stts    s, %r1
04:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
s                3     thread scalar int64              w

DIFO for action #14 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000070000011e   movi    %r1, 7
01:  000000030000024b   ldts    %r2, s
02:  000000010000031e   movi    %r3, 1
03:  0000000003020202   add     %r2, %r2, %r3
04:  0000000001020043   stb     [%r2+0], %r1
05:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
s                3     thread scalar int64              r

DIFO for action #15 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000080000011e   movi    %r1, 8
01:  0000000000010053   pushtv  %r1
02:  0000000a00000157   call    %r1, alloca
03:  0000000400010050   stls    t, %r1
04:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
t                4     local  scalar int64              w

DIFO for action #16 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000060000011e   movi    %r1, 6
01:  000000040000024f   ldls    %r2, t
02:  0000000401020045   stw     [%r2+4], %r1
03:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
t                4     local  scalar int64              r

DIFO for action #17 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000040000014f   ldls    %r1, t
01:  0000000400010137   ldsw    %r1, [%r1+4]
02:  000000040000024f   ldls    %r2, t
03:  000000000002031d   mov     %r3, %r2
04:  0000000000030337   ldsw    %r3, [%r3+0]
05:  0000000001030102   add     %r1, %r3, %r1
06:  0000000001020045   stw     [%r2+0], %r1
07:  000000000001005a   ret     %r1

NAME             ID    SCOPE  KIND   TYPE               FLAGS
t                4     local  scalar int64              r

DIFO for action #18 (exit):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000000000011e   movi    %r1, 0
01:  000000000001005a   ret     %r1
