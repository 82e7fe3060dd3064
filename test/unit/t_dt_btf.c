// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Kernel types from BTF: this machine's /sys/kernel/btf/vmlinux (or the
 * file DTRACE_BTF names) imports into libctf with the layout BTF gives:
 * every struct and union keeps its size (the importer checks it), members
 * keep their offsets through anonymous members, char arrays are strings,
 * bit-fields work, and lookups import lazily.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dt_btf.h"
#include "dt_cc.h"
#include "tap.h"

int main(void)
{
	const char *path = getenv("DTRACE_BTF");
	dtrace_hdl_t *dtp;
	dt_btf_t *btf;
	ctf_dict_t *fp;
	ctf_id_t t, mt;
	unsigned long off;
	uint32_t id, n, bad = 0, nsou = 0;
	struct timespec t0, t1;
	int err;

	if (!path)
		path = "/sys/kernel/btf/vmlinux";
	if (access(path, R_OK) != 0) {
		printf("ok 1 - # SKIP no BTF at %s\n1..1\n", path);
		return 0;
	}
	dtp = dtrace_open(DTRACE_O_NODEV, &err);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fp = dt_types_fp(dtp);
	btf = dt_types_btf(dtp);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ok(fp && btf, "the type system and %s", path);
	printf("# BTF read and indexed in %.1f ms, %u types\n",
	       (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6,
	       btf ? dt_btf_ntypes(btf) : 0);
	if (!btf)
		return tap_done();

	t = dt_type_lookup(dtp, "struct task_struct");
	ok(t != CTF_ERR && ctf_type_size(fp, t) > 1000,
	   "struct task_struct imports (%zd bytes)", ctf_type_size(fp, t));
	ok(dt_type_member(dtp, t, "comm", &mt, &off) == 0 &&
	   dt_type_is_string(dtp, mt) && ctf_type_size(fp, mt) == 16,
	   "comm is a char[16] string");
	err = dt_type_member(dtp, t, "pid", &mt, &off);
	ok(err == 0 && ctf_type_size(fp, mt) == 4, "pid is 4 bytes at byte %lu",
	   off / 8);

	t = dt_type_lookup(dtp, "struct list_head");
	ok(dt_type_member(dtp, t, "prev", &mt, &off) == 0 && off == 64,
	   "list_head.prev at bit 64");
	t = dt_type_lookup(dtp, "struct file");
	ok(dt_type_member(dtp, t, "f_path", &mt, &off) == 0,
	   "file.f_path");
	ok(dt_type_lookup(dtp, "u64") != CTF_ERR &&
	   ctf_type_size(fp, dt_type_lookup(dtp, "u64")) == 8,
	   "typedef u64 is 8 bytes");
	ok(dt_type_lookup(dtp, "struct no_such_struct_here") == CTF_ERR,
	   "unknown struct is not found");
	ok(dt_type_lookup(dtp, "int") != CTF_ERR &&
	   ctf_type_size(fp, dt_type_lookup(dtp, "int")) == 4,
	   "D's int is D's, not the kernel's");

	/* Import every named struct and union: sizes are checked inside. */
	n = dt_btf_ntypes(btf);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (id = 1; id < n; id++) {
		const char *name;

		if (!dt_btf_kind_is_sou(btf, id, &name) || !*name)
			continue;
		nsou++;
		if (dt_btf_import(btf, fp, id) == CTF_ERR && bad++ < 5)
			printf("# %s: %s\n", name, dt_btf_errmsg(btf, fp));
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ok(bad == 0, "all %u named structs and unions import with BTF's "
	   "sizes (%.0f ms)", nsou, (t1.tv_sec - t0.tv_sec) * 1e3 +
	   (t1.tv_nsec - t0.tv_nsec) / 1e6);
	if (bad)
		printf("#   %u failed\n", bad);

	dtrace_close(dtp);
	return tap_done();
}
