// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The probe framework: providers, the probe table, probe descriptions and
 * their glob matching, and attaching ECBs to probes.
 *
 * Theory.  A provider (providers/, through kernel/dtk_provider.h) registers
 * a name and an ops table, then creates probes.  A probe is named
 * provider:module:function:name and numbered by a probe id, 1, 2, ... in
 * creation order, never reused while the module is loaded (ids are what
 * consumers and the ERROR probe report).  All probes live in one table
 * indexed by id:
 *
 *     dtk_ptab ──► +--------+--------+--------+-----+
 *     (RCU)        | id 1   | id 2   | id 3   | ... |  struct dtk_probe *
 *                  +---│----+--------+--------+-----+
 *                      ▼
 *                  dtk_probe: names, provider, provider's arg,
 *                  dpr_ecb ──► ECB ──► ECB ──► NULL   (one per enabled
 *                                                      statement, any state)
 *
 * Process context changes the table and the ECB chains under dtk_lock;
 * probe context (kernel/dtk_probe.c) reads them with interrupts disabled,
 * which is an RCU read-side critical section.  So a writer publishes a
 * fully built object with rcu_assign_pointer() and frees what it unlinked
 * only after synchronize_rcu(); a grown table replaces the old one the
 * same way.  A probe is armed (the provider's enable op) when its first ECB
 * is attached and disarmed when its last one goes.
 *
 * Lock order (see dtk_impl.h): state lock, dtk_provider_lock, dtk_lock.
 * A provider's provide op runs under dtk_provider_lock only, so it may
 * create probes (which takes dtk_lock); its enable and disable ops run
 * under dtk_lock and must not create probes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/slab.h>
#include <linux/string.h>

#include "dtk_impl.h"

DEFINE_MUTEX(dtk_provider_lock);
DEFINE_MUTEX(dtk_lock);
struct dtk_ptab __rcu *dtk_ptab;
static LIST_HEAD(dtk_providers);

static struct dtk_ptab *dtk_ptab_locked(void)
{
	return rcu_dereference_protected(dtk_ptab, lockdep_is_held(&dtk_lock));
}

struct dtk_probe *dtk_probe_byid(dtk_id_t id)
{
	struct dtk_ptab *pt = dtk_ptab_locked();

	lockdep_assert_held(&dtk_lock);
	if (!pt || id == DTRACE_IDNONE || id > pt->dpt_n)
		return NULL;
	return pt->dpt_probes[id - 1];
}

/*
 * DTrace's probe-description globs: '*' any string, '?' any character,
 * "[...]" a set (with ranges and a leading '!' for its complement), '\'
 * quotes the next character.  An empty pattern matches anything.
 */
static bool dtk_gmatch(const char *s, const char *p)
{
	const char *star_p = NULL, *star_s = NULL;

	for (;;) {
		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (*s == '\0') {
			if (*p == '\0')
				return true;
			goto backtrack;
		}
		if (*p == '?') {
			p++;
			s++;
			continue;
		}
		if (*p == '[') {
			const char *q = p + 1;
			bool neg = false, hit = false;

			if (*q == '!') {
				neg = true;
				q++;
			}
			while (*q && (*q != ']' || q == p + 1 + neg)) {
				char lo = *q, hi = *q;

				if (q[1] == '-' && q[2] && q[2] != ']') {
					hi = q[2];
					q += 2;
				}
				if (*s >= lo && *s <= hi)
					hit = true;
				q++;
			}
			if (*q != ']' || hit == neg)
				goto backtrack;
			p = q + 1;
			s++;
			continue;
		}
		if (*p == '\\' && p[1])
			p++;
		if (*p == *s) {
			p++;
			s++;
			continue;
		}
backtrack:
		if (!star_p || *star_s == '\0')
			return false;
		p = star_p;
		s = ++star_s;
	}
}

static bool dtk_part_match(const char *pat, const char *s)
{
	return pat[0] == '\0' || dtk_gmatch(s, pat);
}

bool dtk_probe_match(const struct dtrace_probedesc *pat,
		     const struct dtk_probe *prb)
{
	const struct dtk_pops *ops = prb->dpr_prov->dpv_ops;

	return dtk_part_match(pat->dpd_provider, prb->dpr_prov->dpv_name) &&
	       dtk_part_match(pat->dpd_mod, prb->dpr_mod) &&
	       dtk_part_match(pat->dpd_func, prb->dpr_func) &&
	       dtk_part_match(pat->dpd_name, prb->dpr_name) &&
	       (!ops->dpo_present || ops->dpo_present(prb->dpr_prov->dpv_priv,
						      prb->dpr_id, prb->dpr_arg));
}

void dtk_probe_describe(const struct dtk_probe *prb,
			struct dtrace_probedesc *pd)
{
	memset(pd, 0, sizeof(*pd));
	pd->dpd_id = prb->dpr_id;
	strscpy(pd->dpd_provider, prb->dpr_prov->dpv_name,
		sizeof(pd->dpd_provider));
	strscpy(pd->dpd_mod, prb->dpr_mod, sizeof(pd->dpd_mod));
	strscpy(pd->dpd_func, prb->dpr_func, sizeof(pd->dpd_func));
	strscpy(pd->dpd_name, prb->dpr_name, sizeof(pd->dpd_name));
}

/* Every description part must be NUL-terminated within its array. */
static bool dtk_desc_valid(const struct dtrace_probedesc *pd)
{
	return !pd->dpd_pad0 &&
	       memchr(pd->dpd_provider, 0, sizeof(pd->dpd_provider)) &&
	       memchr(pd->dpd_mod, 0, sizeof(pd->dpd_mod)) &&
	       memchr(pd->dpd_func, 0, sizeof(pd->dpd_func)) &&
	       memchr(pd->dpd_name, 0, sizeof(pd->dpd_name));
}

/* Ask every provider to create the probes that desc might name. */
void dtk_provide_all(const struct dtrace_probedesc *desc)
{
	struct dtk_provider *prov;

	lockdep_assert_held(&dtk_provider_lock);
	list_for_each_entry(prov, &dtk_providers, dpv_link) {
		if (!prov->dpv_ops->dpo_provide)
			continue;
		if (desc && !dtk_part_match(desc->dpd_provider, prov->dpv_name))
			continue;
		prov->dpv_ops->dpo_provide(prov->dpv_priv, desc);
	}
}

/* Let every provider apply its batched enables and disables. */
int dtk_providers_commit(void)
{
	struct dtk_provider *prov;
	int ret = 0, err;

	lockdep_assert_held(&dtk_lock);
	list_for_each_entry(prov, &dtk_providers, dpv_link) {
		if (!prov->dpv_ops->dpo_commit)
			continue;
		err = prov->dpv_ops->dpo_commit(prov->dpv_priv);
		if (err && !ret)
			ret = err;
	}
	return ret;
}

int dtk_probe_list(struct dtrace_ioc_probes *dp)
{
	struct dtk_ptab *pt;
	dtk_id_t id;
	int ret = -ENOENT;

	if (!dtk_desc_valid(&dp->dp_match))
		return -EINVAL;
	memset(&dp->dp_probe, 0, sizeof(dp->dp_probe));

	mutex_lock(&dtk_provider_lock);
	if (dp->dp_match.dpd_id <= 1)
		dtk_provide_all(&dp->dp_match);
	mutex_lock(&dtk_lock);
	pt = dtk_ptab_locked();
	for (id = max_t(u32, dp->dp_match.dpd_id, 1); pt && id <= pt->dpt_n; id++) {
		struct dtk_probe *prb = pt->dpt_probes[id - 1];

		if (prb && dtk_probe_match(&dp->dp_match, prb)) {
			dtk_probe_describe(prb, &dp->dp_probe);
			ret = 0;
			break;
		}
	}
	mutex_unlock(&dtk_lock);
	mutex_unlock(&dtk_provider_lock);
	return ret;
}

int dtk_provider_register(const char *name, const struct dtk_pops *ops,
			  void *priv, struct dtk_provider **provp)
{
	struct dtk_provider *prov, *p;

	if (!name[0] || strlen(name) >= DTRACE_PROVNAMELEN)
		return -EINVAL;
	prov = kzalloc(sizeof(*prov), GFP_KERNEL);
	if (!prov)
		return -ENOMEM;
	strscpy(prov->dpv_name, name, sizeof(prov->dpv_name));
	prov->dpv_ops = ops;
	prov->dpv_priv = priv;

	mutex_lock(&dtk_provider_lock);
	mutex_lock(&dtk_lock);
	list_for_each_entry(p, &dtk_providers, dpv_link) {
		if (strcmp(p->dpv_name, name) == 0) {
			mutex_unlock(&dtk_lock);
			mutex_unlock(&dtk_provider_lock);
			kfree(prov);
			return -EEXIST;
		}
	}
	list_add_tail(&prov->dpv_link, &dtk_providers);
	mutex_unlock(&dtk_lock);
	mutex_unlock(&dtk_provider_lock);
	*provp = prov;
	return 0;
}

static void dtk_probe_free(struct dtk_probe *prb)
{
	kfree(prb->dpr_mod);
	kfree(prb->dpr_func);
	kfree(prb->dpr_name);
	kfree(prb);
}

int dtk_provider_unregister(struct dtk_provider *prov)
{
	struct dtk_probe **gone;
	struct dtk_ptab *pt;
	u32 i, n = 0;

	mutex_lock(&dtk_provider_lock);
	mutex_lock(&dtk_lock);
	if (prov->dpv_nenabled) {
		mutex_unlock(&dtk_lock);
		mutex_unlock(&dtk_provider_lock);
		return -EBUSY;
	}
	pt = dtk_ptab_locked();
	/*
	 * Unlink every probe, wait for probe context once, then free: one
	 * grace period for the provider, not one per probe (fbt has tens of
	 * thousands).  Without memory for the list, one per probe.
	 */
	gone = pt ? kvmalloc_array(pt->dpt_n, sizeof(*gone), GFP_KERNEL) : NULL;
	for (i = 0; pt && i < pt->dpt_n; i++) {
		struct dtk_probe *prb = pt->dpt_probes[i];

		if (!prb || prb->dpr_prov != prov)
			continue;
		WRITE_ONCE(pt->dpt_probes[i], NULL);
		if (gone) {
			gone[n++] = prb;
			continue;
		}
		if (prov->dpv_ops->dpo_destroy)
			prov->dpv_ops->dpo_destroy(prov->dpv_priv, prb->dpr_id,
						   prb->dpr_arg);
		/* No ECBs: probe context cannot be running it past this. */
		synchronize_rcu();
		dtk_probe_free(prb);
	}
	if (n)
		synchronize_rcu();
	for (i = 0; i < n; i++) {
		if (prov->dpv_ops->dpo_destroy)
			prov->dpv_ops->dpo_destroy(prov->dpv_priv,
						   gone[i]->dpr_id,
						   gone[i]->dpr_arg);
		dtk_probe_free(gone[i]);
	}
	kvfree(gone);
	list_del(&prov->dpv_link);
	mutex_unlock(&dtk_lock);
	mutex_unlock(&dtk_provider_lock);
	kfree(prov);
	return 0;
}

/* Make room for one more probe, publishing a bigger table if needed. */
static struct dtk_ptab *dtk_ptab_grow(void)
{
	struct dtk_ptab *pt = dtk_ptab_locked(), *npt;
	u32 cap;

	if (pt && pt->dpt_n < pt->dpt_cap)
		return pt;
	cap = pt ? pt->dpt_cap * 2 : 256;
	npt = kvzalloc(struct_size(npt, dpt_probes, cap), GFP_KERNEL);
	if (!npt)
		return NULL;
	npt->dpt_cap = cap;
	if (pt) {
		npt->dpt_n = pt->dpt_n;
		memcpy(npt->dpt_probes, pt->dpt_probes,
		       pt->dpt_n * sizeof(pt->dpt_probes[0]));
	}
	rcu_assign_pointer(dtk_ptab, npt);
	if (pt) {
		synchronize_rcu();
		kvfree(pt);
	}
	return npt;
}

dtk_id_t dtk_probe_create(struct dtk_provider *prov, const char *mod,
			  const char *func, const char *name, int aframes,
			  void *parg)
{
	struct dtk_probe *prb;
	struct dtk_ptab *pt;
	dtk_id_t id = DTRACE_IDNONE;

	if (strlen(mod) >= DTRACE_MODNAMELEN ||
	    strlen(func) >= DTRACE_FUNCNAMELEN ||
	    !name[0] || strlen(name) >= DTRACE_NAMELEN)
		return DTRACE_IDNONE;
	prb = kzalloc(sizeof(*prb), GFP_KERNEL);
	if (!prb)
		return DTRACE_IDNONE;
	prb->dpr_prov = prov;
	prb->dpr_mod = kstrdup(mod, GFP_KERNEL);
	prb->dpr_func = kstrdup(func, GFP_KERNEL);
	prb->dpr_name = kstrdup(name, GFP_KERNEL);
	prb->dpr_aframes = aframes;
	prb->dpr_arg = parg;
	if (!prb->dpr_mod || !prb->dpr_func || !prb->dpr_name) {
		dtk_probe_free(prb);
		return DTRACE_IDNONE;
	}

	mutex_lock(&dtk_lock);
	pt = dtk_ptab_grow();
	if (pt) {
		id = pt->dpt_n + 1;
		prb->dpr_id = id;
		rcu_assign_pointer(pt->dpt_probes[id - 1], prb);
		/* Publish the count after the slot it covers. */
		smp_store_release(&pt->dpt_n, id);
	}
	mutex_unlock(&dtk_lock);
	if (id == DTRACE_IDNONE)
		dtk_probe_free(prb);
	return id;
}

dtk_id_t dtk_probe_lookup(struct dtk_provider *prov, const char *mod,
			  const char *func, const char *name)
{
	struct dtk_ptab *pt;
	dtk_id_t id = DTRACE_IDNONE;
	u32 i;

	mutex_lock(&dtk_lock);
	pt = dtk_ptab_locked();
	for (i = 0; pt && i < pt->dpt_n; i++) {
		struct dtk_probe *prb = pt->dpt_probes[i];

		if (prb && prb->dpr_prov == prov &&
		    strcmp(prb->dpr_mod, mod) == 0 &&
		    strcmp(prb->dpr_func, func) == 0 &&
		    strcmp(prb->dpr_name, name) == 0) {
			id = prb->dpr_id;
			break;
		}
	}
	mutex_unlock(&dtk_lock);
	return id;
}

/*
 * Attach a fully built ECB at the end of its probe's chain (so clauses run
 * in program order), arming the probe if it is the first.
 */
int dtk_ecb_attach(struct dtk_ecb *ecb)
{
	struct dtk_probe *prb = ecb->dte_probe;
	struct dtk_provider *prov = prb->dpr_prov;
	struct dtk_ecb __rcu **pp = &prb->dpr_ecb;
	struct dtk_ecb *e;
	int ret;

	lockdep_assert_held(&dtk_lock);
	if (!rcu_access_pointer(prb->dpr_ecb) && prov->dpv_ops->dpo_enable) {
		ret = prov->dpv_ops->dpo_enable(prov->dpv_priv, prb->dpr_id,
						prb->dpr_arg);
		if (ret)
			return ret;
	}
	if (!rcu_access_pointer(prb->dpr_ecb))
		prov->dpv_nenabled++;
	ecb->dte_first = true;
	while ((e = rcu_dereference_protected(*pp, lockdep_is_held(&dtk_lock)))) {
		if (e->dte_state == ecb->dte_state)
			ecb->dte_first = false;
		pp = &e->dte_next;
	}
	RCU_INIT_POINTER(ecb->dte_next, NULL);
	rcu_assign_pointer(*pp, ecb);
	return 0;
}

/*
 * Unlink an ECB from its probe, disarming the probe if it was the last.
 * The caller frees the ECB only after synchronize_rcu().
 */
void dtk_ecb_detach(struct dtk_ecb *ecb)
{
	struct dtk_probe *prb = ecb->dte_probe;
	struct dtk_provider *prov = prb->dpr_prov;
	struct dtk_ecb __rcu **pp = &prb->dpr_ecb;
	struct dtk_ecb *e;

	lockdep_assert_held(&dtk_lock);
	while ((e = rcu_dereference_protected(*pp, lockdep_is_held(&dtk_lock)))) {
		if (e == ecb) {
			rcu_assign_pointer(*pp, rcu_dereference_protected(
				e->dte_next, lockdep_is_held(&dtk_lock)));
			break;
		}
		pp = &e->dte_next;
	}
	if (!rcu_access_pointer(prb->dpr_ecb)) {
		if (prov->dpv_ops->dpo_disable)
			prov->dpv_ops->dpo_disable(prov->dpv_priv, prb->dpr_id,
						   prb->dpr_arg);
		prov->dpv_nenabled--;
	}
}

void dtk_probes_exit(void)
{
	struct dtk_ptab *pt;

	mutex_lock(&dtk_lock);
	pt = dtk_ptab_locked();
	RCU_INIT_POINTER(dtk_ptab, NULL);
	mutex_unlock(&dtk_lock);
	/* Providers are gone, so every slot is empty. */
	kvfree(pt);
}
