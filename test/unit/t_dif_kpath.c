// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * getf() and d_path() on the DIF test host, over a fake kernel: tasks,
 * file tables, dentries and mounts laid out as the test says in a
 * struct dif_kernlayout, so the walks (mount crossings, the task's root,
 * unlinked files, names that change under the walk, cycles, paths longer
 * than strsize, NULL and wild pointers) are checked without a kernel.
 */
#include <stddef.h>
#include <stdio.h>
#include "t_dif.h"

struct f_dentry {
	uint64_t	hash_pprev;	/* 0: unhashed */
	uint32_t	hash;
	uint32_t	len;
	uint64_t	name;
	uint64_t	parent;
};

struct f_vfsmount {
	uint64_t	mnt_root;
	uint64_t	mnt_flags;
};

struct f_mount {
	uint64_t	hash[2];
	uint64_t	parent;
	uint64_t	mountpoint;
	struct f_vfsmount mnt;
};

struct f_path {
	uint64_t	mnt;
	uint64_t	dentry;
};

struct f_fs {
	uint64_t	lock;
	struct f_path	root;
	struct f_path	pwd;
};

struct f_fdt {
	uint32_t	max_fds;
	uint32_t	pad;
	uint64_t	fd;
};

struct f_files {
	uint64_t	count;
	uint64_t	fdt;
};

struct f_task {
	uint64_t	state;
	uint64_t	files;
	uint64_t	fs;
};

struct f_file {
	uint64_t	f_mode;
	struct f_path	f_path;
};

#define NCHAIN	200

/* All of the fake kernel, mapped as one region. */
static struct fk {
	struct f_task	task;
	struct f_fs	fs;
	struct f_files	files;
	struct f_fdt	fdt;
	uint64_t	fdarr[4];
	struct f_file	file[3];
	struct f_mount	rootmnt, mnt;
	struct f_dentry	rd, etc, passwd, mntpt, mr, f, odd, cyc1, cyc2;
	struct f_dentry	chain[NCHAIN];
	struct f_path	path;
	char		names[256];
} k;

static const struct dif_kernlayout kl = {
	.kl_task_files = offsetof(struct f_task, files),
	.kl_task_fs = offsetof(struct f_task, fs),
	.kl_files_fdt = offsetof(struct f_files, fdt),
	.kl_fdt_max_fds = offsetof(struct f_fdt, max_fds),
	.kl_fdt_fd = offsetof(struct f_fdt, fd),
	.kl_fs_root = offsetof(struct f_fs, root),
	.kl_path_mnt = offsetof(struct f_path, mnt),
	.kl_path_dentry = offsetof(struct f_path, dentry),
	.kl_dentry_parent = offsetof(struct f_dentry, parent),
	.kl_dentry_name = offsetof(struct f_dentry, name),
	.kl_dentry_len = offsetof(struct f_dentry, len),
	.kl_dentry_hashed = offsetof(struct f_dentry, hash_pprev),
	.kl_vfsmnt_root = offsetof(struct f_vfsmount, mnt_root),
	.kl_mount_mnt = offsetof(struct f_mount, mnt),
	.kl_mount_parent = offsetof(struct f_mount, parent),
	.kl_mount_mountpoint = offsetof(struct f_mount, mountpoint),
};

#define P(x)	((uint64_t)(uintptr_t)(x))

static size_t k_nameoff;

static void dent(struct f_dentry *d, const char *name, size_t len,
		 struct f_dentry *parent)
{
	char *p = k.names + k_nameoff;

	memcpy(p, name, len);
	k_nameoff += len + 1;
	d->hash_pprev = 1;
	d->len = (uint32_t)len;
	d->name = P(p);
	d->parent = P(parent ? parent : d);
}

/*
 * /            rootmnt (its own parent), root dentry rd
 * /etc/passwd
 * /mnt         mntpt, where mnt is mounted: its root mr holds f
 */
static void k_build(void)
{
	int i;

	memset(&k, 0, sizeof(k));
	k_nameoff = 0;
	dent(&k.rd, "/", 1, NULL);
	dent(&k.etc, "etc", 3, &k.rd);
	dent(&k.passwd, "passwd", 6, &k.etc);
	dent(&k.mntpt, "mnt", 3, &k.rd);
	dent(&k.mr, "/", 1, NULL);
	dent(&k.f, "f", 1, &k.mr);
	dent(&k.odd, "ab\0cd", 5, &k.etc);
	dent(&k.cyc1, "x", 1, &k.cyc2);
	dent(&k.cyc2, "y", 1, &k.cyc1);
	dent(&k.chain[0], "abcdefghij", 10, &k.rd);
	for (i = 1; i < NCHAIN; i++) {
		k.chain[i] = k.chain[0];
		k.chain[i].parent = P(&k.chain[i - 1]);
	}
	k.rootmnt.parent = P(&k.rootmnt);
	k.rootmnt.mnt.mnt_root = P(&k.rd);
	k.mnt.parent = P(&k.rootmnt);
	k.mnt.mountpoint = P(&k.mntpt);
	k.mnt.mnt.mnt_root = P(&k.mr);
	k.fs.root.mnt = P(&k.rootmnt.mnt);
	k.fs.root.dentry = P(&k.rd);
	k.task.fs = P(&k.fs);
	k.task.files = P(&k.files);
	k.files.fdt = P(&k.fdt);
	k.fdt.max_fds = 4;
	k.fdt.fd = P(k.fdarr);
	for (i = 0; i < 3; i++) {
		k.file[i].f_path.mnt = P(&k.rootmnt.mnt);
		k.file[i].f_path.dentry = P(&k.passwd);
		if (i != 2)
			k.fdarr[i] = P(&k.file[i]);
	}
	k.file[1].f_path.mnt = P(&k.mnt.mnt);
	k.file[1].f_path.dentry = P(&k.f);
	k.fdarr[3] = P(&k.file[2]);
	t_th->th_bv[DIF_BV_CURTHREAD] = P(&k.task);
	t_th->th_kernlayout = &kl;
}

static struct t_run getf(int64_t fd)
{
	char prog[256];

	snprintf(prog, sizeof(prog), "setx %%r1, %lld\npushtv %%r1\n"
		 "call %%r2, getf\nret %%r2\n", (long long)fd);
	dif_testhost_clause(t_th);
	return t_run(prog);
}

static struct t_run dpath(struct f_dentry *d, void *mnt)
{
	char prog[256];

	k.path.mnt = P(mnt);
	k.path.dentry = P(d);
	snprintf(prog, sizeof(prog), "setx %%r1, %llu\npushtv %%r1\n"
		 "call %%r2, d_path\nret %%r2\n",
		 (unsigned long long)P(&k.path));
	dif_testhost_clause(t_th);
	return t_run(prog);
}

static const char *s(struct t_run r)
{
	if (r.r_check != 0 || r.r_fault != 0)
		return "(fault)";
	return r.r_val ? (const char *)(uintptr_t)r.r_val : "(null)";
}

static void test_getf(void)
{
	is_int(getf(0).r_val, P(&k.file[0]), "getf(0)");
	is_int(getf(1).r_val, P(&k.file[1]), "getf(1)");
	is_int(getf(2).r_val, 0, "getf of a closed descriptor is NULL");
	is_int(getf(3).r_val, P(&k.file[2]), "getf(3), the last slot");
	is_int(getf(4).r_val, 0, "getf past max_fds is NULL");
	is_int(getf(4).r_fault, 0, "... without a fault");
	is_int(getf(-1).r_val, 0, "getf(-1) is NULL");
	is_int(getf(1LL << 40).r_val, 0, "getf of a huge fd is NULL");
	k.files.fdt = P(0x10);
	is_int(getf(0).r_fault, DIF_FLT_BADADDR,
	       "getf with a wild fdtable pointer faults, no crash");
	k.files.fdt = P(&k.fdt);
	k.task.files = 0;
	is_int(getf(0).r_val, 0, "getf of a task without files is NULL");
	k.task.files = P(&k.files);
	t_th->th_kernlayout = NULL;
	is_int(getf(0).r_fault, DIF_FLT_ILLOP,
	       "getf on a host without a kernel layout: illegal operation");
	t_th->th_kernlayout = &kl;
}

static void test_dpath(void)
{
	struct t_run r;
	const char *p;

	is_str(s(dpath(&k.passwd, &k.rootmnt.mnt)), "/etc/passwd", "d_path");
	is_str(s(dpath(&k.rd, &k.rootmnt.mnt)), "/", "d_path of the root");
	is_str(s(dpath(&k.f, &k.mnt.mnt)), "/mnt/f",
	       "d_path crosses a mount point");
	is_str(s(dpath(&k.mr, &k.mnt.mnt)), "/mnt",
	       "d_path of a mount's root");
	k.passwd.hash_pprev = 0;
	is_str(s(dpath(&k.passwd, &k.rootmnt.mnt)), "/etc/passwd (deleted)",
	       "d_path of an unlinked file");
	k.passwd.hash_pprev = 1;
	is_str(s(dpath(&k.odd, &k.rootmnt.mnt)), "/etc/ab",
	       "a name with a NUL inside its length (a racing rename) ends there");

	/* A chrooted task: paths are relative to its root. */
	k.fs.root.dentry = P(&k.etc);
	is_str(s(dpath(&k.passwd, &k.rootmnt.mnt)), "/passwd",
	       "d_path under the task's root (chroot)");
	is_str(s(dpath(&k.f, &k.mnt.mnt)), "/mnt/f",
	       "d_path outside the task's root: from the mount tree's root");
	k.fs.root.dentry = P(&k.rd);
	k.task.fs = 0;
	is_str(s(dpath(&k.f, &k.mnt.mnt)), "/mnt/f",
	       "d_path for a task without fs_struct");
	k.task.fs = P(&k.fs);

	r = dpath(&k.chain[NCHAIN - 1], &k.rootmnt.mnt);
	p = s(r);
	ok(strncmp(p, ".../abcdefghij/", 15) == 0 && strlen(p) <= 255 &&
	   strcmp(p + strlen(p) - 11, "/abcdefghij") == 0,
	   "a path longer than strsize keeps its end after \"...\" (%s)", p);
	p = s(dpath(&k.cyc1, &k.rootmnt.mnt));
	ok(strncmp(p, ".../", 4) == 0 && strcmp(p + strlen(p) - 2, "/x") == 0,
	   "a parent cycle (a rename racing the walk) ends: %.40s", p);

	r = dpath(&k.passwd, (void *)0x10);
	is_int(r.r_fault, DIF_FLT_BADADDR, "d_path with a wild mount faults");
	is_int(r.r_illval, 0x10, "... at the mount's address");
	k.etc.name = P(0x20);
	r = dpath(&k.passwd, &k.rootmnt.mnt);
	is_int(r.r_fault, DIF_FLT_BADADDR, "d_path with a wild name faults");
	k.etc.name = P(k.names + 2);
	dif_testhost_clause(t_th);
	r = t_run("setx %r1, 0\npushtv %r1\ncall %r2, d_path\nret %r2\n");
	is_int(r.r_fault, DIF_FLT_BADADDR, "d_path(NULL) faults");
	k.path.mnt = 0;
	k.path.dentry = P(&k.passwd);
	dif_testhost_clause(t_th);
	r = t_run("setx %r1, 0\npushtv %r1\ncall %r2, d_path\nret %r2\n");
	is_int(r.r_fault, DIF_FLT_BADADDR, "d_path of a path without a mount");
}

/* DTrace's idiom: d_path(&getf(fd)->f_path). */
static void test_both(void)
{
	char prog[512];

	snprintf(prog, sizeof(prog), "setx %%r1, 1\npushtv %%r1\n"
		 "call %%r2, getf\nsetx %%r3, %zu\nadd %%r2, %%r2, %%r3\n"
		 "pushtv %%r2\ncall %%r4, d_path\nret %%r4\n",
		 offsetof(struct f_file, f_path));
	dif_testhost_clause(t_th);
	is_str(s(t_run(prog)), "/mnt/f", "d_path(&getf(1)->f_path)");
}

int main(void)
{
	t_host();
	k_build();
	dif_testhost_map(t_th, &k, sizeof(k), false, false);
	test_getf();
	test_dpath();
	test_both();
	dif_testhost_free(t_th);
	return tap_done();
}
