# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# fileinfo_t (translators/io.d): xlate <fileinfo_t *> of fbt vfs_read's
# struct file while cat reads a known file on a tmpfs mounted for the
# test (path, name, directory, offset, file system type, mount point
# name, open flags), and fds[], the current process's descriptors: cat's
# stdin redirected from a known file, the file it reads by its number,
# and a descriptor that is not open ("<none>").
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

dir=/tmp/fileinfo.$$
mkdir -p "$dir/mnt"
if ! mount -t tmpfs none "$dir/mnt"; then
	not_ok "a tmpfs mounts for the test"
	exit 0
fi
mkdir -p "$dir/mnt/sub"
echo hello >"$dir/mnt/sub/file"
echo in >"$dir/mnt/in"

oneliner "cat $dir/mnt/sub/file" -q -n 'fbt::vfs_read:entry
	/execname == "cat" && xlate <fileinfo_t *> (args[0])->fi_name == "file"/ {
	printf("%s|%s|%s|%d|%s|%s|%d\n",
	    xlate <fileinfo_t *> (args[0])->fi_pathname,
	    xlate <fileinfo_t *> (args[0])->fi_name,
	    xlate <fileinfo_t *> (args[0])->fi_dirname,
	    xlate <fileinfo_t *> (args[0])->fi_offset,
	    xlate <fileinfo_t *> (args[0])->fi_fs,
	    xlate <fileinfo_t *> (args[0])->fi_mount,
	    xlate <fileinfo_t *> (args[0])->fi_oflags & 3);
}'
same "xlate <fileinfo_t *> (struct file *) at vfs_read" \
	"$(echo "$out" | grep '|' | head -1)" \
	"$dir/mnt/sub/file|file|$dir/mnt/sub|0|tmpfs|mnt|0"

oneliner "cat $dir/mnt/sub/file <$dir/mnt/in" -q -n 'syscall::read:entry
	/execname == "cat" && fds[arg0].fi_name == "file"/ {
	printf("%s|%s|%s|%s\n", fds[arg0].fi_pathname, fds[0].fi_name,
	    fds[0].fi_fs, fds[12345].fi_pathname);
}'
same "fds[] of cat's descriptors" "$(echo "$out" | grep '|' | head -1)" \
	"$dir/mnt/sub/file|in|tmpfs|<none>"

umount "$dir/mnt"
rm -rf "$dir"
