// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Control lines.  The scanner collects the words of a line that starts
 * with '#' and calls dt_pragma() at its end:
 *
 *   #pragma D option name[=value] ...    dtrace_setopt()
 *   #pragma D depends_on provider|module|library name
 *                                        the program needs it (D_PRAGMA_DEPEND)
 *   #pragma D binding "1.0" ident        ident's D version
 *   #pragma D attributes a/b/c ident     ident's stability (dtrace -v)
 *   #pragma D attributes a/b/c provider p part
 *   #pragma error text                   an error the author wants
 *   #pragma ident ..., other #pragmas    ignored, as C compilers do
 *   # 12 "file"  /  #line 12 "file"      from cpp: position of what follows
 *   #                                    cpp's null directive
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dt_cc.h"

/* Scanner helper (dt_lex.l). */
void dt_lex_setline(dt_pcb_t *pcb, int line);

static void dt_pragma_option(dt_pcb_t *pcb, dt_node_t *args)
{
	dtrace_hdl_t *dtp = pcb->pcb_hdl;
	int line = pcb->pcb_pragline;
	dt_node_t *a;

	if (!args)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line,
			     "malformed #pragma D option");
	for (a = args; a; a = a->dn_next) {
		char *opt = dt_pcb_strdup(pcb, a->dn_string);
		char *val = strchr(opt, '=');

		if (val)
			*val++ = '\0';
		if (dtrace_setopt(dtp, opt, val) == 0)
			continue;
		if (val)
			dt_pcb_error(pcb, D_PRAGMA_OPTSET, line,
				     "failed to set option '%s' to '%s': %s",
				     opt, val, dtrace_errmsg(dtp, dtrace_errno(dtp)));
		dt_pcb_error(pcb, D_PRAGMA_OPTSET, line,
			     "failed to set option '%s': %s", opt,
			     dtrace_errmsg(dtp, dtrace_errno(dtp)));
	}
	/* An option that changes how we compile applies from here on. */
	pcb->pcb_cflags |= dt_opt_cflags(dtp);
}

/*
 * #pragma D depends_on <class> <name>: the program needs a provider
 * (one of its probes exists), a kernel module (its BTF: vmlinux's for the
 * kernel), or, in a library file, another library file (dt_cc.c loads it
 * first; a main program may not name one, as in DTrace).
 */
static void dt_pragma_depends(dt_pcb_t *pcb, const char *prname,
			      const dt_node_t *cls)
{
	dtrace_hdl_t *dtp = pcb->pcb_hdl;
	int line = pcb->pcb_pragline;
	const dt_node_t *name = cls ? cls->dn_next : NULL;

	if (!name || name->dn_next || cls->dn_kind != DT_NODE_IDENT ||
	    name->dn_kind != DT_NODE_IDENT)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line,
			     "malformed #pragma %s <class> <name>", prname);
	if (strcmp(cls->dn_string, "library") == 0) {
		if (!(pcb->pcb_cflags & DT_C_LIBRARY))
			dt_pcb_error(pcb, D_PRAGMA_DEPEND, line, "main program "
				     "may not explicitly depend on a library");
		if (dt_lib_find(dtp, name->dn_string) < 0)
			dt_pcb_error(pcb, D_PRAGMA_DEPEND, line, "failed to "
				     "find dependency in libpath: %s",
				     name->dn_string);
		return;
	}
	if (strcmp(cls->dn_string, "provider") != 0 &&
	    strcmp(cls->dn_string, "module") != 0)
		dt_pcb_error(pcb, D_PRAGMA_INVAL, line, "invalid class %s "
			     "specified by #pragma %s", cls->dn_string, prname);
	if (!dt_lib_depend_met(dtp, cls->dn_string, name->dn_string))
		dt_pcb_error(pcb, D_PRAGMA_DEPEND, line, "program requires "
			     "%s %s", cls->dn_string, name->dn_string);
}

/*
 * An identifier defined outside the program (a built-in variable or
 * function, or a library declaration for a user program) cannot be
 * rebound or given other attributes by it: D_PRAGMA_SCOPE.
 */
static void dt_pragma_scope(dt_pcb_t *pcb, const char *prname,
			    const char *name)
{
	if (dt_sema_is_builtin(name) || (!(pcb->pcb_cflags & DT_C_LIBRARY) &&
					 dt_lib_declares(pcb->pcb_hdl, name)))
		dt_pcb_error(pcb, D_PRAGMA_SCOPE, pcb->pcb_pragline,
			     "#pragma %s cannot modify entity defined outside "
			     "program scope", prname);
}

/*
 * #pragma D binding "version" name: the D version an identifier of the
 * program belongs to (major.minor[.micro], as -xversion takes it).
 * Checked; nothing in this compiler hides names by version yet.
 */
static void dt_pragma_binding(dt_pcb_t *pcb, const char *prname,
			      const dt_node_t *vers)
{
	int line = pcb->pcb_pragline;
	const dt_node_t *name = vers ? vers->dn_next : NULL;

	if (!name || name->dn_next || vers->dn_kind != DT_NODE_STRING ||
	    name->dn_kind != DT_NODE_IDENT)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line, "malformed #pragma "
			     "%s \"version\" <ident>", prname);
	if (dt_version_parse(vers->dn_string, NULL) != 0)
		dt_pcb_error(pcb, D_PRAGMA_INVAL, line, "invalid version string "
			     "specified by #pragma %s", prname);
	dt_pragma_scope(pcb, prname, name->dn_string);
}

/*
 * #pragma D attributes name/data/class ident: the stability attributes
 * dtrace -v reports for a program that uses ident (dt_attr.c);
 * "... provider <name> provider|module|function|name|args" sets a
 * provider's (for the rest of the handle's life, as in DTrace).
 */
static void dt_pragma_attributes(dt_pcb_t *pcb, const char *prname,
				 const dt_node_t *astr)
{
	int line = pcb->pcb_pragline;
	const dt_node_t *name = astr ? astr->dn_next : NULL;
	dtrace_attribute_t attr;
	struct dt_pragattr *pa;

	if (!name || astr->dn_kind != DT_NODE_IDENT ||
	    name->dn_kind != DT_NODE_IDENT)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line, "malformed #pragma "
			     "%s <attributes> <ident>", prname);
	if (dtrace_str2attr(astr->dn_string, &attr) != 0)
		dt_pcb_error(pcb, D_PRAGMA_INVAL, line, "invalid attributes "
			     "specified by #pragma %s", prname);
	if (strcmp(name->dn_string, "provider") == 0) {
		const dt_node_t *prov = name->dn_next;
		const dt_node_t *part = prov ? prov->dn_next : NULL;

		if (!part || part->dn_next)
			dt_pcb_error(pcb, D_PRAGMA_MALFORM, line, "malformed "
				     "#pragma %s <attributes> provider <name> "
				     "<component>", prname);
		if (dt_attr_setprov(pcb->pcb_hdl, prov->dn_string,
				    part->dn_string, attr) != 0)
			dt_pcb_error(pcb, D_PRAGMA_INVAL, line, "invalid "
				     "component \"%s\" in attribute #pragma "
				     "for provider %s", part->dn_string,
				     prov->dn_string);
		return;
	}
	if (name->dn_next)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line, "malformed #pragma "
			     "%s <attributes> <ident>", prname);
	dt_pragma_scope(pcb, prname, name->dn_string);
	pa = dt_pcb_zalloc(pcb, sizeof(*pa));
	pa->pa_name = dt_pcb_strdup(pcb, name->dn_string);
	pa->pa_attr = attr;
	pa->pa_next = pcb->pcb_attrs;
	pcb->pcb_attrs = pa;
}

static void dt_pragma_d(dt_pcb_t *pcb, dt_node_t *what)
{
	int line = pcb->pcb_pragline;
	dt_node_t *args;

	if (!what)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line, "malformed #pragma D");
	args = what->dn_next;
	if (strcmp(what->dn_string, "option") == 0)
		dt_pragma_option(pcb, args);
	else if (strcmp(what->dn_string, "depends_on") == 0)
		dt_pragma_depends(pcb, what->dn_string, args);
	else if (strcmp(what->dn_string, "binding") == 0)
		dt_pragma_binding(pcb, what->dn_string, args);
	else if (strcmp(what->dn_string, "attributes") == 0)
		dt_pragma_attributes(pcb, what->dn_string, args);
	else
		dt_pcb_error(pcb, D_PRAGMA_INVAL, line,
			     "invalid D pragma: %s", what->dn_string);
}

/* "# 12 "file"": the next line is line 12 of file. */
static void dt_pragma_line(dt_pcb_t *pcb, dt_node_t *num)
{
	int line = pcb->pcb_pragline;
	dt_node_t *file;
	char *end;
	long n;

	if (!num || num->dn_kind != DT_NODE_IDENT)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line, "malformed #line");
	n = strtol(num->dn_string, &end, 10);
	if (*end || n < 0)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line, "malformed #line");
	file = num->dn_next;
	if (file) {
		if (file->dn_kind != DT_NODE_STRING)
			dt_pcb_error(pcb, D_PRAGMA_MALFORM, line,
				     "malformed #line");
		/* The input itself and cpp's built-ins are not named. */
		if (file->dn_string[0] == '<' ||
		    (pcb->pcb_cppfile &&
		     strcmp(file->dn_string, pcb->pcb_cppfile) == 0))
			pcb->pcb_curfile = NULL;
		else
			pcb->pcb_curfile = file->dn_string;
	}
	dt_lex_setline(pcb, (int)n);
}

void dt_pragma(dt_pcb_t *pcb)
{
	dt_node_t *w = pcb->pcb_pragma;
	int line = pcb->pcb_pragline;

	if (!w)
		return;
	if (isdigit((unsigned char)w->dn_string[0])) {
		dt_pragma_line(pcb, w);
	} else if (strcmp(w->dn_string, "line") == 0) {
		dt_pragma_line(pcb, w->dn_next);
	} else if (strcmp(w->dn_string, "pragma") == 0) {
		dt_node_t *p = w->dn_next;

		if (p && strcmp(p->dn_string, "D") == 0) {
			dt_pragma_d(pcb, p->dn_next);
		} else if (p && strcmp(p->dn_string, "error") == 0) {
			char msg[512] = "";
			dt_node_t *a;

			for (a = p->dn_next; a; a = a->dn_next) {
				strncat(msg, a->dn_string,
					sizeof(msg) - strlen(msg) - 2);
				if (a->dn_next)
					strcat(msg, " ");
			}
			dt_pcb_error(pcb, D_PRAGERR, line, "#pragma error %s",
				     msg);
		}
	} else if (strcmp(w->dn_string, "ident") != 0) {
		dt_pcb_error(pcb, D_PRAGCTL_INVAL, line,
			     "invalid control directive: #%s", w->dn_string);
	}
}
