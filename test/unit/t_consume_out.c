// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Pure consumer logic behind t-core-output: user symbolization of this
 * very process (libtrace/dt_usym.c: a function, an offset into it, its
 * object, an unmapped address, a gone process), boolean option values
 * as DTrace takes them (quiet=no, setopt("quiet", "on")), and printf
 * formatting into a string (system(), freopen()) with a %@ value that
 * prints itself (a quantization's histogram).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libtrace/dt_usym.h"
#include "libtrace/dt_printf.h"
#include "tap.h"

__attribute__((noinline)) int t_consume_out_target(int x);

__attribute__((noinline)) int t_consume_out_target(int x)
{
	volatile int y = x;

	y = y * 3 + 1;
	return y;
}

static int t_hist(FILE *fp, const struct dt_pfval *v)
{
	(void)v;
	return fprintf(fp, "[hist]");
}

int main(void)
{
	uint64_t fn = (uint64_t)(uintptr_t)&t_consume_out_target;
	char buf[512], want[512];
	struct dt_pfval vals[2], agg[2];
	struct dt_pfv *pfv;
	dtrace_hdl_t *dtp;
	int64_t v;
	char *s = NULL;
	int err;

	dt_usym_sym(getpid(), fn + 2, buf, sizeof(buf));
	is_str(buf, "t_consume_out`t_consume_out_target", "usym() of an address inside a function");
	dt_usym_addr(getpid(), fn + 2, buf, sizeof(buf));
	is_str(buf, "t_consume_out`t_consume_out_target+0x2", "uaddr() with the offset");
	dt_usym_addr(getpid(), fn, buf, sizeof(buf));
	is_str(buf, "t_consume_out`t_consume_out_target", "uaddr() at the start: no +0x0");
	dt_usym_mod(getpid(), fn, buf, sizeof(buf));
	is_str(buf, "t_consume_out", "umod(): the object's base name");
	dt_usym_addr(getpid(), 16, buf, sizeof(buf));
	is_str(buf, "0x10", "an unmapped address in hex");
	dt_usym_mod(0, fn, buf, sizeof(buf));
	snprintf(want, sizeof(want), "0x%llx", (unsigned long long)fn);
	is_str(buf, want, "no process: the address in hex");

	dtp = dtrace_open(DTRACE_O_NODEV, &err);
	ok(dtp != NULL, "a handle without the module");
	if (!dtp)
		return tap_done();
	ok(dtrace_setopt(dtp, "quiet", NULL) == 0 &&
	   dtrace_getopt(dtp, "quiet", &v) == 0 && v > 0, "quiet by name is on");
	ok(dtrace_setopt(dtp, "quiet", "no") == 0 &&
	   dtrace_getopt(dtp, "quiet", &v) == 0 && v <= 0, "quiet=no is off");
	ok(dtrace_setopt(dtp, "flowindent", "on") == 0 &&
	   dtrace_getopt(dtp, "flowindent", &v) == 0 && v > 0, "flowindent=on is on");
	ok(dtrace_setopt(dtp, "rawbytes", "0") == 0 &&
	   dtrace_getopt(dtp, "rawbytes", &v) == 0 && v <= 0, "rawbytes=0 is off");
	ok(dtrace_setopt(dtp, "quiet", "maybe") != 0, "quiet=maybe is refused");

	pfv = dt_printf_parse(dtp, "echo %d %s > %@d");
	ok(pfv != NULL, "a system()-like format parses");
	if (pfv) {
		int64_t n = 42;

		memset(vals, 0, sizeof(vals));
		memset(agg, 0, sizeof(agg));
		vals[0].pv_addr = &n;
		vals[0].pv_size = 8;
		vals[0].pv_flags = DT_PFVAL_SIGNED;
		vals[1].pv_addr = "file";
		vals[1].pv_size = 4;
		agg[0].pv_print = t_hist;
		ok(dt_printf_string(dtp, &s, pfv, vals, 2) < 0,
		   "%%@ without an aggregation is a mismatch");
		free(s);
		s = NULL;
		{
			size_t len = 0;
			FILE *fp = open_memstream(&s, &len);
			int n = fp ? dt_printf_format(dtp, fp, pfv, vals, 2, agg) : -1;

			if (fp)
				fclose(fp);
			ok(n == 2 && s && strcmp(s, "echo 42 file > [hist]") == 0,
			   "%%@ prints through the value's own printer");
			free(s);
			s = NULL;
		}
		dt_printf_destroy(pfv);
	}
	pfv = dt_printf_parse(dtp, "/tmp/out.%d.%s");
	if (pfv) {
		int32_t n = 7;

		memset(vals, 0, sizeof(vals));
		vals[0].pv_addr = &n;
		vals[0].pv_size = 4;
		vals[0].pv_flags = DT_PFVAL_SIGNED;
		vals[1].pv_addr = "log";
		vals[1].pv_size = 3;
		err = dt_printf_string(dtp, &s, pfv, vals, 2);
		ok(err == 2 && s && strcmp(s, "/tmp/out.7.log") == 0,
		   "a freopen() name formats into a string");
		free(s);
		dt_printf_destroy(pfv);
	}
	dtrace_close(dtp);
	return tap_done();
}
