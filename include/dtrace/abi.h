/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The ABI between dtrace.ko and userland: the ioctls of /dev/dtrace and the
 * structures they carry.  This header is compiled both into the module and
 * into libtrace, so it uses only fixed-width types.
 *
 * Rules (see shared/DESIGN.md, "The ABI between module and userland"):
 *  - fixed-width types only; pointers travel as __u64; no enums or
 *    bitfields in structures; explicit padding, which the module requires
 *    to be zero; every structure's size is asserted below;
 *  - every command is _IOWR('D', nr, struct ...): the size is part of the
 *    number, so a command issued with the wrong structure size is an
 *    unknown command (-ENOTTY);
 *  - a changed meaning gets a new number, never a version field;
 *  - the first command on a new descriptor must be the handshake; until it
 *    succeeds every other command fails with -EPROTO.
 */
#ifndef DTRACE_ABI_H
#define DTRACE_ABI_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define DTRACE_DEVICE		"/dev/dtrace"
#define DTRACE_DEVNAME		"dtrace"

/*
 * The ABI version: bumped when any command or structure of this header, of
 * the DIF encoding or of the DOF layout changes incompatibly.
 */
#define DTRACE_ABI_VERSION	2

/* Feature bits, announced by the module and requested by userland. */
#define DTRACE_FEAT_HANDSHAKE	(1ULL << 0)	/* this header's handshake */
#define DTRACE_FEAT_TRACE	(1ULL << 1)	/* probes, enablings, buffers */
#define DTRACE_FEAT_ALL		(DTRACE_FEAT_HANDSHAKE | DTRACE_FEAT_TRACE)

#define DTRACE_IOC_MAGIC	'D'

/*
 * DTRACE_IOC_HANDSHAKE: userland says which ABI version it speaks and which
 * features it cannot do without; the module answers with its own version,
 * the features it has and a version string.  The module always fills in its
 * half; it returns -EPROTONOSUPPORT when the versions differ or a required
 * feature is missing, so userland can print both sides.
 */
struct dtrace_ioc_handshake {
	__u32 dh_user_abi;		/* in: DTRACE_ABI_VERSION of userland */
	__u32 dh_pad0;			/* in: must be zero */
	__u64 dh_user_required;		/* in: features userland requires */
	__u32 dh_module_abi;		/* out: the module's ABI version */
	__u32 dh_ncpus;			/* out: possible CPUs (nr_cpu_ids) */
	__u64 dh_module_features;	/* out: the features the module has */
	char  dh_module_version[32];	/* out: NUL-terminated release string */
};

#define DTRACE_IOC_HANDSHAKE	_IOWR(DTRACE_IOC_MAGIC, 1, struct dtrace_ioc_handshake)

/*
 * Probe descriptions: the four parts of provider:module:function:name.
 * Each is NUL-terminated within its array.
 */
#define DTRACE_PROVNAMELEN	64
#define DTRACE_MODNAMELEN	64
#define DTRACE_FUNCNAMELEN	192
#define DTRACE_NAMELEN		64

/* Probe and enabled-probe ids; 0 is never a valid id of either. */
#define DTRACE_IDNONE		0
#define DTRACE_EPIDNONE		0

struct dtrace_probedesc {
	__u32 dpd_id;				/* probe id */
	__u32 dpd_pad0;				/* must be zero */
	char  dpd_provider[DTRACE_PROVNAMELEN];
	char  dpd_mod[DTRACE_MODNAMELEN];
	char  dpd_func[DTRACE_FUNCNAMELEN];
	char  dpd_name[DTRACE_NAMELEN];
};

/*
 * DTRACE_IOC_PROBES: list probes.  dp_match holds glob patterns (an empty
 * part matches anything) and, in dpd_id, the lowest id to consider; the
 * module fills dp_probe with the first matching probe whose id is at least
 * that, or fails with -ENOENT when there is none.  A listing walks the
 * table by asking again from dp_probe.dpd_id + 1.
 */
struct dtrace_ioc_probes {
	struct dtrace_probedesc dp_match;	/* in */
	struct dtrace_probedesc dp_probe;	/* out */
};

#define DTRACE_IOC_PROBES	_IOWR(DTRACE_IOC_MAGIC, 2, struct dtrace_ioc_probes)

/*
 * DTRACE_IOC_ENABLE: load one DOF (include/dtrace/dof.h) into this
 * consumer's state, before DTRACE_IOC_GO; it may be issued several times.
 * The module validates all of it before enabling anything; on failure it
 * returns -EINVAL (or a more precise errno) and writes a NUL-terminated
 * message into de_errmsg.  On success de_enabling is the index of this DOF
 * among the state's enablings (0 for the first) and de_nprobes the number
 * of probes its statements matched.
 */
struct dtrace_ioc_enable {
	__u64 de_dof;				/* in: address of the DOF */
	__u64 de_dofsize;			/* in: its size in bytes, which
						 * must be its dofh_loadsz */
	__u64 de_errmsg;			/* in: address of a message buffer */
	__u32 de_errmsglen;			/* in: its size */
	__u32 de_enabling;			/* out */
	__u32 de_nprobes;			/* out */
	__u32 de_pad0;				/* must be zero */
};

#define DTRACE_IOC_ENABLE	_IOWR(DTRACE_IOC_MAGIC, 3, struct dtrace_ioc_enable)

/*
 * DTRACE_IOC_GO: allocate the buffers, start tracing and fire
 * dtrace:::BEGIN on the calling CPU (dg_cpu).  The sizes and policies
 * come from the options of the loaded DOFs (the last DOF that sets an
 * option wins).  With bufresize=auto the module halves a principal buffer
 * size it cannot allocate until it can (dg_bufsize says what it got);
 * with manual it fails with -ENOMEM.  -EBUSY when already started, -ENOENT
 * when nothing was enabled.
 */
struct dtrace_ioc_go {
	__u64 dg_bufsize;			/* out: bytes per CPU buffer */
	__u32 dg_cpu;				/* out */
	__u32 dg_pad0;				/* must be zero */
	__u64 dg_reserved[4];			/* must be zero */
};

#define DTRACE_IOC_GO		_IOWR(DTRACE_IOC_MAGIC, 4, struct dtrace_ioc_go)

/* A state's activity, as DTRACE_IOC_STATUS reports it. */
#define DTRACE_ACTIVITY_INACTIVE	0	/* loaded, not started */
#define DTRACE_ACTIVITY_WARMUP		1	/* BEGIN is running */
#define DTRACE_ACTIVITY_ACTIVE		2	/* tracing */
#define DTRACE_ACTIVITY_DRAINING	3	/* exit() was called */
#define DTRACE_ACTIVITY_COOLDOWN	4	/* END is running */
#define DTRACE_ACTIVITY_STOPPED		5	/* stopped, buffers kept */

/*
 * DTRACE_IOC_STATUS: the state's activity, and what was counted so far:
 * faults in probe context (each of which also fires dtrace:::ERROR),
 * dynamic-variable stores dropped for lack of space (plain ones, and
 * those "with non-empty dirty list" and "with non-empty rinsing list", as
 * DTrace tells them apart), records of committed speculations that did
 * not fit in their speculation's buffer, and speculation() calls that
 * found no free speculation while some were being committed or discarded
 * (busy) or while none was (unavailable).  The 32-bit counts wrap; the
 * consumer reports differences.
 */
struct dtrace_ioc_status {
	__u32 ds_activity;			/* out: DTRACE_ACTIVITY_* */
	__u32 ds_pad0;
	__u64 ds_errors;			/* out: probe-context faults */
	__u64 ds_dynvar_drops;			/* out */
	__u64 ds_flags;				/* out: DTRACE_STATUS_* */
	__u64 ds_specdrops;			/* out: speculative drops */
	__u32 ds_specbusy;			/* out: failed, busy */
	__u32 ds_specunavail;			/* out: failed, none free */
	__u32 ds_dvdirty;			/* out: dynvar drops, dirty */
	__u32 ds_dvrinsing;			/* out: dynvar drops, rinsing */
	__u64 ds_reserved[2];			/* out: zero */
};

/*
 * ds_flags: a CPU's buffer filled up under bufpolicy=fill; the deadman
 * stopped tracing because the consumer had not asked for status for too
 * long (it was stopped, or starved).
 */
#define DTRACE_STATUS_FILLED	0x1
#define DTRACE_STATUS_KILLED	0x2

#define DTRACE_IOC_STATUS	_IOWR(DTRACE_IOC_MAGIC, 5, struct dtrace_ioc_status)

/*
 * DTRACE_IOC_STOP: stop tracing and fire dtrace:::END on the calling CPU
 * (ds_cpu).  The buffers stay until the descriptor is closed, so the
 * consumer drains them after this.
 */
struct dtrace_ioc_stop {
	__u32 ds_cpu;				/* out */
	__u32 ds_pad0;				/* must be zero */
};

#define DTRACE_IOC_STOP		_IOWR(DTRACE_IOC_MAGIC, 6, struct dtrace_ioc_stop)

/*
 * DTRACE_IOC_BUFSNAP: take the records of one CPU's principal buffer
 * written since the last snapshot.  Every policy double-buffers: the two
 * halves are swapped on that CPU and the full one is copied out (a ring's
 * from its oldest record to its newest).  The policy only decides what a
 * firing does when its record does not fit: switch drops it, fill drops
 * it and marks the state filled (END records always fit: room is kept
 * for them), ring wraps and overwrites the oldest records.  The consumer
 * takes fill and ring snapshots once tracing has stopped.  db_size is the
 * size of the user buffer in and the bytes written out; db_drops is the
 * count of records dropped on the CPU since the last snapshot.
 */
struct dtrace_ioc_bufsnap {
	__u32 db_cpu;				/* in */
	__u32 db_flags;				/* in: zero */
	__u64 db_data;				/* in: address of the user buffer */
	__u64 db_size;				/* in/out */
	__u64 db_drops;				/* out */
};

#define DTRACE_IOC_BUFSNAP	_IOWR(DTRACE_IOC_MAGIC, 7, struct dtrace_ioc_bufsnap)

/*
 * Records.  Every record in a principal buffer starts with this header,
 * followed by the payload its statement's DOF records describe (offsets
 * from the end of the header), padded to a multiple of 8 bytes; an
 * enabled probe (epid) always writes the same size, which the header
 * repeats.  A snapshot holds whole records only, oldest first (a ring
 * buffer's are put back in order).
 *
 *   +-----------+----------+--------------------+---------------------+
 *   | epid (4)  | size (4) | timestamp (8, ns)  | payload (dofst_size)|pad
 *   +-----------+----------+--------------------+---------------------+
 *   0           4          8                    16
 */
struct dtrace_rechdr {
	__u32 drh_epid;
	__u32 drh_size;				/* bytes, header included */
	__u64 drh_timestamp;
};

/*
 * Aggregations.  Each CPU has an aggregation buffer of aggsize bytes per
 * half, double-buffered like the principal buffer; DTRACE_IOC_AGGSNAP
 * swaps the halves of one CPU and copies out the entries of the full one
 * (struct dtrace_ioc_bufsnap, db_drops counting entries that found no
 * room).  The consumer merges them across CPUs and snapshots.  An entry
 * is this header, the key as the aggregation's DOF key records lay it out
 * (dofag_keysize bytes, padded to 8), and the value the aggregating
 * function keeps (its DOF value record's size):
 *
 *   +--------+--------+--------+--------+---------------+-----------+
 *   | aggid  | size   | next   | hash   | key ...   pad | value ... |
 *   +--------+--------+--------+--------+---------------+-----------+
 *
 * dar_aggid numbers the state's aggregations: those of the first DOF
 * enabled (by dofag_id), then the second's, and so on.
 */
struct dtrace_aggrec {
	__u32 dar_aggid;
	__u32 dar_size;				/* bytes of the entry */
	__u32 dar_next;				/* the module's hash chain */
	__u32 dar_hash;
};

#define DTRACE_IOC_AGGSNAP	_IOWR(DTRACE_IOC_MAGIC, 9, struct dtrace_ioc_bufsnap)

/*
 * DTRACE_IOC_EPROBE: what an epid found in a buffer means: the probe, and
 * the enabling (the DTRACE_IOC_ENABLE call, counted from 0) and statement
 * of its DOF that made it, whose records describe the payload; de_size is
 * the whole record's size, header included.
 */
struct dtrace_ioc_eprobe {
	__u32 de_epid;				/* in */
	__u32 de_enabling;			/* out */
	__u32 de_stmt;				/* out */
	__u32 de_size;				/* out */
	struct dtrace_probedesc de_probe;	/* out */
};

#define DTRACE_IOC_EPROBE	_IOWR(DTRACE_IOC_MAGIC, 8, struct dtrace_ioc_eprobe)

/* Size assertions: a change here is an ABI change. */
#ifdef __cplusplus
#define DTRACE_ABI_ASSERT(c, m) static_assert(c, m)
#else
#define DTRACE_ABI_ASSERT(c, m) _Static_assert(c, m)
#endif
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_handshake) == 64,
		  "struct dtrace_ioc_handshake is 64 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_probedesc) == 392,
		  "struct dtrace_probedesc is 392 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_probes) == 784,
		  "struct dtrace_ioc_probes is 784 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_enable) == 40,
		  "struct dtrace_ioc_enable is 40 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_go) == 48,
		  "struct dtrace_ioc_go is 48 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_status) == 72,
		  "struct dtrace_ioc_status is 72 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_stop) == 8,
		  "struct dtrace_ioc_stop is 8 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_bufsnap) == 32,
		  "struct dtrace_ioc_bufsnap is 32 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_aggrec) == 16,
		  "struct dtrace_aggrec is 16 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_rechdr) == 16,
		  "struct dtrace_rechdr is 16 bytes");
DTRACE_ABI_ASSERT(sizeof(struct dtrace_ioc_eprobe) == 408,
		  "struct dtrace_ioc_eprobe is 408 bytes");

#endif /* DTRACE_ABI_H */
