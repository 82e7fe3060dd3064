/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the options DTrace has are accepted: the consumer's histogram variants, droptags, stackindent, statusrate, version, evaltime and the ones that mean nothing here.
 */
#pragma D option agghist
#pragma D option aggpack
#pragma D option aggzoom
#pragma D option aggpercpu
#pragma D option droptags
#pragma D option stackindent=4
#pragma D option statusrate=10hz
#pragma D option version=1.6.3
#pragma D option evaltime=main
#pragma D option lazyload
#pragma D option late=static
#pragma D option encoding=utf8
#pragma D option iregs=8
#pragma D option tregs=8
#pragma D option debug

BEGIN
{
	exit(0);
}
