// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * print(): a traced value printed by its C type, as illumos prints it.
 *
 * Theory.  The compiler puts the type's name in the PRINT action
 * (dofa_arg, a string-table offset) and the value's bytes in its record;
 * here the name is looked up in the handle's type system again and the
 * type is walked with ctf_type_visit(), which calls back once per member
 * (and once for the type itself) with the member's name, type, bit offset
 * and depth.  Each line is "type name = value", indented four columns
 * per depth; a struct or union opens "{" and is closed by "}" when the
 * walk comes back to a shallower depth (or ends).  Integers print in hex
 * (%#x), characters quoted, pointers in hex, floats in %+.7e, enums by
 * name, char arrays that hold a string as "string", other arrays as
 * "[ a, b ]".  The record is never read past its size: a member that does
 * not fit prints as "<truncated>".
 */
#include <ctype.h>
#include <ctf-api.h>
#include <stdio.h>
#include <string.h>

#include "dt_cc.h"
#include "dt_consume.h"

struct dt_printarg {
	const char *pa_addr;
	size_t pa_size;
	ctf_dict_t *pa_fp;
	int pa_depth;
	int pa_nest;
	FILE *pa_file;
};

static int dt_print_member(const char *name, ctf_id_t id, unsigned long off,
			   int depth, void *arg);

#define DT_IS_SOU(k)	((k) == CTF_K_STRUCT || (k) == CTF_K_UNION)

static void dt_print_braces(struct dt_printarg *pa, int depth)
{
	int d;

	for (d = pa->pa_depth; d > depth; d--)
		fprintf(pa->pa_file, "%*s}%s", (d + pa->pa_nest - 1) * 4, "",
			d == depth + 1 ? "" : "\n");
}

static void dt_print_indent(struct dt_printarg *pa)
{
	fprintf(pa->pa_file, "%*s", (pa->pa_depth + pa->pa_nest) * 4, "");
}

/* The bytes at bit offset off, if the record holds n of them. */
static const char *dt_print_at(struct dt_printarg *pa, unsigned long off,
			       size_t n)
{
	if (off / 8 > pa->pa_size || n > pa->pa_size - off / 8)
		return NULL;
	return pa->pa_addr + off / 8;
}

static void dt_print_hex(FILE *fp, const char *p, size_t size)
{
	switch (size) {
	case 1:
		fprintf(fp, "%#x", *(const uint8_t *)p);
		break;
	case 2:
		fprintf(fp, "%#x", *(const uint16_t *)p);
		break;
	case 4:
		fprintf(fp, "%#x", *(const uint32_t *)p);
		break;
	case 8:
		fprintf(fp, "%#llx", (unsigned long long)*(const uint64_t *)p);
		break;
	default:
		fprintf(fp, "<invalid size %u>", (unsigned)size);
	}
}

static void dt_print_int(ctf_id_t t, unsigned long off, struct dt_printarg *pa)
{
	FILE *fp = pa->pa_file;
	ctf_encoding_t e;
	const char *p;
	size_t size;

	if (ctf_type_encoding(pa->pa_fp, t, &e) != 0) {
		fprintf(fp, "<unknown encoding>");
		return;
	}
	size = e.cte_bits / 8;
	if (size > 8 || e.cte_bits % 8 || (size & (size - 1)) ||
	    e.cte_offset || off % 8) {
		/* A bitfield: the bits, shifted down. */
		uint64_t v = 0, mask = e.cte_bits >= 64 ? ~0ULL :
				      (1ULL << e.cte_bits) - 1;
		unsigned long bit = off + e.cte_offset;
		size_t n = (bit % 8 + e.cte_bits + 7) / 8;

		if (n > 8 || !(p = dt_print_at(pa, bit, n))) {
			fprintf(fp, "<truncated>");
			return;
		}
		memcpy(&v, p, n);
		fprintf(fp, "%#llx", (unsigned long long)((v >> bit % 8) & mask));
		return;
	}
	if (!(p = dt_print_at(pa, off, size))) {
		fprintf(fp, "<truncated>");
		return;
	}
	if ((e.cte_format & CTF_INT_CHAR) && size == 1) {
		char c = *p;

		if (isprint((unsigned char)c))
			fprintf(fp, "'%c'", c);
		else if (c == 0)
			fprintf(fp, "'\\0'");
		else
			fprintf(fp, "'\\%03o'", (unsigned char)c);
		return;
	}
	dt_print_hex(fp, p, size);
}

static void dt_print_float(ctf_id_t t, unsigned long off,
			   struct dt_printarg *pa)
{
	FILE *fp = pa->pa_file;
	ctf_encoding_t e;
	const char *p;

	if (ctf_type_encoding(pa->pa_fp, t, &e) != 0)
		return;
	if (!(p = dt_print_at(pa, off, e.cte_bits / 8))) {
		fprintf(fp, "<truncated>");
		return;
	}
	if (e.cte_format == CTF_FP_SINGLE && e.cte_bits == 32)
		fprintf(fp, "%+.7e", (double)*(const float *)p);
	else if (e.cte_format == CTF_FP_DOUBLE && e.cte_bits == 64)
		fprintf(fp, "%+.7e", *(const double *)p);
	else if (e.cte_format == CTF_FP_LDOUBLE && e.cte_bits == 128)
		fprintf(fp, "%+.16LE", *(const long double *)p);
	else
		fprintf(fp, "<unknown encoding>");
}

static void dt_print_ptr(ctf_id_t t, unsigned long off, struct dt_printarg *pa)
{
	ssize_t size = ctf_type_size(pa->pa_fp, t);
	const char *p;

	if (ctf_type_kind(pa->pa_fp, t) == CTF_K_FUNCTION)
		size = 8;
	if (size <= 0 || !(p = dt_print_at(pa, off, (size_t)size)))
		fprintf(pa->pa_file, "<truncated>");
	else
		dt_print_hex(pa->pa_file, p, (size_t)size);
}

static void dt_print_array(ctf_id_t t, unsigned long off,
			   struct dt_printarg *pa)
{
	FILE *fp = pa->pa_file;
	ctf_arinfo_t ar;
	ctf_encoding_t e;
	ctf_id_t rt;
	ssize_t esz;
	const char *base;
	bool isstr = false;
	int kind;
	unsigned i;

	if (ctf_array_info(pa->pa_fp, t, &ar) != 0 ||
	    (esz = ctf_type_size(pa->pa_fp, ar.ctr_contents)) <= 0 ||
	    (rt = ctf_type_resolve(pa->pa_fp, ar.ctr_contents)) == CTF_ERR ||
	    (kind = ctf_type_kind(pa->pa_fp, rt)) < 0) {
		fprintf(fp, "<invalid type %ld>", (long)t);
		return;
	}
	base = dt_print_at(pa, off, (size_t)esz * ar.ctr_nelems);
	if (!base) {
		fprintf(fp, "<truncated>");
		return;
	}
	if (kind == CTF_K_INTEGER && ctf_type_encoding(pa->pa_fp, rt, &e) == 0 &&
	    (e.cte_format & CTF_INT_CHAR) && esz == 1) {
		char c = 0;

		for (i = 0; i < ar.ctr_nelems; i++) {
			c = base[i];
			if (!isprint((unsigned char)c) || c == '\0')
				break;
		}
		isstr = i != ar.ctr_nelems && c == '\0';
	}
	if (!isstr || pa->pa_depth != 0)
		fprintf(fp, "[ ");
	if (isstr) {
		fprintf(fp, "\"%s\"", base);
	} else {
		for (i = 0; i < ar.ctr_nelems; i++) {
			struct dt_printarg sub = *pa;

			sub.pa_nest += pa->pa_depth + 1;
			sub.pa_depth = 0;
			sub.pa_addr = base + (size_t)esz * i;
			sub.pa_size = (size_t)esz;
			ctf_type_visit(pa->pa_fp, ar.ctr_contents,
				       dt_print_member, &sub);
			dt_print_braces(&sub, 0);
			if (i != ar.ctr_nelems - 1)
				fprintf(fp, ", ");
			else if (DT_IS_SOU(kind))
				fprintf(fp, "\n");
		}
	}
	if (!isstr || pa->pa_depth != 0) {
		if (DT_IS_SOU(kind))
			dt_print_indent(pa);
		else
			fprintf(fp, " ");
		fprintf(fp, "]");
	}
}

static void dt_print_enum(ctf_id_t t, unsigned long off,
			  struct dt_printarg *pa)
{
	const char *p = dt_print_at(pa, off, 4), *name;
	int v;

	if (!p) {
		fprintf(pa->pa_file, "<truncated>");
		return;
	}
	memcpy(&v, p, 4);
	name = ctf_enum_name(pa->pa_fp, t, v);
	if (name)
		fprintf(pa->pa_file, "%s", name);
	else
		fprintf(pa->pa_file, "%d", v);
}

static int dt_print_member(const char *name, ctf_id_t id, unsigned long off,
			   int depth, void *arg)
{
	struct dt_printarg *pa = arg;
	FILE *fp = pa->pa_file;
	char type[512];
	ctf_id_t rt;
	int kind;
	bool arraymember, brief;

	dt_print_braces(pa, depth);
	if (depth < pa->pa_depth)
		fprintf(fp, "\n");
	pa->pa_depth = depth;

	if ((rt = ctf_type_resolve(pa->pa_fp, id)) == CTF_ERR ||
	    (kind = ctf_type_kind(pa->pa_fp, rt)) < 0) {
		dt_print_indent(pa);
		fprintf(fp, "%s = <invalid type %ld>", name, (long)id);
		return 0;
	}
	if (!ctf_type_name(pa->pa_fp, id, type, sizeof(type)))
		snprintf(type, sizeof(type), "<%ld>", (long)id);

	arraymember = pa->pa_nest != 0 && depth == 0;
	brief = arraymember && !DT_IS_SOU(kind);
	if (!brief) {
		size_t tl = strlen(type);

		if (arraymember)
			fprintf(fp, "\n");
		dt_print_indent(pa);
		fprintf(fp, "%s", type);
		if (name[0] != '\0') {
			ctf_encoding_t e;

			if (tl && type[tl - 1] != '*' && type[tl - 1] != ' ')
				fprintf(fp, " ");
			fprintf(fp, "%s", name);
			if (kind == CTF_K_INTEGER &&
			    ctf_type_encoding(pa->pa_fp, rt, &e) == 0 &&
			    (e.cte_bits % 8 || off % 8 || e.cte_bits / 8 > 8 ||
			     (ssize_t)(e.cte_bits / 8) !=
			     ctf_type_size(pa->pa_fp, rt)))
				fprintf(fp, " :%u", e.cte_bits);
			fprintf(fp, " =");
		}
		fprintf(fp, " ");
	}

	switch (kind) {
	case CTF_K_INTEGER:
		dt_print_int(rt, off, pa);
		break;
	case CTF_K_FLOAT:
		dt_print_float(rt, off, pa);
		break;
	case CTF_K_POINTER:
	case CTF_K_FUNCTION:
		dt_print_ptr(rt, off, pa);
		break;
	case CTF_K_ARRAY:
		dt_print_array(rt, off, pa);
		break;
	case CTF_K_STRUCT:
	case CTF_K_UNION:
		fprintf(fp, "{");
		break;
	case CTF_K_ENUM:
		dt_print_enum(rt, off, pa);
		break;
	case CTF_K_FORWARD:
		fprintf(fp, "<forward decl>");
		break;
	default:
		fprintf(fp, "<invalid type %ld>", (long)id);
		break;
	}
	if (!brief)
		fprintf(fp, "\n");
	return 0;
}

int dt_print_typed(dtrace_hdl_t *dtp, FILE *fp, const char *typename,
		   const char *addr, size_t size)
{
	struct dt_printarg pa;
	ctf_dict_t *cfp = dt_types_fp(dtp);
	ctf_id_t id;

	if (!cfp || !typename[0])
		return 0;
	id = dt_type_lookup(dtp, typename);
	if (id == CTF_ERR || ctf_type_kind(cfp, id) < 0)
		return 0;
	if (ctf_type_kind(cfp, ctf_type_resolve(cfp, id)) == CTF_K_STRUCT ||
	    ctf_type_kind(cfp, ctf_type_resolve(cfp, id)) == CTF_K_UNION)
		id = dt_type_complete(dtp, id);
	memset(&pa, 0, sizeof(pa));
	pa.pa_addr = addr;
	pa.pa_size = size;
	pa.pa_fp = cfp;
	pa.pa_file = fp;
	ctf_type_visit(cfp, id, dt_print_member, &pa);
	dt_print_braces(&pa, 0);
	return 1;
}
