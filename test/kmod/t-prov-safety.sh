# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# fbt at scale must not bring the kernel down: every entry probe of a
# whole module (overlay, which the test bed uses for its root), every
# return probe of it (kretprobes in batches on 6.1, fprobes on 6.12),
# then every fbt entry probe of the kernel (fbt:::entry), each enabled while a
# command runs, then closed.  Each prints how many probes it enabled
# against the count in available_filter_functions, and the attach and
# detach times; nothing may stay attached afterwards.  The driver's
# timeout bounds the whole part, and its console check catches any
# warning.
. test/kmod/lib.sh

prog=$KMOD_BIN/prov_fire
if [ ! -x "$prog" ]; then
	not_ok "$prog is built"
	exit 0
fi
field() { awk -v k="$1" '$1 == k { print $2 }' <<<"$2"; }
T=/sys/kernel/tracing

for desc in 'fbt:overlay::entry' 'fbt:overlay::return' 'fbt:::entry'; do
	mod=${desc#fbt:}
	mod=${mod%%:*}
	if [ -n "$mod" ]; then
		avail=$(grep -c "\[$mod\]" $T/available_filter_functions)
	else
		avail=$(grep -c . $T/available_filter_functions)
	fi
	out=$(timeout -s KILL 240 "$prog" count "$desc" sh -c 'ls / >/dev/null' 2>&1)
	diag "$desc: $(field probes "$out") probes of $avail in available_filter_functions;" \
	     "attach $(field attach_ms "$out") ms, detach $(field detach_ms "$out") ms," \
	     "$(field fired "$out") firings"
	check "$desc: enabled and fired" [ "$(field fired "$out")" -gt 0 ]
	check "$desc: most traceable functions enabled" \
		[ "$(field probes "$out")" -gt $((avail * 8 / 10)) ]
	ef=$(grep -c . $T/enabled_functions)
	check "$desc: nothing left in enabled_functions ($ef)" [ "$ef" = 0 ]
done
check "rmmod after fbt at scale" rmmod dtrace
check "module reloads" load_module
