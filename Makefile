# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Top-level build.  Each directory contributes one fragment (dir/*.mk) that
# adds its targets; everything is written under build/ so the source tree
# stays clean.  The kernel module is built by Kbuild in a shadow tree per
# kernel version (build/kmod/<kver>/), because out-of-tree Kbuild writes its
# objects beside the sources.
#
#   make                 userland (libtrace, dtrace) and dtrace.ko for $(KVERS)
#   make KVER=<version>  the module for one kernel only
#   make check           unit tests, then the VM suites on every kernel
#   make deps            install everything needed (Debian 12)
#   make vm-shell KVER=  an interactive shell in the VM test bed

.DEFAULT_GOAL := all
.SUFFIXES:
SHELL := /bin/bash

B := build
CC ?= gcc
CFLAGS ?= -O2 -g
USER_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE \
	-Iinclude -I. $(CFLAGS)
USER_LDFLAGS := $(LDFLAGS)

# Supported kernels: the Debian 6.1 and 6.12 kernels whose headers are
# installed.  KVER picks one; KDIR names a kernel build tree directly (its
# release is asked from it); by default the running kernel if its headers
# are present, otherwise every supported installed kernel.
KVERS_INSTALLED := $(shell scripts/kernels.sh)
ifneq ($(KDIR),)
KVER := $(shell $(MAKE) -s -C $(KDIR) kernelrelease 2>/dev/null)
KVERS := $(KVER)
else ifneq ($(KVER),)
KVERS := $(KVER)
else ifneq ($(wildcard /lib/modules/$(shell uname -r)/build/Makefile),)
KVERS := $(shell uname -r)
else
KVERS := $(KVERS_INSTALLED)
endif

DTRACE_VERSION := 0.1.0

all:

include dif/dif.mk
include libtrace/libtrace.mk
include cmd/cmd.mk
include kernel/kernel.mk
include test/test.mk

deps:
	sh scripts/install-deps.sh

clean:
	rm -rf $(B)

.PHONY: all deps clean
