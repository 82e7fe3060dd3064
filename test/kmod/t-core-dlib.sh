# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The D library's constants and the consumer options of issue 4/5's
# review, at run time:
#  - EINTR, SIGUSR1, AF_INET6 have Linux's values; strtok(NULL, ...) goes
#    on with the string strtok() was last given;
#  - stackindent indents stack() frames (14 by default);
#  - setenv/unsetenv make the environment of a -c command;
#  - droptags puts DTrace's tag before a drop message.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

dtrace_is "library constants have Linux's values at run time" "4 10 10 17" \
	-qn 'BEGIN { printf("%d %d %d %d", EINTR, SIGUSR1, AF_INET6,
	IPPROTO_UDP); exit(0); }'
dtrace_is "strtok(NULL, ...) goes on with the last string" "a b" \
	-qn 'BEGIN { printf("%s ", strtok("a b", " "));
	printf("%s", strtok(NULL, " ")); exit(0); }'

# The indentation of the first frame of stack().
indent() {
	"$DTRACE_BIN" "$@" -qn 'BEGIN { stack(); exit(0); }' 2>&1 |
		awk 'NF { match($0, /^ */); print RLENGTH; exit }'
}
same "stack() frames are indented 14 columns by default" "$(indent)" 14
same "-x stackindent=3 indents them 3" "$(indent -x stackindent=3)" 3

out=$("$DTRACE_BIN" -x setenv=DLIB_T=hello -qn 'BEGIN { }' -c env 2>&1)
check "-x setenv gives the -c command the variable" \
	grep -qx 'DLIB_T=hello' <<<"$out"
out=$(HOME=/dlibhome "$DTRACE_BIN" -x unsetenv=HOME -qn 'BEGIN { }' -c env 2>&1)
check "-x unsetenv takes it away" eval '! grep -q "^HOME=" <<<"$out"'
check "... and the rest stays" grep -q '^PATH=' <<<"$out"

# A pool of 4k filled with live variables: plain dynamic variable drops.
err=$("$DTRACE_BIN" -x droptags -x dynvarsize=4k -qn '
	BEGIN { i = 0; } profile-1ms /i < 2000/ { a[i++] = 1; }
	tick-1s { exit(0); }' 2>&1 >/dev/null)
diag "stderr:" "$err"
check "-x droptags: [DTRACEDROP_DYNAMIC] before the drop message" \
	grep -Eq '^dtrace: \[DTRACEDROP_DYNAMIC\] [0-9]+ dynamic variable drops?$' <<<"$err"
