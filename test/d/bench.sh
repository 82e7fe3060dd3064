#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# make bench-compile: how long `dtrace -e` takes to compile a 1,000-clause
# script and a typical one-liner with kernel types (BTF read and import
# included), best of five runs each.  Prints figures; never fails on time.
#
# usage: test/d/bench.sh path/to/dtrace
dtrace=${1:?usage: bench.sh dtrace}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for i in $(seq 0 999); do
	printf 'syscall::read:entry\n/pid == %d && execname != "x%d"/\n{\n' $i $i
	printf '\tself->t%d = timestamp;\n' $((i % 50))
	printf '\t@c[execname, probefunc] = count();\n'
	printf '\tprintf("%%d %%s\\n", pid, execname);\n}\n\n'
done > "$tmp/big.d"

best() {
	local best=999999 t0 t1 ms i
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; return 1; }
		t1=$(date +%s%N)
		ms=$(( (t1 - t0) / 1000 ))
		[ $ms -lt $best ] && best=$ms
	done
	printf '%d.%03d ms' $((best / 1000)) $((best % 1000))
}

echo "compile 1000 clauses:          $(best "$dtrace" -e -s "$tmp/big.d")"
echo "one-liner with kernel types:   $(best "$dtrace" -e -n \
	'fbt::vfs_read:entry { @[curthread->comm] = quantize(((struct file *)arg0)->f_pos); }')"
echo "one-liner without types:       $(best "$dtrace" -e -n \
	'syscall::read:entry { @[execname] = count(); }')"
