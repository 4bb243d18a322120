/* hs-compile-private.h — compiler state shared by hs-compile*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <setjmp.h>

#include "hs-ast.h"
#include "hs-code.h"
#include "hs-diagnostic.h"
#include "hs-frame.h"
#include "hs-scope.h"
#include "hs-vm.h"

G_BEGIN_DECLS

/* Frame blocks: what break/continue/return must unwind (compiler_unwind_fblock). */
typedef enum
{
  FB_WHILE_LOOP,
  FB_FOR_LOOP,
  FB_TRY_EXCEPT,       /* body of try/except: a SETUP_FINALLY block is active */
  FB_FINALLY_TRY,      /* body of try/finally: run the finally body on exit */
  FB_FINALLY_END,      /* inside the finally body on the exception path */
  FB_WITH,             /* body of with: call __exit__(None, None, None) */
  FB_HANDLER_CLEANUP,  /* inside an except handler (name may be set) */
  FB_POP_VALUE,        /* a value to pop (e.g. the result of an expression) */
} HsFBlockKind;

typedef struct
{
  HsFBlockKind  kind;
  int           continue_target;    /* loops */
  GArray       *breaks;             /* jump instructions to the loop's exit */
  HsStmtList   *finalbody;          /* FB_FINALLY_TRY */
  const char   *name;               /* FB_HANDLER_CLEANUP: the `as` name or NULL */
  HsLoc         loc;                /* the statement that opened the block */
} HsFBlock;

typedef struct _HsUnit HsUnit;

/* Cell and free variable operands, until assembly knows the index: the
 * position in cellvars/freevars, with this bit set. */
#define CELL_INDEX_FLAG 0x800000

struct _HsUnit
{
  HsUnit      *parent;
  HsNameScope     *scope;
  HsNameScopeType scope_type;
  GArray      *instrs;       /* HsInstr */
  GArray      *locs;         /* HsLoc */
  GArray      *anchors;      /* gint32 pairs */
  GPtrArray   *consts;       /* HsObject *, owned */
  GPtrArray   *names;        /* interned const char * */
  GHashTable  *name_index;
  GPtrArray   *varnames;     /* interned const char *: fast locals, params first */
  GHashTable  *varname_index;
  GPtrArray   *cellvars;     /* non-parameter cells, sorted */
  GPtrArray   *freevars;     /* sorted */
  int          argcount;
  int          posonlyargcount;
  int          kwonlyargcount;
  int          flags;
  const char  *name;
  char        *qualname;
  int          firstlineno;
  HsLoc        loc;          /* location given to emitted instructions */
  HsFBlock     fblocks[HS_MAX_BLOCKS];
  int          n_fblocks;
  gboolean     is_class;
  gboolean     is_module;
};

typedef struct
{
  HsVM          *vm;
  HsModule      *module;
  HsScopeTable    *st;
  HsArena       *arena;         /* lives as long as the compiler: mangled names */
  HsUnit        *u;
  HsDiagnostic  *error;
  GHashTable    *const_cache;   /* key → HsObject *: constants shared module-wide */
  int            nesting;
  jmp_buf        bail;          /* compile errors unwind to hs_compile_module */
  GPtrArray     *jumps;         /* every _hs_compile_jumps() list, freed with the compiler */
} HsCompiler;

/* A list of jump sites to patch (int), alive until the compiler is done:
 * an error longjmp()s past any g_autoptr cleanup. */
GArray         *_hs_compile_jumps (HsCompiler  *c);

/* Reports an error at @loc and unwinds to hs_compile_module. */
G_NORETURN void _hs_compile_error (HsCompiler  *c,
                                   HsDiagKind   kind,
                                   const HsLoc *loc,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (4, 5);

int       _hs_emit              (HsCompiler  *c,
                                 HsOpcode     op,
                                 int          arg);
int       _hs_emit_jump         (HsCompiler  *c,
                                 HsOpcode     op);
void      _hs_patch_jump        (HsCompiler  *c,
                                 int          instr,
                                 int          target);
int       _hs_here              (HsCompiler  *c);
void      _hs_set_anchors       (HsCompiler  *c,
                                 int          instr,
                                 int          left,
                                 int          right);
/* Adds @obj (reference stolen) to the constants; equal constants share one
 * object across the whole module, as CPython's constant cache does. */
int       _hs_add_const         (HsCompiler  *c,
                                 HsObject    *obj);
int       _hs_add_name          (HsCompiler  *c,
                                 const char  *name);
void      _hs_emit_load_const   (HsCompiler  *c,
                                 HsObject    *obj);
void      _hs_emit_none         (HsCompiler  *c);
/* Loads, stores or deletes @name according to its scope. */
void      _hs_nameop            (HsCompiler  *c,
                                 const char  *name,
                                 HsExprContext ctx,
                                 const HsLoc *loc);

void      _hs_compile_expr      (HsCompiler  *c,
                                 HsExpr      *e);
void      _hs_compile_target    (HsCompiler  *c,
                                 HsExpr      *target);   /* store TOS into @target */
void      _hs_compile_delete    (HsCompiler  *c,
                                 HsExpr      *target);
void      _hs_compile_jump_if   (HsCompiler  *c,
                                 HsExpr      *e,
                                 gboolean     cond,
                                 GArray      *jumps);    /* collects jumps taken when truth == cond */
/* Where the instructions after a conditional jump on @e are located:
 * compiler_jump_if's SET_LOC on a comparison outlives the jump, else
 * @stmt_loc. */
const HsLoc *_hs_jump_if_loc    (HsExpr      *e,
                                 const HsLoc *stmt_loc);
void      _hs_compile_body      (HsCompiler  *c,
                                 HsStmtList  *body);
/* A private name (`__x`) inside a class, as CPython's _Py_Mangle spells it
 * (`_Class__x`); any other name as it is. */
const char *_hs_mangle          (HsCompiler  *c,
                                 const char  *name);
/* hs-assemble.c: the unit's code object (line table, stack size, names). */
HsCode   *_hs_assemble          (HsCompiler  *c,
                                 HsUnit      *u);
/* Builds a nested code object for a function, lambda, comprehension or
 * class body and leaves the function object on the stack. */
void      _hs_compile_function_object (HsCompiler   *c,
                                       gconstpointer node,
                                       const char   *name,
                                       HsArguments  *args,
                                       HsStmtList   *body,
                                       HsExpr       *expr_body,
                                       HsExpr       *comprehension,
                                       const HsLoc  *loc);
void      _hs_compile_comprehension_body (HsCompiler *c,
                                          HsExpr     *e);
/* Folds a constant expression (CPython's AST optimizer), or NULL. */
HsObject *_hs_fold_constant     (HsCompiler  *c,
                                 HsExpr      *e);
HsObject *_hs_const_object      (HsCompiler  *c,
                                 const HsConst *k,
                                 const HsLoc *loc);

/* Docstrings. A function's (or None; a lambda's is always None) is its
 * first constant: */
void      _hs_add_doc_const     (HsCompiler  *c,
                                 HsStmtList  *body);
/* a module's or a class's is stored as __doc__ (compiler_body). */
void      _hs_compile_doc_body  (HsCompiler  *c,
                                 HsStmtList  *body);

/* hs-compile-const.c: keeps @obj (reference stolen) in the VM's parse
 * arena, released by hs_const_arena_release() when the module's code is
 * done. */
void      _hs_const_arena_keep  (HsVM        *vm,
                                 HsObject    *obj);

/* hs-compile-warn.c: CPython's compile-time SyntaxWarnings. */
void      _hs_compile_check_compare   (HsCompiler *c,
                                       HsExpr     *e);
void      _hs_compile_check_caller    (HsCompiler *c,
                                       HsExpr     *call);
void      _hs_compile_check_subscript (HsCompiler *c,
                                       HsExpr     *e);
void      _hs_compile_check_assert    (HsCompiler *c,
                                       HsStmt     *s);

/* hs-compile-simple.c */
void      _hs_compile_raise       (HsCompiler *c,
                                   HsStmt     *s);
void      _hs_compile_assert      (HsCompiler *c,
                                   HsStmt     *s);
void      _hs_compile_import      (HsCompiler *c,
                                   HsStmt     *s);
void      _hs_compile_import_from (HsCompiler *c,
                                   HsStmt     *s);

G_END_DECLS
