# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The userland build of dif/: every dif/*.c goes into build/libdif.a, which
# libtrace, the unit tests and the fuzz targets link.  The same sources are
# compiled into dtrace.ko by kernel/Kbuild.

DIF_SRCS := $(wildcard dif/*.c)
DIF_OBJS := $(patsubst %.c,$(B)/%.o,$(DIF_SRCS))
LIBDIF := $(B)/libdif.a

$(B)/dif/%.o: dif/%.c $(wildcard dif/*.h include/dtrace/*.h)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -c -o $@ $<

$(LIBDIF): $(DIF_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

all: $(LIBDIF)

# dif_interp_switch.c compiles dif_interp.c a second time (switch dispatch).
$(B)/dif/dif_interp_switch.o: dif/dif_interp.c

# ---- Fuzzing, corpus replay and benchmark (userland; see test/fuzz/) ----
#
#   make fuzz [FUZZ_TIME=s]   libFuzzer (clang): fuzz_dif, then fuzz_difasm,
#                             FUZZ_TIME seconds each, new inputs under
#                             build/test/fuzz/; fuzz_dif's report counts
#                             refusals per check and runs per outcome
#   make fuzz-seeds           assemble test/fuzz/seeds/*.s into the
#                             committed corpus, test/fuzz/corpus/
#   check-dif-replay          (in make check) every committed corpus input
#                             through the same harness, gcc + ASan/UBSan
#   make bench-dif            ns and instructions per DIF instruction

DIF_H := $(wildcard dif/*.h include/dtrace/*.h)
DIF_SAN := -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CC ?= clang
FUZZ_TIME ?= 60

DIFASM := $(B)/test/fuzz/difasm
$(DIFASM): test/fuzz/difasm.c $(LIBDIF)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -o $@ $< $(LIBDIF)

fuzz-seeds: $(DIFASM)
	@mkdir -p test/fuzz/corpus
	for s in test/fuzz/seeds/*.s; do \
		$(DIFASM) $$s test/fuzz/corpus/seed-$$(basename $$s .s) || exit 1; \
	done

# fuzz_dif: verifier + interpreter; fuzz_difasm: assembler + disassembler.
$(B)/test/fuzz/fuzz_%: test/fuzz/fuzz_%.c $(DIF_SRCS) $(DIF_H)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(USER_CFLAGS) $(DIF_SAN) -fsanitize=fuzzer -o $@ $< $(DIF_SRCS)

fuzz: $(B)/test/fuzz/fuzz_dif $(B)/test/fuzz/fuzz_difasm
	@mkdir -p $(B)/test/fuzz/corpus $(B)/test/fuzz/asmcorpus
	DIF_FUZZ_STATS=$(B)/test/fuzz/stats $(B)/test/fuzz/fuzz_dif \
		-max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
		-artifact_prefix=$(B)/test/fuzz/ $(B)/test/fuzz/corpus \
		test/fuzz/corpus 2>&1 | \
		grep -E '^(Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY)'
	@cat $(B)/test/fuzz/stats
	$(B)/test/fuzz/fuzz_difasm -max_total_time=$(FUZZ_TIME) \
		-print_final_stats=1 -artifact_prefix=$(B)/test/fuzz/asm- \
		$(B)/test/fuzz/asmcorpus test/fuzz/seeds 2>&1 | \
		grep -E '^(Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY)'

DIF_REPLAY := $(B)/test/fuzz/replay_dif
$(DIF_REPLAY): test/fuzz/fuzz_dif.c $(DIF_SRCS) $(DIF_H)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) $(DIF_SAN) -DDIF_FUZZ_REPLAY -o $@ $< $(DIF_SRCS)

$(B)/test/dif-replay.tap: $(DIF_REPLAY) FORCE
	@mkdir -p $(@D)
	$(DIF_REPLAY) test/fuzz/corpus/* > $@ 2>&1 || \
		echo "not ok - dif corpus replay failed (see $@)" >> $@
	@cat $@

check-dif-replay: $(B)/test/dif-replay.tap

DIF_BENCH := $(B)/test/bench/bench_dif
$(DIF_BENCH): test/bench/bench_dif.c $(LIBDIF)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -o $@ $< $(LIBDIF)

bench-dif: $(DIF_BENCH)
	$(DIF_BENCH)

.PHONY: fuzz fuzz-seeds check-dif-replay bench-dif

# Keep one dispatch jump per opcode handler: GCC would otherwise merge the
# handlers' identical tails into one shared indirect jump, which the
# branch predictor then has to learn for all opcodes at once.
$(B)/dif/dif_interp.o: USER_CFLAGS += -fno-crossjumping
