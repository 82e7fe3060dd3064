/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * A tiny TAP producer for the userland unit tests.  Each test program
 * includes this header, calls ok()/is_int()/is_str() and ends with
 * `return tap_done();`.  It prints "ok N - name" / "not ok N - name" lines;
 * test/unit/run.sh runs every program and test/summary.sh counts the lines
 * of every suite into the one closing "N passed, N failed" line.
 */
#ifndef TEST_UNIT_TAP_H
#define TEST_UNIT_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

static inline int tap_vok(int cond, const char *fmt, va_list ap)
{
	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

static inline __attribute__((format(printf, 2, 3)))
int ok(int cond, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = tap_vok(cond, fmt, ap);
	va_end(ap);
	return r;
}

#define is_int(got, want, ...) do {					\
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
	if (!ok(tap_g_ == tap_w_, __VA_ARGS__))				\
		printf("#   got %lld (0x%llx), want %lld (0x%llx)\n",	\
		       tap_g_, (unsigned long long)tap_g_,		\
		       tap_w_, (unsigned long long)tap_w_);		\
} while (0)

#define is_str(got, want, ...) do {					\
	const char *tap_g_ = (got), *tap_w_ = (want);			\
	if (!ok(tap_g_ && tap_w_ && strcmp(tap_g_, tap_w_) == 0, __VA_ARGS__)) \
		printf("#   got \"%s\", want \"%s\"\n",			\
		       tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
