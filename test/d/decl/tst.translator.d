/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: translator definitions and xlate parse.
 */
struct mine {
	int m_pid;
	string m_name;
};

translator struct mine < struct task_struct *T > {
	m_pid = T->pid;
	m_name = stringof(T->comm);
};

BEGIN
{
	trace(xlate <struct mine *> (curthread)->m_pid);
	trace(xlate <struct mine> (curthread).m_name);
}
