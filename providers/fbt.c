// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The fbt provider: fbt:<module>:<function>:entry and :return for every
 * traceable function of the kernel ("vmlinux") and of loaded modules.
 *
 * Theory.
 *
 * Which functions.  The kernel's own notion of traceable: what ftrace
 * lists in tracefs's available_filter_functions (functions compiled with
 * an fentry call site, minus notrace and everything ftrace refuses), read
 * through the module's private tracefs mount (providers/prov_tracefs.c),
 * minus:
 *   - the kprobe blacklist (debugfs kprobes/blacklist, when debugfs is
 *     there): functions kprobes refuse are not safe to trace at all;
 *   - dtrace.ko itself, and the functions probe context calls (the safe
 *     loads, the clocks, the stack unwinder, kprobes and rethook), listed
 *     in fbt_deny[] below: tracing them would fire a probe from inside a
 *     probe.  The per-CPU guards of ftrace and of dtk_probe() would refuse
 *     such a firing anyway; the list keeps it from happening at all.
 * The module cannot enumerate symbols itself (kallsyms_lookup_name and
 * kallsyms_on_each_symbol are not exported).  Addresses come with the
 * names on 6.12 (available_filter_functions_addrs, the ftrace sites
 * themselves); on 6.1 they come from /proc/kallsyms, opened in the
 * consumer's context (so kptr_restrict applies: root sees addresses), and
 * each is validated by the kernel again when it is attached
 * (ftrace_set_filter_ips refuses anything but an ftrace site).  A name
 * that several static functions share gets a probe per function (see
 * "Duplicate names" below).
 *
 * Probes are created lazily, all at once, the first time a consumer's
 * description could name an fbt probe (the provide op), and again for the
 * modules loaded since (a module notifier marks the list stale).  The
 * module is "vmlinux" or the module's name; the probes are "entry" and
 * "return".
 *
 *   fbt_tab (RCU) ──► [ ptr, ptr, ... ] sorted by address ──► struct fbt_func
 *                                                           name, module,
 *                                                           two probe ids,
 *                                                           wanted/attached
 *
 * Attaching, in bulk.  dpo_enable and dpo_disable only record what is
 * wanted (ff_want_entry, ff_want_return); the framework then calls
 * dpo_commit once per batch, which applies the difference:
 *   - entry: ONE ftrace_ops for the whole provider, its filter grown and
 *     shrunk with ftrace_set_filter_ips (one code update per batch, not
 *     per function); registered while its filter is not empty (an empty
 *     filter would mean every function), unregistered when it would be;
 *   - return, where the kernel has fprobe (6.12): one fprobe per commit
 *     batch, registered on all the batch's functions at once
 *     (register_fprobe_ips: one ftrace update, returns caught by rethook)
 *     and unregistered when none of its functions is wanted any more;
 *     its exit handler finds the function by its entry address;
 *   - return without fprobe (6.1, which exports neither fprobe nor
 *     rethook nor function-graph): one kretprobe per function, by symbol
 *     name, registered with register_kretprobes and unregistered with
 *     unregister_kretprobes in batches (one RCU grace period per batch).
 *   Neither can tell which return instruction it caught, so arg0
 *   (DTrace's return offset) is always 0; arg1 is the return value.
 * Nothing is attached while no fbt probe is enabled.
 *
 * Arguments.  Entry: arg0..arg5 are the function's six argument registers
 * (arg5 saved per CPU for the getargval op).  Return: arg0 0, arg1 the
 * return value.
 *
 * Refusals.  A function that ftrace refuses at attach time (found by
 * halving the batch) or kprobes refuses for a return probe, or whose
 * module has gone, accepts enablings and never fires: a glob over
 * thousands of functions must not fail because of one.
 *
 * Modules.  When a module is loaded while fbt's probes are listed, its
 * functions get their probes at once (from the module notifier, in the
 * loading process's context) and every consumer's retained enablings are
 * matched against them (dtk_enabling_matchall()), so an enabling of
 * fbt:mod:: made before mod was loaded fires once it is.  When a module
 * goes, its functions are marked gone: their probes are no longer listed
 * nor matched by new enablings (dpo_present), enabled entry probes are
 * taken out of the ftrace filter before ftrace forgets the module's
 * sites, and enabled return probes are detached (kretprobes unregistered,
 * fprobe batches released); enablings keep their ECBs.  A module loaded
 * again gets its probes back, with the same ids, and what its enabled
 * probes want is attached again.  A module's __init functions, which
 * ftrace lists until the module's init text is freed, are marked gone
 * at once (a probe on freed text could later name another function).
 *
 * Duplicate names.  Several static functions of one module may share a
 * name (vmlinux has a few hundred such names).  As DTrace on illumos
 * does, each gets a probe of its own, all with the same name, so
 * fbt::name:entry enables every one of them and dtrace -l lists each
 * with its id; probefunc is the name either way.  Where the kernel gives
 * no address per instance (6.1 without available_filter_functions_addrs),
 * the n-th listing of a name is the n-th kallsyms text symbol of that
 * name in that module, both being in address order.
 *
 * Locking: fbt_lock protects the function list, the table and the
 * attachment state; dpo_commit runs under dtk_lock and takes fbt_lock
 * (order: dtk_lock, fbt_lock).  Probe context (providers/fbt_probe.c)
 * only reads the RCU-published table and the ff_on_* flags.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": fbt: " fmt

#include <linux/err.h>
#include <linux/fs.h>
#include <linux/glob.h>
#include <linux/hashtable.h>
#include <linux/jhash.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mount.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

#include "prov_tracefs.h"
#include "fbt_impl.h"

/*
 * The frames a return probe's stack shows below the traced function's
 * caller: the kretprobe handler, rethook's trampoline handler, its
 * callback and the trampoline itself (the same on 6.1 and 6.12).
 */
#define FBT_RETURN_AFRAMES	4

static struct dtk_provider *fbt_prov;
static DEFINE_MUTEX(fbt_lock);
struct fbt_tab __rcu *fbt_tab;

/* Every function ever seen, in a hash by module and name. */
struct fbt_node {
	struct hlist_node	fn_hash;
	struct fbt_func		fn_func;
	char			fn_names[];	/* module NUL name NUL */
};
static DEFINE_HASHTABLE(fbt_hash, 14);
static unsigned int fbt_nfuncs;
/*
 * Set when an enable or disable, or a module going, may have changed what
 * fbt_commit() has to do: every enabling commits every provider, and a
 * walk over every function for a BEGIN-only enabling took a tenth of the
 * start-up of `dtrace -n 'BEGIN { exit(0); }'`.
 */
static bool fbt_dirty;
static bool fbt_loaded, fbt_stale;

/*
 * The entry probes' ftrace_ops, allocated when the first entry probe is
 * attached and freed when the last goes: ftrace_free_filter() leaves an
 * ops unusable, so an ops is never reused.
 */
static struct ftrace_ops *fbt_ops;
static bool fbt_ops_registered;
static unsigned int fbt_nentry;

static void fbt_ops_free(void)
{
	if (!fbt_ops)
		return;
	if (fbt_ops_registered)
		unregister_ftrace_function(fbt_ops);
	fbt_ops_registered = false;
	ftrace_free_filter(fbt_ops);
	kfree(fbt_ops);
	fbt_ops = NULL;
	fbt_nentry = 0;
}

/* Functions probe context calls: never traced (see the theory). */
static const char *const fbt_deny[] = {
	"*_nofault*", "copy_from_kernel_nofault_allowed",
	"ktime_get_*fast_ns", "__ktime_get_*fast*", "read_tsc",
	"native_sched_clock", "sched_clock*", "kvm_clock_*", "kvm_sched_clock*",
	"read_hpet", "acpi_pm_read*", "*clocksource*read*", "hv_*read_tsc*",
	"pvclock_*", "unwind_*", "__unwind_*", "orc_*", "__orc_*",
	"*kernel_text_address", "core_kernel_text", "is_module_text_address",
	"__module_address", "__module_text_address", "is_ftrace_trampoline",
	"ftrace_*", "*kprobe*", "*rethook*", "get_stack_info*", "in_*_stack",
	"stack_access_ok", "__task_pid_nr_ns", "from_kuid_munged",
	"from_kgid_munged", "map_id_up", "mem*", "str*", "__memcpy*",
	"__memset*", "__x86_*", "__fentry__", "*_thunk_*",
};

static bool fbt_denied(const char *mod, const char *name)
{
	int i;

	if (strcmp(mod, THIS_MODULE->name) == 0)
		return true;
	for (i = 0; i < ARRAY_SIZE(fbt_deny); i++)
		if (glob_match(fbt_deny[i], name))
			return true;
	return false;
}

static u32 fbt_hashkey(const char *mod, const char *name)
{
	return jhash(name, strlen(name), jhash(mod, strlen(mod), 0));
}

/* The inst-th function (0: the first) of a name in a module. */
static struct fbt_func *fbt_lookup(const char *mod, const char *name,
				   unsigned int inst)
{
	struct fbt_node *fn;

	hash_for_each_possible(fbt_hash, fn, fn_hash, fbt_hashkey(mod, name))
		if (fn->fn_func.ff_inst == inst &&
		    strcmp(fn->fn_func.ff_mod, mod) == 0 &&
		    strcmp(fn->fn_func.ff_name, name) == 0)
			return &fn->fn_func;
	return NULL;
}

/* --- names to addresses (6.1: /proc/kallsyms) and the blacklist --- */

/* A name set or name -> address map over a file's text, kept as is. */
struct fbt_sym {
	struct hlist_node	fs_hash;
	unsigned long		fs_addr;
	const char		*fs_name;
	const char		*fs_mod;
	struct fbt_sym		*fs_dup;	/* the next of the same name */
};

struct fbt_symtab {
	char			*fst_text;
	struct fbt_sym		*fst_syms;
	unsigned int		fst_n;
	DECLARE_HASHTABLE(fst_hash, 16);
};

static struct fbt_sym *fbt_sym_find(struct fbt_symtab *st, const char *mod,
				    const char *name)
{
	struct fbt_sym *s;

	hash_for_each_possible(st->fst_hash, s, fs_hash, fbt_hashkey(mod, name))
		if (strcmp(s->fs_name, name) == 0 && strcmp(s->fs_mod, mod) == 0)
			return s;
	return NULL;
}

static void fbt_symtab_free(struct fbt_symtab *st)
{
	if (!st)
		return;
	kvfree(st->fst_text);
	kvfree(st->fst_syms);
	kvfree(st);
}

/*
 * Parse lines of "[0x]ADDR[-END] TYPE? NAME [MODULE]" (kallsyms: with a
 * type letter, only text kept; blacklist: "START-END NAME").
 */
static struct fbt_symtab *fbt_symtab_load(struct vfsmount *mnt,
					  const char *path, bool kallsyms)
{
	struct fbt_symtab *st = kvzalloc(sizeof(*st), GFP_KERNEL);
	char *p, *line, *tok[4];
	size_t len, lines = 0;
	int ntok;

	if (!st)
		return NULL;
	hash_init(st->fst_hash);
	if (prov_tracefs_read(mnt, path, &st->fst_text, &len)) {
		kvfree(st);
		return NULL;
	}
	for (p = st->fst_text; *p; p++)
		lines += *p == '\n';
	st->fst_syms = kvcalloc(lines + 1, sizeof(*st->fst_syms), GFP_KERNEL);
	if (!st->fst_syms) {
		fbt_symtab_free(st);
		return NULL;
	}
	p = st->fst_text;
	while ((line = strsep(&p, "\n")) != NULL) {
		struct fbt_sym *s, *first;
		char *t, *mod = "vmlinux";

		for (ntok = 0; ntok < 4 && (t = strsep(&line, " \t")); )
			if (*t)
				tok[ntok++] = t;
		if (kallsyms) {
			if (ntok < 3 || !strchr("tTwW", tok[1][0]))
				continue;
			if (ntok == 4)
				mod = tok[3];
			tok[1] = tok[2];
		} else if (ntok < 2) {
			continue;
		}
		if (mod[0] == '[') {
			mod++;
			mod[strcspn(mod, "]")] = '\0';
		}
		s = &st->fst_syms[st->fst_n];
		strreplace(tok[0], '-', '\0');
		if (kstrtoul(tok[0], 16, &s->fs_addr))
			s->fs_addr = 0;
		s->fs_name = tok[1];
		s->fs_mod = mod;
		first = fbt_sym_find(st, mod, s->fs_name);
		if (first) {
			/* A shared name: chained after the first, in order. */
			while (first->fs_dup)
				first = first->fs_dup;
			first->fs_dup = s;
		} else {
			hash_add(st->fst_hash, &s->fs_hash,
				 fbt_hashkey(mod, s->fs_name));
		}
		st->fst_n++;
	}
	return st;
}

/* --- the function list and probe creation --- */

static int fbt_func_cmp(const void *a, const void *b)
{
	const struct fbt_func *fa = *(const struct fbt_func **)a;
	const struct fbt_func *fb = *(const struct fbt_func **)b;

	return fa->ff_addr < fb->ff_addr ? -1 : fa->ff_addr > fb->ff_addr;
}

static void fbt_tab_free(struct fbt_tab *t)
{
	if (!t)
		return;
	kvfree(t->ftb_addrs);
	kvfree(t);
}

/* Publish a new address-sorted table of the present functions. */
static int fbt_tab_rebuild(void)
{
	struct fbt_tab *nt, *old;
	struct fbt_node *fn;
	unsigned int bkt, n = 0;

	nt = kvzalloc(struct_size(nt, ftb_funcs, fbt_nfuncs), GFP_KERNEL);
	if (!nt)
		return -ENOMEM;
	nt->ftb_addrs = kvcalloc(max(fbt_nfuncs, 1U), sizeof(*nt->ftb_addrs),
				 GFP_KERNEL);
	if (!nt->ftb_addrs) {
		kvfree(nt);
		return -ENOMEM;
	}
	hash_for_each(fbt_hash, bkt, fn, fn_hash)
		if (!fn->fn_func.ff_gone && fn->fn_func.ff_addr)
			nt->ftb_funcs[n++] = &fn->fn_func;
	nt->ftb_n = n;
	sort(nt->ftb_funcs, n, sizeof(nt->ftb_funcs[0]), fbt_func_cmp, NULL);
	for (bkt = 0; bkt < n; bkt++)
		nt->ftb_addrs[bkt] = nt->ftb_funcs[bkt]->ff_addr;
	old = rcu_dereference_protected(fbt_tab, lockdep_is_held(&fbt_lock));
	rcu_assign_pointer(fbt_tab, nt);
	if (old) {
		synchronize_rcu();
		fbt_tab_free(old);
	}
	return 0;
}

/*
 * The instance of a name that the current listing (fbt_gen) reaches
 * next: 0 for the first line of a name, 1 for the second...
 */
static unsigned int fbt_gen;

static unsigned int fbt_next_inst(const char *mod, const char *name,
				  struct fbt_func **ffp)
{
	unsigned int inst = 0;
	struct fbt_func *ff;

	while ((ff = fbt_lookup(mod, name, inst)) && ff->ff_gen == fbt_gen)
		inst++;
	*ffp = ff;
	return inst;
}

static int fbt_func_add(const char *mod, const char *name, unsigned int inst,
			struct fbt_func *ff, unsigned long addr)
{
	struct fbt_node *fn;
	size_t ml = strlen(mod) + 1, nl = strlen(name) + 1;

	if (ff) {
		ff->ff_gen = fbt_gen;
		/* Known: a module loaded again, or nothing new. */
		if (ff->ff_gone) {
			ff->ff_addr = addr;
			WRITE_ONCE(ff->ff_gone, false);
			ff->ff_noentry = false;
			ff->ff_noreturn = false;
			/* Its enablings, kept, attach at the next commit. */
			WRITE_ONCE(fbt_dirty, true);
		}
		return 0;
	}
	if (ml > DTRACE_MODNAMELEN || nl > DTRACE_FUNCNAMELEN)
		return 0;
	fn = kzalloc(sizeof(*fn) + ml + nl, GFP_KERNEL);
	if (!fn)
		return -ENOMEM;
	memcpy(fn->fn_names, mod, ml);
	memcpy(fn->fn_names + ml, name, nl);
	ff = &fn->fn_func;
	ff->ff_mod = fn->fn_names;
	ff->ff_name = fn->fn_names + ml;
	ff->ff_addr = addr;
	ff->ff_inst = inst;
	ff->ff_gen = fbt_gen;
	ff->ff_entry_id = dtk_probe_create(fbt_prov, mod, name, "entry", 0, ff);
	ff->ff_return_id = dtk_probe_create(fbt_prov, mod, name, "return",
					    FBT_RETURN_AFRAMES, ff);
	/* A probe that could not be made is left out; the other stays. */
	hash_add(fbt_hash, &fn->fn_hash, fbt_hashkey(mod, name));
	fbt_nfuncs++;
	return 0;
}

/*
 * (Re)read the traceable functions and give the new ones probes.  Runs
 * in the consumer's process context (the provide op).
 */
static int fbt_load(void)
{
	struct fbt_symtab *ksyms = NULL, *black = NULL;
	struct vfsmount *mnt, *dmnt = NULL;
	struct file_system_type *dfs;
	char *text, *p, *line;
	bool addrs = true;
	unsigned int n = 0;
	ktime_t t0 = ktime_get();
	size_t len;
	int ret;

	mnt = prov_tracefs_mount();
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	ret = prov_tracefs_read(mnt, "available_filter_functions_addrs",
				&text, &len);
	if (ret) {
		addrs = false;
		ret = prov_tracefs_read(mnt, "available_filter_functions",
					&text, &len);
	}
	prov_tracefs_umount(mnt);
	if (ret)
		return ret;
	if (!addrs) {
		ksyms = fbt_symtab_load(NULL, "/proc/kallsyms", true);
		if (!ksyms)
			pr_warn("cannot read /proc/kallsyms: no fbt addresses\n");
	}
	dfs = get_fs_type("debugfs");
	if (dfs)
		dmnt = vfs_kern_mount(dfs, 0, "debugfs", NULL);
	if (!IS_ERR_OR_NULL(dmnt)) {
		black = fbt_symtab_load(dmnt, "kprobes/blacklist", false);
		mntput(dmnt);
	}

	fbt_gen++;
	p = text;
	while ((line = strsep(&p, "\n")) != NULL) {
		char *tok[3], *t, *mod = "vmlinux", *name;
		struct fbt_func *ff;
		unsigned long addr = 0;
		unsigned int inst;
		int ntok = 0;

		while (ntok < 3 && (t = strsep(&line, " \t")))
			if (*t)
				tok[ntok++] = t;
		if (ntok == 0)
			continue;
		if (addrs) {
			if (ntok < 2 || kstrtoul(tok[0], 16, &addr))
				continue;
			name = tok[1];
			if (ntok == 3)
				mod = tok[2];
		} else {
			name = tok[0];
			if (ntok >= 2)
				mod = tok[1];
		}
		if (mod[0] == '[') {
			mod++;
			mod[strcspn(mod, "]")] = '\0';
		}
		if (fbt_denied(mod, name) ||
		    (black && fbt_sym_find(black, "vmlinux", name)))
			continue;
		inst = fbt_next_inst(mod, name, &ff);
		if (!addrs) {
			/* The inst-th kallsyms symbol of the name (theory). */
			struct fbt_sym *s = ksyms ? fbt_sym_find(ksyms, mod, name)
						  : NULL;
			unsigned int i;

			for (i = 0; s && i < inst; i++)
				s = s->fs_dup;
			if (!s || !s->fs_addr)
				continue;
			addr = s->fs_addr;
		}
		ret = fbt_func_add(mod, name, inst, ff, addr);
		if (ret)
			break;
		n++;
	}
	kvfree(text);
	fbt_symtab_free(ksyms);
	fbt_symtab_free(black);
	if (!ret)
		ret = fbt_tab_rebuild();
	if (!ret) {
		fbt_loaded = true;
		fbt_stale = false;
	}
	pr_debug("%u functions (%u known) in %lld ms\n", n, fbt_nfuncs,
		 ktime_ms_delta(ktime_get(), t0));
	return ret;
}

static void fbt_provide(void *priv, const struct dtrace_probedesc *desc)
{
	mutex_lock(&fbt_lock);
	if (!fbt_loaded || fbt_stale) {
		int ret = fbt_load();

		if (ret)
			pr_warn("cannot list traceable functions: %d\n", ret);
	}
	mutex_unlock(&fbt_lock);
}

/* --- enabling: recorded, then committed in bulk --- */

static int fbt_enable(void *priv, dtk_id_t id, void *parg)
{
	struct fbt_func *ff = parg;

	/*
	 * A function whose module is gone, or that ftrace or kprobes
	 * refused, accepts the enabling and never fires: a glob over
	 * thousands of functions must not fail for one of them.
	 */
	if (id == ff->ff_entry_id)
		ff->ff_want_entry = true;
	else
		ff->ff_want_return = true;
	WRITE_ONCE(fbt_dirty, true);
	return 0;
}

static void fbt_disable(void *priv, dtk_id_t id, void *parg)
{
	struct fbt_func *ff = parg;

	if (id == ff->ff_entry_id)
		ff->ff_want_entry = false;
	else
		ff->ff_want_return = false;
	WRITE_ONCE(fbt_dirty, true);
}

/*
 * Add ips[0..n) to the filter.  ftrace refuses a whole batch if one
 * address is not a site (and then changes nothing), so a refused batch
 * is split in halves until the culprits are alone: a few bad addresses
 * cost a few dozen calls, not one call per function.  Returns how many
 * were added; the refused ones are moved to the end of add[] and ips[].
 */
static unsigned int fbt_filter_add(struct fbt_func **add, unsigned long *ips,
				   unsigned int n)
{
	unsigned int half, a, b, i;

	if (!n || ftrace_set_filter_ips(fbt_ops, ips, n, 0, 0) == 0)
		return n;
	if (n == 1)
		return 0;
	half = n / 2;
	a = fbt_filter_add(add, ips, half);
	b = fbt_filter_add(add + half, ips + half, n - half);
	/* Pack the accepted ones of the second half after the first's. */
	for (i = 0; i < b && a < half; i++) {
		swap(add[a + i], add[half + i]);
		swap(ips[a + i], ips[half + i]);
	}
	return a + b;
}

/* Change the ftrace filter by a batch of functions. */
static int fbt_entry_apply(struct fbt_func **add, unsigned int nadd,
			   struct fbt_func **del, unsigned int ndel,
			   unsigned long *ips)
{
	unsigned int i, ok;
	int ret = 0;

	if (ndel && fbt_nentry == ndel && !nadd) {
		/* Never an empty filter while registered: it means "all". */
		for (i = 0; i < ndel; i++)
			WRITE_ONCE(del[i]->ff_on_entry, false);
		fbt_ops_free();
		return 0;
	}
	if (!fbt_ops) {
		fbt_ops = kzalloc(sizeof(*fbt_ops), GFP_KERNEL);
		if (!fbt_ops)
			return -ENOMEM;
		fbt_ops->func = fbt_entry_cb;
	}
	if (ndel) {
		for (i = 0; i < ndel; i++) {
			ips[i] = del[i]->ff_addr;
			WRITE_ONCE(del[i]->ff_on_entry, false);
		}
		ret = ftrace_set_filter_ips(fbt_ops, ips, ndel, 1, 0);
		if (ret)
			pr_warn("removing %u functions from the filter: %d\n",
				ndel, ret);
		fbt_nentry -= ndel;
	}
	if (!nadd)
		return 0;
	for (i = 0; i < nadd; i++)
		ips[i] = add[i]->ff_addr;
	ok = fbt_filter_add(add, ips, nadd);
	ret = ok ? 0 : -EINVAL;
	if (ok < nadd) {
		/* The refused ones went to the end: they are not sites. */
		for (i = ok; i < nadd; i++)
			add[i]->ff_noentry = true;
		pr_warn("%u of %u functions refused by ftrace\n", nadd - ok,
			nadd);
	}
	for (i = 0; i < ok; i++)
		WRITE_ONCE(add[i]->ff_on_entry, true);
	fbt_nentry += ok;
	if (fbt_nentry && !fbt_ops_registered) {
		ret = register_ftrace_function(fbt_ops);
		if (ret) {
			pr_warn("register_ftrace_function: %d\n", ret);
			for (i = 0; i < ok; i++)
				WRITE_ONCE(add[i]->ff_on_entry, false);
			fbt_ops_free();
			return ret;
		}
		fbt_ops_registered = true;
	}
	return ret;
}

#ifndef DTK_HAVE_FPROBE
/* Register return probes (kretprobes) for a batch of functions. */
static int fbt_return_add(struct fbt_func **add, unsigned int nadd,
			  struct kretprobe **rps)
{
	unsigned int i, n = 0;
	int ret = 0;

	for (i = 0; i < nadd; i++) {
		struct fbt_func *ff = add[i];
		struct fbt_krp *fk = kzalloc(sizeof(*fk), GFP_KERNEL);
		char *sym;

		if (!fk)
			return -ENOMEM;
		if (ff->ff_inst) {
			/* A later function of a shared name: its address,
			 * which register_kretprobe validates. */
			fk->fk_func = ff;
			fk->fk_krp.kp.addr = (kprobe_opcode_t *)ff->ff_addr;
			fk->fk_krp.handler = fbt_return_cb;
			ff->ff_krp = fk;
			WRITE_ONCE(ff->ff_on_return, true);
			rps[n++] = &fk->fk_krp;
			continue;
		}
		if (strcmp(ff->ff_mod, "vmlinux") == 0)
			sym = kstrdup(ff->ff_name, GFP_KERNEL);
		else
			sym = kasprintf(GFP_KERNEL, "%s:%s", ff->ff_mod,
					ff->ff_name);
		if (!sym) {
			kfree(fk);
			return -ENOMEM;
		}
		fk->fk_func = ff;
		fk->fk_krp.kp.symbol_name = sym;
		fk->fk_krp.handler = fbt_return_cb;
		ff->ff_krp = fk;
		WRITE_ONCE(ff->ff_on_return, true);
		rps[n++] = &fk->fk_krp;
	}
	if (!n)
		return 0;
	if (register_kretprobes(rps, n) == 0)
		return 0;
	/* Some function refused: register one by one, keep the rest. */
	for (i = 0; i < n; i++) {
		struct fbt_krp *fk = container_of(rps[i], struct fbt_krp, fk_krp);

		if (register_kretprobe(rps[i]) == 0)
			continue;
		fk->fk_func->ff_noreturn = true;
		fk->fk_func->ff_krp = NULL;
		WRITE_ONCE(fk->fk_func->ff_on_return, false);
		kfree(fk->fk_krp.kp.symbol_name);
		kfree(fk);
		ret = -EINVAL;
	}
	return ret;
}

static void fbt_return_del(struct fbt_func **del, unsigned int ndel,
			   struct kretprobe **rps)
{
	unsigned int i;

	for (i = 0; i < ndel; i++) {
		WRITE_ONCE(del[i]->ff_on_return, false);
		rps[i] = &del[i]->ff_krp->fk_krp;
	}
	if (ndel)
		unregister_kretprobes(rps, ndel);
	for (i = 0; i < ndel; i++) {
		struct fbt_krp *fk = del[i]->ff_krp;

		del[i]->ff_krp = NULL;
		kfree(fk->fk_krp.kp.symbol_name);
		kfree(fk);
	}
}
#else /* DTK_HAVE_FPROBE */
static LIST_HEAD(fbt_fpbs);

/*
 * Attach the returns of add[0..n) with one fprobe; if the kernel refuses
 * the batch (an address that is not an ftrace site), halve it until the
 * culprits are alone, as for entry probes.
 */
static int fbt_fprobe_add(struct fbt_func **add, unsigned long *ips,
			  unsigned int n)
{
	struct fbt_fpb *fb;
	unsigned int i;
	int ret;

	if (!n)
		return 0;
	fb = kzalloc(sizeof(*fb), GFP_KERNEL);
	if (!fb)
		return -ENOMEM;
	fb->fb_fp.exit_handler = fbt_fprobe_exit;
	for (i = 0; i < n; i++)
		ips[i] = add[i]->ff_addr;
	ret = register_fprobe_ips(&fb->fb_fp, ips, n);
	if (ret) {
		kfree(fb);
		if (n == 1) {
			add[0]->ff_noreturn = true;
			return 0;
		}
		ret = fbt_fprobe_add(add, ips, n / 2);
		if (ret)
			return ret;
		return fbt_fprobe_add(add + n / 2, ips + n / 2, n - n / 2);
	}
	fb->fb_live = n;
	list_add(&fb->fb_link, &fbt_fpbs);
	for (i = 0; i < n; i++) {
		add[i]->ff_fpb = fb;
		WRITE_ONCE(add[i]->ff_on_return, true);
	}
	return 0;
}

/* Register return probes (one fprobe) for a batch of functions. */
static int fbt_return_add(struct fbt_func **add, unsigned int nadd,
			  struct kretprobe **rps)
{
	unsigned long *ips;
	int ret;

	if (!nadd)
		return 0;
	ips = kvcalloc(nadd, sizeof(*ips), GFP_KERNEL);
	if (!ips)
		return -ENOMEM;
	ret = fbt_fprobe_add(add, ips, nadd);
	kvfree(ips);
	return ret;
}

/* Detach returns; an fprobe goes when none of its functions uses it. */
static void fbt_return_del(struct fbt_func **del, unsigned int ndel,
			   struct kretprobe **rps)
{
	struct fbt_fpb *fb, *tmp;
	LIST_HEAD(dead);
	unsigned int i;

	for (i = 0; i < ndel; i++) {
		fb = del[i]->ff_fpb;
		WRITE_ONCE(del[i]->ff_on_return, false);
		del[i]->ff_fpb = NULL;
		if (--fb->fb_live == 0) {
			unregister_fprobe(&fb->fb_fp);
			list_move(&fb->fb_link, &dead);
		}
	}
	if (list_empty(&dead))
		return;
	/* An exit handler that read the fprobe is done past this. */
	synchronize_rcu();
	list_for_each_entry_safe(fb, tmp, &dead, fb_link)
		kfree(fb);
}
#endif /* DTK_HAVE_FPROBE */

static int fbt_commit(void *priv)
{
	struct fbt_func **eadd, **edel, **radd, **rdel;
	unsigned int nea = 0, ned = 0, nra = 0, nrd = 0, bkt;
	unsigned long *ips;
	struct kretprobe **rps;
	struct fbt_node *fn;
	int ret = 0, err;

	mutex_lock(&fbt_lock);
	if (!fbt_nfuncs || !READ_ONCE(fbt_dirty)) {
		mutex_unlock(&fbt_lock);
		return 0;
	}
	WRITE_ONCE(fbt_dirty, false);
	eadd = kvcalloc(fbt_nfuncs, sizeof(*eadd), GFP_KERNEL);
	edel = kvcalloc(fbt_nfuncs, sizeof(*edel), GFP_KERNEL);
	radd = kvcalloc(fbt_nfuncs, sizeof(*radd), GFP_KERNEL);
	rdel = kvcalloc(fbt_nfuncs, sizeof(*rdel), GFP_KERNEL);
	ips = kvcalloc(fbt_nfuncs, sizeof(*ips), GFP_KERNEL);
	rps = kvcalloc(fbt_nfuncs, sizeof(*rps), GFP_KERNEL);
	if (!eadd || !edel || !radd || !rdel || !ips || !rps) {
		WRITE_ONCE(fbt_dirty, true);
		ret = -ENOMEM;
		goto out;
	}
	hash_for_each(fbt_hash, bkt, fn, fn_hash) {
		struct fbt_func *ff = &fn->fn_func;
		bool e = ff->ff_want_entry && !ff->ff_gone && !ff->ff_noentry &&
			 ff->ff_addr;
		bool r = ff->ff_want_return && !ff->ff_gone && !ff->ff_noreturn;

		if (e && !ff->ff_on_entry)
			eadd[nea++] = ff;
		else if (!e && ff->ff_on_entry)
			edel[ned++] = ff;
		if (r && !ff->ff_on_return)
			radd[nra++] = ff;
		else if (!r && ff->ff_on_return)
			rdel[nrd++] = ff;
	}
	fbt_return_del(rdel, nrd, rps);
	if (nea || ned)
		ret = fbt_entry_apply(eadd, nea, edel, ned, ips);
	err = fbt_return_add(radd, nra, rps);
	if (!ret)
		ret = err;
	if (ret)
		WRITE_ONCE(fbt_dirty, true);	/* the next commit tries again */
out:
	kvfree(eadd);
	kvfree(edel);
	kvfree(radd);
	kvfree(rdel);
	kvfree(ips);
	kvfree(rps);
	mutex_unlock(&fbt_lock);
	return ret;
}

/* --- modules coming and going --- */

/*
 * A module has come: once fbt's probes have been listed at all, give the
 * module's functions their probes now, not at the next consumer's
 * provide, and let every consumer's retained enablings match them, so
 * that an enabling of fbt:newmod:: made before the module was loaded
 * fires once it is.  Called from the notifier, in the context of the
 * process that loaded the module (tracefs is read through a bounce
 * buffer in its memory, which a kernel thread would not have), after the
 * module's init has run and its ftrace sites are listed.
 */
static void fbt_newmod(struct module *mod)
{
	bool matched = false;
	struct fbt_node *fn;
	unsigned int bkt;

	mutex_lock(&fbt_lock);
	if (fbt_loaded && fbt_stale) {
		int ret = fbt_load();

		if (ret)
			pr_warn("cannot list a new module's functions: %d\n",
				ret);
		matched = !ret;
	}
	if (matched) {
		/* Its __init functions are about to be freed: never probed. */
		hash_for_each(fbt_hash, bkt, fn, fn_hash)
			if (within_module_init(fn->fn_func.ff_addr, mod) &&
			    strcmp(fn->fn_func.ff_mod, mod->name) == 0)
				WRITE_ONCE(fn->fn_func.ff_gone, true);
		fbt_tab_rebuild();
	}
	mutex_unlock(&fbt_lock);
	if (matched)
		dtk_enabling_matchall();
}

static int fbt_module_notify(struct notifier_block *nb, unsigned long val,
			     void *data)
{
	struct module *mod = data;
	struct fbt_func *del[16], *rdel[16];
	struct kretprobe *rps[16];
	unsigned long ips[16];
	struct fbt_node *fn;
	unsigned int bkt, n = 0, nr = 0;

	if (val == MODULE_STATE_LIVE) {
		mutex_lock(&fbt_lock);
		fbt_stale = true;
		mutex_unlock(&fbt_lock);
		if (current->mm)
			fbt_newmod(mod);
		return NOTIFY_OK;
	}
	mutex_lock(&fbt_lock);
	if (val == MODULE_STATE_GOING) {
		hash_for_each(fbt_hash, bkt, fn, fn_hash) {
			struct fbt_func *ff = &fn->fn_func;

			if (strcmp(ff->ff_mod, mod->name) != 0)
				continue;
			WRITE_ONCE(ff->ff_gone, true);
			WRITE_ONCE(fbt_dirty, true);
			if (ff->ff_on_return) {
				/* Detached now, attached again if it comes back. */
				rdel[nr++] = ff;
				if (nr == ARRAY_SIZE(rdel)) {
					fbt_return_del(rdel, nr, rps);
					nr = 0;
				}
			}
			if (!ff->ff_on_entry)
				continue;
			del[n++] = ff;
			if (n == ARRAY_SIZE(del)) {
				fbt_entry_apply(NULL, 0, del, n, ips);
				n = 0;
			}
		}
		if (n)
			fbt_entry_apply(NULL, 0, del, n, ips);
		if (nr)
			fbt_return_del(rdel, nr, rps);
		if (fbt_loaded)
			fbt_tab_rebuild();
	}
	mutex_unlock(&fbt_lock);
	return NOTIFY_OK;
}

static struct notifier_block fbt_module_nb = {
	.notifier_call = fbt_module_notify,
};

/* A function of an unloaded module is neither listed nor matched. */
static bool fbt_present(void *priv, dtk_id_t id, void *parg)
{
	const struct fbt_func *ff = parg;

	return !READ_ONCE(ff->ff_gone);
}

static const struct dtk_pops fbt_pops = {
	.dpo_provide	= fbt_provide,
	.dpo_enable	= fbt_enable,
	.dpo_disable	= fbt_disable,
	.dpo_commit	= fbt_commit,
	.dpo_getargval	= fbt_getargval,
	.dpo_present	= fbt_present,
};

int fbt_prov_init(void)
{
	int ret;

	ret = dtk_provider_register("fbt", &fbt_pops, NULL, &fbt_prov);
	if (ret)
		return ret;
	ret = register_module_notifier(&fbt_module_nb);
	if (ret)
		dtk_provider_unregister(fbt_prov);
	return ret;
}

void fbt_prov_exit(void)
{
	struct fbt_node *fn;
	struct hlist_node *tmp;
	unsigned int bkt;

	unregister_module_notifier(&fbt_module_nb);
	dtk_provider_unregister(fbt_prov);
	/* Nothing is enabled (the framework refuses otherwise): free all. */
	mutex_lock(&fbt_lock);
	WARN_ON_ONCE(fbt_ops);
	hash_for_each_safe(fbt_hash, bkt, tmp, fn, fn_hash) {
		WARN_ON_ONCE(fn->fn_func.ff_on_return);
		hash_del(&fn->fn_hash);
		kfree(fn);
	}
	fbt_tab_free(rcu_dereference_protected(fbt_tab,
					       lockdep_is_held(&fbt_lock)));
	RCU_INIT_POINTER(fbt_tab, NULL);
	fbt_nfuncs = 0;
	fbt_loaded = false;
	mutex_unlock(&fbt_lock);
}
