# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Two of issue 6's one-liners exactly as a user types them, ended as a
# user ends them: Ctrl-C, that is SIGINT (restored for the background
# dtrace: a non-interactive shell starts background jobs with it
# ignored).  On SIGINT DTrace runs END, prints the aggregations and exits
# 0.  The output is checked line by line against DTrace's format: the
# "matched" line on stderr, then on stdout a newline ending the line the
# terminal echoed ^C on, DTrace's blank line, and one line per
# key, the key left-aligned in 50 columns after two spaces, the count
# right-aligned in 16 after one, sorted by count; for quantize() the
# header and rows of DTrace's histogram, from a zero row to a zero row,
# bars of '@' proportional to the counts.
. test/kmod/lib.sh

require_dtrace
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ctrl_c WORKLOAD DTRACE-ARGS...: dtrace_bg with SIGINT; $out stdout,
# $err stderr, $rc.
ctrl_c() {
	dtrace_bg INT "$tmp/out" "$tmp/err" "$@"
	shift
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
	diag "$*" "status $rc" "$err" "$out"
}

ctrl_c 'cat /etc/services; cat /etc/hostname' \
	-n 'syscall:::entry { @[execname] = count(); }'
check "@[execname] = count(): SIGINT ends it with status 0" [ "$rc" -eq 0 ]
# stderr_is REGEX: stderr is that one line.
stderr_is() { [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -Eqx "$1" "$tmp/err"; }
check "stderr: the description matched the syscall entry probes" \
	stderr_is "dtrace: description 'syscall:::entry ' matched [0-9]+ probes"
check "stdout: two blank lines (^C's line ended, then DTrace's one)" \
	eval '[ "$(head -c3 "$tmp/out" | od -An -tx1 | tr -d " ")" = 0a0a20 ]'
lines=$(grep -v '^$' "$tmp/out")
check "every line: 2 spaces, the key in 50, 1 space, the count in 16" \
	eval '! grep -Evq "^  [^ ].{49} [ 0-9]{15}[0-9]\$" <<<"$lines"'
check "cat counted (it made reads, opens, writes)" \
	eval 'grep -Eq "^  cat {47} +[0-9]+$" <<<"$lines"'
check "sorted by count, smallest first" \
	eval 'awk "{ print \$NF }" <<<"$lines" | sort -n -c'

ctrl_c 'cat /etc/services >/dev/null' \
	-n 'syscall::read:return /execname == "cat"/ { @ = quantize(arg0); }'
check "@ = quantize(arg0): SIGINT ends it with status 0" [ "$rc" -eq 0 ]
check "stderr: the description matched the read return probe(s)" \
	stderr_is "dtrace: description 'syscall::read:return ' matched [0-9]+ probes?"
check "stdout: three newlines (^C's line, DTrace's one, the histogram's), the header" \
	eval '[ "$(head -c3 "$tmp/out" | od -An -tx1 | tr -d " ")" = 0a0a0a ] &&
	[ "$(sed -n 4p "$tmp/out")" = "           value  ------------- Distribution ------------- count    " ]'
hist=$(grep -v '^$' "$tmp/out")
rows=$(sed 1d <<<"$hist")
check "every row: value in 16, ' |', 40 columns of bars, ' ', count in 9" \
	eval '! grep -Evq "^ *-?[0-9]+ \|[@ ]{40} [0-9]+ *\$" <<<"$rows" &&
	[ "$(awk "{ print length(\$0) }" <<<"$rows" | sort -u)" = 68 ]'
check "rows from a zero row to a zero row, values powers of two" \
	eval 'awk "NR == 1 && \$NF != 0 { exit 1 } { last = \$NF; v = \$1
	while (v > 1 && v % 2 == 0) v /= 2; if (v > 1) exit 1 }
	END { exit last != 0 }" <<<"$rows"'
check "bars are the counts' share of 40 columns" \
	eval 'awk "{ n[NR] = \$NF; t += \$NF; b = \$0; sub(/^ *-?[0-9]+ \|/, \"\", b)
	bars[NR] = gsub(/@/, \"\", b) } END { for (i in n) {
	w = n[i] * 40 / t; if (bars[i] < int(w) || bars[i] > int(w) + 1) exit 1 }
	exit t == 0 }" <<<"$rows"'

# END runs on SIGINT, before the aggregations print.
ctrl_c 'cat /etc/hostname >/dev/null' \
	-n 'syscall::read:return /execname == "cat"/ { @ = count(); }
	END { printf("END ran\n"); }'
check "SIGINT: END runs, then the aggregation prints" \
	eval '[ "$rc" -eq 0 ] && grep -A3 "END ran" "$tmp/out" | grep -Eq "^ +[1-9][0-9]*$"'
