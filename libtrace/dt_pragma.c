// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Control lines.  The scanner collects the words of a line that starts
 * with '#' and calls dt_pragma() at its end:
 *
 *   #pragma D option name[=value] ...    dtrace_setopt()
 *   #pragma D depends_on|attributes|binding ...
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

static int dt_pragma_count(const dt_node_t *args)
{
	int n = 0;

	for (; args; args = args->dn_next)
		n++;
	return n;
}

static void dt_pragma_d(dt_pcb_t *pcb, dt_node_t *what)
{
	int line = pcb->pcb_pragline;
	dt_node_t *args;

	if (!what)
		dt_pcb_error(pcb, D_PRAGMA_MALFORM, line, "malformed #pragma D");
	args = what->dn_next;
	if (strcmp(what->dn_string, "option") == 0) {
		dt_pragma_option(pcb, args);
	} else if (strcmp(what->dn_string, "depends_on") == 0 ||
		   strcmp(what->dn_string, "binding") == 0) {
		if (dt_pragma_count(args) != 2)
			dt_pcb_error(pcb, D_PRAGMA_MALFORM, line,
				     "malformed #pragma %s <class> <name>",
				     what->dn_string);
	} else if (strcmp(what->dn_string, "attributes") == 0) {
		if (dt_pragma_count(args) < 2)
			dt_pcb_error(pcb, D_PRAGMA_MALFORM, line,
				     "malformed #pragma attributes <attributes> "
				     "<ident>");
	} else {
		dt_pcb_error(pcb, D_PRAGMA_INVAL, line,
			     "invalid D pragma: %s", what->dn_string);
	}
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
