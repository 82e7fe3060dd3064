// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Code generation, checked by running it: each program is compiled, and
 * its statements are run in order on the DIF test host (predicate, then
 * the actions' objects), as the module runs them for one probe firing;
 * the values trace() records must be what D says: C precedence, signed
 * arithmetic, short-circuit && and ||, ^^, ?:, casts, string compares,
 * subroutines, if/else segments.
 */
#include <stdlib.h>
#include <string.h>

#include <dtrace/dof.h>
#include "dif/dif_obj.h"
#include "dif/dif_testhost.h"
#include "dif/dif_vm.h"
#include "dt_cc.h"
#include "tap.h"

static dtrace_hdl_t *dtp;

static uint64_t run(struct dif_testhost *th, dtrace_prog_t *pgp, int d)
{
	struct dif_object obj;
	struct dif_error err;

	if (dif_object_parse(&obj, pgp->dp_difos.v[d].dd_blob,
			     pgp->dp_difos.v[d].dd_size, &err) != 0)
		return (uint64_t)-999;
	return dif_testhost_run(th, &obj, false);
}

/* Compile and run; the traced values, comma-separated, or the error. */
static const char *trace_of(const char *prog)
{
	static char out[512];
	dtrace_prog_t *pgp = dtrace_program_strcompile(dtp, prog,
			DTRACE_PROBESPEC_NAME, 0, 0, NULL);
	struct dif_testhost *th;
	int s, a;

	if (!pgp)
		return dtrace_errmsg(dtp, dtrace_errno(dtp));
	th = dif_testhost_new(4096, 256, 1 << 20, 1024, 1);
	th->th_bv[DIF_BV_PID] = 42;
	out[0] = '\0';
	for (s = 0; s < pgp->dp_stmts.n; s++) {
		const dt_stmt_t *st = &pgp->dp_stmts.v[s];

		dif_testhost_clause(th);
		if (st->ds_pred >= 0 && run(th, pgp, st->ds_pred) == 0)
			continue;
		for (a = 0; a < st->ds_act_count; a++) {
			const dt_act_t *ap = &pgp->dp_acts.v[st->ds_act_first + a];
			uint64_t v;

			if (ap->da_difo < 0)
				continue;
			v = run(th, pgp, ap->da_difo);
			if (th->th_ms.ms_fault)
				snprintf(out + strlen(out), sizeof(out) -
					 strlen(out), "fault%d,",
					 th->th_ms.ms_fault);
			else if (ap->da_kind == DTRACE_DOFACT_TRACE &&
				 ap->da_rec >= 0)
				snprintf(out + strlen(out), sizeof(out) -
					 strlen(out), "%lld,", (long long)v);
		}
	}
	if (out[0])
		out[strlen(out) - 1] = '\0';
	dif_testhost_free(th);
	dtrace_program_destroy(dtp, pgp);
	return out;
}

/* How the program pushes tuples: "pushts N pushtv M" over its objects. */
static const char *pushes_of(const char *prog)
{
	static char out[64];
	dtrace_prog_t *pgp = dtrace_program_strcompile(dtp, prog,
			DTRACE_PROBESPEC_NAME, 0, 0, NULL);
	struct dif_object obj;
	struct dif_error err;
	unsigned ts = 0, tv = 0;
	int d;
	uint32_t i;

	if (!pgp)
		return dtrace_errmsg(dtp, dtrace_errno(dtp));
	for (d = 0; d < pgp->dp_difos.n; d++) {
		if (dif_object_parse(&obj, pgp->dp_difos.v[d].dd_blob,
				     pgp->dp_difos.v[d].dd_size, &err) != 0)
			return "(unparsable)";
		for (i = 0; i < obj.do_ninstr; i++) {
			ts += DIF_INSTR_OP(obj.do_instr[i]) == DIF_OP_PUSHTS;
			tv += DIF_INSTR_OP(obj.do_instr[i]) == DIF_OP_PUSHTV;
		}
	}
	dtrace_program_destroy(dtp, pgp);
	snprintf(out, sizeof(out), "pushts %u pushtv %u", ts, tv);
	return out;
}

#define EXPR(e, want) do {						\
	char p_[256];							\
	snprintf(p_, sizeof(p_), "BEGIN { a = 7; b = -3; s = \"abc\"; "	\
		 "trace(%s); }", e);					\
	is_str(trace_of(p_), want, "%s is %s", e, want);		\
} while (0)

/* Programs with variables held by value, and what they trace. */
#define FOO(n) "struct " #n " { int a; long b; }; "
static const struct {
	const char *prog, *want, *what;
} byval[] = {
	{ FOO(f1) "struct f1 x; BEGIN { x.a = 3; x.b = 40; trace(x.a + x.b); }",
	  "43", "a struct global: members stored and read" },
	{ FOO(f2) "struct f2 x; BEGIN { x.a = 3; y = x; x.a = 5; trace(y.a); "
	  "trace(x.a); }", "3,5", "assigning a struct copies it" },
	{ FOO(f3) "struct f3 x; BEGIN { x.a = 9; y = *(struct f3 *)&x.a; "
	  "trace(y.a); }", "9", "a struct copied from memory by *p" },
	{ FOO(f4) "self struct f4 s; BEGIN { self->s.a = 7; self->s.b++; "
	  "self->s.b += 2; trace(self->s.a * 10 + self->s.b); }", "73",
	  "a thread-local struct: created by a member store, ++, +=" },
	{ FOO(f5) "this struct f5 t; BEGIN { this->t.a = 2; this->u = this->t; "
	  "trace(this->u.a); }", "2", "clause-local structs" },
	{ FOO(f6) "struct f6 a[int]; BEGIN { a[1].a = 4; a[2] = a[1]; "
	  "a[2].b = 6; trace(a[2].a + a[2].b); trace(a[1].b); }", "10,0",
	  "an associative array of structs" },
	{ "int arr[5]; BEGIN { arr[1] = 9; i = 4; arr[i] = arr[1] + 1; "
	  "trace(arr[4]); trace(arr[0]); trace(sizeof (arr)); }", "10,0,20",
	  "a scalar array global" },
	{ "struct bf { unsigned int lo : 3, mid : 5, hi : 24; }; struct bf z; "
	  "BEGIN { z.mid = 31; z.lo = 5; z.hi = 0x123456; z.mid--; "
	  "trace(z.lo); trace(z.mid); trace(z.hi); }", "5,30,1193046",
	  "bit-field members stored without touching their neighbours" },
	{ "union u { int i; char c[4]; }; union u w; "
	  "BEGIN { w.i = 0x01020304; trace(w.c[0]); }", "4", "a union global" },
	{ FOO(f7) "struct outer { int n; struct f7 f[2]; }; struct outer o; "
	  "BEGIN { i = 1; o.f[i].b = 8; o.f[0] = o.f[1]; trace(o.f[0].b); }",
	  "8", "nested members and elements, a struct member copied" },
	{ FOO(f8) "struct f8 x; BEGIN { x.a = 2; k[x.a] = 5; trace(k[2]); }",
	  "5", "a member as a key" },
	{ "BEGIN { p[1] = (int *)alloca(8); trace(*p[1] + 3); }", "3",
	  "an associative array of pointers is not indexed as C's" },
	{ FOO(f9) "struct f9 x; BEGIN { trace(x = 1); }",
	  "invalid probe specifier " FOO(f9) "struct f9 x; BEGIN { trace(x "
	  "= 1); }: operands have incompatible types: \"struct f9\" = \"int\"",
	  "an int is not a struct" },
};

int main(void)
{
	size_t i;
	int err;

	dtp = dtrace_open(DTRACE_O_NODEV, &err);

	EXPR("a + b * 2", "1");
	EXPR("(a + b) * 2", "8");
	EXPR("a / b", "-2");
	EXPR("a % b", "1");
	EXPR("a << 2", "28");
	EXPR("b >> 1", "-2");
	EXPR("a > b", "1");
	EXPR("a <= b", "0");
	EXPR("a == 7 && b == -3", "1");
	EXPR("a == 0 || b == -3", "1");
	EXPR("a ^^ b", "0");
	EXPR("!a", "0");
	EXPR("~a", "-8");
	EXPR("-a", "-7");
	EXPR("a ? b : 5", "-3");
	EXPR("a & 3 | 8", "11");
	EXPR("a ^ 5", "2");
	EXPR("(unsigned char)b", "253");
	EXPR("(char)(a + 250)", "1");
	EXPR("(short)(a * 10000)", "4464");
	EXPR("b == -3 || 1 / (b + 3)", "1");
	EXPR("b != -3 && 1 / (b + 3)", "0");
	EXPR("s == \"abc\"", "1");
	EXPR("s != \"abd\"", "1");
	EXPR("s < \"abd\"", "1");
	EXPR("strlen(s)", "3");
	EXPR("strlen(strjoin(s, strjoin(s, \"de\")))", "8");
	EXPR("index(strjoin(s, s), \"ca\")", "2");
	EXPR("link_ntop(1, alloca(6)) == \"00:00:00:00:00:00\"", "1");
	is_str(pushes_of("BEGIN { s = \"abc\"; trace(strjoin(s, \"x\")); }"),
	       "pushts 0 pushtv 2", "string arguments of subroutines are "
	       "pushed by reference (pushtv)");
	is_str(pushes_of("BEGIN { k[\"a\", 1] = 1; trace(k[\"a\", 1]); }"),
	       "pushts 2 pushtv 2", "string keys of arrays are copied (pushts)");
	EXPR("pid + 1", "43");
	EXPR("a++ + a", "15");
	EXPR("(a += 3, a)", "10");
	EXPR("1 + 2 * 3 << 1", "14");
	EXPR("a / (b + 3)", "fault4");

	is_str(trace_of("BEGIN { a = 7; if (a > 5) trace(1); else trace(2); "
			"trace(3); }"), "1,3", "if: the then branch");
	is_str(trace_of("BEGIN { a = 1; if (a > 5) trace(1); else trace(2); "
			"trace(3); }"), "2,3", "if: the else branch");
	is_str(trace_of("BEGIN { a = 7; if (a > 5) { trace(1); if (a > 6) "
			"trace(2); else trace(9); trace(3); } trace(4); }"),
	       "1,2,3,4", "nested if");
	is_str(trace_of("BEGIN /pid == 1/ { trace(1); if (1) trace(2); "
			"trace(3); }"), "", "a false predicate skips every "
	       "segment");
	is_str(trace_of("BEGIN /x++ == 0/ { if (1) trace(2); trace(3); }"),
	       "invalid probe specifier BEGIN /x++ == 0/ { if (1) trace(2); "
	       "trace(3); }: failed to resolve x: Unknown variable name",
	       "x must exist before it is read");
	is_str(trace_of("BEGIN { x = 0; } BEGIN /x++ == 0/ { if (1) "
			"trace(2); trace(3); }"), "2,3",
	       "the predicate runs once even when it changes state");
	is_str(trace_of("BEGIN { self->a[1, \"k\"] = 5; this->t = 2; "
			"trace(self->a[1, \"k\"] * this->t); }"), "10",
	       "thread-local arrays with tuple keys, clause-locals");

	/* Variables holding structs, unions and arrays by value. */
	for (i = 0; i < sizeof(byval) / sizeof(byval[0]); i++)
		is_str(trace_of(byval[i].prog), byval[i].want, "%s",
		       byval[i].what);

	dtrace_close(dtp);
	return tap_done();
}
