/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * libtrace's public API: what cmd/dtrace (and later the postmortem reader)
 * use.  The library is the D compiler and the consumer.
 *
 * Error regime: functions return -1 (or NULL) and set the handle's error
 * number; dtrace_errmsg() gives the message.  dtrace_open() reports through
 * its errp argument since there is no handle yet.
 */
#ifndef DTRACE_H
#define DTRACE_H

#include <stdint.h>
#include <stdio.h>

typedef struct dtrace_hdl dtrace_hdl_t;

/* Version strings, as `dtrace -V` prints them. */
#define DTRACE_D_VERSION_STRING	"Sun D 1.13"

/* dtrace_open() flags. */
#define DTRACE_O_NODEV	0x01	/* do not open /dev/dtrace (compile only) */

/* libtrace error numbers, beyond errno values. */
#define DTRACE_EBASE		1000
#define DTRACE_ENODEV		(DTRACE_EBASE + 0)	/* no /dev/dtrace */
#define DTRACE_EABI		(DTRACE_EBASE + 1)	/* ABI mismatch */
#define DTRACE_ECOMPILE		(DTRACE_EBASE + 2)	/* D compilation failed */
#define DTRACE_ENOTSUP		(DTRACE_EBASE + 3)	/* not implemented yet */
#define DTRACE_EBADOPTNAME	(DTRACE_EBASE + 4)	/* unknown option */
#define DTRACE_EBADOPTVAL	(DTRACE_EBASE + 5)	/* bad option value */
#define DTRACE_EACTIVE		(DTRACE_EBASE + 6)	/* illegal while tracing */

/* What the module told us in the handshake. */
typedef struct dtrace_module_info {
	uint32_t dmi_abi;		/* module's ABI version */
	uint32_t dmi_ncpus;		/* possible CPUs */
	uint64_t dmi_features;		/* DTRACE_FEAT_* */
	char dmi_version[32];		/* module release string */
} dtrace_module_info_t;

dtrace_hdl_t *dtrace_open(int flags, int *errp);
void dtrace_close(dtrace_hdl_t *dtp);
int dtrace_errno(dtrace_hdl_t *dtp);
const char *dtrace_errmsg(dtrace_hdl_t *dtp, int err);
const char *dtrace_strerror(int err);
/* The module's handshake answer; NULL for a DTRACE_O_NODEV handle. */
const dtrace_module_info_t *dtrace_module_info(dtrace_hdl_t *dtp);

/*
 * The D compiler (dt_cc.c).  A compiled program holds its enabling
 * statements; dtrace_program_dof() serialises it for the module.
 */
typedef struct dtrace_prog dtrace_prog_t;

/* What a probe specifier given on the command line ends with. */
#define DTRACE_PROBESPEC_NONE		-1	/* a D program (-s) */
#define DTRACE_PROBESPEC_PROVIDER	0	/* -P */
#define DTRACE_PROBESPEC_MOD		1	/* -m */
#define DTRACE_PROBESPEC_FUNC		2	/* -f */
#define DTRACE_PROBESPEC_NAME		3	/* -n */

/* Compiler flags. */
#define DTRACE_C_ZDEFS	0x0001	/* -Z: descriptions may match no probes */
#define DTRACE_C_CPP	0x0002	/* -C: run cpp over the input first */
#define DTRACE_C_DEFARG	0x0004	/* missing $n are 0 and $$n "" */
#define DTRACE_C_ARGREF	0x0008	/* unreferenced macro arguments are ok */
#define DTRACE_C_ETAGS	0x0010	/* put [D_TAG] before error messages */
#define DTRACE_C_PSPEC	0x0020	/* outer words are always probe specs */
#define DTRACE_C_EMPTY	0x0040	/* an empty program is not an error */

/*
 * Compile D.  argv[0] is $0 (the script's name for -s, the program's name
 * otherwise) and argv[1..argc-1] are $1 ..; an argument no $n refers to is
 * an error unless argref is set.  -C is DTRACE_C_CPP; -D, -U and -I are
 * the options define, undef and incdir (dtrace_setopt) before compiling.
 * On error: NULL, DTRACE_ECOMPILE, and dtrace_errmsg() gives DTrace's
 * message, "invalid probe specifier <text>: ..." or "failed to compile
 * script <file>: line <n>: ...", with "[D_TAG] " after the colon when the
 * errtags option is set.  dtrace_program_dump() prints the DIF (-S).
 */
dtrace_prog_t *dtrace_program_strcompile(dtrace_hdl_t *dtp, const char *text,
					 int spec, unsigned cflags,
					 int argc, char *const argv[]);
dtrace_prog_t *dtrace_program_fcompile(dtrace_hdl_t *dtp, FILE *fp,
				       const char *filename, unsigned cflags,
				       int argc, char *const argv[]);
int dtrace_program_dump(dtrace_hdl_t *dtp, dtrace_prog_t *pgp, FILE *fp);
int dtrace_program_dof(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
		       void **dofp, size_t *lenp);
void dtrace_program_destroy(dtrace_hdl_t *dtp, dtrace_prog_t *pgp);

/*
 * Options (-x name=value and #pragma D option name=value).  Compiler
 * options (defaultargs, errtags, zdefs, define, undef, incdir, ...) apply
 * to later compilations; an unknown name is DTRACE_EBADOPTNAME.  Sizes
 * take k/m/g/t suffixes, rates hz/ns/us/ms/s/... suffixes.
 */
int dtrace_setopt(dtrace_hdl_t *dtp, const char *opt, const char *val);
int dtrace_getopt(dtrace_hdl_t *dtp, const char *opt, int64_t *valp);

/*
 * The consumer (dt_enable.c, dt_consume.c, dt_work.c).  The order of use
 * is DTrace's: enable one or more programs, dtrace_go(), then loop on
 * dtrace_sleep() and dtrace_work() until it says DONE (a clause called
 * exit()) or the user interrupts, calling dtrace_stop() to end tracing
 * (END fires) and dtrace_work() once more to drain.  dtrace_work() prints
 * the traced data on fp as dtrace(1M) does; the quiet and switchrate
 * options apply.
 */
/*
 * Stability attributes (DTrace's, in increasing order): the stability of
 * names and of data (DTRACE_S_*) and the dependency class (DTRACE_C_*),
 * named by dtrace_stability_name() and dtrace_class_name().
 */
enum {
	DTRACE_S_INTERNAL, DTRACE_S_PRIVATE, DTRACE_S_OBSOLETE,
	DTRACE_S_EXTERNAL, DTRACE_S_UNSTABLE, DTRACE_S_EVOLVING,
	DTRACE_S_STABLE, DTRACE_S_STANDARD,
};
enum {
	DTRACE_C_UNKNOWN, DTRACE_C_CPU, DTRACE_C_PLATFORM, DTRACE_C_GROUP,
	DTRACE_C_ISA, DTRACE_C_COMMON,
};
typedef struct dtrace_attribute {
	uint8_t dtat_name, dtat_data, dtat_class;
} dtrace_attribute_t;

/*
 * "Evolving/Evolving/Common" (case does not matter; parts left out are
 * Standard/Standard/Common) into attributes: 0, or -1 if malformed.
 */
int dtrace_str2attr(const char *s, dtrace_attribute_t *attr);

typedef struct dtrace_proginfo {
	uint32_t dpi_matches;		/* probes the program's clauses matched */
	dtrace_attribute_t dpi_descattr; /* minimum over its descriptions */
	dtrace_attribute_t dpi_stmtattr; /* minimum over its statements */
} dtrace_proginfo_t;

typedef enum dtrace_workstatus {
	DTRACE_WORKSTATUS_ERROR = -1,
	DTRACE_WORKSTATUS_OKAY,
	DTRACE_WORKSTATUS_DONE
} dtrace_workstatus_t;

/* Enable a compiled program, or a DOF built some other way. */
int dtrace_program_exec(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
			dtrace_proginfo_t *pip);
int dtrace_dof_enable(dtrace_hdl_t *dtp, const void *dof, size_t len,
		      dtrace_proginfo_t *pip);
int dtrace_go(dtrace_hdl_t *dtp);
int dtrace_stop(dtrace_hdl_t *dtp);
void dtrace_sleep(dtrace_hdl_t *dtp);
dtrace_workstatus_t dtrace_work(dtrace_hdl_t *dtp, FILE *fp);
/* The value given to exit(), 0 when no clause called it. */
int dtrace_exit_status(dtrace_hdl_t *dtp);
/*
 * Print every aggregation as DTrace does at the end of tracing: each
 * sorted by value (then key), keys and value in DTrace's columns, the
 * quantizations as histograms.
 */
int dtrace_aggregate_print(dtrace_hdl_t *dtp, FILE *fp);

/*
 * Probe listing: func is called for each probe matching pdp (NULL, or
 * empty parts, match anything); a nonzero return stops the walk.  Returns
 * the number of probes seen, or -1.
 */
struct dtrace_probedesc;
typedef int dtrace_probe_f(dtrace_hdl_t *dtp,
			   const struct dtrace_probedesc *pdp, void *arg);
int dtrace_probe_iter(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pdp,
		      dtrace_probe_f *func, void *arg);

/*
 * dtrace -lv (dt_args.c): a probe's stability attributes and its
 * argument types by C name, none if dtp_argc is 0.
 */
#define DTRACE_ARGMAX		32
#define DTRACE_ARGTYPELEN	128
typedef struct dtrace_probeinfo {
	dtrace_attribute_t dtp_attr;	/* the probe description's */
	dtrace_attribute_t dtp_arga;	/* its arguments' */
	int dtp_argc;
	char dtp_argv[DTRACE_ARGMAX][DTRACE_ARGTYPELEN];
} dtrace_probeinfo_t;
int dtrace_probe_info(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pdp,
		      dtrace_probeinfo_t *pip);
const char *dtrace_stability_name(unsigned s);
const char *dtrace_class_name(unsigned c);

/*
 * dtrace -v (dt_attr.c): a program's stability, as dtrace_program_exec()
 * also reports it; dtrace_stmt_iter() calls func for each probe
 * description of each clause, as written, with its probe information.
 */
void dtrace_program_info(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
			 dtrace_proginfo_t *pip);
typedef int dtrace_stmt_f(dtrace_hdl_t *dtp,
			  const struct dtrace_probedesc *pdp,
			  const dtrace_probeinfo_t *pip, void *arg);
int dtrace_stmt_iter(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
		     dtrace_stmt_f *func, void *arg);

/*
 * Process control (dt_proc.c), for dtrace -c and -p.  dtrace_proc_create
 * starts a command (argv[0] found on PATH, no shell) held before its exec;
 * dtrace_proc_grab stops a running process; either sets $target when it
 * is the first.  dtrace_proc_continue lets the process go once tracing is
 * on.  dtrace_sleep() watches every process and calls the handler once
 * for each that exits (state DTRACE_PROC_UNDEAD); dtrace_close() kills
 * the commands still running and releases the grabbed processes.  On
 * error: NULL, and dtrace_errmsg() gives DTrace's message ("failed to
 * grab pid 9: no such process").
 */
typedef struct dtrace_proc dtrace_proc_t;

#define DTRACE_PROC_STOPPED	1	/* held until dtrace_proc_continue */
#define DTRACE_PROC_RUN		2
#define DTRACE_PROC_UNDEAD	3	/* exited */

typedef void dtrace_handle_proc_f(dtrace_proc_t *P, const char *msg,
				  void *arg);

dtrace_proc_t *dtrace_proc_create(dtrace_hdl_t *dtp, const char *file,
				  char *const argv[]);
dtrace_proc_t *dtrace_proc_grab(dtrace_hdl_t *dtp, int pid);
int dtrace_proc_continue(dtrace_hdl_t *dtp, dtrace_proc_t *P);
int dtrace_proc_pid(const dtrace_proc_t *P);
int dtrace_proc_state(const dtrace_proc_t *P);
/* The wait status of a created process that exited: 0, or -1 if unknown. */
int dtrace_proc_wstatus(const dtrace_proc_t *P, int *wstatusp);
int dtrace_handle_proc(dtrace_hdl_t *dtp, dtrace_handle_proc_f *hdlr,
		       void *arg);

#endif /* DTRACE_H */
