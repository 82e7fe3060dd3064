# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The kernel test suite (test/kmod/run-suite.sh says how it is organised),
# run in the VM test bed (test/vm/run) once per kernel:
#
#   check-vm-<kver>        for each kernel in KVERS: build the debug module
#                          and the test programs, run the suite, write
#                          build/test/vm-<kver>.tap (+ .console)
#   make check-vm KVER=..  the same for one kernel (or all, without KVER),
#     [PARTS=globs]        only the suite parts named (run-suite.sh),
#                          ending with the pass/fail summary
#
# The module and the programs are built by a sub-make inside the recipe,
# not as prerequisites: a build failure must still leave a log with a
# "not ok" line, or `make check` would quietly count fewer tests.

KMOD_TEST_PROGS := $(B)/test/kmod/ioctl_test $(B)/test/kmod/core_dof \
	$(B)/test/kmod/prov_fire
KMOD_TEST_PROGS += $(B)/test/kmod/dof_mutate
KMOD_TEST_PROGS += $(B)/test/kmod/ustack_prog
KMOD_TEST_PROGS += $(B)/test/kmod/destr_target
KMOD_TEST_PROGS += $(B)/test/kmod/out_usym
KMOD_TEST_PROGS += $(B)/test/kmod/uregs_prog

$(B)/test/kmod/%: test/kmod/%.c test/unit/tap.h test/kmod/dofbuild.h $(wildcard include/dtrace/*.h)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -Itest/unit -o $@ $<

# core_dof drives the consumer library with hand-built DOFs (t-core-*).
$(B)/test/kmod/core_dof: test/kmod/core_dof.c test/kmod/dofbuild.h $(LIBTRACE) $(LIBDIF) $(wildcard include/dtrace/*.h)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) $(LIBTRACE_CFLAGS) -o $@ $< $(LIBTRACE) $(LIBDIF) $(LIBTRACE_LIBS)

# dof_mutate submits mutants of the D corpus's DOFs (t-50-dofmut).
$(B)/test/kmod/dof_mutate: test/kmod/dof_mutate.c $(LIBTRACE) $(LIBDIF) $(wildcard include/dtrace/*.h)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) $(LIBTRACE_CFLAGS) -o $@ $< $(LIBTRACE) $(LIBDIF) $(LIBTRACE_LIBS)

# ustack_prog is a known user call chain with frame pointers (t-prov-stack).
$(B)/test/kmod/ustack_prog: test/kmod/ustack_prog.c
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -O0 -fno-omit-frame-pointer -o $@ $<

# `make check` tests the debug build of the module (probe-context
# assertions), unless DTRACE_DEBUG is given on the command line.
ifneq ($(filter check check-vm check-vm-%,$(MAKECMDGOALS)),)
ifeq ($(origin DTRACE_DEBUG),file)
DTRACE_DEBUG := y
endif
endif

# The dtrace command is tested too (dtrace -V), once it has sources.  It
# is built apart: when it fails to build, that is one "not ok" and the rest
# of the suite still runs (its -V test then sees an old build/dtrace, or
# none).
KMOD_DTRACE := $(if $(wildcard cmd/dtrace.c),$(DTRACE_CMD))

# kmod_build_or_say KVER,TARGET: build it; on failure print a "not ok".
kmod_build_or_say = $$(MAKE) --no-print-directory $(2) >&2 || echo "not ok - $(1): $(2) builds"

define kmod_check_rules
check-vm-$(1):
	@mkdir -p $(B)/test
	@rm -f $(B)/test/vm-$(1).tap
	@{ $(foreach t,$(KMOD_TEST_PROGS) $(KMOD_DTRACE),$(call kmod_build_or_say,$(1),$(t));) } \
		| tee $(B)/test/vm-$(1).pre
	@if $$(MAKE) --no-print-directory DTRACE_DEBUG=$$(DTRACE_DEBUG) $(call kmod_ko,$(1)); then \
		test/kmod/check-vm.sh $(1) $(call kmod_ko,$(1)) $(B)/test/vm-$(1).tap; \
	else \
		echo "not ok - $(1): dtrace.ko builds" | tee $(B)/test/vm-$(1).tap; \
	fi
	@cat $(B)/test/vm-$(1).pre >>$(B)/test/vm-$(1).tap; rm -f $(B)/test/vm-$(1).pre
.PHONY: check-vm-$(1)
endef
$(foreach k,$(KVERS),$(eval $(call kmod_check_rules,$(k))))

CHECK_TARGETS += $(foreach k,$(KVERS),check-vm-$(k))
CHECK_LOGS += $(foreach k,$(KVERS),$(B)/test/vm-$(k).tap)

check-vm:
	@$(MAKE) --no-print-directory -k $(foreach k,$(KVERS),check-vm-$(k)); \
	test/summary.sh $(foreach k,$(KVERS),$(B)/test/vm-$(k).tap)

.PHONY: check-vm

# Opt-in, never in `make check`: panic() panics a VM of its own
# (test/kmod/check-panic.sh), on KVER or every kernel.
check-panic:
	@$(foreach k,$(or $(KVER),$(KVERS)),$(MAKE) --no-print-directory \
		$(call kmod_ko,$(k)) $(DTRACE_CMD) && \
		test/kmod/check-panic.sh $(k) $(call kmod_ko,$(k)) &&) true

.PHONY: check-panic
