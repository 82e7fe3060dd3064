// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The consumer's clock: dtrace_sleep() waits until the next of the
 * buffer drain (switchrate), the aggregation snapshot (aggrate) and the
 * status (statusrate) is due, and dtrace_work() does what is due: asks
 * the module how tracing stands, snapshots the aggregations, drains the
 * buffers.
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

static int64_t dt_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* How long until a thing done every rate ns, last at last (0: never), is due. */
static int64_t dt_due_in(int64_t last, int64_t rate, int64_t now)
{
	return last ? last + rate - now : 0;
}

/*
 * Until the first of the three is due: draining the buffers (switchrate),
 * snapshotting the aggregations (aggrate, when there are any) and asking
 * for the status (statusrate).
 */
void dtrace_sleep(dtrace_hdl_t *dtp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	int64_t now, wait, w;

	if (!dc || !dc->dc_started)
		return;
	now = dt_now_ns();
	wait = dt_due_in(dc->dc_lastswitch, dc->dc_switchrate, now);
	w = dt_due_in(dc->dc_laststatus, dc->dc_statusrate, now);
	if (w < wait)
		wait = w;
	w = dt_due_in(dc->dc_lastagg, dc->dc_aggrate, now);
	if (dc->dc_naggs && w < wait)
		wait = w;
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
 * The status: drops to report, and whether tracing is over.  1 when it
 * is (DONE), 0 when not, -1 on error.
 */
static int dt_work_status(dtrace_hdl_t *dtp, struct dt_consumer *dc)
{
	struct dtrace_ioc_status ds;

	memset(&ds, 0, sizeof(ds));
	if (ioctl(dtp->dt_fd, DTRACE_IOC_STATUS, &ds) != 0)
		return dt_set_errno(dtp, errno);
	dt_work_dvdrops(dc, ds.ds_dynvar_drops - dc->dc_dvdrops,
			"DTRACEDROP_DYNAMIC", "");
	dc->dc_dvdrops = ds.ds_dynvar_drops;
	dt_work_dvdrops(dc, (uint32_t)(ds.ds_dvrinsing - dc->dc_dvrinsing),
			"DTRACEDROP_DYNRINSE", " with non-empty rinsing list");
	dc->dc_dvrinsing = ds.ds_dvrinsing;
	dt_work_dvdrops(dc, (uint32_t)(ds.ds_dvdirty - dc->dc_dvdirty),
			"DTRACEDROP_DYNDIRTY", " with non-empty dirty list");
	dc->dc_dvdirty = ds.ds_dvdirty;
	dt_spec_status(dc, &ds);
	if (ds.ds_flags & DTRACE_STATUS_KILLED)
		return dt_set_errmsg(dtp, ETIMEDOUT,
				     "Abort due to systemic unresponsiveness");
	if (!(ds.ds_flags & DTRACE_STATUS_FILLED) &&
	    ds.ds_activity != DTRACE_ACTIVITY_DRAINING &&
	    ds.ds_activity != DTRACE_ACTIVITY_STOPPED)
		return 0;
	if (dtrace_stop(dtp) != 0)
		return -1;
	/* STOP finished the last commits (END's too). */
	if (ioctl(dtp->dt_fd, DTRACE_IOC_STATUS, &ds) == 0)
		dt_spec_status(dc, &ds);
	return 1;
}

/*
 * Each of the status, the aggregation snapshot and the drain when its
 * rate says so, as DTrace: the status every statusrate (so an exit() is
 * acted on at the next one), the aggregations every aggrate (printa()
 * prints them as of the last snapshot), the buffers every switchrate.
 * Once tracing is stopped, all three at once.
 */
dtrace_workstatus_t dtrace_work(dtrace_hdl_t *dtp, FILE *fp)
{
	struct dt_consumer *dc = dt_consumer(dtp);
	dtrace_workstatus_t rval = DTRACE_WORKSTATUS_OKAY;
	int64_t now = dt_now_ns();
	bool all;
	int st;

	if (!dc) {
		dt_set_errno(dtp, ENOMEM);
		return DTRACE_WORKSTATUS_ERROR;
	}
	all = dc->dc_stopped;
	if (all || dt_due_in(dc->dc_laststatus, dc->dc_statusrate, now) <= 0) {
		dc->dc_laststatus = now;
		st = dt_work_status(dtp, dc);
		if (st < 0)
			return DTRACE_WORKSTATUS_ERROR;
		if (st > 0) {
			rval = DTRACE_WORKSTATUS_DONE;
			all = true;
		}
	}
	/* Aggregations first: printa() in the records prints them. */
	if (all || dt_due_in(dc->dc_lastagg, dc->dc_aggrate, now) <= 0) {
		dc->dc_lastagg = now;
		if (dt_agg_snap(dtp) != 0)
			return DTRACE_WORKSTATUS_ERROR;
	}
	if (all || dt_due_in(dc->dc_lastswitch, dc->dc_switchrate, now) <= 0) {
		dc->dc_lastswitch = now;
		if (dt_consume(dtp, fp) != 0)
			return DTRACE_WORKSTATUS_ERROR;
	}
	return rval;
}

int dtrace_exit_status(dtrace_hdl_t *dtp)
{
	return dtp->dt_cons && dtp->dt_cons->dc_exited ?
	       dtp->dt_cons->dc_status : 0;
}
