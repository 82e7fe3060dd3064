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
# adds its own bench-* target; `make bench` runs them all.  The kernel
# benchmarks run in the VM test bed, one VM run per kernel:
#
#   bench-core   issue 5: the record firehose (records/s one CPU writes
#                and the consumer drains without drops) and ns per firing
#                of profile/tick probes, beside bpftrace (test/kmod/bench-core.sh)
#   bench-prov   issue 6: the probe effect of fbt and syscall probes on a
#                getppid() loop, beside an empty kprobe/ftrace handler and
#                bpftrace, and the start-up latency (test/kmod/bench-prov.sh)
#
# Their workloads are test/bench/bench_loop.c; bench_floor.ko (the attach
# floor: an empty kprobe or ftrace handler) is built per kernel like
# dtrace.ko, in its own shadow directory, and loaded only in the VM.
# The VM runs with QEMU's instruction counting (BENCH_ICOUNT=3: the guest
# clock advances 8 ns per guest instruction, test/vm/run's VM_ICOUNT), so
# the figures are instruction costs that the host's load does not move;
# BENCH_ICOUNT= (empty) measures emulated wall time instead, which on a
# shared host is noisy.  The 6.1 kernel hangs bringing up its second CPU
# under instruction counting, so 6.1 is measured in wall time.
BENCH_ICOUNT ?= 3
bench_icount = $$(case $$k in 6.1.*) ;; *) echo $(BENCH_ICOUNT) ;; esac)
BENCH_LOOP := $(B)/test/bench/bench_loop
$(BENCH_LOOP): test/bench/bench_loop.c
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -o $@ $<

bench_floor_ko = $(B)/bench/kmod/$(1)/bench_floor.ko
define bench_floor_rules
$(call bench_floor_ko,$(1)): test/bench/bench_floor.c
	@mkdir -p $(B)/bench/kmod/$(1)
	@ln -sf $(CURDIR)/test/bench/bench_floor.c $(B)/bench/kmod/$(1)/bench_floor.c
	@echo 'obj-m := bench_floor.o' >$(B)/bench/kmod/$(1)/Kbuild
	$$(MAKE) -C $(call kmod_kdir,$(1)) M=$(CURDIR)/$(B)/bench/kmod/$(1) W=1 modules
endef
$(foreach k,$(sort $(KVERS_INSTALLED) $(KVER)),$(eval $(call bench_floor_rules,$(k))))

# The scripts' knobs (N, REPS, ROUNDS, STARTS, KEYS, BASE_KO, BASE_D) pass
# from make's environment or command line into the VM, whose environment
# is otherwise clean: `KEYS="c d e" ROUNDS=1 make bench-prov`.
bench_env = $(foreach v,N REPS ROUNDS STARTS KEYS BASE_KO BASE_D,$(if $($(v)),$(v)='$($(v))'))

bench-prov: module $(DTRACE_CMD) $(BENCH_LOOP) \
		$(foreach k,$(KVERS),$(call bench_floor_ko,$(k)))
	@for k in $(KVERS); do \
		echo "== provider probe effect, $$k"; \
		VM_ICOUNT=$(bench_icount) test/vm/run --kver $$k --timeout 3600 -- \
			"$(bench_env) test/kmod/bench-prov.sh $(call kmod_ko,$$k) $(call bench_floor_ko,$$k)"; \
	done

bench-core: module $(DTRACE_CMD) $(BENCH_LOOP)
	@for k in $(KVERS); do \
		echo "== kernel core: firehose and timer probes, $$k"; \
		VM_ICOUNT=$(bench_icount) test/vm/run --kver $$k --timeout 3600 -- \
			"$(bench_env) test/kmod/bench-core.sh $(call kmod_ko,$$k)"; \
	done

bench: bench-dif bench-compile bench-core bench-prov
.PHONY: bench bench-core bench-prov
