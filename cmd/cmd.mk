# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# The programs over libtrace: build/dtrace.

DTRACE_CMD := $(B)/dtrace

$(B)/cmd/%.o: cmd/%.c $(wildcard libtrace/*.h include/dtrace/*.h)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) $(LIBTRACE_CFLAGS) -c -o $@ $<

$(DTRACE_CMD): $(B)/cmd/dtrace.o $(LIBTRACE) $(LIBDIF)
	$(CC) $(USER_LDFLAGS) -o $@ $< $(LIBTRACE) $(LIBDIF) $(LIBTRACE_LIBS)

all: $(DTRACE_CMD)
