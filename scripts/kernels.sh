#!/bin/sh
# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Print the supported Debian kernels (6.1 and 6.12) that have both an image
# in /boot and headers in /lib/modules/<kver>/build, one per line, oldest
# first.
for d in /lib/modules/*; do
	k=${d##*/}
	case $k in
	6.1.*-amd64 | 6.12.*-amd64) ;;
	*) continue ;;
	esac
	[ -f "$d/build/Makefile" ] && [ -f "/boot/vmlinuz-$k" ] && echo "$k"
done | sort -V
