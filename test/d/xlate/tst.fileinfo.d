/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: fileinfo_t (translators/io.d) from a struct file, every
 * member, and fds[], the array inline of the current process's
 * descriptors (its expression checked at each use with the index in
 * place of its parameter).
 */
fbt::vfs_read:entry
{
	printf("%s %s %s %d %s %s %x\n",
	    xlate <fileinfo_t *> (args[0])->fi_pathname,
	    xlate <fileinfo_t *> (args[0])->fi_name,
	    xlate <fileinfo_t *> (args[0])->fi_dirname,
	    xlate <fileinfo_t *> (args[0])->fi_offset,
	    xlate <fileinfo_t *> (args[0])->fi_fs,
	    xlate <fileinfo_t *> (args[0])->fi_mount,
	    xlate <fileinfo_t *> (args[0])->fi_oflags);
}

syscall::read:entry
{
	printf("%s %s\n", fds[arg0].fi_pathname, fds[0].fi_name);
}
