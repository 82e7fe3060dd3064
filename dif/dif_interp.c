// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The DIF interpreter.  PROBE CONTEXT: see dif_vm.h for the rules and
 * <dtrace/dif.h> for the encoding and the semantics of each opcode.
 *
 * Dispatch: with GCC in userland, a computed goto per instruction (one
 * indirect jump per opcode, which the branch predictor learns per site);
 * otherwise, and always in the kernel, a switch in a loop.  The kernel
 * builds with -fno-jump-tables and retpolines, where a computed goto would
 * be a retpoline per instruction and an unannotated jump table objtool
 * warns about; the switch becomes a compare tree there, which is cheaper
 * (measured in userland with the kernel's flags: the compare tree costs
 * about 1.5-2 ns per DIF instruction, a computed goto through retpoline
 * thunks 9-36 ns; make bench-dif has the figures without them).
 * dif_interp_switch.c compiles this file a second time as dif_run_switch,
 * so userland tests run both dispatchers on every vector.
 *
 * The interpreter trusts what dif_verify() checked (opcodes, register
 * numbers, branch targets, table indexes, declared variables) and checks
 * at run time everything that depends on data: addresses, scratch space,
 * divisors, tuple depth.
 */
#include "dif_vm.h"

#ifndef DIF_RUN_NAME
#define DIF_RUN_NAME		dif_run
#define DIF_INTERP_PRIMARY	1	/* the shared helpers live here */
#if defined(__GNUC__) && !defined(__KERNEL__)
#define DIF_DISPATCH_GOTO	1
#endif
#endif

#ifdef DIF_INTERP_PRIMARY
void dif_fault(struct dif_mstate *ms, int fault, uint64_t illval)
{
	ms->ms_fault = fault;
	ms->ms_illval = illval;
}

uintptr_t dif_scratch_alloc(struct dif_mstate *ms, uint64_t size)
{
	uintptr_t p = dif_scratch_take(ms, size);

	if (p)
		memset((void *)p, 0, (size_t)size);
	return p;
}

int64_t dif_loadstr(struct dif_mstate *ms, char *dst, uint64_t addr,
		    size_t max, bool user)
{
	size_t len;
	int flt;

	if (user)
		flt = ms->ms_ops->dho_ustr(ms->ms_host, dst, addr, max, &len);
	else
		flt = ms->ms_ops->dho_kstr(ms->ms_host, dst, addr, max, &len);
	if (flt != 0) {
		dif_fault(ms, flt, addr);
		return -1;
	}
	if (len > max)
		len = max;
	dst[len] = '\0';
	return (int64_t)len;
}

char *dif_scratch_str(struct dif_mstate *ms, uint64_t addr, size_t max,
		      bool user, size_t *lenp)
{
	uintptr_t p = dif_scratch_alloc(ms, max + 1);
	int64_t len;

	if (p == 0)
		return NULL;
	len = dif_loadstr(ms, (char *)p, addr, max, user);
	if (len < 0)
		return NULL;
	/* Give back what the string did not use. */
	ms->ms_scratch_used = p - ms->ms_scratch_base + (size_t)len + 1;
	*lenp = (size_t)len;
	return (char *)p;
}
#endif /* DIF_INTERP_PRIMARY */

/* Is [addr, addr + size) inside the scratch handed out so far? */
static inline bool dif_in_scratch(const struct dif_mstate *ms, uint64_t addr,
				  uint64_t size)
{
	uint64_t off = addr - ms->ms_scratch_base;

	return addr >= ms->ms_scratch_base && size <= ms->ms_scratch_used &&
	       off <= ms->ms_scratch_used - size;
}

/* A load of size bytes from a D-supplied address, scratch fast-pathed. */
static inline bool dif_load(struct dif_mstate *ms, void *dst, uint64_t addr,
			    size_t size, bool user)
{
	int flt;

	if (!user && dif_in_scratch(ms, addr, size)) {
		memcpy(dst, (const void *)(uintptr_t)addr, size);
		return true;
	}
	flt = user ? ms->ms_ops->dho_uload(ms->ms_host, dst, addr, size) :
		     ms->ms_ops->dho_kload(ms->ms_host, dst, addr, size);
	if (likely(flt == 0))
		return true;
	dif_fault(ms, flt, addr);
	return false;
}

/* A store into scratch: in bounds and naturally aligned. */
static inline bool dif_store(struct dif_mstate *ms, uint64_t addr,
			     const void *src, size_t size)
{
	if (!dif_in_scratch(ms, addr, size)) {
		dif_fault(ms, DIF_FLT_BADADDR, addr);
		return false;
	}
	if (addr & (size - 1)) {
		dif_fault(ms, DIF_FLT_BADALIGN, addr);
		return false;
	}
	memcpy((void *)(uintptr_t)addr, src, size);
	return true;
}

/*
 * Compare two strings of at most strsize bytes, a chunk at a time so no
 * buffer of strsize is needed; NULL compares as "" (as in DTrace).
 */
static int dif_strcmp(struct dif_mstate *ms, uint64_t a, uint64_t b)
{
	char ca[64 + 1], cb[64 + 1];
	size_t left = dif_strmax(ms), n;
	int64_t la, lb;
	int r;

	if (a == b)
		return 0;
	while (left > 0) {
		n = left < 64 ? left : 64;
		la = lb = 0;
		ca[0] = cb[0] = '\0';
		if (a != 0 && (la = dif_loadstr(ms, ca, a, n, false)) < 0)
			return 0;
		if (b != 0 && (lb = dif_loadstr(ms, cb, b, n, false)) < 0)
			return 0;
		r = memcmp(ca, cb, (size_t)(la < lb ? la : lb) + 1);
		if (r != 0)
			return r < 0 ? -1 : 1;
		if ((size_t)la < n)	/* both ended here, equal */
			return 0;
		left -= n;
		a += n;
		b += n;
	}
	return 0;
}

/* Copy a by-reference value into a variable's storage. */
static bool dif_copyref(struct dif_mstate *ms, void *dst, uint64_t src,
			const struct dif_type *t)
{
	bool user = (t->dt_flags & DIF_TF_BYUREF) != 0;
	size_t max;

	if (t->dt_kind == DIF_TYPE_STRING) {
		max = dif_strmax(ms);
		if (max > t->dt_size - 1)
			max = t->dt_size - 1;
		return dif_loadstr(ms, dst, src, max, user) >= 0;
	}
	return dif_load(ms, dst, src, t->dt_size, user);
}

/* Build the key of a dynamic variable, consuming the tuple of arrays. */
static void dif_dkey(struct dif_mstate *ms, const struct dif_var *v,
		     struct dif_dkey *k)
{
	uint32_t n = 0, i;

	k->dk_id = v->dv_id;
	if (v->dv_scope == DIF_SCOPE_THREAD) {
		k->dk_id |= DIF_DKEY_THREAD;
		k->dk_keys[n].tu_value = ms->ms_ops->dho_thread_key(ms->ms_host);
		k->dk_keys[n].tu_size = 0;
		k->dk_keys[n].tu_pad = 0;
		n++;
	}
	if (v->dv_kind == DIF_VKIND_ARRAY) {
		for (i = 0; i < ms->ms_ntuple; i++)
			k->dk_keys[n++] = ms->ms_tuple[i];
		ms->ms_ntuple = 0;
	}
	k->dk_nkeys = n;
}

static inline uint32_t dif_valsize(const struct dif_var *v)
{
	return v->dv_type.dt_kind == DIF_TYPE_INT ? 8 : v->dv_type.dt_size;
}

/* The storage of a variable for op, or NULL (absent / dropped). */
static bool dif_varptr(struct dif_mstate *ms, const struct dif_var *v, int op,
		       void **pp)
{
	struct dif_dkey key;
	int flt;

	if (v->dv_scope == DIF_SCOPE_THREAD || v->dv_kind == DIF_VKIND_ARRAY) {
		dif_dkey(ms, v, &key);
		flt = ms->ms_ops->dho_dvar(ms->ms_host, &key, dif_valsize(v),
					   op, pp);
		if (flt != 0) {
			dif_fault(ms, flt, v->dv_id);
			return false;
		}
		return true;
	}
	*pp = ms->ms_ops->dho_svar(ms->ms_host, v);
	if (*pp == NULL) {
		dif_fault(ms, DIF_FLT_ILLOP, v->dv_id);
		return false;
	}
	return true;
}

static bool dif_ldvar(struct dif_mstate *ms, const struct dif_object *obj,
		      uint32_t id, uint64_t *val)
{
	const struct dif_var *v = dif_var_find(obj, id);
	void *p;

	if (!dif_varptr(ms, v, DIF_DVAR_LOOKUP, &p))
		return false;
	if (p == NULL)
		*val = 0;
	else if (v->dv_type.dt_kind == DIF_TYPE_INT)
		memcpy(val, p, sizeof(*val));
	else
		*val = (uintptr_t)p;
	return true;
}

static bool dif_stvar(struct dif_mstate *ms, const struct dif_object *obj,
		      uint32_t id, uint64_t val)
{
	const struct dif_var *v = dif_var_find(obj, id);
	bool dynamic = v->dv_scope == DIF_SCOPE_THREAD ||
		       v->dv_kind == DIF_VKIND_ARRAY;
	void *p;

	/* Storing 0 or NULL into a dynamic variable deletes it. */
	if (!dif_varptr(ms, v, dynamic && val == 0 ? DIF_DVAR_DELETE :
			DIF_DVAR_ALLOC, &p))
		return false;
	if (p == NULL)
		return true;
	if (v->dv_type.dt_kind == DIF_TYPE_INT) {
		memcpy(p, &val, sizeof(val));
		return true;
	}
	return dif_copyref(ms, p, val, &v->dv_type);
}

static bool dif_push(struct dif_mstate *ms, uint64_t value, uint32_t size)
{
	struct dif_tuple *t;

	if (ms->ms_ntuple >= DIF_TUPLE_MAX) {
		dif_fault(ms, DIF_FLT_TUPOFLOW, ms->ms_ntuple);
		return false;
	}
	t = &ms->ms_tuple[ms->ms_ntuple++];
	t->tu_value = value;
	t->tu_size = size;
	t->tu_pad = 0;
	return true;
}

/* Push a by-reference key: its bytes are copied into scratch. */
static bool dif_pushref(struct dif_mstate *ms, uint64_t addr, uint64_t size,
			bool string)
{
	uintptr_t p;
	size_t len;

	if (string) {
		p = (uintptr_t)dif_scratch_str(ms, addr, dif_strmax(ms), false,
					       &len);
		if (p == 0)
			return false;
		size = len + 1;
	}
	if (size == 0 || size > ms->ms_keymax) {
		dif_fault(ms, DIF_FLT_KEYSIZE, size);
		return false;
	}
	if (!string) {
		p = dif_scratch_alloc(ms, size);
		if (p == 0 || !dif_load(ms, (void *)p, addr, (size_t)size, false))
			return false;
	}
	return dif_push(ms, p, (uint32_t)size);
}

static bool dif_call(struct dif_mstate *ms, unsigned int subr, uint64_t *val)
{
	const struct dif_subrinfo *si = &dif_subrinfo[subr];

	if (ms->ms_ntuple < si->si_minargs || ms->ms_ntuple > si->si_maxargs) {
		dif_fault(ms, DIF_FLT_ILLOP, ms->ms_ntuple);
		return false;
	}
	*val = dif_subr(ms, subr);
	ms->ms_ntuple = 0;
	return ms->ms_fault == 0;
}

/*
 * Fields are read as bytes of the instruction in memory (one load each)
 * rather than shifted out of the 64-bit word: a few machine instructions
 * less per DIF instruction.  Byte n counts from the least significant
 * end, as in <dtrace/dif.h>'s picture.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define DIF_BYTE(p, n)	(((const uint8_t *)(p))[7 - (n)])
#else
#define DIF_BYTE(p, n)	(((const uint8_t *)(p))[n])
#endif

#ifdef DIF_DISPATCH_GOTO
#define DIF_OP(name)	op_##name:
#define DIF_NEXT	do { cur = ip++; goto *dif_jt[DIF_BYTE(cur, 0)]; } while (0)
#else
#define DIF_OP(name)	case DIF_OP_##name:
#define DIF_NEXT	goto dif_next
#endif

#define OPCODE		DIF_BYTE(cur, 0)
#define RD		regs[DIF_BYTE(cur, 1)]
#define S1		regs[DIF_BYTE(cur, 2)]
#define S2		regs[DIF_BYTE(cur, 3)]
#define IMM32		DIF_INSTR_IMM(*cur)
#define IMM		((uint64_t)(int64_t)IMM32)
#define SIGNED(x)	((int64_t)(x))
#define FAULT(f, v)	do { dif_fault(ms, f, v); goto fault; } while (0)
#define CHECK(ok)	do { if (unlikely(!(ok))) goto fault; } while (0)
#define BRANCH(cond)	do { if (cond) ip = text + IMM32; DIF_NEXT; } while (0)

#define LOAD(type, user) do {						\
	type v_;							\
	CHECK(dif_load(ms, &v_, S1 + IMM, sizeof(v_), user));		\
	RD = (uint64_t)v_;						\
	DIF_NEXT;							\
} while (0)

#define STORE(type) do {						\
	type v_ = (type)S2;						\
	CHECK(dif_store(ms, S1 + IMM, &v_, sizeof(v_)));		\
	DIF_NEXT;							\
} while (0)

/* INT64_MIN / -1 overflows in C; DIF defines it as INT64_MIN, rem 0. */
#define SDIV(b) do {							\
	int64_t a_ = SIGNED(S1), b_ = SIGNED(b);			\
	if (b_ == 0)							\
		FAULT(DIF_FLT_DIVZERO, 0);				\
	RD = b_ == -1 ? 0 - (uint64_t)a_ : (uint64_t)(a_ / b_);	\
	DIF_NEXT;							\
} while (0)
#define SREM(b) do {							\
	int64_t a_ = SIGNED(S1), b_ = SIGNED(b);			\
	if (b_ == 0)							\
		FAULT(DIF_FLT_DIVZERO, 0);				\
	RD = b_ == -1 ? 0 : (uint64_t)(a_ % b_);			\
	DIF_NEXT;							\
} while (0)
#define UDIV(b, op) do {						\
	uint64_t b_ = (b);						\
	if (b_ == 0)							\
		FAULT(DIF_FLT_DIVZERO, 0);				\
	RD = S1 op b_;							\
	DIF_NEXT;							\
} while (0)

uint64_t DIF_RUN_NAME(const struct dif_object *obj, struct dif_mstate *ms)
{
	const dif_instr_t *text = obj->do_instr;
	const dif_instr_t *ip = text, *cur;
	uint64_t regs[DIF_NREGS] = { 0 };
	uint64_t val;
	int flt;
#ifdef DIF_DISPATCH_GOTO
#define DIF_JT_(name, mn, fmt, vc) &&op_##name,
	static const void *const dif_jt[DIF_OP_COUNT] = {
		&&op_INVALID, DIF_OPCODES(DIF_JT_)
	};
#undef DIF_JT_
#endif

	ms->ms_fault = 0;
	ms->ms_ntuple = 0;
#ifdef DIF_DISPATCH_GOTO
	DIF_NEXT;
	{ {
#else
	{
dif_next:
		cur = ip++;
		switch (OPCODE) {
#endif
	DIF_OP(NOP)	DIF_NEXT;
	DIF_OP(ADD)	RD = S1 + S2; DIF_NEXT;
	DIF_OP(SUB)	RD = S1 - S2; DIF_NEXT;
	DIF_OP(MUL)	RD = S1 * S2; DIF_NEXT;
	DIF_OP(SDIV)	SDIV(S2);
	DIF_OP(UDIV)	UDIV(S2, /);
	DIF_OP(SREM)	SREM(S2);
	DIF_OP(UREM)	UDIV(S2, %);
	DIF_OP(AND)	RD = S1 & S2; DIF_NEXT;
	DIF_OP(OR)	RD = S1 | S2; DIF_NEXT;
	DIF_OP(XOR)	RD = S1 ^ S2; DIF_NEXT;
	DIF_OP(SLL)	RD = S1 << (S2 & 63); DIF_NEXT;
	DIF_OP(SRL)	RD = S1 >> (S2 & 63); DIF_NEXT;
	DIF_OP(SRA)	RD = (uint64_t)(SIGNED(S1) >> (S2 & 63)); DIF_NEXT;
	DIF_OP(ADDI)	RD = S1 + IMM; DIF_NEXT;
	DIF_OP(SUBI)	RD = S1 - IMM; DIF_NEXT;
	DIF_OP(MULI)	RD = S1 * IMM; DIF_NEXT;
	DIF_OP(SDIVI)	SDIV(IMM);
	DIF_OP(UDIVI)	UDIV(IMM, /);
	DIF_OP(SREMI)	SREM(IMM);
	DIF_OP(UREMI)	UDIV(IMM, %);
	DIF_OP(ANDI)	RD = S1 & IMM; DIF_NEXT;
	DIF_OP(ORI)	RD = S1 | IMM; DIF_NEXT;
	DIF_OP(XORI)	RD = S1 ^ IMM; DIF_NEXT;
	DIF_OP(SLLI)	RD = S1 << (IMM & 63); DIF_NEXT;
	DIF_OP(SRLI)	RD = S1 >> (IMM & 63); DIF_NEXT;
	DIF_OP(SRAI)	RD = (uint64_t)(SIGNED(S1) >> (IMM & 63)); DIF_NEXT;
	DIF_OP(NOT)	RD = ~S1; DIF_NEXT;
	DIF_OP(MOV)	RD = S1; DIF_NEXT;
	DIF_OP(MOVI)	RD = IMM; DIF_NEXT;
	DIF_OP(SETX)	RD = (uint64_t)obj->do_ints[IMM32]; DIF_NEXT;
	DIF_OP(SETS)	RD = (uintptr_t)(obj->do_strtab + IMM32);
			DIF_NEXT;
	DIF_OP(SEQ)	RD = S1 == S2; DIF_NEXT;
	DIF_OP(SNE)	RD = S1 != S2; DIF_NEXT;
	DIF_OP(SLT)	RD = SIGNED(S1) < SIGNED(S2); DIF_NEXT;
	DIF_OP(SLTU)	RD = S1 < S2; DIF_NEXT;
	DIF_OP(SLE)	RD = SIGNED(S1) <= SIGNED(S2); DIF_NEXT;
	DIF_OP(SLEU)	RD = S1 <= S2; DIF_NEXT;
	DIF_OP(SCMP)	val = (uint64_t)(int64_t)dif_strcmp(ms, S1, S2);
			CHECK(ms->ms_fault == 0);
			RD = val;
			DIF_NEXT;
	DIF_OP(BEQ)	BRANCH(S1 == S2);
	DIF_OP(BNE)	BRANCH(S1 != S2);
	DIF_OP(BLT)	BRANCH(SIGNED(S1) < SIGNED(S2));
	DIF_OP(BLTU)	BRANCH(S1 < S2);
	DIF_OP(BLE)	BRANCH(SIGNED(S1) <= SIGNED(S2));
	DIF_OP(BLEU)	BRANCH(S1 <= S2);
	DIF_OP(BGT)	BRANCH(SIGNED(S1) > SIGNED(S2));
	DIF_OP(BGTU)	BRANCH(S1 > S2);
	DIF_OP(BGE)	BRANCH(SIGNED(S1) >= SIGNED(S2));
	DIF_OP(BGEU)	BRANCH(S1 >= S2);
	DIF_OP(BZ)	BRANCH(S1 == 0);
	DIF_OP(BNZ)	BRANCH(S1 != 0);
	DIF_OP(BA)	BRANCH(1);
	DIF_OP(LDSB)	LOAD(int8_t, false);
	DIF_OP(LDSH)	LOAD(int16_t, false);
	DIF_OP(LDSW)	LOAD(int32_t, false);
	DIF_OP(LDUB)	LOAD(uint8_t, false);
	DIF_OP(LDUH)	LOAD(uint16_t, false);
	DIF_OP(LDUW)	LOAD(uint32_t, false);
	DIF_OP(LDX)	LOAD(uint64_t, false);
	DIF_OP(ULDSB)	LOAD(int8_t, true);
	DIF_OP(ULDSH)	LOAD(int16_t, true);
	DIF_OP(ULDSW)	LOAD(int32_t, true);
	DIF_OP(ULDUB)	LOAD(uint8_t, true);
	DIF_OP(ULDUH)	LOAD(uint16_t, true);
	DIF_OP(ULDUW)	LOAD(uint32_t, true);
	DIF_OP(ULDX)	LOAD(uint64_t, true);
	DIF_OP(STB)	STORE(uint8_t);
	DIF_OP(STH)	STORE(uint16_t);
	DIF_OP(STW)	STORE(uint32_t);
	DIF_OP(STX)	STORE(uint64_t);
	DIF_OP(LDGS)
	DIF_OP(LDGA)
	DIF_OP(LDTS)
	DIF_OP(LDTA)
	DIF_OP(LDLS)	CHECK(dif_ldvar(ms, obj, (uint32_t)IMM32, &val));
			RD = val;
			DIF_NEXT;
	DIF_OP(STGS)
	DIF_OP(STGA)
	DIF_OP(STTS)
	DIF_OP(STTA)
	DIF_OP(STLS)	CHECK(dif_stvar(ms, obj, (uint32_t)IMM32, S1));
			DIF_NEXT;
	DIF_OP(LDB)
	DIF_OP(LDBA)	flt = ms->ms_ops->dho_builtin(ms->ms_host, ms,
				(unsigned int)IMM32,
				OPCODE == DIF_OP_LDBA ? S1 : 0, &val);
			if (unlikely(flt != 0))
				FAULT(flt, 0);
			RD = val;
			DIF_NEXT;
	DIF_OP(PUSHTV)	CHECK(dif_push(ms, S1, 0));
			DIF_NEXT;
	DIF_OP(PUSHTS)	CHECK(dif_pushref(ms, S1, 0, true));
			DIF_NEXT;
	DIF_OP(PUSHTR)	CHECK(dif_pushref(ms, S1, S2, false));
			DIF_NEXT;
	DIF_OP(FLUSHT)	ms->ms_ntuple = 0;
			DIF_NEXT;
	DIF_OP(CALL)	CHECK(dif_call(ms, (unsigned int)IMM32, &val));
			RD = val;
			DIF_NEXT;
	DIF_OP(ALLOC)	val = dif_scratch_alloc(ms, S1);
			CHECK(val != 0);
			RD = val;
			DIF_NEXT;
	DIF_OP(COPYS)	if (!dif_in_scratch(ms, S1, (uint32_t)IMM32))
				FAULT(DIF_FLT_BADADDR, S1);
			CHECK(dif_load(ms, (void *)(uintptr_t)S1, S2,
				       (uint32_t)IMM32, false));
			DIF_NEXT;
	DIF_OP(RET)	ms->ms_ntuple = 0;
			return S1;
#ifdef DIF_DISPATCH_GOTO
	op_INVALID:
#else
		default:
#endif
			FAULT(DIF_FLT_ILLOP, OPCODE);
		}
	}
fault:
	ms->ms_fault_pc = (uint32_t)(cur - text);
	ms->ms_ntuple = 0;
	return 0;
}

#ifdef DIF_INTERP_PRIMARY
bool dif_memload(struct dif_mstate *ms, void *dst, uint64_t addr, size_t size,
		 bool user)
{
	return dif_load(ms, dst, addr, size, user);
}

bool dif_scratch_range(const struct dif_mstate *ms, uint64_t addr,
		       uint64_t size)
{
	return dif_in_scratch(ms, addr, size);
}
#endif
