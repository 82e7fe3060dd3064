# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The native D compiler suite (test/d/run.sh): dtrace -e over test/d/;
# the BTF import of the Debian kernels (test/d/kbtf.sh).

$(B)/test/d.tap: $(DTRACE_CMD) FORCE
	@mkdir -p $(@D)
	test/d/run.sh $(DTRACE_CMD) test/d > $@ 2>&1 || true
	@cat $@

check-d: $(B)/test/d.tap
CHECK_TARGETS += check-d
CHECK_LOGS += $(B)/test/d.tap

# BTF import against the installed Debian kernels (test/d/kbtf.sh).
$(B)/test/kbtf.tap: $(B)/test/unit/t_dt_btf FORCE
	@mkdir -p $(@D)
	test/d/kbtf.sh $(B)/test/unit/t_dt_btf $(B)/test/kbtf > $@ 2>&1 || true
	@cat $@

check-kbtf: $(B)/test/kbtf.tap
CHECK_TARGETS += check-kbtf
CHECK_LOGS += $(B)/test/kbtf.tap

# The compiler's benchmark (not a test: it prints figures).
bench-compile: $(DTRACE_CMD)
	test/d/bench.sh $(DTRACE_CMD)

.PHONY: check-d check-kbtf bench-compile
