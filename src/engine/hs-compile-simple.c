/* hs-compile-simple.c — the simple statements that raise or import: raise,
 * assert, import, from … import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-compile-private.h"
#include "hs-containers.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-vm.h"

void
_hs_compile_raise (HsCompiler *c,
                   HsStmt     *s)
{
  int n = 0;

  if (s->v.raise.exc != NULL)
    {
      _hs_compile_expr (c, s->v.raise.exc);
      n = 1;
      if (s->v.raise.cause != NULL)
        {
          _hs_compile_expr (c, s->v.raise.cause);
          n = 2;
        }
    }
  c->u->loc = s->loc;
  _hs_emit (c, HS_OP_RAISE_VARARGS, n);
}

void
_hs_compile_assert (HsCompiler *c,
                    HsStmt     *s)
{
  GArray *ok = _hs_compile_jumps (c);
  const HsLoc *loc = _hs_jump_if_loc (s->v.assert_.test, &s->loc);

  _hs_compile_check_assert (c, s);
  _hs_compile_jump_if (c, s->v.assert_.test, TRUE, ok);
  c->u->loc = *loc;
  _hs_emit (c, HS_OP_LOAD_ASSERTION_ERROR, 0);
  if (s->v.assert_.msg != NULL)
    {
      _hs_compile_expr (c, s->v.assert_.msg);
      c->u->loc = *loc;
      _hs_emit (c, HS_OP_CALL, 0);
    }
  _hs_emit (c, HS_OP_RAISE_VARARGS, 1);
  for (guint i = 0; i < ok->len; i++)
    _hs_patch_jump (c, g_array_index (ok, int, i), _hs_here (c));
}

void
_hs_compile_import (HsCompiler *c,
                    HsStmt     *s)
{
  HsUnit *u = c->u;

  for (int i = 0; i < s->v.import.names.len; i++)
    {
      HsAlias *a = s->v.import.names.items[i];
      const char *store;

      u->loc = s->loc;
      _hs_emit_load_const (c, hs_int_from_i64 (c->vm, 0));
      _hs_emit_none (c);
      _hs_emit (c, HS_OP_IMPORT_NAME, _hs_add_name (c, a->name));
      if (a->asname != NULL)
        store = a->asname;
      else
        {
          const char *dot = strchr (a->name, '.');

          store = a->name;
          if (dot != NULL)
            {
              /* g_intern_string() keeps its own copy. */
              char *head = g_strndup (a->name, dot - a->name);

              store = g_intern_string (head);
              g_free (head);
            }
        }
      _hs_nameop (c, store, HS_CTX_STORE, &s->loc);
    }
}

void
_hs_compile_import_from (HsCompiler *c,
                         HsStmt     *s)
{
  HsUnit *u = c->u;
  HsObject *names;
  HsAliasList *l = &s->v.importfrom.names;

  if (s->v.importfrom.level > 0)
    _hs_compile_error (c, HS_DIAG_NOT_IMPLEMENTED, &s->loc,
                       "relative imports are not supported in Heapscope");
  u->loc = s->loc;
  _hs_emit_load_const (c, hs_int_from_i64 (c->vm, 0));
  names = hs_tuple_new (c->vm, l->len);
  for (int i = 0; i < l->len; i++)
    {
      if (strcmp (l->items[i]->name, "*") == 0)
        _hs_compile_error (c, HS_DIAG_NOT_IMPLEMENTED, &s->loc,
                           "'from … import *' is not supported in Heapscope");
      HS_TUPLE (names)->items[i] = hs_str_intern (c->vm, l->items[i]->name);
    }
  _hs_emit_load_const (c, names);
  _hs_emit (c, HS_OP_IMPORT_NAME, _hs_add_name (c, s->v.importfrom.module));
  for (int i = 0; i < l->len; i++)
    {
      HsAlias *a = l->items[i];

      _hs_emit (c, HS_OP_IMPORT_FROM, _hs_add_name (c, a->name));
      _hs_nameop (c, a->asname != NULL ? a->asname : a->name, HS_CTX_STORE, &s->loc);
    }
  _hs_emit (c, HS_OP_POP_TOP, 0);
}
