# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The translator library (translators/procfs.d), loaded by the compiler
# from the build tree and compiled against the running kernel's BTF:
# curpsinfo, curlwpsinfo and curcpu give the current process's and
# thread's fields as DTrace's psinfo_t, lwpsinfo_t and cpuinfo_t do, for a
# -c command; an error in a library file names the file.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

T=/tmp/t-core-xlate.$$

# The command: a shell whose startup calls getpid() (for $$).
echo 'echo $$ >/dev/null' >$T.sh

out=$("$DTRACE_BIN" -q -c "sh $T.sh" -n '
syscall::getpid:entry /curpsinfo->pr_pid == $target/
{
	printf("%s %d\n", curpsinfo->pr_fname, curlwpsinfo->pr_lwpid);
	printf("target=%d\n", $target);
	exit(0);
}' 2>&1)
rc=$?
t=$(printf '%s\n' "$out" | sed -n 's/^target=//p')
same "curpsinfo->pr_fname, curlwpsinfo->pr_lwpid of the -c command (rc $rc)" \
	"$(printf '%s\n' "$out" | sed -n 1p)" "sh $t"
check "\$target is known (got '$t')" [ -n "$t" ]

out=$("$DTRACE_BIN" -q -c "sh $T.sh" -n '
syscall::getpid:entry /pid == $target/
{
	printf("%s|%s|%d|%d|%d|%d|%d|%d|%d|%d|%d\n",
	    curpsinfo->pr_fname, curpsinfo->pr_psargs,
	    curpsinfo->pr_pid == pid, curpsinfo->pr_ppid == $pid,
	    curpsinfo->pr_pgid == $pgid, curpsinfo->pr_sid == $sid,
	    curpsinfo->pr_uid, curpsinfo->pr_euid, curpsinfo->pr_gid,
	    curpsinfo->pr_egid, curpsinfo->pr_nlwp);
	printf("%d|%d|%d|%d|%d|%d|%d\n", curpsinfo->pr_size > 0,
	    curpsinfo->pr_addr == (uintptr_t)curthread, curpsinfo->pr_dmodel,
	    curpsinfo->pr_projid, curpsinfo->pr_taskid, curpsinfo->pr_zoneid,
	    curpsinfo->pr_wstat);
	printf("%d|%c|%d|%d|%s|%s|%d|%d|%d|%d\n",
	    curlwpsinfo->pr_lwpid == tid, curlwpsinfo->pr_sname,
	    curlwpsinfo->pr_state, curlwpsinfo->pr_nice, curlwpsinfo->pr_clname,
	    curlwpsinfo->pr_name, curlwpsinfo->pr_onpro == cpu,
	    curlwpsinfo->pr_pri >= 100, curlwpsinfo->pr_bindpro,
	    curlwpsinfo->pr_addr == (uintptr_t)curthread);
	printf("%d|%d\n", curcpu->cpu_id == cpu, curcpu->cpu_pset);
	exit(0);
}' 2>&1)
rc=$?
same "psinfo_t, lwpsinfo_t and cpuinfo_t fields (rc $rc)" "$out" \
"sh|sh|1|1|1|1|0|0|0|0|1
1|1|2|0|0|0|0
1|O|6|0|TS|sh|1|1|-1|1
1|-1"

# pr_ttydev: the controlling terminal's dev_t (major << 20 | minor), the
# one the shell running dtrace has (tty_nr in /proc/pid/stat encodes it
# differently), or PRNODEV without one; once as we are (no terminal in
# the VM), once under script(1), in a pseudo-terminal.
cat >$T.tty <<EOT
tty_nr=\$(awk '{ print \$7 }' /proc/\$\$/stat)
if [ "\$tty_nr" -eq 0 ]; then
	want=ffffffff
else
	want=\$(printf '%x' \$(( ((tty_nr >> 8) & 0xfff) << 20 |
	    (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00) )))
fi
got=\$("$DTRACE_BIN" -q -c "sh $T.sh" -n '
syscall::getpid:entry /pid == \$target/
{
	printf("%x\\n", curpsinfo->pr_ttydev);
	exit(0);
}' 2>&1)
echo "tty_nr=\$tty_nr want=\$want got=\$got"
EOT
out=$(bash $T.tty)
case $out in
"tty_nr=0 want=ffffffff got=ffffffff") ok "pr_ttydev without a terminal is PRNODEV" ;;
*) not_ok "pr_ttydev without a terminal is PRNODEV"; diag "$out" ;;
esac
if command -v script >/dev/null; then
	out=$(script -qec "bash $T.tty" /dev/null </dev/null | tr -d '\r')
	w=$(printf '%s\n' "$out" | sed -n 's/.*want=\([0-9a-f]*\) .*/\1/p')
	g=$(printf '%s\n' "$out" | sed -n 's/.*got=\([0-9a-f]*\).*/\1/p')
	check "pr_ttydev in a pseudo-terminal ($out)" \
		[ -n "$w" ] && [ "$w" != ffffffff ] && [ "$w" = "$g" ]
else
	skip "pr_ttydev in a pseudo-terminal" "no script(1)"
fi

# A member no translator fills is refused where it is used.
out=$("$DTRACE_BIN" -n 'BEGIN { trace(curpsinfo->pr_argv); }' 2>&1)
rc=$?
check "an untranslated member: exit status 1 (got $rc)" [ "$rc" -eq 1 ]
check "an untranslated member: D_XLATE_NOCONV's message" \
	grep -q "translator member pr_argv is not defined by the translator" \
	<<<"$out"

# An error in a library file names the file (the library is loaded for a
# program that names what it declares).
mkdir -p $T.lib
printf 'inline int broken = ;\n' >$T.lib/broken.d
out=$("$DTRACE_BIN" -xlibdir=$T.lib -n 'BEGIN { trace(broken); exit(0); }' 2>&1)
rc=$?
same "an error in a library file names it" "$out" \
	"dtrace: failed to compile script $T.lib/broken.d: line 1: syntax error near \";\""
check "an error in a library file: exit status 1 (got $rc)" [ "$rc" -eq 1 ]

rm -rf $T.sh $T.lib $T.tty
