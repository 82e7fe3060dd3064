# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# sym(), func(), mod(), usym(), ufunc(), umod() and uaddr() as
# aggregation keys, printed as DTrace prints them: symbolized in the key
# column ("  %-50s"), every address of one function (module, mapping)
# counted under one key, uaddr() keeping its offset; printa()'s %a, %A
# and a width take them, and a mod() key prints its module's name there.
# The user keys carry the pid of the firing (out_usym, a live process).
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# key NAME VALUE: a line of the default output with one symbol key.
key() { printf '  %-50s %16d\n' "$1" "$2"; }

a=$(awk '$3 == "ksys_read" { print "0x" $1; exit }' /proc/kallsyms)
b=$(awk '$3 == "ksys_write" { print "0x" $1; exit }' /proc/kallsyms)
if [ -z "$a" ] || [ -z "$b" ]; then
	not_ok "ksys_read and ksys_write in /proc/kallsyms"
	exit 0
fi

dtrace_is "kernel keys: func()/sym() per function, mod() per module, printa %a" \
"$(printf '\n'; key 'vmlinux`ksys_write' 1; key 'vmlinux`ksys_read' 3
printf '\n'; key 'vmlinux' 4
printf '\n  %-50s  %-50s %16d\n' 'vmlinux`ksys_read' ksys 1
printf 'vmlinux`ksys_write 1\nvmlinux`ksys_read 3\n'
printf '%-20s %d|\n' vmlinux 4)" \
	-qn "BEGIN { @f[func($a)] = count(); @f[func($a + 4)] = count();
	@f[sym($a + 8)] = count(); @f[sym($b + 1)] = count();
	@m[mod($a)] = count(); @m[mod($a + 4)] = count();
	@m[mod($b)] = count(); @m[mod($b + 8)] = count();
	@t[sym($a + 2), \"ksys\"] = count(); exit(0); }
	END { printa(@f); printa(@m); printa(@t); printa(\"%a %@d\n\", @f);
	printa(\"%-20a %@d|\n\", @m); }"

# The user keys: out_usym hands its function's address to write(2).
"$DTRACE_BIN" -qn 'syscall::write:entry /execname == "out_usym"/ {
	@u[usym(arg1)] = count(); @u[usym(arg1 + 4)] = count();
	@f[ufunc(arg1 + 2)] = count(); @m[umod(arg1)] = count();
	@m[umod(arg1 + 8)] = count(); @a[uaddr(arg1 + 4)] = count();
	@a[uaddr(arg1 + 4)] = count(); @a[uaddr(arg1)] = count();
	@p[pid == $pid ? 0 : 1, usym(arg1)] = count(); exit(0); }
	END { printa(@u); printa(@f); printa(@m); printa(@a);
	printa("%d %A %@d\n", @p); printa("%-12A|%@d\n", @m); }' \
	>"$tmp/usym" 2>&1 &
dpid=$!
sleep 2
"$KMOD_BIN/out_usym"
wait $dpid
want="$(printf '\n'; key 'out_usym`out_usym_target' 2
printf '\n'; key 'out_usym`out_usym_target' 1
printf '\n'; key 'out_usym' 2
printf '\n'; key 'out_usym`out_usym_target' 1
key 'out_usym`out_usym_target+0x4' 2
printf '1 out_usym`out_usym_target 1\n%-12s|%d\n' out_usym 2)"
same "user keys: usym()/ufunc() per function, umod() per mapping, uaddr() exact, printa %A" \
	"$(cat "$tmp/usym")" "$want"
