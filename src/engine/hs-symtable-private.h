/* hs-symtable-private.h — what hs-symtable.c and hs-symtable-check.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-symtable.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  HsLoc       loc;
} Directive;

/* The public HsScope and what only the symbol table sees. */
typedef struct
{
  HsScope     pub;
  GHashTable *symbols;          /* mangled name → HsSymbol */
  GPtrArray  *symbol_order;
  GPtrArray  *varnames;         /* parameters in co_varnames order */
  GPtrArray  *children;
  GArray     *directives;       /* Directive: global and nonlocal statements */
  GPtrArray  *cellvars;
  GPtrArray  *freevars;
  int         n_posonly;
  int         n_args;
  int         n_kwonly;
  gboolean    free;             /* CPython's ste_free */
  gboolean    nested;
  gboolean    comp_iter_target;
  int         comp_iter_expr;
} Scope;

struct _HsSymTable
{
  HsModule     *mod;
  HsArena      *arena;
  GHashTable   *by_node;        /* node → Scope */
  GPtrArray    *scopes;         /* every Scope, to free their tables */
  GPtrArray    *stack;          /* scopes being visited */
  Scope        *top;
  Scope        *cur;
  const char   *private_name;
  HsDiagnostic *error;
};

void _hs_symtable_error (HsSymTable  *st,
                         const HsLoc *loc,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);
void _hs_symtable_check (HsSymTable  *st);

G_END_DECLS
