// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * A target for the destructive actions of t-core-destructive.sh: it makes
 * system calls that a D clause can recognise, for up to 30 seconds, and
 * reports what came of them.
 *
 *   destr_target loop    getppid() every 10 ms; exits 0 after 30 s
 *                        (raise() and stop() act on it before that)
 *   destr_target open    openat() of a path in a writable buffer,
 *                        "/nonexistent/destr_target", every 10 ms until
 *                        it succeeds (copyoutstr() changed the path):
 *                        prints "opened <path>" and exits 0; exits 1
 *                        after 30 s
 *   destr_target write   write(1) of the 9 bytes "original\n" every
 *                        10 ms, 3000 times or until what it wrote
 *                        differs from what it holds now (copyout()
 *                        changed the buffer): prints "changed" and
 *                        exits 0
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void nap(void)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
	int i;

	if (argc != 2) {
		fprintf(stderr, "usage: destr_target loop|open|write\n");
		return 2;
	}
	if (strcmp(argv[1], "loop") == 0) {
		for (i = 0; i < 3000; i++) {
			(void)getppid();
			nap();
		}
		return 0;
	}
	if (strcmp(argv[1], "open") == 0) {
		static char path[64] = "/nonexistent/destr_target";

		for (i = 0; i < 3000; i++) {
			int fd = openat(AT_FDCWD, path, O_RDONLY);

			if (fd >= 0) {
				printf("opened %s\n", path);
				close(fd);
				return 0;
			}
			nap();
		}
		return 1;
	}
	if (strcmp(argv[1], "write") == 0) {
		static char buf[16] = "original\n";

		for (i = 0; i < 3000; i++) {
			if (write(1, buf, 9) != 9)
				return 1;
			if (strcmp(buf, "original\n") != 0) {
				printf("changed\n");
				return 0;
			}
			nap();
		}
		return 1;
	}
	fprintf(stderr, "destr_target: unknown mode %s\n", argv[1]);
	return 2;
}
