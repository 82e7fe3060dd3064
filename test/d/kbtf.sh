#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# BTF import tests against the installed Debian kernels: extract vmlinux
# from each /boot/vmlinuz-* (xz or zstd payload inside the bzImage), then
# run t_dt_btf with DTRACE_BTF pointing at it.  TAP on stdout.
#
# usage: test/d/kbtf.sh build/test/unit/t_dt_btf workdir
t=${1:?usage: kbtf.sh t_dt_btf workdir}
work=${2:?usage: kbtf.sh t_dt_btf workdir}
mkdir -p "$work"
n=0
for img in /boot/vmlinuz-*; do
	[ -r "$img" ] || continue
	kver=${img#/boot/vmlinuz-}
	out=$work/vmlinux-$kver
	if [ ! -s "$out" ]; then
		for m in 'fd377a585a00:xz -dc' '28b52ffd:zstd -dcq'; do
			magic=${m%%:*}
			cmd=${m#*:}
			off=$(od -An -v -tx1 "$img" | tr -d ' \n' |
			      grep -ob "$magic" | head -1 | cut -d: -f1)
			[ -n "$off" ] || continue
			tail -c +$((off / 2 + 1)) "$img" | $cmd > "$out" 2>/dev/null
			head -c 4 "$out" | grep -q ELF && break
		done
	fi
	if ! head -c 4 "$out" 2>/dev/null | grep -q ELF; then
		n=$((n + 1))
		echo "not ok $n - kbtf $kver: cannot extract vmlinux from $img"
		continue
	fi
	DTRACE_BTF=$out "$t" | sed -e "s/^\(not \)\{0,1\}ok [0-9]* - /&kbtf $kver: /" \
		-e '/^1\.\./d'
done
