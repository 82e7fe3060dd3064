// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Type names, as far as the scanner needs them: whether a word is a type
 * name (DT_TOK_TNAME) or an identifier.  Type names are D's intrinsic ones,
 * the typedefs the program declares, and the kernel's typedefs.
 */
#include <stdlib.h>
#include <string.h>

#include "dt_cc.h"

/* D's typedefs, which every program sees. */
static const char *const dt_intrinsic_typedefs[] = {
	"int8_t", "int16_t", "int32_t", "int64_t", "intptr_t",
	"uint8_t", "uint16_t", "uint32_t", "uint64_t", "uintptr_t",
	"size_t", "ssize_t", "ptrdiff_t", "id_t", "pid_t", "uid_t",
	"gid_t", "time_t", "off_t", "dev_t", "mode_t", "caddr_t",
	"uchar_t", "ushort_t", "uint_t", "ulong_t", "u_longlong_t",
	"longlong_t", "processorid_t", "zoneid_t", "bool", "_Bool",
	"u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
	"__u8", "__u16", "__u32", "__u64", "__s8", "__s16", "__s32", "__s64",
	"psinfo_t", "lwpsinfo_t", "fileinfo_t", "bufinfo_t", "devinfo_t",
	"cpuinfo_t",
};

/* A name the program declared with typedef. */
struct dt_tdname {
	struct dt_tdname *td_next;
	char *td_name;
};

void dt_type_declare_name(dt_pcb_t *pcb, const char *name)
{
	struct dt_tdname *td = dt_pcb_zalloc(pcb, sizeof(*td));

	td->td_name = dt_pcb_strdup(pcb, name);
	td->td_next = pcb->pcb_typedefs;
	pcb->pcb_typedefs = td;
}

int dt_node_is_typename(dt_pcb_t *pcb, const char *name)
{
	const struct dt_tdname *td;
	size_t i;

	for (i = 0; i < sizeof(dt_intrinsic_typedefs) /
			sizeof(dt_intrinsic_typedefs[0]); i++)
		if (strcmp(name, dt_intrinsic_typedefs[i]) == 0)
			return 1;
	for (td = pcb->pcb_typedefs; td; td = td->td_next)
		if (strcmp(td->td_name, name) == 0)
			return 1;
	return 0;
}
