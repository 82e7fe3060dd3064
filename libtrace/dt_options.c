// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * DTrace options: -x name[=value], #pragma D option name[=value] and the
 * command-line flags that are options underneath (-q is quiet, -Z zdefs,
 * -D/-U/-I are define/undef/incdir).  The table is dt_options.def.  Kinds:
 *
 *   DT_OK_BOOL       set by naming it, or on/off by a value (yes/no,
 *                    on/off, true/false, ... or a number; 0 is off)
 *   DT_OK_INT        a decimal (or 0x) integer
 *   DT_OK_SIZE       bytes, with an optional k, m, g or t suffix
 *   DT_OK_RATE       stored as nanoseconds between events: "10hz", "5ms",
 *                    "1s", "100us", "250ns"; a bare number is in hertz
 *   DT_OK_BUFPOLICY  switch, fill or ring (DTRACE_BUFPOLICY_*)
 *   DT_OK_BUFRESIZE  auto or manual (DTRACE_BUFRESIZE_*)
 *   DT_OK_CFLAG      a compiler flag (the table's fourth column) that later
 *                    compilations get
 *   DT_OK_CPPARG     an argument for cpp (-D, -U, -I by the fourth column)
 *   DT_OK_STR        a string: checked where DTrace checks it (evaltime,
 *                    version, stdc, late, encoding), used where it means
 *                    something here (cpppath, setenv and unsetenv for -c
 *                    commands, libdir), otherwise accepted
 *
 * Options DTrace has for its own platform are accepted and, where they
 * mean nothing here, ignored as DTrace on other platforms ignores them:
 * core (dtrace aborts at exit, for a core file: done), cpphdrs (cpp -H:
 * done), ctypes and dtypes (the file is created, as DTrace does first;
 * no CTF is written into it), debug, iregs and tregs (the
 * code generator's register counts are fixed), late, lazyload, ldpath,
 * linkmode, linktype, stdc, strip.  Options that change the compilation
 * environment (cpppath, cpphdrs, ldpath, setenv, unsetenv, stdc) cannot
 * be set from a D program (#pragma D option), as in DTrace.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <dtrace/dof.h>
#include "dt_cc.h"
#include "dt_consume.h"

enum {
	DT_OK_BOOL, DT_OK_INT, DT_OK_SIZE, DT_OK_RATE, DT_OK_BUFPOLICY,
	DT_OK_BUFRESIZE, DT_OK_CFLAG, DT_OK_CPPARG, DT_OK_STR,
};

static const struct dt_optdesc {
	const char *od_name;
	int od_kind;
	int64_t od_default;		/* or the flag, or the cpp letter */
} dt_opttab[DT_OPT_COUNT] = {
#define DT_OPT_ENUM(id, name, kind, dflt) [id] = { name, kind, dflt },
#include "dt_options.def"
#undef DT_OPT_ENUM
};

/*
 * The options the module takes when tracing starts (DTrace's run-time
 * options): once tracing has started (every setopt() record was written
 * while tracing), setting one fails, as in DTrace, and the consumer says
 * so; the others (compile-time, and the dynamic ones the
 * consumer reads as it goes) may be set at any time.
 */
static int dt_opt_static(int id)
{
	switch (id) {
	case DT_OPT_AGGSIZE: case DT_OPT_BUFSIZE: case DT_OPT_BUFPOLICY:
	case DT_OPT_BUFRESIZE: case DT_OPT_CLEANRATE: case DT_OPT_CPU:
	case DT_OPT_DESTRUCTIVE: case DT_OPT_DYNVARSIZE: case DT_OPT_GRABANON:
	case DT_OPT_JSTACKFRAMES: case DT_OPT_JSTACKSTRSIZE: case DT_OPT_NSPEC:
	case DT_OPT_SPECSIZE: case DT_OPT_STACKFRAMES: case DT_OPT_STATUSRATE:
	case DT_OPT_STRSIZE: case DT_OPT_USTACKFRAMES: case DT_OPT_TEMPORAL:
		return 1;
	default:
		return 0;
	}
}

struct dt_cstate *dt_cc_state(dtrace_hdl_t *dtp)
{
	struct dt_cstate *cs = dtp->dt_cs;
	int i;

	if (cs)
		return cs;
	cs = calloc(1, sizeof(*cs));
	if (!cs)
		return NULL;
	for (i = 0; i < DT_OPT_COUNT; i++)
		cs->cs_opt[i] = DT_OPT_UNSET;
	dtp->dt_cs = cs;
	return cs;
}

void dt_cc_fini(dtrace_hdl_t *dtp)
{
	struct dt_cstate *cs = dtp->dt_cs;
	int i;

	if (!cs)
		return;
	for (i = 0; i < cs->cs_cppargc; i++)
		free(cs->cs_cppargv[i]);
	free(cs->cs_cppargv);
	dt_types_close(cs->cs_types);
	dt_lib_fini(cs);
	free(cs->cs_cpppath);
	for (i = 0; i < cs->cs_nenv; i++)
		free(cs->cs_env[i]);
	free(cs->cs_env);
	free(cs->cs_provattrs);
	free(cs);
	dtp->dt_cs = NULL;
}

int dt_opt_lookup(const char *name)
{
	int i;

	for (i = 0; i < DT_OPT_COUNT; i++)
		if (strcmp(dt_opttab[i].od_name, name) == 0)
			return i;
	return -1;
}

/* The compiler flags that options have turned on. */
unsigned dt_opt_cflags(dtrace_hdl_t *dtp)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	unsigned flags = 0;
	int i;

	for (i = 0; cs && i < DT_OPT_COUNT; i++)
		if (dt_opttab[i].od_kind == DT_OK_CFLAG &&
		    cs->cs_opt[i] != DT_OPT_UNSET)
			flags |= (unsigned)dt_opttab[i].od_default;
	return flags;
}

static int dt_opt_number(const char *val, int64_t *vp, char **endp)
{
	char *end;

	if (!val || !*val)
		return -1;
	errno = 0;
	*vp = strtoll(val, &end, 0);
	if (errno || end == val || *vp < 0)
		return -1;
	*endp = end;
	return 0;
}

static int dt_opt_size(const char *val, int64_t *vp)
{
	static const char sfx[] = "kmgt";
	char *end;
	const char *p;
	int64_t v;

	if (dt_opt_number(val, &v, &end) != 0)
		return -1;
	if (*end) {
		p = strchr(sfx, tolower((unsigned char)*end));
		if (!p || end[1] != '\0')
			return -1;
		v <<= 10 * (p - sfx + 1);
	}
	*vp = v;
	return 0;
}

static int dt_opt_rate(const char *val, int64_t *vp)
{
	static const struct { const char *u; int64_t ns; } units[] = {
		{ "ns", 1 }, { "nsec", 1 }, { "us", 1000 }, { "usec", 1000 },
		{ "ms", 1000000 }, { "msec", 1000000 },
		{ "s", 1000000000LL }, { "sec", 1000000000LL },
		{ "m", 60000000000LL }, { "min", 60000000000LL },
		{ "h", 3600000000000LL }, { "hour", 3600000000000LL },
		{ "d", 86400000000000LL }, { "day", 86400000000000LL },
	};
	char *end;
	int64_t v;
	size_t i;

	if (dt_opt_number(val, &v, &end) != 0)
		return -1;
	if (*end == '\0' || strcasecmp(end, "hz") == 0) {
		if (v == 0)
			return -1;
		*vp = 1000000000LL / v;
		return 0;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(end, units[i].u) == 0) {
			*vp = v * units[i].ns;
			return 0;
		}
	}
	return -1;
}

static int dt_opt_cpparg(dtrace_hdl_t *dtp, struct dt_cstate *cs, int letter,
			 const char *val)
{
	char **v;
	char *arg;

	if (!val || (!*val && letter != 'H'))
		return dt_set_errmsg(dtp, DTRACE_EBADOPTVAL,
				     "Invalid value for specified option");
	v = realloc(cs->cs_cppargv, (cs->cs_cppargc + 1) * sizeof(*v));
	if (!v)
		return dt_set_errno(dtp, ENOMEM);
	cs->cs_cppargv = v;
	if (asprintf(&arg, "-%c%s", letter, val) < 0)
		return dt_set_errno(dtp, ENOMEM);
	v[cs->cs_cppargc++] = arg;
	return 0;
}

/*
 * A boolean given a value (-x quiet=no, setopt("quiet", "off")), as
 * DTrace takes it: yes/no, enable(d)/disable(d), true/false, on/off,
 * set/unset, or a number (0 turns it off).
 */
static int dt_opt_bool(const char *val, int64_t *vp)
{
	static const char *const couples[][2] = {
		{ "yes", "no" }, { "enable", "disable" },
		{ "enabled", "disabled" }, { "true", "false" },
		{ "on", "off" }, { "set", "unset" },
	};
	size_t i;
	char *end;

	for (i = 0; i < sizeof(couples) / sizeof(couples[0]); i++) {
		if (strcasecmp(val, couples[i][0]) == 0) {
			*vp = 1;
			return 0;
		}
		if (strcasecmp(val, couples[i][1]) == 0) {
			*vp = DT_OPT_UNSET;
			return 0;
		}
	}
	errno = 0;
	*vp = strtoll(val, &end, 0);
	if (errno || end == val || *end || *vp < 0)
		return -1;
	if (*vp == 0)
		*vp = DT_OPT_UNSET;
	return 0;
}

/*
 * A D version: major.minor[.micro], major at most 255, the others 4095
 * (DTrace's limits).  0 and *vp as DTrace packs it, or -1.
 */
int dt_version_parse(const char *s, uint32_t *vp)
{
	unsigned long n[3] = { 0, 0, 0 };
	int i = 0;

	if (!s || !isdigit((unsigned char)*s))
		return -1;
	for (;;) {
		char *end;

		n[i] = strtoul(s, &end, 10);
		if (end == s || n[i] > (i ? 4095UL : 255UL))
			return -1;
		if (*end == '\0')
			break;
		if (*end != '.' || ++i == 3 || !isdigit((unsigned char)end[1]))
			return -1;
		s = end + 1;
	}
	if (vp)
		*vp = (uint32_t)(n[0] << 24 | n[1] << 12 | n[2]);
	return 0;
}

/* The versions of D that DTrace defined (and so a program may ask for). */
static int dt_version_defined(uint32_t v)
{
	static const char *const vers[] = {
		"1.0", "1.1", "1.2", "1.2.1", "1.2.2", "1.3", "1.4", "1.4.1",
		"1.5", "1.6", "1.6.1", "1.6.2", "1.6.3", "1.7", "1.7.1",
		"1.8", "1.8.1", "1.9", "1.9.1", "1.10", "1.11", "1.12",
		"1.12.1", "1.13",
	};
	uint32_t d;
	size_t i;

	for (i = 0; i < sizeof(vers) / sizeof(vers[0]); i++)
		if (dt_version_parse(vers[i], &d) == 0 && d == v)
			return 1;
	return 0;
}

static int dt_opt_oneof(const char *val, const char *const *names)
{
	for (; val && *names; names++)
		if (strcmp(val, *names) == 0)
			return 1;
	return 0;
}

/* -x core: abort at exit, for a core file, as DTrace does. */
static void dt_opt_coredump(void)
{
	static const char msg[] = "libtrace DEBUG: [ forcing coredump ]\n";
	struct sigaction sa;

	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigaction(SIGABRT, &sa, NULL);
	abort();
}

/*
 * setenv NAME=value / unsetenv NAME: the environment of the -c commands
 * (dt_proc.c), a copy of ours until the first change.
 */
static int dt_opt_env(dtrace_hdl_t *dtp, struct dt_cstate *cs,
		      const char *val, int set)
{
	extern char **environ;
	size_t nlen = strcspn(val, "=");
	int n, i;

	if (!set && val[nlen])
		return -1;
	if (!cs->cs_env) {
		for (n = 0; environ[n]; n++)
			;
		cs->cs_env = calloc((size_t)n + 1, sizeof(char *));
		if (!cs->cs_env)
			return dt_set_errno(dtp, ENOMEM);
		for (i = 0; i < n; i++)
			cs->cs_env[i] = strdup(environ[i]);
		cs->cs_nenv = n;
	}
	for (i = 0; i < cs->cs_nenv; i++) {
		if (cs->cs_env[i] && strncmp(cs->cs_env[i], val, nlen) == 0 &&
		    (cs->cs_env[i][nlen] == '=' || !cs->cs_env[i][nlen])) {
			free(cs->cs_env[i]);
			cs->cs_env[i] = cs->cs_env[--cs->cs_nenv];
			cs->cs_env[cs->cs_nenv] = NULL;
			i--;
		}
	}
	if (set) {
		char **v = realloc(cs->cs_env, (size_t)(cs->cs_nenv + 2) *
				   sizeof(*v));

		if (!v || !(v[cs->cs_nenv] = strdup(val)))
			return dt_set_errno(dtp, ENOMEM);
		cs->cs_env = v;
		v[++cs->cs_nenv] = NULL;
	}
	return 0;
}

/* The string options: checked, and used where they mean something. */
static int dt_opt_str(dtrace_hdl_t *dtp, struct dt_cstate *cs, int id,
		      const char *val)
{
	static const char *const evaltimes[] = {
		"exec", "preinit", "postinit", "main", NULL,
	};
	static const char *const stdcs[] = { "a", "c", "s", "t", NULL };
	static const char *const lates[] = { "dynamic", "static", NULL };
	static const char *const encodings[] = { "ascii", "utf8", NULL };
	static const char *const linkmodes[] = {
		"kernel", "primary", "dynamic", "static", NULL,
	};
	uint32_t v;
	int fd;

	switch (id) {
	case DT_OPT_CPPPATH: case DT_OPT_LDPATH: case DT_OPT_SETENV:
	case DT_OPT_UNSETENV: case DT_OPT_STDC:
		if (cs->cs_compiling)
			return dt_set_errmsg(dtp, DTRACE_EBADOPTVAL, "Option "
					     "cannot be used from within a D "
					     "program");
		break;
	}
	if (!val)
		return dt_set_errmsg(dtp, DTRACE_EBADOPTVAL,
				     "Invalid value for specified option");
	switch (id) {
	case DT_OPT_LIBDIR:
		return dt_lib_adddir(dtp, val) != 0 ?
		       dt_set_errno(dtp, ENOMEM) : 0;
	case DT_OPT_EVALTIME:
		return dt_opt_oneof(val, evaltimes) ? 0 : 1;
	case DT_OPT_STDC:
		return dt_opt_oneof(val, stdcs) ? 0 : 1;
	case DT_OPT_LATE:
		return dt_opt_oneof(val, lates) ? 0 : 1;
	case DT_OPT_ENCODING:
		return dt_opt_oneof(val, encodings) ? 0 : 1;
	case DT_OPT_LINKMODE:
		return dt_opt_oneof(val, linkmodes) ? 0 : 1;
	case DT_OPT_LINKTYPE:
		return strcasecmp(val, "elf") == 0 ||
		       strcasecmp(val, "dof") == 0 ? 0 : 1;
	case DT_OPT_AMIN: {
		dtrace_attribute_t a;

		return dtrace_str2attr(val, &a) == 0 ? 0 : 1;
	}
	case DT_OPT_VERSION:
		if (dt_version_parse(val, &v) != 0)
			return dt_set_errmsg(dtp, DTRACE_EBADOPTVAL, "Version "
					     "is not properly formatted or is "
					     "too large");
		if (!dt_version_defined(v))
			return dt_set_errmsg(dtp, DTRACE_EBADOPTVAL, "Requested "
					     "version is not supported by "
					     "compiler");
		return 0;
	case DT_OPT_CPPPATH: {
		char *p = strdup(val);

		if (!p)
			return dt_set_errno(dtp, ENOMEM);
		free(cs->cs_cpppath);
		cs->cs_cpppath = p;
		return 0;
	}
	case DT_OPT_SETENV:
	case DT_OPT_UNSETENV:
		return dt_opt_env(dtp, cs, val, id == DT_OPT_SETENV) < 0 ? 1 : 0;
	case DT_OPT_CTYPES:
	case DT_OPT_DTYPES:
		fd = open(val, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
		if (fd < 0)
			return dt_set_errmsg(dtp, errno, "%s", strerror(errno));
		close(fd);
		return 0;
	}
	return 0;
}

int dtrace_setopt(dtrace_hdl_t *dtp, const char *opt, const char *val)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	const struct dt_optdesc *od;
	int64_t v = 1;
	int id, bad = 0;

	if (!cs)
		return dt_set_errno(dtp, ENOMEM);
	id = opt ? dt_opt_lookup(opt) : -1;
	if (id < 0)
		return dt_set_errmsg(dtp, DTRACE_EBADOPTNAME,
				     "Invalid option name");
	od = &dt_opttab[id];
	if (dt_opt_static(id) && dtp->dt_cons && dtp->dt_cons->dc_started)
		return dt_set_errmsg(dtp, DTRACE_EACTIVE,
				     "Operation illegal when tracing is active");
	if (val && !*val && od->od_kind != DT_OK_STR)
		val = NULL;

	switch (od->od_kind) {
	case DT_OK_BOOL:
		if (val)
			bad = dt_opt_bool(val, &v) != 0;
		break;
	case DT_OK_CFLAG:
		bad = (val != NULL);
		break;
	case DT_OK_INT: {
		char *end;

		if (!val) {
			bad = 1;
			break;
		}
		errno = 0;
		v = strtoll(val, &end, 0);
		bad = errno || end == val || *end;
		break;
	}
	case DT_OK_SIZE:
		bad = dt_opt_size(val, &v) != 0;
		break;
	case DT_OK_RATE:
		bad = dt_opt_rate(val, &v) != 0;
		break;
	case DT_OK_BUFPOLICY:
		if (val && strcmp(val, "switch") == 0)
			v = DTRACE_BUFPOLICY_SWITCH;
		else if (val && strcmp(val, "fill") == 0)
			v = DTRACE_BUFPOLICY_FILL;
		else if (val && strcmp(val, "ring") == 0)
			v = DTRACE_BUFPOLICY_RING;
		else
			bad = 1;
		break;
	case DT_OK_BUFRESIZE:
		if (val && strcmp(val, "auto") == 0)
			v = DTRACE_BUFRESIZE_AUTO;
		else if (val && strcmp(val, "manual") == 0)
			v = DTRACE_BUFRESIZE_MANUAL;
		else
			bad = 1;
		break;
	case DT_OK_CPPARG:
		return dt_opt_cpparg(dtp, cs, (int)od->od_default, val);
	case DT_OK_STR: {
		int rc = dt_opt_str(dtp, cs, id, val);

		if (rc < 0)
			return rc;
		bad = rc;
		if (id == DT_OPT_ENCODING && val)
			v = strcmp(val, "utf8") == 0 ? DT_ENCODING_UTF8 :
			    DT_ENCODING_ASCII;
		break;
	}
	}
	if (!bad && (id == DT_OPT_IREGS || id == DT_OPT_TREGS))
		bad = v <= 0;
	if (!bad && id == DT_OPT_CPPHDRS && cs->cs_compiling)
		return dt_set_errmsg(dtp, DTRACE_EBADOPTVAL, "Option cannot "
				     "be used from within a D program");
	if (!bad && id == DT_OPT_CPPHDRS && cs->cs_opt[id] == DT_OPT_UNSET &&
	    dt_opt_cpparg(dtp, cs, 'H', "") != 0)
		return -1;
	if (!bad && id == DT_OPT_CORE && cs->cs_opt[id] == DT_OPT_UNSET &&
	    atexit(dt_opt_coredump) != 0)
		return dt_set_errno(dtp, errno);
	if (bad)
		return dt_set_errmsg(dtp, DTRACE_EBADOPTVAL,
				     "Invalid value for specified option");
	cs->cs_opt[id] = v;
	return 0;
}

int dtrace_getopt(dtrace_hdl_t *dtp, const char *opt, int64_t *valp)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	int id = opt ? dt_opt_lookup(opt) : -1;

	if (!cs)
		return dt_set_errno(dtp, ENOMEM);
	if (id < 0)
		return dt_set_errmsg(dtp, DTRACE_EBADOPTNAME,
				     "Invalid option name");
	if (cs->cs_opt[id] != DT_OPT_UNSET) {
		*valp = cs->cs_opt[id];
	} else {
		switch (dt_opttab[id].od_kind) {
		case DT_OK_BOOL:
		case DT_OK_CFLAG:
		case DT_OK_CPPARG:
		case DT_OK_STR:
			*valp = DT_OPT_UNSET;
			break;
		default:
			*valp = dt_opttab[id].od_default;
		}
	}
	return 0;
}
