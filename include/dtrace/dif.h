/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * DIF, the D Intermediate Format: the instruction set that the D compiler
 * emits, that dtrace.ko verifies and interprets in probe context, and that
 * `dtrace -S` disassembles.  This header is the ABI part of it (the module
 * and userland both include it, so fixed-width types only); the code lives
 * in dif/ (see dif/dif_vm.h for the machine and the host interface).
 *
 * THEORY
 *
 * A DIF object (DIFO) is one small function: it computes a predicate, an
 * action's argument or an aggregation key from the probe's context and
 * returns one 64-bit value.  The machine has 16 64-bit registers; %r0 is
 * hard-wired to zero (a write to it is rejected by the verifier), which
 * gives free "compare with zero", "move" and "negate" forms.
 *
 * Every instruction is one 64-bit word; its fields are extracted with
 * shifts, never with bitfields, so the layout is the same for every
 * compiler:
 *
 *    63                 32 31      24 23      16 15       8 7        0
 *   +---------------------+----------+----------+----------+----------+
 *   |   imm (signed 32)   |   rs2    |   rs1    |    rd    |    op    |
 *   +---------------------+----------+----------+----------+----------+
 *
 * Why this shape: a fixed width makes the verifier a single linear pass and
 * the interpreter's decode a handful of shifts with no per-format switch;
 * a full 32-bit immediate carries ALU constants, load offsets, table
 * indexes, variable ids and branch targets without a second word; three
 * register fields give three-address ALU ops (no accumulator moves).  Each
 * opcode has one operand format (DIF_FORMATS below); fields a format does
 * not use must be zero, so every program has exactly one encoding and the
 * fuzzer cannot hide state in unused bits.
 *
 * Control flow: branches carry the absolute index of their target
 * instruction in imm, and the target must lie strictly after the branch.
 * With no backward branches every program terminates after at most
 * ninstr instructions; loops in D do not exist.  The last instruction must
 * be `ret`.  Compares are fused into the branch (`blt %r1, %r2, L`), and
 * `slt`-style set-on-compare produces 0/1 values for D's boolean operators.
 *
 * Memory: loads read 1, 2, 4 or 8 bytes, sign- or zero-extended, from
 * kernel (`ld*`) or user (`uld*`) memory; every load goes through the
 * host's safe load, so a bad address is a fault (DIF_FLT_BADADDR), never an
 * oops.  Stores (`st*`) may only write the clause's scratch memory (memory
 * from `alloc` and the subroutines' results), checked at run time.
 *
 * Tables: `setx` loads a 64-bit constant from the integer table; `sets`
 * loads the address of a NUL-terminated string of the string table (the
 * table is part of the object, so the string is read-only kernel memory).
 * `movi` loads a sign-extended 32-bit constant without a table entry.
 *
 * Strings and other by-reference values are addresses.  A string is at
 * most `strsize` bytes (an option), NUL-terminated or cut at strsize.
 *
 * Variables: a D variable is named by a numeric id (imm), unique within
 * the whole D program, so clauses share globals.  Each object's variable
 * table lists every id it uses, with scope (global, thread-local `self->`,
 * clause-local `this->`), kind (scalar or associative array) and type; the
 * verifier checks that each variable instruction names a declared id of
 * the matching scope and kind.  An integer variable holds its value; a
 * by-reference variable (string, struct) holds a copy of the data: a load
 * gives the address of that copy, a store copies into it.
 *
 * Tuples: associative arrays and subroutine calls take their keys and
 * arguments from the tuple stack (at most DIF_TUPLE_MAX entries).
 * `pushtv` pushes a value; `pushts` a string and `pushtr` an object of the
 * size in a register, both by content: their bytes are copied into
 * scratch when pushed, so a key is what the memory held at that moment.
 * Subroutine arguments are values (a string argument is its address):
 * push them with `pushtv`.  The instruction that uses the tuple (`ldga`,
 * `stga`, `ldta`, `stta`, `call`) consumes it, leaving the stack empty;
 * `flusht` empties it explicitly.  Compile nested calls by evaluating
 * every argument into registers first, then pushing.  Storing 0 (or a
 * NULL reference) into a dynamic variable (an array element or a
 * `self->` variable) deletes it, as in DTrace.
 *
 * Built-in variables (`execname`, `arg0`, ...) are read by `ldb` with a
 * DIF_BV_* id; the arrays `args[]`, `uregs[]`, `vmregs[]` by `ldba` with
 * the index in a register.
 *
 * Subroutines: `call rd, subr` with the arguments on the tuple stack; the
 * result is in rd.  Strings they build live in scratch.
 *
 * Faults: a fault (bad address, division by zero, ...) stops the object
 * and records the fault code, the offending value and the instruction
 * index; the framework then fires the ERROR probe.  Fault numbers are
 * DTrace's (DTRACEFLT_*), because D scripts see them as arg4 of ERROR.
 *
 * Compatibility: opcodes, built-in ids, subroutine ids and fault codes are
 * numbered by their position in the tables below, which therefore only
 * ever grow at the end.
 */
#ifndef DTRACE_DIF_H
#define DTRACE_DIF_H

#include <linux/types.h>

/* ---- Instruction words --------------------------------------------- */

typedef __u64 dif_instr_t;

#define DIF_INSTR_OP(i)		((unsigned int)((i) & 0xff))
#define DIF_INSTR_RD(i)		((unsigned int)(((i) >> 8) & 0xff))
#define DIF_INSTR_RS1(i)	((unsigned int)(((i) >> 16) & 0xff))
#define DIF_INSTR_RS2(i)	((unsigned int)(((i) >> 24) & 0xff))
#define DIF_INSTR_IMM(i)	((__s32)(__u32)((i) >> 32))
#define DIF_INSTR(op, rd, rs1, rs2, imm)				\
	((dif_instr_t)((__u64)((op) & 0xff) |				\
		       (__u64)((rd) & 0xff) << 8 |			\
		       (__u64)((rs1) & 0xff) << 16 |			\
		       (__u64)((rs2) & 0xff) << 24 |			\
		       (__u64)(__u32)(imm) << 32))

#define DIF_NREGS		16	/* %r0 .. %r15; %r0 reads as zero */
#define DIF_TUPLE_MAX		8	/* tuple stack depth (DTrace's too) */

/* Limits the verifier enforces on every object. */
#define DIF_MAX_INSTRS		32768	/* 256 KiB of code */
#define DIF_MAX_INTS		65536
#define DIF_MAX_STRTAB		(1U << 20)
#define DIF_MAX_VARS		4096	/* entries in one variable table */
#define DIF_MAX_VARID		65535	/* largest variable id */
#define DIF_MAX_STRSIZE		(1U << 20)
#define DIF_MAX_REFSIZE		(1U << 20)

/*
 * Operand formats.  X(name, syntax, rd use, rs1 use, rs2 use, imm kind).
 * The syntax string is what the disassembler prints and the assembler
 * parses: 'd' is rd, '1' rs1, '2' rs2, 'i' the immediate (printed as its
 * kind says); every other character stands for itself.
 */
#define DIF_U_NONE	0	/* field unused: must be zero */
#define DIF_U_READ	1	/* register read */
#define DIF_U_WRITE	2	/* register written: must not be %r0 */

#define DIF_I_NONE	0	/* must be zero */
#define DIF_I_SIMM	1	/* signed constant */
#define DIF_I_TARGET	2	/* branch target: instruction index */
#define DIF_I_INT	3	/* integer table index */
#define DIF_I_STR	4	/* string table offset */
#define DIF_I_VAR	5	/* variable id */
#define DIF_I_BVAR	6	/* built-in variable id (DIF_BV_*) */
#define DIF_I_SUBR	7	/* subroutine id (DIF_SUBR_*) */
#define DIF_I_SIZE	8	/* byte count, 1 .. DIF_MAX_REFSIZE */

#define DIF_FORMATS(X)							\
	X(NONE,	"",		DIF_U_NONE,  DIF_U_NONE, DIF_U_NONE, DIF_I_NONE)   \
	X(RRR,	"d, 1, 2",	DIF_U_WRITE, DIF_U_READ, DIF_U_READ, DIF_I_NONE)   \
	X(RRI,	"d, 1, i",	DIF_U_WRITE, DIF_U_READ, DIF_U_NONE, DIF_I_SIMM)   \
	X(RR,	"d, 1",		DIF_U_WRITE, DIF_U_READ, DIF_U_NONE, DIF_I_NONE)   \
	X(RI,	"d, i",		DIF_U_WRITE, DIF_U_NONE, DIF_U_NONE, DIF_I_SIMM)   \
	X(RINT,	"d, i",		DIF_U_WRITE, DIF_U_NONE, DIF_U_NONE, DIF_I_INT)    \
	X(RSTR,	"d, i",		DIF_U_WRITE, DIF_U_NONE, DIF_U_NONE, DIF_I_STR)    \
	X(LOAD,	"d, [1+i]",	DIF_U_WRITE, DIF_U_READ, DIF_U_NONE, DIF_I_SIMM)   \
	X(STORE, "[1+i], 2",	DIF_U_NONE,  DIF_U_READ, DIF_U_READ, DIF_I_SIMM)   \
	X(BRR,	"1, 2, i",	DIF_U_NONE,  DIF_U_READ, DIF_U_READ, DIF_I_TARGET) \
	X(BR,	"1, i",		DIF_U_NONE,  DIF_U_READ, DIF_U_NONE, DIF_I_TARGET) \
	X(B,	"i",		DIF_U_NONE,  DIF_U_NONE, DIF_U_NONE, DIF_I_TARGET) \
	X(LDV,	"d, i",		DIF_U_WRITE, DIF_U_NONE, DIF_U_NONE, DIF_I_VAR)    \
	X(STV,	"i, 1",		DIF_U_NONE,  DIF_U_READ, DIF_U_NONE, DIF_I_VAR)    \
	X(LDB,	"d, i",		DIF_U_WRITE, DIF_U_NONE, DIF_U_NONE, DIF_I_BVAR)   \
	X(LDBA,	"d, i[1]",	DIF_U_WRITE, DIF_U_READ, DIF_U_NONE, DIF_I_BVAR)   \
	X(CALL,	"d, i",		DIF_U_WRITE, DIF_U_NONE, DIF_U_NONE, DIF_I_SUBR)   \
	X(R,	"1",		DIF_U_NONE,  DIF_U_READ, DIF_U_NONE, DIF_I_NONE)   \
	X(RR2,	"1, 2",		DIF_U_NONE,  DIF_U_READ, DIF_U_READ, DIF_I_NONE)   \
	X(COPY,	"[1], [2], i",	DIF_U_NONE,  DIF_U_READ, DIF_U_READ, DIF_I_SIZE)

#define DIF_FMT_ENUM_(name, syn, rd, rs1, rs2, imm) DIF_FMT_##name,
enum { DIF_FORMATS(DIF_FMT_ENUM_) DIF_FMT_COUNT };
#undef DIF_FMT_ENUM_

/*
 * Verifier classes: what an opcode does beyond its operand format, so the
 * verifier can apply the checks that class needs (variable scope and kind,
 * user-memory privilege, the last instruction being `ret`).
 */
#define DIF_VC_ALU	0	/* pure register arithmetic / compare */
#define DIF_VC_LOAD	1	/* kernel load */
#define DIF_VC_ULOAD	2	/* user load */
#define DIF_VC_STORE	3	/* scratch store */
#define DIF_VC_BRANCH	4
#define DIF_VC_TABLE	5	/* setx / sets */
#define DIF_VC_VGS	6	/* global scalar */
#define DIF_VC_VGA	7	/* global associative array */
#define DIF_VC_VTS	8	/* thread-local scalar */
#define DIF_VC_VTA	9	/* thread-local associative array */
#define DIF_VC_VLS	10	/* clause-local scalar */
#define DIF_VC_BVAR	11	/* built-in variable */
#define DIF_VC_CALL	12
#define DIF_VC_TUPLE	13
#define DIF_VC_SCRATCH	14	/* alloc, copys */
#define DIF_VC_RET	15

/*
 * THE opcode table: X(name, mnemonic, format, verifier class).  It
 * generates the DIF_OP_* numbers (from 1: an all-zero word is invalid),
 * the verifier's and disassembler's tables, the interpreter's dispatch and
 * the assembler's mnemonics.  Append only.
 *
 * ALU: rd = rs1 OP rs2 (or OP imm).  Division and remainder by zero fault;
 * INT64_MIN / -1 is INT64_MIN and INT64_MIN % -1 is 0.  Shift counts are
 * taken modulo 64 (as the hardware does), so `sll x, 64` is x.
 * Compares: set-on-compare writes 0 or 1; scmp writes -1, 0 or 1 by
 * comparing two strings of at most strsize bytes (unsigned bytes).
 * Branches: b<cond> rs1, rs2, target; bz/bnz test one register.
 * Loads: rd = *(type *)(rs1 + imm), extended to 64 bits.
 * Stores: *(type *)(rs1 + imm) = rs2, into scratch only, aligned.
 * alloc rd, rs1: rd = zeroed scratch of rs1 bytes (8-byte aligned).
 * copys [rs1], [rs2], n: copy n bytes from kernel address rs2 to scratch
 * at rs1.
 */
#define DIF_OPCODES(X)							\
	X(NOP,	 "nop",	   NONE,  DIF_VC_ALU)				\
	X(ADD,	 "add",	   RRR,	  DIF_VC_ALU)				\
	X(SUB,	 "sub",	   RRR,	  DIF_VC_ALU)				\
	X(MUL,	 "mul",	   RRR,	  DIF_VC_ALU)				\
	X(SDIV,	 "sdiv",   RRR,	  DIF_VC_ALU)				\
	X(UDIV,	 "udiv",   RRR,	  DIF_VC_ALU)				\
	X(SREM,	 "srem",   RRR,	  DIF_VC_ALU)				\
	X(UREM,	 "urem",   RRR,	  DIF_VC_ALU)				\
	X(AND,	 "and",	   RRR,	  DIF_VC_ALU)				\
	X(OR,	 "or",	   RRR,	  DIF_VC_ALU)				\
	X(XOR,	 "xor",	   RRR,	  DIF_VC_ALU)				\
	X(SLL,	 "sll",	   RRR,	  DIF_VC_ALU)				\
	X(SRL,	 "srl",	   RRR,	  DIF_VC_ALU)				\
	X(SRA,	 "sra",	   RRR,	  DIF_VC_ALU)				\
	X(ADDI,	 "addi",   RRI,	  DIF_VC_ALU)				\
	X(SUBI,	 "subi",   RRI,	  DIF_VC_ALU)				\
	X(MULI,	 "muli",   RRI,	  DIF_VC_ALU)				\
	X(SDIVI, "sdivi",  RRI,	  DIF_VC_ALU)				\
	X(UDIVI, "udivi",  RRI,	  DIF_VC_ALU)				\
	X(SREMI, "sremi",  RRI,	  DIF_VC_ALU)				\
	X(UREMI, "uremi",  RRI,	  DIF_VC_ALU)				\
	X(ANDI,	 "andi",   RRI,	  DIF_VC_ALU)				\
	X(ORI,	 "ori",	   RRI,	  DIF_VC_ALU)				\
	X(XORI,	 "xori",   RRI,	  DIF_VC_ALU)				\
	X(SLLI,	 "slli",   RRI,	  DIF_VC_ALU)				\
	X(SRLI,	 "srli",   RRI,	  DIF_VC_ALU)				\
	X(SRAI,	 "srai",   RRI,	  DIF_VC_ALU)				\
	X(NOT,	 "not",	   RR,	  DIF_VC_ALU)				\
	X(MOV,	 "mov",	   RR,	  DIF_VC_ALU)				\
	X(MOVI,	 "movi",   RI,	  DIF_VC_ALU)				\
	X(SETX,	 "setx",   RINT,  DIF_VC_TABLE)				\
	X(SETS,	 "sets",   RSTR,  DIF_VC_TABLE)				\
	X(SEQ,	 "seq",	   RRR,	  DIF_VC_ALU)				\
	X(SNE,	 "sne",	   RRR,	  DIF_VC_ALU)				\
	X(SLT,	 "slt",	   RRR,	  DIF_VC_ALU)				\
	X(SLTU,	 "sltu",   RRR,	  DIF_VC_ALU)				\
	X(SLE,	 "sle",	   RRR,	  DIF_VC_ALU)				\
	X(SLEU,	 "sleu",   RRR,	  DIF_VC_ALU)				\
	X(SCMP,	 "scmp",   RRR,	  DIF_VC_LOAD)				\
	X(BEQ,	 "beq",	   BRR,	  DIF_VC_BRANCH)			\
	X(BNE,	 "bne",	   BRR,	  DIF_VC_BRANCH)			\
	X(BLT,	 "blt",	   BRR,	  DIF_VC_BRANCH)			\
	X(BLTU,	 "bltu",   BRR,	  DIF_VC_BRANCH)			\
	X(BLE,	 "ble",	   BRR,	  DIF_VC_BRANCH)			\
	X(BLEU,	 "bleu",   BRR,	  DIF_VC_BRANCH)			\
	X(BGT,	 "bgt",	   BRR,	  DIF_VC_BRANCH)			\
	X(BGTU,	 "bgtu",   BRR,	  DIF_VC_BRANCH)			\
	X(BGE,	 "bge",	   BRR,	  DIF_VC_BRANCH)			\
	X(BGEU,	 "bgeu",   BRR,	  DIF_VC_BRANCH)			\
	X(BZ,	 "bz",	   BR,	  DIF_VC_BRANCH)			\
	X(BNZ,	 "bnz",	   BR,	  DIF_VC_BRANCH)			\
	X(BA,	 "ba",	   B,	  DIF_VC_BRANCH)			\
	X(LDSB,	 "ldsb",   LOAD,  DIF_VC_LOAD)				\
	X(LDSH,	 "ldsh",   LOAD,  DIF_VC_LOAD)				\
	X(LDSW,	 "ldsw",   LOAD,  DIF_VC_LOAD)				\
	X(LDUB,	 "ldub",   LOAD,  DIF_VC_LOAD)				\
	X(LDUH,	 "lduh",   LOAD,  DIF_VC_LOAD)				\
	X(LDUW,	 "lduw",   LOAD,  DIF_VC_LOAD)				\
	X(LDX,	 "ldx",	   LOAD,  DIF_VC_LOAD)				\
	X(ULDSB, "uldsb",  LOAD,  DIF_VC_ULOAD)				\
	X(ULDSH, "uldsh",  LOAD,  DIF_VC_ULOAD)				\
	X(ULDSW, "uldsw",  LOAD,  DIF_VC_ULOAD)				\
	X(ULDUB, "uldub",  LOAD,  DIF_VC_ULOAD)				\
	X(ULDUH, "ulduh",  LOAD,  DIF_VC_ULOAD)				\
	X(ULDUW, "ulduw",  LOAD,  DIF_VC_ULOAD)				\
	X(ULDX,	 "uldx",   LOAD,  DIF_VC_ULOAD)				\
	X(STB,	 "stb",	   STORE, DIF_VC_STORE)				\
	X(STH,	 "sth",	   STORE, DIF_VC_STORE)				\
	X(STW,	 "stw",	   STORE, DIF_VC_STORE)				\
	X(STX,	 "stx",	   STORE, DIF_VC_STORE)				\
	X(LDGS,	 "ldgs",   LDV,	  DIF_VC_VGS)				\
	X(STGS,	 "stgs",   STV,	  DIF_VC_VGS)				\
	X(LDGA,	 "ldga",   LDV,	  DIF_VC_VGA)				\
	X(STGA,	 "stga",   STV,	  DIF_VC_VGA)				\
	X(LDTS,	 "ldts",   LDV,	  DIF_VC_VTS)				\
	X(STTS,	 "stts",   STV,	  DIF_VC_VTS)				\
	X(LDTA,	 "ldta",   LDV,	  DIF_VC_VTA)				\
	X(STTA,	 "stta",   STV,	  DIF_VC_VTA)				\
	X(LDLS,	 "ldls",   LDV,	  DIF_VC_VLS)				\
	X(STLS,	 "stls",   STV,	  DIF_VC_VLS)				\
	X(LDB,	 "ldb",	   LDB,	  DIF_VC_BVAR)				\
	X(LDBA,	 "ldba",   LDBA,  DIF_VC_BVAR)				\
	X(PUSHTV, "pushtv", R,	  DIF_VC_TUPLE)				\
	X(PUSHTS, "pushts", R,	  DIF_VC_TUPLE)				\
	X(PUSHTR, "pushtr", RR2,  DIF_VC_TUPLE)				\
	X(FLUSHT, "flusht", NONE, DIF_VC_TUPLE)				\
	X(CALL,	 "call",   CALL,  DIF_VC_CALL)				\
	X(ALLOC, "alloc",  RR,	  DIF_VC_SCRATCH)			\
	X(COPYS, "copys",  COPY,  DIF_VC_SCRATCH)			\
	X(RET,	 "ret",	   R,	  DIF_VC_RET)

#define DIF_OP_ENUM_(name, mn, fmt, vc) DIF_OP_##name,
enum { DIF_OP_INVALID, DIF_OPCODES(DIF_OP_ENUM_) DIF_OP_COUNT };
#undef DIF_OP_ENUM_

/* ---- Built-in variables (ldb, ldba) ------------------------------------ */

/*
 * X(name, D name, type, array).  Type: DIF_TYPE_INT or DIF_TYPE_STRING
 * (the value is then the address of a string).  The array ones (args[],
 * uregs[], vmregs[]) are read with ldba only, the others with ldb only.
 * Numbered from 1.
 */
#define DIF_BUILTINS(X)							\
	X(ARGS,		"args",		DIF_TYPE_INT,	 1)		\
	X(UREGS,	"uregs",	DIF_TYPE_INT,	 1)		\
	X(VMREGS,	"vmregs",	DIF_TYPE_INT,	 1)		\
	X(ARG0,		"arg0",		DIF_TYPE_INT,	 0)		\
	X(ARG1,		"arg1",		DIF_TYPE_INT,	 0)		\
	X(ARG2,		"arg2",		DIF_TYPE_INT,	 0)		\
	X(ARG3,		"arg3",		DIF_TYPE_INT,	 0)		\
	X(ARG4,		"arg4",		DIF_TYPE_INT,	 0)		\
	X(ARG5,		"arg5",		DIF_TYPE_INT,	 0)		\
	X(ARG6,		"arg6",		DIF_TYPE_INT,	 0)		\
	X(ARG7,		"arg7",		DIF_TYPE_INT,	 0)		\
	X(ARG8,		"arg8",		DIF_TYPE_INT,	 0)		\
	X(ARG9,		"arg9",		DIF_TYPE_INT,	 0)		\
	X(CURTHREAD,	"curthread",	DIF_TYPE_INT,	 0)		\
	X(TIMESTAMP,	"timestamp",	DIF_TYPE_INT,	 0)		\
	X(VTIMESTAMP,	"vtimestamp",	DIF_TYPE_INT,	 0)		\
	X(WALLTIMESTAMP, "walltimestamp", DIF_TYPE_INT,	 0)		\
	X(IPL,		"ipl",		DIF_TYPE_INT,	 0)		\
	X(EPID,		"epid",		DIF_TYPE_INT,	 0)		\
	X(ID,		"id",		DIF_TYPE_INT,	 0)		\
	X(STACKDEPTH,	"stackdepth",	DIF_TYPE_INT,	 0)		\
	X(USTACKDEPTH,	"ustackdepth",	DIF_TYPE_INT,	 0)		\
	X(CALLER,	"caller",	DIF_TYPE_INT,	 0)		\
	X(UCALLER,	"ucaller",	DIF_TYPE_INT,	 0)		\
	X(PROBEPROV,	"probeprov",	DIF_TYPE_STRING, 0)		\
	X(PROBEMOD,	"probemod",	DIF_TYPE_STRING, 0)		\
	X(PROBEFUNC,	"probefunc",	DIF_TYPE_STRING, 0)		\
	X(PROBENAME,	"probename",	DIF_TYPE_STRING, 0)		\
	X(PID,		"pid",		DIF_TYPE_INT,	 0)		\
	X(TID,		"tid",		DIF_TYPE_INT,	 0)		\
	X(PPID,		"ppid",		DIF_TYPE_INT,	 0)		\
	X(UID,		"uid",		DIF_TYPE_INT,	 0)		\
	X(GID,		"gid",		DIF_TYPE_INT,	 0)		\
	X(EXECNAME,	"execname",	DIF_TYPE_STRING, 0)		\
	X(ERRNO,	"errno",	DIF_TYPE_INT,	 0)		\
	X(CPU,		"cpu",		DIF_TYPE_INT,	 0)		\
	X(CURCPU,	"curcpu",	DIF_TYPE_INT,	 0)		\
	X(CHIP,		"chip",		DIF_TYPE_INT,	 0)		\
	X(LGRP,		"lgrp",		DIF_TYPE_INT,	 0)		\
	X(ROOT,		"root",		DIF_TYPE_STRING, 0)		\
	X(CWD,		"cwd",		DIF_TYPE_STRING, 0)		\
	X(ZONENAME,	"zonename",	DIF_TYPE_STRING, 0)

#define DIF_BV_ENUM_(name, dname, type, arr) DIF_BV_##name,
enum { DIF_BV_INVALID, DIF_BUILTINS(DIF_BV_ENUM_) DIF_BV_COUNT };
#undef DIF_BV_ENUM_

/* ---- Subroutines (call) ------------------------------------------------- */

/*
 * X(name, D name, minimum and maximum argument count, flags).  Numbered
 * from 1.  DTrace subroutines with no Linux meaning (mutex_owned,
 * ddi_pathname, msgsize ...) are absent: the compiler rejects them.
 * d_path and getf are those of DTrace for Linux (struct path *, struct
 * file *).
 */
#define DIF_SF_DESTRUCTIVE	0x1	/* needs -w (destructive actions) */
#define DIF_SF_USER		0x2	/* reads or writes user memory */
#define DIF_SF_SCRATCH		0x4	/* result lives in scratch */

#define DIF_SUBRS(X)							\
	X(RAND,		"rand",		0, 0, 0)			\
	X(COPYIN,	"copyin",	2, 2, DIF_SF_USER | DIF_SF_SCRATCH) \
	X(COPYINSTR,	"copyinstr",	1, 2, DIF_SF_USER | DIF_SF_SCRATCH) \
	X(COPYINTO,	"copyinto",	3, 3, DIF_SF_USER)		\
	X(COPYOUT,	"copyout",	3, 3, DIF_SF_USER | DIF_SF_DESTRUCTIVE) \
	X(COPYOUTSTR,	"copyoutstr",	3, 3, DIF_SF_USER | DIF_SF_DESTRUCTIVE) \
	X(SPECULATION,	"speculation",	0, 0, 0)			\
	X(PROGENYOF,	"progenyof",	1, 1, 0)			\
	X(STRLEN,	"strlen",	1, 1, 0)			\
	X(ALLOCA,	"alloca",	1, 1, DIF_SF_SCRATCH)		\
	X(BCOPY,	"bcopy",	3, 3, 0)			\
	X(GETMAJOR,	"getmajor",	1, 1, 0)			\
	X(GETMINOR,	"getminor",	1, 1, 0)			\
	X(STRJOIN,	"strjoin",	2, 2, DIF_SF_SCRATCH)		\
	X(LLTOSTR,	"lltostr",	1, 2, DIF_SF_SCRATCH)		\
	X(BASENAME,	"basename",	1, 1, DIF_SF_SCRATCH)		\
	X(DIRNAME,	"dirname",	1, 1, DIF_SF_SCRATCH)		\
	X(CLEANPATH,	"cleanpath",	1, 1, DIF_SF_SCRATCH)		\
	X(STRCHR,	"strchr",	2, 2, 0)			\
	X(STRRCHR,	"strrchr",	2, 2, 0)			\
	X(STRSTR,	"strstr",	2, 2, 0)			\
	X(STRTOK,	"strtok",	2, 2, DIF_SF_SCRATCH)		\
	X(SUBSTR,	"substr",	2, 3, DIF_SF_SCRATCH)		\
	X(INDEX,	"index",	2, 3, 0)			\
	X(RINDEX,	"rindex",	2, 3, 0)			\
	X(HTONS,	"htons",	1, 1, 0)			\
	X(HTONL,	"htonl",	1, 1, 0)			\
	X(HTONLL,	"htonll",	1, 1, 0)			\
	X(NTOHS,	"ntohs",	1, 1, 0)			\
	X(NTOHL,	"ntohl",	1, 1, 0)			\
	X(NTOHLL,	"ntohll",	1, 1, 0)			\
	X(INET_NTOP,	"inet_ntop",	2, 2, DIF_SF_SCRATCH)		\
	X(INET_NTOA,	"inet_ntoa",	1, 1, DIF_SF_SCRATCH)		\
	X(INET_NTOA6,	"inet_ntoa6",	1, 1, DIF_SF_SCRATCH)		\
	X(TOUPPER,	"toupper",	1, 1, DIF_SF_SCRATCH)		\
	X(TOLOWER,	"tolower",	1, 1, DIF_SF_SCRATCH)		\
	X(STRTOLL,	"strtoll",	1, 2, 0)			\
	X(JSON,		"json",		2, 2, DIF_SF_SCRATCH)		\
	X(MEMREF,	"memref",	2, 2, DIF_SF_SCRATCH)		\
	X(LINK_NTOP,	"link_ntop",	2, 2, DIF_SF_SCRATCH)		\
	X(D_PATH,	"d_path",	1, 1, DIF_SF_SCRATCH)		\
	X(GETF,		"getf",		1, 1, 0)

#define DIF_SUBR_ENUM_(name, dname, mn, mx, fl) DIF_SUBR_##name,
enum { DIF_SUBR_INVALID, DIF_SUBRS(DIF_SUBR_ENUM_) DIF_SUBR_COUNT };
#undef DIF_SUBR_ENUM_

/* ---- Faults ------------------------------------------------------------- */

/*
 * X(name, code, message).  The codes and messages are DTrace's
 * (DTRACEFLT_*), which D scripts see as arg4 of the ERROR probe; KEYSIZE is
 * ours.  Exhausting the dynamic-variable space is not a fault: as in
 * DTrace, the store is dropped and counted ("dynamic variable drops") and
 * the clause goes on.
 */
#define DIF_FAULTS(X)							\
	X(BADADDR,	1,  "invalid address")				\
	X(BADALIGN,	2,  "invalid alignment")			\
	X(ILLOP,	3,  "illegal operation")			\
	X(DIVZERO,	4,  "divide-by-zero")				\
	X(NOSCRATCH,	5,  "out of scratch space")			\
	X(KPRIV,	6,  "invalid kernel access")			\
	X(UPRIV,	7,  "invalid user access")			\
	X(TUPOFLOW,	8,  "tuple stack overflow")			\
	X(BADSTACK,	9,  "bad stack")				\
	X(KEYSIZE,	10, "dynamic variable key too large")

#define DIF_FLT_ENUM_(name, code, msg) DIF_FLT_##name = code,
enum { DIF_FLT_NONE = 0, DIF_FAULTS(DIF_FLT_ENUM_) DIF_FLT_MAX };
#undef DIF_FLT_ENUM_

/* ---- Types and variables ------------------------------------------------ */

/*
 * The type of a value (a variable's or the object's result), in the spirit
 * of DTrace's dtrace_diftype.  INT values live in the register (dt_size 1,
 * 2, 4 or 8, DIF_TF_SIGNED when signed).  STRING and REF values are
 * by-reference: the register holds an address; dt_size is the storage a
 * variable of this type needs (for a string, the strsize at compile time)
 * and the bytes a consumer copies from a returned reference.
 */
#define DIF_TYPE_INT		0
#define DIF_TYPE_STRING		1
#define DIF_TYPE_REF		2

#define DIF_TF_SIGNED		0x1	/* INT: signed */
#define DIF_TF_BYUREF		0x2	/* REF/STRING: points into user memory */

struct dif_type {
	__u8  dt_kind;		/* DIF_TYPE_* */
	__u8  dt_flags;		/* DIF_TF_* */
	__u16 dt_pad;		/* zero */
	__u32 dt_size;		/* bytes */
};

/* Variable scopes and kinds, as in the variable table. */
#define DIF_SCOPE_GLOBAL	0
#define DIF_SCOPE_THREAD	1	/* self-> */
#define DIF_SCOPE_LOCAL		2	/* this-> */

#define DIF_VKIND_SCALAR	0
#define DIF_VKIND_ARRAY		1	/* associative array */

#define DIF_VF_REF		0x1	/* the object reads it */
#define DIF_VF_MOD		0x2	/* the object writes it */

struct dif_var {
	__u32 dv_name;		/* string table offset of the D name */
	__u32 dv_id;		/* variable id, <= DIF_MAX_VARID */
	__u8  dv_scope;		/* DIF_SCOPE_* */
	__u8  dv_kind;		/* DIF_VKIND_* */
	__u16 dv_flags;		/* DIF_VF_* */
	__u32 dv_pad;		/* zero */
	struct dif_type dv_type;
};

/* ---- The serialized DIF object ------------------------------------------ */

/*
 * One DIF object as the compiler embeds it in DOF and the module parses
 * it: a header, then the sections back to back in this order, each
 * starting 8-byte aligned; every count is checked against dh_size and the
 * limits above, and the tail padding must be zero.
 *
 *   +--------------------+  0
 *   | struct dif_hdr     |
 *   +--------------------+  32
 *   | dif_instr_t[ninstr]|
 *   +--------------------+
 *   | __s64[nints]       |  integer table (setx)
 *   +--------------------+
 *   | dif_var[nvars]     |  variable table
 *   +--------------------+
 *   | char[strlen]       |  string table (sets, variable names); its
 *   | zero padding to 8  |  last byte is NUL when strlen > 0
 *   +--------------------+  dh_size
 */
#define DIF_MAGIC		0x31464944U	/* "DIF1" in memory order */

struct dif_hdr {
	__u32 dh_magic;		/* DIF_MAGIC */
	__u32 dh_size;		/* bytes of the whole object */
	__u32 dh_ninstr;
	__u32 dh_nints;
	__u32 dh_nvars;
	__u32 dh_strlen;
	struct dif_type dh_rtype; /* type of the returned value */
};

#define DIF_ALIGN8(n)		(((n) + 7U) & ~7U)
#define DIF_OBJ_SIZE(ninstr, nints, nvars, strlen)			\
	(sizeof(struct dif_hdr) + 8U * (ninstr) + 8U * (nints) +	\
	 sizeof(struct dif_var) * (nvars) + DIF_ALIGN8(strlen))

#ifdef __cplusplus
#define DIF_ABI_ASSERT(c, m) static_assert(c, m)
#else
#define DIF_ABI_ASSERT(c, m) _Static_assert(c, m)
#endif
DIF_ABI_ASSERT(sizeof(struct dif_type) == 8, "dif_type is 8 bytes");
DIF_ABI_ASSERT(sizeof(struct dif_var) == 24, "dif_var is 24 bytes");
DIF_ABI_ASSERT(sizeof(struct dif_hdr) == 32, "dif_hdr is 32 bytes");
DIF_ABI_ASSERT(DIF_OP_COUNT <= 256, "opcodes fit in 8 bits");

#endif /* DTRACE_DIF_H */
