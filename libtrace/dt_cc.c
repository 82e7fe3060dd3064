// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The D compiler: theory of operation.
 *
 * A compilation turns D text into a program (dtrace_prog_t): one entry per
 * clause, each with its probe descriptions and, once code generation has
 * run, the DIF of its predicate and actions and the records it writes.
 * dtrace_program_dof() serialises a program into the DOF of
 * <dtrace/dof.h>, which is what the module enables.
 *
 *   text ──(-C: cpp)──► dt_lex.l ──tokens──► dt_grammar.y ──► parse tree
 *                        scanner                parser        (dt_parser.h)
 *        ──► dt_sema.c ──► dt_cg.c ──► dtrace_prog_t ──► dt_dof.c ──► DOF
 *            names, types,  DIF through               └──► dt_dump.c ──► -S
 *            actions, aggs  dif/dif_emit.h
 *                │
 *                └── dt_types.c: libctf dictionary of D's, the program's
 *                    and (dt_btf.c, lazily) the kernel's types
 *
 * Files: dt_lex.l and dt_grammar.y (syntax), dt_parser.c (tree, errors),
 * dt_pragma.c (control lines), dt_options.c (options), dt_probes.c
 * (probe matching), dt_sema.c, dt_types.c, dt_btf.c, dt_cg.c, dt_dof.c,
 * dt_dump.c; dt_cc.h holds the program and the handle's compiler state.
 *
 * Everything a compilation allocates hangs off its parser control block
 * (dt_pcb_t): nodes, strings, declaration specifiers.  The first error
 * formats the message into the handle (dt_pcb_error) and longjmps back to
 * dt_compile(), which frees the lot; there is no error recovery, as in
 * DTrace, because the first error is the one the user has to fix.
 *
 * Messages carry DTrace's wording and its D_* tags (dt_errtags.h):
 *
 *   invalid probe specifier <text>: [D_TAG] <message>         -n, -P, -m, -f
 *   failed to compile script <file>: [D_TAG] line <n>: <message>       -s
 *
 * The tag appears with the errtags option (-xerrtags); a file included
 * through cpp is named as "file", line <n>.
 *
 * Probe descriptions are split into provider:module:function:name here;
 * a short description fills the components from the one the probe
 * specifier kind names (-n: the name; -f: the function; ...) leftwards.
 * Matching them against probes is dt_probes.c's business; see there for
 * how it works without the module (dtrace -e on a build host).
 *
 * Macro arguments ($1, $$1) are replaced by the scanner; an argument given
 * but never referenced is an error unless argref is set, and a reference
 * beyond the arguments given is one unless defaultargs is set.
 *
 * The D library: the *.d files of the library directories (DTrace's
 * libdir): the build tree's translators/ when dtrace runs from the build
 * tree (found from /proc/self/exe: ../translators), otherwise
 * DTRACE_LIBDIR (the install path), then each -L / -xlibdir in order.
 * They hold declarations only: typedefs and structs (psinfo_t ...),
 * translators, inlines (curpsinfo, and constants such as EINTR, SIGUSR1
 * and NULL) and extern declarations typing kernel variables.  A file is
 * compiled, as a program of declarations, only when a program needs it:
 * when the program names something the file declares (an inline, a
 * typedef, a struct, union or enum tag, a kernel variable an extern
 * declaration types: `jiffies), which a scan of the files' text finds
 * without compiling them.  The translators read kernel types, and
 * importing them from BTF would multiply the compile time of every
 * one-liner that does not use them; per file, a program that names
 * EINTR does not pay for procfs.d either.  The types go into the
 * handle's dictionary; the translators and inlines are kept (cs_semalib,
 * with the files' trees) and start every later compilation's symbol
 * tables.  -xnolibs skips the library.
 *
 * Before a file is compiled, what it needs is: the files whose names its
 * own text uses, and what its "#pragma D depends_on" lines ask (both
 * found by the scan).  A library it depends on is loaded first; a module
 * (vmlinux: the kernel's BTF; another: its BTF) or provider it depends
 * on that is not there leaves the file out, silently, as DTrace leaves
 * out a library whose dependencies are missing (so a host without kernel
 * BTF still has the constants, and no translators).  An error in a
 * library file fails the compilation that loads it with the library
 * file's name: "failed to compile script <libdir>/procfs.d: line <n>:
 * ...".
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <dtrace/dof.h>
#include "dt_cc.h"
#include "dt_grammar.h"

long dt_cc_target(dtrace_hdl_t *dtp)
{
	struct dt_cstate *cs = dt_cc_state(dtp);

	return cs ? cs->cs_target : 0;
}

#ifndef DTRACE_LIBDIR
#define DTRACE_LIBDIR	"/usr/lib/dtrace"
#endif

static dtrace_prog_t *dt_compile(dtrace_hdl_t *dtp, const char *intext,
				 size_t inlen, const char *filename, int spec,
				 unsigned cflags, int argc, char *const argv[]);

int dt_lib_adddir(dtrace_hdl_t *dtp, const char *dir)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	char **v, *d;

	if (!cs || !(d = strdup(dir)))
		return -1;
	v = realloc(cs->cs_libdirs, (size_t)(cs->cs_nlibdirs + 1) * sizeof(*v));
	if (!v) {
		free(d);
		return -1;
	}
	cs->cs_libdirs = v;
	cs->cs_libdirs[cs->cs_nlibdirs++] = d;
	return 0;
}

void dt_lib_fini(struct dt_cstate *cs)
{
	int i;

	for (i = 0; i < cs->cs_nliballocs; i++) {
		dt_pcb_t pcb = { .pcb_allocs = cs->cs_liballocs[i] };

		dt_pcb_free(&pcb);
	}
	free(cs->cs_liballocs);
	for (i = 0; i < cs->cs_nlibdirs; i++)
		free(cs->cs_libdirs[i]);
	free(cs->cs_libdirs);
	for (i = 0; i < cs->cs_nlibnames; i++)
		free(cs->cs_libnames[i].ln_name);
	free(cs->cs_libnames);
	for (i = 0; i < cs->cs_nlibfiles; i++) {
		free(cs->cs_libfiles[i].lf_path);
		free(cs->cs_libfiles[i].lf_text);
		free(cs->cs_libfiles[i].lf_deps);
	}
	free(cs->cs_libfiles);
	cs->cs_semalib = NULL;
}

/*
 * The default library directory: the build tree's (../translators from
 * the executable), or the installed one.  buf has PATH_MAX bytes.
 */
static const char *dt_lib_default(char *buf)
{
	char exe[PATH_MAX], *slash;
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			snprintf(slash, sizeof(exe) - (size_t)(slash - exe),
				 "/../translators");
			if (realpath(exe, buf) && stat(buf, &st) == 0 &&
			    S_ISDIR(st.st_mode))
				return buf;
		}
	}
	return DTRACE_LIBDIR;
}

static int dt_lib_dfile(const struct dirent *de)
{
	size_t n = strlen(de->d_name);

	return de->d_name[0] != '.' && n > 2 &&
	       strcmp(de->d_name + n - 2, ".d") == 0;
}

/* Compile one library file; its trees' memory is kept in cs. */
static int dt_lib_file(dtrace_hdl_t *dtp, const struct dt_libfile *lf)
{
	static char *const argv[] = { "dtrace", NULL };
	struct dt_cstate *cs = dt_cc_state(dtp);
	dtrace_prog_t *pgp;
	void **v;

	pgp = dt_compile(dtp, lf->lf_text, strlen(lf->lf_text), lf->lf_path,
			 DTRACE_PROBESPEC_NONE, DT_C_LIBRARY | DTRACE_C_ZDEFS,
			 1, argv);
	if (!pgp)
		return -1;
	v = realloc(cs->cs_liballocs, (size_t)(cs->cs_nliballocs + 1) *
		    sizeof(*v));
	if (!v) {
		dtrace_program_destroy(dtp, pgp);
		return dt_set_errno(dtp, ENOMEM);
	}
	cs->cs_liballocs = v;
	cs->cs_liballocs[cs->cs_nliballocs++] = pgp->dp_allocs;
	pgp->dp_allocs = NULL;
	dtrace_program_destroy(dtp, pgp);
	return 0;
}

static int dt_lib_dir(dtrace_hdl_t *dtp, const char *dir,
		      int (*each)(dtrace_hdl_t *, const char *))
{
	struct dirent **names;
	char path[PATH_MAX];
	int n, i, rc = 0;

	n = scandir(dir, &names, dt_lib_dfile, alphasort);
	if (n < 0)
		return 0;	/* a missing directory holds no library */
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		if (rc == 0)
			rc = each(dtp, path);
		free(names[i]);
	}
	free(names);
	return rc;
}

/*
 * D text as tokens: identifiers (into word, NUL-terminated) and single
 * punctuation characters; comments, strings and character constants are
 * skipped.  Returns the token (0 at the end, 'a' for an identifier) and
 * advances *tp.
 */
static int dt_lib_token(const char **tp, char *word, size_t wlen)
{
	const char *t = *tp;
	size_t n = 0;

	for (;;) {
		while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
			t++;
		if (t[0] == '/' && t[1] == '*') {
			const char *e = strstr(t + 2, "*/");

			t = e ? e + 2 : t + strlen(t);
		} else if ((t[0] == '/' && t[1] == '/') || t[0] == '#') {
			t += strcspn(t, "\n");
		} else if (*t == '"' || *t == '\'') {
			char q = *t++;

			while (*t && *t != q)
				t += (*t == '\\' && t[1]) ? 2 : 1;
			if (*t)
				t++;
		} else {
			break;
		}
	}
	if (!*t) {
		*tp = t;
		return 0;
	}
	if (*t == '_' || *t == '`' || ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z')) {
		while (*t == '_' || *t == '`' || (*t >= '0' && *t <= '9') ||
		       ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z')) {
			if (n + 1 < wlen)
				word[n++] = *t;
			t++;
		}
		word[n] = '\0';
		*tp = t;
		return 'a';
	}
	*tp = t + 1;
	return *t;
}

static void dt_lib_addname(struct dt_cstate *cs, const char *name)
{
	struct dt_libname *v = realloc(cs->cs_libnames,
				       (size_t)(cs->cs_nlibnames + 1) *
				       sizeof(*v));

	if (!v)
		return;
	cs->cs_libnames = v;
	v[cs->cs_nlibnames].ln_file = cs->cs_nlibfiles - 1;
	if ((v[cs->cs_nlibnames].ln_name = strdup(name)) != NULL)
		cs->cs_nlibnames++;
}

static int dt_lib_namecmp(const void *a, const void *b)
{
	return strcmp(((const struct dt_libname *)a)->ln_name,
		      ((const struct dt_libname *)b)->ln_name);
}

static const struct dt_libname *dt_lib_name(struct dt_cstate *cs,
					    const char *name)
{
	struct dt_libname key = { .ln_name = (char *)name };

	return bsearch(&key, cs->cs_libnames, (size_t)cs->cs_nlibnames,
		       sizeof(key), dt_lib_namecmp);
}

/* The library file that declares name, or -1. */
static int dt_lib_lookup(struct dt_cstate *cs, const char *name)
{
	const struct dt_libname *ln = dt_lib_name(cs, name);

	return ln ? ln->ln_file : -1;
}

/*
 * Whether the library declares name (EINTR, boolean_t): the scanner need
 * not look for a type of that name in the kernel's BTF, the library's
 * own typedefs being in the dictionary once their file is loaded.
 */
int dt_lib_declares(dtrace_hdl_t *dtp, const char *name)
{
	struct dt_cstate *cs = dt_cc_state(dtp);

	return cs && cs->cs_libscanned && dt_lib_name(cs, name) != NULL;
}

/* "#pragma D depends_on <class> <name>" lines, for dt_lib_need(). */
static void dt_lib_scandeps(struct dt_libfile *lf)
{
	const char *t = lf->lf_text;
	char cls[16], name[128];

	for (; t && *t; t += strcspn(t, "\n"), t += (*t == '\n')) {
		struct dt_libdep *v;

		while (*t == ' ' || *t == '\t')
			t++;
		if (sscanf(t, "#pragma D depends_on %15s %127s", cls,
			   name) != 2)
			continue;
		v = realloc(lf->lf_deps, (size_t)(lf->lf_ndeps + 1) *
			    sizeof(*v));
		if (!v)
			return;
		lf->lf_deps = v;
		snprintf(v[lf->lf_ndeps].ld_class, sizeof(v->ld_class), "%s",
			 cls);
		snprintf(v[lf->lf_ndeps].ld_name, sizeof(v->ld_name), "%s",
			 name);
		lf->lf_ndeps++;
	}
}

/*
 * Read one library file and collect the names it declares: the name
 * before "=" in an inline, the last before ";" in a typedef, a tag
 * before "{", `name for an extern declaration.
 */
static int dt_lib_scanfile(dtrace_hdl_t *dtp, const char *path)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	char word[128], prev[128] = "", prev2[128] = "", first[128] = "";
	char arrname[128] = "";
	struct dt_libfile *lf;
	FILE *fp = fopen(path, "re");
	const char *t;
	char *text = NULL;
	size_t len = 0;
	int tok, depth = 0;

	if (!fp)
		return 0;	/* a file we cannot read declares nothing */
	if (getdelim(&text, &len, '\0', fp) < 0) {
		free(text);
		text = NULL;
	}
	fclose(fp);
	if (!text)
		return 0;
	lf = realloc(cs->cs_libfiles, (size_t)(cs->cs_nlibfiles + 1) *
		     sizeof(*lf));
	if (!lf) {
		free(text);
		return 0;
	}
	cs->cs_libfiles = lf;
	lf += cs->cs_nlibfiles++;
	memset(lf, 0, sizeof(*lf));
	lf->lf_text = text;
	lf->lf_path = strdup(path);
	dt_lib_scandeps(lf);
	for (t = text; (tok = dt_lib_token(&t, word, sizeof(word))) != 0;) {
		if (tok == 'a') {
			if (depth == 0 && !first[0])
				snprintf(first, sizeof(first), "%s", word);
			snprintf(prev2, sizeof(prev2), "%s", prev);
			snprintf(prev, sizeof(prev), "%s", word);
			continue;
		}
		if (tok == '{') {
			if (strcmp(prev2, "struct") == 0 ||
			    strcmp(prev2, "union") == 0 ||
			    strcmp(prev2, "enum") == 0)
				dt_lib_addname(cs, prev);
			depth++;
		} else if (tok == '}' && depth > 0) {
			depth--;
		} else if (depth == 0 && tok == '[' &&
			   strcmp(first, "inline") == 0 && !arrname[0]) {
			/* An array inline: fds[int fd] = ... */
			snprintf(arrname, sizeof(arrname), "%s", prev);
		} else if (depth == 0 && tok == '=' &&
			   strcmp(first, "inline") == 0) {
			dt_lib_addname(cs, arrname[0] ? arrname : prev);
			arrname[0] = '\0';
		} else if (depth == 0 && tok == ';') {
			if (strcmp(first, "typedef") == 0)
				dt_lib_addname(cs, prev);
			if (strcmp(first, "extern") == 0 && prev[0]) {
				/* A kernel variable's type: `name. */
				char sym[160];

				snprintf(sym, sizeof(sym), "`%s", prev);
				dt_lib_addname(cs, sym);
				snprintf(sym, sizeof(sym), "vmlinux`%s", prev);
				dt_lib_addname(cs, sym);
			}
			first[0] = '\0';
			arrname[0] = '\0';
		}
		prev[0] = prev2[0] = '\0';
	}
	return 0;
}

/* The library file whose base name is name, or -1. */
static int dt_lib_byname(struct dt_cstate *cs, const char *name)
{
	int i;

	for (i = 0; i < cs->cs_nlibfiles; i++) {
		const char *slash = strrchr(cs->cs_libfiles[i].lf_path, '/');

		if (strcmp(slash ? slash + 1 : cs->cs_libfiles[i].lf_path,
			   name) == 0)
			return i;
	}
	return -1;
}

int dt_lib_find(dtrace_hdl_t *dtp, const char *name)
{
	struct dt_cstate *cs = dt_cc_state(dtp);

	return cs ? dt_lib_byname(cs, name) : -1;
}

/*
 * Whether a module or provider a library file depends on is there: the
 * module's BTF (vmlinux's for the kernel), a probe of the provider.
 */
int dt_lib_depend_met(dtrace_hdl_t *dtp, const char *cls, const char *name)
{
	if (strcmp(cls, "module") == 0)
		return strcmp(name, "vmlinux") == 0 ? dt_types_btf(dtp) != NULL :
		       dt_types_modbtf(dtp, name) != NULL;
	if (strcmp(cls, "provider") == 0) {
		dt_pdesc_t pd = { (char *)name, "", "", "", 0 };

		return dt_probe_match(dtp, &pd) > 0;
	}
	return 1;
}

static int dt_lib_need(dtrace_hdl_t *dtp, int f);

/* Load the library files the names in text declare (not file self's). */
static int dt_lib_needtext(dtrace_hdl_t *dtp, const char *text, int self)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	char word[128];
	int tok, f;

	while ((tok = dt_lib_token(&text, word, sizeof(word))) != 0) {
		if (tok != 'a' || (f = dt_lib_lookup(cs, word)) < 0 ||
		    f == self)
			continue;
		if (dt_lib_need(dtp, f) != 0)
			return -1;
		if (self >= 0 && cs->cs_libfiles[f].lf_state == DT_LIB_SKIPPED)
			cs->cs_libfiles[self].lf_state = DT_LIB_SKIPPED;
	}
	return 0;
}

/* Load library file f after what it needs (see the theory above). */
static int dt_lib_need(dtrace_hdl_t *dtp, int f)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	struct dt_libfile *lf = &cs->cs_libfiles[f];
	int i, d;

	if (lf->lf_state != DT_LIB_NEW)
		return 0;	/* loaded, left out, or being loaded */
	lf->lf_state = DT_LIB_LOADING;
	for (i = 0; i < lf->lf_ndeps; i++) {
		const struct dt_libdep *ld = &lf->lf_deps[i];

		if (strcmp(ld->ld_class, "library") == 0) {
			if ((d = dt_lib_byname(cs, ld->ld_name)) < 0) {
				lf->lf_state = DT_LIB_SKIPPED;
				return 0;
			}
			if (dt_lib_need(dtp, d) != 0)
				return -1;
			lf = &cs->cs_libfiles[f];
			if (cs->cs_libfiles[d].lf_state == DT_LIB_SKIPPED) {
				lf->lf_state = DT_LIB_SKIPPED;
				return 0;
			}
		} else if (!dt_lib_depend_met(dtp, ld->ld_class,
					      ld->ld_name)) {
			lf->lf_state = DT_LIB_SKIPPED;
			return 0;
		}
	}
	if (dt_lib_needtext(dtp, lf->lf_text, f) != 0)
		return -1;
	lf = &cs->cs_libfiles[f];
	if (lf->lf_state == DT_LIB_SKIPPED)
		return 0;
	if (dt_lib_file(dtp, lf) != 0)
		return -1;
	cs->cs_libfiles[f].lf_state = DT_LIB_LOADED;
	return 0;
}

/* Load the library files a program needs (see the theory above). */
static int dt_lib_load(dtrace_hdl_t *dtp, const char *text)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	int64_t nolibs = DT_OPT_UNSET;
	char buf[PATH_MAX];
	int i;

	if (!cs)
		return dt_set_errno(dtp, ENOMEM);
	dtrace_getopt(dtp, "nolibs", &nolibs);
	if (nolibs != DT_OPT_UNSET)
		return 0;
	if (!cs->cs_libscanned) {
		cs->cs_libscanned = 1;
		dt_lib_dir(dtp, dt_lib_default(buf), dt_lib_scanfile);
		for (i = 0; i < cs->cs_nlibdirs; i++)
			dt_lib_dir(dtp, cs->cs_libdirs[i], dt_lib_scanfile);
		qsort(cs->cs_libnames, (size_t)cs->cs_nlibnames,
		      sizeof(*cs->cs_libnames), dt_lib_namecmp);
	}
	return dt_lib_needtext(dtp, text, -1);
}

/* Append n bytes to a growing buffer; the buffer stays NUL-terminated. */
static int dt_buf_add(char **bufp, size_t *lenp, size_t *capp,
		      const char *s, size_t n)
{
	if (*lenp + n + 1 > *capp) {
		size_t cap = (*capp ? *capp * 2 : 256) + n;
		char *b = realloc(*bufp, cap);

		if (!b)
			return -1;
		*bufp = b;
		*capp = cap;
	}
	memcpy(*bufp + *lenp, s, n);
	*lenp += n;
	(*bufp)[*lenp] = '\0';
	return 0;
}

/*
 * Expand macros in a probe specifier: $1 .. $n and $$1 .. $$n give the
 * argument's text, $target, $pid, ... their decimal values.
 */
char *dt_cc_expand_pspec(dt_pcb_t *pcb, const char *spec)
{
	char *buf = NULL, *res;
	size_t len = 0, cap = 0;
	const char *p = spec;

	while (*p) {
		const char *q = strchr(p, '$');
		char num[24];
		const char *val;
		size_t n;

		if (!q) {
			dt_buf_add(&buf, &len, &cap, p, strlen(p));
			break;
		}
		dt_buf_add(&buf, &len, &cap, p, (size_t)(q - p));
		p = q + 1 + (q[1] == '$');
		n = strspn(p, "0123456789");
		if (n > 0) {
			int i = atoi(p);

			if (i >= pcb->pcb_sargc &&
			    !(pcb->pcb_cflags & DTRACE_C_DEFARG)) {
				free(buf);
				dt_pcb_error(pcb, D_MACRO_UNDEF, dt_pcb_line(pcb),
					     "macro argument $%d is not defined",
					     i);
			}
			if (i < pcb->pcb_sargc) {
				val = pcb->pcb_sargv[i];
				pcb->pcb_sref[i] = 1;
			} else {
				val = "0";
			}
		} else {
			uint64_t v;
			const char *name;

			n = strspn(p, "abcdefghijklmnopqrstuvwxyz"
				      "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
			name = dt_pcb_strndup(pcb, p, n);
			if (strcmp(name, "target") == 0)
				v = (uint64_t)dt_cc_target(pcb->pcb_hdl);
			else if (strcmp(name, "pid") == 0)
				v = (uint64_t)getpid();
			else if (strcmp(name, "ppid") == 0)
				v = (uint64_t)getppid();
			else if (strcmp(name, "uid") == 0)
				v = getuid();
			else if (strcmp(name, "gid") == 0)
				v = getgid();
			else {
				free(buf);
				dt_pcb_error(pcb, D_MACRO_UNDEF, dt_pcb_line(pcb),
					     "macro variable $%s is not defined",
					     name);
			}
			snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
			val = num;
		}
		dt_buf_add(&buf, &len, &cap, val, strlen(val));
		p += n;
	}
	if (!buf)
		return dt_pcb_strdup(pcb, "");
	res = dt_pcb_strdup(pcb, buf);
	free(buf);
	return res;
}

/*
 * Split a description into its four components.  Components are separated
 * by ':'; a short form names the components ending with the one the
 * probe specifier kind says (a -n "read:entry" is function "read", name
 * "entry").  Missing components are empty and match everything.
 */
int dt_pdesc_split(dt_pcb_t *pcb, const dt_node_t *dnp, dt_pdesc_t *pdp)
{
	char *parts[4] = { NULL, NULL, NULL, NULL };
	char *s = dt_pcb_strdup(pcb, dnp->dn_string);
	char *f[5];
	int nf = 0, last, i;

	f[nf++] = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			continue;
		}
		if (*s == ':') {
			if (nf == 4)
				dt_node_error(pcb, dnp, D_PDESC_INVAL,
					      "invalid probe description \"%s\": "
					      "Overspecified probe description",
					      dnp->dn_string);
			*s = '\0';
			f[nf++] = s + 1;
		}
	}
	last = pcb->pcb_spec == DTRACE_PROBESPEC_NONE ?
	       DTRACE_PROBESPEC_NAME : pcb->pcb_spec;
	if (nf > last + 1)
		last = nf - 1;
	for (i = 0; i < nf; i++)
		parts[last - (nf - 1) + i] = f[i];
	pdp->pd_prov = parts[0] ? parts[0] : "";
	pdp->pd_mod = parts[1] ? parts[1] : "";
	pdp->pd_func = parts[2] ? parts[2] : "";
	pdp->pd_name = parts[3] ? parts[3] : "";
	pdp->pd_line = dnp->dn_line;
	if (strlen(pdp->pd_prov) >= DTRACE_PROVNAMELEN ||
	    strlen(pdp->pd_mod) >= DTRACE_MODNAMELEN ||
	    strlen(pdp->pd_func) >= DTRACE_FUNCNAMELEN ||
	    strlen(pdp->pd_name) >= DTRACE_NAMELEN)
		dt_node_error(pcb, dnp, D_PDESC_INVAL,
			      "invalid probe description \"%s\": "
			      "Probe description component too long",
			      dnp->dn_string);
	return 0;
}

/*
 * Run cpp over the text (-C).  cpp reads a temporary file, so its line
 * markers name that file; the scanner treats it as the input itself.  A
 * "#!" interpreter line becomes an empty one, cpp would refuse it.
 */
static char *dt_cpp(dt_pcb_t *pcb, const char *text, size_t len,
		    size_t *outlen)
{
	dtrace_hdl_t *dtp = pcb->pcb_hdl;
	struct dt_cstate *cs = dt_cc_state(dtp);
	char tmpl[] = "/tmp/dtrace-cpp-XXXXXX";
	const char *cpp;
	char *out = NULL, **argv;
	size_t olen = 0, cap = 0, skip = 0;
	int fd, pfd[2], status, i, n = 0;
	pid_t pid;
	char buf[4096];
	ssize_t r;

	fd = mkstemp(tmpl);
	if (fd < 0)
		return NULL;
	if (len >= 2 && text[0] == '#' && text[1] == '!')
		for (skip = 0; skip < len && text[skip] != '\n'; skip++)
			;
	if (write(fd, text + skip, len - skip) != (ssize_t)(len - skip)) {
		close(fd);
		unlink(tmpl);
		return NULL;
	}
	close(fd);
	pcb->pcb_cppfile = dt_pcb_strdup(pcb, tmpl);

	argv = calloc((size_t)cs->cs_cppargc + 8, sizeof(*argv));
	if (!argv || pipe(pfd) != 0) {
		free(argv);
		unlink(tmpl);
		return NULL;
	}
	cpp = cs->cs_cpppath ? cs->cs_cpppath : "cpp";
	argv[n++] = strrchr(cpp, '/') ? strrchr(cpp, '/') + 1 : (char *)cpp;
	argv[n++] = "-undef";
	argv[n++] = "-D__linux__";
	argv[n++] = "-D__x86_64__";
	argv[n++] = "-D__LP64__";
	for (i = 0; i < cs->cs_cppargc; i++)
		argv[n++] = cs->cs_cppargv[i];
	argv[n++] = tmpl;
	argv[n] = NULL;

	pid = fork();
	if (pid == 0) {
		dup2(pfd[1], STDOUT_FILENO);
		close(pfd[0]);
		close(pfd[1]);
		execvp(cpp, argv);
		_exit(127);
	}
	close(pfd[1]);
	while (pid > 0 && (r = read(pfd[0], buf, sizeof(buf))) > 0)
		dt_buf_add(&out, &olen, &cap, buf, (size_t)r);
	close(pfd[0]);
	free(argv);
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		unlink(tmpl);
		free(out);
		dt_set_errmsg(dtp, DTRACE_ECOMPILE, "%spreprocessor failed",
			      pcb->pcb_region);
		return NULL;
	}
	unlink(tmpl);
	if (skip && out)
		dt_buf_add(&out, &olen, &cap, "", 0);
	*outlen = olen;
	return out ? out : strdup("");
}

/* The program's clauses; the parse tree stays the pcb's until the end. */
static dtrace_prog_t *dt_program_new(dt_pcb_t *pcb)
{
	dtrace_prog_t *pgp = calloc(1, sizeof(*pgp));
	dt_node_t *cl, *pd;
	int n = 0, i;

	if (!pgp)
		return NULL;
	for (cl = pcb->pcb_root->dn_body; cl; cl = cl->dn_next)
		n += (cl->dn_kind == DT_NODE_CLAUSE);
	pgp->dp_clauses = calloc((size_t)n + 1, sizeof(*pgp->dp_clauses));
	if (!pgp->dp_clauses) {
		free(pgp);
		return NULL;
	}
	for (cl = pcb->pcb_root->dn_body; cl; cl = cl->dn_next) {
		dt_clause_t *c;

		if (cl->dn_kind != DT_NODE_CLAUSE)
			continue;
		c = &pgp->dp_clauses[pgp->dp_nclauses++];
		c->cl_node = cl;
		for (pd = cl->dn_left; pd; pd = pd->dn_next)
			c->cl_npdescs++;
		c->cl_pdescs = dt_pcb_zalloc(pcb, (size_t)c->cl_npdescs *
					     sizeof(dt_pdesc_t));
		for (pd = cl->dn_left, i = 0; pd; pd = pd->dn_next, i++)
			c->cl_pdescs[i] = *(dt_pdesc_t *)pd->dn_aux;
	}
	pgp->dp_cflags = pcb->pcb_cflags;
	pgp->dp_attrs = pcb->pcb_attrs;
	return pgp;
}

static void dt_program_free(dtrace_prog_t *pgp)
{
	dt_cg_free(pgp);
	free(pgp->dp_clauses);
	free(pgp);
}

static dtrace_prog_t *dt_compile(dtrace_hdl_t *dtp, const char *intext,
				 size_t inlen, const char *filename, int spec,
				 unsigned cflags, int argc, char *const argv[])
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	dt_pcb_t *pcb;
	dtrace_prog_t *volatile pgp = NULL;
	char *volatile cpptext = NULL;
	const char *volatile text = intext;
	volatile size_t len = inlen;
	char region[1024];
	volatile int ok = 0;
	int i;

	if (!cs) {
		dt_set_errno(dtp, ENOMEM);
		return NULL;
	}
	pcb = calloc(1, sizeof(*pcb));
	if (!pcb) {
		dt_set_errno(dtp, ENOMEM);
		return NULL;
	}
	pcb->pcb_hdl = dtp;
	pcb->pcb_filetag = filename;
	pcb->pcb_spec = spec;
	pcb->pcb_cflags = cflags | dt_opt_cflags(dtp);
	pcb->pcb_sargc = argc;
	pcb->pcb_sargv = argv;
	if (filename)
		snprintf(region, sizeof(region), "failed to compile script %s: ",
			 filename);
	else
		snprintf(region, sizeof(region), "invalid probe specifier %s: ",
			 text);
	pcb->pcb_region = region;

	cs->cs_compiling++;
	if (setjmp(pcb->pcb_jmpbuf) != 0)
		goto out;

	pcb->pcb_sref = dt_pcb_zalloc(pcb, (size_t)argc + 1);
	if (pcb->pcb_cflags & DTRACE_C_CPP) {
		size_t clen;

		cpptext = dt_cpp(pcb, text, len, &clen);
		if (!cpptext)
			goto out;
		text = cpptext;
		len = clen;
	}
	if (dt_lex_init(pcb, text, len) != 0) {
		dt_set_errno(dtp, ENOMEM);
		goto out;
	}
	if (dt_yyparse(pcb) != 0)
		dt_pcb_error(pcb, D_SYNTAX, dt_pcb_line(pcb), "syntax error");
	dt_lex_fini(pcb);

	for (i = 1; i < argc; i++)
		if (!pcb->pcb_sref[i] && !(pcb->pcb_cflags & DTRACE_C_ARGREF))
			dt_pcb_error(pcb, D_MACRO_UNUSED, 0, "extraneous argument "
				     "'%s' ($%d is not referenced)", argv[i], i);

	if (!pcb->pcb_root->dn_body &&
	    !(pcb->pcb_cflags & (DTRACE_C_EMPTY | DT_C_LIBRARY)))
		dt_pcb_error(pcb, D_EMPTY, 0, "empty D program translation unit");
	dt_sema_program(pcb);
	pgp = dt_program_new(pcb);
	if (!pgp) {
		dt_set_errno(dtp, ENOMEM);
		goto out;
	}
	dt_cg_program(pcb, pgp);
	/* The program keeps the tree: -S and later passes read it. */
	pgp->dp_allocs = pcb->pcb_allocs;
	pcb->pcb_allocs = NULL;
	ok = 1;
out:
	if (!ok && pgp) {
		dt_program_free(pgp);
		pgp = NULL;
	}
	cs->cs_compiling--;
	dt_lex_fini(pcb);
	dt_pcb_free(pcb);
	free(cpptext);
	free(pcb);
	return pgp;
}

dtrace_prog_t *dtrace_program_strcompile(dtrace_hdl_t *dtp, const char *text,
					 int spec, unsigned cflags,
					 int argc, char *const argv[])
{
	if (dt_lib_load(dtp, text) != 0)
		return NULL;
	return dt_compile(dtp, text, strlen(text), NULL, spec, cflags,
			  argc, argv);
}

dtrace_prog_t *dtrace_program_fcompile(dtrace_hdl_t *dtp, FILE *fp,
				       const char *filename, unsigned cflags,
				       int argc, char *const argv[])
{
	char *text = NULL, buf[8192];
	size_t len = 0, cap = 0, n;
	dtrace_prog_t *pgp;

	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (dt_buf_add(&text, &len, &cap, buf, n) != 0) {
			free(text);
			dt_set_errno(dtp, ENOMEM);
			return NULL;
		}
	if (ferror(fp)) {
		free(text);
		dt_set_errmsg(dtp, errno, "failed to compile script %s: %s",
			      filename, strerror(errno));
		return NULL;
	}
	if (dt_lib_load(dtp, text ? text : "") != 0) {
		free(text);
		return NULL;
	}
	pgp = dt_compile(dtp, text ? text : "", len, filename ? filename :
			 "<stdin>", DTRACE_PROBESPEC_NONE, cflags, argc, argv);
	free(text);
	return pgp;
}

void dtrace_program_destroy(dtrace_hdl_t *dtp, dtrace_prog_t *pgp)
{
	dt_pcb_t pcb = { .pcb_hdl = dtp };

	if (!pgp)
		return;
	pcb.pcb_allocs = pgp->dp_allocs;
	dt_pcb_free(&pcb);
	dt_program_free(pgp);
}
