/* hs-code.h — code objects and the bytecode the compiler emits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instruction set mirrors CPython 3.11's where it decides reference
 * counts: what sits on the value stack and for how long (the iterator of a
 * `for`, `self` of a method call, the bound __exit__ of a `with`, the
 * exception info of a handler). Exception handling uses a per-frame block
 * stack (SETUP_FINALLY/POP_BLOCK) instead of 3.11's exception table; the
 * stack contents seen by Python code are the same.
 */
#pragma once

#include "hs-ast.h"
#include "hs-object.h"

G_BEGIN_DECLS

#define HS_FOREACH_OPCODE(X) \
  X (NOP) \
  X (RESUME)                 /* arg: 0 start, 1 after yield */ \
  X (POP_TOP) \
  X (PUSH_NULL) \
  X (COPY)                   /* arg: n (1 = top) */ \
  X (SWAP)                   /* arg: n */ \
  X (LOAD_CONST)             /* arg: consts index */ \
  X (LOAD_FAST) \
  X (LOAD_FAST_CHECK)        /* raises UnboundLocalError */ \
  X (STORE_FAST) \
  X (DELETE_FAST) \
  X (LOAD_NAME)              /* arg: names index */ \
  X (STORE_NAME) \
  X (DELETE_NAME) \
  X (LOAD_GLOBAL)            /* arg: names index << 1 | push_null */ \
  X (STORE_GLOBAL) \
  X (DELETE_GLOBAL) \
  X (LOAD_DEREF)             /* arg: localsplus index */ \
  X (STORE_DEREF) \
  X (DELETE_DEREF) \
  X (LOAD_CLOSURE) \
  X (LOAD_CLASSDEREF) \
  X (MAKE_CELL) \
  X (COPY_FREE_VARS)         /* arg: n */ \
  X (LOAD_ATTR) \
  X (STORE_ATTR) \
  X (DELETE_ATTR) \
  X (LOAD_METHOD)            /* pushes [meth, self] or [NULL, attr] */ \
  X (LOAD_SUPER_ZERO)        /* super() without arguments */ \
  X (BINARY_OP)              /* arg: HsBinOp, | 0x100 for in-place */ \
  X (UNARY_POSITIVE) \
  X (UNARY_NEGATIVE) \
  X (UNARY_NOT) \
  X (UNARY_INVERT) \
  X (COMPARE_OP)             /* arg: HS_LT … HS_GE */ \
  X (IS_OP)                  /* arg: 1 = is not */ \
  X (CONTAINS_OP)            /* arg: 1 = not in */ \
  X (BINARY_SUBSCR) \
  X (STORE_SUBSCR) \
  X (DELETE_SUBSCR) \
  X (BUILD_SLICE)            /* arg: 2 or 3 */ \
  X (BUILD_TUPLE) \
  X (BUILD_LIST) \
  X (BUILD_SET) \
  X (BUILD_MAP) \
  X (BUILD_CONST_KEY_MAP) \
  X (BUILD_STRING) \
  X (LIST_APPEND)            /* arg: depth of the list */ \
  X (SET_ADD) \
  X (MAP_ADD) \
  X (LIST_EXTEND) \
  X (SET_UPDATE) \
  X (DICT_UPDATE) \
  X (DICT_MERGE) \
  X (LIST_TO_TUPLE) \
  X (FORMAT_VALUE)           /* arg: conversion (0 none, 1 s, 2 r, 3 a) | 4 if spec */ \
  X (UNPACK_SEQUENCE) \
  X (UNPACK_EX)              /* arg: before | after << 8 */ \
  X (JUMP_FORWARD)           /* arg: absolute target */ \
  X (JUMP_BACKWARD) \
  X (POP_JUMP_IF_FALSE) \
  X (POP_JUMP_IF_TRUE) \
  X (POP_JUMP_IF_NONE) \
  X (POP_JUMP_IF_NOT_NONE) \
  X (JUMP_IF_FALSE_OR_POP) \
  X (JUMP_IF_TRUE_OR_POP) \
  X (GET_ITER) \
  X (FOR_ITER)               /* arg: target when exhausted (iterator popped) */ \
  X (KW_NAMES)               /* arg: consts index of the names tuple */ \
  X (CALL)                   /* arg: n positional + keyword args; stack: NULL|meth, callable|self, args */ \
  X (CALL_FUNCTION_EX)       /* arg: 1 if kwargs dict */ \
  X (MAKE_FUNCTION)          /* arg: flags 1 defaults, 2 kwdefaults, 8 closure */ \
  X (RETURN_VALUE) \
  X (SETUP_FINALLY)          /* arg: handler target */ \
  X (SETUP_CLEANUP)          /* same, and push lasti-free cleanup */ \
  X (POP_BLOCK) \
  X (PUSH_EXC_INFO) \
  X (POP_EXCEPT) \
  X (CHECK_EXC_MATCH) \
  X (RERAISE)                /* arg: unused */ \
  X (RAISE_VARARGS)          /* arg: 0, 1, 2 */ \
  X (BEFORE_WITH) \
  X (WITH_EXCEPT_START) \
  X (LOAD_ASSERTION_ERROR) \
  X (LOAD_BUILD_CLASS) \
  X (RETURN_GENERATOR) \
  X (YIELD_VALUE) \
  X (GET_YIELD_FROM_ITER) \
  X (SEND)                   /* arg: target when the subiterator is done */ \
  X (IMPORT_NAME)            /* arg: names index */ \
  X (IMPORT_FROM) \
  X (IMPORT_STAR) \
  X (SETUP_ANNOTATIONS) \
  X (PRINT_EXPR)

typedef enum
{
#define HS_DECLARE_OPCODE(name) HS_OP_##name,
  HS_FOREACH_OPCODE (HS_DECLARE_OPCODE)
#undef HS_DECLARE_OPCODE
  HS_N_OPCODES
} HsOpcode;

/* One instruction: opcode in the low 8 bits, argument in the high 24. */
typedef guint32 HsInstr;

#define HS_INSTR(op, arg)   ((HsInstr) ((op) | ((guint32) (arg) << 8)))
#define HS_INSTR_OP(i)      ((HsOpcode) ((i) & 0xff))
#define HS_INSTR_ARG(i)     ((guint32) ((i) >> 8))
#define HS_MAX_OPARG        0xffffff

/* co_flags */
enum
{
  HS_CO_OPTIMIZED   = 1 << 0,  /* fast locals (functions) */
  HS_CO_NEWLOCALS   = 1 << 1,
  HS_CO_VARARGS     = 1 << 2,
  HS_CO_VARKEYWORDS = 1 << 3,
  HS_CO_NESTED      = 1 << 4,
  HS_CO_GENERATOR   = 1 << 5,
  HS_CO_COMPREHENSION = 1 << 6,
  HS_CO_CLASS_BODY  = 1 << 7,
};

/* Kinds of localsplus slots. */
enum
{
  HS_LOCAL_FAST = 1 << 0,
  HS_LOCAL_CELL = 1 << 1,
  HS_LOCAL_FREE = 1 << 2,
  HS_LOCAL_ARG  = 1 << 3,
};

struct _HsCode
{
  HsObject   base;
  HsInstr   *instrs;
  int        n_instrs;
  HsLoc     *locs;               /* per instruction; line -1 = none */
  /* Per instruction, the traceback's "^" range inside its "~" range for
   * binary operators and subscripts (absolute columns), or -1 -1. */
  gint32    *anchors;
  HsObject  *consts;             /* tuple */
  HsObject  *names;              /* tuple of str */
  HsObject  *localsplusnames;    /* tuple of str: varnames, cellvars, freevars */
  guint8    *localspluskinds;
  int        nlocalsplus;
  int        nlocals;            /* varnames (incl. arguments) */
  int        ncellvars;          /* cells that are not arguments */
  int        nfreevars;
  int        argcount;
  int        posonlyargcount;
  int        kwonlyargcount;
  int        stacksize;
  int        flags;
  int        firstlineno;
  int        first_traceable;    /* index of the first RESUME */
  HsObject  *name;               /* str */
  HsObject  *qualname;           /* str */
  HsObject  *filename;           /* str */
};

#define HS_CODE(o) ((HsCode *) (o))

void        _hs_code_init_type  (HsVM          *vm);
const char *hs_opcode_name      (HsOpcode       op);
/* Human-readable listing for debugging and tests (`heapscope --dis`). */
char       *hs_code_disassemble (HsCode        *code);

G_END_DECLS
