// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * DIF subroutines (the `call` instruction).  PROBE CONTEXT: see dif_vm.h.
 *
 * Arguments are the values on the tuple stack (ms_tuple[0..ms_ntuple));
 * the interpreter has checked their count against dif_subrinfo.  Strings
 * are read through the host's safe loads into scratch first and worked on
 * there, so no subroutine dereferences a D-supplied pointer itself.
 * Temporary copies are given back before returning: a subroutine leaves
 * in scratch only its result, which is at most strsize bytes, NUL
 * included (DTrace's rule: a result that cannot fit is "out of scratch
 * space").  The semantics are DTrace's; where DTrace leaves a case open
 * the comment says what we do.
 */
#include "dif_vm.h"

#define ARG(i)		(ms->ms_tuple[(i)].tu_value)
#define NARGS		(ms->ms_ntuple)

/* Linux's AF_INET and AF_INET6 (inet_ntop's first argument). */
#define DIF_AF_INET	2
#define DIF_AF_INET6	10

/* Linux's ARPHRD_ETHER and ARPHRD_INFINIBAND (link_ntop's first). */
#define DIF_ARPHRD_ETHER	1
#define DIF_ARPHRD_INFINIBAND	32

/* The string at kernel address addr, copied into scratch (see dif_vm.h). */
static char *dif_sload(struct dif_mstate *ms, uint64_t addr, size_t *lenp)
{
	return dif_scratch_str(ms, addr, dif_strmax(ms), false, lenp);
}

/*
 * Make s[0..len) the result: moved down to the scratch mark (where it
 * started before this subroutine's temporaries) and NUL-terminated.
 */
static uint64_t dif_sresult(struct dif_mstate *ms, size_t mark,
			    const char *s, size_t len)
{
	uintptr_t p;

	ms->ms_scratch_used = mark;
	if (len > dif_strmax(ms)) {
		dif_fault(ms, DIF_FLT_NOSCRATCH, len);
		return 0;
	}
	/* memmove: s may overlap the new place, so no zeroing alloc. */
	mark = (mark + 7) & ~(size_t)7;
	if (mark > ms->ms_scratch_size || len + 1 > ms->ms_scratch_size - mark) {
		dif_fault(ms, DIF_FLT_NOSCRATCH, len);
		return 0;
	}
	p = ms->ms_scratch_base + mark;
	memmove((void *)p, s, len);
	((char *)p)[len] = '\0';
	ms->ms_scratch_used = mark + len + 1;
	return p;
}

static bool dif_isdelim(const char *set, size_t n, char c)
{
	return memchr(set, c, n) != NULL;
}

/* The offset of the first (or last) sub in s at or from pos, or -1. */
static int64_t dif_find(const char *s, size_t len, const char *sub,
			size_t sublen, int64_t pos, bool last)
{
	int64_t i;

	if (sublen > len)
		return -1;
	if (!last) {
		if (pos < 0)
			pos = 0;
		for (i = pos; i <= (int64_t)(len - sublen); i++)
			if (memcmp(s + i, sub, sublen) == 0)
				return i;
		return -1;
	}
	if (pos > (int64_t)(len - sublen))
		pos = (int64_t)(len - sublen);
	for (i = pos; i >= 0; i--)
		if (memcmp(s + i, sub, sublen) == 0)
			return i;
	return -1;
}

/* index(s, sub [, start]) and rindex(s, sub [, start]), as DTrace. */
static uint64_t dif_index(struct dif_mstate *ms, bool last)
{
	size_t mark = ms->ms_scratch_used, len, sublen;
	int64_t pos, r;
	char *s, *sub;

	s = dif_sload(ms, ARG(0), &len);
	sub = s ? dif_sload(ms, ARG(1), &sublen) : NULL;
	ms->ms_scratch_used = mark;
	if (sub == NULL)
		return 0;
	pos = NARGS > 2 ? (int64_t)ARG(2) : last ? (int64_t)len : 0;
	if (len == 0 && sublen == 0)
		r = 0;		/* whatever the position, as DTrace */
	else if (!last && pos >= (int64_t)len)
		r = sublen == 0 && pos >= 0 ? (int64_t)len : -1;
	else if (last && pos < 0)
		r = sublen == 0 ? 0 : -1;
	else
		r = dif_find(s, len, sub, sublen, pos, last);
	return (uint64_t)r;
}

/* strchr, strrchr, strstr: a pointer into the argument, or NULL. */
static uint64_t dif_strfind(struct dif_mstate *ms, unsigned int subr)
{
	size_t mark = ms->ms_scratch_used, len, sublen = 1;
	char c = (char)ARG(1), *s, *sub = &c;
	int64_t r;

	s = dif_sload(ms, ARG(0), &len);
	if (s != NULL && subr == DIF_SUBR_STRSTR)
		sub = dif_sload(ms, ARG(1), &sublen);
	ms->ms_scratch_used = mark;
	if (s == NULL || sub == NULL)
		return 0;
	/* Searching for '\0' finds the string's end, as in DTrace. */
	if (subr != DIF_SUBR_STRSTR && c == '\0')
		return ARG(0) + len;
	r = dif_find(s, len, sub, sublen,
		     subr == DIF_SUBR_STRRCHR ? (int64_t)len : 0,
		     subr == DIF_SUBR_STRRCHR);
	return r < 0 ? 0 : ARG(0) + (uint64_t)r;
}

static uint64_t dif_strjoin(struct dif_mstate *ms)
{
	size_t mark = ms->ms_scratch_used, la, lb;
	char *a, *b;

	a = dif_sload(ms, ARG(0), &la);
	b = a ? dif_sload(ms, ARG(1), &lb) : NULL;
	if (b == NULL)
		return 0;
	if (la + lb > dif_strmax(ms)) {
		dif_fault(ms, DIF_FLT_NOSCRATCH, la + lb);
		return 0;
	}
	/* b directly follows a's NUL: slide it over. */
	memmove(a + la, b, lb + 1);
	return dif_sresult(ms, mark, a, la + lb);
}

/* substr(s, index [, length]), with DTrace's negative index and length. */
static uint64_t dif_substr(struct dif_mstate *ms)
{
	size_t mark = ms->ms_scratch_used, len;
	int64_t index = (int64_t)ARG(1), n;
	char *s = dif_sload(ms, ARG(0), &len);

	if (s == NULL)
		return 0;
	n = NARGS > 2 ? (int64_t)ARG(2) : (int64_t)ms->ms_strsize;
	if (index < 0) {
		index += (int64_t)len;
		if (index < 0 && n > 0 && index + n > 0) {
			n += index;
			index = 0;
		}
	}
	if (index < 0 || index >= (int64_t)len)
		return dif_sresult(ms, mark, s, 0);
	if (n < 0)
		n += (int64_t)len - index;	/* leave -n off the end */
	if (n < 0)
		n = 0;
	if (n > (int64_t)len - index)
		n = (int64_t)len - index;
	return dif_sresult(ms, mark, s + index, (size_t)n);
}

static uint64_t dif_strtok(struct dif_mstate *ms)
{
	size_t mark = ms->ms_scratch_used, len, dlen, i, start;
	uint64_t addr = ARG(0) != 0 ? ARG(0) : ms->ms_strtok;
	char *s, *delim;

	/* With nothing saved, DTrace reads address 0: a fault. */
	s = dif_sload(ms, addr, &len);
	delim = s ? dif_sload(ms, ARG(1), &dlen) : NULL;
	if (delim == NULL)
		return 0;
	for (i = 0; i < len && dif_isdelim(delim, dlen, s[i]); i++)
		;
	if (i == len) {
		ms->ms_strtok = 0;
		ms->ms_scratch_used = mark;
		return 0;
	}
	start = i;
	while (i < len && !dif_isdelim(delim, dlen, s[i]))
		i++;
	/* Resume after the delimiter, or at the end of the string. */
	ms->ms_strtok = addr + i + (i < len);
	return dif_sresult(ms, mark, s + start, i - start);
}

static uint64_t dif_case(struct dif_mstate *ms, bool upper)
{
	size_t mark = ms->ms_scratch_used, len, i;
	char *s = dif_sload(ms, ARG(0), &len);

	if (s == NULL)
		return 0;
	for (i = 0; i < len; i++) {
		if (upper && s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 'a' + 'A');
		else if (!upper && s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
	}
	return dif_sresult(ms, mark, s, len);
}

/*
 * basename and dirname, as the POSIX functions: trailing slashes do not
 * count, "" gives ".", "/" gives "/", a name without a slash has the
 * dirname ".".
 */
static uint64_t dif_pathpart(struct dif_mstate *ms, bool dir)
{
	size_t mark = ms->ms_scratch_used, len, end, start;
	char *s = dif_sload(ms, ARG(0), &len);

	if (s == NULL)
		return 0;
	if (len == 0)
		return dif_sresult(ms, mark, ".", 1);
	for (end = len; end > 1 && s[end - 1] == '/'; end--)
		;
	if (end == 1 && s[0] == '/')
		return dif_sresult(ms, mark, "/", 1);
	for (start = end; start > 0 && s[start - 1] != '/'; start--)
		;
	if (!dir)
		return dif_sresult(ms, mark, s + start, end - start);
	if (start == 0)
		return dif_sresult(ms, mark, ".", 1);
	for (end = start; end > 1 && s[end - 1] == '/'; end--)
		;
	return dif_sresult(ms, mark, s, end);
}

/*
 * cleanpath, as DTrace does it: a single left-to-right pass that drops
 * "//" and "/./", and at "/../" or a final "/.." backs the output up to
 * the previous slash, purely lexically.  So a trailing slash or a final
 * "/." stays, "a/../b" becomes "/b", and the result is cut (not faulted)
 * when it comes within 5 bytes of strsize.  One deliberate difference:
 * where DTrace leaves an undefined first byte ("/.." backed up to
 * nothing), we return "/".
 */
static uint64_t dif_cleanpath(struct dif_mstate *ms)
{
	size_t mark = ms->ms_scratch_used, len, i = 0, j = 0;
	size_t size = ms->ms_strsize;
	char *s = dif_sload(ms, ARG(0), &len), *d, c;

	if (s == NULL)
		return 0;
	/* The output is never longer than the input: work in place. */
	d = s;
	do {
		c = s[i++];
next:
		if (j + 5 >= size)
			break;
		if (c != '/') {
			d[j++] = c;
			continue;
		}
		c = s[i++];
		if (c == '/')
			goto next;
		if (c != '.') {
			d[j++] = '/';
			d[j++] = c;
			continue;
		}
		c = s[i++];
		if (c == '/')
			goto next;
		if (c != '.') {
			d[j++] = '/';
			d[j++] = '.';
			d[j++] = c;
			continue;
		}
		c = s[i++];
		if (c != '/' && c != '\0') {
			d[j++] = '/';
			d[j++] = '.';
			d[j++] = '.';
			d[j++] = c;
			continue;
		}
		/* "/../" or a final "/..": back up to the previous slash. */
		i--;
		while (j != 0 && d[--j] != '/')
			;
		if (c == '\0' && j == 0)
			d[j++] = '/';
	} while (c != '\0');
	len = j > 0 && d[j - 1] == '\0' ? j - 1 : j;
	return dif_sresult(ms, mark, d, len);
}

static size_t dif_utoa(char *buf, uint64_t v, unsigned int base)
{
	char tmp[64];
	size_t n = 0, i;

	do {
		unsigned int d = (unsigned int)(v % base);

		tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v != 0);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

/*
 * lltostr(value [, base]): base 2..36; negative numbers are signed in
 * base 10 only, and bases 8 and 16 get C's "0" and "0x" prefixes, as
 * DTrace prints them.
 */
static uint64_t dif_lltostr(struct dif_mstate *ms)
{
	int64_t v = (int64_t)ARG(0);
	uint64_t base = NARGS > 1 ? ARG(1) : 10, u = (uint64_t)v;
	char buf[72];
	size_t n = 0;

	if (base < 2 || base > 36) {
		dif_fault(ms, DIF_FLT_ILLOP, base);
		return 0;
	}
	if (base == 10 && v < 0) {
		buf[n++] = '-';
		u = 0 - u;
	} else if (base == 16) {
		buf[n++] = '0';
		buf[n++] = 'x';
	} else if (base == 8 && v != 0) {
		buf[n++] = '0';
	}
	n += dif_utoa(buf + n, u, (unsigned int)base);
	return dif_sresult(ms, ms->ms_scratch_used, buf, n);
}

static int dif_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * strtoll(s [, base]): leading blanks, a sign, "0x" in base 16, digits
 * until the first that is not one; no overflow detection (the value
 * wraps), base 2..36 or an illegal operation.
 */
static uint64_t dif_strtoll(struct dif_mstate *ms)
{
	size_t mark = ms->ms_scratch_used, len, i = 0;
	uint64_t base = NARGS > 1 ? ARG(1) : 10, v = 0;
	char *s;
	bool neg = false;
	int d;

	if (base < 2 || base > 36) {
		dif_fault(ms, DIF_FLT_ILLOP, base);
		return 0;
	}
	s = dif_sload(ms, ARG(0), &len);
	ms->ms_scratch_used = mark;
	if (s == NULL)
		return 0;
	while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		i++;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	if (base == 16 && i + 1 < len && s[i] == '0' &&
	    (s[i + 1] == 'x' || s[i + 1] == 'X'))
		i += 2;
	for (; i < len && (d = dif_digit(s[i])) < (int)base; i++)
		v = v * base + (uint64_t)d;
	return neg ? 0 - v : v;
}

static size_t dif_ipv4(char *buf, const uint8_t *a)
{
	size_t n = 0;
	int i;

	for (i = 0; i < 4; i++) {
		if (i > 0)
			buf[n++] = '.';
		n += dif_utoa(buf + n, a[i], 10);
	}
	return n;
}

/*
 * IPv6 text as DTrace prints it (RFC 1884): lower-case hex groups without
 * leading zeros, the first longest run of zero groups (even a single
 * group) as "::".  IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible
 * (::a.b.c.d, but not :: or ::1) addresses end in a dotted quad; for
 * inet_ntoa6 (v4only) the dotted quad alone is the result.
 */
static size_t dif_ipv6(char *buf, const uint8_t *a, bool v4only)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	static const uint8_t zero[12];
	int best = -1, bestlen = 0, run = 0, i, ngroups = 8;
	uint16_t g[8];
	size_t n = 0;

	if (memcmp(a, mapped, 12) == 0 ||
	    (memcmp(a, zero, 12) == 0 &&
	     (a[12] | a[13] | a[14] | (a[15] & 0xfe)) != 0)) {
		if (v4only)
			return dif_ipv4(buf, a + 12);
		ngroups = 6;
	}
	for (i = 0; i < ngroups; i++) {
		g[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
		run = g[i] == 0 ? run + 1 : 0;
		if (run > bestlen) {
			bestlen = run;
			best = i - run + 1;
		}
	}
	for (i = 0; i < ngroups; i++) {
		if (i == best) {
			buf[n++] = ':';
			buf[n++] = ':';
			i += bestlen - 1;
			continue;
		}
		if (i > 0 && i != best + bestlen)
			buf[n++] = ':';
		n += dif_utoa(buf + n, g[i], 16);
	}
	if (ngroups == 6) {
		if (best + bestlen != 6)
			buf[n++] = ':';
		n += dif_ipv4(buf + n, a + 12);
	}
	return n;
}

static uint64_t dif_inet(struct dif_mstate *ms, int af, uint64_t addr,
			 bool v4only)
{
	uint8_t a[16];
	char buf[64];
	size_t n;

	if (af == DIF_AF_INET) {
		if (!dif_memload(ms, a, addr, 4, false))
			return 0;
		n = dif_ipv4(buf, a);
	} else if (af == DIF_AF_INET6) {
		if (!dif_memload(ms, a, addr, 16, false))
			return 0;
		n = dif_ipv6(buf, a, v4only);
	} else {
		dif_fault(ms, DIF_FLT_ILLOP, (uint64_t)af);
		return 0;
	}
	return dif_sresult(ms, ms->ms_scratch_used, buf, n);
}

/*
 * link_ntop(type, addr): a hardware address as colon-separated pairs of
 * lower-case hex digits ("0a:1b:..."), 6 bytes for Ethernet, 20 for
 * InfiniBand; any other type is an illegal operation.
 */
static uint64_t dif_link_ntop(struct dif_mstate *ms)
{
	static const char hex[] = "0123456789abcdef";
	uint8_t a[20];
	char buf[3 * sizeof(a)];
	size_t len, i, n = 0;

	if (ARG(0) == DIF_ARPHRD_ETHER)
		len = 6;
	else if (ARG(0) == DIF_ARPHRD_INFINIBAND)
		len = 20;
	else {
		dif_fault(ms, DIF_FLT_ILLOP, ARG(0));
		return 0;
	}
	if (!dif_memload(ms, a, ARG(1), len, false))
		return 0;
	for (i = 0; i < len; i++) {
		if (i > 0)
			buf[n++] = ':';
		buf[n++] = hex[a[i] >> 4];
		buf[n++] = hex[a[i] & 15];
	}
	return dif_sresult(ms, ms->ms_scratch_used, buf, n);
}

/* ---- json(document, path) ------------------------------------------- */

/*
 * A small, non-recursive JSON scanner over the document's scratch copy,
 * with illumos's semantics.  The path is "key.key[3].key" (a component of
 * digits also indexes an array, so "3" selects from a top-level array).
 * The result is the selected value's text: a string's contents without
 * the quotes (escapes left as they are), a number, true, false or null as
 * written, an object or array whole.  A missing key, a malformed document
 * or a number or literal that runs into the end of the input (illumos
 * needs the character after it) gives NULL.
 */
struct dif_json {
	const char	*js_s;
	size_t		js_len;
	size_t		js_pos;
};

static void dif_json_ws(struct dif_json *j)
{
	while (j->js_pos < j->js_len &&
	       (j->js_s[j->js_pos] == ' ' || j->js_s[j->js_pos] == '\t' ||
		j->js_s[j->js_pos] == '\n' || j->js_s[j->js_pos] == '\r'))
		j->js_pos++;
}

static char dif_json_peek(struct dif_json *j)
{
	dif_json_ws(j);
	return j->js_pos < j->js_len ? j->js_s[j->js_pos] : '\0';
}

/* Skip a string starting at its quote; false if unterminated. */
static bool dif_json_skipstr(struct dif_json *j)
{
	for (j->js_pos++; j->js_pos < j->js_len; j->js_pos++) {
		if (j->js_s[j->js_pos] == '\\')
			j->js_pos++;
		else if (j->js_s[j->js_pos] == '"') {
			j->js_pos++;
			return true;
		}
	}
	return false;
}

/* Skip one value, nested ones by counting brackets (no recursion). */
static bool dif_json_skip(struct dif_json *j)
{
	size_t depth = 0;
	char c;

	do {
		c = dif_json_peek(j);
		if (c == '"') {
			if (!dif_json_skipstr(j))
				return false;
		} else if (c == '{' || c == '[') {
			depth++;
			j->js_pos++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return false;
			depth--;
			j->js_pos++;
		} else if (c == ',' || c == ':') {
			if (depth == 0)
				return false;
			j->js_pos++;
		} else if (c == '\0') {
			return false;
		} else {
			while (j->js_pos < j->js_len &&
			       !strchr(",:]}\" \t\r\n", j->js_s[j->js_pos]))
				j->js_pos++;
		}
	} while (depth > 0);
	return true;
}

/* Position on the member name of the current object; false if absent. */
static bool dif_json_member(struct dif_json *j, const char *name, size_t n)
{
	size_t start, keylen;

	if (dif_json_peek(j) != '{')
		return false;
	j->js_pos++;
	for (;;) {
		if (dif_json_peek(j) != '"')
			return false;
		start = j->js_pos + 1;
		if (!dif_json_skipstr(j))
			return false;
		keylen = j->js_pos - 1 - start;
		if (dif_json_peek(j) != ':')
			return false;
		j->js_pos++;
		if (keylen == n && memcmp(j->js_s + start, name, n) == 0)
			return true;
		if (!dif_json_skip(j))
			return false;
		if (dif_json_peek(j) != ',')
			return false;
		j->js_pos++;
	}
}

/* Position on element idx of the current array; false if absent. */
static bool dif_json_element(struct dif_json *j, uint64_t idx)
{
	if (dif_json_peek(j) != '[')
		return false;
	j->js_pos++;
	for (; idx > 0; idx--) {
		if (!dif_json_skip(j) || dif_json_peek(j) != ',')
			return false;
		j->js_pos++;
	}
	return dif_json_peek(j) != ']';
}

static bool dif_json_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

/* true, false, null, or a decimal number (illumos refuses 0x...). */
static bool dif_json_literal(const char *s, size_t n)
{
	size_t i;

	if ((n == 4 && memcmp(s, "true", 4) == 0) ||
	    (n == 5 && memcmp(s, "false", 5) == 0) ||
	    (n == 4 && memcmp(s, "null", 4) == 0))
		return true;
	if (n == 0 || (s[0] != '-' && (s[0] < '0' || s[0] > '9')))
		return false;
	for (i = 1; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		      s[i] == 'e' || s[i] == 'E' || s[i] == '+' || s[i] == '-'))
			return false;
	return true;
}

static uint64_t dif_json(struct dif_mstate *ms)
{
	size_t mark = ms->ms_scratch_used, len, plen, i = 0, n, start;
	struct dif_json j;
	uint64_t idx;
	char *doc, *path, c;

	doc = dif_sload(ms, ARG(0), &len);
	path = doc ? dif_sload(ms, ARG(1), &plen) : NULL;
	if (path == NULL)
		return 0;
	j.js_s = doc;
	j.js_len = len;
	j.js_pos = 0;
	while (i < plen) {
		for (n = 0; i + n < plen && path[i + n] != '.' &&
		     path[i + n] != '['; n++)
			;
		if (n > 0 && dif_json_peek(&j) == '[' && dif_json_digits(path + i, n)) {
			for (idx = 0; n > 0; n--, i++)
				idx = idx * 10 + (uint64_t)(path[i] - '0');
			if (!dif_json_element(&j, idx))
				goto none;
		} else if (n > 0 && !dif_json_member(&j, path + i, n)) {
			goto none;
		}
		i += n;
		while (i < plen && path[i] == '[') {
			for (idx = 0, i++; i < plen && path[i] >= '0' &&
			     path[i] <= '9'; i++)
				idx = idx * 10 + (uint64_t)(path[i] - '0');
			if (i >= plen || path[i] != ']' ||
			    !dif_json_element(&j, idx))
				goto none;
			i++;
		}
		if (i < plen && path[i] == '.')
			i++;
	}
	c = dif_json_peek(&j);
	start = j.js_pos;
	if (c == '"') {
		if (!dif_json_skipstr(&j))
			goto none;
		return dif_sresult(ms, mark, doc + start + 1,
				   j.js_pos - start - 2);
	}
	if (c == '\0' || !dif_json_skip(&j))
		goto none;
	/* A number or literal must be one of JSON's, and not cut short. */
	if (c != '{' && c != '[' &&
	    (j.js_pos == j.js_len ||
	     !dif_json_literal(doc + start, j.js_pos - start)))
		goto none;
	return dif_sresult(ms, mark, doc + start, j.js_pos - start);
none:
	ms->ms_scratch_used = mark;
	return 0;
}

/* ---- memory and user space ------------------------------------------ */

/* Copy size bytes from kernel address src to user address dst. */
static void dif_copyout(struct dif_mstate *ms, uint64_t src, uint64_t dst,
			uint64_t size)
{
	char buf[128];
	uint64_t off, n;
	int flt;

	for (off = 0; off < size; off += n) {
		n = size - off < sizeof(buf) ? size - off : sizeof(buf);
		if (!dif_memload(ms, buf, src + off, (size_t)n, false))
			return;
		flt = ms->ms_ops->dho_ustore(ms->ms_host, dst + off, buf,
					     (size_t)n);
		if (flt != 0) {
			dif_fault(ms, flt, dst + off);
			return;
		}
	}
}

/* Is [addr, addr + size) writable scratch?  Faults if not. */
static bool dif_scratch_dest(struct dif_mstate *ms, uint64_t addr,
			     uint64_t size)
{
	if (dif_scratch_range(ms, addr, size))
		return true;
	dif_fault(ms, DIF_FLT_BADADDR, addr);
	return false;
}

static uint64_t dif_copyin(struct dif_mstate *ms, uint64_t uaddr, uint64_t size)
{
	uintptr_t p = dif_scratch_alloc(ms, size);

	if (p == 0 || !dif_memload(ms, (void *)p, uaddr, (size_t)size, true))
		return 0;
	return p;
}

static uint64_t dif_copyinstr(struct dif_mstate *ms)
{
	size_t max = dif_strmax(ms), len;

	if (NARGS > 1 && ARG(1) < max)
		max = (size_t)ARG(1);
	return (uintptr_t)dif_scratch_str(ms, ARG(0), max, true, &len);
}

static void dif_copyoutstr(struct dif_mstate *ms)
{
	size_t mark = ms->ms_scratch_used, len;
	char *s = dif_sload(ms, ARG(0), &len);

	if (s != NULL) {
		/* At most size bytes, the NUL included if it fits. */
		dif_copyout(ms, (uintptr_t)s, ARG(1),
			    len + 1 < ARG(2) ? len + 1 : ARG(2));
	}
	ms->ms_scratch_used = mark;
}

/* memref(ptr, len): a two-word record { ptr, len } for tracemem/printm. */
static uint64_t dif_memref(struct dif_mstate *ms)
{
	uintptr_t p = dif_scratch_alloc(ms, 2 * sizeof(uint64_t));

	if (p != 0) {
		memcpy((void *)p, &ARG(0), sizeof(uint64_t));
		memcpy((void *)(p + 8), &ARG(1), sizeof(uint64_t));
	}
	return p;
}

/* ---- getf(fd), d_path(path) ------------------------------------------ */

/*
 * Both walk kernel structures the host describes (struct dif_kernlayout)
 * with safe loads only: no lock is taken, so a probe that fired inside
 * the VFS while it held rename_lock, mount_lock or a d_lock cannot
 * deadlock here, and nothing sleeps.  What keeps the memory there is
 * probe context itself (interrupts off: an RCU read-side section, and
 * fdtables, dentry names and mounts are freed after a grace period); a
 * structure that changes under the walk (a rename, a mount or unmount, an
 * fd closed) gives a stale or mixed answer, never a crash: every load is
 * a nofault one, every length is clipped, and the walk is bounded.
 */
#define DIF_DPATH_MAXSTEPS	256	/* dentries plus mount crossings */
#define DIF_NAME_MAX		255	/* the kernel's NAME_MAX */

static bool dif_kptr(struct dif_mstate *ms, uint64_t addr, uint64_t *val)
{
	*val = 0;
	return dif_memload(ms, val, addr, sizeof(*val), false);
}

static bool dif_ku32(struct dif_mstate *ms, uint64_t addr, uint32_t *val)
{
	*val = 0;
	return dif_memload(ms, val, addr, sizeof(*val), false);
}

static const struct dif_kernlayout *dif_kl(struct dif_mstate *ms)
{
	const struct dif_kernlayout *kl = NULL;

	if (ms->ms_ops->dho_kernlayout)
		kl = ms->ms_ops->dho_kernlayout(ms->ms_host);
	if (kl == NULL)
		dif_fault(ms, DIF_FLT_ILLOP, 0);
	return kl;
}

static bool dif_curtask(struct dif_mstate *ms, uint64_t *task)
{
	int flt = ms->ms_ops->dho_builtin(ms->ms_host, ms, DIF_BV_CURTHREAD,
					  0, task);

	if (flt != 0)
		dif_fault(ms, flt, 0);
	return flt == 0;
}

/*
 * getf(fd): the struct file of the current process's descriptor fd, or
 * NULL when there is none (fd negative or beyond the table, a closed
 * descriptor, a task without a file table), as DTrace's getf().
 */
static uint64_t dif_getf(struct dif_mstate *ms)
{
	const struct dif_kernlayout *kl = dif_kl(ms);
	int64_t fd = (int64_t)ARG(0);
	uint64_t task, files, fdt, fds, file;
	uint32_t max;

	if (kl == NULL || !dif_curtask(ms, &task))
		return 0;
	if (fd < 0 || fd > 0x7fffffff || task == 0)
		return 0;
	if (!dif_kptr(ms, task + kl->kl_task_files, &files) || files == 0)
		return 0;
	if (!dif_kptr(ms, files + kl->kl_files_fdt, &fdt) || fdt == 0)
		return 0;
	/* max_fds and fd[] of one fdtable: a resize swaps the whole table. */
	if (!dif_ku32(ms, fdt + kl->kl_fdt_max_fds, &max) ||
	    (uint64_t)fd >= max ||
	    !dif_kptr(ms, fdt + kl->kl_fdt_fd, &fds) || fds == 0 ||
	    !dif_kptr(ms, fds + (uint64_t)fd * sizeof(uint64_t), &file))
		return 0;
	return file;
}

/*
 * Prepend s[0..n) to the path being built backwards in buf, ending at
 * *pos; false if it does not fit.
 */
static bool dif_prepend(char *buf, size_t *pos, const char *s, size_t n)
{
	if (n > *pos)
		return false;
	*pos -= n;
	memcpy(buf + *pos, s, n);
	return true;
}

/*
 * One component: the dentry's name, loaded straight into its place.  A
 * name that changes under us (a rename) may show a NUL inside its old
 * length: the name ends there.
 */
static int dif_dpath_name(struct dif_mstate *ms,
			  const struct dif_kernlayout *kl, uint64_t dentry,
			  char *buf, size_t *pos)
{
	uint64_t name;
	uint32_t len;
	const char *nul;

	if (!dif_kptr(ms, dentry + kl->kl_dentry_name, &name) ||
	    !dif_ku32(ms, dentry + kl->kl_dentry_len, &len))
		return -1;
	if (len > DIF_NAME_MAX)
		len = DIF_NAME_MAX;
	if (len + 1 > *pos)
		return 0;
	if (!dif_memload(ms, buf + *pos - len, name, len, false))
		return -1;
	nul = memchr(buf + *pos - len, '\0', len);
	if (nul != NULL) {
		size_t n = (size_t)(nul - (buf + *pos - len));

		memmove(buf + *pos - n, buf + *pos - len, n);
		len = (uint32_t)n;
	}
	*pos -= len;
	buf[--*pos] = '/';
	return 1;
}

/*
 * The path of (mnt, dentry) as the kernel's d_path() spells it: from the
 * current task's root (or from the root of the mount tree when the path
 * is not under it), " (deleted)" after an unlinked file.  Differences,
 * documented: a path longer than strsize, or deeper than
 * DIF_DPATH_MAXSTEPS, keeps its last part after "..."; names that the
 * kernel makes up (pipes, sockets, anonymous inodes: d_op->d_dname,
 * which probe context cannot call) print as the walk finds them.
 */
uint64_t dif_dpath(struct dif_mstate *ms, const struct dif_kernlayout *kl,
		   uint64_t mnt, uint64_t dentry)
{
	size_t mark = ms->ms_scratch_used, max = dif_strmax(ms), pos, end;
	uint64_t task, fs = 0, rmnt = 0, rdentry = 0, hashed, parent, mroot;
	uint64_t mount, mparent;
	bool first = true, whole = false;
	char *buf;
	int steps, r;

	buf = (char *)dif_scratch_alloc(ms, max + 1);
	if (buf == NULL || !dif_curtask(ms, &task))
		return 0;
	if (task != 0 &&
	    (!dif_kptr(ms, task + kl->kl_task_fs, &fs) || (fs != 0 &&
	     (!dif_kptr(ms, fs + kl->kl_fs_root + kl->kl_path_mnt, &rmnt) ||
	      !dif_kptr(ms, fs + kl->kl_fs_root + kl->kl_path_dentry,
			&rdentry)))))
		return 0;
	pos = end = max;
	for (steps = 0; steps < DIF_DPATH_MAXSTEPS; steps++) {
		if (dentry == rdentry && mnt == rmnt) {
			whole = true;
			break;
		}
		if (!dif_kptr(ms, mnt + kl->kl_vfsmnt_root, &mroot) ||
		    !dif_kptr(ms, dentry + kl->kl_dentry_parent, &parent))
			return 0;
		if (dentry == mroot || dentry == parent) {
			/* The top of a mount: go on in its parent mount. */
			mount = mnt - kl->kl_mount_mnt;
			if (dentry != mroot) {
				whole = true;	/* disconnected: as far as it goes */
				break;
			}
			if (!dif_kptr(ms, mount + kl->kl_mount_parent, &mparent))
				return 0;
			if (mparent == mount || mparent == 0) {
				whole = true;	/* the root of the mount tree */
				break;
			}
			if (!dif_kptr(ms, mount + kl->kl_mount_mountpoint,
				      &dentry))
				return 0;
			mnt = mparent + kl->kl_mount_mnt;
			first = false;
			continue;
		}
		if (first) {
			/* An unlinked file is unhashed (and not a root). */
			first = false;
			if (!dif_kptr(ms, dentry + kl->kl_dentry_hashed, &hashed))
				return 0;
			if (hashed == 0 &&
			    !dif_prepend(buf, &pos, " (deleted)", 10))
				break;
		}
		r = dif_dpath_name(ms, kl, dentry, buf, &pos);
		if (r < 0)
			return 0;
		if (r == 0)
			break;
		dentry = parent;
	}
	if (pos == end || (pos < end && buf[pos] != '/'))
		(void)dif_prepend(buf, &pos, "/", 1);
	if (!whole) {
		/* Cut at a component so the "..." stands for whole names. */
		while (pos < end && pos < 3)
			pos++;
		while (pos < end && buf[pos] != '/')
			pos++;
		(void)dif_prepend(buf, &pos, "...", 3);
	}
	return dif_sresult(ms, mark, buf + pos, end - pos);
}

/* d_path(struct path *): see dif_dpath. */
static uint64_t dif_d_path(struct dif_mstate *ms)
{
	const struct dif_kernlayout *kl = dif_kl(ms);
	uint64_t mnt, dentry;

	if (kl == NULL ||
	    !dif_kptr(ms, ARG(0) + kl->kl_path_mnt, &mnt) ||
	    !dif_kptr(ms, ARG(0) + kl->kl_path_dentry, &dentry))
		return 0;
	if (mnt == 0 || dentry == 0) {
		dif_fault(ms, DIF_FLT_BADADDR, mnt == 0 ? mnt : dentry);
		return 0;
	}
	return dif_dpath(ms, kl, mnt, dentry);
}

static uint64_t dif_bswap(uint64_t v, unsigned int bytes)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return v & (bytes == 8 ? ~0ULL : (1ULL << (8 * bytes)) - 1);
#else
	switch (bytes) {
	case 2:
		return __builtin_bswap16((uint16_t)v);
	case 4:
		return __builtin_bswap32((uint32_t)v);
	default:
		return __builtin_bswap64(v);
	}
#endif
}

uint64_t dif_subr(struct dif_mstate *ms, unsigned int subr)
{
	size_t mark = ms->ms_scratch_used, len;

	switch (subr) {
	case DIF_SUBR_RAND:
		return ms->ms_ops->dho_rand(ms->ms_host);
	case DIF_SUBR_COPYIN:
		return dif_copyin(ms, ARG(0), ARG(1));
	case DIF_SUBR_COPYINSTR:
		return dif_copyinstr(ms);
	case DIF_SUBR_COPYINTO:
		if (dif_scratch_dest(ms, ARG(2), ARG(1)))
			dif_memload(ms, (void *)(uintptr_t)ARG(2), ARG(0),
				    (size_t)ARG(1), true);
		return 0;
	case DIF_SUBR_COPYOUT:
		dif_copyout(ms, ARG(0), ARG(1), ARG(2));
		return 0;
	case DIF_SUBR_COPYOUTSTR:
		dif_copyoutstr(ms);
		return 0;
	case DIF_SUBR_SPECULATION:
		return ms->ms_ops->dho_speculation(ms->ms_host);
	case DIF_SUBR_PROGENYOF:
		return ms->ms_ops->dho_progenyof(ms->ms_host,
						 (int64_t)ARG(0)) != 0;
	case DIF_SUBR_STRLEN:
		if (dif_sload(ms, ARG(0), &len) == NULL)
			return 0;
		ms->ms_scratch_used = mark;
		return len;
	case DIF_SUBR_ALLOCA:
		return dif_scratch_alloc(ms, ARG(0));
	case DIF_SUBR_BCOPY:
		if (dif_scratch_dest(ms, ARG(1), ARG(2)))
			dif_memload(ms, (void *)(uintptr_t)ARG(1), ARG(0),
				    (size_t)ARG(2), false);
		return 0;
	case DIF_SUBR_GETMAJOR:
		return ARG(0) >> 20;	/* the kernel's dev_t: MINORBITS 20 */
	case DIF_SUBR_GETMINOR:
		return ARG(0) & ((1U << 20) - 1);
	case DIF_SUBR_STRJOIN:
		return dif_strjoin(ms);
	case DIF_SUBR_LLTOSTR:
		return dif_lltostr(ms);
	case DIF_SUBR_BASENAME:
	case DIF_SUBR_DIRNAME:
		return dif_pathpart(ms, subr == DIF_SUBR_DIRNAME);
	case DIF_SUBR_CLEANPATH:
		return dif_cleanpath(ms);
	case DIF_SUBR_STRCHR:
	case DIF_SUBR_STRRCHR:
	case DIF_SUBR_STRSTR:
		return dif_strfind(ms, subr);
	case DIF_SUBR_STRTOK:
		return dif_strtok(ms);
	case DIF_SUBR_SUBSTR:
		return dif_substr(ms);
	case DIF_SUBR_INDEX:
	case DIF_SUBR_RINDEX:
		return dif_index(ms, subr == DIF_SUBR_RINDEX);
	case DIF_SUBR_HTONS:
	case DIF_SUBR_NTOHS:
		return dif_bswap(ARG(0), 2);
	case DIF_SUBR_HTONL:
	case DIF_SUBR_NTOHL:
		return dif_bswap(ARG(0), 4);
	case DIF_SUBR_HTONLL:
	case DIF_SUBR_NTOHLL:
		return dif_bswap(ARG(0), 8);
	case DIF_SUBR_INET_NTOP:
		return dif_inet(ms, (int)ARG(0), ARG(1), false);
	case DIF_SUBR_INET_NTOA:
		return dif_inet(ms, DIF_AF_INET, ARG(0), false);
	case DIF_SUBR_INET_NTOA6:
		return dif_inet(ms, DIF_AF_INET6, ARG(0), true);
	case DIF_SUBR_TOUPPER:
	case DIF_SUBR_TOLOWER:
		return dif_case(ms, subr == DIF_SUBR_TOUPPER);
	case DIF_SUBR_STRTOLL:
		return dif_strtoll(ms);
	case DIF_SUBR_JSON:
		return dif_json(ms);
	case DIF_SUBR_MEMREF:
		return dif_memref(ms);
	case DIF_SUBR_LINK_NTOP:
		return dif_link_ntop(ms);
	case DIF_SUBR_D_PATH:
		return dif_d_path(ms);
	case DIF_SUBR_GETF:
		return dif_getf(ms);
	default:
		dif_fault(ms, DIF_FLT_ILLOP, subr);
		return 0;
	}
}
