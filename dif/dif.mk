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
