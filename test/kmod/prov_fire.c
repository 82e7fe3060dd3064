// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * prov_fire: test the kernel providers (syscall, fbt, sdt) through the raw
 * /dev/dtrace ioctls, apart from the D compiler and the consumer library.
 * Run inside the VM by test/kmod/t-prov-*.sh.
 *
 *   prov_fire list DESC [-p]     count the probes matching DESC (and print
 *                                them, "id provider module function name")
 *   prov_fire count DESC CMD...  enable DESC with an empty clause, go, run
 *                                CMD, stop; print the probes enabled, the
 *                                firings (records + drops), and the attach
 *                                (enable) and detach (close) times in ms
 *   prov_fire hold DESC SECONDS  enable DESC, go, sleep (to be killed)
 *   prov_fire stack DESC N CMD...  like count, with stack(N) as the
 *                                clause: print the first record's frames
 *                                symbolized ("frame module`func+0xoff")
 *   prov_fire loop N             call getppid() N times (a workload)
 *
 * DESC is provider:module:function:name; with fewer parts they are the
 * rightmost ones, as in D ("sched_switch" is a probe name).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <dtrace/abi.h>
#include <dtrace/dof.h>
#include "dofbuild.h"
/* The consumer's symbolizer, compiled in: this program links nothing. */
#include "libtrace/dt_ksym.c"

/* stack(N) in the clause when nonzero (the stack mode). */
static unsigned int stack_frames;

static void die(const char *what)
{
	fprintf(stderr, "prov_fire: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int dev_open(void)
{
	struct dtrace_ioc_handshake dh;
	int fd = open(DTRACE_DEVICE, O_RDWR);

	if (fd < 0)
		die(DTRACE_DEVICE);
	memset(&dh, 0, sizeof(dh));
	dh.dh_user_abi = DTRACE_ABI_VERSION;
	if (ioctl(fd, DTRACE_IOC_HANDSHAKE, &dh) != 0)
		die("handshake");
	return fd;
}

/* Split DESC into its four parts, the given ones right-aligned. */
static void desc_parse(const char *s, struct dtrace_probedesc *pd)
{
	char *parts[4] = { NULL }, *copy = strdup(s), *p = copy, *c;
	int n = 0, i;

	memset(pd, 0, sizeof(*pd));
	while (n < 4) {
		parts[n++] = p;
		c = strchr(p, ':');
		if (!c)
			break;
		*c = '\0';
		p = c + 1;
	}
	for (i = 0; i < n; i++) {
		char *dst[4] = { pd->dpd_provider, pd->dpd_mod, pd->dpd_func,
				 pd->dpd_name };
		size_t sz[4] = { sizeof(pd->dpd_provider), sizeof(pd->dpd_mod),
				 sizeof(pd->dpd_func), sizeof(pd->dpd_name) };
		int k = 4 - n + i;

		snprintf(dst[k], sz[k], "%s", parts[i]);
	}
	free(copy);
}

static int list(const char *desc, int print)
{
	struct dtrace_ioc_probes dp;
	int fd = dev_open();
	unsigned long n = 0;
	double t0 = now_ms();

	memset(&dp, 0, sizeof(dp));
	desc_parse(desc, &dp.dp_match);
	dp.dp_match.dpd_id = 1;
	while (ioctl(fd, DTRACE_IOC_PROBES, &dp) == 0) {
		n++;
		if (print)
			printf("%u %s %s %s %s\n", dp.dp_probe.dpd_id,
			       dp.dp_probe.dpd_provider, dp.dp_probe.dpd_mod,
			       dp.dp_probe.dpd_func, dp.dp_probe.dpd_name);
		dp.dp_match.dpd_id = dp.dp_probe.dpd_id + 1;
	}
	if (errno != ENOENT)
		die("DTRACE_IOC_PROBES");
	printf("probes %lu\nlist_ms %.0f\n", n, now_ms() - t0);
	close(fd);
	return 0;
}

/*
 * A DOF with one statement on DESC and no actions (records are headers),
 * or with stack(stack_frames) as its one action.
 */
static void *dof_make(const char *desc, size_t *lenp)
{
	struct dtrace_probedesc pd;
	struct dofb d = DOFB_INIT;
	struct dtrace_dof_stmt st;
	struct dtrace_dof_action a;
	struct dtrace_dof_rec r;

	desc_parse(desc, &pd);
	dofb_stmt(&d, &st, pd.dpd_provider, pd.dpd_mod, pd.dpd_func,
		  pd.dpd_name);
	memset(&a, 0, sizeof(a));
	memset(&r, 0, sizeof(r));
	if (stack_frames) {
		a.dofa_kind = DTRACE_DOFACT_STACK;
		a.dofa_difo = DTRACE_DOF_NONE;
		a.dofa_rec = 0;
		a.dofa_arg = stack_frames;
		r.dofr_size = 8 * stack_frames;
		r.dofr_align = 8;
		st.dofst_act_count = 1;
		st.dofst_size = 8 * stack_frames;
	}
	dofb_sec(&d, DTRACE_DOF_SECT_STMTS, sizeof(st), &st, sizeof(st));
	if (stack_frames) {
		dofb_sec(&d, DTRACE_DOF_SECT_ACTIONS, sizeof(a), &a, sizeof(a));
		dofb_sec(&d, DTRACE_DOF_SECT_RECORDS, sizeof(r), &r, sizeof(r));
	}
	return dofb_finish(&d, lenp);
}

/* Enable DESC and go; returns the descriptor, the probe count in *np. */
static int enable(const char *desc, unsigned int *np, double *msp)
{
	struct dtrace_ioc_enable de;
	struct dtrace_ioc_go dg;
	char msg[256] = "";
	size_t len;
	void *dof = dof_make(desc, &len);
	int fd = dev_open();
	double t0 = now_ms();

	memset(&de, 0, sizeof(de));
	de.de_dof = (uintptr_t)dof;
	de.de_dofsize = len;
	de.de_errmsg = (uintptr_t)msg;
	de.de_errmsglen = sizeof(msg);
	if (ioctl(fd, DTRACE_IOC_ENABLE, &de) != 0) {
		fprintf(stderr, "prov_fire: enable %s: %s (%s)\n", desc,
			strerror(errno), msg);
		exit(1);
	}
	*msp = now_ms() - t0;
	*np = de.de_nprobes;
	memset(&dg, 0, sizeof(dg));
	if (ioctl(fd, DTRACE_IOC_GO, &dg) != 0)
		die("go");
	free(dof);
	return fd;
}

/* One record's stack: each frame as DTrace prints it, then the depth. */
static void stack_print(const uint64_t *pcs)
{
	dt_ksyms_t *ks = dt_ksym_open(NULL);
	char buf[256];
	unsigned int i;

	for (i = 0; i < stack_frames && pcs[i]; i++) {
		dt_ksym_addr(ks, pcs[i], buf, sizeof(buf));
		printf("frame %s\n", buf);
	}
	printf("depth %u\n", i);
	dt_ksym_close(ks);
}

static unsigned long drain(int fd)
{
	long ncpu = sysconf(_SC_NPROCESSORS_CONF);
	size_t cap = 64 << 20;
	char *buf = malloc(cap);
	size_t recsize = sizeof(struct dtrace_rechdr) + 8 * stack_frames;
	unsigned long n = 0;
	long cpu;

	for (cpu = 0; cpu < ncpu; cpu++) {
		struct dtrace_ioc_bufsnap db;
		size_t off;

		memset(&db, 0, sizeof(db));
		db.db_cpu = cpu;
		db.db_data = (uintptr_t)buf;
		db.db_size = cap;
		if (ioctl(fd, DTRACE_IOC_BUFSNAP, &db) != 0)
			continue;
		n += db.db_drops;
		for (off = 0; off + recsize <= db.db_size; off += recsize) {
			struct dtrace_rechdr *r = (void *)(buf + off);

			if (r->drh_epid == DTRACE_EPIDNONE)
				continue;
			if (n++ == 0 && stack_frames)
				stack_print((uint64_t *)(r + 1));
		}
	}
	free(buf);
	return n;
}

static int count(const char *desc, char **cmd)
{
	struct dtrace_ioc_stop ds;
	unsigned int nprobes;
	double attach, t0;
	unsigned long fired;
	int fd, status;
	pid_t pid;

	fd = enable(desc, &nprobes, &attach);
	pid = fork();
	if (pid == 0) {
		execvp(cmd[0], cmd);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	memset(&ds, 0, sizeof(ds));
	if (ioctl(fd, DTRACE_IOC_STOP, &ds) != 0)
		die("stop");
	fired = drain(fd);
	t0 = now_ms();
	close(fd);
	printf("probes %u\nfired %lu\nattach_ms %.0f\ndetach_ms %.0f\n",
	       nprobes, fired, attach, now_ms() - t0);
	return 0;
}

static int hold(const char *desc, int seconds)
{
	unsigned int nprobes;
	double attach;
	int fd = enable(desc, &nprobes, &attach);

	printf("probes %u\n", nprobes);
	fflush(stdout);
	sleep(seconds);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "list") == 0)
		return list(argv[2], argc > 3 && strcmp(argv[3], "-p") == 0);
	if (argc >= 4 && strcmp(argv[1], "count") == 0)
		return count(argv[2], argv + 3);
	if (argc >= 5 && strcmp(argv[1], "stack") == 0) {
		stack_frames = atoi(argv[3]);
		return count(argv[2], argv + 4);
	}
	if (argc == 4 && strcmp(argv[1], "hold") == 0)
		return hold(argv[2], atoi(argv[3]));
	if (argc == 3 && strcmp(argv[1], "loop") == 0) {
		long i, n = atol(argv[2]);

		for (i = 0; i < n; i++)
			syscall(SYS_getppid);
		return 0;
	}
	fprintf(stderr, "usage: prov_fire list DESC [-p] | count DESC CMD... | "
		"hold DESC SECONDS | loop N\n");
	return 2;
}
