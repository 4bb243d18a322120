/* hs-scope.h — which scope each name lives in (CPython's symtable.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-arena.h"
#include "hs-ast.h"
#include "hs-diagnostic.h"

G_BEGIN_DECLS

typedef enum
{
  HS_NAME_SCOPE_MODULE,
  HS_NAME_SCOPE_FUNCTION,   /* functions, lambdas, comprehensions */
  HS_NAME_SCOPE_CLASS,
} HsNameScopeType;

typedef enum
{
  HS_NAME_LOCAL,
  HS_NAME_GLOBAL_EXPLICIT,
  HS_NAME_GLOBAL_IMPLICIT,
  HS_NAME_FREE,
  HS_NAME_CELL,
} HsNameKind;

typedef struct _HsNameScope HsNameScope;
typedef struct _HsScopeTable HsScopeTable;

typedef struct
{
  HsNameScopeType   type;
  const char      **params;        /* co_varnames order: positional, kw-only, *args, **kwargs */
  int               n_params;
  const char      **cellvars;
  int               n_cellvars;
  const char      **freevars;
  int               n_freevars;
  gboolean          is_generator;
  gboolean          needs_class_cell;   /* a class whose methods use super() or __class__ */
} HsNameScopeInfo;

/* Analyses @module; NULL with @error for CPython's scope errors. */
HsScopeTable *hs_scope_table_build  (HsModule        *module,
                                     HsArena         *arena,
                                     HsDiagnostic   **error);
void          hs_scope_table_free   (HsScopeTable    *table);
/* The scope a node opens: the HsModule, a FunctionDef/ClassDef HsStmt, or a
 * Lambda/ListComp/SetComp/DictComp/GeneratorExp HsExpr. */
HsNameScope  *hs_scope_table_lookup (HsScopeTable    *table,
                                     gconstpointer    node);
HsNameKind    hs_name_scope_resolve (HsNameScope     *scope,
                                     const char      *name);
void          hs_name_scope_get_info (HsNameScope    *scope,
                                      HsNameScopeInfo *info);

G_END_DECLS
