# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Speculations end to end (kernel/dtk_spec.c): speculate() keeps a
# clause's record aside, commit() puts it into the principal buffer after
# what was traced meanwhile, discard() drops it; speculation() returns 0
# when none is free, and the consumer reports the failures and the
# speculative drops on stderr in DTrace's words; nspec gives several; a
# commit on another CPU than the speculate() waits for the cleaner and
# makes speculation() fail as busy meanwhile; and issue 6's one-liner
# that keeps the trace of an openat() only when it fails.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

# run WHAT WANT-STDOUT WANT-STDERR DTRACE-ARGS...: exit status 0 and both
# outputs as wanted.
run() {
	local what=$1 want=$2 wanterr=$3 out err rc
	shift 3
	out=$("$DTRACE_BIN" "$@" 2>/tmp/spec.err)
	rc=$?
	err=$(cat /tmp/spec.err)
	if [ "$rc" -eq 0 ] && [ "$out" = "$want" ] && [ "$err" = "$wanterr" ]; then
		ok "$what"
	else
		not_ok "$what (status $rc)"
		diag "got:" "$out" "stderr:" "$err" "wanted:" "$want" \
			"stderr:" "$wanterr"
	fi
}

run "commit: the speculated record follows what was traced before it" \
"plain
spec 1" "" -qn 'BEGIN { s = speculation(); }
	BEGIN { speculate(s); printf("spec %d\n", s); }
	BEGIN { printf("plain\n"); }
	BEGIN { commit(s); }
	BEGIN { exit(0); }'

run "discard: the speculated record is never seen" "plain" "" \
	-qn 'BEGIN { s = speculation(); }
	BEGIN { speculate(s); printf("spec %d\n", s); }
	BEGIN { discard(s); }
	BEGIN { printf("plain\n"); exit(0); }'

# Two lines: the speculated one, and exit()'s.
out=$("$DTRACE_BIN" -n 'BEGIN { s = speculation(); } BEGIN { speculate(s); }
	BEGIN { commit(s); } BEGIN { exit(0); }' 2>&1)
check "a lone speculate() commits the default probe line" \
	eval '[ $(grep -Ec "^ +[0-9]+ +1 +:BEGIN \$" <<<"$out") -eq 2 ]'
diag "$out"

run "exhaustion: speculation() returns 0, reported as unavailable" "1 0 0" \
	"dtrace: 2 failed speculations (no speculative buffer available)" \
	-qn 'BEGIN { a = speculation(); b = speculation(); c = speculation();
	printf("%d %d %d\n", a, b, c); exit(0); }'

run "an id is free again after its commit" "1 1" "" \
	-qn 'BEGIN { a = speculation(); } BEGIN { commit(a); }
	BEGIN { b = speculation(); printf("%d %d\n", a, b); exit(0); }'

run "a specsize too small: speculative drops, nothing committed" "end" \
	"dtrace: 3 speculative drops" -qx specsize=8 \
	-n 'BEGIN { s = speculation(); }
	BEGIN { speculate(s); printf("%d\n", 1); }
	BEGIN { speculate(s); printf("%d\n", 2); }
	BEGIN { speculate(s); printf("%d\n", 3); }
	BEGIN { commit(s); } BEGIN { printf("end\n"); exit(0); }'

run "speculative drops in END are reported after the stop" "" \
	"dtrace: 1 speculative drop" -qx specsize=8 -n 'BEGIN { exit(0); }
	END { s = speculation(); } END { speculate(s); printf("%d\n", 1); }
	END { commit(s); }'

run "nspec=3: three speculations, one committed" "1 2 3
two" "" -qx nspec=3 -n 'BEGIN { a = speculation(); b = speculation();
	c = speculation(); printf("%d %d %d\n", a, b, c); }
	BEGIN { speculate(a); printf("one\n"); }
	BEGIN { speculate(b); printf("two\n"); }
	BEGIN { speculate(c); printf("three\n"); }
	BEGIN { discard(a); } BEGIN { commit(b); } BEGIN { discard(c); }
	BEGIN { exit(0); }'

run "speculate(0), commit(0), discard(0) do nothing" "plain" "" \
	-qn 'BEGIN { speculate(0); printf("never\n"); }
	BEGIN { commit(0); } BEGIN { discard(0); }
	BEGIN { printf("plain\n"); exit(0); }'

out=$("$DTRACE_BIN" -qn 'BEGIN { speculate(7); printf("never\n"); }
	BEGIN { exit(0); }' 2>&1)
check "speculate() of an id above nspec is an illegal operation" \
	eval 'grep -q "): illegal operation in action #1 at DIF offset" <<<"$out" &&
	! grep -q never <<<"$out"'

# Committed from another clause, on another CPU than the speculate():
# the data waits for the cleaner (COMMITTINGMANY), and speculation()
# meanwhile fails as busy.
ncpu=$(grep -c ^processor /proc/cpuinfo)
if [ "$ncpu" -gt 1 ]; then
	run "commit on another CPU: data via the cleaner, speculation() busy" \
"from CPU ok
0" "dtrace: 1 failed speculation (available buffer(s) still busy)" \
		-qn 'BEGIN { done = 0; t = -1; bcpu = cpu; s = speculation(); }
	BEGIN { speculate(s); printf("from CPU %s\n", cpu == bcpu ? "ok" : "?"); }
	profile-97 /!done && cpu != bcpu/ { commit(s); done = 1; t = speculation(); }
	tick-1s /done/ { exit(0); }
	END { printf("%d\n", t); }'
else
	skip "commit on another CPU" "one CPU"
fi

run "committed from a later clause of another probe" "kept 1" "" \
	-qn 'BEGIN { n = 0; } BEGIN { s = speculation(); speculate(s);
	printf("kept %d\n", s); }
	tick-10ms { commit(s); } tick-10ms { n++; } tick-10ms /n == 5/ { exit(0); }'

# Issue 6's one-liner: openat() traces kept only for the calls that fail.
oneliner 'cat /etc/hostname; sleep 0.3; cat /nonexistent/spec-test' \
	-n 'syscall::openat:entry /execname == "cat"/ {
	self->spec = speculation(); speculate(self->spec);
	printf("%s %s\n", execname, copyinstr(arg1)); }
	syscall::openat:return /self->spec && errno != 0/ {
	commit(self->spec); self->spec = 0; }
	syscall::openat:return /self->spec && errno == 0/ {
	discard(self->spec); self->spec = 0; }'
check "one-liner: speculation keeps only the failing openat" \
	eval 'grep -q "openat:entry cat /nonexistent/spec-test" <<<"$out" &&
	! grep -q "cat /etc/hostname" <<<"$out"'
