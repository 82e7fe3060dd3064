# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Hooks the DIF fuzz-corpus replay (rules in dif/dif.mk) into `make check`.
CHECK_TARGETS += check-dif-replay
CHECK_LOGS += $(B)/test/dif-replay.tap
