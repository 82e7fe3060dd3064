/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The process model of D on Linux: psinfo_t and lwpsinfo_t, the shapes
 * DTrace's procfs.d gives them, translated from struct task_struct (the
 * kernel's types, from the running kernel's BTF), and the inlines
 * curpsinfo and curlwpsinfo (and curcpu's cpuinfo_t).
 *
 * A Linux process is a thread group: psinfo_t describes the group (its
 * leader's pid, the tgid), lwpsinfo_t the thread (pr_lwpid is the
 * thread's id).  Fields Linux has no equivalent for are constants: no
 * projects, tasks, pools, zones or contracts (0); no processor sets or
 * bindings (-1).  The members no translator fills are refused by the
 * compiler where they are used (D_XLATE_NOCONV): in psinfo_t pr_rssize
 * (the RSS counters changed shape between 6.1 and 6.2), pr_pctcpu, pr_pctmem, pr_start, pr_time, pr_ctime (times are structs,
 * which a translator member cannot build yet), pr_argc, pr_argv, pr_envp
 * (Linux keeps no argument vector); in lwpsinfo_t pr_wchan, pr_stype,
 * pr_syscall, pr_oldpri, pr_cpu, pr_pctcpu, pr_start, pr_time.  pr_pri
 * is the kernel's prio (0-139, lower is more urgent, the reverse of
 * Solaris' order); pr_onpro and curcpu->cpu_id are the CPU the thread
 * last ran on (the current one for the current thread).
 *
 * pr_psargs: Linux keeps a process's arguments only in its own memory,
 * NUL-separated between mm->arg_start and mm->arg_end, and D has no loop
 * to join them, so pr_psargs is argv[0] read from that memory with
 * copyinstr() when the task is the current thread (probe context reads
 * only the current process's user memory), and the thread's name (comm)
 * otherwise or when the task has no memory (a kernel thread).  A string
 * not yet resident in memory makes the read fault, as copyinstr() does.
 *
 * Every field named here exists in the BTF of 6.1 and 6.12 (and later)
 * kernels: task_struct's __state, thread_info.cpu, signal->pids[],
 * cred->uid.val, mm->arg_start.
 */
#pragma D depends_on module vmlinux

typedef int taskid_t;
typedef int poolid_t;
typedef int zoneid_t;
typedef int ctid_t;
typedef int psetid_t;
typedef int chipid_t;
typedef int lgrp_id_t;

typedef struct timestruc {
	long tv_sec;
	long tv_nsec;
} timestruc_t;

typedef struct psinfo {
	int pr_nlwp;			/* threads in the process */
	pid_t pr_pid;			/* process id (the thread group) */
	pid_t pr_ppid;			/* its parent's */
	pid_t pr_pgid;			/* process group */
	pid_t pr_sid;			/* session */
	uid_t pr_uid;			/* real user id */
	uid_t pr_euid;			/* effective user id */
	gid_t pr_gid;			/* real group id */
	gid_t pr_egid;			/* effective group id */
	uintptr_t pr_addr;		/* the task_struct */
	size_t pr_size;			/* address space, in Kbytes */
	size_t pr_rssize;		/* resident set, in Kbytes */
	dev_t pr_ttydev;		/* controlling terminal */
	ushort_t pr_pctcpu;
	ushort_t pr_pctmem;
	timestruc_t pr_start;
	timestruc_t pr_time;
	timestruc_t pr_ctime;
	char pr_fname[16];		/* name of the executable (comm) */
	char pr_psargs[80];		/* arguments: see above */
	int pr_wstat;			/* exit status, for a zombie */
	int pr_argc;
	uintptr_t pr_argv;
	uintptr_t pr_envp;
	char pr_dmodel;			/* PR_MODEL_* */
	taskid_t pr_taskid;
	projid_t pr_projid;
	poolid_t pr_poolid;
	zoneid_t pr_zoneid;
	ctid_t pr_contract;
} psinfo_t;

typedef struct lwpsinfo {
	int pr_flag;
	id_t pr_lwpid;			/* thread id */
	uintptr_t pr_addr;		/* the task_struct */
	uintptr_t pr_wchan;
	char pr_stype;
	char pr_state;			/* SRUN, SSLEEP ... */
	char pr_sname;			/* 'R', 'S' ... */
	char pr_nice;			/* nice value */
	short pr_syscall;
	char pr_oldpri;
	char pr_cpu;
	int pr_pri;			/* the kernel's priority (prio) */
	ushort_t pr_pctcpu;
	ushort_t pr_pad;
	timestruc_t pr_start;
	timestruc_t pr_time;
	char pr_clname[8];		/* scheduling class */
	char pr_name[16];		/* thread name (comm) */
	processorid_t pr_onpro;		/* CPU it last ran on */
	processorid_t pr_bindpro;
	psetid_t pr_bindpset;
	int pr_lgrp;
} lwpsinfo_t;

typedef struct cpuinfo {
	processorid_t cpu_id;
	psetid_t cpu_pset;
	chipid_t cpu_chip;
	lgrp_id_t cpu_lgrp;
} cpuinfo_t;

/* Thread states, as DTrace's procfs.d numbers them. */
inline char SSLEEP = 1;
inline char SRUN = 2;
inline char SZOMB = 3;
inline char SSTOP = 4;
inline char SIDL = 5;
inline char SONPROC = 6;
inline char SWAIT = 7;

inline dev_t PRNODEV = 0xffffffff;	/* no controlling terminal */

inline char PR_MODEL_ILP32 = 1;
inline char PR_MODEL_LP64 = 2;

translator psinfo_t < struct task_struct *T > {
	pr_nlwp = T->signal->nr_threads;
	pr_pid = T->tgid;
	pr_ppid = T->real_parent->tgid;
	pr_pgid = T->signal->pids[2]->numbers[0].nr;	/* PIDTYPE_PGID */
	pr_sid = T->signal->pids[3]->numbers[0].nr;	/* PIDTYPE_SID */
	pr_uid = T->cred->uid.val;
	pr_euid = T->cred->euid.val;
	pr_gid = T->cred->gid.val;
	pr_egid = T->cred->egid.val;
	pr_addr = (uintptr_t)T;
	pr_size = T->mm ? T->mm->total_vm * 4 : 0;
	pr_ttydev = T->signal->tty ?				/* tty_devnum() */
	    T->signal->tty->driver->major << 20 |
	    T->signal->tty->driver->minor_start + T->signal->tty->index :
	    PRNODEV;
	pr_fname = T->comm;
	pr_psargs = T == curthread && T->mm ?
	    copyinstr(T->mm->arg_start, 80) : stringof(T->comm);
	pr_wstat = T->exit_code;
	pr_dmodel = T->thread_info.flags & (1 << 29) ?	/* TIF_ADDR32 */
	    PR_MODEL_ILP32 : PR_MODEL_LP64;
	pr_taskid = 0;
	pr_projid = 0;
	pr_poolid = 0;
	pr_zoneid = 0;
	pr_contract = 0;
};

translator lwpsinfo_t < struct task_struct *T > {
	pr_flag = 0;
	pr_lwpid = T->pid;
	pr_addr = (uintptr_t)T;
	pr_state = T->exit_state ? SZOMB : T == curthread ? SONPROC :
	    T->__state == 0 ? SRUN : T->__state & 3 ? SSLEEP :
	    T->__state & 12 ? SSTOP : SWAIT;
	pr_sname = T->exit_state ? 'Z' : T == curthread ? 'O' :
	    T->__state == 0 ? 'R' : T->__state & 3 ? 'S' :
	    T->__state & 12 ? 'T' : 'W';
	pr_nice = T->static_prio - 120;
	pr_pri = T->prio;
	pr_clname = T->policy == 1 || T->policy == 2 ? "RT" :
	    T->policy == 6 ? "DL" : T->policy == 5 ? "IA" : "TS";
	pr_name = T->comm;
	pr_onpro = T->thread_info.cpu;
	pr_bindpro = -1;
	pr_bindpset = -1;
	pr_lgrp = 0;
};

translator cpuinfo_t < struct task_struct *T > {
	cpu_id = T->thread_info.cpu;
	cpu_pset = -1;
	cpu_chip = 0;
	cpu_lgrp = 0;
};

inline psinfo_t *curpsinfo = xlate <psinfo_t *> (curthread);
inline lwpsinfo_t *curlwpsinfo = xlate <lwpsinfo_t *> (curthread);
inline cpuinfo_t *curcpu = xlate <cpuinfo_t *> (curthread);
