// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Kernel symbolization (libtrace/dt_ksym.c) against a small kallsyms
 * file: DTrace's `module`function+0xoff` spellings, offset 0 without
 * "+0x0", module symbols, aliases resolved to the global text symbol,
 * __pfx_ padding never chosen, unknown addresses in hex.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libtrace/dt_ksym.h"
#include "tap.h"

static const char kallsyms[] =
	"ffffffff81000000 T _stext\n"
	"ffffffff81000ff0 t __pfx_vfs_read\n"
	"ffffffff81001000 t alias_of_vfs_read\n"
	"ffffffff81001000 T vfs_read\n"
	"ffffffff81001200 T ksys_read\n"
	"ffffffff81001400 d some_data\n"
	"0000000000000000 A fixed_percpu_data\n"
	"ffffffffc0001000 t ovl_open\t[overlay]\n"
	"ffffffffc0001100 t ovl_read_iter\t[overlay]\n";

static void expect(const char *what, const char *got, const char *want)
{
	ok(strcmp(got, want) == 0, "%s: \"%s\" (want \"%s\")", what, got, want);
}

int main(void)
{
	char path[] = "/tmp/t_ksym.XXXXXX", buf[128];
	dt_ksyms_t *ks;
	FILE *f;
	int fd;

	fd = mkstemp(path);
	f = fdopen(fd, "w");
	fputs(kallsyms, f);
	fclose(f);
	ks = dt_ksym_open(path);
	unlink(path);
	ok(ks != NULL, "a kallsyms file loads");

	dt_ksym_addr(ks, 0xffffffff8100105fULL, buf, sizeof(buf));
	expect("stack frame", buf, "vmlinux`vfs_read+0x5f");
	dt_ksym_addr(ks, 0xffffffff81001200ULL, buf, sizeof(buf));
	expect("offset 0", buf, "vmlinux`ksys_read");
	dt_ksym_addr(ks, 0xffffffffc0001123ULL, buf, sizeof(buf));
	expect("module symbol", buf, "overlay`ovl_read_iter+0x23");
	dt_ksym_addr(ks, 0xffffffff81000ff8ULL, buf, sizeof(buf));
	expect("__pfx_ padding is not a symbol", buf, "vmlinux`_stext+0xff8");
	dt_ksym_sym(ks, 0xffffffff81001010ULL, buf, sizeof(buf));
	expect("sym()", buf, "vmlinux`vfs_read");
	dt_ksym_mod(ks, 0xffffffffc0001010ULL, buf, sizeof(buf));
	expect("mod()", buf, "overlay");
	dt_ksym_addr(ks, 0x1000, buf, sizeof(buf));
	expect("below every symbol", buf, "0x1000");
	dt_ksym_addr(ks, 0xffffffffc0100000ULL, buf, sizeof(buf));
	expect("far past the last symbol", buf, "0xffffffffc0100000");
	dt_ksym_close(ks);
	ok(dt_ksym_open("/nonexistent/kallsyms") == NULL, "a missing file fails");
	return tap_done();
}
