/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an inline is its expression at each use, not a variable: the
 * constant folds to movi, and an inline translation reads the member
 * through the translator inlined with curthread (the -S sample, which
 * holds no kernel offset).
 * @@args: -xnolibs
 */
struct mine {
	int m_one;
	int m_two;
};

translator struct mine < struct task_struct *T > {
	m_one = 1;
	m_two = T == curthread ? 2 : 0;
};

inline int SEVEN = 7;
inline struct mine *curmine = xlate <struct mine *> (curthread);

BEGIN
{
	trace(SEVEN);
	trace(curmine->m_two);
}
