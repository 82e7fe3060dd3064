// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The sdt provider: every kernel tracepoint, of the core kernel and of
 * loaded modules, as sdt:<module>:<subsystem>:<event>.
 *
 * Theory.
 *
 * Naming.  Linux's tracepoints are its statically defined tracing points,
 * so they are DTrace's sdt probes.  The module is "vmlinux" for the core
 * kernel's tracepoints and the module's name otherwise; the function is
 * the trace event's subsystem (the TRACE_SYSTEM, the directory of
 * tracefs events/ it appears in: "sched", "block", "kvm"...), empty for
 * the tracepoints that have no trace event (the bare *_tp ones); the name
 * is the tracepoint's name.  So sdt:::sched_switch,
 * sdt:vmlinux:sched:sched_switch and sdt::sched: all work as a DTrace user
 * expects.
 *
 * Discovery.  The core kernel's tracepoints come from
 * for_each_kernel_tracepoint at load time; the modules' from the
 * tracepoint module notifier, which also reports every module already
 * loaded when it is registered.  The subsystem names come from tracefs
 * (providers/prov_tracefs.c), read once when the provider is registered
 * and again when a module comes.
 *
 * Attaching.  A callback per tracepoint, registered with the probe as its
 * data pointer when the probe is enabled and unregistered when it is
 * disabled: nothing is attached while no consumer uses an sdt probe.  A
 * tracepoint passes its arguments as a C call does, past the fifth on
 * the caller's stack, so the callback must declare exactly as many u64
 * arguments as the tracepoint has (sdt_probe.c); it passes them all as
 * arg0..arg9, and those beyond the arity read 0, as DTrace documents.
 * 32-bit arguments have undefined upper halves, so typed args[] casts
 * them.  An argument is one 8-byte register or stack slot: every
 * tracepoint argument of both kernels is a scalar, a pointer or a struct
 * of at most 8 bytes (pte_t).  A tracepoint of more than ten arguments
 * gets its first ten.
 *
 * Arity.  A module's tracepoints come with it from the kernel's own count,
 * the bpf_raw_events the module carries (num_args), when they appear.  The
 * core kernel's have no exported equivalent, so they come from its BTF
 * (/sys/kernel/btf/vmlinux, read through a private mount of sysfs), where
 * each tracepoint has a typedef btf_trace_<name>, a pointer to a function
 * whose first parameter is the data pointer.  That is read once, when the
 * first sdt probe is enabled, and never at load.  A tracepoint whose arity
 * is not known (no BTF, no typedef) gets the five register arguments, and
 * beyond its arguments meaningless registers, never unsafe ones.
 *
 * Module lifetime.  An enabled probe holds a reference on its module, so a
 * module whose tracepoint is being traced cannot be unloaded (rmmod says
 * it is busy) and a callback never outlives its tracepoint.  When a module
 * goes, its probes stay listed but refuse to be enabled until it is loaded
 * again (the framework cannot remove single probes yet).
 *
 * Locking: sdt_lock protects the probe list; enable and disable run under
 * dtk_lock and touch only the probe.  Probe context: providers/sdt_probe.c.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": sdt: " fmt

#include <linux/btf.h>
#include <linux/err.h>
#include <linux/hashtable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringhash.h>
#include <linux/tracepoint.h>
#include <linux/vmalloc.h>

#include "prov_tracefs.h"
#include "sdt_impl.h"

static struct dtk_provider *sdt_prov;
static DEFINE_MUTEX(sdt_lock);
static LIST_HEAD(sdt_probes);
/*
 * Lookups by tracepoint name are hashed: a kernel has thousands of
 * tracepoints, and a linear search per tracepoint at load kept insmod
 * busy for half a minute under emulation (a soft lockup).
 */
#define SDT_HASH_BITS	10
static DEFINE_HASHTABLE(sdt_probe_hash, SDT_HASH_BITS);

static u32 sdt_hash(const char *name)
{
	return full_name_hash(NULL, name, strlen(name));
}

/* Tracepoint name -> subsystem, from tracefs events/<system>/<event>. */
struct sdt_sys {
	struct hlist_node	ss_hash;	/* sdt_sys_hash, by event */
	char			*ss_sys;
	char			ss_event[];
};
static DEFINE_HASHTABLE(sdt_sys_hash, SDT_HASH_BITS);

struct sdt_find {
	const char		*sf_name;
	struct tracepoint	*sf_tp;
};

static void sdt_find_one(struct tracepoint *tp, void *priv)
{
	struct sdt_find *sf = priv;

	if (!sf->sf_tp && strcmp(tp->name, sf->sf_name) == 0)
		sf->sf_tp = tp;
}

struct tracepoint *sdt_tp_find(const char *name)
{
	struct sdt_find sf = { .sf_name = name };

	for_each_kernel_tracepoint(sdt_find_one, &sf);
	return sf.sf_tp;
}

/* --- subsystem names from tracefs --- */

struct sdt_sysdir {
	struct list_head	sd_link;
	char			sd_name[];
};

static int sdt_add_dir(struct list_head *list, const char *name)
{
	struct sdt_sysdir *sd = kmalloc(sizeof(*sd) + strlen(name) + 1,
					GFP_KERNEL);

	if (!sd)
		return -ENOMEM;
	strcpy(sd->sd_name, name);
	list_add_tail(&sd->sd_link, list);
	return 0;
}

static int sdt_dir_cb(void *priv, const char *name)
{
	return sdt_add_dir(priv, name);
}

static void sdt_dirs_free(struct list_head *list)
{
	struct sdt_sysdir *sd, *tmp;

	list_for_each_entry_safe(sd, tmp, list, sd_link)
		kfree(sd);
	INIT_LIST_HEAD(list);
}

static void sdt_systems_free(void)
{
	struct hlist_node *tmp;
	struct sdt_sys *ss;
	unsigned int bkt;

	hash_for_each_safe(sdt_sys_hash, bkt, tmp, ss, ss_hash) {
		hash_del(&ss->ss_hash);
		kfree(ss->ss_sys);
		kfree(ss);
	}
}

/* (Re)read events/: which subsystem each event belongs to. */
static void sdt_systems_load(void)
{
	struct vfsmount *mnt = prov_tracefs_mount();
	LIST_HEAD(systems);
	struct sdt_sysdir *sys, *ev;
	char path[NAME_MAX + 8];

	if (IS_ERR(mnt)) {
		pr_warn("no tracefs (%ld): sdt probes have no subsystem\n",
			PTR_ERR(mnt));
		return;
	}
	sdt_systems_free();
	/* Collect first, descend after: no lookups under a locked dir. */
	prov_tracefs_subdirs(mnt, "events", sdt_dir_cb, &systems);
	list_for_each_entry(sys, &systems, sd_link) {
		LIST_HEAD(events);

		snprintf(path, sizeof(path), "events/%s", sys->sd_name);
		prov_tracefs_subdirs(mnt, path, sdt_dir_cb, &events);
		list_for_each_entry(ev, &events, sd_link) {
			struct sdt_sys *ss;

			ss = kmalloc(sizeof(*ss) + strlen(ev->sd_name) + 1,
				     GFP_KERNEL);
			if (!ss)
				break;
			ss->ss_sys = kstrdup(sys->sd_name, GFP_KERNEL);
			if (!ss->ss_sys) {
				kfree(ss);
				break;
			}
			strcpy(ss->ss_event, ev->sd_name);
			hash_add(sdt_sys_hash, &ss->ss_hash,
				 sdt_hash(ss->ss_event));
		}
		sdt_dirs_free(&events);
	}
	sdt_dirs_free(&systems);
	prov_tracefs_umount(mnt);
}

static const char *sdt_system_of(const char *event)
{
	struct sdt_sys *ss;

	hash_for_each_possible(sdt_sys_hash, ss, ss_hash, sdt_hash(event))
		if (strcmp(ss->ss_event, event) == 0)
			return ss->ss_sys;
	return "";
}

/* --- finding probes --- */

static struct sdt_probe *sdt_probe_find(const char *mod, const char *name)
{
	struct sdt_probe *sp;

	hash_for_each_possible(sdt_probe_hash, sp, sp_hash, sdt_hash(name))
		if (strcmp(sp->sp_modname, mod) == 0 &&
		    strcmp(sp->sp_tp_name, name) == 0)
			return sp;
	return NULL;
}

/* --- arities --- */

/* A module's tracepoint's, from the kernel's raw tracepoint table. */
static int sdt_mod_nargs(struct module *mod, struct tracepoint *tp)
{
#ifdef CONFIG_BPF_EVENTS
	unsigned int i;

	for (i = 0; i < mod->num_bpf_raw_events; i++)
		if (mod->bpf_raw_events[i].tp == tp)
			return mod->bpf_raw_events[i].num_args;
#endif
	return SDT_NARGS_UNKNOWN;
}

/* Bytes of kind-specific data after a BTF type record; -1: unknown kind. */
static long sdt_btf_extra(const struct btf_type *t)
{
	u32 vlen = btf_type_vlen(t);

	switch (btf_kind(t)) {
	case BTF_KIND_INT:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		return 4;
	case BTF_KIND_ARRAY:
		return sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return vlen * sizeof(struct btf_member);
	case BTF_KIND_ENUM:
		return vlen * sizeof(struct btf_enum);
	case BTF_KIND_FUNC_PROTO:
		return vlen * sizeof(struct btf_param);
	case BTF_KIND_DATASEC:
		return vlen * sizeof(struct btf_var_secinfo);
	case BTF_KIND_ENUM64:
		return vlen * sizeof(struct btf_enum64);
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		return 0;
	}
	return -1;
}

/*
 * Index the type records of a BTF blob (already checked to hold them):
 * (*offsp)[id] is the offset of type id's record; returns the number of
 * ids (void, id 0, included), or a negative errno.
 */
static long sdt_btf_index(const char *data, u32 off, u32 end, u32 **offsp)
{
	u32 *offs = NULL, o;
	long n, pass;
	long extra;

	for (pass = 0; pass < 2; pass++) {
		n = 1;
		for (o = off; o + sizeof(struct btf_type) <= end; n++) {
			extra = sdt_btf_extra((const void *)(data + o));
			if (extra < 0)
				return -EINVAL;
			if (offs)
				offs[n] = o;
			o += sizeof(struct btf_type) + extra;
		}
		if (o != end)
			return -EINVAL;
		if (!offs) {
			offs = kvmalloc_array(n, sizeof(*offs), GFP_KERNEL);
			if (!offs)
				return -ENOMEM;
		}
	}
	*offsp = offs;
	return n;
}

/*
 * The core kernel's arities from its BTF: for each typedef
 * btf_trace_<name> -> pointer -> function prototype, the parameters but
 * the first.
 */
static int sdt_btf_nargs(const char *data, size_t len)
{
	const struct btf_header *h = (const void *)data;
	const struct btf_type *t, *p;
	const char *strs, *name;
	struct sdt_probe *sp;
	u32 *offs, toff;
	long n, id;
	int found = 0;

	if (len < sizeof(*h) || len > U32_MAX / 2 || h->magic != BTF_MAGIC ||
	    h->hdr_len < sizeof(*h) || h->hdr_len > len ||
	    (u64)h->type_off + h->type_len > len - h->hdr_len ||
	    (u64)h->str_off + h->str_len > len - h->hdr_len ||
	    h->str_len == 0 || data[h->hdr_len + h->str_off + h->str_len - 1])
		return -EINVAL;
	strs = data + h->hdr_len + h->str_off;
	toff = h->hdr_len + h->type_off;
	n = sdt_btf_index(data, toff, toff + h->type_len, &offs);
	if (n < 0)
		return n;
	for (id = 1; id < n; id++) {
		t = (const void *)(data + offs[id]);
		if (btf_kind(t) != BTF_KIND_TYPEDEF || t->name_off >= h->str_len)
			continue;
		name = strs + t->name_off;
		if (!str_has_prefix(name, "btf_trace_"))
			continue;
		if (!t->type || t->type >= n)
			continue;
		p = (const void *)(data + offs[t->type]);
		if (btf_kind(p) != BTF_KIND_PTR || !p->type || p->type >= n)
			continue;
		p = (const void *)(data + offs[p->type]);
		if (btf_kind(p) != BTF_KIND_FUNC_PROTO || !btf_type_vlen(p))
			continue;
		sp = sdt_probe_find("vmlinux", name + strlen("btf_trace_"));
		if (sp) {
			sp->sp_nargs = btf_type_vlen(p) - 1;
			found++;
		}
	}
	kvfree(offs);
	return found;
}

/*
 * Once: the core kernel's arities; sdt_lock held.  A read cut short (the
 * consumer killed, memory short) is tried again at the next enable.
 */
static void sdt_core_nargs(void)
{
	static bool done;
	struct vfsmount *mnt;
	size_t len;
	char *data;
	int ret;

	if (done)
		return;
	mnt = prov_sysfs_mount();
	if (IS_ERR(mnt)) {
		ret = PTR_ERR(mnt);
		goto fail;
	}
	ret = prov_tracefs_read(mnt, "kernel/btf/vmlinux", &data, &len);
	prov_tracefs_umount(mnt);
	if (ret)
		goto fail;
	ret = sdt_btf_nargs(data, len);
	kvfree(data);
	if (ret >= 0) {
		done = true;
		return;
	}
fail:
	if (ret == -EINTR || ret == -ENOMEM)
		return;
	done = true;
	pr_warn("no BTF for the kernel's tracepoints (%d): sdt probes get arg0..arg4 only\n",
		ret);
}

/* --- probes --- */

/* Give a tracepoint its probe, or bring back the probe it had. */
static void sdt_probe_add(struct tracepoint *tp, struct module *mod)
{
	const char *modname = mod ? mod->name : "vmlinux";
	struct sdt_probe *sp;

	cond_resched();
	sp = sdt_probe_find(modname, tp->name);
	if (sp) {
		WRITE_ONCE(sp->sp_tp, tp);
		sp->sp_mod = mod;
		if (mod)
			sp->sp_nargs = sdt_mod_nargs(mod, tp);
		return;
	}
	sp = kzalloc(sizeof(*sp), GFP_KERNEL);
	if (!sp)
		return;
	strscpy(sp->sp_modname, modname, sizeof(sp->sp_modname));
	sp->sp_tp_name = kstrdup(tp->name, GFP_KERNEL);
	if (!sp->sp_tp_name) {
		kfree(sp);
		return;
	}
	sp->sp_tp = tp;
	sp->sp_mod = mod;
	sp->sp_nargs = mod ? sdt_mod_nargs(mod, tp) : SDT_NARGS_UNKNOWN;
	sp->sp_id = dtk_probe_create(sdt_prov, modname,
				     sdt_system_of(tp->name), tp->name, 0, sp);
	if (!sp->sp_id) {
		kfree(sp->sp_tp_name);
		kfree(sp);
		return;
	}
	list_add_tail(&sp->sp_link, &sdt_probes);
	hash_add(sdt_probe_hash, &sp->sp_hash, sdt_hash(sp->sp_tp_name));
}

static void sdt_core_one(struct tracepoint *tp, void *priv)
{
	sdt_probe_add(tp, NULL);
}

static int sdt_module_notify(struct notifier_block *nb, unsigned long val,
			     void *data)
{
	struct tp_module *tpm = data;
	struct module *mod = tpm->mod;
	struct tracepoint *tp;
	struct sdt_probe *sp;
	unsigned int i;

	if (mod == THIS_MODULE)
		return NOTIFY_OK;
	mutex_lock(&sdt_lock);
	if (val == MODULE_STATE_COMING && sdt_prov) {
		/* Its events may be new to tracefs since events/ was read. */
		for (i = 0; i < mod->num_tracepoints; i++) {
			tp = tracepoint_ptr_deref(&mod->tracepoints_ptrs[i]);
			if (!sdt_system_of(tp->name)[0]) {
				sdt_systems_load();
				break;
			}
		}
		for (i = 0; i < mod->num_tracepoints; i++)
			sdt_probe_add(tracepoint_ptr_deref(&mod->tracepoints_ptrs[i]),
				      mod);
	} else if (val == MODULE_STATE_GOING) {
		list_for_each_entry(sp, &sdt_probes, sp_link) {
			if (sp->sp_mod != mod)
				continue;
			/* An enabled probe holds the module: none here. */
			WARN_ON_ONCE(sp->sp_enabled);
			WRITE_ONCE(sp->sp_tp, NULL);
			sp->sp_mod = NULL;
		}
	}
	mutex_unlock(&sdt_lock);
	return NOTIFY_OK;
}

static struct notifier_block sdt_module_nb = {
	.notifier_call = sdt_module_notify,
};

static int sdt_enable(void *priv, dtk_id_t id, void *parg)
{
	struct sdt_probe *sp = parg;
	int ret;

	mutex_lock(&sdt_lock);
	if (!sp->sp_tp) {
		ret = -ENOENT;		/* its module is gone */
		goto out;
	}
	if (sp->sp_mod && !try_module_get(sp->sp_mod)) {
		ret = -ENOENT;
		goto out;
	}
	sdt_core_nargs();
	if (sp->sp_nargs == SDT_NARGS_UNKNOWN)
		sp->sp_cb = sdt_cbs[5];
	else
		sp->sp_cb = sdt_cbs[min(sp->sp_nargs, DTK_NARGS)];
	ret = tracepoint_probe_register(sp->sp_tp, sp->sp_cb, sp);
	if (ret) {
		if (sp->sp_mod)
			module_put(sp->sp_mod);
		goto out;
	}
	sp->sp_enabled = true;
out:
	mutex_unlock(&sdt_lock);
	return ret;
}

static void sdt_disable(void *priv, dtk_id_t id, void *parg)
{
	struct sdt_probe *sp = parg;

	mutex_lock(&sdt_lock);
	if (sp->sp_enabled) {
		tracepoint_probe_unregister(sp->sp_tp, sp->sp_cb, sp);
		/* No callback is still running past this point. */
		tracepoint_synchronize_unregister();
		if (sp->sp_mod)
			module_put(sp->sp_mod);
		sp->sp_enabled = false;
	}
	mutex_unlock(&sdt_lock);
}

static const struct dtk_pops sdt_pops = {
	.dpo_enable	= sdt_enable,
	.dpo_disable	= sdt_disable,
};

int sdt_prov_init(void)
{
	int ret;

	ret = dtk_provider_register("sdt", &sdt_pops, NULL, &sdt_prov);
	if (ret)
		return ret;
	mutex_lock(&sdt_lock);
	sdt_systems_load();
	for_each_kernel_tracepoint(sdt_core_one, NULL);
	mutex_unlock(&sdt_lock);
	ret = register_tracepoint_module_notifier(&sdt_module_nb);
	if (ret) {
		sdt_prov_exit();
		return ret;
	}
	return 0;
}

void sdt_prov_exit(void)
{
	struct sdt_probe *sp, *tmp;

	unregister_tracepoint_module_notifier(&sdt_module_nb);
	dtk_provider_unregister(sdt_prov);
	mutex_lock(&sdt_lock);
	list_for_each_entry_safe(sp, tmp, &sdt_probes, sp_link) {
		hash_del(&sp->sp_hash);
		kfree(sp->sp_tp_name);
		kfree(sp);
	}
	INIT_LIST_HEAD(&sdt_probes);
	sdt_systems_free();
	sdt_prov = NULL;
	mutex_unlock(&sdt_lock);
}
