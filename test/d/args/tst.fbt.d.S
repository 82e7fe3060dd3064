
/* clause 1, statement 1: fbt::do_filp_open:entry */

DIFO for action #2 (argument):
DIFO returns int64
OFF  OPCODE             INSTRUCTION
00:  000000000000011e   movi    %r1, 0
01:  0000000100010152   ldba    %r1, args[%r1]
02:  0000002000010119   slli    %r1, %r1, 32
03:  000000200001011b   srai    %r1, %r1, 32
04:  000000000001005a   ret     %r1

DIFO for action #3 (argument):
DIFO returns string:256
OFF  OPCODE             INSTRUCTION
00:  000000010000011e   movi    %r1, 1
01:  0000000100010152   ldba    %r1, args[%r1]
02:  000000000001013b   ldx     %r1, [%r1+0]
03:  000000000001005a   ret     %r1
