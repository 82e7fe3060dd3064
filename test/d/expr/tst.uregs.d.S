
/* clause 1, statement 1: syscall::getppid:entry */

DIFO for action #1 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  0000000e0000011e   movi    %r1, 14
01:  0000000200010152   ldba    %r1, uregs[%r1]
02:  000000000001005a   ret     %r1

DIFO for action #2 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000110000011e   movi    %r1, 17
01:  0000000200010152   ldba    %r1, uregs[%r1]
02:  000000000001005a   ret     %r1

DIFO for action #3 (trace):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000270000011e   movi    %r1, 39
01:  0000000200010152   ldba    %r1, uregs[%r1]
02:  000000000001005a   ret     %r1
