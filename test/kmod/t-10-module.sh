# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# dtrace.ko as a module: it loads and unloads cleanly, again and again;
# /dev/dtrace appears (root's, mode 0600) with it and goes with it; it
# cannot be loaded twice; and it refuses to unload while a descriptor is
# open, then unloads once that descriptor is closed.
. test/kmod/lib.sh

check "loaded by the driver, /dev/dtrace is a 0600 root character device" device_ok
check "a second insmod is refused" eval '! load_module 2>/dev/null'

# A descriptor open in this shell pins the module.
exec 3<>/dev/dtrace
check "rmmod with /dev/dtrace open is refused" eval '! unload_module 2>/dev/null'
check "the module stays loaded, with one reference" \
	eval 'module_loaded && [ "$(cat /sys/module/dtrace/refcnt)" = 1 ]'
exec 3>&-
check "rmmod works once the descriptor is closed" unload_module
check "/dev/dtrace is gone after rmmod" eval '[ ! -e /dev/dtrace ] && ! module_loaded'

for i in 1 2 3; do
	check "cycle $i: insmod" load_module
	check "cycle $i: /dev/dtrace appears, 0600 root" device_ok
	check "cycle $i: rmmod" unload_module
	check "cycle $i: /dev/dtrace disappears" eval '[ ! -e /dev/dtrace ]'
done
