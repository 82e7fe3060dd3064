# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The deadman: a consumer that stops asking for status (here: stopped
# with SIGSTOP for longer than the 30 s limit) has its tracing stopped by
# the module; when it runs again it says why in DTrace's words and exits
# with status 1, and the module then unloads cleanly.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi
err=$(mktemp)
out=$(mktemp)
"$DTRACE_BIN" -qn 'BEGIN { printf("go\n"); } profile-100 { @ = count(); }' \
	>"$out" 2>"$err" &
pid=$!
# Stopped before tracing is on, it would wait for nothing: wait for BEGIN.
for _ in $(seq 300); do
	grep -q go "$out" && break
	sleep 0.1
done
sleep 1
kill -STOP $pid
sleep 35
kill -CONT $pid
wait $pid
rc=$?
check "a consumer stopped for 35 s exits with status 1 (got $rc)" [ "$rc" -eq 1 ]
check "and says DTrace's words" \
	grep -q 'processing aborted: Abort due to systemic unresponsiveness' "$err"
diag "$(cat "$err")"
rm -f "$err" "$out"
