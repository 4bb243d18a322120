/* hs-compile-const.c — the module's constants and the parser's arena
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Equal constants are one object across the whole module (the compiler's
 * c_const_cache), down to the items of constant tuples
 * (merge_consts_recursive). Every constant the parser or the AST optimizer
 * made is also referenced by the parse arena, which python3 frees only
 * when the module's code has finished: sys.getrefcount() of a literal
 * counts that reference.
 */

#include "config.h"

#include <string.h>

#include "hs-compile.h"
#include "hs-compile-private.h"
#include "hs-containers.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-vm.h"

static char *
const_key (HsObject *obj)
{
  GString *key = g_string_new (obj->ob_type->name);

  g_string_append_c (key, ':');
  if (hs_str_check (obj))
    g_string_append_len (key, hs_str_utf8 (obj), hs_str_nbytes (obj));
  else if (hs_int_check (obj))
    {
      g_autofree char *t = hs_int_to_string (obj, 16);

      g_string_append (key, t);
    }
  else if (hs_float_check (obj))
    /* Bitwise: 0.0 and -0.0 are different constants. */
    g_string_append_printf (key, "%016" G_GINT64_MODIFIER "x",
                            *(guint64 *) &HS_FLOAT (obj)->value);
  else if (strcmp (obj->ob_type->name, "tuple") == 0)
    {
      for (gsize i = 0; i < HS_TUPLE (obj)->len; i++)
        {
          g_autofree char *sub = const_key (HS_TUPLE (obj)->items[i]);

          g_string_append_printf (key, "%" G_GSIZE_FORMAT ":%s,", strlen (sub), sub);
        }
    }
  else
    g_string_append_printf (key, "%p", (void *) obj);
  return g_string_free (key, FALSE);
}

/* merge_consts_recursive: the items of a constant tuple are the module's
 * cached constants ((1000, 1000)[0] is (1000, 1000)[1]). */
static void
merge_items (HsCompiler *c,
             HsObject   *obj)
{
  if (obj->ob_type != c->vm->types.tuple)
    return;
  for (gsize i = 0; i < HS_TUPLE (obj)->len; i++)
    {
      HsObject *item = HS_TUPLE (obj)->items[i];
      g_autofree char *key = NULL;
      HsObject *cached;

      merge_items (c, item);
      key = const_key (item);
      cached = g_hash_table_lookup (c->const_cache, key);
      if (cached == NULL)
        g_hash_table_insert (c->const_cache, g_steal_pointer (&key), hs_incref (item));
      else if (cached != item)
        {
          HS_TUPLE (obj)->items[i] = hs_incref (cached);
          hs_decref (c->vm, item);
        }
    }
}

int
_hs_add_const (HsCompiler *c,
               HsObject   *obj)
{
  HsUnit *u = c->u;
  g_autofree char *key = NULL;
  HsObject *cached;

  merge_items (c, obj);
  key = const_key (obj);
  cached = g_hash_table_lookup (c->const_cache, key);

  if (cached != NULL)
    {
      hs_decref (c->vm, obj);
      obj = hs_incref (cached);
    }
  else
    g_hash_table_insert (c->const_cache, g_steal_pointer (&key), hs_incref (obj));

  /* Within one code object, one slot per distinct constant. */
  for (guint i = 0; i < u->consts->len; i++)
    if (g_ptr_array_index (u->consts, i) == obj)
      {
        hs_decref (c->vm, obj);
        return i;
      }
  g_ptr_array_add (u->consts, obj);
  return u->consts->len - 1;
}

void
_hs_const_arena_keep (HsVM     *vm,
                      HsObject *obj)
{
  /* Code objects come from the compiler, not from the parser. */
  if (obj->ob_type == vm->types.code)
    {
      hs_decref (vm, obj);
      return;
    }
  if (vm->const_arena == NULL)
    vm->const_arena = g_ptr_array_new ();
  g_ptr_array_add (vm->const_arena, obj);
}

void
hs_const_arena_release (HsVM *vm)
{
  GPtrArray *arena = g_steal_pointer (&vm->const_arena);

  if (arena == NULL)
    return;
  /* _PyArena_Free drops its list of objects: last to first. */
  for (guint i = arena->len; i > 0; i--)
    hs_decref (vm, g_ptr_array_index (arena, i - 1));
  g_ptr_array_unref (arena);
}
