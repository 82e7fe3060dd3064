# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The VM test bed (test/vm/run; its theory is at the top of that script).
#
#   make vm-shell KVER=<kver>   an interactive root shell in the test bed,
#                               serial console on this terminal
#                               (default kernel: the newest supported one)

vm-shell:
	test/vm/run $(if $(KVER),--kver $(KVER)) --shell

.PHONY: vm-shell
