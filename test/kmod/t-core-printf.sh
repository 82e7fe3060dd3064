# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# printf() conversions through the module and the consumer, byte for
# byte.  The numeric ones follow printf(3C), so each expected line is
# what C's printf prints for the same format and values (checked with
# gcc on the host): %i %o %X, the flags # 0 - + and space, widths and
# precisions from '*' arguments (a negative '*' width left-aligns), %s
# with a precision, %c of integers, the size modifiers h, l and ll on
# values of those types, signedness taken from the value's type, and
# %e %E %f %g %G of doubles and of a float read through a pointer (D has
# no floating-point arithmetic: a double comes from memory).  The
# D-specific ones as the Dynamic Tracing Guide describes them: %C and %S
# print unprintable characters as C escapes, %a prints a kernel address
# as module`function[+0xoff], %k prints a stack (printa), indented by the
# width of a left-aligned %-Nk and not at all by a plain %k, %Y and %T
# print a time.  What DTrace refuses is refused: %hh (no such
# conversion), %e of an integer, %k of anything but a stack.
. test/kmod/lib.sh

require_dtrace

dtrace_is "%i %o %X and the # flag, as printf(3C)" \
	"-5|10|FF|010|0xff|0XFF|ffffffff" \
	-qn 'BEGIN { printf("%i|%o|%X|%#o|%#x|%#X|%x\n", -5, 8, 255, 8, 255,
	255, -1); exit(0); }'

dtrace_is "the flags 0 - + and space, combined with widths" \
	"00042|42   |+42| 42|  +42|+42  |000ff|0xff  |" \
	-qn 'BEGIN { printf("%05d|%-5d|%+d|% d|%+5d|%-+5d|%05x|%-#6x|\n", 42,
	42, 42, 42, 42, 42, 255, 255); exit(0); }'

dtrace_is "width and precision from '*' arguments, a negative width" \
	"    42|42    |00042|   00042|7   |" \
	-qn 'BEGIN { printf("%*d|%-*d|%.*d|%*.*d|%*d|\n", 6, 42, 6, 42, 5, 42,
	8, 5, 42, -4, 7); exit(0); }'

dtrace_is "%s with precision, width, '*' precision and width" \
	"abc|        ab|ab    |xy|   q|" \
	-qn 'BEGIN { printf("%.3s|%10.2s|%-6s|%.*s|%*s|\n", "abcdef", "abcdef",
	"ab", 2, "xyz", 4, "q"); exit(0); }'

dtrace_is "%c of integer values and character constants, with widths" \
	"DTr|  x|y  |" \
	-qn "BEGIN { printf(\"%c%c%c|%3c|%-3c|\\n\", 68, 0x54, 'r', 'x', 'y');
	exit(0); }"

dtrace_is "size modifiers h, l, ll on values of those types" \
	"-3|ffff|65535|-4|ff|-5|ffffffffffffffff|7|8|ABCDEF" \
	-qn 'BEGIN { printf("%hd|%hx|%hu|%ld|%lx|%lld|%llx|%lu|%llu|%llX\n",
	(short)-3, (unsigned short)-1, (unsigned short)-1, (long)-4, (long)255,
	(long long)-5, (long long)-1, (unsigned long)7,
	(unsigned long long)8, (unsigned long long)0xabcdef); exit(0); }'

dtrace_is "signedness and size from the value's type" \
	"-1|4294967295|ffffffff|-1|377|4294967295" \
	-qn 'BEGIN { printf("%d|%u|%x|%d|%o|%d\n", -1, (unsigned)-1, -1,
	(char)-1, (unsigned char)255, (unsigned)-1); exit(0); }'

dtrace_is "%e %E %f %g %G of doubles and a float in memory" \
	"1.500000e+00|1.500000E+00|1.5|1E-10|1.500000|1.23e+05|     1.500|1.5     |+1.5|123456|1e-10|2.500000" \
	-qn 'BEGIN { this->p = (uint64_t *)alloca(32);
	this->p[0] = 0x3ff8000000000000; this->p[1] = 0x3ddb7cdfd9d7bdbb;
	this->p[2] = 0x40fe240000000000; this->p[3] = 0x40200000;
	this->d = (double *)this->p; this->f = (float *)&this->p[3];
	printf("%e|%E|%g|%G|%f|%.2e|%10.3f|%-8.1f|%+g|%G|%g|%f\n",
	this->d[0], this->d[0], this->d[0], this->d[1], this->d[0],
	this->d[2], this->d[0], this->d[0], this->d[0], this->d[2],
	this->d[1], *this->f); exit(0); }'

dtrace_is "%C and %S: unprintable characters as C escapes" \
	'a|\n|\001|  \t|a\tb\\c\001d|ab' \
	-qn "BEGIN { printf(\"%C|%C|%C|%4C|%S|%.2S\\n\", 'a', '\\n', 1, '\\t',
	\"a\\tb\\\\c\\001d\", \"abcd\"); exit(0); }"

dtrace_is "%a of a kernel function's address, at and past its start" \
	'vmlinux`vfs_read|vmlinux`vfs_read+0x1|    vmlinux`vfs_read|' \
	-qn 'BEGIN { printf("%a|%a|%20a|\n", (uint64_t)&`vfs_read,
	(uint64_t)&`vfs_read + 1, (uint64_t)&`vfs_read); exit(0); }'

# %k of a stack key: BEGIN's stack is the ioctl system call's.
out=$("$DTRACE_BIN" -qn 'BEGIN { @[stack(2)] = count();
	printa("[%k]%@d\n", @); printa("[%-3k]%@d\n", @); exit(0); }' 2>&1)
diag "$out"
want=$(printf '%s\n' "$out" | sed -E 's/[a-z_0-9.]+`[a-z_0-9.]+(\+0x[0-9a-f]+)?$/M`F/')
same "printa %k: a newline, frames unindented; %-3k: 3 columns" "$want" \
'[
M`F
M`F
]1
[
   M`F
   M`F
]1'

out=$("$DTRACE_BIN" -qn 'BEGIN { printf("%Y|%T\n", walltimestamp,
	walltimestamp); exit(0); }' 2>&1)
check "%Y and %T: '$out'" eval '[[ $out =~ ^[0-9]{4}\ [A-Z][a-z]{2}\ [\ 0-9][0-9]\ [0-9]{2}:[0-9]{2}:[0-9]{2}\|[A-Z][a-z]{2},\ [0-9]{2}\ [A-Z][a-z]{2}\ [0-9]{4}\ [0-9:]{8}\ [A-Z]+$ ]]'

# refused WHAT PROGRAM MESSAGE: dtrace fails (status 1) with
# a message that contains MESSAGE.
refused() {
	local out rc
	out=$(timeout 30 "$DTRACE_BIN" -qn "$2" 2>&1)
	rc=$?
	if [ "$rc" -eq 1 ] && grep -qF -- "$3" <<<"$out"; then
		ok "$1"
	else
		not_ok "$1 (status $rc)"
		diag "got:" "$out" "wanted a message with:" "$3"
	fi
}
refused "%hhd is no DTrace conversion" 'BEGIN { printf("%hhd\n", 1); exit(0); }' \
	'format conversion #1 is undefined: %hhd'
refused "%e of an integer is refused" 'BEGIN { printf("%e\n", 1); exit(0); }' \
	'prototype: float, double, or long double'
refused "%k of an integer is refused" 'BEGIN { printf("%k\n", 1); exit(0); }' \
	'prototype: stack'
