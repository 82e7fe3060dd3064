/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Network constants and address types: address families and IP protocol
 * numbers as Linux numbers them (its uapi linux/socket.h and linux/in.h;
 * AF_INET6 is 10 here, 26 in illumos), and ipaddr_t, an IPv4 address in
 * network byte order, as DTrace names it.  in6_addr_t, the IPv6 one, is
 * the kernel's struct in6_addr (ip.d, which needs the kernel's BTF).
 *
 *	fbt::tcp_v4_connect:entry
 *	/((struct sockaddr_in *)arg1)->sin_family == AF_INET/ { ... }
 */

inline int AF_UNSPEC = 0;
inline int AF_UNIX = 1;
inline int AF_LOCAL = AF_UNIX;
inline int AF_INET = 2;
inline int AF_INET6 = 10;
inline int AF_NETLINK = 16;
inline int AF_PACKET = 17;

inline int PF_UNSPEC = AF_UNSPEC;
inline int PF_UNIX = AF_UNIX;
inline int PF_LOCAL = AF_LOCAL;
inline int PF_INET = AF_INET;
inline int PF_INET6 = AF_INET6;
inline int PF_NETLINK = AF_NETLINK;
inline int PF_PACKET = AF_PACKET;

inline int IPPROTO_IP = 0;
inline int IPPROTO_HOPOPTS = 0;
inline int IPPROTO_ICMP = 1;
inline int IPPROTO_IGMP = 2;
inline int IPPROTO_IPIP = 4;
inline int IPPROTO_TCP = 6;
inline int IPPROTO_EGP = 8;
inline int IPPROTO_PUP = 12;
inline int IPPROTO_UDP = 17;
inline int IPPROTO_IDP = 22;
inline int IPPROTO_TP = 29;
inline int IPPROTO_DCCP = 33;
inline int IPPROTO_IPV6 = 41;
inline int IPPROTO_ROUTING = 43;
inline int IPPROTO_FRAGMENT = 44;
inline int IPPROTO_RSVP = 46;
inline int IPPROTO_GRE = 47;
inline int IPPROTO_ESP = 50;
inline int IPPROTO_AH = 51;
inline int IPPROTO_ICMPV6 = 58;
inline int IPPROTO_NONE = 59;
inline int IPPROTO_DSTOPTS = 60;
inline int IPPROTO_MTP = 92;
inline int IPPROTO_ENCAP = 98;
inline int IPPROTO_PIM = 103;
inline int IPPROTO_COMP = 108;
inline int IPPROTO_SCTP = 132;
inline int IPPROTO_UDPLITE = 136;
inline int IPPROTO_RAW = 255;

typedef uint32_t ipaddr_t;
