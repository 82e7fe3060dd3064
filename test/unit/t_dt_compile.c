// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The D compiler's messages, word for word: what `dtrace -n` and
 * `dtrace -s` print after "dtrace: " must be DTrace's, with the error tag
 * where -xerrtags puts it; and options through dtrace_setopt/getopt.
 */
#include <stdlib.h>
#include <string.h>

#include "dtrace.h"
#include "tap.h"

static dtrace_hdl_t *dtp;

/* Compile text as -n does; return NULL on success, else the message. */
static const char *compile_n(const char *text, int argc, char *const argv[])
{
	dtrace_prog_t *pgp = dtrace_program_strcompile(dtp, text,
			DTRACE_PROBESPEC_NAME, 0, argc, argv);

	if (pgp) {
		dtrace_program_destroy(dtp, pgp);
		return NULL;
	}
	return dtrace_errmsg(dtp, dtrace_errno(dtp));
}

static const char *compile_s(const char *text)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	dtrace_prog_t *pgp = dtrace_program_fcompile(dtp, fp, "t.d", 0, 0,
						      NULL);

	fclose(fp);
	if (pgp) {
		dtrace_program_destroy(dtp, pgp);
		return NULL;
	}
	return dtrace_errmsg(dtp, dtrace_errno(dtp));
}

int main(void)
{
	char *argv[] = { "t.d", "42", "execname" };
	int64_t v;
	int err;

	dtp = dtrace_open(DTRACE_O_NODEV, &err);
	ok(dtp != NULL, "open without the module");

	ok(compile_n("BEGIN { trace(1); }", 0, NULL) == NULL, "-n compiles");
	is_str(compile_n("BEGIN { x = ; }", 0, NULL),
	       "invalid probe specifier BEGIN { x = ; }: syntax error near \";\"",
	       "-n syntax error, no line number");
	is_str(compile_s("BEGIN\n{\n\tx = ;\n}\n"),
	       "failed to compile script t.d: line 3: syntax error near \";\"",
	       "-s syntax error with its line");
	is_str(compile_s("BEGIN {\n"),
	       "failed to compile script t.d: line 2: syntax error near end "
	       "of input", "end of input");
	is_str(compile_n("foo:::bar { }", 0, NULL),
	       "invalid probe specifier foo:::bar { }: probe description "
	       "foo:::bar does not match any probes", "D_PDESC_ZERO wording");
	is_str(compile_n("blah", 0, NULL),
	       "invalid probe specifier blah: probe description :::blah does "
	       "not match any probes", "a bare word is a probe name");
	is_str(compile_n("BEGIN { trace(x); }", 0, NULL),
	       "invalid probe specifier BEGIN { trace(x); }: failed to resolve "
	       "x: Unknown variable name", "D_IDENT_UNDEF wording");
	is_str(compile_n("BEGIN { trace(1, 2); }", 0, NULL),
	       "invalid probe specifier BEGIN { trace(1, 2); }: trace( ) "
	       "prototype mismatch: 2 args passed, 1 expected",
	       "D_PROTO_LEN wording");
	is_str(compile_n("BEGIN { speculate(1); speculate(2); }", 0, NULL),
	       "invalid probe specifier BEGIN { speculate(1); speculate(2); }: "
	       "speculate( ) may not follow speculate( )", "D_SPEC_SPEC wording");
	ok(compile_n("BEGIN { trace($1 + 1); trace($2); }", 3, argv) == NULL,
	   "$1 is an integer, $2 an identifier");
	is_str(compile_n("BEGIN { trace($1); }", 3, argv),
	       "invalid probe specifier BEGIN { trace($1); }: extraneous "
	       "argument 'execname' ($2 is not referenced)", "D_MACRO_UNUSED");
	is_str(compile_n("BEGIN { trace($3); }", 1, argv),
	       "invalid probe specifier BEGIN { trace($3); }: macro argument "
	       "$3 is not defined", "D_MACRO_UNDEF");

	ok(dtrace_setopt(dtp, "errtags", NULL) == 0, "set errtags");
	is_str(compile_s("BEGIN\n{\n\tx = ;\n}\n"),
	       "failed to compile script t.d: [D_SYNTAX] line 3: syntax error "
	       "near \";\"", "the tag goes before the line");

	ok(dtrace_setopt(dtp, "nosuchoption", NULL) == -1 &&
	   dtrace_errno(dtp) == DTRACE_EBADOPTNAME, "unknown option refused");
	is_str(dtrace_errmsg(dtp, dtrace_errno(dtp)), "Invalid option name",
	       "unknown option message");
	ok(dtrace_setopt(dtp, "bufsize", "lots") == -1 &&
	   dtrace_errno(dtp) == DTRACE_EBADOPTVAL, "bad size refused");
	ok(dtrace_setopt(dtp, "bufsize", "8m") == 0 &&
	   dtrace_getopt(dtp, "bufsize", &v) == 0 && v == 8 << 20,
	   "bufsize=8m is 8 MiB");
	ok(dtrace_setopt(dtp, "switchrate", "10hz") == 0 &&
	   dtrace_getopt(dtp, "switchrate", &v) == 0 && v == 100000000,
	   "switchrate=10hz is 100 ms");
	ok(dtrace_setopt(dtp, "cleanrate", "5ms") == 0 &&
	   dtrace_getopt(dtp, "cleanrate", &v) == 0 && v == 5000000,
	   "cleanrate=5ms");
	ok(dtrace_setopt(dtp, "bufpolicy", "ring") == 0 &&
	   dtrace_getopt(dtp, "bufpolicy", &v) == 0 && v == 2,
	   "bufpolicy=ring");
	ok(dtrace_setopt(dtp, "quiet", "yes") == 0 &&
	   dtrace_getopt(dtp, "quiet", &v) == 0 && v > 0,
	   "quiet=yes, as DTrace takes it");
	ok(dtrace_setopt(dtp, "quiet", "sometimes") == -1,
	   "quiet takes no other word");
	ok(dtrace_getopt(dtp, "strsize", &v) == 0 && v == 256,
	   "strsize defaults to 256");

	dtrace_close(dtp);
	return tap_done();
}
