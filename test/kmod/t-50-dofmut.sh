# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# 10,000 mutants of the DOFs the compiler makes from the D test corpus
# (test/d/*/tst.*.d on dtrace::: and profile tick probes), aimed at every
# layer of the DOF (header, section table, string table, statements,
# actions, records, aggregations, options, DIF objects), are each refused
# by dtrace.ko with an errno or accepted and run safely; the mutations get
# past the header checks (some reach the DIF verifier and the statement,
# action and record checks: counts per stage are printed); afterwards a
# valid program still enables and runs.  Last, valid DOFs asking for
# bufsize or aggsize of 1 GiB (more than the 2 GB guest has) must be
# refused or shrunk at GO, not met by the OOM killer (a child volunteers
# as its victim, so the suite survives).  The driver checks the console.
# DOFMUT_SEED and DOFMUT_COUNT replay or widen a run.
. test/kmod/lib.sh

prog=$KMOD_BIN/dof_mutate
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
"$prog" -s "${DOFMUT_SEED:-20261122}" -n "${DOFMUT_COUNT:-10000}" test/d
