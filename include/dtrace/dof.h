/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * DOF: the binary container in which libtrace hands a compiled D program to
 * dtrace.ko (an enabling), and in which an anonymous enabling waits for the
 * module at boot.  The layout is ours; illumos DOF told us what information
 * has to travel, not how to lay it out.
 *
 * A DOF image is one contiguous, little-endian, 8-byte aligned block:
 *
 *    offset 0 ┌──────────────────────────────┐
 *             │ struct dtrace_dof_hdr  (64)  │ magic, version, sizes,
 *             │                              │ where the section table is
 *             ├──────────────────────────────┤ dofh_secoff
 *             │ struct dtrace_dof_sec [n]    │ one per section: kind,
 *             │  (32 each)                   │ offset, size, entsize
 *             ├──────────────────────────────┤
 *             │ section data, each aligned   │ STRTAB, OPTIONS, STMTS,
 *             │ to its dofs_align            │ ACTIONS, RECORDS, AGGS:
 *             │                              │ at most one of each;
 *             │                              │ DIFO: one per DIF object
 *             └──────────────────────────────┘ dofh_loadsz
 *
 * The tables refer to one another by index, never by pointer:
 *
 *   STMTS[i] ──── probe description: 4 STRTAB offsets (globs allowed)
 *     │      ──── predicate: a DIFO section index, or DTRACE_DOF_NONE
 *     └─ actions [first, first + count) in ACTIONS
 *          ACTIONS[j] ── kind, DIFO section index (or NONE),
 *                        record index in RECORDS (or NONE), arg, nargs
 *   AGGS[k] ──── id, name (STRTAB), function, key records and value
 *                record (a run in RECORDS), lquantize/llquantize params
 *   OPTIONS[m] ── option id and value, for the kernel's sizes and policies
 *
 * What an enabled probe writes.  Every statement (one per probe description
 * of a clause: a clause with three descriptions gives three statements that
 * share their predicate and actions) writes the same record every time it
 * fires: the record header that abi.h defines for the principal buffer,
 * then dofst_size bytes of payload.  Each action that writes data has a
 * record description (offset from the start of the payload, size,
 * alignment, flags), so the consumer decodes buffers from the DOF it sent,
 * without asking the kernel anything but which statement an EPID belongs
 * to.  The kernel writes exactly where the records say; it checks that they
 * lie inside dofst_size and do not overlap.
 *
 * Actions that take arguments (printf, printa, aggregations, tracemem with
 * a dynamic size, ...) are followed by dofa_nargs actions of kind
 * DTRACE_DOFACT_ARG, one per argument, each with its DIFO and record.  An
 * aggregating action's arguments are its keys, in order; its own DIFO is
 * the value (none for count()); an optional weight (quantize's second
 * argument) is one more action of kind DTRACE_DOFACT_AGGWEIGHT right after
 * the keys.  These write nothing into the statement's payload: their
 * records are NONE, and the aggregation's description (AGGS) lays out the
 * key and the value.  A printf-like action's arguments are those after
 * the format, whose STRTAB offset is dofa_arg; printa()'s ARG actions
 * carry the aggregation id in dofa_arg and no DIFO.
 *
 * An action with a DIFO and no record (dofa_rec NONE) runs its DIFO for
 * its effect only: that is how assignments ("x = e;") travel, as TRACE
 * actions without records.  A statement with no actions at all has
 * DTrace's default action: the record header alone.
 *
 * Statements that come from one clause run in program order when a probe
 * fires and share clause-local (this->) variables during that firing: the
 * compiler splits a clause with if/else into several statements whose
 * predicates read a clause-local condition an earlier statement stored.
 *
 * DIF objects are embedded, one per DTRACE_DOF_SECT_DIFO section, in the
 * serialized layout of include/dtrace/dif.h; the section's size is the
 * object's serialized size.  DIF objects carry their own integer, string
 * and variable tables.
 *
 * Rules the writer (libtrace) keeps and the reader (the module) checks:
 *  - every offset and size lies inside dofh_loadsz, every section inside
 *    the image and aligned to its dofs_align (a power of two, at most 8);
 *    table sections have dofs_entsize == sizeof their entry and
 *    dofs_size a multiple of it;
 *  - STRTAB begins and ends with NUL (offset 0 is the empty string), and
 *    every string offset is inside it;
 *  - every index (section, action, record, agg) is in range, and a DIFO
 *    index names a section of kind DIFO;
 *  - padding and reserved fields are zero; unknown section kinds, action
 *    kinds, flags and option ids are rejected, not ignored, so an old
 *    module refuses what a newer compiler meant.
 * An incompatible change bumps DTRACE_DOF_VERSION and DTRACE_ABI_VERSION.
 */
#ifndef DTRACE_DOF_H
#define DTRACE_DOF_H

#include <linux/types.h>
#include <dtrace/abi.h>

#define DTRACE_DOF_MAG0		0x7f
#define DTRACE_DOF_MAG1		'D'
#define DTRACE_DOF_MAG2		'O'
#define DTRACE_DOF_MAG3		'L'	/* "\177DOL": not illumos DOF */
#define DTRACE_DOF_VERSION	1

/* No section, DIFO, record or action. */
#define DTRACE_DOF_NONE		0xffffffffU

/* Probe description components are limited as in abi.h (with the NUL). */

/* dofh_flags */
#define DTRACE_DOF_F_DESTRUCTIVE 0x1	/* uses destructive actions (-w) */
#define DTRACE_DOF_F_ANON	0x2	/* an anonymous enabling (-A) */
#define DTRACE_DOF_F_ALL	0x3

struct dtrace_dof_hdr {
	__u8  dofh_magic[4];		/* DTRACE_DOF_MAG0..3 */
	__u32 dofh_version;		/* DTRACE_DOF_VERSION */
	__u32 dofh_abi;			/* DTRACE_ABI_VERSION of the writer */
	__u32 dofh_hdrsize;		/* sizeof(struct dtrace_dof_hdr) */
	__u32 dofh_secsize;		/* sizeof(struct dtrace_dof_sec) */
	__u32 dofh_secnum;		/* entries in the section table */
	__u64 dofh_secoff;		/* offset of the section table */
	__u64 dofh_loadsz;		/* size of the whole image */
	__u32 dofh_flags;		/* DTRACE_DOF_F_* */
	__u32 dofh_pad0;
	__u64 dofh_reserved[2];
};

/* Section kinds. */
#define DTRACE_DOF_SECT_STRTAB	1	/* NUL-terminated strings */
#define DTRACE_DOF_SECT_OPTIONS	2	/* struct dtrace_dof_opt[] */
#define DTRACE_DOF_SECT_STMTS	3	/* struct dtrace_dof_stmt[] */
#define DTRACE_DOF_SECT_ACTIONS	4	/* struct dtrace_dof_action[] */
#define DTRACE_DOF_SECT_RECORDS	5	/* struct dtrace_dof_rec[] */
#define DTRACE_DOF_SECT_AGGS	6	/* struct dtrace_dof_agg[] */
#define DTRACE_DOF_SECT_DIFO	7	/* one DIF object, dif.h's layout */

struct dtrace_dof_sec {
	__u32 dofs_kind;		/* DTRACE_DOF_SECT_* */
	__u32 dofs_align;		/* alignment of the data: 1, 2, 4, 8 */
	__u32 dofs_entsize;		/* table entry size; 0 if not a table */
	__u32 dofs_pad0;
	__u64 dofs_offset;		/* data offset from the image start */
	__u64 dofs_size;		/* data size in bytes */
};

/*
 * Options the kernel acts on.  Sizes are in bytes, rates in nanoseconds.
 * The consumer-only options (quiet, flowindent, aggsortkey, ...) stay in
 * libtrace and never travel.
 */
#define DTRACE_DOFOPT_BUFSIZE	1	/* principal buffer, per CPU */
#define DTRACE_DOFOPT_BUFPOLICY	2	/* DTRACE_BUFPOLICY_* */
#define DTRACE_DOFOPT_BUFRESIZE	3	/* DTRACE_BUFRESIZE_* */
#define DTRACE_DOFOPT_AGGSIZE	4	/* aggregation buffer, per CPU */
#define DTRACE_DOFOPT_DYNVARSIZE 5	/* dynamic variable pool */
#define DTRACE_DOFOPT_NSPEC	6	/* number of speculations */
#define DTRACE_DOFOPT_SPECSIZE	7	/* speculation buffer size */
#define DTRACE_DOFOPT_STRSIZE	8	/* string size */
#define DTRACE_DOFOPT_SWITCHRATE 9	/* buffer switch rate */
#define DTRACE_DOFOPT_AGGRATE	10	/* aggregation snapshot rate */
#define DTRACE_DOFOPT_CLEANRATE	11	/* dynamic variable clean rate */
#define DTRACE_DOFOPT_CPU	12	/* trace only this CPU, or -1 */
#define DTRACE_DOFOPT_STACKFRAMES 13	/* default stack() depth */
#define DTRACE_DOFOPT_USTACKFRAMES 14	/* default ustack() depth */
#define DTRACE_DOFOPT_JSTACKFRAMES 15	/* default jstack() depth */
#define DTRACE_DOFOPT_JSTACKSTRSIZE 16	/* jstack() string space */
#define DTRACE_DOFOPT_DESTRUCTIVE 17	/* 1: destructive actions allowed */
#define DTRACE_DOFOPT_SCRATCHSIZE 18	/* per-CPU scratch space */
#define DTRACE_DOFOPT_MAX	18

#define DTRACE_BUFPOLICY_SWITCH	0
#define DTRACE_BUFPOLICY_FILL	1
#define DTRACE_BUFPOLICY_RING	2
#define DTRACE_BUFRESIZE_AUTO	0
#define DTRACE_BUFRESIZE_MANUAL	1

struct dtrace_dof_opt {
	__u32 dofo_id;			/* DTRACE_DOFOPT_* */
	__u32 dofo_pad0;
	__u64 dofo_value;
};

/* An enabling statement: one probe description and what to do there. */
struct dtrace_dof_stmt {
	__u32 dofst_provider;		/* STRTAB offsets of the four probe */
	__u32 dofst_module;		/* description components; "" matches */
	__u32 dofst_function;		/* anything, globs (* ? [...]) as in */
	__u32 dofst_name;		/* DTrace */
	__u32 dofst_pred;		/* predicate DIFO section, or NONE */
	__u32 dofst_act_first;		/* first action in ACTIONS */
	__u32 dofst_act_count;		/* number of actions (may be 0) */
	__u32 dofst_size;		/* payload bytes after the record header */
	__u32 dofst_align;		/* payload alignment: 1, 2, 4, 8 */
	__u32 dofst_clause;		/* clause number in the program, for
					 * the consumer's -S and -v output */
	__u64 dofst_reserved;
};

/*
 * Action kinds.  "DIFO" says what the action's DIF object computes, "arg"
 * what dofa_arg holds, "record" what the action's record holds.
 */
#define DTRACE_DOFACT_TRACE	1	/* DIFO: value; record: the value */
#define DTRACE_DOFACT_ARG	2	/* argument of the action before */
#define DTRACE_DOFACT_PRINTF	3	/* arg: format; DIFO: none */
#define DTRACE_DOFACT_PRINTA	4	/* arg: format or 0; args: aggs */
#define DTRACE_DOFACT_PRINT	5	/* DIFO: value; arg: type name */
#define DTRACE_DOFACT_SYSTEM	6	/* arg: format; destructive */
#define DTRACE_DOFACT_FREOPEN	7	/* arg: format */
#define DTRACE_DOFACT_EXIT	8	/* DIFO: status; record: int32 */
#define DTRACE_DOFACT_STACK	9	/* arg: frames; record: pc[] */
#define DTRACE_DOFACT_USTACK	10	/* arg: frames | strsize << 32;
					 * record: pid, pc[frames], strsize
					 * bytes (0: no ustack helpers) */
#define DTRACE_DOFACT_JSTACK	11	/* arg: frames | strsize << 32 */
#define DTRACE_DOFACT_SYM	12	/* DIFO: kernel address (sym, func) */
#define DTRACE_DOFACT_MOD	13	/* DIFO: kernel address */
#define DTRACE_DOFACT_USYM	14	/* DIFO: user address (usym, ufunc);
					 * record: pid, address */
#define DTRACE_DOFACT_UMOD	15	/* DIFO: user address */
#define DTRACE_DOFACT_UADDR	16	/* DIFO: user address; record: pid,
					 * address */
#define DTRACE_DOFACT_TRACEMEM	17	/* DIFO: address; arg: size; an ARG
					 * with the dynamic size may follow */
#define DTRACE_DOFACT_SPECULATE	18	/* DIFO: speculation id */
#define DTRACE_DOFACT_COMMIT	19	/* DIFO: speculation id */
#define DTRACE_DOFACT_DISCARD	20	/* DIFO: speculation id */
#define DTRACE_DOFACT_CHILL	21	/* DIFO: nanoseconds; destructive */
#define DTRACE_DOFACT_RAISE	22	/* DIFO: signal; destructive */
#define DTRACE_DOFACT_STOP	23	/* destructive */
#define DTRACE_DOFACT_PANIC	24	/* destructive */
#define DTRACE_DOFACT_BREAKPOINT 25	/* destructive */
#define DTRACE_DOFACT_AGGREGATE	26	/* arg: agg id; DIFO: value; args:
					 * keys; then AGGWEIGHT, if any */
#define DTRACE_DOFACT_AGGWEIGHT	27	/* DIFO: the increment */
#define DTRACE_DOFACT_CLEAR	28	/* arg: agg id (consumer-side) */
#define DTRACE_DOFACT_TRUNC	29	/* arg: agg id; an ARG: count */
#define DTRACE_DOFACT_NORMALIZE	30	/* arg: agg id; an ARG: factor */
#define DTRACE_DOFACT_DENORMALIZE 31	/* arg: agg id */
#define DTRACE_DOFACT_SETOPT	32	/* args: name, value (strings) */
#define DTRACE_DOFACT_FTRUNCATE	33	/* consumer-side */
#define DTRACE_DOFACT_MAX	33

/* Aggregating functions (dofag_func). */
#define DTRACE_AGG_COUNT	1
#define DTRACE_AGG_SUM		2
#define DTRACE_AGG_AVG		3
#define DTRACE_AGG_MIN		4
#define DTRACE_AGG_MAX		5
#define DTRACE_AGG_STDDEV	6
#define DTRACE_AGG_QUANTIZE	7
#define DTRACE_AGG_LQUANTIZE	8	/* params: low, high, step */
#define DTRACE_AGG_LLQUANTIZE	9	/* params: factor, low, high, nsteps */
#define DTRACE_AGG_MAXFUNC	9

struct dtrace_dof_action {
	__u32 dofa_kind;		/* DTRACE_DOFACT_* */
	__u32 dofa_difo;		/* DIFO section index, or NONE */
	__u32 dofa_rec;			/* record index, or NONE */
	__u32 dofa_nargs;		/* ARG actions that follow */
	__u64 dofa_arg;			/* kind-specific, see above */
};

/* Record flags. */
#define DTRACE_DOFREC_F_SIGNED	0x01	/* a signed integer */
#define DTRACE_DOFREC_F_BYREF	0x02	/* the DIFO yields an address; copy
					 * dofr_size bytes from it */
#define DTRACE_DOFREC_F_STRING	0x04	/* BYREF string: stop at NUL, pad
					 * the rest with NULs */
#define DTRACE_DOFREC_F_USER	0x08	/* BYREF from a user address */
#define DTRACE_DOFREC_F_DYNSIZE	0x10	/* size is from the next ARG, at most
					 * dofr_size; a u64 length precedes
					 * the data */
#define DTRACE_DOFREC_F_KSTACK	0x20	/* aggregation key: stack(n), n pcs
					 * (dofr_size / 8); its ARG has no
					 * DIFO, probe context walks */
#define DTRACE_DOFREC_F_USTACK	0x40	/* aggregation key: ustack(n), the
					 * pid then n pcs; no DIFO either */
#define DTRACE_DOFREC_F_ALL	0x7f

/* Where one value lands in a statement's payload or an aggregation key. */
struct dtrace_dof_rec {
	__u32 dofr_offset;		/* from the start of payload or key */
	__u32 dofr_size;		/* bytes */
	__u16 dofr_align;		/* 1, 2, 4, 8 */
	__u16 dofr_flags;		/* DTRACE_DOFREC_F_* */
	__u32 dofr_pad0;
};

/*
 * An aggregation.  Every AGGREGATE action with the same dofag_id feeds it;
 * the compiler has checked that they agree on the function, the key types
 * and the parameters.  The key is laid out by dofag_nkeys records starting
 * at dofag_rec_first (offsets from the start of the key, dofag_keysize
 * bytes in all); the record right after them describes the value the
 * kernel keeps, in 64-bit words by dofag_func:
 *
 *   count, sum, min, max   1
 *   avg                    2: count, total
 *   stddev                 4: count, total, sum of squares (128 bits)
 *   quantize               127 buckets: -2^62 .. -1, 0, 1 .. 2^62
 *   lquantize              1 (the parameters) + (high - low) / step + 2
 *                          buckets (below low, the steps, at/above high)
 *   llquantize             (high - low + 1) * (nsteps - nsteps / factor)
 *                          + 2 buckets (below, the steps, above)
 */
struct dtrace_dof_agg {
	__u32 dofag_id;			/* 0 .. count - 1 */
	__u32 dofag_name;		/* STRTAB: name without '@'; "" is @ */
	__u32 dofag_func;		/* DTRACE_AGG_* */
	__u32 dofag_nkeys;
	__u32 dofag_rec_first;		/* key records, then the value */
	__u32 dofag_keysize;		/* bytes of the key */
	__s64 dofag_params[4];		/* see DTRACE_AGG_*; unused are 0 */
};

DTRACE_ABI_ASSERT(sizeof(struct dtrace_dof_hdr) == 64, "dof_hdr is 64 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_dof_sec) == 32, "dof_sec is 32 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_dof_opt) == 16, "dof_opt is 16 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_dof_stmt) == 48, "dof_stmt is 48 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_dof_action) == 24,
		  "dof_action is 24 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_dof_rec) == 16, "dof_rec is 16 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_dof_agg) == 56, "dof_agg is 56 bytes");

#endif /* DTRACE_DOF_H */
