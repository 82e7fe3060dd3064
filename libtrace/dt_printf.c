// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * printf-style formatting of traced data, as DTrace does it: printf(),
 * and later printa(), system() and freopen() share it.
 *
 * A format is parsed once into a list of pieces, each some literal text
 * (the prefix) followed by at most one conversion.  At consume time each
 * conversion takes its value from the next record, after any '*' width or
 * precision records, and is printed through the C library with a format
 * rebuilt from DTrace's rules:
 *
 *  - the flags # 0 - + ' and space, in that order, then the width and the
 *    precision; a precision of 0 is not passed on (DTrace drops it);
 *  - '?' is the width of a pointer (16 on the 64-bit model);
 *  - integer conversions take the size and signedness from the record:
 *    8-byte values print with "ll", smaller ones are widened to 32 bits,
 *    and %d or %i of an unsigned value prints as %u; the h, l, ll, L and
 *    w modifiers of the source only matter to the compiler's type check;
 *  - %p is %x (no 0x); %c takes an integer; %s stops at the record's end
 *    or its first NUL; %S prints C escapes for unprintable bytes; %Y is
 *    "2024 Jan 15 10:11:12" and %T RFC 822 time in the local time zone;
 *    %a (and %k of one address) prints a kernel address as
 *    module`function+0xoff, %A a user address in its process
 *    (dt_usym.c), each 0x<hex> when no symbol is known;
 *  - printa()'s %@ conversions print the aggregations' values, one
 *    after the other (the last again when they run out); a
 *    quantization's value prints its histogram (pv_print), whatever
 *    the conversion's flags.
 *
 * dt_printf_string() formats into a string for system() and freopen().
 *
 * The compiler checks the format with the same parser (dt_printf_conv()
 * tells it what each conversion takes) and the argument types; the
 * checks here only keep a damaged buffer from crashing the consumer (a
 * size that fits no conversion is an error).
 */
#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dt_impl.h"
#include "dt_ksym.h"
#include "dt_printf.h"
#include "dt_stack.h"
#include "dt_usym.h"

#define DT_PF_ALT	0x01
#define DT_PF_ZPAD	0x02
#define DT_PF_LEFT	0x04
#define DT_PF_SPOS	0x08
#define DT_PF_GROUP	0x10
#define DT_PF_SPACE	0x20
#define DT_PF_DYNWIDTH	0x40
#define DT_PF_DYNPREC	0x80
#define DT_PF_AGG	0x100

/* How a conversion prints its value. */
enum dt_pfkind {
	DT_PFK_PCT,	/* %% */
	DT_PFK_DINT,	/* d i: signedness from the record */
	DT_PFK_UINT,	/* u o x X p */
	DT_PFK_SINT,	/* c */
	DT_PFK_FP,	/* e E f g G */
	DT_PFK_STR,	/* s */
	DT_PFK_ESTR,	/* S */
	DT_PFK_ECHR,	/* C */
	DT_PFK_ADDR,	/* a A */
	DT_PFK_TIME,	/* Y */
	DT_PFK_TIME822,	/* T */
	DT_PFK_STACK,	/* k */
};

struct dt_pfconv {
	char pfc_name;		/* the conversion character */
	const char *pfc_ofmt;	/* what the C library is given */
	enum dt_pfkind pfc_kind;
};

static const struct dt_pfconv dt_pfconvs[] = {
	{ '%', "%", DT_PFK_PCT },
	{ 'a', "s", DT_PFK_ADDR },	{ 'A', "s", DT_PFK_ADDR },
	{ 'c', "c", DT_PFK_SINT },	{ 'C', "s", DT_PFK_ECHR },
	{ 'd', "d", DT_PFK_DINT },	{ 'i', "i", DT_PFK_DINT },
	{ 'e', "e", DT_PFK_FP },	{ 'E', "E", DT_PFK_FP },
	{ 'f', "f", DT_PFK_FP },	{ 'g', "g", DT_PFK_FP },
	{ 'G', "G", DT_PFK_FP },	{ 'k', "s", DT_PFK_STACK },
	{ 'o', "o", DT_PFK_UINT },	{ 'p', "x", DT_PFK_UINT },
	{ 's', "s", DT_PFK_STR },	{ 'S', "s", DT_PFK_ESTR },
	{ 'T', "s", DT_PFK_TIME822 },	{ 'u', "u", DT_PFK_UINT },
	{ 'x', "x", DT_PFK_UINT },	{ 'X', "X", DT_PFK_UINT },
	{ 'Y', "s", DT_PFK_TIME },
};

/* One piece of a format: literal text, then at most one conversion. */
struct dt_pfarg {
	const char *pfa_prefix;
	size_t pfa_preflen;
	const struct dt_pfconv *pfa_conv;	/* NULL: text only */
	unsigned pfa_flags;
	int pfa_width;
	int pfa_prec;
};

struct dt_pfv {
	char *pfv_format;			/* our copy; prefixes point in */
	struct dt_pfarg *pfv_args;
	int pfv_argc;
};

static const struct dt_pfconv *dt_pfconv_lookup(char c)
{
	size_t i;

	for (i = 0; i < sizeof(dt_pfconvs) / sizeof(dt_pfconvs[0]); i++)
		if (dt_pfconvs[i].pfc_name == c)
			return &dt_pfconvs[i];
	return NULL;
}

void dt_printf_destroy(struct dt_pfv *pfv)
{
	if (!pfv)
		return;
	free(pfv->pfv_format);
	free(pfv->pfv_args);
	free(pfv);
}

static struct dt_pfarg *dt_pfv_add(struct dt_pfv *pfv)
{
	struct dt_pfarg *a = realloc(pfv->pfv_args,
				     (pfv->pfv_argc + 1) * sizeof(*a));

	if (!a)
		return NULL;
	pfv->pfv_args = a;
	a += pfv->pfv_argc++;
	memset(a, 0, sizeof(*a));
	return a;
}

/* Why a conversion does not parse (DT_PFERR_*), for the message. */
#define DT_PFERR_UNDEF	1	/* no such conversion */
#define DT_PFERR_END	2	/* the format ends inside it */
#define DT_PFERR_POS	3	/* %n$: positional */
#define DT_PFERR_PCT	4	/* %% with flags */
#define DT_PFERR_DOT	5	/* two precisions */

/*
 * Whether DTrace has the conversion name: size modifiers (h, l, ll, L,
 * w) then the conversion character, as printf(3C) takes them.  The
 * modifier only names the conversion; the value's record decides the
 * size printed.
 */
static bool dt_pfname_ok(const char *mods, char c)
{
	static const char *const sized[] = {
		"hd", "hi", "ho", "hu", "hx", "hX", "lc", "ld", "li", "lo",
		"lu", "ls", "lx", "lX", "lld", "lli", "llo", "llu", "llx",
		"llX", "Le", "LE", "Lf", "Lg", "LG", "wc", "ws",
	};
	char name[8];
	size_t i;

	if (!*mods)
		return true;
	snprintf(name, sizeof(name), "%s%c", mods, c);
	for (i = 0; i < sizeof(sized) / sizeof(sized[0]); i++)
		if (strcmp(name, sized[i]) == 0)
			return true;
	return false;
}

/*
 * Parse the flags, width, precision and name of the conversion at *pp;
 * 0, or DT_PFERR_* with *pp at the offending character (and name, for
 * DT_PFERR_UNDEF, the conversion's name).
 */
static int dt_pfparse_conv(const char **pp, struct dt_pfarg *a,
			   char name[8])
{
	const char *p = *pp;
	int dot = 0, digits = 0, n;
	char mods[5] = "";
	size_t nmods = 0;

	for (;;) {
		char c = *++p;

		*pp = p;
		switch (c) {
		case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			if (!dot && !digits && c == '0') {
				a->pfa_flags |= DT_PF_ZPAD;
				a->pfa_flags &= ~DT_PF_LEFT;
				continue;
			}
			for (n = 0; isdigit((unsigned char)*p); p++)
				n = n * 10 + *p - '0';
			if (*p == '$') {
				*pp = p;
				return DT_PFERR_POS;
			}
			p--;
			if (dot)
				a->pfa_prec = n;
			else
				a->pfa_width = n;
			digits++;
			continue;
		case '#': a->pfa_flags |= DT_PF_ALT; continue;
		case '+': a->pfa_flags |= DT_PF_SPOS; continue;
		case '\'': a->pfa_flags |= DT_PF_GROUP; continue;
		case ' ': a->pfa_flags |= DT_PF_SPACE; continue;
		case '@': a->pfa_flags |= DT_PF_AGG; continue;
		case '?': a->pfa_width = 16; continue;
		case '-':
			a->pfa_flags |= DT_PF_LEFT;
			a->pfa_flags &= ~DT_PF_ZPAD;
			continue;
		case '*':
			a->pfa_flags |= dot ? DT_PF_DYNPREC : DT_PF_DYNWIDTH;
			continue;
		case '.':
			if (dot++)
				return DT_PFERR_DOT;
			digits = 0;
			continue;
		case 'h': case 'l': case 'L': case 'w':
			if (nmods < sizeof(mods) - 1)
				mods[nmods++] = c;
			continue;
		case '\0':
			return DT_PFERR_END;
		case '%':
			if (p[-1] != '%')
				return DT_PFERR_PCT;
			__attribute__((fallthrough));	/* "%%" */
		default:
			a->pfa_conv = dt_pfconv_lookup(c);
			if (!a->pfa_conv || !dt_pfname_ok(mods, c)) {
				snprintf(name, 8, "%s%c", mods, c);
				return DT_PFERR_UNDEF;
			}
			return 0;
		}
	}
}

/*
 * A format's pieces; NULL with the error set, for a bad conversion in
 * DTrace's words (the compiler reports them as they are).
 */
struct dt_pfv *dt_printf_parse(dtrace_hdl_t *dtp, const char *s)
{
	struct dt_pfv *pfv = calloc(1, sizeof(*pfv));
	struct dt_pfarg *a;
	const char *p, *q;
	int err, nconv = 0;
	char name[8];

	if (!pfv || !(pfv->pfv_format = strdup(s))) {
		free(pfv);
		dt_set_errno(dtp, ENOMEM);
		return NULL;
	}
	for (q = pfv->pfv_format; (p = strchr(q, '%')) != NULL; q = p + 1) {
		if (!(a = dt_pfv_add(pfv)))
			goto nomem;
		a->pfa_prefix = q;
		a->pfa_preflen = p - q;
		nconv++;
		if ((err = dt_pfparse_conv(&p, a, name)) == 0)
			continue;
		switch (err) {
		case DT_PFERR_UNDEF:
			dt_set_errmsg(dtp, EINVAL, "format conversion #%d is "
				      "undefined: %%%s", nconv, name);
			break;
		case DT_PFERR_END:
			dt_set_errmsg(dtp, EINVAL, "format conversion #%d name "
				      "expected before end of format string",
				      nconv);
			break;
		case DT_PFERR_POS:
			dt_set_errmsg(dtp, EINVAL, "format conversion #%d uses "
				      "unsupported positional format (%%n$)",
				      nconv);
			break;
		case DT_PFERR_PCT:
			dt_set_errmsg(dtp, EINVAL, "format conversion #%d cannot "
				      "be combined with other format flags: %%%%",
				      nconv);
			break;
		default:
			dt_set_errmsg(dtp, EINVAL, "format conversion #%d has "
				      "more than one precision", nconv);
		}
		dt_printf_destroy(pfv);
		return NULL;
	}
	if (*q != '\0') {
		if (!(a = dt_pfv_add(pfv)))
			goto nomem;
		a->pfa_prefix = q;
		a->pfa_preflen = strlen(q);
	}
	return pfv;
nomem:
	dt_printf_destroy(pfv);
	dt_set_errno(dtp, ENOMEM);
	return NULL;
}

int dt_printf_conv(const struct dt_pfv *pfv, int i, struct dt_pfconvinfo *ci)
{
	const struct dt_pfarg *a;

	if (i < 0 || i >= pfv->pfv_argc)
		return -1;
	a = &pfv->pfv_args[i];
	ci->pc_conv = a->pfa_conv ? a->pfa_conv->pfc_name : '\0';
	ci->pc_dyn = !!(a->pfa_flags & DT_PF_DYNWIDTH) +
		     !!(a->pfa_flags & DT_PF_DYNPREC);
	ci->pc_agg = !!(a->pfa_flags & DT_PF_AGG);
	return 0;
}

/* An integer of 1, 2, 4 or 8 bytes, sign- or zero-extended. */
static int dt_pfval_int(const struct dt_pfval *v, int sign, int64_t *out)
{
	switch (v->pv_size) {
	case 1:
		*out = sign ? (int64_t)*(const int8_t *)v->pv_addr :
			      (int64_t)*(const uint8_t *)v->pv_addr;
		return 0;
	case 2:
		*out = sign ? (int64_t)*(const int16_t *)v->pv_addr :
			      (int64_t)*(const uint16_t *)v->pv_addr;
		return 0;
	case 4:
		*out = sign ? (int64_t)*(const int32_t *)v->pv_addr :
			      (int64_t)*(const uint32_t *)v->pv_addr;
		return 0;
	case 8:
		*out = *(const int64_t *)v->pv_addr;
		return 0;
	default:
		return -1;
	}
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Print an integer conversion; fmt ends in the conversion character. */
static int dt_pfprint_int(FILE *fp, char *fmt, size_t flen,
			  const struct dt_pfval *v, int sign)
{
	size_t n = strlen(fmt);
	char conv = fmt[n - 1];
	int64_t x;

	if (dt_pfval_int(v, sign, &x) != 0)
		return -1;
	if (v->pv_size == 8) {
		if (n + 2 >= flen)
			return -1;
		fmt[n - 1] = 'l';
		fmt[n] = 'l';
		fmt[n + 1] = conv;
		fmt[n + 2] = '\0';
		return fprintf(fp, fmt, (long long)x);
	}
	return fprintf(fp, fmt, (int)x);
}

static int dt_pfprint_fp(FILE *fp, char *fmt, size_t flen,
			 const struct dt_pfval *v)
{
	size_t n = strlen(fmt);
	char conv = fmt[n - 1];

	switch (v->pv_size) {
	case sizeof(float):
		return fprintf(fp, fmt, (double)*(const float *)v->pv_addr);
	case sizeof(double):
		return fprintf(fp, fmt, *(const double *)v->pv_addr);
	case sizeof(long double):
		if (n + 1 >= flen)
			return -1;
		fmt[n - 1] = 'L';
		fmt[n] = conv;
		fmt[n + 1] = '\0';
		return fprintf(fp, fmt, *(const long double *)v->pv_addr);
	default:
		return -1;
	}
}

/* The value as a string, cut at its record's end. */
static char *dt_pfval_str(const struct dt_pfval *v)
{
	char *s = malloc(v->pv_size + 1);

	if (s) {
		memcpy(s, v->pv_addr, v->pv_size);
		s[v->pv_size] = '\0';
	}
	return s;
}

/* C escapes for the unprintable bytes of s (DTrace's %S). */
static char *dt_pf_escape(const char *s, size_t len)
{
	char *e = malloc(len * 4 + 1), *o = e;
	size_t i;

	if (!e)
		return NULL;
	for (i = 0; i < len && s[i]; i++) {
		unsigned char c = s[i];
		const char *esc = NULL;

		switch (c) {
		case '\a': esc = "\\a"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\v': esc = "\\v"; break;
		case '\\': esc = "\\\\"; break;
		case '"': esc = "\\\""; break;
		default: break;
		}
		if (esc)
			o += sprintf(o, "%s", esc);
		else if (isprint(c))
			*o++ = c;
		else
			o += sprintf(o, "\\%03o", c);
	}
	*o = '\0';
	return e;
}

static int dt_pfprint_time(FILE *fp, const char *fmt,
			   const struct dt_pfval *v, int rfc822)
{
	char buf[64];
	struct tm tm;
	time_t sec;

	if (v->pv_size != 8)
		return -1;
	sec = (time_t)(*(const uint64_t *)v->pv_addr / 1000000000ULL);
	localtime_r(&sec, &tm);
	if (!strftime(buf, sizeof(buf),
		      rfc822 ? "%a, %d %b %G %T %Z" : "%Y %b %e %T", &tm))
		buf[0] = '\0';
	return fprintf(fp, fmt, buf);
}

/*
 * %a: a kernel address as "module`function+0xoff"; %A: a user address
 * the same way in its process (a pid, address record: usym() and
 * friends), else in no process: "0x<hex>".
 */
static int dt_pfprint_addr(FILE *fp, const char *fmt,
			   const struct dt_pfval *v, int user)
{
	char buf[1024];
	uint64_t pid = 0;
	int64_t x;

	if (v->pv_size == 16) {
		pid = ((const uint64_t *)v->pv_addr)[0];
		x = ((const int64_t *)v->pv_addr)[1];
	} else if (dt_pfval_int(v, 0, &x) != 0) {
		return -1;
	}
	if (user)
		dt_usym_addr((pid_t)pid, (uint64_t)x, buf, sizeof(buf));
	else if (dt_ksym_addr(dt_ksym_kernel(), (uint64_t)x, buf,
			      sizeof(buf)) < 0)
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)x);
	return fprintf(fp, fmt, buf);
}

/*
 * A mod() or umod() key in printa(): its module's name, whatever the
 * conversion that prints a string (%a, %A, %s ...), as DTrace does.
 */
static int dt_pfprint_mod(FILE *fp, const char *fmt, const struct dt_pfval *v)
{
	char buf[1024];
	uint64_t pid = 0, x;

	if (v->pv_size == 16) {
		pid = ((const uint64_t *)v->pv_addr)[0];
		x = ((const uint64_t *)v->pv_addr)[1];
	} else if (v->pv_size == 8) {
		x = *(const uint64_t *)v->pv_addr;
	} else {
		return -1;
	}
	if (v->pv_flags & DT_PFVAL_UMOD)
		dt_usym_mod((pid_t)pid, x, buf, sizeof(buf));
	else
		dt_ksym_mod(dt_ksym_kernel(), x, buf, sizeof(buf));
	return fprintf(fp, fmt, buf);
}

/*
 * %k, a stack in printa(): each frame through the conversion's format,
 * indented by the width when left-aligned (%-20k), else not at all, as
 * DTrace does (libtrace/dt_stack.c).
 */
static int dt_pfprint_stack(FILE *fp, const char *fmt,
			    const struct dt_pfval *v)
{
	const char *p = fmt + 1;
	int left = 0;

	if (!(v->pv_flags & (DT_PFVAL_KSTACK | DT_PFVAL_USTACK)))
		return -1;
	for (; *p && strchr("#0-+' ", *p); p++)
		left |= *p == '-';
	dt_stack_print(fp, fmt, !!(v->pv_flags & DT_PFVAL_USTACK),
		       v->pv_addr, v->pv_size / 8, left ? atoi(p) : 0);
	return 0;
}

/* Print one conversion of value v with the rebuilt format fmt. */
static int dt_pfprint(FILE *fp, const struct dt_pfconv *pfc, char *fmt,
		      size_t flen, const struct dt_pfval *v)
{
	char *s;
	int ret;

	if (v->pv_print)
		return v->pv_print(fp, v);
	if ((v->pv_flags & (DT_PFVAL_KMOD | DT_PFVAL_UMOD)) &&
	    fmt[strlen(fmt) - 1] == 's')
		return dt_pfprint_mod(fp, fmt, v);
	switch (pfc->pfc_kind) {
	case DT_PFK_DINT:
		if (!(v->pv_flags & DT_PFVAL_SIGNED))
			fmt[strlen(fmt) - 1] = 'u';
		return dt_pfprint_int(fp, fmt, flen, v,
				      v->pv_flags & DT_PFVAL_SIGNED);
	case DT_PFK_SINT:
		return dt_pfprint_int(fp, fmt, flen, v, 1);
	case DT_PFK_UINT:
		return dt_pfprint_int(fp, fmt, flen, v, 0);
	case DT_PFK_FP:
		return dt_pfprint_fp(fp, fmt, flen, v);
	case DT_PFK_STR:
		if (!(s = dt_pfval_str(v)))
			return -1;
		ret = fprintf(fp, fmt, s);
		free(s);
		return ret;
	case DT_PFK_ESTR:
	case DT_PFK_ECHR:
		if (pfc->pfc_kind == DT_PFK_ECHR) {
			int64_t c;
			char ch;

			if (dt_pfval_int(v, 1, &c) != 0)
				return -1;
			ch = (char)c;
			s = dt_pf_escape(&ch, 1);
		} else {
			s = dt_pf_escape(v->pv_addr, v->pv_size);
		}
		if (!s)
			return -1;
		ret = fprintf(fp, fmt, s);
		free(s);
		return ret;
	case DT_PFK_ADDR:
		return dt_pfprint_addr(fp, fmt, v, pfc->pfc_name == 'A');
	case DT_PFK_TIME:
	case DT_PFK_TIME822:
		return dt_pfprint_time(fp, fmt, v,
				       pfc->pfc_kind == DT_PFK_TIME822);
	case DT_PFK_STACK:
		/* A stack key (printa), else one address, symbolized. */
		if (v->pv_flags & (DT_PFVAL_KSTACK | DT_PFVAL_USTACK))
			return dt_pfprint_stack(fp, fmt, v);
		return dt_pfprint_addr(fp, fmt, v, 0);
	default:
		return -1;
	}
}

/* A '*' width or precision: an integer record, as an int. */
static int dt_pfval_dyn(const struct dt_pfval *v, int *out)
{
	int64_t x;

	if (dt_pfval_int(v, 1, &x) != 0)
		return -1;
	*out = (int)x;
	return 0;
}

int dt_printf_format(dtrace_hdl_t *dtp, FILE *fp, const struct dt_pfv *pfv,
		     const struct dt_pfval *vals, int nvals,
		     const struct dt_pfval *aggval)
{
	int i, used = 0, aggi = 0;

	for (i = 0; i < pfv->pfv_argc; i++) {
		const struct dt_pfarg *a = &pfv->pfv_args[i];
		const struct dt_pfconv *pfc = a->pfa_conv;
		int width = a->pfa_width, prec = a->pfa_prec;
		char fmt[64], *f = fmt;

		if (a->pfa_preflen &&
		    fwrite(a->pfa_prefix, 1, a->pfa_preflen, fp) != a->pfa_preflen)
			return dt_set_errno(dtp, errno);
		if (!pfc)
			continue;
		if (pfc->pfc_kind == DT_PFK_PCT) {
			if (fputc('%', fp) == EOF)
				return dt_set_errno(dtp, errno);
			continue;
		}
		if ((a->pfa_flags & DT_PF_DYNWIDTH) &&
		    (used >= nvals || dt_pfval_dyn(&vals[used++], &width) != 0))
			goto mismatch;
		if ((a->pfa_flags & DT_PF_DYNPREC) &&
		    (used >= nvals || dt_pfval_dyn(&vals[used++], &prec) != 0))
			goto mismatch;
		if ((a->pfa_flags & DT_PF_AGG) ? !aggval : used >= nvals)
			goto mismatch;

		*f++ = '%';
		if (a->pfa_flags & DT_PF_ALT)
			*f++ = '#';
		if (a->pfa_flags & DT_PF_ZPAD)
			*f++ = '0';
		if (a->pfa_flags & DT_PF_LEFT)
			*f++ = '-';
		if (a->pfa_flags & DT_PF_SPOS)
			*f++ = '+';
		if (a->pfa_flags & DT_PF_GROUP)
			*f++ = '\'';
		if (a->pfa_flags & DT_PF_SPACE)
			*f++ = ' ';
		if (width != 0)
			f += snprintf(f, fmt + sizeof(fmt) - f, "%d", width);
		if (prec != 0)
			f += snprintf(f, fmt + sizeof(fmt) - f, ".%d", prec);
		snprintf(f, fmt + sizeof(fmt) - f, "%s", pfc->pfc_ofmt);

		if (dt_pfprint(fp, pfc, fmt, sizeof(fmt),
			       (a->pfa_flags & DT_PF_AGG) ? &aggval[aggi] :
			       &vals[used++]) < 0)
			goto mismatch;
		/* The next %@ prints the next aggregation, if there is one. */
		if ((a->pfa_flags & DT_PF_AGG) &&
		    (aggval[aggi + 1].pv_addr || aggval[aggi + 1].pv_print))
			aggi++;
	}
	return used;
mismatch:
	return dt_set_errmsg(dtp, EINVAL,
			     "printf() data does not match its format");
}

#pragma GCC diagnostic pop

int dt_printf_string(dtrace_hdl_t *dtp, char **sp, const struct dt_pfv *pfv,
		     const struct dt_pfval *vals, int nvals)
{
	size_t len = 0;
	FILE *fp;
	int ret;

	*sp = NULL;
	fp = open_memstream(sp, &len);
	if (!fp)
		return dt_set_errno(dtp, errno);
	ret = dt_printf_format(dtp, fp, pfv, vals, nvals, NULL);
	if (fclose(fp) != 0 && ret >= 0)
		ret = dt_set_errno(dtp, errno);
	if (ret < 0) {
		free(*sp);
		*sp = NULL;
	}
	return ret;
}
