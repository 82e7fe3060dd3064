/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/* Reading tracefs (and sysfs) from the module: see providers/prov_tracefs.c. */
#ifndef PROV_TRACEFS_H
#define PROV_TRACEFS_H

#include <linux/types.h>

struct vfsmount;

/*
 * A private mount of tracefs, or of sysfs (the BTF of /sys/kernel/btf), an
 * ERR_PTR on failure; both are released with prov_tracefs_umount().
 */
struct vfsmount *prov_tracefs_mount(void);
struct vfsmount *prov_sysfs_mount(void);
void prov_tracefs_umount(struct vfsmount *mnt);
/*
 * The whole of file path (under mnt, or from the task's root when mnt is
 * NULL), NUL-terminated, in *bufp (kvfree it).
 */
int prov_tracefs_read(struct vfsmount *mnt, const char *path, char **bufp,
		      size_t *lenp);
/* Call fn for each subdirectory of path; a non-zero return stops. */
int prov_tracefs_subdirs(struct vfsmount *mnt, const char *path,
			 int (*fn)(void *priv, const char *name), void *priv);

#endif /* PROV_TRACEFS_H */
