// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Probe argument types (libtrace/dt_args.c), natively: a syscall entry's
 * from a trace event format (a made-up tracefs under DTRACE_TRACEFS, so
 * the declarations' parsing is checked: qualifiers, pointers to const,
 * typedefs), a syscall return's (long, long), fbt's and sdt's from this
 * machine's BTF (skipped without it), none for dtrace and profile, and
 * the stability attributes -lv prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dtrace/abi.h>
#include "dt_args.h"
#include "dtrace.h"
#include "tap.h"

static dtrace_hdl_t *dtp;

/* "args" of the probe prov:mod:func:name, as -lv prints them. */
static const char *types(const char *prov, const char *mod, const char *func,
			 const char *name)
{
	static char buf[1024];
	struct dtrace_probedesc pd;
	dtrace_probeinfo_t pi;
	int i;

	memset(&pd, 0, sizeof(pd));
	snprintf(pd.dpd_provider, sizeof(pd.dpd_provider), "%s", prov);
	snprintf(pd.dpd_mod, sizeof(pd.dpd_mod), "%s", mod);
	snprintf(pd.dpd_func, sizeof(pd.dpd_func), "%s", func);
	snprintf(pd.dpd_name, sizeof(pd.dpd_name), "%s", name);
	if (dtrace_probe_info(dtp, &pd, &pi) != 0)
		return "(failed)";
	buf[0] = '\0';
	for (i = 0; i < pi.dtp_argc; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
			 i ? "; " : "", pi.dtp_argv[i]);
	return pi.dtp_argc ? buf : "None";
}

static int is(const char *got, const char *want, const char *what)
{
	return ok(strcmp(got, want) == 0, "%s: \"%s\" (want \"%s\")", what,
		  got, want);
}

int main(void)
{
	char dir[] = "/tmp/t_dt_args.XXXXXX", path[256];
	struct dtrace_probedesc pd;
	dtrace_probeinfo_t pi;
	FILE *f;
	int err;

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/events", dir);
	mkdir(path, 0700);
	strcat(path, "/syscalls");
	mkdir(path, 0700);
	strcat(path, "/sys_enter_execve");
	mkdir(path, 0700);
	strcat(path, "/format");
	f = fopen(path, "w");
	fputs("name: sys_enter_execve\nID: 1\nformat:\n"
	      "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
	      "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n"
	      "\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;\n"
	      "\tfield:const char * filename;\toffset:16;\tsize:8;\tsigned:0;\n"
	      "\tfield:const char *const * argv;\toffset:24;\tsize:8;\tsigned:0;\n"
	      "\tfield:unsigned long flags;\toffset:32;\tsize:8;\tsigned:0;\n"
	      "\tfield:size_t len;\toffset:40;\tsize:8;\tsigned:0;\n"
	      "\nprint fmt: \"\"\n", f);
	fclose(f);
	setenv("DTRACE_TRACEFS", dir, 1);

	dtp = dtrace_open(DTRACE_O_NODEV, &err);
	ok(dtp != NULL, "a handle");
	is(types("syscall", "", "execve", "entry"),
	   "const char *; const char *const *; unsigned long; size_t",
	   "syscall entry types from the event format");
	is(types("syscall", "", "nosuchcall", "entry"), "None",
	   "a syscall without an event format has no known types");
	is(types("syscall", "ia32", "read", "return"), "long; long",
	   "syscall return: long, long");
	is(types("dtrace", "", "", "BEGIN"), "None", "dtrace:::BEGIN: none");
	is(types("profile", "", "", "profile-97"), "None", "profile: none");

	memset(&pd, 0, sizeof(pd));
	strcpy(pd.dpd_provider, "fbt");
	strcpy(pd.dpd_mod, "vmlinux");
	strcpy(pd.dpd_func, "do_filp_open");
	strcpy(pd.dpd_name, "entry");
	dtrace_probe_info(dtp, &pd, &pi);
	is(dtrace_stability_name(pi.dtp_attr.dtat_name), "Private",
	   "fbt probe: Private names");
	is(dtrace_class_name(pi.dtp_attr.dtat_class), "Unknown",
	   "fbt probe: Unknown class");
	is(dtrace_class_name(pi.dtp_arga.dtat_class), "ISA",
	   "fbt arguments: ISA class");
	strcpy(pd.dpd_provider, "dtrace");
	dtrace_probe_info(dtp, &pd, &pi);
	is(dtrace_stability_name(pi.dtp_arga.dtat_data), "Stable",
	   "dtrace arguments: Stable data");

	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		printf("ok - # SKIP no BTF for fbt and sdt\n");
	} else {
		is(types("fbt", "vmlinux", "do_filp_open", "entry"),
		   "int; struct filename *; const struct open_flags *",
		   "fbt entry: the BTF prototype");
		is(types("fbt", "vmlinux", "do_filp_open", "return"),
		   "int; struct file *", "fbt return: int, the return type");
		is(types("fbt", "vmlinux", "no_such_function_here", "entry"),
		   "None", "fbt: a function BTF does not know");
		is(types("sdt", "vmlinux", "sched", "sched_process_fork"),
		   "struct task_struct *; struct task_struct *",
		   "sdt: btf_trace_<event> without its __data");
	}
	dtrace_close(dtp);
	unlink(path);
	for (int i = 0; i < 3; i++) {
		*strrchr(path, '/') = '\0';
		rmdir(path);
	}
	rmdir(dir);
	return tap_done();
}
