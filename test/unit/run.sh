#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Run every unit-test program given on the command line, prefixing its TAP
# lines with the program's name.  A program that crashes or exits non-zero
# without reporting a failure counts as one failed test.
status=0
for t in "$@"; do
	name=${t##*/}
	out=$("$t" 2>&1)
	rc=$?
	printf '%s\n' "$out" | sed -e "s/^\(not \)\{0,1\}ok [0-9]* - /&$name: /"
	if [ $rc -ne 0 ]; then
		status=1
		printf '%s\n' "$out" | grep -q '^not ok ' ||
			echo "not ok - $name: exited with status $rc"
	fi
done
exit $status
