/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * fileinfo_t, DTrace's description of an open file (its io provider's
 * third argument), translated from the kernel's struct file (its types
 * from the running kernel's BTF): xlate <fileinfo_t *> (args[0]) at
 * fbt::vfs_read:entry, and fds[fd], the current process's descriptor fd.
 *
 * fi_pathname is d_path() of the file, relative to the process's root as
 * the kernel's own d_path() gives it ("<none>" for no file, as DTrace
 * says); fi_name is the file's own name (its dentry's, which stays right
 * for a file open under a name since renamed only as far as the dentry
 * follows it); fi_dirname is the pathname without the name.  fi_fs is the
 * file system's type name ("ext4", "tmpfs").  fi_mount is the name of
 * the directory the file system is mounted on, or "/" for the root of the
 * mount tree: a mount point's whole path would need a d_path() of a
 * mount and dentry pair that no kernel structure holds side by side, and
 * D has no loop to walk it.  fi_offset is the file position, fi_oflags
 * the open flags (O_* as open(2) takes them, plus the kernel's own
 * FMODE-free f_flags bits).
 *
 * fds[fd] walks current->files->fdt->fd[fd] with safe loads, checked
 * against the table's max_fds (getf(), dif/dif_subr.c): a descriptor that
 * is not open is the "<none>" file.
 */
#pragma D depends_on module vmlinux

typedef struct fileinfo {
	string fi_name;			/* the file's name */
	string fi_dirname;		/* the directory it is in */
	string fi_pathname;		/* its whole path */
	int64_t fi_offset;		/* the file position */
	string fi_fs;			/* the file system's type */
	string fi_mount;		/* where it is mounted (see above) */
	int fi_oflags;			/* the open flags */
} fileinfo_t;

translator fileinfo_t < struct file *F > {
	fi_name = F == 0 ? "<none>" :
	    stringof(F->f_path.dentry->d_name.name);
	fi_dirname = F == 0 ? "<none>" : dirname(d_path(&F->f_path));
	fi_pathname = F == 0 ? "<none>" : d_path(&F->f_path);
	fi_offset = F == 0 ? -1 : F->f_pos;
	fi_fs = F == 0 ? "<none>" :
	    stringof(F->f_path.mnt->mnt_sb->s_type->name);
	fi_mount = F == 0 ? "<none>" :
	    ((struct mount *)((char *)F->f_path.mnt -
	    offsetof(struct mount, mnt)))->mnt_parent ==
	    (struct mount *)((char *)F->f_path.mnt -
	    offsetof(struct mount, mnt)) ? "/" :
	    stringof(((struct mount *)((char *)F->f_path.mnt -
	    offsetof(struct mount, mnt)))->mnt_mountpoint->d_name.name);
	fi_oflags = F == 0 ? 0 : F->f_flags;
};

inline fileinfo_t fds[int fd] = xlate <fileinfo_t> (
    (struct file *)getf(fd));
