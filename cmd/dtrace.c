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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Everything the command line said. */
struct dtc_args {
	struct dtc_spec *da_specs;
	int da_nspecs;
	struct dtc_xopt *da_xopts;
	int da_nxopts;
	const char *da_cmd;	/* -c */
	const char *da_pid;	/* -p */
	const char *da_output;	/* -o */
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
		case 'X': dtc_add_xopt(a, "stdc", optarg); break;
		case 'x': dtc_add_xarg(a, optarg); break;
		case 'c': a->da_cmd = optarg; break;
		case 'p': a->da_pid = optarg; break;
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
	static const char flags[] = "aAeFGhHlqSvwZC";
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
	if (a->da_cmd || a->da_pid || a->da_output) {
		dtc_error("option -%c is not implemented yet",
			  a->da_cmd ? 'c' : a->da_pid ? 'p' : 'o');
		return 1;
	}
	if (a->da_nxopts) {
		dtc_error("option -x %s is not implemented yet",
			  a->da_xopts[0].dx_name);
		return 1;
	}
	if (a->da_nspecs) {
		dtc_error("tracing (probe descriptions and scripts) "
			  "is not implemented yet");
		return 1;
	}
	return 0;
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

	dtc_usage(stderr);
	return DTRACE_EXIT_USAGE;
}
