#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# run-suite.sh DTRACE_KO: the kernel test suite, run as root inside the VM
# test bed (test/vm/run), printing one TAP stream.
#
# Every test/kmod/t-NN-name.sh is one part, run in name order (NN sets the
# order) and reported as "name".  Each part gets a fresh module: the driver
# loads DTRACE_KO before the part and unloads it after, so a part may
# unload or reload it as it likes, and a part that leaves it stuck (a
# leaked reference) is caught.  A part prints unnumbered TAP lines
# (test/kmod/lib.sh); the driver numbers them, prefixes the part's name,
# turns anything else it prints (stderr too) into "# " comments, and adds
# a failure of its own when the part times out, exits non-zero without
# reporting a failure, leaves processes running, or when the kernel log
# grows a BUG, WARNING, Oops or Call Trace while it runs.  PARTS, a
# space-separated list of globs over the part names (core-spec, prov-*),
# runs only the parts it matches: `make check-vm KVER=... PARTS=core-spec`.  New suites (D tests, the DIF cross-check)
# are new t-NN-*.sh files; the driver need not change.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# Generous: it only catches hangs, and under TCG on a busy 2-CPU host one
# rmmod has been seen to take most of a minute.
PART_TIMEOUT=${PART_TIMEOUT:-600}

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
	echo "usage: $0 DTRACE_KO" >&2
	exit 2
fi
DTRACE_KO=$(realpath "$1")
KMOD_BIN=${KMOD_BIN:-$repo/build/test/kmod}
DTRACE_BIN=${DTRACE_BIN:-$repo/build/dtrace}
ABI_VERSION=$(awk '$1 == "#define" && $2 == "DTRACE_ABI_VERSION" { print $3 }' \
	"$repo/include/dtrace/abi.h")
export DTRACE_KO KMOD_BIN DTRACE_BIN ABI_VERSION
. "$here/lib.sh"

n=0
failed=0
part=

# Number one TAP line (or comment anything else) and print it.
emit() {
	local line=$1 status rest
	case $line in
	"ok "* | "not ok "*)
		n=$((n + 1))
		status=${line%%ok*}ok
		rest=${line#"$status"}
		[[ $rest =~ ^\ *[0-9]*\ *-?\ *(.*)$ ]] && rest=${BASH_REMATCH[1]}
		[ "$status" = ok ] || failed=$((failed + 1))
		printf '%s %d - %s: %s\n' "$status" "$n" "$part" "$rest"
		;;
	[0-9]*..[0-9]*) ;;	# a part's own plan: the driver prints one
	"#"*) printf '%s\n' "$line" ;;
	*) printf '# %s\n' "$line" ;;
	esac
}

# The processes, zombies aside, of process group $1.
group_members() {
	ps -e -o pgid=,stat=,args= | awk -v g="$1" '$1 == g && $2 !~ /^Z/'
}

# Run one part.  timeout gives it a process group of its own, so whatever
# the part leaves running in the background (holding the output pipe, and
# maybe /dev/dtrace) can be reported and stopped.
run_part() {
	local pid rc left i

	timeout -k 5 "$PART_TIMEOUT" bash "$1" 2>&1 &
	pid=$!
	wait $pid
	rc=$?
	left=$(group_members $pid)
	if [ -n "$left" ]; then
		echo "not ok - left no processes running"
		printf '%s\n' "$left" | sed 's/^/#   /'
		kill -KILL -- -$pid 2>/dev/null
		for i in 1 2 3 4 5 6 7 8 9 10; do
			[ -n "$(group_members $pid)" ] || break
			sleep 0.5
		done
	fi
	return $rc
}

# The kernel log lines that mean trouble, after the first $1 lines.
kernel_trouble() {
	dmesg | tail -n +"$(($1 + 1))" | grep -E 'BUG:|WARNING:|Oops|Call Trace|Kernel panic'
}

cd "$repo" || exit 1
for t in "$here"/t-*.sh; do
	part=$(basename "$t" .sh)
	part=${part#t-}
	part=${part#[0-9][0-9]-}
	if [ -n "${PARTS:-}" ]; then
		wanted=
		for glob in $PARTS; do
			# shellcheck disable=SC2053
			[[ $part == $glob ]] && wanted=y
		done
		[ -n "$wanted" ] || continue
	fi
	if ! module_loaded && ! load_module; then
		emit "not ok - dtrace.ko loads before the part"
		continue
	fi
	loglines=$(dmesg | wc -l)
	before=$failed
	while IFS= read -r line; do
		emit "$line"
	done < <(run_part "$t")
	wait $!
	rc=$?
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		emit "not ok - timed out after $PART_TIMEOUT s"
	elif [ $rc -ne 0 ] && [ $failed -eq $before ]; then
		emit "not ok - exited with status $rc"
	fi
	if trouble=$(kernel_trouble "$loglines"); then
		emit "not ok - kernel log clean"
		printf '%s\n' "$trouble" | head -n 40 | sed 's/^/#   /'
	else
		emit "ok - kernel log clean"
	fi
	if module_loaded && ! unload_module; then
		emit "not ok - dtrace.ko unloads after the part"
	fi
done
echo "1..$n"
[ $failed -eq 0 ]
