# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# fbt and kernel modules (providers/fbt.c, "Modules" and "Duplicate
# names"), with rmd160, a small crypto module of both kernels that is
# not built in, driven from userland through AF_ALG (algif_hash):
#   - an enabling made before the module is loaded (-Z) is retained and
#     matches the module's probes when it loads, entry and return;
#   - rmmod of the module while its probes are enabled: nothing oopses,
#     the probes vanish from the listing, tracing goes on; loaded again,
#     the module's probes come back with the same ids and fire again;
#   - several static functions of one name each get a probe of that name
#     (type_show: reading /sys/class/net/lo/type reaches net's own one).
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	skip "fbt and modules" "$DTRACE_BIN not built"
	exit 0
fi
mod=rmd160
if ! modprobe -q algif_hash || ! modinfo $mod >/dev/null 2>&1; then
	skip "fbt and modules" "no algif_hash or $mod module"
	exit 0
fi
rmmod $mod 2>/dev/null
out_file=/tmp/modules.out

hash() {
	python3 -c "import socket
s = socket.socket(socket.AF_ALG, socket.SOCK_SEQPACKET, 0)
s.bind(('hash', '$mod')); o, _ = s.accept(); o.sendall(b'abc'); o.recv(20)"
}
# start DTRACE-ARGS...: dtrace in the background, once it has matched.
start() {
	local i
	"$DTRACE_BIN" "$@" >$out_file 2>&1 &
	dpid=$!
	for i in $(seq 60); do
		grep -q "matched\|dtrace:.*failed\|invalid" $out_file && break
		sleep 0.5
	done
	sleep 2
}
# stop: SIGTERM (a background job inherits SIGINT ignored); $out.
stop() {
	sleep 1
	kill -TERM $dpid 2>/dev/null
	wait $dpid
	out=$(cat $out_file)
	diag "$out"
}
listed() { "$DTRACE_BIN" -l -n "fbt:$mod::$1" 2>/dev/null | awk 'NR > 1 { print $1 }'; }

# 1. Retained enabling: the module is loaded after tracing has started.
start -Z -n "fbt:$mod::entry { @e[probefunc] = count(); }
	     fbt:$mod:${mod}_update:return { @r[probefunc, arg1] = count(); }"
check "fbt:$mod:: matches nothing before the module is loaded" \
	grep -q "matched 0 probes" $out_file
modprobe $mod
sleep 1
hash && hash
stop
check "an enabling made before modprobe fires on the module's entry probes" \
	eval 'grep -Eq "^  ${mod}_update +[1-9][0-9]*\$" <<<"$out" &&
	      grep -Eq "^  ${mod}_final +2\$" <<<"$out"'
check "... and on its return probes" \
	eval 'grep -Eq "^  ${mod}_update +0 +[1-9][0-9]*\$" <<<"$out"'

# 2. rmmod while tracing, then the module back.
ids=$(listed entry)
diag "entry probes: $ids"
n=$(wc -w <<<"$ids")
check "the module's functions are listed, not its __init ones ($n)" \
	eval '[ "$n" -ge 4 ] && ! "$DTRACE_BIN" -l -n "fbt:$mod:*init*:" 2>/dev/null | grep -q mod_init'
start -n "fbt:$mod::entry, fbt:$mod::return { @[probefunc, probename] = count(); }
	  tick-1s { printf(\"tick\\n\"); }"
hash
rmmod $mod
check "rmmod $mod while its probes are enabled" [ $? = 0 ]
n=$(listed entry | wc -l)
check "its probes vanish from the listing ($n left)" [ "$n" = 0 ]
sleep 1
check "tracing goes on after the rmmod" kill -0 $dpid
modprobe $mod
ids2=$(listed entry)
check "loaded again, its probes come back with the same ids" [ "$ids" = "$ids2" ]
hash
stop
check "the enabled probes fired before and after the rmmod (a hash each)" \
	eval 'grep -Eq "^  ${mod}_final +entry +2\$" <<<"$out" &&
	      grep -Eq "^  ${mod}_final +return +2\$" <<<"$out"'
out=$("$DTRACE_BIN" -n "fbt:$mod::entry { @ = count(); }" -n 'tick-1s { exit(0); }' 2>&1 &
      sleep 3; rmmod $mod; wait)
diag "$out"
check "a consumer that ends after the module went ends cleanly" \
	eval '! grep -q "dtrace: error\|failed" <<<"$out"'

# 3. Duplicate names.
out=$("$DTRACE_BIN" -l -n 'fbt:vmlinux:type_show:entry' 2>&1)
diag "$out"
n=$(grep -c ' type_show entry$' <<<"$out")
u=$(awk 'NR > 1 { print $1 }' <<<"$out" | sort -u | wc -l)
check "fbt:vmlinux:type_show:entry: a probe per function of the name ($n, $u ids)" \
	eval '[ "$n" -ge 2 ] && [ "$u" = "$n" ]'
start -n 'fbt:vmlinux:type_show:entry /execname == "cat"/ { @[probefunc, stack(1)] = count(); }'
cat /sys/class/net/lo/type >/dev/null
stop
check "reading /sys/class/net/lo/type fires net's type_show" \
	eval 'grep -Eq "^  type_show +\$" <<<"$out"'
