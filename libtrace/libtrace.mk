# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# libtrace: the D compiler and the consumer.  Every libtrace/*.c, plus the
# flex scanner and bison grammar when present, goes into build/libtrace.a.

LIBTRACE_SRCS := $(wildcard libtrace/*.c)
LIBTRACE_OBJS := $(patsubst %.c,$(B)/%.o,$(LIBTRACE_SRCS))
LIBTRACE := $(B)/libtrace.a
LIBTRACE_LIBS := -lctf -lelf -ldwarf -lz
LIBTRACE_CFLAGS := -Ilibtrace -I$(B)/libtrace -I/usr/include/libdwarf \
	-DDTRACE_RELEASE='"$(DTRACE_VERSION)"'

# Generated parser and scanner, if the compiler has them.
ifneq ($(wildcard libtrace/dt_grammar.y),)
LIBTRACE_OBJS += $(B)/libtrace/dt_grammar.o
LIBTRACE_GEN_H := $(B)/libtrace/dt_grammar.h
$(B)/libtrace/dt_grammar.c $(B)/libtrace/dt_grammar.h &: libtrace/dt_grammar.y
	@mkdir -p $(@D)
	bison -Wall -Werror --defines=$(B)/libtrace/dt_grammar.h -o $(B)/libtrace/dt_grammar.c $<
endif
ifneq ($(wildcard libtrace/dt_lex.l),)
LIBTRACE_OBJS += $(B)/libtrace/dt_lex.o
$(B)/libtrace/dt_lex.c: libtrace/dt_lex.l $(LIBTRACE_GEN_H)
	@mkdir -p $(@D)
	flex -o $@ $<
endif

# Generated sources are compiled with the warnings their generators allow.
LIBTRACE_GEN_OBJS := $(filter $(B)/libtrace/dt_grammar.o $(B)/libtrace/dt_lex.o,$(LIBTRACE_OBJS))
$(LIBTRACE_GEN_OBJS): %.o: %.c $(wildcard libtrace/*.h include/dtrace/*.h)
	$(CC) $(USER_CFLAGS) $(LIBTRACE_CFLAGS) -Wno-unused-function \
		-Wno-sign-compare -Wno-unused-parameter -Wno-implicit-fallthrough -c -o $@ $<

$(B)/libtrace/%.o: libtrace/%.c $(wildcard libtrace/*.h libtrace/*.def dif/*.h include/dtrace/*.h) $(LIBTRACE_GEN_H)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) $(LIBTRACE_CFLAGS) -c -o $@ $<

$(LIBTRACE): $(LIBTRACE_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

all: $(LIBTRACE)
