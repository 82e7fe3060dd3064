// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The DIF builder and the object parser: what the builder emits parses
 * back to the same instructions and tables; labels resolve forward only;
 * a damaged serialized object is refused by the right check.
 */
#include <stdlib.h>
#include "dif/dif_emit.h"
#include "tap.h"

static const struct dif_type t_int = { DIF_TYPE_INT, DIF_TF_SIGNED, 0, 8 };
static const struct dif_type t_str = { DIF_TYPE_STRING, 0, 0, 256 };

static void test_roundtrip(void)
{
	struct dif_builder *b = dif_builder_new();
	struct dif_object obj;
	struct dif_error err;
	dif_label_t l;
	void *blob;
	size_t size;
	int s1, s2;

	l = dif_label_new(b);
	dif_emit(b, DIF_OP_LDB, 1, 0, 0, DIF_BV_PID);
	dif_emit_branch(b, DIF_OP_BZ, 1, 0, l);
	dif_emit_const(b, 2, 5);
	dif_emit_const(b, 3, 0x123456789LL);
	dif_emit_const(b, 4, 0x123456789LL);
	s1 = dif_intern_str(b, "hello");
	s2 = dif_intern_str(b, "hello");
	dif_emit_string(b, 5, "world");
	dif_declare_var(b, "x", 7, DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR,
			DIF_VF_REF, &t_int);
	dif_declare_var(b, "x", 7, DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR,
			DIF_VF_MOD, &t_int);
	dif_set_rtype(b, &t_str);
	dif_label_place(b, l);
	dif_emit(b, DIF_OP_RET, 0, 1, 0, 0);
	is_int(dif_builder_finish(b, &blob, &size), 0, "finish succeeds");
	is_int(s1, s2, "strings are interned once");
	dif_builder_free(b);

	is_int(dif_object_parse(&obj, blob, size, &err), 0, "blob parses");
	is_int(obj.do_ninstr, 7, "7 instructions");
	is_int(DIF_INSTR_IMM(obj.do_instr[1]), 6, "branch resolved to ret");
	is_int(DIF_INSTR_OP(obj.do_instr[2]), DIF_OP_MOVI, "small const is movi");
	is_int(DIF_INSTR_OP(obj.do_instr[3]), DIF_OP_SETX, "large const is setx");
	is_int(obj.do_nints, 1, "integer table deduplicated");
	is_int(obj.do_ints[0], 0x123456789LL, "integer table value");
	is_int(obj.do_nvars, 1, "one variable");
	is_int(obj.do_vars[0].dv_flags, DIF_VF_REF | DIF_VF_MOD, "flags merged");
	is_str(dif_object_str(&obj, obj.do_vars[0].dv_name), "x", "var name");
	is_str(dif_object_str(&obj, (uint32_t)DIF_INSTR_IMM(obj.do_instr[5])),
	       "world", "sets offset");
	is_int(obj.do_rtype.dt_kind, DIF_TYPE_STRING, "return type kept");
	is_int(size % 8, 0, "size is a multiple of 8");

	/* Damage: each must be refused by its own check. */
	{
		char *c = malloc(size);
		struct dif_hdr *h = (struct dif_hdr *)c;

		memcpy(c, blob, size);
		h->dh_magic ^= 1;
		dif_object_parse(&obj, c, size, &err);
		is_int(err.de_check, DIF_CHK_MAGIC, "bad magic refused");
		memcpy(c, blob, size);
		is_int(dif_object_parse(&obj, c, size - 8, &err), -1, "truncated");
		is_int(err.de_check, DIF_CHK_SIZE, "truncated: size check");
		h->dh_ninstr = 0xffffffff;
		dif_object_parse(&obj, c, size, &err);
		is_int(err.de_check, DIF_CHK_LIMIT, "huge count: limit check");
		memcpy(c, blob, size);
		c[size - 1] = 'x';
		dif_object_parse(&obj, c, size, &err);
		is_int(err.de_check, DIF_CHK_PADDING, "padding must be zero");
		memcpy(c, blob, size);
		h->dh_rtype.dt_size = 3;
		h->dh_rtype.dt_kind = DIF_TYPE_INT;
		dif_object_parse(&obj, c, size, &err);
		is_int(err.de_check, DIF_CHK_TYPE, "int of 3 bytes refused");
		memcpy(c, blob, size);
		dif_object_parse(&obj, c + 1, size - 1, &err);
		is_int(err.de_check, DIF_CHK_HEADER, "misaligned refused");
		free(c);
	}
	free(blob);
}

static void test_errors(void)
{
	struct dif_builder *b = dif_builder_new();
	dif_label_t l;
	void *blob;
	size_t size;

	l = dif_label_new(b);
	dif_label_place(b, l);
	dif_emit(b, DIF_OP_NOP, 0, 0, 0, 0);
	is_int(dif_emit_branch(b, DIF_OP_BA, 0, 0, l), -1, "backward refused");
	is_int(dif_emit(b, DIF_OP_RET, 0, 0, 0, 0), -1, "errors are sticky");
	is_int(dif_builder_finish(b, &blob, &size), -1, "finish fails");
	ok(strstr(dif_builder_errmsg(b), "backward") != NULL,
	   "message: %s", dif_builder_errmsg(b));
	dif_builder_free(b);

	b = dif_builder_new();
	l = dif_label_new(b);
	dif_emit_branch(b, DIF_OP_BA, 0, 0, l);
	dif_emit(b, DIF_OP_RET, 0, 0, 0, 0);
	is_int(dif_builder_finish(b, &blob, &size), -1, "unplaced label");
	dif_builder_free(b);

	b = dif_builder_new();
	dif_declare_var(b, "x", 1, DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR, 0,
			&t_int);
	dif_declare_var(b, "x", 1, DIF_SCOPE_THREAD, DIF_VKIND_SCALAR, 0,
			&t_int);
	dif_emit(b, DIF_OP_RET, 0, 0, 0, 0);
	is_int(dif_builder_finish(b, &blob, &size), -1, "conflicting var");
	dif_builder_free(b);
}

int main(void)
{
	test_roundtrip();
	test_errors();
	return tap_done();
}
