# SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
#
# Options and clause-local pointers at run time:
#  - setopt() of an option the module took when tracing started
#    (bufsize, nspec, strsize, ...) fails as in DTrace, with its words on
#    stderr ("Operation illegal when tracing is active"), while setopt()
#    of one the consumer reads as it goes (quiet) still works;
#  - cleanrate outside DTrace's range (200us .. 60s; 0) is clamped into
#    it, not refused, and dynamic variables work at the fastest rate;
#  - stores through an alloca()'d clause-local pointer (this->p[i] = v)
#    write the memory it points to, not the variable: the pointer and
#    the bytes read back after it.
. test/kmod/lib.sh

if [ ! -x "$DTRACE_BIN" ]; then
	not_ok "$DTRACE_BIN is built"
	exit 0
fi

out=$("$DTRACE_BIN" -qn 'BEGIN { setopt("bufsize", "1m"); setopt("nspec", "4");
	setopt("aggsortrev"); printf("dynamic\n"); exit(0); }' 2>&1 |
	sed 's/ID [0-9]*/ID N/g')
same "setopt() of a start-time option while tracing: DTrace's warning" "$out" \
"dtrace: error on enabled probe ID N (ID N: dtrace:::BEGIN): couldn't set option \"bufsize\" to \"1m\": Operation illegal when tracing is active
dtrace: error on enabled probe ID N (ID N: dtrace:::BEGIN): couldn't set option \"nspec\" to \"4\": Operation illegal when tracing is active
dynamic"

for r in 1ns 100us 3600s; do
	dtrace_is "cleanrate=$r is clamped into DTrace's range, not refused" \
		"ok" -x cleanrate=$r -qn 'BEGIN { printf("ok"); exit(0); }'
done

# Dynamic variables come and go with the cleaner at the clamped rate.
dtrace_is "dynamic variables work at the clamped fastest cleanrate" \
	"200" -x cleanrate=1ns -qn '
	BEGIN { i = 0; } profile-1ms /i < 200/ { a[i] = i; a[i] = 0; i++; }
	profile-1ms /i == 200/ { printf("%d", i); exit(0); }'

out=$("$DTRACE_BIN" -qn 'BEGIN { this->p = (char *)alloca(8);
	this->p[0] = 1; this->p[1] = 2; this->p[7] += 3; this->q = (int *)this->p;
	printf("%d %d %d %d %d\n", this->p[0], this->p[1], this->p[7],
	    this->q[0] == 0x0201, this->p == (char *)this->q);
	tracemem(this->p, 8); exit(0); }' 2>&1)
same "stores through an alloca()'d this-> pointer keep the pointer" "$out" \
"1 2 3 1 1

             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef
         0: 01 02 00 00 00 00 00 03                          ........"
