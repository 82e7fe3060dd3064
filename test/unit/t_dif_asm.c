// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Assembler and disassembler: a program with every opcode (generated from
 * the opcode table, so a new opcode is covered the day it is added)
 * assembles, verifies, and survives disassemble-reassemble byte for byte;
 * the `dtrace -S` listing shows what it should; bad input is refused with
 * the line number.
 */
#include <stdio.h>
#include "t_dif.h"

static const char *t_operand(unsigned int op, char c)
{
	const struct dif_fmtinfo *f = &dif_fmtinfo[dif_opinfo[op].oi_fmt];

	switch (c) {
	case 'd':
		return "%r1";
	case '1':
		return "%r2";
	case '2':
		return "%r3";
	}
	switch (f->fi_imm) {
	case DIF_I_SIMM:
		return "-8";
	case DIF_I_TARGET:
		return "end";
	case DIF_I_INT:
		return "123456789012";
	case DIF_I_STR:
		return "\"tab\\there \\\"q\\\" \\001\"";
	case DIF_I_BVAR:
		return op == DIF_OP_LDBA ? "args" : "execname";
	case DIF_I_SUBR:
		return "strlen";
	case DIF_I_SIZE:
		return "16";
	case DIF_I_VAR:
		switch (dif_opinfo[op].oi_class) {
		case DIF_VC_VGS: return "g";
		case DIF_VC_VGA: return "ga";
		case DIF_VC_VTS: return "t";
		case DIF_VC_VTA: return "ta";
		default: return "l";
		}
	}
	return "?";
}

static char *t_every_opcode(void)
{
	static char src[16384];
	size_t n;
	unsigned int op;
	const char *t;

	n = (size_t)snprintf(src, sizeof(src),
			     ".rtype string:128\n"
			     ".var g 1 global scalar int64 rw\n"
			     ".var ga 2 global array uint32 r\n"
			     ".var t 3 thread scalar ref:24 w\n"
			     ".var ta 4 thread array ustring:64\n"
			     ".var l 5 local scalar int8 rw\n");
	for (op = 1; op < DIF_OP_COUNT; op++) {
		n += (size_t)snprintf(src + n, sizeof(src) - n, "\t%s ",
				      dif_opinfo[op].oi_name);
		for (t = dif_fmtinfo[dif_opinfo[op].oi_fmt].fi_syntax; *t; t++) {
			if (strchr("d12i", *t))
				n += (size_t)snprintf(src + n, sizeof(src) - n, "%s",
						      t_operand(op, *t));
			else if (*t == '+' && t[1] == 'i')
				;	/* "-8" carries its sign */
			else
				src[n++] = *t;
		}
		src[n++] = '\n';
	}
	snprintf(src + n, sizeof(src) - n, "end:\tret %%r1\n");
	return src;
}

static void test_roundtrip(void)
{
	char *src = t_every_opcode(), *text = NULL, err[256];
	struct dif_object obj;
	struct dif_error e;
	size_t size, size2, len;
	void *blob, *blob2;
	FILE *fp;

	blob = t_asm(src, &size);
	is_int(dif_object_parse(&obj, blob, size, &e), 0, "every-opcode program parses");
	is_int(obj.do_ninstr, DIF_OP_COUNT, "one instruction per opcode, plus ret");
	is_int(dif_verify(&obj, DIF_PRIV_ALL, &e), 0, "and verifies (%s at %d)",
	       dif_check_name(e.de_check), e.de_pc);
	fp = open_memstream(&text, &len);
	dif_disasm(fp, &obj, DIF_DIS_SOURCE);
	fclose(fp);
	is_int(dif_asm(text, &blob2, &size2, err, sizeof(err)), 0,
	       "disassembly reassembles (%s)", err);
	ok(size == size2 && memcmp(blob, blob2, size) == 0,
	   "disassemble + reassemble is the identity");
	free(text);
	free(blob2);

	fp = open_memstream(&text, &len);
	dif_disasm(fp, &obj, 0);
	fclose(fp);
	ok(strstr(text, "DIFO returns string:128") != NULL, "listing: return type");
	ok(strstr(text, "ldx     %r1, [%r2-8]") != NULL, "listing: load with offset");
	ok(strstr(text, "ldba    %r1, args[%r2]") != NULL, "listing: ldba");
	ok(strstr(text, "call    %r1, strlen") != NULL, "listing: call by name");
	ok(strstr(text, "ldgs    %r1, g") != NULL, "listing: variable by name");
	ok(strstr(text, "setx    %r1, 123456789012") != NULL, "listing: setx shows the value");
	ok(strstr(text, "ta               4     thread array  ustring:64") != NULL,
	   "listing: variable table");
	free(text);
	free(blob);
}

/* One name in two scopes (a global ts and self->ts), as D allows. */
static void test_names(void)
{
	const char *src = ".var ts 1 global scalar int64 rw\n"
			  ".var ts 2 thread scalar int64 rw\n"
			  ".var ts 3 thread scalar int64 rw\n"
			  "ldgs %r1, ts\nldts %r2, 2\nldts %r3, 3\nret %r1\n";
	struct dif_object obj;
	struct dif_error e;
	char *text = NULL;
	size_t size, len;
	void *blob = t_asm(src, &size);
	FILE *fp;

	dif_object_parse(&obj, blob, size, &e);
	is_int(DIF_INSTR_IMM(obj.do_instr[0]), 1, "ldgs ts is the global ts");
	fp = open_memstream(&text, &len);
	dif_disasm(fp, &obj, DIF_DIS_SOURCE);
	fclose(fp);
	ok(strstr(text, "ldgs    %r1, ts\n") != NULL, "a unique name is printed");
	ok(strstr(text, "ldts    %r2, 2\n") != NULL,
	   "an ambiguous one (two self->ts) is printed as its id");
	free(text);
	free(blob);
}

static void t_bad(const char *src, const char *want)
{
	char err[256];
	size_t size;
	void *blob;

	ok(dif_asm(src, &blob, &size, err, sizeof(err)) == -1 &&
	   strstr(err, want) != NULL, "refused: %s", err);
}

static void test_errors(void)
{
	t_bad("ret %r1\nfrob %r1\n", "line 2: unknown mnemonic 'frob'");
	t_bad("add %r1, %r2\n", "line 1: expected ','");
	t_bad("add %r1, %r2, %x3\n", "expected a register");
	t_bad("ldgs %r1, nosuch\n", "undeclared variable 'nosuch'");
	t_bad("ldb %r1, nosuch\n", "unknown built-in variable 'nosuch'");
	t_bad("call %r1, mutex_owned\n", "unknown subroutine 'mutex_owned'");
	t_bad("x: ba x\nret %r0\n", "backward branch");
	t_bad("ba nowhere\nret %r0\n", "never placed");
	t_bad("sets %r1, \"abc\nret %r1\n", "line 1: unterminated string");
	t_bad("ret %r1 junk\n", "junk after the operands");
	t_bad(".var x 1 galactic scalar int64\n", "unexpected 'galactic'");
	t_bad(".var x 1 global scalar int7\n", "unknown type 'int7'");
	t_bad(".frob\n", "unknown directive .frob");
	t_bad(".var x 1 global scalar int64\n.var x 1 thread scalar int64\n",
	      "declared twice differently");
}

int main(void)
{
	test_roundtrip();
	test_names();
	test_errors();
	return tap_done();
}
