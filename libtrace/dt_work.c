// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The consumer's clock: dtrace_sleep() waits for the next buffer switch,
 * dtrace_work() asks the module how tracing stands and drains the buffers.
 * When the module says a clause called exit() (DRAINING), or a buffer
 * filled up under bufpolicy=fill, the consumer stops tracing itself (END
 * fires), drains what is left and reports DONE, as DTrace does.  Dynamic-variable drops are reported on stderr
 * in DTrace's words as they grow, by kind (plain, with non-empty rinsing
 * list, with non-empty dirty list), and so are speculative drops and
 * failed speculations (dt_spec_report()); under -xdroptags each message
 * starts with its kind's tag, "[DTRACEDROP_DYNAMIC] ", as DTrace's.  The
 * status is asked for at most once per statusrate (as DTrace's
 * dtrace_status() does), the buffers drained at every call.  The sleep
 * also watches the -c/-p processes (dt_proc.c), so their exit ends it at
 * once.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

#include "dt_consume.h"
#include "dt_proc.h"

static int64_t dt_ts_ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

void dtrace_sleep(dtrace_hdl_t *dtp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	struct timespec now;
	int64_t wait;

	if (!dc || !dc->dc_started)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	wait = dt_ts_ns(&dc->dc_lastswitch) + dc->dc_switchrate - dt_ts_ns(&now);
	/*
	 * A signal or the exit of a -c/-p process ends the sleep early: the
	 * caller checks why (dt_proc.c tells the process handler).
	 */
	dt_proc_sleep(dtp, wait > 0 ? wait : 0);
}

/*
 * "dtrace: 2 failed speculations (no speculative buffer available)",
 * "[DTRACEDROP_SPECUNAVAIL] " first under -xdroptags.
 */
static void dt_spec_report(struct dt_consumer *dc, uint64_t n,
			   const char *tag, const char *what, const char *why)
{
	if (n)
		fprintf(stderr, "dtrace: %s%s%s%llu %s%s%s\n",
			dc->dc_droptags ? "[" : "", dc->dc_droptags ? tag : "",
			dc->dc_droptags ? "] " : "", (unsigned long long)n,
			what, n == 1 ? "" : "s", why);
}

/* DTrace's words, in its order: plain, rinsing list, dirty list. */
static void dt_work_dvdrops(struct dt_consumer *dc, uint64_t n,
			    const char *tag, const char *kind)
{
	dt_spec_report(dc, n, tag, "dynamic variable drop", kind);
}

/* The speculation counts that grew since the last status. */
static void dt_spec_status(struct dt_consumer *dc,
			   const struct dtrace_ioc_status *ds)
{
	dt_spec_report(dc, ds->ds_specdrops - dc->dc_specdrops,
		       "DTRACEDROP_SPEC", "speculative drop", "");
	dt_spec_report(dc, (uint32_t)(ds->ds_specbusy - dc->dc_specbusy),
		       "DTRACEDROP_SPECBUSY", "failed speculation",
		       " (available buffer(s) still busy)");
	dt_spec_report(dc, (uint32_t)(ds->ds_specunavail -
				      dc->dc_specunavail),
		       "DTRACEDROP_SPECUNAVAIL", "failed speculation",
		       " (no speculative buffer available)");
	dc->dc_specdrops = ds->ds_specdrops;
	dc->dc_specbusy = ds->ds_specbusy;
	dc->dc_specunavail = ds->ds_specunavail;
}

/*
 * Whether the status is due (statusrate, DTrace's default 1s): the
 * first time, then once per rate on a schedule that does not drift, and
 * always once tracing has stopped, for the last counts.
 */
static int dt_work_status_due(dtrace_hdl_t *dtp, struct dt_consumer *dc)
{
	struct timespec now;
	int64_t rate = 0, t;

	dtrace_getopt(dtp, "statusrate", &rate);
	clock_gettime(CLOCK_MONOTONIC, &now);
	t = dt_ts_ns(&now);
	if (dc->dc_laststatus == 0 || rate <= 0 || dc->dc_stopped) {
		dc->dc_laststatus = t;
		return 1;
	}
	if (t - dc->dc_laststatus < rate)
		return 0;
	dc->dc_laststatus += rate;
	if (t - dc->dc_laststatus >= rate)
		dc->dc_laststatus = t;	/* far behind: start afresh */
	return 1;
}

/* Report what the status says; stop tracing if it has ended. */
static dtrace_workstatus_t dt_work_status(dtrace_hdl_t *dtp,
					  struct dt_consumer *dc,
					  struct dtrace_ioc_status *ds)
{
	dt_work_dvdrops(dc, ds->ds_dynvar_drops - dc->dc_dvdrops,
			"DTRACEDROP_DYNAMIC", "");
	dc->dc_dvdrops = ds->ds_dynvar_drops;
	dt_work_dvdrops(dc, (uint32_t)(ds->ds_dvrinsing - dc->dc_dvrinsing),
			"DTRACEDROP_DYNRINSE", " with non-empty rinsing list");
	dc->dc_dvrinsing = ds->ds_dvrinsing;
	dt_work_dvdrops(dc, (uint32_t)(ds->ds_dvdirty - dc->dc_dvdirty),
			"DTRACEDROP_DYNDIRTY", " with non-empty dirty list");
	dc->dc_dvdirty = ds->ds_dvdirty;
	dt_spec_status(dc, ds);
	if (ds->ds_flags & DTRACE_STATUS_KILLED) {
		dt_set_errmsg(dtp, ETIMEDOUT,
			      "Abort due to systemic unresponsiveness");
		return DTRACE_WORKSTATUS_ERROR;
	}
	if (ds->ds_flags & DTRACE_STATUS_FILLED ||
	    ds->ds_activity == DTRACE_ACTIVITY_DRAINING ||
	    ds->ds_activity == DTRACE_ACTIVITY_STOPPED) {
		if (dtrace_stop(dtp) != 0)
			return DTRACE_WORKSTATUS_ERROR;
		/* STOP finished the last commits (END's too). */
		if (ioctl(dtp->dt_fd, DTRACE_IOC_STATUS, ds) == 0)
			dt_spec_status(dc, ds);
		return DTRACE_WORKSTATUS_DONE;
	}
	return DTRACE_WORKSTATUS_OKAY;
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
	if (dt_work_status_due(dtp, dc)) {
		memset(&ds, 0, sizeof(ds));
		if (ioctl(dtp->dt_fd, DTRACE_IOC_STATUS, &ds) != 0) {
			dt_set_errno(dtp, errno);
			return DTRACE_WORKSTATUS_ERROR;
		}
		rval = dt_work_status(dtp, dc, &ds);
		if (rval == DTRACE_WORKSTATUS_ERROR)
			return rval;
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
