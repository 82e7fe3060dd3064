# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# `dtrace -V` talks to the loaded module and prints the module's ABI
# version, the one include/dtrace/abi.h defines.  Skipped only while the
# dtrace command has not been built.
. test/kmod/lib.sh

if [ ! -e "$DTRACE_BIN" ]; then
	skip "dtrace -V prints the module ABI version" "$DTRACE_BIN not built"
	exit 0
fi
out=$("$DTRACE_BIN" -V 2>&1)
rc=$?
diag "$out"
check "dtrace -V exits 0" [ $rc -eq 0 ]
check "dtrace -V prints the module ABI version ($ABI_VERSION)" \
	eval 'grep -Eq "ABI version $ABI_VERSION([^0-9]|\$)" <<<"$out"'
