/* hs-symtable.h — scopes and symbols, as CPython 3.11's Python/symtable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One HsScope per module, class, function, lambda and comprehension
 * (comprehensions are functions of their own in 3.11, whose implicit
 * parameter ".0" is the iterator of the outermost iterable, evaluated in
 * the enclosing scope). Each scope knows its symbols in first-use order
 * with CPython's DEF_* flags and their final resolution.
 *
 * Names are stored mangled the way the compiler must emit them: inside a
 * class, `__x` is `_Class__x` (hs_symtable_mangle()); look names up with
 * the mangled form, as CPython's compiler does.
 *
 * Besides the symbol table's own errors, hs_symtable_build() reports the
 * compile-time errors a learner meets before anything runs, in CPython's
 * order: 'return'/'yield' outside function, 'break' outside loop,
 * 'continue' not properly in loop, default 'except:' must be last and
 * keyword argument repeated.
 */
#pragma once

#include "hs-arena.h"
#include "hs-ast.h"
#include "hs-diagnostic.h"

G_BEGIN_DECLS

typedef enum
{
  HS_SCOPE_MODULE,
  HS_SCOPE_FUNCTION,      /* functions, lambdas and comprehensions */
  HS_SCOPE_CLASS,
} HsScopeType;

/* How a name resolves in a scope (CPython's LOCAL … CELL). */
typedef enum
{
  HS_SYM_NONE,            /* not a symbol of this scope (CPython's 0): *_NAME ops */
  HS_SYM_LOCAL,           /* fast local in a function; namespace name in module/class */
  HS_SYM_GLOBAL_EXPLICIT, /* declared `global` */
  HS_SYM_GLOBAL_IMPLICIT, /* used, bound nowhere around: a global or builtin */
  HS_SYM_FREE,            /* bound in an enclosing function */
  HS_SYM_CELL,            /* local here, used by an inner function */
} HsSymScope;

/* CPython's DEF_* flags: how the scope uses the name. */
typedef enum
{
  HS_DEF_GLOBAL     = 1 << 0,   /* global statement */
  HS_DEF_LOCAL      = 1 << 1,   /* assigned (or deleted, or a def/class name) */
  HS_DEF_PARAM      = 1 << 2,   /* parameter */
  HS_DEF_NONLOCAL   = 1 << 3,   /* nonlocal statement */
  HS_DEF_USE        = 1 << 4,   /* read */
  HS_DEF_FREE       = 1 << 5,   /* CPython 3.11 defines it but never sets it */
  HS_DEF_FREE_CLASS = 1 << 6,   /* free in a method, bound in the class too */
  HS_DEF_IMPORT     = 1 << 7,   /* bound by import */
  HS_DEF_ANNOT      = 1 << 8,   /* annotated (x: int) */
  HS_DEF_COMP_ITER  = 1 << 9,   /* a comprehension's iteration variable */
} HsSymFlags;

typedef enum
{
  HS_COMP_NONE,
  HS_COMP_LIST,
  HS_COMP_SET,
  HS_COMP_DICT,
  HS_COMP_GENEXP,
} HsComprehensionKind;

typedef struct
{
  const char *name;       /* mangled */
  HsSymFlags  flags;
  HsSymScope  scope;
} HsSymbol;

typedef struct _HsScope    HsScope;
typedef struct _HsSymTable HsSymTable;

/* Read-only after hs_symtable_build(). */
struct _HsScope
{
  HsScopeType          type;
  const char          *name;          /* "top", the def/class name, "lambda",
                                       * "listcomp", "setcomp", "dictcomp", "genexpr" */
  gconstpointer        node;          /* HsModule, HsStmt (def, class) or HsExpr */
  HsScope             *parent;
  HsLoc                loc;           /* of the node (line 0 for the module) */
  const char          *private_name;  /* the class whose names get mangled, or NULL */
  HsComprehensionKind  comprehension;
  guint                is_generator : 1;     /* contains yield (or is a genexp) */
  guint                is_lambda : 1;
  guint                has_varargs : 1;
  guint                has_varkeywords : 1;
  guint                returns_value : 1;    /* has `return value` */
  guint                needs_class_cell : 1; /* a class whose methods use super/__class__ */
  guint                child_free : 1;       /* some nested scope has free variables */
};

/* What the compiler needs to lay out a code object. The arrays belong to
 * the scope. */
typedef struct
{
  HsScopeType   type;
  const char  **params;        /* co_varnames order: positional-only and positional,
                                * keyword-only, *args, **kwargs; [".0"] for comprehensions */
  int           n_params;
  int           n_posonly;
  int           n_args;        /* positional, posonly included (co_argcount) */
  int           n_kwonly;
  const char  **cellvars;      /* sorted as co_cellvars; ["__class__"] for a class that needs it */
  int           n_cellvars;
  const char  **freevars;      /* sorted as co_freevars */
  int           n_freevars;
  gboolean      is_generator;
  gboolean      is_comprehension;
  gboolean      is_lambda;
  gboolean      has_varargs;
  gboolean      has_varkeywords;
  gboolean      needs_class_cell;
} HsScopeInfo;

HsSymTable     *hs_symtable_build      (HsModule      *mod,
                                        HsArena       *arena,
                                        HsDiagnostic **error);
void            hs_symtable_free       (HsSymTable    *st);
HsScope        *hs_symtable_get_top    (HsSymTable    *st);
HsScope        *hs_symtable_lookup     (HsSymTable    *st,
                                        gconstpointer  node);
char           *hs_symtable_mangle     (const char    *private_name,
                                        const char    *name);

HsSymScope      hs_scope_resolve       (HsScope       *scope,
                                        const char    *name);
const HsSymbol *hs_scope_lookup_symbol (HsScope       *scope,
                                        const char    *name);
guint           hs_scope_get_n_symbols (HsScope       *scope);
const HsSymbol *hs_scope_get_symbol    (HsScope       *scope,
                                        guint          index);
guint           hs_scope_get_n_children (HsScope      *scope);
HsScope        *hs_scope_get_child     (HsScope       *scope,
                                        guint          index);
void            hs_scope_get_info      (HsScope       *scope,
                                        HsScopeInfo   *info);
const char     *hs_sym_scope_name      (HsSymScope     scope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsSymTable, hs_symtable_free)

G_END_DECLS
