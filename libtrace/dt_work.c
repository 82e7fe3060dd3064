// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The consumer's clock: dtrace_sleep() waits for the next buffer switch,
 * dtrace_work() asks the module how tracing stands and drains the buffers.
 * When the module says a clause called exit() (DRAINING), or a buffer
 * filled up under bufpolicy=fill, the consumer stops tracing itself (END
 * fires), drains what is left and reports DONE, as DTrace does.  Dynamic-variable drops are reported on stderr
 * in DTrace's words as they grow, and so are speculative drops and failed
 * speculations (dt_spec_report()).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

#include "dt_consume.h"

static int64_t dt_ts_ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

void dtrace_sleep(dtrace_hdl_t *dtp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	struct timespec now, req;
	int64_t wait;

	if (!dc || !dc->dc_started)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	wait = dt_ts_ns(&dc->dc_lastswitch) + dc->dc_switchrate - dt_ts_ns(&now);
	if (wait <= 0)
		return;
	req.tv_sec = wait / 1000000000;
	req.tv_nsec = wait % 1000000000;
	/* A signal ends the sleep early: the caller checks why. */
	nanosleep(&req, NULL);
}

/* "dtrace: 2 failed speculations (no speculative buffer available)" */
static void dt_spec_report(uint64_t n, const char *what, const char *why)
{
	if (n)
		fprintf(stderr, "dtrace: %llu %s%s%s\n", (unsigned long long)n,
			what, n == 1 ? "" : "s", why);
}

/* The speculation counts that grew since the last status. */
static void dt_spec_status(struct dt_consumer *dc,
			   const struct dtrace_ioc_status *ds)
{
	dt_spec_report(ds->ds_specdrops - dc->dc_specdrops,
		       "speculative drop", "");
	dt_spec_report((uint32_t)(ds->ds_specbusy - dc->dc_specbusy),
		       "failed speculation", " (available buffer(s) still busy)");
	dt_spec_report((uint32_t)(ds->ds_specunavail - dc->dc_specunavail),
		       "failed speculation", " (no speculative buffer available)");
	dc->dc_specdrops = ds->ds_specdrops;
	dc->dc_specbusy = ds->ds_specbusy;
	dc->dc_specunavail = ds->ds_specunavail;
}

dtrace_workstatus_t dtrace_work(dtrace_hdl_t *dtp, FILE *fp)
{
	struct dt_consumer *dc = dt_consumer(dtp);
	struct dtrace_ioc_status ds;
	dtrace_workstatus_t rval = DTRACE_WORKSTATUS_OKAY;

	if (!dc) {
		dt_set_errno(dtp, ENOMEM);
		return DTRACE_WORKSTATUS_ERROR;
	}
	memset(&ds, 0, sizeof(ds));
	if (ioctl(dtp->dt_fd, DTRACE_IOC_STATUS, &ds) != 0) {
		dt_set_errno(dtp, errno);
		return DTRACE_WORKSTATUS_ERROR;
	}
	if (ds.ds_dynvar_drops > dc->dc_dvdrops) {
		uint64_t n = ds.ds_dynvar_drops - dc->dc_dvdrops;

		fprintf(stderr, "dtrace: %llu dynamic variable drop%s\n",
			(unsigned long long)n, n == 1 ? "" : "s");
		dc->dc_dvdrops = ds.ds_dynvar_drops;
	}
	dt_spec_status(dc, &ds);
	if (ds.ds_flags & DTRACE_STATUS_KILLED) {
		dt_set_errmsg(dtp, ETIMEDOUT,
			      "Abort due to systemic unresponsiveness");
		return DTRACE_WORKSTATUS_ERROR;
	}
	if (ds.ds_flags & DTRACE_STATUS_FILLED ||
	    ds.ds_activity == DTRACE_ACTIVITY_DRAINING ||
	    ds.ds_activity == DTRACE_ACTIVITY_STOPPED) {
		if (dtrace_stop(dtp) != 0)
			return DTRACE_WORKSTATUS_ERROR;
		/* STOP finished the last commits (END's too). */
		if (ioctl(dtp->dt_fd, DTRACE_IOC_STATUS, &ds) == 0)
			dt_spec_status(dc, &ds);
		rval = DTRACE_WORKSTATUS_DONE;
	}
	clock_gettime(CLOCK_MONOTONIC, &dc->dc_lastswitch);
	/* Aggregations first: printa() in the records prints them. */
	if (dt_agg_snap(dtp) != 0 || dt_consume(dtp, fp) != 0)
		return DTRACE_WORKSTATUS_ERROR;
	return rval;
}

int dtrace_exit_status(dtrace_hdl_t *dtp)
{
	return dtp->dt_cons && dtp->dt_cons->dc_exited ?
	       dtp->dt_cons->dc_status : 0;
}
