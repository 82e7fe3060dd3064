#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The native D compiler suite: compile every test/d/<topic>/*.d with
# `dtrace -e` (compile only, no module needed) and print TAP lines.
#
#   tst.<name>.d            must compile (exit 0); if tst.<name>.d.S exists,
#                           `dtrace -e -S` must print it (the DIF, sampled)
#   err.D_<TAG>.<name>.d    must fail (exit 1) with [D_<TAG>] (-xerrtags)
#   err.<name>.d            must fail (exit 1)
#
# A test may give dtrace options on a comment line " * @@args: ..." (-C,
# -D, -Z, -x ...) and macro arguments, which follow the script, on a line
# " * @@operands: ...".  " * @@skip: reason" reports the test as skipped
# (a feature the compiler does not have yet), with the reason.  How probe descriptions are matched without
# the module is described in libtrace/dt_probes.c.
#
# Kernel symbols (`jiffies) come from test/d/kallsyms, a few lines in
# /proc/kallsyms' format, not from the build host's kernel, whose
# kallsyms may list no data symbols at all.
#
# usage: test/d/run.sh path/to/dtrace [test/d]
dtrace=${1:?usage: run.sh dtrace [dir]}
dir=${2:-$(dirname "$0")}
DTRACE_KALLSYMS=$(dirname "$0")/kallsyms
export DTRACE_KALLSYMS

if ! "$dtrace" -e -n BEGIN >/dev/null 2>&1; then
	echo "ok 1 - d: # SKIP $dtrace -e does not work yet"
	exit 0
fi

n=0
status=0
for t in $(find "$dir" -name '*.d' | LC_ALL=C sort); do
	n=$((n + 1))
	name=${t#"$dir"/}
	base=${t##*/}
	skip=$(sed -n 's/.*@@skip: *\(.*\)/\1/p' "$t" | head -1)
	if [ -n "$skip" ]; then
		echo "ok $n - d/$name # SKIP $skip"
		continue
	fi
	args=$(sed -n 's/.*@@args: *\([^*]*\).*/\1/p' "$t" | head -1)
	ops=$(sed -n 's/.*@@operands: *\([^*]*\).*/\1/p' "$t" | head -1)
	case $base in
	tst.*)
		# shellcheck disable=SC2086
		out=$("$dtrace" -e $args -s "$t" $ops 2>&1)
		rc=$?
		if [ $rc -ne 0 ]; then
			echo "not ok $n - d/$name: exit $rc: $out"
			status=1
			continue
		fi
		if [ -f "$t.S" ]; then
			# shellcheck disable=SC2086
			if ! diff -u "$t.S" <("$dtrace" -e -S $args -s "$t" $ops 2>&1) \
			    >/tmp/dtest.$$ 2>&1; then
				echo "not ok $n - d/$name: -S output differs"
				sed 's/^/# /' /tmp/dtest.$$
				status=1
				continue
			fi
		fi
		echo "ok $n - d/$name"
		;;
	err.*)
		# shellcheck disable=SC2086
		out=$("$dtrace" -xerrtags -e $args -s "$t" $ops 2>&1)
		rc=$?
		tag=$(echo "$base" | sed -n 's/^err\.\(D_[A-Z0-9_]*\)\..*/\1/p')
		if [ $rc -ne 1 ]; then
			echo "not ok $n - d/$name: exit $rc, want 1: $out"
			status=1
		elif [ -n "$tag" ] && ! grep -qF "[$tag]" <<<"$out"; then
			echo "not ok $n - d/$name: want [$tag]: $out"
			status=1
		else
			echo "ok $n - d/$name"
		fi
		;;
	esac
done
rm -f /tmp/dtest.$$

# Every tag the compiler can emit has its err.D_<TAG>.*.d test: the tags
# of libtrace/dt_errtags.h that libtrace's sources name.  D_UNKNOWN marks
# internal errors (and those DTrace itself gives no tag), so it is exempt.
src=$(dirname "$0")/../../libtrace
if [ -f "$src/dt_errtags.h" ] && [ "$dir" -ef "$(dirname "$0")" ]; then
	n=$((n + 1))
	missing=$(comm -12 \
		<(sed -n 's/^[[:space:]]*X(\(D_[A-Z0-9_]*\)).*/\1/p' \
		    "$src/dt_errtags.h" | LC_ALL=C sort -u) \
		<(grep -ohE '\bD_[A-Z0-9_]+\b' "$src"/*.[cly] |
		    LC_ALL=C sort -u) |
		grep -vx D_UNKNOWN |
		while read -r tag; do
			[ -n "$(find "$dir" -name "err.$tag.*d")" ] ||
				printf '%s ' "$tag"
		done)
	if [ -n "$missing" ]; then
		echo "not ok $n - d: tags with no err.D_<TAG> test: $missing"
		status=1
	else
		echo "ok $n - d: every tag the compiler emits has a test"
	fi
fi
echo "1..$n"
exit $status
