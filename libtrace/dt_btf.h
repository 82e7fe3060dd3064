/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * BTF reading and lazy import into libctf (dt_btf.c has the theory).
 */
#ifndef DT_BTF_H
#define DT_BTF_H

#include <stdint.h>
#include <ctf-api.h>

typedef struct dt_btf dt_btf_t;

/* Read and index a BTF file; NULL with *errp set on failure. */
dt_btf_t *dt_btf_open(const char *path, int *errp);
/* A module's split BTF on top of base (which must outlive it). */
dt_btf_t *dt_btf_open_module(const char *path, dt_btf_t *base, int *errp);
void dt_btf_close(dt_btf_t *btf);
uint32_t dt_btf_ntypes(const dt_btf_t *btf);

/* The BTF id of a named type; kind is CTF_K_STRUCT, _UNION, _ENUM, or
 * anything else for typedef and base type names.  0 if none. */
uint32_t dt_btf_lookup(const dt_btf_t *btf, int kind, const char *name);
#define DT_BTF_FUNC	(-1)	/* dt_btf_lookup's kind for functions */
#define DT_BTF_VAR	(-2)	/* ... and for variables */
/*
 * A variable's type id, and whether it is per-CPU (in .data..percpu):
 * 0, or -1 when BTF has no such variable (vmlinux BTF describes only the
 * per-CPU ones).
 */
int dt_btf_var(const dt_btf_t *btf, const char *name, uint32_t *typep,
	       int *percpup);
/* A function's (or a pointer-to-function typedef's) prototype. */
int dt_btf_proto(const dt_btf_t *btf, uint32_t id, uint32_t *retp,
		 uint32_t *params, int max);
const char *dt_btf_type_name(const dt_btf_t *btf, uint32_t id);

/* Import a type (complete) into fp; CTF_ERR with ctf_errno(fp) set. */
ctf_id_t dt_btf_import(dt_btf_t *btf, ctf_dict_t *fp, uint32_t id);
/* Why the last import failed. */
const char *dt_btf_errmsg(const dt_btf_t *btf, ctf_dict_t *fp);
/* Is BTF id a struct or union (for tests that import them all)? */
int dt_btf_kind_is_sou(const dt_btf_t *btf, uint32_t id, const char **namep);

/* The complete struct or union behind a forward dt_btf imported. */
ctf_id_t dt_btf_complete(dt_btf_t *btf, ctf_dict_t *fp, ctf_id_t fwd);

/* D's void in fp (dt_types.c). */
ctf_id_t dt_btf_void(ctf_dict_t *fp);

#endif /* DT_BTF_H */
