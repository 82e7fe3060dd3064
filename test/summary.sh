#!/bin/sh
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Count the TAP results of every suite's log (the files given) and print the
# one closing line of `make check`.  Exit non-zero if anything failed, or if
# a suite flagged itself broken with a "not ok" line of its own.
cat "$@" 2>/dev/null | awk '
	/^ok /     { pass++ }
	/^not ok / { fail++; print "FAILED: " $0 > "/dev/stderr" }
	END {
		printf "%d passed, %d failed\n", pass, fail
		exit (fail > 0 || pass == 0)
	}'
