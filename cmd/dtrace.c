// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * dtrace(1): the command line over libtrace.
 *
 * Theory.  The command works in the order DTrace's does:
 *
 *   1. parse every option (getopt, no argument permutation: the operands
 *      after the options are the macro arguments $1, $2, ...); the probe
 *      specifications (-P -m -f -n -i -s) are kept in command-line order,
 *      and so are the -x options, because later ones override earlier ones;
 *   2. apply the options to the handle;
 *   3. compile every probe specification, in order;
 *   4. act on the mode: -V, -l (list), -e (compile only), -S (DIF dump),
 *      or enable and consume until the programs exit or the user stops us.
 *
 * Exit status, as DTrace's: 0 when all went well (or what exit() said),
 * 1 on an error, 2 on a usage error or an option that is not available.
 * This file stays thin: everything beyond parsing and printing the
 * command's own messages lives in libtrace.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <dtrace/abi.h>
#include "dtrace.h"

#define DTRACE_EXIT_OK		0
#define DTRACE_EXIT_ERROR	1
#define DTRACE_EXIT_USAGE	2

/* What introduced a probe specification on the command line. */
enum dtc_spec_kind {
	DTC_SPEC_PROVIDER,	/* -P */
	DTC_SPEC_MODULE,	/* -m */
	DTC_SPEC_FUNCTION,	/* -f */
	DTC_SPEC_NAME,		/* -n */
	DTC_SPEC_ID,		/* -i */
	DTC_SPEC_SCRIPT,	/* -s */
};

struct dtc_spec {
	enum dtc_spec_kind ds_kind;
	const char *ds_text;	/* the description, or the script's path */
};

struct dtc_xopt {
	const char *dx_name;
	const char *dx_value;	/* NULL when given without "=value" */
};

/* A -c command or a -p process id. */
struct dtc_proc {
	int dp_opt;		/* 'c' or 'p' */
	const char *dp_arg;
};

/* Everything the command line said. */
struct dtc_args {
	struct dtc_spec *da_specs;
	int da_nspecs;
	struct dtc_xopt *da_xopts;
	int da_nxopts;
	struct dtc_proc *da_procs;	/* -c and -p, in order */
	int da_nprocs;
	const char *da_output;	/* -o */
	const char *da_stdc;	/* -X */
	int da_model;		/* -32 or -64, 0 if not given */
	char da_flags[128];	/* flag options seen: da_flags['q'] etc. */
	int da_argc;		/* macro arguments (operands) */
	char **da_argv;
};

static const char *g_pname = "dtrace";

static void dtc_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void dtc_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", g_pname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void dtc_usage(FILE *fp)
{
	fprintf(fp, "Usage: %s [-32|-64] [-aACeFGhHlqSvVwZ] [-b bufsz] "
		"[-c cmd] [-D name[=def]]\n"
		"\t[-I path] [-L path] [-o output] [-p pid] [-s script] "
		"[-U name]\n"
		"\t[-x opt[=val]] [-X a|c|s|t]\n\n"
		"\t[-P provider [[ predicate ] action ]]\n"
		"\t[-m [ provider: ] module [[ predicate ] action ]]\n"
		"\t[-f [[ provider: ] module: ] func [[ predicate ] action ]]\n"
		"\t[-n [[[ provider: ] module: ] func: ] name "
		"[[ predicate ] action ]]\n"
		"\t[-i probe-id [[ predicate ] action ]] [ args ... ]\n\n"
		"\tpredicate -> '/' D-expression '/'\n"
		"\t   action -> '{' D-statements '}'\n\n", g_pname);
	fputs("\t-32 generate 32-bit D programs and ELF files\n"
	      "\t-64 generate 64-bit D programs and ELF files\n\n"
	      "\t-a  claim anonymous tracing state\n"
	      "\t-A  generate the boot-time configuration for anonymous tracing\n"
	      "\t-b  set trace buffer size\n"
	      "\t-c  run specified command and exit upon its completion\n"
	      "\t-C  run cpp(1) preprocessor on script files\n"
	      "\t-D  define symbol when invoking preprocessor\n"
	      "\t-e  exit after compiling request but prior to enabling probes\n"
	      "\t-f  enable or list probes matching the specified function name\n"
	      "\t-F  coalesce trace output by function\n"
	      "\t-G  generate an ELF file containing embedded dtrace program\n"
	      "\t-h  generate a header file with definitions for static probes\n"
	      "\t-H  print included files when invoking preprocessor\n"
	      "\t-i  enable or list probes matching the specified probe id\n"
	      "\t-I  add include directory to preprocessor search path\n"
	      "\t-l  list probes matching specified criteria\n"
	      "\t-L  add library directory to library search path\n"
	      "\t-m  enable or list probes matching the specified module name\n"
	      "\t-n  enable or list probes matching the specified probe name\n"
	      "\t-o  set output file\n"
	      "\t-p  grab specified process-ID and cache its symbol tables\n"
	      "\t-P  enable or list probes matching the specified provider name\n"
	      "\t-q  set quiet mode (only output explicitly traced data)\n"
	      "\t-s  enable or list probes according to the specified D script\n"
	      "\t-S  print D compiler intermediate code\n"
	      "\t-U  undefine symbol when invoking preprocessor\n"
	      "\t-v  set verbose mode (report stability attributes, arguments)\n"
	      "\t-V  report DTrace API version\n"
	      "\t-w  permit destructive actions\n"
	      "\t-x  enable or modify compiler and tracing options\n"
	      "\t-X  specify ISO C conformance settings for preprocessor\n"
	      "\t-Z  permit probe descriptions that match zero probes\n", fp);
}

static void *dtc_append(void *arr, int *countp, size_t elsize)
{
	char *p = realloc(arr, (size_t)(*countp + 1) * elsize);

	if (!p) {
		dtc_error("out of memory");
		exit(DTRACE_EXIT_ERROR);
	}
	memset(p + (size_t)*countp * elsize, 0, elsize);
	(*countp)++;
	return p;
}

static void dtc_add_spec(struct dtc_args *a, enum dtc_spec_kind kind,
			 const char *text)
{
	a->da_specs = dtc_append(a->da_specs, &a->da_nspecs, sizeof(*a->da_specs));
	a->da_specs[a->da_nspecs - 1].ds_kind = kind;
	a->da_specs[a->da_nspecs - 1].ds_text = text;
}

/* Record "-x name[=value]"; the flag options are spelled this way too. */
static void dtc_add_xopt(struct dtc_args *a, const char *name, const char *value)
{
	a->da_xopts = dtc_append(a->da_xopts, &a->da_nxopts, sizeof(*a->da_xopts));
	a->da_xopts[a->da_nxopts - 1].dx_name = name;
	a->da_xopts[a->da_nxopts - 1].dx_value = value;
}

static void dtc_add_proc(struct dtc_args *a, int opt, const char *arg)
{
	a->da_procs = dtc_append(a->da_procs, &a->da_nprocs, sizeof(*a->da_procs));
	a->da_procs[a->da_nprocs - 1].dp_opt = opt;
	a->da_procs[a->da_nprocs - 1].dp_arg = arg;
}

static void dtc_add_xarg(struct dtc_args *a, char *arg)
{
	char *eq = strchr(arg, '=');

	if (eq)
		*eq++ = '\0';
	dtc_add_xopt(a, arg, eq);
}

/*
 * -32 and -64 look like flag clusters to getopt; DTrace takes them as the
 * data model.  Only the 64-bit model exists on x86-64 Linux.
 */
static int dtc_model_arg(struct dtc_args *a, const char *arg)
{
	if (strcmp(arg, "-32") == 0) {
		a->da_model = 32;
		return 1;
	}
	if (strcmp(arg, "-64") == 0) {
		a->da_model = 64;
		return 1;
	}
	return 0;
}

/* The option letters; '+' stops at the first operand as DTrace does. */
#define DTC_OPTSTRING "+aAb:Cc:D:ef:FGhHi:I:lL:m:n:o:p:P:qs:SU:vVwx:X:Z"

static int dtc_parse(struct dtc_args *a, int argc, char **argv)
{
	int c;

	opterr = 0;
	optind = 1;
	for (;;) {
		if (optind < argc && dtc_model_arg(a, argv[optind])) {
			optind++;
			continue;
		}
		c = getopt(argc, argv, DTC_OPTSTRING);
		if (c == -1)
			break;
		switch (c) {
		case 'P': dtc_add_spec(a, DTC_SPEC_PROVIDER, optarg); break;
		case 'm': dtc_add_spec(a, DTC_SPEC_MODULE, optarg); break;
		case 'f': dtc_add_spec(a, DTC_SPEC_FUNCTION, optarg); break;
		case 'n': dtc_add_spec(a, DTC_SPEC_NAME, optarg); break;
		case 'i': dtc_add_spec(a, DTC_SPEC_ID, optarg); break;
		case 's': dtc_add_spec(a, DTC_SPEC_SCRIPT, optarg); break;
		case 'b': dtc_add_xopt(a, "bufsize", optarg); break;
		case 'D': dtc_add_xopt(a, "define", optarg); break;
		case 'U': dtc_add_xopt(a, "undef", optarg); break;
		case 'I': dtc_add_xopt(a, "incdir", optarg); break;
		case 'L': dtc_add_xopt(a, "libdir", optarg); break;
		case 'X': a->da_stdc = optarg; break;
		case 'x': dtc_add_xarg(a, optarg); break;
		case 'c': dtc_add_proc(a, 'c', optarg); break;
		case 'p': dtc_add_proc(a, 'p', optarg); break;
		case 'o': a->da_output = optarg; break;
		case ':':
		case '?':
			if (optopt && strchr(DTC_OPTSTRING, optopt))
				dtc_error("option requires an argument -- %c",
					  optopt);
			else
				dtc_error("illegal option -- %c", optopt);
			dtc_usage(stderr);
			return -1;
		default:
			a->da_flags[c & 0x7f] = 1;
			break;
		}
	}
	a->da_argc = argc - optind;
	a->da_argv = argv + optind;
	return 0;
}

/* dtrace -V: the D version, then what the module says in the handshake. */
static int dtc_version(void)
{
	dtrace_hdl_t *dtp;
	const dtrace_module_info_t *mi;
	int err;

	printf("%s: %s\n", g_pname, DTRACE_D_VERSION_STRING);
	printf("%s: dtrace-linux %s, ABI version %d\n", g_pname,
	       DTRACE_RELEASE, DTRACE_ABI_VERSION);
	fflush(stdout);

	/* Without the module there is still a version to report. */
	dtp = dtrace_open(0, &err);
	if (!dtp) {
		dtc_error("module: %s", dtrace_strerror(err));
		return err == DTRACE_ENODEV ? DTRACE_EXIT_OK : DTRACE_EXIT_ERROR;
	}
	mi = dtrace_module_info(dtp);
	if (mi && mi->dmi_version[0])
		printf("%s: module %s, ABI version %u, %u CPUs\n", g_pname,
		       mi->dmi_version, mi->dmi_abi, mi->dmi_ncpus);
	if (err) {
		dtc_error("%s", dtrace_errmsg(dtp, err));
		dtrace_close(dtp);
		return DTRACE_EXIT_ERROR;
	}
	dtrace_close(dtp);
	return DTRACE_EXIT_OK;
}

/*
 * Options that parse but whose feature has not been built yet: say so
 * plainly rather than pretend.  The first one found is reported.
 */
static int dtc_unavailable(const struct dtc_args *a)
{
	static const char flags[] = "aAGhH";
	const char *f;

	for (f = flags; *f; f++) {
		if (a->da_flags[(int)*f]) {
			dtc_error("option -%c is not implemented yet", *f);
			return 1;
		}
	}
	if (a->da_model == 32) {
		dtc_error("option -32 is not supported: "
			  "only the 64-bit data model exists on this system");
		return 1;
	}
	if (a->da_stdc) {
		dtc_error("option -X is not implemented yet");
		return 1;
	}
	return 0;
}

/*
 * Tracing (the consumer's part of main's flow): open, apply the options,
 * compile each probe specification and enable it, then go and consume
 * until exit() or an interrupt, as dtrace(1M) does.
 */
static volatile sig_atomic_t g_intr;
/* The first interrupt ends the line ^C was echoed on, as DTrace does. */
static volatile sig_atomic_t g_newline;

static void dtc_intr(int sig)
{
	(void)sig;
	if (!g_intr)
		g_newline = 1;
	g_intr = 1;
}

/* SIGINT and SIGTERM end tracing, unless they were ignored when we began. */
static void dtc_signals(void)
{
	struct sigaction act, oact;
	static const int sigs[] = { SIGINT, SIGTERM };
	size_t i;

	memset(&act, 0, sizeof(act));
	sigemptyset(&act.sa_mask);
	act.sa_handler = dtc_intr;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], NULL, &oact) == 0 &&
		    oact.sa_handler != SIG_IGN)
			sigaction(sigs[i], &act, NULL);
}

/*
 * After go: a buffer size the module lowered (bufresize=auto) is told on
 * stderr in DTrace's words, "buffer size lowered to 100m": in the largest
 * unit not above it when that unit divides it, else in bytes.  A size
 * within a word of the asked one is not news.
 */
static void dtc_lowered(dtrace_hdl_t *dtp, int64_t asked)
{
	int64_t got;
	int unit = 0;

	if (dtrace_getopt(dtp, "bufsize", &got) != 0 || got <= 0 ||
	    got >= asked - (int64_t)sizeof(uint64_t))
		return;
	while (unit < 6 && (INT64_C(1) << (10 * (unit + 1))) <= got)
		unit++;
	if (!(got & ((INT64_C(1) << (10 * unit)) - 1)))
		dtc_error("buffer size lowered to %lld%c",
			  (long long)(got >> (10 * unit)), " kmgtpe"[unit]);
	else
		dtc_error("buffer size lowered to %lld bytes", (long long)got);
}

static int dtc_fail(dtrace_hdl_t *dtp, const char *what)
{
	if (what)
		dtc_error("%s: %s", what, dtrace_errmsg(dtp, dtrace_errno(dtp)));
	else
		dtc_error("%s", dtrace_errmsg(dtp, dtrace_errno(dtp)));
	dtrace_close(dtp);
	return DTRACE_EXIT_ERROR;
}

/* One attribute triple under its heading ("Probe Description", ...). */
static void dtc_attr_print(const char *heading, dtrace_attribute_t a)
{
	printf("\n\t%s Attributes\n", heading);
	printf("\t\tIdentifier Names: %s\n",
	       dtrace_stability_name(a.dtat_name));
	printf("\t\tData Semantics:   %s\n",
	       dtrace_stability_name(a.dtat_data));
	printf("\t\tDependency Class: %s\n", dtrace_class_name(a.dtat_class));
}

/* dtrace -lv: the stability attributes and argument types, as DTrace. */
static void dtc_list_info(const dtrace_probeinfo_t *p)
{
	int i;

	dtc_attr_print("Probe Description", p->dtp_attr);
	dtc_attr_print("Argument", p->dtp_arga);
	printf("\n\tArgument Types\n");
	for (i = 0; i < p->dtp_argc; i++)
		printf("\t\targs[%d]: %s\n", i, p->dtp_argv[i]);
	if (p->dtp_argc == 0)
		printf("\t\tNone\n");
	printf("\n");
}

/* -e -v: each probe description, with what -lv says of it. */
static int dtc_stmt_info(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pd,
			 const dtrace_probeinfo_t *info, void *arg)
{
	(void)dtp;
	(void)arg;
	printf("\n%s:%s:%s:%s\n", pd->dpd_provider, pd->dpd_mod, pd->dpd_func,
	       pd->dpd_name);
	dtc_list_info(info);
	return 0;
}

/* -v: a program's stability report, as dtrace(1M) prints it. */
static void dtc_stability(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
			  const dtrace_proginfo_t *pi, const char *kind,
			  const char *name, int exec)
{
	printf("\nStability attributes for %s %s:\n", kind, name);
	dtc_attr_print("Minimum Probe Description", pi->dpi_descattr);
	dtc_attr_print("Minimum Statement", pi->dpi_stmtattr);
	if (!exec)
		dtrace_stmt_iter(dtp, pgp, dtc_stmt_info, NULL);
	else
		printf("\n");
}

/* dtrace -l: every probe, or those each description names. */
struct dtc_listarg {
	int dl_verbose;		/* -v */
	uint32_t dl_id;		/* -i: only this probe */
};

static int dtc_list_one(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pd,
			void *arg)
{
	const struct dtc_listarg *dl = arg;
	dtrace_probeinfo_t info;

	if (dl->dl_id && pd->dpd_id != dl->dl_id)
		return pd->dpd_id > dl->dl_id;
	printf("%5u %10s %17s %33s %s\n", pd->dpd_id, pd->dpd_provider,
	       pd->dpd_mod, pd->dpd_func, pd->dpd_name);
	if (dl->dl_verbose && dtrace_probe_info(dtp, pd, &info) == 0)
		dtc_list_info(&info);
	return dl->dl_id != 0;
}

/* Split "[[[provider:]module:]function:]name" from the right, as -n does;
 * -f, -m and -P fill from the function, module or provider leftwards. */
static void dtc_split(struct dtrace_probedesc *pd, const char *text,
		      enum dtc_spec_kind kind)
{
	char *parts[4] = { pd->dpd_provider, pd->dpd_mod, pd->dpd_func,
			   pd->dpd_name };
	static const size_t lens[4] = { DTRACE_PROVNAMELEN, DTRACE_MODNAMELEN,
					DTRACE_FUNCNAMELEN, DTRACE_NAMELEN };
	int last = kind == DTC_SPEC_PROVIDER ? 0 : kind == DTC_SPEC_MODULE ? 1 :
		   kind == DTC_SPEC_FUNCTION ? 2 : 3;
	const char *end = text + strcspn(text, " \t{/;"), *p;

	memset(pd, 0, sizeof(*pd));
	for (; last >= 0 && end >= text; last--) {
		for (p = end; p > text && p[-1] != ':'; p--)
			;
		snprintf(parts[last], lens[last], "%.*s", (int)(end - p), p);
		if (p == text)
			break;
		end = p - 1;
	}
}

static int dtc_list(dtrace_hdl_t *dtp, const struct dtc_args *a)
{
	struct dtrace_probedesc pd;
	struct dtc_listarg dl = { a->da_flags['v'], 0 };
	int i;

	printf("%5s %10s %17s %33s %s\n", "ID", "PROVIDER", "MODULE",
	       "FUNCTION", "NAME");
	if (a->da_nspecs == 0)
		return dtrace_probe_iter(dtp, NULL, dtc_list_one, &dl) < 0;
	for (i = 0; i < a->da_nspecs; i++) {
		if (a->da_specs[i].ds_kind == DTC_SPEC_SCRIPT)
			continue;
		memset(&pd, 0, sizeof(pd));
		dl.dl_id = 0;
		if (a->da_specs[i].ds_kind == DTC_SPEC_ID)
			dl.dl_id = (uint32_t)strtoul(a->da_specs[i].ds_text,
						     NULL, 10);
		else
			dtc_split(&pd, a->da_specs[i].ds_text,
				  a->da_specs[i].ds_kind);
		if (a->da_specs[i].ds_kind == DTC_SPEC_ID && dl.dl_id == 0)
			continue;
		if (dtrace_probe_iter(dtp, &pd, dtc_list_one, &dl) < 0)
			return 1;
	}
	return 0;
}

/*
 * The macro arguments of one specification: $0 is the script's path for
 * -s and the command's name otherwise, then the operands.  Returns a
 * static vector (the operands do not change between specifications).
 */
static char **dtc_macro_argv(const struct dtc_args *a, const struct dtc_spec *sp)
{
	static char **argv;
	int i;

	if (!argv) {
		argv = calloc((size_t)a->da_argc + 2, sizeof(*argv));
		if (!argv) {
			dtc_error("out of memory");
			exit(DTRACE_EXIT_ERROR);
		}
		for (i = 0; i < a->da_argc; i++)
			argv[i + 1] = a->da_argv[i];
	}
	argv[0] = (char *)(sp->ds_kind == DTC_SPEC_SCRIPT ? sp->ds_text : g_pname);
	return argv;
}

/* Compile one -P/-m/-f/-n/-s; its name for messages goes in *namep. */
static dtrace_prog_t *dtc_compile(dtrace_hdl_t *dtp, const struct dtc_args *a,
				  const struct dtc_spec *sp, char **namep)
{
	unsigned int cflags = a->da_flags['C'] ? DTRACE_C_CPP : 0;
	char **argv = dtc_macro_argv(a, sp);
	static const int kinds[] = {
		[DTC_SPEC_PROVIDER] = DTRACE_PROBESPEC_PROVIDER,
		[DTC_SPEC_MODULE] = DTRACE_PROBESPEC_MOD,
		[DTC_SPEC_FUNCTION] = DTRACE_PROBESPEC_FUNC,
		[DTC_SPEC_NAME] = DTRACE_PROBESPEC_NAME,
	};
	dtrace_prog_t *pgp;
	FILE *fp;

	*namep = strdup(sp->ds_text);
	if (!*namep)
		return NULL;
	if (sp->ds_kind != DTC_SPEC_SCRIPT) {
		pgp = dtrace_program_strcompile(dtp, sp->ds_text, kinds[sp->ds_kind],
						cflags | DTRACE_C_PSPEC,
						a->da_argc + 1, argv);
		/* DTrace reports the description up to its clause. */
		(*namep)[strcspn(*namep, "{/;")] = '\0';
		return pgp;
	}
	fp = fopen(sp->ds_text, "r");
	if (!fp) {
		dtc_error("failed to open %s: %s", sp->ds_text, strerror(errno));
		return NULL;
	}
	pgp = dtrace_program_fcompile(dtp, fp, sp->ds_text, cflags,
				      a->da_argc + 1, argv);
	fclose(fp);
	return pgp;
}

/*
 * -c and -p, in command-line order, before anything is compiled: the
 * first process is $target.  A -c command is split at white space, as
 * dtrace(1M) does (no shell).  Returns the number of processes, or -1
 * after printing why not.
 */
static dtrace_proc_t **g_procs;
static int g_pslive;		/* processes not yet exited */

static int dtc_procs(dtrace_hdl_t *dtp, const struct dtc_args *a)
{
	int i;

	g_procs = calloc((size_t)a->da_nprocs + 1, sizeof(*g_procs));
	if (!g_procs)
		return -1;
	for (i = 0; i < a->da_nprocs; i++) {
		const char *arg = a->da_procs[i].dp_arg;
		dtrace_proc_t *P;

		if (a->da_procs[i].dp_opt == 'c') {
			char *copy = strdup(arg), *tok, *save = NULL;
			char **v = calloc(strlen(arg) / 2 + 2, sizeof(*v));
			int n = 0;

			if (!copy || !v) {
				dtc_error("failed to allocate memory");
				return -1;
			}
			for (tok = strtok_r(copy, " \t\n\f\r\v", &save); tok;
			     tok = strtok_r(NULL, " \t\n\f\r\v", &save))
				v[n++] = tok;
			if (n == 0)
				v[0] = copy + strlen(copy);	/* "" */
			P = dtrace_proc_create(dtp, v[0], v);
			free(v);
			free(copy);
		} else {
			char *end;
			long pid;

			errno = 0;
			pid = strtol(arg, &end, 10);
			if (errno || end == arg || *end || pid <= 0 ||
			    pid > 0x7fffffff) {
				dtc_error("invalid pid: %s", arg);
				return -1;
			}
			P = dtrace_proc_grab(dtp, (int)pid);
		}
		if (!P) {
			dtc_error("%s", dtrace_errmsg(dtp, dtrace_errno(dtp)));
			return -1;
		}
		g_procs[i] = P;
	}
	g_pslive = a->da_nprocs;
	return a->da_nprocs;
}

/* A process ended: say how, as dtrace(1M) does, unless quiet. */
static void dtc_prochandler(dtrace_proc_t *P, const char *msg, void *arg)
{
	dtrace_hdl_t *dtp = arg;
	int64_t quiet = 0;
	int pid = dtrace_proc_pid(P), st;

	if (dtrace_getopt(dtp, "quiet", &quiet) != 0)
		quiet = 0;
	if (msg) {
		if (quiet <= 0)
			dtc_error("pid %d: %s", pid, msg);
		return;
	}
	if (dtrace_proc_state(P) != DTRACE_PROC_UNDEAD)
		return;
	g_pslive--;
	if (quiet > 0)
		return;
	if (dtrace_proc_wstatus(P, &st) == 0 && WIFSIGNALED(st))
		dtc_error("pid %d terminated by SIG%s", pid,
			  sigabbrev_np(WTERMSIG(st)) ?
			  sigabbrev_np(WTERMSIG(st)) : "?");
	else if (dtrace_proc_wstatus(P, &st) == 0 && WIFEXITED(st) &&
		 WEXITSTATUS(st) != 0)
		dtc_error("pid %d exited with status %d", pid, WEXITSTATUS(st));
	else
		dtc_error("pid %d has exited", pid);
}

static const char *dtc_spec_kind(const struct dtc_spec *sp)
{
	return sp->ds_kind == DTC_SPEC_SCRIPT ? "script" : "description";
}

static int dtc_trace(const struct dtc_args *a)
{
	dtrace_hdl_t *dtp;
	int err, i, done = 0, quiet = a->da_flags['q'];
	int64_t bufsize;
	FILE *ofp = stdout;

	/*
	 * Compiling alone (-e) needs no module, but uses it when it is
	 * loaded, as DTrace does: its probe list gives args[] their types.
	 */
	dtp = dtrace_open(0, &err);
	if (a->da_flags['e'] && (!dtp || err)) {
		dtrace_close(dtp);
		dtp = dtrace_open(DTRACE_O_NODEV, &err);
	}
	if (!dtp || err) {
		dtc_error("failed to initialize dtrace: %s",
			  dtp ? dtrace_errmsg(dtp, err) : dtrace_strerror(err));
		dtrace_close(dtp);
		return DTRACE_EXIT_ERROR;
	}
	if ((quiet && dtrace_setopt(dtp, "quiet", NULL) != 0) ||
	    (a->da_flags['F'] && dtrace_setopt(dtp, "flowindent", NULL) != 0) ||
	    (a->da_flags['w'] && dtrace_setopt(dtp, "destructive", NULL) != 0) ||
	    (a->da_flags['Z'] && dtrace_setopt(dtp, "zdefs", NULL) != 0))
		return dtc_fail(dtp, NULL);
	for (i = 0; i < a->da_nxopts; i++) {
		if (dtrace_setopt(dtp, a->da_xopts[i].dx_name,
				  a->da_xopts[i].dx_value) != 0) {
			dtc_error("failed to set -x %s: %s", a->da_xopts[i].dx_name,
				  dtrace_errmsg(dtp, dtrace_errno(dtp)));
			dtrace_close(dtp);
			return DTRACE_EXIT_USAGE;
		}
	}
	if (dtc_procs(dtp, a) < 0) {
		dtrace_close(dtp);
		return DTRACE_EXIT_ERROR;
	}
	if (dtrace_handle_proc(dtp, dtc_prochandler, dtp) != 0)
		return dtc_fail(dtp, "failed to establish proc handler");
	if (a->da_flags['l']) {
		err = dtc_list(dtp, a);
		dtrace_close(dtp);
		return err ? DTRACE_EXIT_ERROR : DTRACE_EXIT_OK;
	}
	if (a->da_nspecs == 0) {
		dtrace_close(dtp);
		dtc_usage(stderr);
		return DTRACE_EXIT_USAGE;
	}
	for (i = 0; i < a->da_nspecs; i++) {
		const struct dtc_spec *sp = &a->da_specs[i];
		dtrace_proginfo_t pi;
		dtrace_prog_t *pgp;
		char *name;

		pgp = dtc_compile(dtp, a, sp, &name);
		if (!pgp) {
			free(name);
			return dtc_fail(dtp, NULL);
		}
		/* -S: the intermediate code, on stderr as DTrace writes it. */
		if (a->da_flags['S'] &&
		    dtrace_program_dump(dtp, pgp, stderr) != 0) {
			free(name);
			return dtc_fail(dtp, NULL);
		}
		if (a->da_flags['e']) {
			if (a->da_flags['v']) {
				dtrace_program_info(dtp, pgp, &pi);
				dtc_stability(dtp, pgp, &pi,
					      dtc_spec_kind(sp), name, 0);
			}
			dtrace_program_destroy(dtp, pgp);
			free(name);
			continue;
		}
		if (dtrace_program_exec(dtp, pgp, &pi) != 0) {
			dtc_error("failed to enable '%s': %s", name,
				  dtrace_errmsg(dtp, dtrace_errno(dtp)));
			free(name);
			dtrace_close(dtp);
			return DTRACE_EXIT_ERROR;
		}
		if (!quiet)
			dtc_error("%s '%s' matched %u probe%s",
				  dtc_spec_kind(sp), name, pi.dpi_matches,
				  pi.dpi_matches == 1 ? "" : "s");
		if (a->da_flags['v'])
			dtc_stability(dtp, pgp, &pi, dtc_spec_kind(sp), name,
				      1);
		dtrace_program_destroy(dtp, pgp);
		free(name);
	}
	if (a->da_flags['e']) {
		dtrace_close(dtp);
		return DTRACE_EXIT_OK;
	}

	/* -o: the traced data goes to the file, appended, as in DTrace. */
	if (a->da_output && !(ofp = fopen(a->da_output, "a"))) {
		dtc_error("failed to open output file '%s': %s", a->da_output,
			  strerror(errno));
		dtrace_close(dtp);
		return DTRACE_EXIT_ERROR;
	}
	dtc_signals();
	if (dtrace_getopt(dtp, "bufsize", &bufsize) != 0)
		bufsize = 0;
	if (dtrace_go(dtp) != 0)
		return dtc_fail(dtp, "could not enable tracing");
	dtc_lowered(dtp, bufsize);
	for (i = 0; i < a->da_nprocs; i++)
		dtrace_proc_continue(dtp, g_procs[i]);
	do {
		if (!g_intr && !done)
			dtrace_sleep(dtp);
		if (g_newline) {
			/* Even with -q, as DTrace. */
			fputc('\n', ofp);
			g_newline = 0;
		}
		if (g_intr || done || (a->da_nprocs && g_pslive == 0)) {
			done = 1;
			if (dtrace_stop(dtp) != 0)
				return dtc_fail(dtp, "couldn't stop tracing");
		}
		switch (dtrace_work(dtp, ofp)) {
		case DTRACE_WORKSTATUS_DONE:
			done = 1;
			break;
		case DTRACE_WORKSTATUS_OKAY:
			break;
		default:
			return dtc_fail(dtp, "processing aborted");
		}
		fflush(ofp);
	} while (!done);
	fprintf(ofp, "\n");
	if (dtrace_aggregate_print(dtp, ofp) != 0)
		return dtc_fail(dtp, "failed to print aggregations");
	if (ofp != stdout && fclose(ofp) != 0)
		dtc_error("failed to write to %s: %s", a->da_output,
			  strerror(errno));
	err = dtrace_exit_status(dtp);
	dtrace_close(dtp);
	return err;
}

int main(int argc, char **argv)
{
	struct dtc_args args;

	memset(&args, 0, sizeof(args));
	if (argc > 0 && argv[0] && strrchr(argv[0], '/'))
		g_pname = strrchr(argv[0], '/') + 1;
	else if (argc > 0 && argv[0])
		g_pname = argv[0];

	if (dtc_parse(&args, argc, argv) != 0)
		return DTRACE_EXIT_USAGE;

	if (args.da_flags['V'])
		return dtc_version();

	if (dtc_unavailable(&args))
		return DTRACE_EXIT_USAGE;

	if (args.da_nspecs == 0 && !args.da_flags['l']) {
		dtc_usage(stderr);
		return DTRACE_EXIT_USAGE;
	}
	return dtc_trace(&args);
}
