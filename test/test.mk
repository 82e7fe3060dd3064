# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Tests.  `make check` runs every suite, each writing TAP lines to a log in
# build/test/, and ends with the one combined "N passed, N failed" line:
#
#   check-unit        userland unit tests (test/unit/t_*.c, one program each)
#   check-vm-<kver>   for every kernel in KVERS: build the (debug) module,
#                     boot the VM test bed, run the kernel suites inside
#
# Each directory that has tests adds its log to CHECK_LOGS and its target
# to CHECK_TARGETS.

UNIT_SRCS := $(wildcard test/unit/t_*.c)
UNIT_TESTS := $(patsubst test/unit/%.c,$(B)/test/unit/%,$(UNIT_SRCS))

$(B)/test/unit/%: test/unit/%.c test/unit/tap.h $(LIBTRACE) $(LIBDIF)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) $(LIBTRACE_CFLAGS) -Itest/unit -o $@ $< \
		$(LIBTRACE) $(LIBDIF) $(LIBTRACE_LIBS)

$(B)/test/unit.tap: $(UNIT_TESTS) FORCE
	@mkdir -p $(@D)
	test/unit/run.sh $(UNIT_TESTS) > $@ 2>&1 || true
	@cat $@

check-unit: $(B)/test/unit.tap
CHECK_TARGETS := check-unit
CHECK_LOGS := $(B)/test/unit.tap

-include test/vm/vm.mk
-include test/kmod/kmod.mk
-include test/d/d.mk
-include test/fuzz/fuzz.mk

# The summary must come last: it reads every log written before it.
check:
	@rm -f $(CHECK_LOGS)
	@$(MAKE) --no-print-directory -k $(CHECK_TARGETS); \
	test/summary.sh $(CHECK_LOGS)

.PHONY: check check-unit

# Benchmarks: figures and ratios, never a pass or a fail.  Each directory
# adds its own bench-* target; `make bench` runs them all.
bench-prov: module $(DTRACE_CMD) $(KMOD_TEST_PROGS)
	@for k in $(KVERS); do \
		echo "== provider probe effect, $$k"; \
		test/vm/run --kver $$k --timeout 1800 -- \
			"test/kmod/bench-prov.sh $(call kmod_ko,$$k)"; \
	done

bench: bench-dif bench-compile bench-prov
.PHONY: bench bench-prov
