# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# dtrace.ko, built once per kernel in KVERS.  Out-of-tree Kbuild writes its
# objects beside the sources, so each kernel gets a shadow tree of symbolic
# links, build/kmod/<kver>/, and Kbuild runs there.  The module is built
# with W=1 and must build without warnings.  DTRACE_DEBUG=y (the default for
# `make check`) adds the probe-context assertions.

KMOD_SRCDIRS := kernel dif providers include
DTRACE_DEBUG ?=

# The module object for one kernel version, and that kernel's build tree.
kmod_ko = $(B)/kmod/$(1)/dtrace.ko
kmod_kdir = $(if $(KDIR),$(KDIR),/lib/modules/$(1)/build)

define kmod_rules
$(call kmod_ko,$(1)): FORCE
	@mkdir -p $(B)/kmod/$(1)
	@find -L $(B)/kmod/$(1) -maxdepth 3 -xtype l -delete 2>/dev/null || true
	@for d in $(KMOD_SRCDIRS); do \
		mkdir -p $(B)/kmod/$(1)/$$$$d; \
		cp -rsf $(CURDIR)/$$$$d/. $(B)/kmod/$(1)/$$$$d/; \
	done
	@ln -sf $(CURDIR)/kernel/Kbuild $(B)/kmod/$(1)/Kbuild
	set -o pipefail; $$(MAKE) -C $(call kmod_kdir,$(1)) M=$(CURDIR)/$(B)/kmod/$(1) W=1 \
		DTRACE_RELEASE=$(DTRACE_VERSION) DTRACE_DEBUG=$(DTRACE_DEBUG) \
		modules 2>&1 | tee $(B)/kmod/$(1)/build.log
	@if grep -iE 'warning:|error:' $(B)/kmod/$(1)/build.log >/dev/null; then \
		echo "dtrace.ko for $(1): the build has warnings" >&2; exit 1; fi
	@test -f $$@
endef
$(foreach k,$(sort $(KVERS_INSTALLED) $(KVER)),$(eval $(call kmod_rules,$(k))))

module: $(foreach k,$(KVERS),$(call kmod_ko,$(k)))
all: module

FORCE:
.PHONY: module FORCE
