# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The dtrace command end to end (D text, compiler, DOF, module, buffers,
# consumer): the thin path's one-liner prints what DTrace prints, exit(n)
# is the exit status, printf conversions and trace() columns match
# DTrace's, END runs after exit() and after SIGTERM, tick-N fires at its
# rate with %Y times, trace(1) is an int (8 columns), variables of every scope work, a division by zero is
# reported as DTrace reports it, a description matching no probe is an
# error, and -v reports the program's stability.  (The CPU column is masked: it depends on the scheduler.)
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

mask() { sed -E '/^ *[0-9]+ +[0-9]+ +[^ ]*:[A-Za-z0-9_-]+( |$)/s/^.../  C/'; }

# run WHAT WANT_RC WANT_OUTPUT DTRACE-ARGS...: stdout and stderr together.
run() {
	local what=$1 want_rc=$2 want=$3 out rc
	shift 3
	out=$("$DTRACE_BIN" "$@" 2>&1)
	rc=$?
	out=$(printf '%s\n' "$out" | mask)
	if [ "$out" = "$want" ]; then
		ok "$what: output"
	else
		not_ok "$what: output"
		diag "got:" "$out" "wanted:" "$want"
	fi
	check "$what: exit status $want_rc (got $rc)" [ "$rc" -eq "$want_rc" ]
}

run "hello" 0 "dtrace: description 'BEGIN ' matched 1 probe
CPU     ID                    FUNCTION:NAME
  C      1                           :BEGIN hello" \
	-n 'BEGIN { printf("hello\n"); exit(0); }'

run "exit(3), quiet printf conversions" 3 \
	"str -12    ab|7   |ff|A|1000|00042|+3|%" \
	-qn 'BEGIN { printf("%s %d %5.2s|%-4d|%x|%c|%p|%05d|%+d|%%\n",
	    "str", -12, "abc", 7, 255, 65, 4096, 42, 3); exit(3); }'

run "trace() columns" 0 "dtrace: description 'BEGIN ' matched 1 probe
CPU     ID                    FUNCTION:NAME
  C      1                           :BEGIN         1  two                                dtrace                           " \
	-n 'BEGIN { trace(1); trace("two"); trace(execname); exit(0); }'

run "END after exit()" 0 "begin
end" -qn 'BEGIN { printf("begin\n"); exit(0); } END { printf("end\n"); }'

run "variables of every scope" 0 "1 2 3 4" \
	-qn 'BEGIN { x = 1; self->y = 2; this->z = 3; a["k"] = 4;
	    printf("%d %d %d %d\n", x, self->y, this->z, a["k"]); exit(0); }'

run "predicates and counting ticks" 0 "i=5" \
	-qn 'BEGIN { i = 0; } tick-100ms /++i == 5/ { printf("i=%d\n", i); exit(0); }'

run "divide-by-zero is reported, the next clause runs" 0 \
	"dtrace: description 'BEGIN ' matched 2 probes
dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): divide-by-zero in action #2 at DIF offset 16
CPU     ID                    FUNCTION:NAME
  C      1                           :BEGIN " \
	-n 'BEGIN { x = 0; trace(1 / x); } BEGIN { exit(0); }'

run "a description matching nothing" 1 \
	"dtrace: invalid probe specifier nosuch:::probe { exit(0); }: probe description nosuch:::probe does not match any probes" \
	-n 'nosuch:::probe { exit(0); }'

out=$("$DTRACE_BIN" -qn 'tick-1s { printf("%Y\n", walltimestamp); } tick-3s { exit(0); }' 2>&1)
n=$(printf '%s\n' "$out" | grep -cE '^[0-9]{4} [A-Z][a-z]{2} [ 1-3][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2}$')
check "tick-1s prints %Y three times before tick-3s exits (got $n)" [ "$n" -eq 3 ]

# SIGTERM ends tracing the DTrace way: END runs, status 0.
"$DTRACE_BIN" -qn 'tick-100ms { } END { printf("end\n"); }' >/tmp/t-core-dtrace.$$ 2>&1 &
pid=$!
sleep 2
kill -TERM $pid
wait $pid
rc=$?
check "SIGTERM: exit status 0 (got $rc)" [ "$rc" -eq 0 ]
check "SIGTERM: END ran" grep -qx end /tmp/t-core-dtrace.$$
rm -f /tmp/t-core-dtrace.$$

n=$("$DTRACE_BIN" -l -n 'dtrace:::' | wc -l)
check "dtrace -l -n dtrace::: lists BEGIN, END, ERROR under a heading (got $n lines)" [ "$n" -eq 4 ]

# -v: the program's stability report after the matched notice, as
# dtrace(1M) prints it (curthread's data is the kernel's: Private).
run "-v stability report" 0 "
Stability attributes for description dtrace:::BEGIN :

	Minimum Probe Description Attributes
		Identifier Names: Stable
		Data Semantics:   Stable
		Dependency Class: Common

	Minimum Statement Attributes
		Identifier Names: Stable
		Data Semantics:   Private
		Dependency Class: Common

1" -qv -n 'dtrace:::BEGIN { printf("%d\n", curthread->pid > 0); exit(0); }'
