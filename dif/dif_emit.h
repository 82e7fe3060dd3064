/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The DIF builder: how the D compiler (and the assembler) produce a DIF
 * object.  Userland only (it allocates with malloc).
 *
 *   struct dif_builder *b = dif_builder_new();
 *   dif_label_t done = dif_label_new(b);
 *   dif_emit(b, DIF_OP_LDB, 1, 0, 0, DIF_BV_PID);
 *   dif_emit_branch(b, DIF_OP_BZ, 1, 0, done);
 *   ...
 *   dif_label_place(b, done);
 *   dif_emit(b, DIF_OP_RET, 0, 1, 0, 0);
 *   if (dif_builder_finish(b, &blob, &size) != 0)
 *           error: dif_builder_errmsg(b);
 *   dif_builder_free(b);
 *
 * Errors are sticky: emitting after an error does nothing, and finish
 * reports the first error, so a code generator need not check each call.
 * Branches may only go forward; a label placed before a branch to it is an
 * error.  The finished blob is the serialized object of <dtrace/dif.h>
 * (8-byte aligned, malloc'd, the caller frees it); dif_object_parse() turns
 * it, or any serialized object, back into a struct dif_object.  The builder
 * does not verify: dif_verify() does.
 */
#ifndef DIF_EMIT_H
#define DIF_EMIT_H

#include "dif_obj.h"

struct dif_builder;
typedef uint32_t dif_label_t;

struct dif_builder *dif_builder_new(void);
void dif_builder_free(struct dif_builder *b);

/* Append one instruction; returns its index, or -1 after an error. */
int dif_emit(struct dif_builder *b, unsigned int op, unsigned int rd,
	     unsigned int rs1, unsigned int rs2, int32_t imm);

/* The index the next instruction will have. */
uint32_t dif_builder_pc(const struct dif_builder *b);

/* Labels: create, branch to (forward only), place before the next one. */
dif_label_t dif_label_new(struct dif_builder *b);
int dif_emit_branch(struct dif_builder *b, unsigned int op, unsigned int rs1,
		    unsigned int rs2, dif_label_t label);
void dif_label_place(struct dif_builder *b, dif_label_t label);

/* Tables: deduplicated; return the index / offset, or -1 after an error. */
int dif_intern_int(struct dif_builder *b, int64_t value);
int dif_intern_str(struct dif_builder *b, const char *s);

/* rd = value, as movi when it fits 32 bits, else setx. */
int dif_emit_const(struct dif_builder *b, unsigned int rd, int64_t value);
/* rd = address of the string s in the string table. */
int dif_emit_string(struct dif_builder *b, unsigned int rd, const char *s);

/*
 * Declare a variable the object uses.  Declaring an id again with the same
 * name, scope, kind and type merges the DIF_VF_* flags; anything else is
 * an error.
 */
int dif_declare_var(struct dif_builder *b, const char *name, uint32_t id,
		    unsigned int scope, unsigned int kind, unsigned int flags,
		    const struct dif_type *type);

/* The type of the returned value; 64-bit signed integer by default. */
void dif_set_rtype(struct dif_builder *b, const struct dif_type *type);

/*
 * Resolve labels and serialize.  Returns 0 with *blob / *size set, or -1
 * (see dif_builder_errmsg).  The builder may be freed afterwards.
 */
int dif_builder_finish(struct dif_builder *b, void **blob, size_t *size);
const char *dif_builder_errmsg(const struct dif_builder *b);

#endif /* DIF_EMIT_H */
