// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * ioctl_test: the ABI of /dev/dtrace as a consumer meets it, tested from
 * the outside (run inside the VM, as root, with dtrace.ko loaded, by
 * test/kmod/t-ioctl.sh).  It prints TAP.
 *
 * What it holds the module to (include/dtrace/abi.h, kernel/dtrace_dev.c):
 *  - no command but the handshake works before the handshake (-EPROTO);
 *  - the handshake answers with the module's ABI version, features, CPU
 *    count and release string, and fills in that half even when it refuses
 *    (-EPROTONOSUPPORT) a wrong version or an unknown required feature;
 *  - nonzero padding is -EINVAL; every bad pointer, for reading or for
 *    writing back, is -EFAULT and never an oops;
 *  - the full command number is the command: another size, direction, type
 *    letter or number is -ENOTTY;
 *  - only CAP_SYS_ADMIN or CAP_PERFMON may open the device, even through a
 *    device node the caller may open (-EPERM), and the node itself is 0600;
 *  - descriptors are independent: each holds a module reference, and one
 *    descriptor's failures or close leave another's alone.
 *
 * The privilege tests run in forked children that give up their uid or
 * their capabilities, and report the errno of their open() as exit status.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <linux/capability.h>

#include <dtrace/abi.h>
#include "tap.h"

#define UNPRIVILEGED_ID	65534		/* nobody / nogroup */
#define OUT_FILL	0xa5		/* marks output fields not yet written */

static const char device[] = DTRACE_DEVICE;

/* The CPU count the module should report: nr_cpu_ids, from sysfs. */
static long possible_cpus(void)
{
	FILE *f = fopen("/sys/devices/system/cpu/possible", "r");
	char buf[256], *tok, *last = NULL;
	size_t n;

	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* An ascending list like "0-1" or "0,2-3": the last id is the highest. */
	for (tok = strtok(buf, ",-\n"); tok; tok = strtok(NULL, ",-\n"))
		last = tok;
	return last ? strtol(last, NULL, 10) + 1 : -1;
}

static int dev_open(void)
{
	int fd = open(device, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		printf("# open %s: %s\n", device, strerror(errno));
	return fd;
}

/* A request from userland: inputs set, outputs filled with a marker. */
static void hs_request(struct dtrace_ioc_handshake *dh, __u32 abi, __u64 required)
{
	memset(dh, OUT_FILL, sizeof(*dh));
	dh->dh_user_abi = abi;
	dh->dh_pad0 = 0;
	dh->dh_user_required = required;
}

/* ioctl's result as 0 or -errno, so a test can compare one number. */
static int ioc(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) == 0 ? 0 : -errno;
}

static int version_string_ok(const struct dtrace_ioc_handshake *dh)
{
	const char *v = dh->dh_module_version;
	size_t n = strnlen(v, sizeof(dh->dh_module_version));

	return n > 0 && n < sizeof(dh->dh_module_version) &&
	       strncmp(v, "dtrace.ko ", 10) == 0;
}

/* The module's half of an answer, whether it accepted or refused. */
static void check_module_half(const struct dtrace_ioc_handshake *dh, const char *what)
{
	is_int(dh->dh_module_abi, DTRACE_ABI_VERSION, "%s: module ABI version returned", what);
	is_int(dh->dh_module_features, DTRACE_FEAT_ALL, "%s: module features returned", what);
	is_int(dh->dh_ncpus, possible_cpus(), "%s: ncpus is the number of possible CPUs", what);
	ok(version_string_ok(dh), "%s: version string is \"dtrace.ko ...\", NUL-terminated", what);
}

/*
 * Before the handshake every other command is -EPROTO.  A command the
 * module does not implement yet is -ENOTTY, which is allowed here; any
 * other answer means the command ran without the handshake.
 */
static void test_before_handshake(int fd)
{
	static const struct {
		unsigned long cmd;
		const char *name;
	} cmds[] = {
		{ DTRACE_IOC_PROBES, "PROBES" },
		{ DTRACE_IOC_ENABLE, "ENABLE" },
		{ DTRACE_IOC_GO, "GO" },
		{ DTRACE_IOC_STATUS, "STATUS" },
		{ DTRACE_IOC_STOP, "STOP" },
		{ DTRACE_IOC_BUFSNAP, "BUFSNAP" },
		{ DTRACE_IOC_EPROBE, "EPROBE" },
	};
	static __u64 arg[4096 / sizeof(__u64)];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		memset(arg, 0, sizeof(arg));
		rc = ioc(fd, cmds[i].cmd, arg);
		if (rc == -ENOTTY)
			printf("# DTRACE_IOC_%s: not implemented by the module yet\n", cmds[i].name);
		ok(rc == -EPROTO || rc == -ENOTTY,
		   "DTRACE_IOC_%s before the handshake is EPROTO (got %s)", cmds[i].name,
		   rc ? strerror(-rc) : "success");
	}
}

static void test_handshake(int fd)
{
	struct dtrace_ioc_handshake dh;

	hs_request(&dh, DTRACE_ABI_VERSION, 0);
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, &dh), 0, "handshake with the right version succeeds");
	check_module_half(&dh, "handshake");
	printf("# module: %.32s, ABI %u, %u CPUs\n", dh.dh_module_version,
	       dh.dh_module_abi, dh.dh_ncpus);
	is_int(dh.dh_user_abi, DTRACE_ABI_VERSION, "handshake leaves the input fields alone");

	hs_request(&dh, DTRACE_ABI_VERSION, DTRACE_FEAT_HANDSHAKE);
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, &dh), 0,
	       "handshake again, requiring a feature the module has, succeeds");

	hs_request(&dh, DTRACE_ABI_VERSION + 1, 0);
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, &dh), -EPROTONOSUPPORT,
	       "a newer user ABI version is refused with EPROTONOSUPPORT");
	check_module_half(&dh, "newer user ABI");

	hs_request(&dh, 0, 0);
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, &dh), -EPROTONOSUPPORT,
	       "user ABI version 0 is refused with EPROTONOSUPPORT");

	hs_request(&dh, DTRACE_ABI_VERSION, 1ULL << 63);
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, &dh), -EPROTONOSUPPORT,
	       "an unknown required feature is refused with EPROTONOSUPPORT");
	check_module_half(&dh, "unknown required feature");

	hs_request(&dh, DTRACE_ABI_VERSION, 0);
	dh.dh_pad0 = 1;
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, &dh), -EINVAL, "nonzero dh_pad0 is EINVAL");
}

static void test_bad_pointers(int fd)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct dtrace_ioc_handshake *dh;
	char *map;

	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, NULL), -EFAULT, "NULL argument is EFAULT");

	/* Two pages: the second is unmapped, the first becomes read-only. */
	map = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!ok(map != MAP_FAILED, "mmap for the bad-pointer tests"))
		return;
	munmap(map + pg, pg);
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, map + pg), -EFAULT, "unmapped argument is EFAULT");

	/* A structure that runs off the end of the mapping. */
	dh = (void *)(map + pg - sizeof(*dh) / 2);
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, dh), -EFAULT,
	       "argument straddling into an unmapped page is EFAULT");

	/* Readable but not writable: the answer cannot be copied out. */
	dh = (void *)map;
	hs_request(dh, DTRACE_ABI_VERSION, 0);
	mprotect(map, pg, PROT_READ);
	is_int(ioc(fd, DTRACE_IOC_HANDSHAKE, dh), -EFAULT, "read-only argument is EFAULT");
	munmap(map, pg);
}

static void test_unknown_commands(int fd)
{
	struct {
		unsigned long cmd;
		const char *what;
	} cmds[] = {
		{ _IOC(_IOC_READ | _IOC_WRITE, DTRACE_IOC_MAGIC, 1, 32),
		  "handshake number with a smaller size" },
		{ _IOC(_IOC_READ | _IOC_WRITE, DTRACE_IOC_MAGIC, 1, 128),
		  "handshake number with a larger size" },
		{ _IOR(DTRACE_IOC_MAGIC, 1, struct dtrace_ioc_handshake),
		  "handshake number, read-only direction" },
		{ _IOW(DTRACE_IOC_MAGIC, 1, struct dtrace_ioc_handshake),
		  "handshake number, write-only direction" },
		{ _IO(DTRACE_IOC_MAGIC, 1), "handshake number, no direction or size" },
		{ _IOWR('E', 1, struct dtrace_ioc_handshake), "handshake with type letter 'E'" },
		{ _IOWR(DTRACE_IOC_MAGIC, 0, struct dtrace_ioc_handshake), "'D' command number 0" },
		{ _IOWR(DTRACE_IOC_MAGIC, 200, struct dtrace_ioc_handshake), "'D' command number 200" },
		{ 0, "command 0" },
		{ TCGETS, "TCGETS" },
	};
	struct dtrace_ioc_handshake dh;
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		hs_request(&dh, DTRACE_ABI_VERSION, 0);
		is_int(ioc(fd, cmds[i].cmd, &dh), -ENOTTY, "%s is ENOTTY", cmds[i].what);
	}
}

/* The module's reference count, as the kernel shows it. */
static long module_refcnt(void)
{
	FILE *f = fopen("/sys/module/dtrace/refcnt", "r");
	long n = -1;

	if (f) {
		if (fscanf(f, "%ld", &n) != 1)
			n = -1;
		fclose(f);
	}
	return n;
}

static void test_two_descriptors(void)
{
	struct dtrace_ioc_handshake dh;
	int fd1, fd2;

	fd1 = dev_open();
	fd2 = dev_open();
	if (!ok(fd1 >= 0 && fd2 >= 0, "two descriptors open at once"))
		goto out;
	is_int(module_refcnt(), 2, "each open descriptor holds a module reference");

	hs_request(&dh, DTRACE_ABI_VERSION, 0);
	is_int(ioc(fd1, DTRACE_IOC_HANDSHAKE, &dh), 0, "first descriptor: handshake succeeds");
	hs_request(&dh, DTRACE_ABI_VERSION + 1, 0);
	is_int(ioc(fd2, DTRACE_IOC_HANDSHAKE, &dh), -EPROTONOSUPPORT,
	       "second descriptor: wrong version refused");
	hs_request(&dh, DTRACE_ABI_VERSION, 0);
	is_int(ioc(fd1, DTRACE_IOC_HANDSHAKE, &dh), 0,
	       "first descriptor unaffected by the second's failure");

	close(fd1);
	fd1 = -1;
	is_int(module_refcnt(), 1, "closing one descriptor drops its reference");
	hs_request(&dh, DTRACE_ABI_VERSION, 0);
	is_int(ioc(fd2, DTRACE_IOC_HANDSHAKE, &dh), 0,
	       "second descriptor works after the first is closed");
out:
	if (fd1 >= 0)
		close(fd1);
	if (fd2 >= 0)
		close(fd2);
	is_int(module_refcnt(), 0, "no references left after both are closed");
}

/* Privilege tests: each runs in a child and reports open()'s errno. */

static int capset_effective(__u64 keep)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data))
		return -1;
	data[0].effective &= (__u32)keep;
	data[1].effective &= (__u32)(keep >> 32);
	data[0].permitted = data[0].effective;
	data[1].permitted = data[1].effective;
	data[0].inheritable = data[1].inheritable = 0;
	return syscall(SYS_capset, &hdr, data) ? -1 : 0;
}

static int become_unprivileged(void)
{
	if (setgroups(0, NULL) || setresgid(UNPRIVILEGED_ID, UNPRIVILEGED_ID, UNPRIVILEGED_ID) ||
	    setresuid(UNPRIVILEGED_ID, UNPRIVILEGED_ID, UNPRIVILEGED_ID))
		return -1;
	/* Changing all uids away from 0 clears the capability sets; check. */
	return capset_effective(0);
}

enum drop { DROP_UID, DROP_ADMIN_CAPS, KEEP_ONLY_PERFMON };

/* 0 if open() worked, its errno if not, 255 if the child could not set up. */
static int open_in_child(const char *path, enum drop drop)
{
	__u64 all = ~0ULL, admin = 1ULL << CAP_SYS_ADMIN, perfmon = 1ULL << CAP_PERFMON;
	int status, rc = 0;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return 255;
	if (pid == 0) {
		switch (drop) {
		case DROP_UID:
			rc = become_unprivileged();
			break;
		case DROP_ADMIN_CAPS:
			rc = capset_effective(all & ~admin & ~perfmon);
			break;
		case KEEP_ONLY_PERFMON:
			rc = capset_effective(perfmon);
			break;
		}
		if (rc)
			_exit(255);
		_exit(open(path, O_RDWR) >= 0 ? 0 : errno);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 255;
	return WEXITSTATUS(status);
}

static void test_privilege(void)
{
	char dir[] = "/tmp/ioctl_test.XXXXXX";
	char node[sizeof(dir) + 16];
	struct stat st;

	if (!ok(stat(device, &st) == 0 && S_ISCHR(st.st_mode), "%s is a character device", device))
		return;
	is_int(st.st_mode & 07777, 0600, "%s has mode 0600", device);
	is_int(st.st_uid, 0, "%s is owned by root", device);

	is_int(open_in_child(device, DROP_UID), EACCES,
	       "unprivileged user cannot open %s (EACCES from its mode)", device);
	is_int(open_in_child(device, DROP_ADMIN_CAPS), EPERM,
	       "root without CAP_SYS_ADMIN and CAP_PERFMON: open is EPERM");
	is_int(open_in_child(device, KEEP_ONLY_PERFMON), 0,
	       "root with only CAP_PERFMON may open");

	/* A second node anyone may open: only the module's check stands. */
	if (!ok(mkdtemp(dir) != NULL && chmod(dir, 0755) == 0,
		"temporary directory for a device node"))
		return;
	snprintf(node, sizeof(node), "%s/dtrace", dir);
	if (ok(mknod(node, S_IFCHR | 0666, st.st_rdev) == 0 && chmod(node, 0666) == 0,
	       "a world-openable node for the same device")) {
		is_int(open_in_child(node, DROP_UID), EPERM,
		       "unprivileged user through a 0666 node: open is EPERM");
		unlink(node);
	}
	rmdir(dir);
}

int main(void)
{
	int fd;

	fd = dev_open();
	if (!ok(fd >= 0, "root opens %s", device))
		return tap_done();
	test_before_handshake(fd);
	test_handshake(fd);
	test_bad_pointers(fd);
	test_unknown_commands(fd);
	close(fd);
	test_two_descriptors();
	test_privilege();
	return tap_done();
}
