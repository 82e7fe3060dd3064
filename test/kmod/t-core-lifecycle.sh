# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# States come and go cleanly: two consumers trace at once, each with its
# own state; the module cannot be removed while one is open; closing (or
# kill -9 of a consumer mid-trace) tears everything down, so rmmod then
# succeeds and the module loads again.
. test/kmod/lib.sh

prog=$KMOD_BIN/core_dof
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi

"$prog" hold 30 &
holder=$!
sleep 2
"$prog" hello >/dev/null 2>&1
check "a second consumer runs while one holds a state" [ $? -eq 3 ]
"$prog" hello >/dev/null 2>&1 &
other=$!
wait $other
check "a third consumer, in the background, runs too" [ $? -eq 3 ]
if rmmod dtrace 2>/dev/null; then
	not_ok "rmmod refused while a consumer is open"
	load_module
else
	ok "rmmod refused while a consumer is open"
fi
kill -9 $holder
wait $holder 2>/dev/null
check "rmmod after kill -9 of the consumer" rmmod dtrace
check "the module loads again" load_module
"$prog" hello >/dev/null 2>&1
check "and traces again" [ $? -eq 3 ]
