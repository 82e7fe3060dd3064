// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * bench_loop: the timed workloads of the kernel benchmarks (make
 * bench-prov, make bench-core; test/bench/bench-*.sh run it in the VM).
 * Not a test: it prints figures, one line per repetition, and the scripts
 * take medians over repetitions and interleaved rounds.
 *
 *   bench_loop sys N REPS    time N getppid() calls, REPS times: print the
 *                            ns per call of each repetition
 *   bench_loop spin N REPS   time N iterations of a dependent arithmetic
 *                            loop (no system call), REPS times: print the
 *                            ns per repetition (the timer-probe workload:
 *                            what a firing on this CPU steals shows as
 *                            time added to a fixed amount of work)
 *
 * getppid() is the cheapest system call that always enters the kernel
 * (glibc caches nothing for it); syscall(2) is used so that no library
 * ever answers it in userland.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* The result is printed nowhere, but must look used to the compiler. */
static volatile uint64_t bench_sink;

static uint64_t spin(unsigned long n)
{
	uint64_t x = 88172645463325252ULL;
	unsigned long i;

	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
	}
	return x;
}

int main(int argc, char **argv)
{
	unsigned long n, reps, r, i;
	uint64_t t0, t1;

	if (argc != 4 || (strcmp(argv[1], "sys") && strcmp(argv[1], "spin"))) {
		fprintf(stderr, "usage: bench_loop sys|spin N REPS\n");
		return 2;
	}
	n = strtoul(argv[2], NULL, 0);
	reps = strtoul(argv[3], NULL, 0);
	if (!n || !reps) {
		fprintf(stderr, "bench_loop: N and REPS must be positive\n");
		return 2;
	}
	for (r = 0; r < reps; r++) {
		if (argv[1][1] == 'y') {
			t0 = now_ns();
			for (i = 0; i < n; i++)
				syscall(SYS_getppid);
			t1 = now_ns();
			printf("%.1f\n", (double)(t1 - t0) / n);
		} else {
			t0 = now_ns();
			bench_sink = spin(n);
			t1 = now_ns();
			printf("%llu\n", (unsigned long long)(t1 - t0));
		}
		fflush(stdout);
	}
	return 0;
}
