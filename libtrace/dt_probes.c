// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Matching probe descriptions against probes.
 *
 * With the module loaded, the probes are the module's: DTRACE_IOC_PROBES
 * asks it for the first probe the description matches.
 * Without it -- dtrace -e on a build host, which is how the language tests
 * run -- the compiler matches descriptions against a catalog of the
 * providers dtrace.ko has:
 *
 *   dtrace    BEGIN, END and ERROR, with empty module and function
 *   profile   profile-<rate> and tick-<rate>, <rate> a number with an
 *             optional unit (ns us ms s m h d hz; none is hz)
 *   syscall   any function, named entry or return
 *   fbt       any module and function, named entry or return
 *   proc, sched, io, lockstat
 *             any module and function, the names DTrace gives them
 *   sdt, tracepoint, kvm, and pid<N>
 *             anything, but only when the description names the provider
 *             itself: their probes depend on the running kernel or
 *             process, which a build host cannot know
 *
 * A description matches if its provider component (a glob, or empty)
 * matches a provider of the catalog and the rules above accept the rest,
 * so ":::tick-1fortnight" matches nothing while "sdt:::anything" does.
 * A description that matches nothing is D_PDESC_ZERO unless -Z
 * (DTRACE_C_ZDEFS) is given, as with the live probe list.
 *
 * args[]: their types are not the module's business; libtrace/dt_args.c
 * resolves them from the provider and the probe's names (tracefs formats
 * for syscall, BTF prototypes for fbt and sdt), walking the live probe
 * list when the module is loaded and, without it, the one probe a
 * description names.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include <dtrace/abi.h>
#include "dt_cc.h"

static int dt_glob(const char *pattern, const char *s)
{
	return *pattern == '\0' || fnmatch(pattern, s, 0) == 0;
}

/* Open-ended providers: only when named outright. */
static int dt_match_named(const dt_pdesc_t *pdp)
{
	return pdp->pd_prov[0] != '\0' && !strpbrk(pdp->pd_prov, "*?[");
}

static int dt_match_names(const char *pattern, const char *const *names)
{
	int n = 0;

	for (; *names; names++)
		n += dt_glob(pattern, *names);
	return n;
}

static int dt_match_entret(const dt_pdesc_t *pdp)
{
	static const char *const names[] = { "entry", "return", NULL };

	return dt_match_names(pdp->pd_name, names);
}

static int dt_match_proc(const dt_pdesc_t *pdp)
{
	static const char *const names[] = {
		"create", "exec", "exec-failure", "exec-success", "exit",
		"fault", "lwp-create", "lwp-exit", "lwp-start", "signal-clear",
		"signal-discard", "signal-handle", "signal-send", "start", NULL,
	};

	return dt_match_names(pdp->pd_name, names);
}

static int dt_match_sched(const dt_pdesc_t *pdp)
{
	static const char *const names[] = {
		"change-pri", "dequeue", "enqueue", "off-cpu", "on-cpu",
		"preempt", "remain-cpu", "sleep", "surrender", "tick",
		"wakeup", NULL,
	};

	return dt_match_names(pdp->pd_name, names);
}

static int dt_match_io(const dt_pdesc_t *pdp)
{
	static const char *const names[] = {
		"done", "start", "wait-done", "wait-start", NULL,
	};

	return dt_match_names(pdp->pd_name, names);
}

static int dt_match_lockstat(const dt_pdesc_t *pdp)
{
	static const char *const names[] = {
		"adaptive-acquire", "adaptive-block", "adaptive-release",
		"adaptive-spin", "rw-acquire", "rw-block", "rw-release",
		"rw-spin", "spin-acquire", "spin-release", "spin-spin", NULL,
	};

	return dt_match_names(pdp->pd_name, names);
}

static int dt_match_dtrace(const dt_pdesc_t *pdp)
{
	static const char *const names[] = { "BEGIN", "END", "ERROR" };
	int i, n = 0;

	if (!dt_glob(pdp->pd_mod, "") || !dt_glob(pdp->pd_func, ""))
		return 0;
	for (i = 0; i < 3; i++)
		n += dt_glob(pdp->pd_name, names[i]);
	return n;
}

/* profile-97, tick-1s, profile-5ms, tick-100hz. */
static int dt_match_profile(const dt_pdesc_t *pdp)
{
	static const char *const units[] = {
		"", "ns", "nsec", "us", "usec", "ms", "msec", "s", "sec",
		"m", "min", "h", "hour", "d", "day", "hz",
	};
	const char *p = pdp->pd_name;
	size_t i;

	if (!dt_glob(pdp->pd_mod, "") || !dt_glob(pdp->pd_func, ""))
		return 0;
	if (*p == '\0' || strpbrk(p, "*?["))
		return 1;
	if (strncmp(p, "profile-", 8) == 0)
		p += 8;
	else if (strncmp(p, "tick-", 5) == 0)
		p += 5;
	else
		return 0;
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(p, units[i]) == 0)
			return 1;
	return 0;
}

static const struct dt_provcat {
	const char *pc_name;
	int (*pc_match)(const dt_pdesc_t *);
} dt_provcat[] = {
	{ "dtrace", dt_match_dtrace },
	{ "profile", dt_match_profile },
	{ "syscall", dt_match_entret },
	{ "fbt", dt_match_entret },
	{ "proc", dt_match_proc },
	{ "sched", dt_match_sched },
	{ "io", dt_match_io },
	{ "lockstat", dt_match_lockstat },
	{ "sdt", dt_match_named },
	{ "tracepoint", dt_match_named },
	{ "kvm", dt_match_named },
};

/* pid<N>: the pid provider of process N. */
static int dt_match_pid(const dt_pdesc_t *pdp)
{
	const char *p = pdp->pd_prov;

	if (strncmp(p, "pid", 3) != 0 || !isdigit((unsigned char)p[3]))
		return 0;
	return strspn(p + 3, "0123456789") == strlen(p + 3);
}

/* Does the module have a probe the description matches?  -1: cannot ask. */
static int dt_probe_match_live(dtrace_hdl_t *dtp, const dt_pdesc_t *pdp)
{
	struct dtrace_ioc_probes dp;

	memset(&dp, 0, sizeof(dp));
	snprintf(dp.dp_match.dpd_provider, sizeof(dp.dp_match.dpd_provider),
		 "%s", pdp->pd_prov);
	snprintf(dp.dp_match.dpd_mod, sizeof(dp.dp_match.dpd_mod), "%s",
		 pdp->pd_mod);
	snprintf(dp.dp_match.dpd_func, sizeof(dp.dp_match.dpd_func), "%s",
		 pdp->pd_func);
	snprintf(dp.dp_match.dpd_name, sizeof(dp.dp_match.dpd_name), "%s",
		 pdp->pd_name);
	if (ioctl(dtp->dt_fd, DTRACE_IOC_PROBES, &dp) == 0)
		return 1;
	return errno == ENOENT ? 0 : -1;
}

/*
 * The description of probe id (dtrace -i, or a number as a probe
 * specifier): only the module knows its ids.  Returns -1 if it has no such
 * probe or is not loaded.
 */
int dt_probe_byid(dtrace_hdl_t *dtp, uint32_t id, struct dtrace_probedesc *pd)
{
	struct dtrace_ioc_probes dp;

	if (dtp->dt_fd < 0)
		return -1;
	memset(&dp, 0, sizeof(dp));
	dp.dp_match.dpd_id = id;
	if (ioctl(dtp->dt_fd, DTRACE_IOC_PROBES, &dp) != 0 ||
	    dp.dp_probe.dpd_id != id)
		return -1;
	*pd = dp.dp_probe;
	return 0;
}

/* How many probes (or probe families) the description matches. */
int dt_probe_match(dtrace_hdl_t *dtp, const dt_pdesc_t *pdp)
{
	size_t i;
	int n = 0;

	if (dtp->dt_fd >= 0 && (n = dt_probe_match_live(dtp, pdp)) >= 0)
		return n;
	n = 0;
	for (i = 0; i < sizeof(dt_provcat) / sizeof(dt_provcat[0]); i++)
		if (dt_glob(pdp->pd_prov, dt_provcat[i].pc_name))
			n += dt_provcat[i].pc_match(pdp);
	return n + dt_match_pid(pdp);
}
