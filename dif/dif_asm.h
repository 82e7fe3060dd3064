/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * DIF assembler and disassembler (userland).  The instruction syntax is
 * the operand-format template of <dtrace/dif.h>, so the two stay in step
 * with the opcode table by construction.
 *
 *   ; a comment (also #)
 *   .var  x 7 global scalar int64 rw     ; name id scope kind type [r|w|rw]
 *   .var  s 8 thread array string:256    ; types: [u]int8..64, string:N,
 *   .rtype string:256                    ;   ustring:N, ref:N, uref:N
 *   start:
 *           ldb     %r1, pid
 *           beq     %r1, %r0, out        ; a label, or an instruction index
 *           setx    %r2, 0x123456789     ; the value; interned
 *           sets    %r3, "a\tb"          ; C escapes; interned
 *           ldx     %r4, [%r3-8]
 *           ldgs    %r5, x               ; a declared name, or an id
 *           ldba    %r6, args[%r1]
 *           call    %r7, strlen
 *   out:    ret     %r1
 */
#ifndef DIF_ASM_H
#define DIF_ASM_H

#include <stdio.h>
#include "dif_emit.h"

/*
 * Assemble text into a serialized object (malloc'd).  Returns 0, or -1
 * with "line N: message" in err.
 */
int dif_asm(const char *text, void **blob, size_t *size, char *err,
	    size_t errlen);

/* Disassemble one instruction of obj into buf (operands only if raw). */
void dif_disasm_instr(const struct dif_object *obj, uint32_t pc, char *buf,
		      size_t len);

/*
 * Print obj: as a `dtrace -S` listing (offsets, words, mnemonics, then the
 * variable table and return type), or with DIF_DIS_SOURCE as assembler
 * input that dif_asm() turns back into the same object.
 */
#define DIF_DIS_SOURCE	0x1
void dif_disasm(FILE *fp, const struct dif_object *obj, unsigned int flags);

/* The text of a type ("int64", "string:256"), for listings. */
void dif_type_str(const struct dif_type *t, char *buf, size_t len);

#endif /* DIF_ASM_H */
