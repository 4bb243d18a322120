/* hs-weakref-module.c — the `weakref` module and weakref.finalize
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * weakref.finalize follows Lib/weakref.py (3.11): the finalize object is the
 * callback of a weak reference to its object and sits in a registry until
 * it runs, is detached, or runs at interpreter exit. The registry entry's
 * _Info record (the weakref, func, args, kwargs, atexit flag and index) is
 * kept inside the finalize object here; it is released at the same moments
 * as CPython's, so the weak reference dies when CPython's does (which
 * gc.collect() counts).
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-gc.h"
#include "hs-modules.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref-private.h"
#include "hs-weakref.h"

gboolean
_hs_weakref_no_kwargs (HsVM       *vm,
                       const char *fname,
                       HsObject   *kwnames)
{
  return hs_check_no_kwargs (vm, fname, kwnames);
}

/* weakref.finalize ------------------------------------------------------------------ */

typedef struct
{
  HsObject   base;
  /* The _Info record, while the finalizer is registered (alive). */
  gboolean   registered;
  HsObject  *weakref;
  HsObject  *func;
  HsObject  *args;       /* tuple */
  HsObject  *kwargs;     /* dict, or NULL (CPython's None) */
  gboolean   atexit;
  gint64     index;
} HsFinalize;

#define FIN(o) ((HsFinalize *) (o))

typedef struct
{
  HsObject  *weakref;
  HsObject  *func;
  HsObject  *args;
  HsObject  *kwargs;
} FinalizeInfo;

/* registry.pop(self, None): takes the _Info record out of @self. */
static gboolean
finalize_pop_info (HsVM         *vm,
                   HsObject     *self,
                   FinalizeInfo *info)
{
  HsFinalize *f = FIN (self);

  if (!f->registered)
    return FALSE;
  f->registered = FALSE;
  info->weakref = g_steal_pointer (&f->weakref);
  info->func = g_steal_pointer (&f->func);
  info->args = g_steal_pointer (&f->args);
  info->kwargs = g_steal_pointer (&f->kwargs);
  if (vm->gc->finalize_registry != NULL
      && hs_dict_delitem (vm, vm->gc->finalize_registry, self) < 0)
    hs_err_clear (vm);
  return TRUE;
}

/* The record dies: its __slots__ are released in declaration order. */
static void
finalize_info_release (HsVM         *vm,
                       FinalizeInfo *info)
{
  hs_clear_ref (vm, &info->weakref);
  hs_clear_ref (vm, &info->func);
  hs_clear_ref (vm, &info->args);
  hs_clear_ref (vm, &info->kwargs);
}

/* func(*args, **kwargs). */
static HsObject *
call_with (HsVM     *vm,
           HsObject *func,
           HsObject *args,
           HsObject *kwargs)
{
  gsize n = HS_TUPLE (args)->len, nkw = kwargs != NULL ? HS_DICT (kwargs)->used : 0;
  g_autofree HsObject **argv = g_new (HsObject *, n + nkw + 1);
  HsObject *kwnames = NULL, *res;

  for (gsize i = 0; i < n; i++)
    argv[i] = HS_TUPLE (args)->items[i];
  if (nkw > 0)
    {
      gsize pos = 0, i = 0;
      HsObject *k, *v;

      kwnames = hs_tuple_new (vm, nkw);
      if (kwnames == NULL)
        return NULL;
      while (hs_dict_next (kwargs, &pos, &k, &v) && i < nkw)
        {
          HS_TUPLE (kwnames)->items[i] = hs_incref (k);
          argv[n + i] = v;
          i++;
        }
    }
  res = hs_object_call (vm, func, argv, n, kwnames);
  hs_xdecref (vm, kwnames);
  return res;
}

static HsObject *
finalize_call (HsVM            *vm,
               HsObject        *callable,
               HsObject *const *args,
               gsize            nargs,
               HsObject        *kwnames)
{
  FinalizeInfo info = { NULL };
  HsObject *res = NULL;

  /* __call__(self, _=None) */
  if (!hs_check_no_kwargs (vm, "__call__", kwnames) || !hs_check_nargs (vm, "__call__", nargs, 0, 1))
    return NULL;
  hs_incref (callable);
  if (finalize_pop_info (vm, callable, &info) && !vm->gc->finalize_shutdown)
    res = call_with (vm, info.func, info.args, info.kwargs);
  else
    res = hs_none (vm);
  if (res == NULL)
    {
      HsObject *exc = hs_err_fetch (vm);

      finalize_info_release (vm, &info);
      hs_err_restore (vm, exc);
    }
  else
    finalize_info_release (vm, &info);
  hs_decref (vm, callable);
  return res;
}

/* (obj, func, args, kwargs or {}) */
static HsObject *
finalize_state_tuple (HsVM     *vm,
                      HsObject *obj,
                      HsObject *func,
                      HsObject *args,
                      HsObject *kwargs)
{
  HsObject *kw = kwargs != NULL ? hs_incref (kwargs) : hs_dict_new (vm);
  HsObject *res;

  if (kw == NULL)
    return NULL;
  res = hs_tuple_pack (vm, 4, obj, func, args, kw);
  hs_decref (vm, kw);
  return res;
}

static HsObject *
finalize_detach (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0], *obj;
  FinalizeInfo info = { NULL };
  HsObject *res;

  if (!hs_check_no_kwargs (vm, "detach", kw) || !hs_check_nargs (vm, "detach", nargs - 1, 0, 0))
    return NULL;
  if (!FIN (self)->registered)
    return hs_none (vm);
  obj = hs_weakref_get_object (FIN (self)->weakref);
  if (obj == NULL)
    return hs_none (vm);
  hs_incref (obj);
  finalize_pop_info (vm, self, &info);
  res = finalize_state_tuple (vm, obj, info.func, info.args, info.kwargs);
  hs_decref (vm, obj);
  finalize_info_release (vm, &info);
  return res;
}

static HsObject *
finalize_peek (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsFinalize *f = FIN (args[0]);
  HsObject *obj;

  if (!hs_check_no_kwargs (vm, "peek", kw) || !hs_check_nargs (vm, "peek", nargs - 1, 0, 0))
    return NULL;
  obj = f->registered ? hs_weakref_get_object (f->weakref) : NULL;
  if (obj == NULL)
    return hs_none (vm);
  return finalize_state_tuple (vm, obj, f->func, f->args, f->kwargs);
}

static HsObject *
finalize_getattro (HsVM     *vm,
                   HsObject *self,
                   HsObject *name)
{
  HsFinalize *f = FIN (self);

  if (hs_str_equal_cstr (name, "alive"))
    return hs_bool (vm, f->registered);
  if (hs_str_equal_cstr (name, "atexit"))
    return hs_bool (vm, f->registered && f->atexit);
  return hs_object_generic_getattr (vm, self, name);
}

static int
finalize_setattro (HsVM     *vm,
                   HsObject *self,
                   HsObject *name,
                   HsObject *value)
{
  if (hs_str_equal_cstr (name, "atexit") && value != NULL)
    {
      int truth = hs_object_is_true (vm, value);

      if (truth < 0)
        return -1;
      if (FIN (self)->registered)
        FIN (self)->atexit = truth;
      return 0;
    }
  if (hs_str_equal_cstr (name, "alive"))
    {
      hs_err_format (vm, vm->types.AttributeError, "can't set attribute 'alive'");
      return -1;
    }
  return hs_object_generic_setattr (vm, self, name, value);
}

static HsObject *
finalize_repr (HsVM     *vm,
               HsObject *self)
{
  HsFinalize *f = FIN (self);
  HsObject *obj = f->registered ? hs_weakref_get_object (f->weakref) : NULL;

  if (obj == NULL)
    return hs_str_new_printf (vm, "<finalize object at 0x%" G_GINT64_MODIFIER "x; dead>",
                              hs_object_id (self));
  return hs_str_new_printf (vm, "<finalize object at 0x%" G_GINT64_MODIFIER "x; for '%s' at 0x%"
                            G_GINT64_MODIFIER "x>", hs_object_id (self), hs_type_name (obj),
                            hs_object_id (obj));
}

static void
finalize_repr_short (HsObject *self,
                     GString  *out,
                     gsize     max_chars)
{
  g_string_append (out, FIN (self)->registered ? "finalize, alive" : "finalize, dead");
}

static void
finalize_release (HsVM     *vm,
                  HsObject *self)
{
  HsFinalize *f = FIN (self);

  f->registered = FALSE;
  hs_clear_ref (vm, &f->weakref);
  hs_clear_ref (vm, &f->func);
  hs_clear_ref (vm, &f->args);
  hs_clear_ref (vm, &f->kwargs);
}

static void
finalize_dealloc (HsVM     *vm,
                  HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  finalize_release (vm, self);
  hs_object_free (vm, self);
}

static void
finalize_traverse (HsObject    *self,
                   HsVisitFunc  visit,
                   gpointer     data)
{
  HsFinalize *f = FIN (self);

  /* CPython reaches these through the registry's _Info record. */
  if (f->weakref != NULL)
    visit (f->weakref, data);
  if (f->func != NULL)
    visit (f->func, data);
  if (f->args != NULL)
    visit (f->args, data);
  if (f->kwargs != NULL)
    visit (f->kwargs, data);
}

static HsObject *
finalize_new (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;
  HsFinalize *f;
  HsObject *self;

  /* finalize(obj, func, /, *args, **kwargs) */
  if (nargs < 3)
    {
      if (nargs == 2)
        return hs_err_format (vm, vm->types.TypeError, "finalize.__init__() missing 1 required "
                              "positional argument: 'func'");
      return hs_err_format (vm, vm->types.TypeError, "finalize.__init__() missing 2 required "
                            "positional arguments: 'obj' and 'func'");
    }
  self = hs_object_alloc (vm, type, sizeof (HsFinalize));
  if (self == NULL)
    return NULL;
  f = FIN (self);
  hs_gc_track (vm, self);

  f->weakref = hs_weakref_new_ref (vm, vm->types.weakref, args[1], self);
  if (f->weakref == NULL)
    goto fail;
  f->func = hs_incref (args[2]);
  f->args = hs_tuple_from_array (vm, args + 3, nargs - 3);
  if (f->args == NULL)
    goto fail;
  if (nkw > 0)
    {
      f->kwargs = hs_dict_new (vm);
      if (f->kwargs == NULL)
        goto fail;
      for (gsize i = 0; i < nkw; i++)
        if (hs_dict_setitem (vm, f->kwargs, HS_TUPLE (kwnames)->items[i], args[nargs + i]) < 0)
          goto fail;
    }
  f->atexit = TRUE;
  f->index = vm->gc->finalize_next_index++;
  if (vm->gc->finalize_registry == NULL)
    {
      vm->gc->finalize_registry = hs_dict_new (vm);
      if (vm->gc->finalize_registry == NULL)
        goto fail;
    }
  if (hs_dict_setitem (vm, vm->gc->finalize_registry, self, vm->none) < 0)
    goto fail;
  f->registered = TRUE;
  vm->gc->finalize_dirty = TRUE;
  return self;

fail:
  hs_decref (vm, self);
  return NULL;
}

static const HsMethodDef finalize_methods[] = {
  { "detach", finalize_detach, 0, NULL },
  { "peek", finalize_peek, 0, NULL },
  { NULL }
};

void
_hs_weakref_finalize_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "finalize", vm->types.object, sizeof (HsFinalize), 32,
                                    HS_TPFLAG_GC);
  HsObject *m;

  t->tp_new = finalize_new;
  t->tp_call = finalize_call;
  t->tp_dealloc = finalize_dealloc;
  t->tp_traverse = finalize_traverse;
  t->tp_clear = finalize_release;
  t->tp_getattro = finalize_getattro;
  t->tp_setattro = finalize_setattro;
  t->tp_repr = finalize_repr;
  t->tp_repr_short = finalize_repr_short;
  t->methods = finalize_methods;
  _hs_type_ready (vm, t);
  m = hs_str_intern (vm, "weakref");
  if (m != NULL)
    hs_dict_setitem_str (vm, t->dict, "__module__", m);
  hs_xdecref (vm, m);
  vm->gc->finalize_type = t;
}

/* The live finalizers marked for exit, oldest first (_select_for_exit). */
static GPtrArray *
select_for_exit (HsVM *vm)
{
  GPtrArray *pending = g_ptr_array_new ();
  gsize pos = 0;
  HsObject *k, *v;

  /* The registry keeps creation order, which is index order. */
  while (hs_dict_next (vm->gc->finalize_registry, &pos, &k, &v))
    if (FIN (k)->registered && FIN (k)->atexit)
      g_ptr_array_add (pending, hs_incref (k));
  return pending;
}

void
_hs_weakref_run_atexit (HsVM *vm)
{
  HsGCState *gc = vm->gc;
  GPtrArray *pending = NULL;
  gboolean reenable_gc = FALSE;

  if (gc->finalize_registry != NULL && HS_DICT (gc->finalize_registry)->used > 0)
    {
      /* _exitfunc runs with automatic collection off. */
      if (gc->enabled)
        {
          reenable_gc = TRUE;
          gc->enabled = FALSE;
        }
      for (;;)
        {
          HsObject *f, *res;

          if (pending == NULL || gc->finalize_dirty)
            {
              if (pending != NULL)
                {
                  for (guint i = 0; i < pending->len; i++)
                    hs_decref (vm, g_ptr_array_index (pending, i));
                  g_ptr_array_unref (pending);
                }
              pending = select_for_exit (vm);
              gc->finalize_dirty = FALSE;
            }
          if (pending->len == 0)
            break;
          /* Newest first. */
          f = g_ptr_array_steal_index (pending, pending->len - 1);
          res = finalize_call (vm, f, NULL, 0, NULL);
          if (res == NULL)
            {
              /* sys.excepthook(*sys.exc_info()) */
              HsObject *exc = hs_err_fetch (vm);

              if (exc != NULL && hs_isinstance (exc, vm->types.Exception))
                hs_traceback_print (vm, exc);
              hs_xdecref (vm, exc);
            }
          else
            hs_decref (vm, res);
          hs_decref (vm, f);
        }
      for (guint i = 0; i < pending->len; i++)
        hs_decref (vm, g_ptr_array_index (pending, i));
      g_ptr_array_unref (pending);
    }
  /* No finalize callback runs any more, even if its object dies later. */
  gc->finalize_shutdown = TRUE;
  if (reenable_gc)
    gc->enabled = TRUE;
}

/* Module functions --------------------------------------------------------------------- */

static HsObject *
weakref_proxy (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_no_kwargs (vm, "proxy", kw) || !hs_check_nargs (vm, "proxy", nargs, 1, 2))
    return NULL;
  return hs_weakref_new_proxy (vm, args[0], nargs > 1 ? args[1] : NULL);
}

static HsObject *
weakref_getweakrefcount (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_no_kwargs (vm, "getweakrefcount", kw)
      || !hs_check_nargs (vm, "getweakrefcount", nargs, 1, 1))
    return NULL;
  if (!hs_type_supports_weakrefs (args[0]->ob_type))
    return hs_int_from_i64 (vm, 0);
  return hs_int_from_i64 (vm, hs_weakref_count (args[0]));
}

static HsObject *
weakref_getweakrefs (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *result;
  gsize n = 0;

  if (!hs_check_no_kwargs (vm, "getweakrefs", kw)
      || !hs_check_nargs (vm, "getweakrefs", nargs, 1, 1))
    return NULL;
  if (hs_type_supports_weakrefs (args[0]->ob_type))
    n = hs_weakref_count (args[0]);
  result = hs_list_new (vm, n);
  if (result == NULL)
    return NULL;
  {
    HsWeakRef *r = args[0]->weakrefs;

    for (gsize i = 0; i < n && r != NULL; i++, r = r->wr_next)
      HS_LIST (result)->items[i] = hs_incref ((HsObject *) r);
  }
  return result;
}

static const HsMethodDef weakref_functions[] = {
  { "proxy", weakref_proxy, HS_METH_STATIC, NULL },
  { "getweakrefcount", weakref_getweakrefcount, HS_METH_STATIC, NULL },
  { "getweakrefs", weakref_getweakrefs, HS_METH_STATIC, NULL },
  { NULL }
};

HsObject *
_hs_weakref_module_new (HsVM *vm)
{
  HsObject *m = hs_module_new (vm, "weakref");
  HsObject *d, *proxy_types;
  const struct { const char *name; HsType *type; } types[] = {
    { "ref", vm->types.weakref },
    { "ReferenceType", vm->types.weakref },
    { "ProxyType", vm->types.weakproxy },
    { "CallableProxyType", vm->types.weakcallableproxy },
    { "KeyedRef", vm->gc->keyedref_type },
    { "WeakValueDictionary", vm->gc->wvd_type },
    { "WeakKeyDictionary", vm->gc->wkd_type },
    { "WeakSet", vm->gc->weakset_type },
    { "finalize", vm->gc->finalize_type },
  };

  if (m == NULL)
    return NULL;
  d = HS_MODULE (m)->dict;
  _hs_module_add_functions (vm, m, weakref_functions);
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (types[i].type != NULL)
      hs_dict_setitem_str (vm, d, types[i].name, (HsObject *) types[i].type);
  if (vm->gc->remove_dead_weakref != NULL)
    hs_dict_setitem_str (vm, d, "_remove_dead_weakref", vm->gc->remove_dead_weakref);
  proxy_types = hs_tuple_pack (vm, 2, (HsObject *) vm->types.weakproxy,
                               (HsObject *) vm->types.weakcallableproxy);
  if (proxy_types != NULL)
    {
      hs_dict_setitem_str (vm, d, "ProxyTypes", proxy_types);
      hs_decref (vm, proxy_types);
    }
  if (hs_err_occurred (vm))
    {
      hs_decref (vm, m);
      return NULL;
    }
  return m;
}
