/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * A DIF object in memory, the tables generated from the X-macros of
 * <dtrace/dif.h>, and the checks that structure and verifier apply.  The
 * encoding itself is described at the top of <dtrace/dif.h>.
 *
 * struct dif_object is a view: its pointers point into one serialized
 * object (the blob), which the parser bounds-checks and never copies, so
 * the kernel can use it on the DOF it copied in, without allocating.
 */
#ifndef DIF_OBJ_H
#define DIF_OBJ_H

#include "dif_port.h"
#include <dtrace/dif.h>

struct dif_object {
	const dif_instr_t	*do_instr;
	const int64_t		*do_ints;
	const struct dif_var	*do_vars;
	const char		*do_strtab;
	uint32_t		do_ninstr;
	uint32_t		do_nints;
	uint32_t		do_nvars;
	uint32_t		do_strlen;
	struct dif_type		do_rtype;
	const void		*do_blob;	/* the serialized object */
	uint32_t		do_size;	/* its size in bytes */
};

/*
 * Every reason an object can be refused, by the structure parser (first
 * group) or by the verifier (second group).  X(name, message).  The fuzz
 * report counts rejections per check, and tests assert on the check.
 */
#define DIF_CHECKS(X)							\
	X(HEADER,	"object shorter than its header or misaligned")	\
	X(MAGIC,	"bad magic number")				\
	X(SIZE,		"object size does not match its header")	\
	X(LIMIT,	"object exceeds a size limit")			\
	X(PADDING,	"nonzero padding")				\
	X(STRTAB,	"string table not NUL-terminated")		\
	X(TYPE,		"invalid type descriptor")			\
	X(VARTAB,	"invalid variable table entry")			\
	X(EMPTY,	"object has no instructions")			\
	X(OPCODE,	"unknown opcode")				\
	X(REG,		"register number out of range")			\
	X(R0,		"write to %r0")					\
	X(UNUSED,	"nonzero unused field")				\
	X(BACKWARD,	"backward branch")				\
	X(TARGET,	"branch target outside the program")		\
	X(INTIDX,	"integer table index out of range")		\
	X(STROFF,	"string table offset out of range")		\
	X(VAR,		"undeclared variable or wrong scope or kind")	\
	X(BVAR,		"unknown built-in variable or wrong access")	\
	X(SUBR,		"unknown subroutine")				\
	X(DESTRUCTIVE,	"destructive subroutine without -w")		\
	X(USERMEM,	"user memory access not permitted")		\
	X(COPYSIZE,	"copy size out of range")			\
	X(NORET,	"last instruction is not ret")

#define DIF_CHK_ENUM_(name, msg) DIF_CHK_##name,
enum { DIF_CHK_OK, DIF_CHECKS(DIF_CHK_ENUM_) DIF_CHK_COUNT };
#undef DIF_CHK_ENUM_

/* Why an object was refused: the check, and the instruction (or -1). */
struct dif_error {
	int		de_check;	/* DIF_CHK_* */
	int32_t		de_pc;		/* instruction index, -1 if none */
	uint32_t	de_detail;	/* offending value (register, id...) */
};

const char *dif_check_msg(int check);
const char *dif_check_name(int check);

/*
 * Parse a serialized object: every count and offset is checked against
 * len and the limits of <dtrace/dif.h>, the padding must be zero and the
 * blob 8-byte aligned.  Returns 0, or -1 with *err filled in.  The
 * instructions themselves are the verifier's business (dif_verify()).
 */
int dif_object_parse(struct dif_object *obj, const void *blob, size_t len,
		     struct dif_error *err);

/* Tables generated from the X-macros, indexed by number. */
struct dif_opinfo {
	const char	*oi_name;	/* mnemonic; NULL for unused numbers */
	uint8_t		oi_fmt;		/* DIF_FMT_* */
	uint8_t		oi_class;	/* DIF_VC_* */
};
extern const struct dif_opinfo dif_opinfo[DIF_OP_COUNT];

struct dif_fmtinfo {
	const char	*fi_syntax;
	uint8_t		fi_rd, fi_rs1, fi_rs2;	/* DIF_U_* */
	uint8_t		fi_imm;			/* DIF_I_* */
};
extern const struct dif_fmtinfo dif_fmtinfo[DIF_FMT_COUNT];

struct dif_bvinfo {
	const char	*bi_name;
	uint8_t		bi_type;	/* DIF_TYPE_INT or DIF_TYPE_STRING */
	uint8_t		bi_array;	/* read with ldba */
};
extern const struct dif_bvinfo dif_bvinfo[DIF_BV_COUNT];

struct dif_subrinfo {
	const char	*si_name;
	uint8_t		si_minargs, si_maxargs;
	uint8_t		si_flags;	/* DIF_SF_* */
};
extern const struct dif_subrinfo dif_subrinfo[DIF_SUBR_COUNT];

/* DTrace's message for a fault code ("invalid address"), or NULL. */
const char *dif_fault_msg(int fault);

/* The declaration of variable id in obj (the table is sorted by id). */
const struct dif_var *dif_var_find(const struct dif_object *obj, uint32_t id);

/*
 * The built-in variable a (verified) object does nothing but return
 * (`ldb %rN, id; ret %rN`, what `execname` or `pid` alone compiles to),
 * or -1: a host may then read the variable itself instead of running the
 * interpreter.
 */
int dif_object_builtin(const struct dif_object *obj);

/* The NUL-terminated string at strtab offset off, or NULL if out of range. */
static inline const char *dif_object_str(const struct dif_object *obj,
					 uint32_t off)
{
	return off < obj->do_strlen ? obj->do_strtab + off : NULL;
}

#endif /* DIF_OBJ_H */
