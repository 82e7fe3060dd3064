/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the translator library (translators/procfs.d) is loaded
 * without being asked for, and every member its translators fill
 * compiles against this kernel's BTF, through curpsinfo, curlwpsinfo,
 * curcpu and an explicit xlate of another task.
 */
syscall::getpid:entry
{
	printf("%d %d %d %d %d %d %d %d %d %p %d\n", curpsinfo->pr_nlwp,
	    curpsinfo->pr_pid, curpsinfo->pr_ppid, curpsinfo->pr_pgid,
	    curpsinfo->pr_sid, curpsinfo->pr_uid, curpsinfo->pr_euid,
	    curpsinfo->pr_gid, curpsinfo->pr_egid, curpsinfo->pr_addr,
	    curpsinfo->pr_size);
	printf("%s %s %d %d %d %d %d %d %d\n", curpsinfo->pr_fname,
	    curpsinfo->pr_psargs, curpsinfo->pr_wstat, curpsinfo->pr_dmodel,
	    curpsinfo->pr_taskid, curpsinfo->pr_projid, curpsinfo->pr_poolid,
	    curpsinfo->pr_zoneid, curpsinfo->pr_contract);
	printf("%d %d %p %d %c %d %d %s %s %d %d %d %d\n",
	    curlwpsinfo->pr_flag, curlwpsinfo->pr_lwpid, curlwpsinfo->pr_addr,
	    curlwpsinfo->pr_state, curlwpsinfo->pr_sname, curlwpsinfo->pr_nice,
	    curlwpsinfo->pr_pri, curlwpsinfo->pr_clname, curlwpsinfo->pr_name,
	    curlwpsinfo->pr_onpro, curlwpsinfo->pr_bindpro,
	    curlwpsinfo->pr_bindpset, curlwpsinfo->pr_lgrp);
	printf("%x\n", curpsinfo->pr_ttydev);
	printf("%d %d %d %d\n", curcpu->cpu_id, curcpu->cpu_pset,
	    curcpu->cpu_chip, curcpu->cpu_lgrp);
	printf("%d %s\n", xlate <psinfo_t *> (curthread->real_parent)->pr_pid,
	    xlate <lwpsinfo_t *> (curthread->real_parent)->pr_name);
}

/* The library's constants are inlines too. */
syscall::getpid:entry
/curlwpsinfo->pr_state == SONPROC && curpsinfo->pr_dmodel == PR_MODEL_LP64/
{
	@[curpsinfo->pr_fname] = count();
}
