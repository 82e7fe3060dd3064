/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: every DIF subroutine, with its argument counts.
 */
BEGIN
{
	s = "a/b/c";
	p = alloca(10);
	bcopy(p, p, 1);
	x = strlen(s); y = strjoin(s, s); y = substr(s, 1); y = substr(s, 1, 2);
	x = index(s, "b"); x = index(s, "b", 1); x = rindex(s, "b");
	y = strchr(s, "b"); y = strrchr(s, "b"); y = strstr(s, "b");
	y = strtok(s, "/"); y = basename(s); y = dirname(s); y = cleanpath(s);
	y = lltostr(12); y = lltostr(12, 16); y = toupper(s); y = tolower(s);
	x = htons(1); x = htonl(1); x = htonll(1);
	x = ntohs(1); x = ntohl(1); x = ntohll(1);
	y = inet_ntoa(p); y = inet_ntoa6(p); y = inet_ntop(2, p);
	x = progenyof(1); x = rand(); x = strtoll("12"); x = strtoll("12", 8);
	y = copyinstr(arg0); y = copyinstr(arg0, 8); p = copyin(arg0, 8);
	copyinto(arg0, 8, p);
	x = getmajor(1); x = getminor(1);
	y = json(s, "a");
	z = speculation();
}
