/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The fbt provider's state shared by providers/fbt.c (the theory comment
 * is there) and its probe-context half, providers/fbt_probe.c.
 */
#ifndef FBT_IMPL_H
#define FBT_IMPL_H

#include <linux/ftrace.h>
#include <linux/kprobes.h>
#include <linux/rcupdate.h>

#include "providers.h"
#include "kernel/dtk_compat.h"
#ifdef DTK_HAVE_FPROBE
#include <linux/fprobe.h>
#endif

/* One traceable function: its two probes and how they are attached. */
struct fbt_func {
	unsigned long		ff_addr;	/* symbol (6.1) or ftrace site */
	const char		*ff_name;
	const char		*ff_mod;	/* "vmlinux" or a module name */
	unsigned int		ff_inst;	/* of its name: 0, 1, ... */
	unsigned int		ff_gen;		/* fbt_load() that last saw it */
	dtk_id_t		ff_entry_id;
	dtk_id_t		ff_return_id;
	/* Wanted by enabled probes (dtk_lock) / attached (fbt_lock). */
	bool			ff_want_entry, ff_want_return;
	bool			ff_on_entry;	/* in the ftrace filter */
	bool			ff_gone;	/* its module was unloaded */
	bool			ff_noentry;	/* ftrace refused the address */
	bool			ff_noreturn;	/* kretprobe refused */
	struct fbt_krp		*ff_krp;	/* registered kretprobe (6.1) */
	struct fbt_fpb		*ff_fpb;	/* its fprobe batch (6.12) */
	bool			ff_on_return;	/* attached by either */
};

/*
 * A batch of return probes attached by one fprobe (6.12): registered for
 * the functions of one commit, unregistered when none of them wants it.
 */
struct fbt_fpb {
#ifdef DTK_HAVE_FPROBE
	struct fprobe		fb_fp;
#endif
	struct list_head	fb_link;	/* fbt_fpbs */
	unsigned int		fb_live;	/* functions still using it */
};

/* A return probe's kretprobe, which finds its function again. */
struct fbt_krp {
	struct kretprobe	fk_krp;
	struct fbt_func		*fk_func;
};

/*
 * What probe context searches: the functions sorted by address.  A new
 * table (a module came) is published with RCU; the functions themselves
 * never move or go while the provider exists.
 */
struct fbt_tab {
	struct rcu_head		ftb_rcu;
	unsigned int		ftb_n;
	unsigned long		*ftb_addrs;	/* [ftb_n], searched */
	struct fbt_func		*ftb_funcs[];	/* [ftb_n], same order */
};
extern struct fbt_tab __rcu *fbt_tab;

/* PROBE CONTEXT (providers/fbt_probe.c). */
void fbt_entry_cb(unsigned long ip, unsigned long parent_ip,
		  struct ftrace_ops *op, struct ftrace_regs *fregs);
int fbt_return_cb(struct kretprobe_instance *ri, struct pt_regs *regs);
#ifdef DTK_HAVE_FPROBE
void fbt_fprobe_exit(struct fprobe *fp, unsigned long entry_ip,
		     unsigned long ret_ip, struct pt_regs *regs, void *data);
#endif
u64 fbt_getargval(void *priv, dtk_id_t id, void *parg, int argno,
		  int aframes);

#endif /* FBT_IMPL_H */
