#!/bin/bash
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# mkinitramfs.sh KVER OUTDIR: build the VM test bed's initramfs for one
# kernel (see test/vm/run for the whole picture) and print its path.
#
# The initramfs holds only busybox (static), test/vm/init as /init, and the
# modules that the 9p root and the overlay need, in load order.  Which
# modules those are differs between kernels (6.12 builds virtio in, folds
# fscache into netfs and ships .ko.xz), so modprobe's dependency resolver
# answers for each kernel instead of a fixed list; built-in modules are
# skipped and compressed ones are decompressed, because busybox insmod
# reads only plain ELF.
#
# The result is cached in OUTDIR and rebuilt when a key over its inputs
# (this script, init, busybox and the chosen modules) changes.  A lock
# keeps two concurrent runs from building it at the same time.
set -eu

kver=$1
outdir=$2
here=$(cd "$(dirname "$0")" && pwd)
busybox=$(command -v busybox)
image=$outdir/initramfs.cpio

# The modules the guest must load before it can mount its root.
wanted="virtio_pci 9pnet_virtio 9p overlay"

module_paths() {
	local m
	for m in $wanted; do
		modprobe -S "$kver" --show-depends "$m" ||
			{ echo "mkinitramfs: modprobe cannot resolve $m for $kver" >&2; exit 1; }
	done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }'
}

if readelf -l "$busybox" | grep -q 'program interpreter'; then
	echo "mkinitramfs: $busybox is not static (install busybox-static)" >&2
	exit 1
fi

mods=$(module_paths)
key=$( {
	sha256sum "$here/mkinitramfs.sh" "$here/init"
	stat -L -c '%n %s %Y' "$busybox" $mods
} | sha256sum | cut -d' ' -f1)

mkdir -p "$outdir"
exec 9>"$outdir/.lock"
flock 9

if [ -f "$image" ] && [ "$(cat "$outdir/initramfs.key" 2>/dev/null)" = "$key" ]; then
	echo "$image"
	exit 0
fi

root=$outdir/initramfs.root
rm -rf "$root"
mkdir -p "$root"/{bin,dev,proc,sys,lib/modules,mnt}
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
	[ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
install -m 0755 "$here/init" "$root/init"

# Modules in load order, decompressed; /modules lists them for init.
: >"$root/modules"
for path in $mods; do
	name=${path##*/}
	case $name in
	*.ko.xz)  xz -dc "$path" >"$root/lib/modules/${name%.xz}" ;;
	*.ko.zst) zstd -qdc "$path" >"$root/lib/modules/${name%.zst}" ;;
	*.ko.gz)  gzip -dc "$path" >"$root/lib/modules/${name%.gz}" ;;
	*.ko)     cp "$path" "$root/lib/modules/$name" ;;
	*) echo "mkinitramfs: unexpected module file $path" >&2; exit 1 ;;
	esac
	echo "${name%.ko*}.ko" >>"$root/modules"
done

# Uncompressed: under TCG, decompressing at boot costs more than copying.
(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) >"$image.tmp"
mv "$image.tmp" "$image"
echo "$key" >"$outdir/initramfs.key"
rm -rf "$root"
echo "$image"
