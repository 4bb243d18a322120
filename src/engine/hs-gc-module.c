/* hs-gc-module.c — the `gc` module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Modules/gcmodule.c's Python interface, with its argument rules and
 * messages. The collection itself is in hs-gc-collect.c.
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-containers.h"
#include "hs-gc.h"
#include "hs-modules.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-vm.h"

/* Arguments ------------------------------------------------------------------ */

/* One optional argument that may also be passed by keyword (Argument
 * Clinic's `name=default`). *out stays NULL when omitted. */
static gboolean
parse_optional (HsVM            *vm,
                const char      *fname,
                const char      *kwname,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames,
                HsObject       **out)
{
  gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;

  *out = NULL;
  if (nargs + nkw > 1)
    {
      hs_err_format (vm, vm->types.TypeError,
                     "%s() takes at most 1 argument (%" G_GSIZE_FORMAT " given)", fname,
                     nargs + nkw);
      return FALSE;
    }
  if (nargs == 1)
    *out = args[0];
  else if (nkw == 1)
    {
      HsObject *name = HS_TUPLE (kwnames)->items[0];

      if (!hs_str_equal_cstr (name, kwname))
        {
          hs_err_format (vm, vm->types.TypeError,
                         "'%s' is an invalid keyword argument for %s()", hs_str_utf8 (name),
                         fname);
          return FALSE;
        }
      *out = args[0];
    }
  return TRUE;
}

/* METH_NOARGS and METH_O functions of the module: "gc.enable() takes …". */
static gboolean
check_noargs (HsVM       *vm,
              const char *fname,
              gsize       nargs,
              HsObject   *kwnames)
{
  if (kwnames != NULL && HS_TUPLE (kwnames)->len > 0)
    {
      hs_err_format (vm, vm->types.TypeError, "gc.%s() takes no keyword arguments", fname);
      return FALSE;
    }
  if (nargs != 0)
    {
      hs_err_format (vm, vm->types.TypeError, "gc.%s() takes no arguments (%" G_GSIZE_FORMAT
                     " given)", fname, nargs);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_one_arg (HsVM       *vm,
               const char *fname,
               gsize       nargs,
               HsObject   *kwnames)
{
  if (kwnames != NULL && HS_TUPLE (kwnames)->len > 0)
    {
      hs_err_format (vm, vm->types.TypeError, "gc.%s() takes no keyword arguments", fname);
      return FALSE;
    }
  if (nargs != 1)
    {
      hs_err_format (vm, vm->types.TypeError, "gc.%s() takes exactly one argument (%"
                     G_GSIZE_FORMAT " given)", fname, nargs);
      return FALSE;
    }
  return TRUE;
}

static gboolean
as_c_int (HsVM     *vm,
          HsObject *o,
          gint64   *out)
{
  gssize v;

  if (!hs_number_as_ssize (vm, o, &v))
    return FALSE;
  if (v < G_MININT || v > G_MAXINT)
    {
      hs_err_format (vm, vm->types.OverflowError, "Python int too large to convert to C int");
      return FALSE;
    }
  *out = v;
  return TRUE;
}

/* _PyObject_IS_GC: a GC type, except the static (built-in) types. */
static gboolean
object_is_gc (HsVM     *vm,
              HsObject *o)
{
  if (!hs_type_is_gc (o->ob_type))
    return FALSE;
  if (hs_isinstance (o, vm->types.type))
    return (((HsType *) o)->tp_flags & HS_TPFLAG_HEAPTYPE) != 0;
  return TRUE;
}

static HsObject *
int_tuple3 (HsVM   *vm,
            gint64  a,
            gint64  b,
            gint64  c)
{
  HsObject *v[3] = { hs_int_from_i64 (vm, a), hs_int_from_i64 (vm, b), hs_int_from_i64 (vm, c) };
  HsObject *t = NULL;

  if (v[0] != NULL && v[1] != NULL && v[2] != NULL)
    t = hs_tuple_from_array (vm, v, 3);
  for (int i = 0; i < 3; i++)
    hs_xdecref (vm, v[i]);
  return t;
}

/* Functions --------------------------------------------------------------------- */

static HsObject *
gc_enable (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_noargs (vm, "enable", nargs, kw))
    return NULL;
  vm->gc->enabled = TRUE;
  return hs_none (vm);
}

static HsObject *
gc_disable (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_noargs (vm, "disable", nargs, kw))
    return NULL;
  vm->gc->enabled = FALSE;
  return hs_none (vm);
}

static HsObject *
gc_isenabled (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_noargs (vm, "isenabled", nargs, kw))
    return NULL;
  return hs_bool (vm, vm->gc->enabled);
}

static HsObject *
gc_collect (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *arg;
  gint64 gen = HS_GC_NUM_GENERATIONS - 1;

  if (!parse_optional (vm, "collect", "generation", args, nargs, kw, &arg))
    return NULL;
  if (arg != NULL && !as_c_int (vm, arg, &gen))
    return NULL;
  if (gen < 0 || gen >= HS_GC_NUM_GENERATIONS)
    return hs_err_format (vm, vm->types.ValueError, "invalid generation");
  /* Inside a collection (a gc.callbacks function) this does nothing. */
  return hs_int_from_i64 (vm, hs_gc_collect (vm, (int) gen, "manual"));
}

static HsObject *
gc_get_count (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsGCState *gc = vm->gc;

  if (!check_noargs (vm, "get_count", nargs, kw))
    return NULL;
  return int_tuple3 (vm, gc->gens[0].count, gc->gens[1].count, gc->gens[2].count);
}

static HsObject *
gc_get_threshold (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsGCState *gc = vm->gc;

  if (!check_noargs (vm, "get_threshold", nargs, kw))
    return NULL;
  return int_tuple3 (vm, gc->gens[0].threshold, gc->gens[1].threshold, gc->gens[2].threshold);
}

static HsObject *
gc_set_threshold (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  gint64 t[HS_GC_NUM_GENERATIONS];

  if (!hs_check_no_kwargs (vm, "set_threshold", kw))
    return NULL;
  /* PyArg_ParseTuple ("i|ii:set_threshold"). */
  if (nargs < 1)
    return hs_err_format (vm, vm->types.TypeError,
                          "set_threshold() takes at least 1 argument (0 given)");
  if (nargs > 3)
    return hs_err_format (vm, vm->types.TypeError,
                          "set_threshold() takes at most 3 arguments (%" G_GSIZE_FORMAT " given)",
                          nargs);
  for (gsize i = 0; i < nargs; i++)
    if (!as_c_int (vm, args[i], &t[i]))
      return NULL;
  /* Omitted thresholds keep their value. */
  for (gsize i = 0; i < nargs; i++)
    vm->gc->gens[i].threshold = t[i];
  return hs_none (vm);
}

static HsObject *
gc_get_debug (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_noargs (vm, "get_debug", nargs, kw))
    return NULL;
  return hs_int_from_i64 (vm, vm->gc->debug);
}

static HsObject *
gc_set_debug (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  gint64 flags;

  if (!check_one_arg (vm, "set_debug", nargs, kw))
    return NULL;
  if (!as_c_int (vm, args[0], &flags))
    return NULL;
  vm->gc->debug = (guint) flags;
  return hs_none (vm);
}

static gboolean
append_objects (HsVM     *vm,
                HsObject *result,
                HsObject *head)
{
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    if (o != result && hs_list_append (vm, result, o) < 0)
      return FALSE;
  return TRUE;
}

static HsObject *
gc_get_objects (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *arg, *result;
  gint64 gen = -1;

  if (!parse_optional (vm, "get_objects", "generation", args, nargs, kw, &arg))
    return NULL;
  if (arg != NULL && arg != vm->none)
    {
      gssize v;

      if (!hs_int_check (arg))
        return hs_err_format (vm, vm->types.TypeError,
                              "argument should be integer or None, not '%s'", hs_type_name (arg));
      if (!hs_number_as_ssize (vm, arg, &v))
        return NULL;
      gen = v;
    }
  /* The result list exists first: it is tracked, and left out. */
  result = hs_list_new (vm, 0);
  if (result == NULL)
    return NULL;
  if (gen != -1)
    {
      if (gen >= HS_GC_NUM_GENERATIONS)
        {
          hs_decref (vm, result);
          return hs_err_format (vm, vm->types.ValueError,
                                "generation parameter must be less than the number of "
                                "available generations (%i)", HS_GC_NUM_GENERATIONS);
        }
      if (gen < 0)
        {
          hs_decref (vm, result);
          return hs_err_format (vm, vm->types.ValueError,
                                "generation parameter cannot be negative");
        }
      if (!append_objects (vm, result, &vm->gc->gens[gen].head))
        goto error;
      return result;
    }
  for (int i = 0; i < HS_GC_NUM_GENERATIONS; i++)
    if (!append_objects (vm, result, &vm->gc->gens[i].head))
      goto error;
  return result;

error:
  hs_decref (vm, result);
  return NULL;
}

static HsObject *
gc_get_stats (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsGCState *gc = vm->gc;
  HsObject *result;

  if (!check_noargs (vm, "get_stats", nargs, kw))
    return NULL;
  result = hs_list_new (vm, 0);
  if (result == NULL)
    return NULL;
  for (int i = 0; i < HS_GC_NUM_GENERATIONS; i++)
    {
      const char *keys[3] = { "collections", "collected", "uncollectable" };
      gssize values[3] = { gc->stats_collections[i], gc->stats_collected[i],
                           gc->stats_uncollectable[i] };
      HsObject *d = hs_dict_new (vm);

      if (d == NULL)
        goto error;
      for (int k = 0; k < 3; k++)
        {
          HsObject *v = hs_int_from_i64 (vm, values[k]);

          if (v == NULL || hs_dict_setitem_str (vm, d, keys[k], v) < 0)
            {
              hs_xdecref (vm, v);
              hs_decref (vm, d);
              goto error;
            }
          hs_decref (vm, v);
        }
      if (hs_list_append (vm, result, d) < 0)
        {
          hs_decref (vm, d);
          goto error;
        }
      hs_decref (vm, d);
    }
  return result;

error:
  hs_decref (vm, result);
  return NULL;
}

static void
referents_visit (HsObject *o,
                 gpointer  data)
{
  g_ptr_array_add (data, o);
}

static HsObject *
gc_get_referents (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *result;

  if (!hs_check_no_kwargs (vm, "get_referents", kw))
    return NULL;
  result = hs_list_new (vm, 0);
  if (result == NULL)
    return NULL;
  for (gsize i = 0; i < nargs; i++)
    {
      HsObject *o = args[i];

      if (!object_is_gc (vm, o) || o->ob_type->tp_traverse == NULL)
        continue;
      {
        /* Collect first: appending may allocate, which must not happen
         * in the middle of a traversal. */
        g_autoptr(GPtrArray) found = g_ptr_array_new ();

        o->ob_type->tp_traverse (o, referents_visit, found);
        for (guint k = 0; k < found->len; k++)
          if (hs_list_append (vm, result, g_ptr_array_index (found, k)) < 0)
            {
              hs_decref (vm, result);
              return NULL;
            }
      }
    }
  return result;
}

typedef struct
{
  HsObject *const *objs;
  gsize            n;
  gboolean         found;
} ReferrersCtx;

static void
referrers_visit (HsObject *o,
                 gpointer  data)
{
  ReferrersCtx *ctx = data;

  for (gsize i = 0; i < ctx->n; i++)
    if (ctx->objs[i] == o)
      ctx->found = TRUE;
}

static HsObject *
gc_get_referrers (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  HsObject *result;

  if (!hs_check_no_kwargs (vm, "get_referrers", kw))
    return NULL;
  result = hs_list_new (vm, 0);
  if (result == NULL)
    return NULL;
  /* Frames are not objects here: references from running code are never found. */
  for (int g = 0; g < HS_GC_NUM_GENERATIONS; g++)
    {
      HsObject *head = &vm->gc->gens[g].head;

      for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
        {
          ReferrersCtx ctx = { args, nargs, FALSE };

          if (o == result || o->ob_type->tp_traverse == NULL)
            continue;
          o->ob_type->tp_traverse (o, referrers_visit, &ctx);
          if (ctx.found)
            g_ptr_array_add (found, o);
        }
    }
  for (guint i = 0; i < found->len; i++)
    if (hs_list_append (vm, result, g_ptr_array_index (found, i)) < 0)
      {
        hs_decref (vm, result);
        return NULL;
      }
  return result;
}

static HsObject *
gc_is_tracked (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_one_arg (vm, "is_tracked", nargs, kw))
    return NULL;
  return hs_bool (vm, object_is_gc (vm, args[0]) && hs_gc_is_tracked (args[0]));
}

static HsObject *
gc_is_finalized (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_one_arg (vm, "is_finalized", nargs, kw))
    return NULL;
  return hs_bool (vm, object_is_gc (vm, args[0]) && (args[0]->flags & HS_OBJ_FINALIZED));
}

static void
move_all (HsObject *from,
          HsObject *to,
          int       gen)
{
  while (from->gc_next != from)
    {
      HsObject *o = from->gc_next;

      o->gc_prev->gc_next = o->gc_next;
      o->gc_next->gc_prev = o->gc_prev;
      o->gc_prev = to->gc_prev;
      o->gc_next = to;
      to->gc_prev->gc_next = o;
      to->gc_prev = o;
      o->gen = gen;
    }
}

static HsObject *
gc_freeze (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_noargs (vm, "freeze", nargs, kw))
    return NULL;
  /* Every generation goes to the permanent one; only count0 is reset. */
  for (int i = 0; i < HS_GC_NUM_GENERATIONS; i++)
    {
      move_all (&vm->gc->gens[i].head, &vm->gc->permanent.head, HS_GEN_PERMANENT);
      vm->gc->gens[0].count = 0;
    }
  return hs_none (vm);
}

static HsObject *
gc_unfreeze (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_noargs (vm, "unfreeze", nargs, kw))
    return NULL;
  move_all (&vm->gc->permanent.head, &vm->gc->gens[HS_GC_NUM_GENERATIONS - 1].head,
            HS_GC_NUM_GENERATIONS - 1);
  return hs_none (vm);
}

static HsObject *
gc_get_freeze_count (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *head = &vm->gc->permanent.head;
  gint64 n = 0;

  if (!check_noargs (vm, "get_freeze_count", nargs, kw))
    return NULL;
  for (HsObject *o = head->gc_next; o != head; o = o->gc_next)
    n++;
  return hs_int_from_i64 (vm, n);
}

static const HsMethodDef gc_methods[] = {
  { "enable", gc_enable, HS_METH_STATIC, NULL },
  { "disable", gc_disable, HS_METH_STATIC, NULL },
  { "isenabled", gc_isenabled, HS_METH_STATIC, NULL },
  { "collect", gc_collect, HS_METH_STATIC, NULL },
  { "get_count", gc_get_count, HS_METH_STATIC, NULL },
  { "get_threshold", gc_get_threshold, HS_METH_STATIC, NULL },
  { "set_threshold", gc_set_threshold, HS_METH_STATIC, NULL },
  { "get_debug", gc_get_debug, HS_METH_STATIC, NULL },
  { "set_debug", gc_set_debug, HS_METH_STATIC, NULL },
  { "get_objects", gc_get_objects, HS_METH_STATIC, NULL },
  { "get_stats", gc_get_stats, HS_METH_STATIC, NULL },
  { "get_referents", gc_get_referents, HS_METH_STATIC, NULL },
  { "get_referrers", gc_get_referrers, HS_METH_STATIC, NULL },
  { "is_tracked", gc_is_tracked, HS_METH_STATIC, NULL },
  { "is_finalized", gc_is_finalized, HS_METH_STATIC, NULL },
  { "freeze", gc_freeze, HS_METH_STATIC, NULL },
  { "unfreeze", gc_unfreeze, HS_METH_STATIC, NULL },
  { "get_freeze_count", gc_get_freeze_count, HS_METH_STATIC, NULL },
  { NULL }
};

HsObject *
_hs_gc_module_new (HsVM *vm)
{
  static const struct { const char *name; gint64 value; } constants[] = {
    { "DEBUG_STATS", HS_GC_DEBUG_STATS },
    { "DEBUG_COLLECTABLE", HS_GC_DEBUG_COLLECTABLE },
    { "DEBUG_UNCOLLECTABLE", HS_GC_DEBUG_UNCOLLECTABLE },
    { "DEBUG_SAVEALL", HS_GC_DEBUG_SAVEALL },
    { "DEBUG_LEAK", HS_GC_DEBUG_COLLECTABLE | HS_GC_DEBUG_UNCOLLECTABLE | HS_GC_DEBUG_SAVEALL },
  };
  HsObject *m = hs_module_new (vm, "gc");
  HsObject *d;

  if (m == NULL)
    return NULL;
  d = HS_MODULE (m)->dict;
  _hs_module_add_functions (vm, m, gc_methods);
  hs_dict_setitem_str (vm, d, "garbage", vm->gc->garbage);
  hs_dict_setitem_str (vm, d, "callbacks", vm->gc->callbacks);
  for (gsize i = 0; i < G_N_ELEMENTS (constants); i++)
    {
      HsObject *v = hs_int_from_i64 (vm, constants[i].value);

      if (v != NULL)
        hs_dict_setitem_str (vm, d, constants[i].name, v);
      hs_xdecref (vm, v);
    }
  if (hs_err_occurred (vm))
    {
      hs_decref (vm, m);
      return NULL;
    }
  return m;
}
