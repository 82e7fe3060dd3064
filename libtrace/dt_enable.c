// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Enabling: handing DOFs to the module (with the library's own dtrace:::ERROR
 * enabling, added at go), starting and stopping tracing, and listing
 * probes.  The consumer keeps a copy of every DOF it enabled:
 * the statements, actions and records in it are what dt_consume.c decodes
 * the buffers with (see the theory there).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "dt_cc.h"
#include "dt_consume.h"
#include "dt_stack.h"
#include "dt_printf.h"

struct dt_consumer *dt_consumer(dtrace_hdl_t *dtp)
{
	if (!dtp->dt_cons) {
		dtp->dt_cons = calloc(1, sizeof(*dtp->dt_cons));
		if (dtp->dt_cons) {
			dtp->dt_cons->dc_begancpu = -1;
			dtp->dt_cons->dc_endedcpu = -1;
			dtp->dt_cons->dc_errenab = -1;
			dtp->dt_cons->dc_stackindent = DT_STACK_INDENT;
		}
	}
	return dtp->dt_cons;
}

static void dt_enab_free(struct dt_enab *en)
{
	uint32_t i;

	for (i = 0; en->den_pfv && i < en->den_nacts; i++)
		dt_printf_destroy(en->den_pfv[i]);
	free(en->den_pfv);
	free(en->den_dof);
}

void dt_consume_fini(dtrace_hdl_t *dtp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	uint32_t i;

	if (!dc)
		return;
	for (i = 0; i < dc->dc_nenabs; i++)
		dt_enab_free(&dc->dc_enabs[i]);
	free(dc->dc_enabs);
	free(dc->dc_epids);
	free(dc->dc_buf);
	dt_agg_fini(dc);
	free(dc);
	dtp->dt_cons = NULL;
}

static const void *dt_dof_table(const struct dt_enab *en,
				const struct dtrace_dof_sec *s, size_t entsize,
				uint32_t *n)
{
	if (s->dofs_entsize != entsize || s->dofs_size % entsize)
		return NULL;
	*n = s->dofs_size / entsize;
	return (const char *)en->den_dof + s->dofs_offset;
}

/*
 * Find the tables of our copy of a DOF.  The module has validated it in
 * full before this runs; these checks only keep a DOF that the module
 * would not have accepted from crashing us.
 */
static int dt_enab_parse(dtrace_hdl_t *dtp, struct dt_enab *en)
{
	const struct dtrace_dof_hdr *h = en->den_dof;
	const struct dtrace_dof_sec *secs;
	uint32_t i;

	if (en->den_size < sizeof(*h) || h->dofh_secoff > en->den_size ||
	    (uint64_t)h->dofh_secnum * sizeof(*secs) >
	    en->den_size - h->dofh_secoff)
		goto bad;
	secs = (const void *)((const char *)en->den_dof + h->dofh_secoff);
	for (i = 0; i < h->dofh_secnum; i++) {
		const struct dtrace_dof_sec *s = &secs[i];

		if (s->dofs_offset > en->den_size ||
		    s->dofs_size > en->den_size - s->dofs_offset)
			goto bad;
		switch (s->dofs_kind) {
		case DTRACE_DOF_SECT_STRTAB:
			en->den_strtab = (const char *)en->den_dof + s->dofs_offset;
			en->den_strlen = s->dofs_size;
			break;
		case DTRACE_DOF_SECT_STMTS:
			en->den_stmts = dt_dof_table(en, s, sizeof(*en->den_stmts),
						     &en->den_nstmts);
			break;
		case DTRACE_DOF_SECT_ACTIONS:
			en->den_acts = dt_dof_table(en, s, sizeof(*en->den_acts),
						    &en->den_nacts);
			break;
		case DTRACE_DOF_SECT_RECORDS:
			en->den_recs = dt_dof_table(en, s, sizeof(*en->den_recs),
						    &en->den_nrecs);
			break;
		case DTRACE_DOF_SECT_AGGS:
			en->den_aggs = dt_dof_table(en, s, sizeof(*en->den_aggs),
						    &en->den_naggs);
			break;
		default:
			break;
		}
	}
	if (!en->den_strtab || !en->den_strlen ||
	    en->den_strtab[en->den_strlen - 1] != '\0')
		goto bad;

	/* Parse every printf-like format once. */
	en->den_pfv = calloc(en->den_nacts ? en->den_nacts : 1,
			     sizeof(*en->den_pfv));
	if (!en->den_pfv)
		return dt_set_errno(dtp, ENOMEM);
	for (i = 0; i < en->den_nacts; i++) {
		const struct dtrace_dof_action *a = &en->den_acts[i];

		if (a->dofa_kind != DTRACE_DOFACT_PRINTF &&
		    a->dofa_kind != DTRACE_DOFACT_SYSTEM &&
		    a->dofa_kind != DTRACE_DOFACT_FREOPEN &&
		    (a->dofa_kind != DTRACE_DOFACT_PRINTA || !a->dofa_arg))
			continue;
		if (a->dofa_arg >= en->den_strlen)
			goto bad;
		en->den_pfv[i] = dt_printf_parse(dtp, en->den_strtab + a->dofa_arg);
		if (!en->den_pfv[i])
			return -1;
	}
	return 0;
bad:
	return dt_set_errmsg(dtp, EINVAL, "malformed DOF");
}

int dtrace_dof_enable(dtrace_hdl_t *dtp, const void *dof, size_t len,
		      dtrace_proginfo_t *pip)
{
	struct dt_consumer *dc = dt_consumer(dtp);
	struct dtrace_ioc_enable de;
	struct dt_enab *en, *enabs;
	char msg[256] = "";

	if (!dc)
		return dt_set_errno(dtp, ENOMEM);
	if (dtp->dt_fd < 0)
		return dt_set_errno(dtp, DTRACE_ENODEV);
	enabs = realloc(dc->dc_enabs, (dc->dc_nenabs + 1) * sizeof(*enabs));
	if (!enabs)
		return dt_set_errno(dtp, ENOMEM);
	dc->dc_enabs = enabs;
	en = &enabs[dc->dc_nenabs];
	memset(en, 0, sizeof(*en));
	en->den_dof = malloc(len ? len : 1);
	if (!en->den_dof)
		return dt_set_errno(dtp, ENOMEM);
	memcpy(en->den_dof, dof, len);
	en->den_size = len;

	memset(&de, 0, sizeof(de));
	de.de_dof = (uintptr_t)en->den_dof;
	de.de_dofsize = len;
	de.de_errmsg = (uintptr_t)msg;
	de.de_errmsglen = sizeof(msg);
	if (ioctl(dtp->dt_fd, DTRACE_IOC_ENABLE, &de) != 0) {
		int err = errno;

		dt_enab_free(en);
		if (msg[0])
			return dt_set_errmsg(dtp, err, "%s", msg);
		return dt_set_errno(dtp, err);
	}
	if (de.de_enabling != dc->dc_nenabs) {
		dt_enab_free(en);
		return dt_set_errmsg(dtp, EINVAL, "the module numbers this "
				     "enabling %u, the library %u",
				     de.de_enabling, dc->dc_nenabs);
	}
	if (dt_enab_parse(dtp, en) != 0 || dt_agg_enable(dtp, en) != 0) {
		/*
		 * The module holds it: keep its number, with nothing to
		 * decode by, so later enablings stay numbered alike and its
		 * records are refused as unknown.
		 */
		dt_enab_free(en);
		memset(en, 0, sizeof(*en));
		dc->dc_nenabs++;
		return -1;
	}
	dc->dc_nenabs++;
	if (pip)
		pip->dpi_matches = de.de_nprobes;
	return 0;
}

int dtrace_program_exec(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
			dtrace_proginfo_t *pip)
{
	void *dof;
	size_t len;
	int ret;

	if (dtrace_program_dof(dtp, pgp, &dof, &len) != 0)
		return -1;
	ret = dtrace_dof_enable(dtp, dof, len, pip);
	free(dof);
	if (ret == 0 && pip) {
		uint32_t matches = pip->dpi_matches;

		dtrace_program_info(dtp, pgp, pip);
		pip->dpi_matches = matches;
	}
	return ret;
}

/*
 * The library's own enabling of dtrace:::ERROR, as DTrace's: its records
 * (the faulting epid, the action, the DIF offset, the fault and the
 * offending value) become the error messages of dt_consume.c.
 */
static const char dt_errprog[] =
	"dtrace:::ERROR{trace(arg1);trace(arg2);trace(arg3);trace(arg4);"
	"trace(arg5);}";

static int dt_enable_errprog(dtrace_hdl_t *dtp, struct dt_consumer *dc)
{
	dtrace_prog_t *pgp;
	int ret;

	pgp = dtrace_program_strcompile(dtp, dt_errprog, DTRACE_PROBESPEC_NAME,
					DTRACE_C_ZDEFS, 0, NULL);
	if (!pgp)
		return -1;
	ret = dtrace_program_exec(dtp, pgp, NULL);
	dtrace_program_destroy(dtp, pgp);
	if (ret == 0)
		dc->dc_errenab = (int)dc->dc_nenabs - 1;
	return ret;
}

/* A rate option in ns (1 s when unset or bad). */
static int64_t dt_enable_rate(dtrace_hdl_t *dtp, const char *name)
{
	int64_t rate;

	if (dtrace_getopt(dtp, name, &rate) != 0 || rate <= 0)
		rate = 1000000000;
	return rate;
}

int dtrace_go(dtrace_hdl_t *dtp)
{
	struct dt_consumer *dc = dt_consumer(dtp);
	struct dtrace_ioc_go dg;
	struct dt_cstate *cs;
	int64_t rate;

	if (!dc)
		return dt_set_errno(dtp, ENOMEM);
	if (dc->dc_started)
		return dt_set_errno(dtp, EBUSY);
	if (dc->dc_errenab < 0 && dt_enable_errprog(dtp, dc) != 0)
		return -1;
	memset(&dg, 0, sizeof(dg));
	if (ioctl(dtp->dt_fd, DTRACE_IOC_GO, &dg) != 0)
		return dt_set_errno(dtp, errno);
	free(dc->dc_buf);
	dc->dc_bufsize = dg.dg_bufsize;
	dc->dc_buf = malloc(dc->dc_bufsize);
	if (!dc->dc_buf)
		return dt_set_errno(dtp, ENOMEM);
	if (dc->dc_naggs) {
		if (dtrace_getopt(dtp, "aggsize", &rate) != 0 || rate <= 0)
			rate = 4 << 20;
		dc->dc_aggbufsize = (size_t)rate;
		dc->dc_aggbuf = malloc(dc->dc_aggbufsize);
		if (!dc->dc_aggbuf)
			return dt_set_errno(dtp, ENOMEM);
		if (dtrace_getopt(dtp, "aggpercpu", &rate) == 0 && rate > 0 &&
		    dtp->dt_module.dmi_ncpus) {
			dc->dc_aggcpuok = calloc(dtp->dt_module.dmi_ncpus, 1);
			if (!dc->dc_aggcpuok)
				return dt_set_errno(dtp, ENOMEM);
			dc->dc_aggncpus = dtp->dt_module.dmi_ncpus;
		}
	}
	dc->dc_started = true;
	dc->dc_begancpu = dg.dg_cpu;
	dt_consume_options(dtp);
	dc->dc_atend = dtrace_getopt(dtp, "bufpolicy", &rate) == 0 &&
		       rate != DTRACE_BUFPOLICY_SWITCH;
	dc->dc_switchrate = dt_enable_rate(dtp, "switchrate");
	dc->dc_aggrate = dt_enable_rate(dtp, "aggrate");
	dc->dc_statusrate = dt_enable_rate(dtp, "statusrate");
	/* The kernel's deadman must not take a slow status for a dead consumer. */
	if (dc->dc_statusrate > DT_STATUSRATE_MAX)
		dc->dc_statusrate = DT_STATUSRATE_MAX;
	/*
	 * The first dtrace_work() does everything at once: BEGIN has run, and
	 * what it printed, or its exit(), is seen now and not a switchrate
	 * later (`dtrace -n 'BEGIN { exit(0); }'` took a whole second for it).
	 */
	dc->dc_lastswitch = dc->dc_lastagg = dc->dc_laststatus = 0;
	/* What the module gave, as DTrace's options say after go. */
	if ((cs = dt_cc_state(dtp)))
		cs->cs_opt[DT_OPT_BUFSIZE] = (int64_t)dg.dg_bufsize;
	return 0;
}

int dtrace_stop(dtrace_hdl_t *dtp)
{
	struct dt_consumer *dc = dt_consumer(dtp);
	struct dtrace_ioc_stop ds;

	if (!dc)
		return dt_set_errno(dtp, ENOMEM);
	if (!dc->dc_started || dc->dc_stopped)
		return 0;
	memset(&ds, 0, sizeof(ds));
	if (ioctl(dtp->dt_fd, DTRACE_IOC_STOP, &ds) != 0)
		return dt_set_errno(dtp, errno);
	dc->dc_stopped = true;
	dc->dc_endedcpu = ds.ds_cpu;
	return 0;
}

int dtrace_probe_iter(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pdp,
		      dtrace_probe_f *func, void *arg)
{
	struct dtrace_ioc_probes dp;
	int n = 0, ret;

	if (dtp->dt_fd < 0)
		return dt_set_errno(dtp, DTRACE_ENODEV);
	memset(&dp, 0, sizeof(dp));
	if (pdp)
		dp.dp_match = *pdp;
	dp.dp_match.dpd_id = 1;
	for (;;) {
		if (ioctl(dtp->dt_fd, DTRACE_IOC_PROBES, &dp) != 0) {
			if (errno == ENOENT)
				return n;
			return dt_set_errno(dtp, errno);
		}
		n++;
		ret = func(dtp, &dp.dp_probe, arg);
		if (ret != 0)
			return ret < 0 ? -1 : n;
		dp.dp_match.dpd_id = dp.dp_probe.dpd_id + 1;
	}
}
