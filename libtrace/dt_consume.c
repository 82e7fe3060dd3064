// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The consumer: draining the module's per-CPU buffers and printing what
 * the records say, as DTrace prints it.
 *
 * Theory.  After go, the module writes records into one buffer per CPU
 * (kernel/dtk_state.c has the picture).  A snapshot (DTRACE_IOC_BUFSNAP)
 * hands us the records of one CPU written since the last snapshot, in
 * order:
 *
 *   +--------------------------+--------------------+----------+-----
 *   | rechdr: epid, timestamp  | payload            | rechdr   | ...
 *   +--------------------------+--------------------+----------+-----
 *   |<----------- the epid's size (DTRACE_IOC_EPROBE) ---------->|
 *
 * An epid names one statement of one enabled DOF on one probe; the module
 * tells us which (once per epid, cached) and the DOF we kept tells us the
 * statement's actions and where each action's record lies in the payload.
 * Nothing in a record is trusted beyond what the DOF says: sizes and
 * offsets are checked against the snapshot before any byte is read.
 *
 * Output follows dtrace(1M): unless quiet, a heading line once, then for
 * each record "CPU ID FUNCTION:NAME " and the traced data, and a newline
 * after the record; trace() prints integers right-aligned by their size
 * and strings left-aligned in 33 columns; printf() prints only what its
 * format says.  The CPU that ran BEGIN is drained first and, once tracing
 * has stopped, the CPU that ran END last, so BEGIN's output comes first
 * and END's last, as in DTrace; when one CPU ran both and its snapshot
 * holds both, its records up to the end of BEGIN's come first and the
 * rest last.  Drops are reported on stderr in DTrace's
 * words ("dtrace: 12 drops on CPU 1").
 *
 * Each action kind prints or acts as DTrace's consumer does: sym(),
 * mod() (kernel, dt_ksym.c) and usym(), umod(), uaddr() (a pid and
 * address record, dt_usym.c) in "  %-50s"; tracemem() always as a hex
 * dump (a dynamic size is a u64 before the bytes); trace() of bytes as
 * a dump too under rawbytes; print() by type (dt_print.c); clear(),
 * trunc(), normalize() and denormalize() on the merged aggregations
 * (dt_agg.c) when their record is consumed; setopt() through
 * dtrace_setopt(), so quiet and flowindent change from the next record;
 * system() after flushing our output; freopen() by swapping the output
 * stream's descriptor (an empty name swaps the first one back);
 * ftruncate() empties the output file.  Under flowindent the line prefix
 * is DTrace's "CPU FUNCTION" layout (dt_flow_prefix()), with the
 * indentation restarting at each CPU's buffer as in DTrace.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "dt_ksym.h"
#include "dt_stack.h"
#include "dt_usym.h"
#include "dt_consume.h"
#include "dt_printf.h"
#include "dt_usym.h"
#include "dif/dif_obj.h"

/* What an epid means: asked once, then cached. */
static const struct dt_epid *dt_epid_lookup(dtrace_hdl_t *dtp,
					    struct dt_consumer *dc,
					    uint32_t epid)
{
	struct dtrace_ioc_eprobe de;
	struct dt_epid *dep;

	if (epid >= dc->dc_nepids) {
		uint32_t n = epid + 64;
		struct dt_epid *p = realloc(dc->dc_epids, n * sizeof(*p));

		if (!p) {
			dt_set_errno(dtp, ENOMEM);
			return NULL;
		}
		memset(p + dc->dc_nepids, 0, (n - dc->dc_nepids) * sizeof(*p));
		dc->dc_epids = p;
		dc->dc_nepids = n;
	}
	dep = &dc->dc_epids[epid];
	if (dep->dep_known)
		return dep;

	memset(&de, 0, sizeof(de));
	de.de_epid = epid;
	if (ioctl(dtp->dt_fd, DTRACE_IOC_EPROBE, &de) != 0) {
		dt_set_errmsg(dtp, errno, "bad enabled probe id %u in buffer",
			      epid);
		return NULL;
	}
	if (de.de_enabling >= dc->dc_nenabs ||
	    de.de_stmt >= dc->dc_enabs[de.de_enabling].den_nstmts ||
	    de.de_size < sizeof(struct dtrace_rechdr)) {
		dt_set_errmsg(dtp, EINVAL, "enabled probe id %u has no "
			      "statement in the loaded programs", epid);
		return NULL;
	}
	dep->dep_epid = epid;
	dep->dep_enabling = de.de_enabling;
	dep->dep_stmt = de.de_stmt;
	dep->dep_size = de.de_size;
	dep->dep_probe = de.de_probe;
	dep->dep_known = true;
	return dep;
}

/*
 * Bytes traced by trace() or tracemem(): a string when they look like one
 * (printable characters, then only NULs), else a hex dump.
 */
static int dt_print_bytes(FILE *fp, const char *c, size_t n, bool quiet,
			  bool forceraw)
{
	size_t i, j;

	if (n == 0)
		return 0;
	for (i = 0; !forceraw && i < n; i++) {
		if (isprint((unsigned char)c[i]) || isspace((unsigned char)c[i]) ||
		    c[i] == '\b' || c[i] == '\a')
			continue;
		if (c[i] == '\0' && i > 0) {
			for (j = i + 1; j < n && c[j] == '\0'; j++)
				;
			if (j != n)
				break;
			return quiet ? fprintf(fp, "%s", c) :
				       fprintf(fp, "  %-33s", c);
		}
		break;
	}
	if (!forceraw && i == n)
		return fprintf(fp, "  %-33.*s", (int)n, c);

	fprintf(fp, "\n%*s      ", 5, "");
	for (i = 0; i < 16; i++)
		fprintf(fp, "  %c", "0123456789abcdef"[i]);
	fprintf(fp, "  0123456789abcdef\n");
	for (i = 0; i < n; i += 16) {
		fprintf(fp, "%*s%5zx:", 5, "", i);
		for (j = i; j < i + 16 && j < n; j++)
			fprintf(fp, " %02x", (unsigned char)c[j]);
		while (j++ % 16)
			fputs("   ", fp);
		fputs("  ", fp);
		for (j = i; j < i + 16 && j < n; j++)
			fputc(c[j] < ' ' || c[j] > '~' ? '.' : c[j], fp);
		fputc('\n', fp);
	}
	return 0;
}

/* trace(): integers by their size, everything else as bytes. */
static int dt_print_trace(FILE *fp, const char *addr,
			  const struct dtrace_dof_rec *r, bool quiet)
{
	if (!(r->dofr_flags & DTRACE_DOFREC_F_BYREF)) {
		switch (r->dofr_size) {
		case 8:
			return fprintf(fp, quiet ? "%lld" : " %16lld",
				       *(const long long *)addr);
		case 4:
			return fprintf(fp, quiet ? "%d" : " %8d",
				       *(const int32_t *)addr);
		case 2:
			return fprintf(fp, quiet ? "%d" : " %5d",
				       *(const uint16_t *)addr);
		case 1:
			return fprintf(fp, quiet ? "%d" : " %3d",
				       *(const uint8_t *)addr);
		default:
			break;
		}
	}
	return dt_print_bytes(fp, addr, r->dofr_size, quiet, false);
}

/* The record of action ai of a statement, inside a payload of len bytes. */
static const struct dtrace_dof_rec *dt_act_rec(const struct dt_enab *en,
					       uint32_t ai, size_t len)
{
	const struct dtrace_dof_rec *r;
	uint32_t ri = en->den_acts[ai].dofa_rec;

	if (ri == DTRACE_DOF_NONE || ri >= en->den_nrecs)
		return NULL;
	r = &en->den_recs[ri];
	if (r->dofr_offset > len || r->dofr_size > len - r->dofr_offset)
		return NULL;
	return r;
}

/*
 * The values of a printf-like action's ARG actions: a calloc'd array of
 * dofa_nargs (+1) entries in *valsp, or -1.
 */
static int dt_pf_values(dtrace_hdl_t *dtp, const struct dt_enab *en,
			uint32_t ai, const char *payload, size_t len,
			struct dt_pfval **valsp)
{
	const struct dtrace_dof_action *a = &en->den_acts[ai];
	struct dt_pfval *vals;
	uint32_t i;

	if (!en->den_pfv[ai] || a->dofa_nargs > en->den_nacts - ai - 1)
		return dt_set_errmsg(dtp, EINVAL, "printf() without a format");
	vals = calloc(a->dofa_nargs + 1, sizeof(*vals));
	if (!vals)
		return dt_set_errno(dtp, ENOMEM);
	for (i = 0; i < a->dofa_nargs; i++) {
		const struct dtrace_dof_rec *r = dt_act_rec(en, ai + 1 + i, len);

		if (!r) {
			free(vals);
			return dt_set_errmsg(dtp, EINVAL,
					     "printf() argument without a record");
		}
		vals[i].pv_addr = payload + r->dofr_offset;
		vals[i].pv_size = r->dofr_size;
		if (r->dofr_flags & DTRACE_DOFREC_F_STRING)
			vals[i].pv_size = strnlen(vals[i].pv_addr, r->dofr_size);
		vals[i].pv_flags = r->dofr_flags & DTRACE_DOFREC_F_SIGNED ?
				   DT_PFVAL_SIGNED : 0;
	}
	*valsp = vals;
	return 0;
}

/* printf(): the format, then one value per ARG action that follows. */
static int dt_consume_printf(dtrace_hdl_t *dtp, FILE *fp,
			     const struct dt_enab *en, uint32_t ai,
			     const char *payload, size_t len)
{
	struct dt_pfval *vals;
	int ret;

	if (dt_pf_values(dtp, en, ai, payload, len, &vals) != 0)
		return -1;
	ret = dt_printf_format(dtp, fp, en->den_pfv[ai], vals,
			       (int)en->den_acts[ai].dofa_nargs, NULL);
	free(vals);
	return ret < 0 ? -1 : 0;
}

/* A printf-like action's text, for system() and freopen(). */
static char *dt_consume_sprintf(dtrace_hdl_t *dtp, const struct dt_enab *en,
				uint32_t ai, const char *payload, size_t len)
{
	struct dt_pfval *vals;
	char *str;
	int ret;

	if (dt_pf_values(dtp, en, ai, payload, len, &vals) != 0)
		return NULL;
	ret = dt_printf_string(dtp, &str, en->den_pfv[ai], vals,
			       (int)en->den_acts[ai].dofa_nargs);
	free(vals);
	return ret < 0 ? NULL : str;
}

/*
 * An error the library meets acting on a record (freopen(), setopt()),
 * reported as DTrace does, on stderr, without ending tracing.
 */
static void dt_consume_liberr(const struct dt_epid *dep, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void dt_consume_liberr(const struct dt_epid *dep, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "dtrace: error on enabled probe ID %u (ID %u: "
		"%s:%s:%s:%s): ", dep->dep_epid, dep->dep_probe.dpd_id,
		dep->dep_probe.dpd_provider, dep->dep_probe.dpd_mod,
		dep->dep_probe.dpd_func, dep->dep_probe.dpd_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

/* An integer record of 1, 2, 4 or 8 bytes, sign-extended. */
static bool dt_rec_int(const struct dtrace_dof_rec *r, const char *payload,
		       int64_t *v)
{
	const char *p = payload + r->dofr_offset;

	switch (r->dofr_size) {
	case 1: *v = *(const int8_t *)p; return true;
	case 2: *v = *(const int16_t *)p; return true;
	case 4: *v = *(const int32_t *)p; return true;
	case 8: *v = *(const int64_t *)p; return true;
	default: return false;
	}
}

/*
 * system(): the command, run by the shell after our output so far, so
 * that its output comes in order.
 */
static int dt_consume_system(dtrace_hdl_t *dtp, FILE *fp,
			     const struct dt_enab *en, uint32_t ai,
			     const char *payload, size_t len)
{
	char *cmd = dt_consume_sprintf(dtp, en, ai, payload, len);

	if (!cmd)
		return -1;
	fflush(fp);
	fflush(stdout);
	if (system(cmd) == -1) {
		free(cmd);
		return dt_set_errmsg(dtp, errno, "system() failed: %s",
				     strerror(errno));
	}
	free(cmd);
	return 0;
}

/*
 * freopen(): the output goes to the named file (appended to) from now
 * on; an empty name restores the first output.  The stream stays the
 * same: its descriptor is replaced underneath.
 */
static int dt_consume_freopen(dtrace_hdl_t *dtp, FILE *fp,
			      const struct dt_epid *dep,
			      const struct dt_enab *en, uint32_t ai,
			      const char *payload, size_t len)
{
	struct dt_consumer *dc = dtp->dt_cons;
	char *path = dt_consume_sprintf(dtp, en, ai, payload, len);
	int fd;

	if (!path)
		return -1;
	fflush(fp);
	if (path[0] == '\0') {
		if (dc->dc_savedfd) {
			dup2(dc->dc_savedfd - 1, fileno(fp));
			close(dc->dc_savedfd - 1);
			dc->dc_savedfd = 0;
		}
		free(path);
		return 0;
	}
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0) {
		dt_consume_liberr(dep, "couldn't freopen() \"%s\": %s\n", path,
				  strerror(errno));
		free(path);
		return 0;
	}
	if (!dc->dc_savedfd)
		dc->dc_savedfd = fcntl(fileno(fp), F_DUPFD_CLOEXEC, 3) + 1;
	dup2(fd, fileno(fp));
	close(fd);
	free(path);
	return 0;
}

/* ftruncate(): the output file emptied, writing from its start again. */
static void dt_consume_ftruncate(FILE *fp)
{
	fflush(fp);
	if (ftruncate(fileno(fp), 0) == 0)
		fseeko(fp, 0, SEEK_SET);
}

/*
 * setopt(name[, value]) at run time: as -x would have set it, for the
 * options the consumer reads as it goes (quiet, flowindent, rawbytes,
 * aggsort*, ...).
 */
static void dt_consume_setopt(dtrace_hdl_t *dtp, const struct dt_epid *dep,
			      const struct dt_enab *en, uint32_t ai,
			      const char *payload, size_t len)
{
	const struct dtrace_dof_action *a = &en->den_acts[ai];
	const struct dtrace_dof_rec *rn, *rv = NULL;
	char name[256], val[256];
	const char *v = "1";	/* setopt("quiet"), as DTrace passes it */

	if (a->dofa_nargs < 1 || a->dofa_nargs > 2 ||
	    a->dofa_nargs > en->den_nacts - ai - 1 ||
	    !(rn = dt_act_rec(en, ai + 1, len)) ||
	    (a->dofa_nargs == 2 && !(rv = dt_act_rec(en, ai + 2, len))))
		return;
	snprintf(name, sizeof(name), "%.*s", (int)strnlen(payload +
		 rn->dofr_offset, rn->dofr_size), payload + rn->dofr_offset);
	if (rv) {
		snprintf(val, sizeof(val), "%.*s", (int)strnlen(payload +
			 rv->dofr_offset, rv->dofr_size),
			 payload + rv->dofr_offset);
		v = val;
	}
	if (dtrace_setopt(dtp, name, v) != 0) {
		dt_consume_liberr(dep, "couldn't set option \"%s\" to \"%s\": "
				  "%s\n", name, v,
				  dtrace_errmsg(dtp, dtrace_errno(dtp)));
		return;
	}
	dt_consume_options(dtp);
}

/* sym(), func(), mod(), usym(), ufunc(), umod(), uaddr(): "  %-50s". */
void dt_print_symrec(FILE *fp, uint32_t kind, const char *addr, uint32_t size)
{
	char buf[1024];
	uint64_t pc, pid = 0;

	if (size == 16) {
		memcpy(&pid, addr, 8);
		memcpy(&pc, addr + 8, 8);
	} else if (size == 8) {
		memcpy(&pc, addr, 8);
	} else {
		return;
	}
	switch (kind) {
	case DTRACE_DOFACT_SYM:
		dt_ksym_sym(dt_ksym_kernel(), pc, buf, sizeof(buf));
		break;
	case DTRACE_DOFACT_MOD:
		dt_ksym_mod(dt_ksym_kernel(), pc, buf, sizeof(buf));
		break;
	case DTRACE_DOFACT_USYM:
		dt_usym_sym((pid_t)pid, pc, buf, sizeof(buf));
		break;
	case DTRACE_DOFACT_UMOD:
		dt_usym_mod((pid_t)pid, pc, buf, sizeof(buf));
		break;
	default:
		dt_usym_addr((pid_t)pid, pc, buf, sizeof(buf));
		break;
	}
	fprintf(fp, "  %-50s", buf);
}

/* tracemem(): always the hex dump; a dynamic size comes first. */
static void dt_print_tracemem(FILE *fp, const struct dtrace_dof_rec *r,
			      const char *addr, bool quiet)
{
	uint64_t n = r->dofr_size;

	if (r->dofr_flags & DTRACE_DOFREC_F_DYNSIZE) {
		memcpy(&n, addr, 8);
		addr += 8;
		if (n > r->dofr_size - 8)
			n = r->dofr_size - 8;
	}
	dt_print_bytes(fp, addr, (size_t)n, quiet, true);
}

/*
 * clear(), trunc(), normalize(), denormalize(): the aggregation by its
 * index in the enabling (dofa_arg), and trunc()'s count or normalize()'s
 * factor in the ARG after.
 */
static void dt_consume_aggact(dtrace_hdl_t *dtp, const struct dt_enab *en,
			      uint32_t ai, const char *payload, size_t len)
{
	const struct dtrace_dof_action *a = &en->den_acts[ai];
	const struct dtrace_dof_rec *r = NULL;
	uint32_t id = en->den_aggbase + (uint32_t)a->dofa_arg;
	int64_t v = 0;
	bool hasv;

	if (a->dofa_arg >= en->den_naggs)
		return;
	if (a->dofa_nargs == 1 && a->dofa_nargs <= en->den_nacts - ai - 1)
		r = dt_act_rec(en, ai + 1, len);
	hasv = r && dt_rec_int(r, payload, &v);
	switch (a->dofa_kind) {
	case DTRACE_DOFACT_CLEAR:
		dt_agg_clear(dtp, id);
		break;
	case DTRACE_DOFACT_TRUNC:
		dt_agg_trunc(dtp, id, v, !hasv);
		break;
	case DTRACE_DOFACT_NORMALIZE:
		if (hasv && v > 0)
			dt_agg_normalize(dtp, id, (uint64_t)v);
		break;
	case DTRACE_DOFACT_DENORMALIZE:
		dt_agg_normalize(dtp, id, 1);
		break;
	}
}

/*
 * A record of the library's ERROR enabling: DTrace's error message, on
 * stderr.  Its five trace() records are the faulting epid, the action
 * (0: the predicate), the DIF offset (-1: unknown), the fault and the
 * offending value.
 */
static int dt_consume_error(dtrace_hdl_t *dtp, const struct dt_epid *dep,
			    const char *payload, size_t len)
{
	struct dt_consumer *dc = dtp->dt_cons;
	const struct dt_enab *en = &dc->dc_enabs[dep->dep_enabling];
	const struct dtrace_dof_stmt *st = &en->den_stmts[dep->dep_stmt];
	const struct dt_epid *fdep;
	char where[32], offinfo[32], details[40];
	int64_t v[5];
	const char *fmsg;
	uint32_t i;

	if (st->dofst_act_count != 5 || st->dofst_act_first > en->den_nacts - 5)
		return dt_set_errmsg(dtp, EINVAL, "malformed ERROR record");
	for (i = 0; i < 5; i++) {
		const struct dtrace_dof_rec *r =
			dt_act_rec(en, st->dofst_act_first + i, len);

		if (!r || r->dofr_size != sizeof(int64_t))
			return dt_set_errmsg(dtp, EINVAL, "malformed ERROR record");
		memcpy(&v[i], payload + r->dofr_offset, sizeof(v[i]));
	}
	fdep = dt_epid_lookup(dtp, dc, (uint32_t)v[0]);
	if (!fdep)
		return -1;
	if (v[1] == 0)
		snprintf(where, sizeof(where), "predicate");
	else
		snprintf(where, sizeof(where), "action #%d", (int)v[1]);
	offinfo[0] = '\0';
	if (v[2] != -1)
		snprintf(offinfo, sizeof(offinfo), " at DIF offset %d", (int)v[2]);
	details[0] = '\0';
	if (v[3] == DIF_FLT_BADADDR || v[3] == DIF_FLT_BADALIGN ||
	    v[3] == DIF_FLT_BADSTACK)
		snprintf(details, sizeof(details), " (0x%llx)",
			 (unsigned long long)v[4]);
	fmsg = dif_fault_msg((int)v[3]);
	fprintf(stderr, "dtrace: error on enabled probe ID %u (ID %u: "
		"%s:%s:%s:%s): %s%s in %s%s\n", (uint32_t)v[0],
		fdep->dep_probe.dpd_id, fdep->dep_probe.dpd_provider,
		fdep->dep_probe.dpd_mod, fdep->dep_probe.dpd_func,
		fdep->dep_probe.dpd_name, fmsg ? fmsg : "unknown fault",
		details, where, offinfo);
	return 0;
}

void dt_consume_options(dtrace_hdl_t *dtp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	int64_t v;

	if (!dc)
		return;
	dc->dc_quiet = dtrace_getopt(dtp, "quiet", &v) == 0 && v > 0;
	dc->dc_flow = dtrace_getopt(dtp, "flowindent", &v) == 0 && v > 0;
	dc->dc_rawbytes = dtrace_getopt(dtp, "rawbytes", &v) == 0 && v > 0;
	dc->dc_stackindent = dtrace_getopt(dtp, "stackindent", &v) == 0 &&
			     v >= 0 && v < 1024 ? (int)v : DT_STACK_INDENT;
	dc->dc_droptags = dtrace_getopt(dtp, "droptags", &v) == 0 && v > 0;
}

/* "entry" or "...-entry" (as "return"), not "carpentry". */
static bool dt_flow_is(const char *name, const char *what)
{
	size_t n = strlen(name), w = strlen(what);

	return n >= w && strcmp(name + n - w, what) == 0 &&
	       (n == w || name[n - w - 1] == '-');
}

/*
 * flowindent, as DTrace does it: an entry probe prints "-> func" and
 * indents what follows by two columns, a return probe unindents and
 * prints "<- func" ("=>" and "<=" for syscalls), any other probe "| "
 * and its func:name.  An entry of the probe just seen under another
 * epid (a second clause) does not indent again; a return followed by
 * another clause of the same probe does not unindent yet.  The line is
 * "CPU FUNCTION" in 3 and 41 columns.
 */
static void dt_flow_prefix(dtrace_hdl_t *dtp, FILE *fp, int cpu,
			   const struct dt_epid *dep, const char *buf,
			   size_t size, size_t off)
{
	struct dt_consumer *dc = dtp->dt_cons;
	const struct dtrace_probedesc *pd = &dep->dep_probe;
	bool sys = strcmp(pd->dpd_provider, "syscall") == 0;
	const char *prefix = "| ";
	char name[DTRACE_FUNCNAMELEN + DTRACE_NAMELEN + 512];
	int flow = 0;	/* 1 entry, -1 return */

	if (dt_flow_is(pd->dpd_name, "entry"))
		flow = 1;
	else if (dt_flow_is(pd->dpd_name, "return"))
		flow = -1;
	if (flow == 1 && dc->dc_lastepid && dc->dc_lastepid != dep->dep_epid &&
	    dc->dc_lastepid < dc->dc_nepids &&
	    dc->dc_epids[dc->dc_lastepid].dep_known &&
	    dc->dc_epids[dc->dc_lastepid].dep_probe.dpd_id == pd->dpd_id)
		flow = 0;
	if (flow == -1 && off + dep->dep_size + sizeof(struct dtrace_rechdr) <=
	    size) {
		const struct dtrace_rechdr *h =
			(const void *)(buf + off + dep->dep_size);
		const struct dt_epid *next;

		if (h->drh_epid != DTRACE_EPIDNONE &&
		    h->drh_epid != dep->dep_epid &&
		    (next = dt_epid_lookup(dtp, dc, h->drh_epid)) != NULL &&
		    next->dep_probe.dpd_id == pd->dpd_id)
			flow = 0;
	}
	if (flow == 1)
		prefix = sys ? " => " : " -> ";
	else if (flow == -1)
		prefix = sys ? " <= " : " <- ";
	if (flow == -1 && dc->dc_indent > 0)
		dc->dc_indent -= 2;

	if (!dc->dc_heading) {
		fprintf(fp, "%3s %-41s\n", "CPU", "FUNCTION");
		dc->dc_heading = true;
	}
	if (flow)
		snprintf(name, sizeof(name), "%*s%s%s", dc->dc_indent, "",
			 prefix, pd->dpd_func);
	else
		snprintf(name, sizeof(name), "%*s%s%s:%s", dc->dc_indent, "",
			 prefix, pd->dpd_func, pd->dpd_name);
	fprintf(fp, "%3d %-41s ", cpu, name);
	if (flow == 1)
		dc->dc_indent += 2;
}

/* One record: the probe's line prefix, then each action's data. */
static int dt_consume_record(dtrace_hdl_t *dtp, FILE *fp, int cpu,
			     const struct dt_epid *dep, const char *buf,
			     size_t size, size_t off)
{
	struct dt_consumer *dc = dtp->dt_cons;
	const struct dt_enab *en = &dc->dc_enabs[dep->dep_enabling];
	const struct dtrace_dof_stmt *st = &en->den_stmts[dep->dep_stmt];
	const char *rec = buf + off;
	const char *payload = rec + sizeof(struct dtrace_rechdr);
	size_t len = dep->dep_size - sizeof(struct dtrace_rechdr);
	bool rawbytes;
	uint32_t i;

	if (st->dofst_act_first > en->den_nacts ||
	    st->dofst_act_count > en->den_nacts - st->dofst_act_first)
		return dt_set_errmsg(dtp, EINVAL, "statement without actions");
	if ((int)dep->dep_enabling == dc->dc_errenab)
		return dt_consume_error(dtp, dep, payload, len);

	if (dc->dc_flow) {
		dt_flow_prefix(dtp, fp, cpu, dep, buf, size, off);
	} else if (!dc->dc_quiet) {
		char name[DTRACE_FUNCNAMELEN + DTRACE_NAMELEN + 2];

		if (!dc->dc_heading) {
			fprintf(fp, "%3s %6s %32s\n", "CPU", "ID", "FUNCTION:NAME");
			dc->dc_heading = true;
		}
		snprintf(name, sizeof(name), "%s:%s", dep->dep_probe.dpd_func,
			 dep->dep_probe.dpd_name);
		fprintf(fp, "%3d %6u %32s ", cpu, dep->dep_probe.dpd_id, name);
	}
	dc->dc_lastepid = dep->dep_epid;
	rawbytes = dc->dc_rawbytes;

	for (i = 0; i < st->dofst_act_count; i++) {
		uint32_t ai = st->dofst_act_first + i;
		const struct dtrace_dof_action *a = &en->den_acts[ai];
		const struct dtrace_dof_rec *r = dt_act_rec(en, ai, len);

		if (a->dofa_nargs > st->dofst_act_count - i - 1)
			return dt_set_errmsg(dtp, EINVAL,
					     "action arguments overrun the statement");
		switch (a->dofa_kind) {
		case DTRACE_DOFACT_TRACE:
			if (!r)
				break;
			if (rawbytes && (r->dofr_flags & DTRACE_DOFREC_F_BYREF))
				dt_print_bytes(fp, payload + r->dofr_offset,
					       r->dofr_size, dc->dc_quiet, true);
			else
				dt_print_trace(fp, payload + r->dofr_offset, r,
					       dc->dc_quiet);
			break;
		case DTRACE_DOFACT_PRINT:
			if (!r)
				break;
			if (a->dofa_arg >= en->den_strlen ||
			    dt_print_typed(dtp, fp, en->den_strtab + a->dofa_arg,
					   payload + r->dofr_offset,
					   r->dofr_size) <= 0)
				dt_print_trace(fp, payload + r->dofr_offset, r,
					       dc->dc_quiet);
			break;
		case DTRACE_DOFACT_SYM:
		case DTRACE_DOFACT_MOD:
		case DTRACE_DOFACT_USYM:
		case DTRACE_DOFACT_UMOD:
		case DTRACE_DOFACT_UADDR:
			if (r)
				dt_print_symrec(fp, a->dofa_kind,
						payload + r->dofr_offset,
						r->dofr_size);
			break;
		case DTRACE_DOFACT_TRACEMEM:
			if (r)
				dt_print_tracemem(fp, r, payload + r->dofr_offset,
						  dc->dc_quiet);
			i += a->dofa_nargs;
			break;
		case DTRACE_DOFACT_PRINTF:
			if (dt_consume_printf(dtp, fp, en, ai, payload, len) != 0)
				return -1;
			i += a->dofa_nargs;
			break;
		case DTRACE_DOFACT_SYSTEM:
			if (dt_consume_system(dtp, fp, en, ai, payload, len) != 0)
				return -1;
			i += a->dofa_nargs;
			break;
		case DTRACE_DOFACT_FREOPEN:
			if (dt_consume_freopen(dtp, fp, dep, en, ai, payload,
					       len) != 0)
				return -1;
			i += a->dofa_nargs;
			break;
		case DTRACE_DOFACT_FTRUNCATE:
			dt_consume_ftruncate(fp);
			break;
		case DTRACE_DOFACT_SETOPT:
			dt_consume_setopt(dtp, dep, en, ai, payload, len);
			i += a->dofa_nargs;
			break;
		case DTRACE_DOFACT_CLEAR:
		case DTRACE_DOFACT_TRUNC:
		case DTRACE_DOFACT_NORMALIZE:
		case DTRACE_DOFACT_DENORMALIZE:
			dt_consume_aggact(dtp, en, ai, payload, len);
			i += a->dofa_nargs;
			break;
		case DTRACE_DOFACT_STACK:
			if (r)
				dt_ksym_print_stack(fp, (const uint64_t *)
					(payload + r->dofr_offset),
					r->dofr_size / sizeof(uint64_t),
					dc->dc_stackindent);
			break;
		case DTRACE_DOFACT_USTACK:
		case DTRACE_DOFACT_JSTACK:
			/* The pid, then the frames (strings: no helpers). */
			if (r && r->dofr_size >= 8 * ((a->dofa_arg &
						       UINT32_MAX) + 1))
				dt_stack_print(fp, NULL, 1, (const uint64_t *)
					(const void *)(payload + r->dofr_offset),
					(a->dofa_arg & UINT32_MAX) + 1,
					dc->dc_stackindent);
			break;
		case DTRACE_DOFACT_PRINTA:
			if (dt_agg_printa(dtp, fp, en, ai) != 0)
				return -1;
			i += a->dofa_nargs;
			break;
		case DTRACE_DOFACT_EXIT:
			if (r && r->dofr_size == sizeof(int32_t)) {
				dc->dc_status = *(const int32_t *)
						(payload + r->dofr_offset);
				dc->dc_exited = true;
			}
			break;
		default:
			break;
		}
	}
	if (!dc->dc_quiet)
		fputc('\n', fp);
	return 0;
}

/* Take one CPU's records into buf: their size, 0 for a CPU that is not
 * possible, or -1. */
static ssize_t dt_snap_cpu(dtrace_hdl_t *dtp, int cpu, char *buf)
{
	struct dt_consumer *dc = dtp->dt_cons;
	struct dtrace_ioc_bufsnap db;

	memset(&db, 0, sizeof(db));
	db.db_cpu = cpu;
	db.db_data = (uintptr_t)buf;
	db.db_size = dc->dc_bufsize;
	if (ioctl(dtp->dt_fd, DTRACE_IOC_BUFSNAP, &db) != 0) {
		if (errno == EINVAL)
			return 0;
		return dt_set_errmsg(dtp, errno, "buffer snapshot of CPU %d "
				     "failed: %s", cpu, strerror(errno));
	}
	if (db.db_size > dc->dc_bufsize)
		return dt_set_errmsg(dtp, EINVAL, "oversized buffer snapshot");
	if (db.db_drops)
		fprintf(stderr, "dtrace: %s%llu drop%s on CPU %d\n",
			dc->dc_droptags ? "[DTRACEDROP_PRINCIPAL] " : "",
			(unsigned long long)db.db_drops,
			db.db_drops == 1 ? "" : "s", cpu);
	return (ssize_t)db.db_size;
}

static bool dt_is_begin(const struct dtrace_probedesc *pd)
{
	return strcmp(pd->dpd_provider, "dtrace") == 0 &&
	       strcmp(pd->dpd_name, "BEGIN") == 0;
}

/*
 * Print the records of one CPU's snapshot from off; with begin_only,
 * stop at the first record that dtrace:::BEGIN did not write.  Returns
 * the offset reached, or -1.
 */
static ssize_t dt_consume_buf(dtrace_hdl_t *dtp, FILE *fp, int cpu,
			      const char *buf, size_t size, size_t off,
			      bool begin_only)
{
	struct dt_consumer *dc = dtp->dt_cons;

	if (off == 0)
		dc->dc_indent = 0;	/* each CPU's flow starts afresh */
	while (off + sizeof(struct dtrace_rechdr) <= size) {
		const struct dtrace_rechdr *h = (const void *)(buf + off);
		const struct dt_epid *dep;

		if (h->drh_epid == DTRACE_EPIDNONE)
			break;
		dep = dt_epid_lookup(dtp, dc, h->drh_epid);
		if (!dep)
			return -1;
		if (dep->dep_size > size - off || h->drh_size != dep->dep_size)
			return dt_set_errmsg(dtp, EINVAL,
					     "record overruns the buffer of CPU %d",
					     cpu);
		if (begin_only && !dt_is_begin(&dep->dep_probe))
			break;
		if (dt_consume_record(dtp, fp, cpu, dep, buf, size, off) != 0)
			return -1;
		off += dep->dep_size;
	}
	return (ssize_t)off;
}

static int dt_consume_cpu(dtrace_hdl_t *dtp, FILE *fp, int cpu)
{
	struct dt_consumer *dc = dtp->dt_cons;
	ssize_t n = dt_snap_cpu(dtp, cpu, dc->dc_buf);

	if (n <= 0)
		return (int)n;
	return dt_consume_buf(dtp, fp, cpu, dc->dc_buf, (size_t)n, 0, false) < 0 ?
	       -1 : 0;
}

/* Every CPU but skip, in order. */
static int dt_consume_others(dtrace_hdl_t *dtp, FILE *fp, int skip)
{
	int ncpus = (int)dtp->dt_module.dmi_ncpus, cpu;

	for (cpu = 0; cpu < ncpus; cpu++)
		if (cpu != skip && dt_consume_cpu(dtp, fp, cpu) != 0)
			return -1;
	return 0;
}

/*
 * BEGIN and END ran on one CPU and its snapshot holds both (a fill or
 * ring buffer, or a program that exits at once): BEGIN's records first,
 * then every other CPU's, then the rest of that CPU's, END's last.
 */
static int dt_consume_beginend(dtrace_hdl_t *dtp, FILE *fp, int cpu)
{
	struct dt_consumer *dc = dtp->dt_cons;
	char *held = malloc(dc->dc_bufsize);
	ssize_t n, off;
	int ret = -1;

	if (!held)
		return dt_set_errno(dtp, ENOMEM);
	n = dt_snap_cpu(dtp, cpu, held);
	if (n >= 0) {
		off = dt_consume_buf(dtp, fp, cpu, held, (size_t)n, 0, true);
		if (off >= 0 && dt_consume_others(dtp, fp, cpu) == 0 &&
		    dt_consume_buf(dtp, fp, cpu, held, (size_t)n, (size_t)off,
				   false) >= 0)
			ret = 0;
	}
	free(held);
	return ret;
}

int dt_consume(dtrace_hdl_t *dtp, FILE *fp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	int cpu;

	if (!dc || !dc->dc_started || (dc->dc_atend && !dc->dc_stopped))
		return 0;
	dt_consume_options(dtp);
	if (dc->dc_begancpu >= 0) {
		cpu = dc->dc_begancpu;
		dc->dc_begancpu = -1;
		if (dc->dc_stopped && cpu == dc->dc_endedcpu)
			return dt_consume_beginend(dtp, fp, cpu);
		if (dt_consume_cpu(dtp, fp, cpu) != 0)
			return -1;
	}
	if (dt_consume_others(dtp, fp, dc->dc_stopped ? dc->dc_endedcpu : -1) != 0)
		return -1;
	if (dc->dc_stopped && dc->dc_endedcpu >= 0 &&
	    dt_consume_cpu(dtp, fp, dc->dc_endedcpu) != 0)
		return -1;
	return 0;
}
