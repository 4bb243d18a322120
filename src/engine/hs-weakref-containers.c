/* hs-weakref-containers.c — WeakValueDictionary, WeakKeyDictionary, WeakSet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython implements these in Python (Lib/weakref.py, Lib/_weakrefset.py).
 * This is a C transcription that keeps the objects that matter to a
 * learner: a `data` dict or set of weak references whose callback is one
 * `remove` function per container (holding only a weak reference to it),
 * so entries vanish exactly when CPython's do, the weak references show up
 * in getweakrefcount(), and gc.collect() counts the references freed by
 * the callbacks. Removals are postponed while an iteration runs, as
 * _IterationGuard does.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref-containers-private.h"
#include "hs-weakref-private.h"
#include "hs-weakref.h"



static HsObject *
set_key_error (HsVM     *vm,
               HsObject *key)
{
  HsObject *args = hs_tuple_pack (vm, 1, key);

  if (args != NULL)
    {
      hs_err_set_object (vm, vm->types.KeyError, args);
      hs_decref (vm, args);
    }
  return NULL;
}

static gboolean
check_args (HsVM       *vm,
            const char *fname,
            gsize       nargs,
            gsize       min,
            gsize       max,
            HsObject   *kwnames)
{
  return _hs_weakref_no_kwargs (vm, fname, kwnames) && hs_check_nargs (vm, fname, nargs, min, max);
}

/* ref(ob) without callback: the shared basic reference. */
static HsObject *
basic_ref (HsVM     *vm,
           HsObject *ob)
{
  return hs_weakref_new_ref (vm, vm->types.weakref, ob, NULL);
}

/* Removals -------------------------------------------------------------------------- */

/* _weakref._remove_dead_weakref: deletes data[key] only if it is a dead ref. */
static int
remove_dead_weakref (HsVM     *vm,
                     HsObject *dict,
                     HsObject *key)
{
  HsObject *v = hs_dict_getitem (vm, dict, key);

  if (v == NULL)
    return hs_err_occurred (vm) ? -1 : 0;
  if (hs_weakref_check (vm, v) && hs_weakref_get_object (v) == NULL)
    return hs_dict_delitem (vm, dict, key) < 0 ? -1 : 0;
  return 0;
}

static HsObject *
pending_pop (HsVM     *vm,
             HsObject *pending)
{
  HsList *l = HS_LIST (pending);
  HsObject *item;

  if (l->len == 0)
    return NULL;
  item = l->items[--l->len];
  l->items[l->len] = NULL;
  return item;
}

/* _commit_removals of each class. */
int
_hs_weak_container_commit_removals (HsVM     *vm,
                                    HsObject *self)
{
  HsWeakContainer *c = WC (self);
  HsObject *item;

  while ((item = pending_pop (vm, c->pending)) != NULL)
    {
      int r = 0;

      switch (kind_of (vm, self))
        {
        case KIND_WVD:
          r = remove_dead_weakref (vm, c->data, item);
          break;
        case KIND_WKD:
          if (hs_dict_delitem (vm, c->data, item) < 0)
            r = -1;
          break;
        case KIND_WSET:
          if (hs_set_discard (vm, c->data, item) < 0)
            r = -1;
          break;
        }
      hs_decref (vm, item);
      if (r < 0)
        return -1;
    }
  return 0;
}

int
_hs_weak_container_maybe_commit (HsVM     *vm,
              HsObject *self)
{
  if (HS_LIST (WC (self)->pending)->len > 0)
    return _hs_weak_container_commit_removals (vm, self);
  return 0;
}

/* The `remove` callback: args[0] is its defaults tuple, whose first item is
 * the weak reference to the container; args[1] the dead weak reference. */
static HsObject *
container_remove (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  HsObject *self, *item;
  HsWeakContainer *c;
  int r = 0;

  if (nargs != 2)
    return hs_err_format (vm, vm->types.TypeError, "remove() takes exactly one argument (%"
                          G_GSIZE_FORMAT " given)", nargs - 1);
  self = HS_TUPLE (args[0])->len > 0 ? hs_weakref_get_object (HS_TUPLE (args[0])->items[0]) : NULL;
  if (self == NULL)
    return hs_none (vm);
  c = WC (hs_incref (self));
  /* WeakValueDictionary removes by key, the others by the reference. */
  item = kind_of (vm, self) == KIND_WVD && hs_weakref_check (vm, args[1])
         ? HS_WEAKREF (args[1])->key : args[1];
  if (item == NULL)
    item = vm->none;
  if (c->iterating > 0)
    r = hs_list_append (vm, c->pending, item);
  else
    switch (kind_of (vm, self))
      {
      case KIND_WVD:
        r = remove_dead_weakref (vm, c->data, item);
        break;
      case KIND_WKD:
        r = hs_dict_delitem (vm, c->data, item) < 0 ? -1 : 0;
        break;
      case KIND_WSET:
        r = hs_set_discard (vm, c->data, item) < 0 ? -1 : 0;
        break;
      }
  hs_decref (vm, self);
  return r < 0 ? NULL : hs_none (vm);
}

static const HsMethodDef remove_def = { "remove", container_remove, 0, NULL };

/* _weakref._remove_dead_weakref(dct, key) */
static HsObject *
remove_dead_weakref_func (HsVM            *vm,
                          HsObject        *callable,
                          HsObject *const *args,
                          gsize            nargs,
                          HsObject        *kwnames)
{
  if (!check_args (vm, "_remove_dead_weakref", nargs, 2, 2, kwnames))
    return NULL;
  if (!hs_isinstance (args[0], vm->types.dict))
    return hs_err_format (vm, vm->types.TypeError, "_remove_dead_weakref() argument 1 must be "
                          "dict, not %s", hs_type_name (args[0]));
  if (remove_dead_weakref (vm, args[0], args[1]) < 0)
    return NULL;
  return hs_none (vm);
}

static const HsMethodDef remove_dead_weakref_def = {
  "_remove_dead_weakref", remove_dead_weakref_func, HS_METH_STATIC, NULL
};
static const HsMethodDef wset_remove_def = { "_remove", container_remove, 0, NULL };

static HsObject *
container_alloc (HsVM   *vm,
                 HsType *type)
{
  ContainerKind kind = type == vm->gc->wvd_type ? KIND_WVD
                       : type == vm->gc->wkd_type ? KIND_WKD : KIND_WSET;
  HsObject *self = hs_object_alloc (vm, type, sizeof (HsWeakContainer));
  HsWeakContainer *c = WC (self);
  HsObject *selfref;

  if (self == NULL)
    return NULL;
  c->kind = kind;
  hs_gc_track (vm, self);
  /* WeakKeyDictionary and WeakSet set `data` first, WeakValueDictionary last. */
  if (kind != KIND_WVD)
    c->data = kind == KIND_WSET ? hs_set_new (vm, NULL) : hs_dict_new (vm);
  /* def remove(wr, selfref=ref(self)[, _atomic_removal=_remove_dead_weakref]) */
  selfref = basic_ref (vm, self);
  if (selfref != NULL)
    {
      HsObject *defaults = kind == KIND_WVD
                           ? hs_tuple_pack (vm, 2, selfref, vm->gc->remove_dead_weakref)
                           : hs_tuple_pack (vm, 1, selfref);

      if (defaults != NULL)
        c->remove = hs_cfunction_new (vm, kind == KIND_WSET ? &wset_remove_def : &remove_def,
                                      defaults, NULL);
      hs_xdecref (vm, defaults);
      hs_decref (vm, selfref);
    }
  c->pending = hs_list_new (vm, 0);
  c->iterating_set = hs_set_new (vm, NULL);
  if (kind == KIND_WVD)
    c->data = hs_dict_new (vm);
  if (c->data == NULL || c->remove == NULL || c->pending == NULL || c->iterating_set == NULL)
    {
      hs_decref (vm, self);
      return NULL;
    }
  return self;
}

static void
container_release (HsVM     *vm,
                   HsObject *self)
{
  HsWeakContainer *c = WC (self);

  /* Attribute order of each class's __init__. */
  if (kind_of (vm, self) == KIND_WVD)
    {
      hs_clear_ref (vm, &c->remove);
      hs_clear_ref (vm, &c->pending);
      hs_clear_ref (vm, &c->iterating_set);
      hs_clear_ref (vm, &c->data);
    }
  else
    {
      hs_clear_ref (vm, &c->data);
      hs_clear_ref (vm, &c->remove);
      hs_clear_ref (vm, &c->pending);
      hs_clear_ref (vm, &c->iterating_set);
    }
}

static void
container_dealloc (HsVM     *vm,
                   HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);
  container_release (vm, self);
  hs_object_free (vm, self);
}

static void
container_traverse (HsObject    *self,
                    HsVisitFunc  visit,
                    gpointer     data)
{
  HsWeakContainer *c = WC (self);
  HsObject *order[4] = { c->data, c->remove, c->pending, c->iterating_set };

  /* Attribute order of each class's __init__. */
  if (c->kind == KIND_WVD)
    {
      order[0] = c->remove;
      order[1] = c->pending;
      order[2] = c->iterating_set;
      order[3] = c->data;
    }
  for (int i = 0; i < 4; i++)
    if (order[i] != NULL)
      visit (order[i], data);
}

static void
container_clear (HsVM     *vm,
                 HsObject *self)
{
  container_release (vm, self);
}

static HsObject *
container_repr (HsVM     *vm,
                HsObject *self)
{
  if (kind_of (vm, self) == KIND_WSET)
    return hs_object_repr (vm, WC (self)->data);
  return hs_str_new_printf (vm, "<%s at 0x%" G_GINT64_MODIFIER "x>", self->ob_type->name,
                            hs_object_id (self));
}

static void
container_repr_short (HsObject *self,
                      GString  *out,
                      gsize     max_chars)
{
  HsWeakContainer *c = WC (self);
  gssize n = 0;

  if (c->data != NULL)
    n = c->kind == KIND_WSET ? (gssize) HS_SET (c->data)->used : (gssize) HS_DICT (c->data)->used;
  g_string_append_printf (out, "%s [%" G_GSSIZE_FORMAT " item%s]", self->ob_type->name, n,
                          n == 1 ? "" : "s");
}

/* The attributes weakref.py's classes have (read only here). */
static HsObject *
container_getattro (HsVM     *vm,
                    HsObject *self,
                    HsObject *name)
{
  HsWeakContainer *c = WC (self);

  if (hs_str_equal_cstr (name, "data") && c->data != NULL)
    return hs_incref (c->data);
  if (hs_str_equal_cstr (name, "_remove") && c->remove != NULL)
    return hs_incref (c->remove);
  if (hs_str_equal_cstr (name, "_pending_removals") && c->pending != NULL)
    return hs_incref (c->pending);
  if (hs_str_equal_cstr (name, "_iterating") && c->iterating_set != NULL)
    return hs_incref (c->iterating_set);
  if (c->kind == KIND_WKD && hs_str_equal_cstr (name, "_dirty_len"))
    return hs_bool (vm, c->dirty_len);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
container_iter (HsVM     *vm,
                HsObject *self)
{
  static const char *const names[] = {
    "WeakValueDictionary.__iter__", "WeakKeyDictionary.keys", "WeakSet.__iter__",
  };

  return _hs_weakiter_new (vm, self, ITER_KEYS, names[kind_of (vm, self)]);
}

static HsObject *
container_keys (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_args (vm, "keys", nargs - 1, 0, 0, kw))
    return NULL;
  return _hs_weakiter_new (vm, args[0], ITER_KEYS, kind_of (vm, args[0]) == KIND_WVD
                       ? "WeakValueDictionary.keys" : "WeakKeyDictionary.keys");
}

static HsObject *
container_values (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_args (vm, "values", nargs - 1, 0, 0, kw))
    return NULL;
  return _hs_weakiter_new (vm, args[0], ITER_VALUES, kind_of (vm, args[0]) == KIND_WVD
                       ? "WeakValueDictionary.values" : "WeakKeyDictionary.values");
}

static HsObject *
container_items (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_args (vm, "items", nargs - 1, 0, 0, kw))
    return NULL;
  return _hs_weakiter_new (vm, args[0], ITER_ITEMS, kind_of (vm, args[0]) == KIND_WVD
                       ? "WeakValueDictionary.items" : "WeakKeyDictionary.items");
}

/* WeakValueDictionary ---------------------------------------------------------------- */

static HsObject *
keyed_ref_new (HsVM     *vm,
               HsObject *self,
               HsObject *value,
               HsObject *key)
{
  HsObject *r = hs_weakref_new_ref (vm, vm->gc->keyedref_type, value, WC (self)->remove);

  if (r != NULL)
    HS_WEAKREF (r)->key = hs_incref (key);
  return r;
}

static int
wvd_store (HsVM     *vm,
           HsObject *self,
           HsObject *key,
           HsObject *value)
{
  HsObject *r = keyed_ref_new (vm, self, value, key);
  int res;

  if (r == NULL)
    return -1;
  res = hs_dict_setitem (vm, WC (self)->data, key, r);
  hs_decref (vm, r);
  return res;
}

static HsObject *
wvd_subscript (HsVM     *vm,
               HsObject *self,
               HsObject *key)
{
  HsObject *wr, *o;

  if (_hs_weak_container_maybe_commit (vm, self) < 0)
    return NULL;
  wr = hs_dict_getitem (vm, WC (self)->data, key);
  if (wr == NULL)
    return hs_err_occurred (vm) ? NULL : set_key_error (vm, key);
  o = hs_weakref_get_object (wr);
  if (o == NULL)
    return set_key_error (vm, key);
  return hs_incref (o);
}

static int
wvd_ass_subscript (HsVM     *vm,
                   HsObject *self,
                   HsObject *key,
                   HsObject *value)
{
  int r;

  if (_hs_weak_container_maybe_commit (vm, self) < 0)
    return -1;
  if (value != NULL)
    return wvd_store (vm, self, key, value);
  r = hs_dict_delitem (vm, WC (self)->data, key);
  if (r == 0)
    set_key_error (vm, key);
  return r > 0 ? 0 : -1;
}

static gssize
wvd_length (HsVM     *vm,
            HsObject *self)
{
  if (_hs_weak_container_maybe_commit (vm, self) < 0)
    return -1;
  return HS_DICT (WC (self)->data)->used;
}

static int
wvd_contains (HsVM     *vm,
              HsObject *self,
              HsObject *key)
{
  HsObject *wr;

  if (_hs_weak_container_maybe_commit (vm, self) < 0)
    return -1;
  wr = hs_dict_getitem (vm, WC (self)->data, key);
  if (wr == NULL)
    return hs_err_occurred (vm) ? -1 : 0;
  return hs_weakref_get_object (wr) != NULL;
}

static HsObject *
wvd_get (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0], *wr, *o;

  if (!check_args (vm, "get", nargs - 1, 1, 2, kw) || _hs_weak_container_maybe_commit (vm, self) < 0)
    return NULL;
  wr = hs_dict_getitem (vm, WC (self)->data, args[1]);
  if (wr == NULL && hs_err_occurred (vm))
    return NULL;
  o = wr != NULL ? hs_weakref_get_object (wr) : NULL;
  if (o == NULL)
    return hs_incref (nargs > 2 ? args[2] : vm->none);
  return hs_incref (o);
}

static HsObject *
wvd_pop (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0], *wr, *o = NULL;

  if (!check_args (vm, "pop", nargs - 1, 1, 2, kw) || _hs_weak_container_maybe_commit (vm, self) < 0)
    return NULL;
  wr = hs_dict_getitem (vm, WC (self)->data, args[1]);
  if (wr == NULL && hs_err_occurred (vm))
    return NULL;
  if (wr != NULL)
    {
      hs_incref (wr);
      if (hs_dict_delitem (vm, WC (self)->data, args[1]) < 0)
        {
          hs_decref (vm, wr);
          return NULL;
        }
      o = hs_weakref_get_object (wr);
      if (o != NULL)
        hs_incref (o);
      hs_decref (vm, wr);
    }
  if (o != NULL)
    return o;
  if (nargs > 2)
    return hs_incref (args[2]);
  return set_key_error (vm, args[1]);
}

static HsObject *
wvd_setdefault (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0], *wr, *o, *def;

  if (!check_args (vm, "setdefault", nargs - 1, 1, 2, kw))
    return NULL;
  def = nargs > 2 ? args[2] : vm->none;
  wr = hs_dict_getitem (vm, WC (self)->data, args[1]);
  if (wr == NULL && hs_err_occurred (vm))
    return NULL;
  o = wr != NULL ? hs_weakref_get_object (wr) : NULL;
  if (o != NULL)
    return hs_incref (o);
  if (_hs_weak_container_maybe_commit (vm, self) < 0 || wvd_store (vm, self, args[1], def) < 0)
    return NULL;
  return hs_incref (def);
}

/* dict.popitem() on data: a (key, value) tuple or NULL with KeyError. */
static HsObject *
data_popitem (HsVM     *vm,
              HsObject *data)
{
  return hs_object_call_method (vm, data, "popitem", NULL, 0);
}

static HsObject *
wvd_popitem (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0];

  if (!check_args (vm, "popitem", nargs - 1, 0, 0, kw) || _hs_weak_container_maybe_commit (vm, self) < 0)
    return NULL;
  for (;;)
    {
      HsObject *kv = data_popitem (vm, WC (self)->data);
      HsObject *o, *res;

      if (kv == NULL)
        return NULL;
      o = hs_weakref_get_object (HS_TUPLE (kv)->items[1]);
      if (o == NULL)
        {
          hs_decref (vm, kv);
          continue;
        }
      res = hs_tuple_pack (vm, 2, HS_TUPLE (kv)->items[0], o);
      hs_decref (vm, kv);
      return res;
    }
}

/* Mapping or iterable of pairs, then keywords, into @tmp (a new dict). */
static HsObject *
update_source (HsVM            *vm,
               HsObject        *other,
               HsObject *const *kwvalues,
               HsObject        *kwnames)
{
  HsObject *tmp = hs_dict_new (vm);

  if (tmp == NULL)
    return NULL;
  if (other != NULL && other != vm->none && hs_dict_update (vm, tmp, other) < 0)
    goto fail;
  if (kwnames != NULL)
    for (gsize i = 0; i < HS_TUPLE (kwnames)->len; i++)
      if (hs_dict_setitem (vm, tmp, HS_TUPLE (kwnames)->items[i], kwvalues[i]) < 0)
        goto fail;
  return tmp;

fail:
  hs_decref (vm, tmp);
  return NULL;
}

static int
container_update_from (HsVM     *vm,
                       HsObject *self,
                       HsObject *tmp)
{
  gsize pos = 0;
  HsObject *k, *v;

  while (hs_dict_next (tmp, &pos, &k, &v))
    {
      int r;

      hs_incref (k);
      hs_incref (v);
      if (kind_of (vm, self) == KIND_WVD)
        r = wvd_store (vm, self, k, v);
      else
        {
          HsObject *wr = hs_weakref_new_ref (vm, vm->types.weakref, k, WC (self)->remove);

          r = wr != NULL ? hs_dict_setitem (vm, WC (self)->data, wr, v) : -1;
          hs_xdecref (vm, wr);
        }
      hs_decref (vm, k);
      hs_decref (vm, v);
      if (r < 0)
        return -1;
    }
  return 0;
}

static HsObject *
dict_update (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0], *tmp;
  int r;

  if (!hs_check_nargs (vm, "update", nargs - 1, 0, 1))
    return NULL;
  if (kind_of (vm, self) == KIND_WVD && _hs_weak_container_maybe_commit (vm, self) < 0)
    return NULL;
  tmp = update_source (vm, nargs > 1 ? args[1] : NULL, args + nargs, kw);
  if (tmp == NULL)
    return NULL;
  r = container_update_from (vm, self, tmp);
  hs_decref (vm, tmp);
  return r < 0 ? NULL : hs_none (vm);
}

static HsObject *
dict_clear (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0];

  if (!check_args (vm, "clear", nargs - 1, 0, 0, kw))
    return NULL;
  /* MutableMapping.clear: popitem() until KeyError. */
  for (;;)
    {
      HsObject *kv = hs_object_call_method (vm, self, "popitem", NULL, 0);

      if (kv == NULL)
        {
          if (hs_err_matches (vm, vm->types.KeyError))
            {
              hs_err_clear (vm);
              return hs_none (vm);
            }
          return NULL;
        }
      hs_decref (vm, kv);
    }
}

static HsObject *container_new_empty (HsVM *vm, HsType *type);

static HsObject *
dict_copy (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0], *copy, *it;

  if (!check_args (vm, "copy", nargs - 1, 0, 0, kw))
    return NULL;
  if (kind_of (vm, self) == KIND_WVD && _hs_weak_container_maybe_commit (vm, self) < 0)
    return NULL;
  copy = container_new_empty (vm, self->ob_type);
  if (copy == NULL)
    return NULL;
  it = _hs_weakiter_new (vm, self, ITER_ITEMS, "copy");
  if (it == NULL)
    goto fail;
  for (;;)
    {
      HsObject *kv = it->ob_type->tp_iternext (vm, it);
      int r;

      if (kv == NULL)
        break;
      if (kind_of (vm, self) == KIND_WVD)
        r = wvd_store (vm, copy, HS_TUPLE (kv)->items[0], HS_TUPLE (kv)->items[1]);
      else
        {
          HsObject *wr = hs_weakref_new_ref (vm, vm->types.weakref, HS_TUPLE (kv)->items[0],
                                             WC (copy)->remove);

          r = wr != NULL ? hs_dict_setitem (vm, WC (copy)->data, wr, HS_TUPLE (kv)->items[1]) : -1;
          hs_xdecref (vm, wr);
        }
      hs_decref (vm, kv);
      if (r < 0)
        break;
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    goto fail;
  return copy;

fail:
  hs_decref (vm, copy);
  return NULL;
}

/* WeakKeyDictionary ------------------------------------------------------------------- */

static HsObject *
wkd_subscript (HsVM     *vm,
               HsObject *self,
               HsObject *key)
{
  HsObject *r = basic_ref (vm, key), *v;

  if (r == NULL)
    return NULL;
  v = hs_dict_getitem (vm, WC (self)->data, r);
  if (v == NULL)
    {
      if (!hs_err_occurred (vm))
        set_key_error (vm, r);
      hs_decref (vm, r);
      return NULL;
    }
  hs_incref (v);
  hs_decref (vm, r);
  return v;
}

static int
wkd_ass_subscript (HsVM     *vm,
                   HsObject *self,
                   HsObject *key,
                   HsObject *value)
{
  HsObject *r;
  int res;

  if (value == NULL)
    {
      WC (self)->dirty_len = TRUE;
      r = basic_ref (vm, key);
      if (r == NULL)
        return -1;
      res = hs_dict_delitem (vm, WC (self)->data, r);
      if (res == 0)
        set_key_error (vm, r);
      hs_decref (vm, r);
      return res > 0 ? 0 : -1;
    }
  r = hs_weakref_new_ref (vm, vm->types.weakref, key, WC (self)->remove);
  if (r == NULL)
    return -1;
  res = hs_dict_setitem (vm, WC (self)->data, r, value);
  hs_decref (vm, r);
  return res;
}

static gssize
wkd_length (HsVM     *vm,
            HsObject *self)
{
  HsWeakContainer *c = WC (self);

  if (c->dirty_len && HS_LIST (c->pending)->len > 0)
    {
      /* _scrub_removals: drop pending keys that were deleted explicitly. */
      HsList *l = HS_LIST (c->pending);
      gsize j = 0;

      for (gsize i = 0; i < l->len; i++)
        {
          HsObject *k = l->items[i];
          int in = hs_dict_contains (vm, c->data, k);

          if (in < 0)
            return -1;
          if (in)
            l->items[j++] = k;
          else
            {
              l->items[i] = NULL;
              hs_decref (vm, k);
            }
        }
      l->len = j;
      c->dirty_len = FALSE;
    }
  return HS_DICT (c->data)->used - HS_LIST (c->pending)->len;
}

/* `key in d` / `item in s`: ref(key), False for objects without weakrefs. */
static int
ref_contains (HsVM     *vm,
              HsObject *self,
              HsObject *key)
{
  HsObject *r;
  int res;

  if (!hs_type_supports_weakrefs (key->ob_type))
    return 0;
  r = basic_ref (vm, key);
  if (r == NULL)
    return -1;
  if (kind_of (vm, self) == KIND_WSET)
    res = hs_set_contains (vm, WC (self)->data, r);
  else
    res = hs_dict_contains (vm, WC (self)->data, r);
  hs_decref (vm, r);
  return res;
}

static HsObject *
wkd_get (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *r, *v;

  if (!check_args (vm, "get", nargs - 1, 1, 2, kw))
    return NULL;
  r = basic_ref (vm, args[1]);
  if (r == NULL)
    return NULL;
  v = hs_dict_getitem (vm, WC (args[0])->data, r);
  hs_decref (vm, r);
  if (v == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (nargs > 2 ? args[2] : vm->none);
  return hs_incref (v);
}

static HsObject *
wkd_pop (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0], *r, *v, *res;

  if (!check_args (vm, "pop", nargs - 1, 1, 2, kw))
    return NULL;
  WC (self)->dirty_len = TRUE;
  r = basic_ref (vm, args[1]);
  if (r == NULL)
    return NULL;
  v = hs_dict_getitem (vm, WC (self)->data, r);
  if (v == NULL)
    {
      res = NULL;
      if (!hs_err_occurred (vm))
        res = nargs > 2 ? hs_incref (args[2]) : set_key_error (vm, r);
      hs_decref (vm, r);
      return res;
    }
  res = hs_incref (v);
  if (hs_dict_delitem (vm, WC (self)->data, r) < 0)
    hs_clear_ref (vm, &res);
  hs_decref (vm, r);
  return res;
}

static HsObject *
wkd_setdefault (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0], *r, *v, *def;

  if (!check_args (vm, "setdefault", nargs - 1, 1, 2, kw))
    return NULL;
  def = nargs > 2 ? args[2] : vm->none;
  r = hs_weakref_new_ref (vm, vm->types.weakref, args[1], WC (self)->remove);
  if (r == NULL)
    return NULL;
  v = hs_dict_getitem (vm, WC (self)->data, r);
  if (v == NULL && !hs_err_occurred (vm) && hs_dict_setitem (vm, WC (self)->data, r, def) == 0)
    v = def;
  hs_xincref (v);
  hs_decref (vm, r);
  return v;
}

static HsObject *
wkd_popitem (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *self = args[0];

  if (!check_args (vm, "popitem", nargs - 1, 0, 0, kw))
    return NULL;
  WC (self)->dirty_len = TRUE;
  for (;;)
    {
      HsObject *kv = data_popitem (vm, WC (self)->data);
      HsObject *o, *res;

      if (kv == NULL)
        return NULL;
      o = hs_weakref_get_object (HS_TUPLE (kv)->items[0]);
      if (o == NULL)
        {
          hs_decref (vm, kv);
          continue;
        }
      res = hs_tuple_pack (vm, 2, o, HS_TUPLE (kv)->items[1]);
      hs_decref (vm, kv);
      return res;
    }
}

/* WeakSet --------------------------------------------------------------------------- */

static gssize
wset_length (HsVM     *vm,
             HsObject *self)
{
  return HS_SET (WC (self)->data)->used - HS_LIST (WC (self)->pending)->len;
}

static int
wset_add_item (HsVM     *vm,
               HsObject *self,
               HsObject *item)
{
  HsObject *r;
  int res;

  if (_hs_weak_container_maybe_commit (vm, self) < 0)
    return -1;
  r = hs_weakref_new_ref (vm, vm->types.weakref, item, WC (self)->remove);
  if (r == NULL)
    return -1;
  res = hs_set_add (vm, WC (self)->data, r);
  hs_decref (vm, r);
  return res;
}

static HsObject *
wset_add (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_args (vm, "add", nargs - 1, 1, 1, kw) || wset_add_item (vm, args[0], args[1]) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
wset_update (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *it, *item;

  if (!check_args (vm, "update", nargs - 1, 1, 1, kw) || _hs_weak_container_maybe_commit (vm, args[0]) < 0)
    return NULL;
  it = hs_object_get_iter (vm, args[1]);
  if (it == NULL)
    return NULL;
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      int r = wset_add_item (vm, args[0], item);

      hs_decref (vm, item);
      if (r < 0)
        break;
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? NULL : hs_none (vm);
}

static HsObject *
wset_discard_or_remove (HsVM     *vm,
                        HsObject *const *args,
                        gboolean  must_exist)
{
  HsObject *r;
  int res;

  if (_hs_weak_container_maybe_commit (vm, args[0]) < 0)
    return NULL;
  r = basic_ref (vm, args[1]);
  if (r == NULL)
    return NULL;
  res = hs_set_discard (vm, WC (args[0])->data, r);
  if (res == 0 && must_exist)
    {
      set_key_error (vm, r);
      res = -1;
    }
  hs_decref (vm, r);
  return res < 0 ? NULL : hs_none (vm);
}

static HsObject *
wset_discard (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_args (vm, "discard", nargs - 1, 1, 1, kw))
    return NULL;
  return wset_discard_or_remove (vm, args, FALSE);
}

static HsObject *
wset_remove (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_args (vm, "remove", nargs - 1, 1, 1, kw))
    return NULL;
  return wset_discard_or_remove (vm, args, TRUE);
}

static HsObject *
wset_clear (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_args (vm, "clear", nargs - 1, 0, 0, kw) || _hs_weak_container_maybe_commit (vm, args[0]) < 0)
    return NULL;
  return hs_object_call_method (vm, WC (args[0])->data, "clear", NULL, 0);
}

static HsObject *
wset_pop (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!check_args (vm, "pop", nargs - 1, 0, 0, kw) || _hs_weak_container_maybe_commit (vm, args[0]) < 0)
    return NULL;
  for (;;)
    {
      HsObject *r = hs_object_call_method (vm, WC (args[0])->data, "pop", NULL, 0);
      HsObject *o;

      if (r == NULL)
        {
          if (hs_err_matches (vm, vm->types.KeyError))
            {
              hs_err_clear (vm);
              hs_err_format (vm, vm->types.KeyError, "pop from empty WeakSet");
            }
          return NULL;
        }
      o = hs_weakref_get_object (r);
      if (o != NULL)
        {
          hs_incref (o);
          hs_decref (vm, r);
          return o;
        }
      hs_decref (vm, r);
    }
}

static HsObject *
wset_copy (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *copy, *tmp;

  if (!check_args (vm, "copy", nargs - 1, 0, 0, kw))
    return NULL;
  copy = container_new_empty (vm, args[0]->ob_type);
  if (copy == NULL)
    return NULL;
  tmp = hs_list_from_iterable (vm, args[0]);
  if (tmp != NULL)
    for (gsize i = 0; i < HS_LIST (tmp)->len; i++)
      if (wset_add_item (vm, copy, HS_LIST (tmp)->items[i]) < 0)
        break;
  hs_xdecref (vm, tmp);
  if (hs_err_occurred (vm))
    {
      hs_decref (vm, copy);
      return NULL;
    }
  return copy;
}

/* Construction and types ------------------------------------------------------------- */

static HsObject *
container_new_empty (HsVM   *vm,
                     HsType *type)
{
  return container_alloc (vm, type);
}

static HsObject *
container_new (HsVM            *vm,
               HsObject        *callable,
               HsObject *const *args,
               gsize            nargs,
               HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsObject *self, *src = NULL;
  gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;
  ContainerKind kind = type == vm->gc->wvd_type ? KIND_WVD
                       : type == vm->gc->wkd_type ? KIND_WKD : KIND_WSET;
  const char *pname = kind == KIND_WKD ? "dict" : "data";

  if (nargs - 1 > 1)
    return hs_err_format (vm, vm->types.TypeError, "%s.__init__() takes from 1 to 2 positional "
                          "arguments but %" G_GSIZE_FORMAT " were given", type->name, nargs);
  if (nargs > 1)
    src = args[1];
  if (kind != KIND_WVD && nkw > 0)
    {
      /* WeakKeyDictionary(dict=None) and WeakSet(data=None). */
      if (nkw > 1 || src != NULL || !hs_str_equal_cstr (HS_TUPLE (kwnames)->items[0], pname))
        return hs_err_format (vm, vm->types.TypeError,
                              "__init__() got an unexpected keyword argument '%s'",
                              hs_str_utf8 (HS_TUPLE (kwnames)->items[nkw - 1]));
      src = args[nargs];
      nkw = 0;
      kwnames = NULL;
    }
  self = container_alloc (vm, type);
  if (self == NULL)
    return NULL;
  if (kind == KIND_WSET)
    {
      if (src != NULL && src != vm->none)
        {
          HsObject *argv[2] = { self, src };
          HsObject *r = wset_update (vm, NULL, argv, 2, NULL);

          if (r == NULL)
            goto fail;
          hs_decref (vm, r);
        }
      return self;
    }
  if ((src != NULL && src != vm->none) || nkw > 0)
    {
      HsObject *tmp = update_source (vm, src, args + nargs, kwnames);

      if (tmp == NULL)
        goto fail;
      if (container_update_from (vm, self, tmp) < 0)
        {
          hs_decref (vm, tmp);
          goto fail;
        }
      hs_decref (vm, tmp);
    }
  return self;

fail:
  hs_decref (vm, self);
  return NULL;
}

static const HsMethodDef wvd_methods[] = {
  { "get", wvd_get, 0, NULL },
  { "pop", wvd_pop, 0, NULL },
  { "popitem", wvd_popitem, 0, NULL },
  { "setdefault", wvd_setdefault, 0, NULL },
  { "update", dict_update, 0, NULL },
  { "clear", dict_clear, 0, NULL },
  { "copy", dict_copy, 0, NULL },
  { "keys", container_keys, 0, NULL },
  { "values", container_values, 0, NULL },
  { "items", container_items, 0, NULL },
  { NULL }
};

static const HsMethodDef wkd_methods[] = {
  { "get", wkd_get, 0, NULL },
  { "pop", wkd_pop, 0, NULL },
  { "popitem", wkd_popitem, 0, NULL },
  { "setdefault", wkd_setdefault, 0, NULL },
  { "update", dict_update, 0, NULL },
  { "clear", dict_clear, 0, NULL },
  { "copy", dict_copy, 0, NULL },
  { "keys", container_keys, 0, NULL },
  { "values", container_values, 0, NULL },
  { "items", container_items, 0, NULL },
  { NULL }
};

static const HsMethodDef wset_methods[] = {
  { "add", wset_add, 0, NULL },
  { "discard", wset_discard, 0, NULL },
  { "remove", wset_remove, 0, NULL },
  { "clear", wset_clear, 0, NULL },
  { "pop", wset_pop, 0, NULL },
  { "update", wset_update, 0, NULL },
  { "copy", wset_copy, 0, NULL },
  { NULL }
};

static HsType *
new_container_type (HsVM              *vm,
                    const char        *name,
                    const HsMethodDef *methods)
{
  HsType *t = _hs_type_new_builtin (vm, name, vm->types.object, sizeof (HsWeakContainer), 56,
                                    HS_TPFLAG_GC | HS_TPFLAG_WEAKREFABLE);
  HsObject *m;

  t->tp_new = container_new;
  t->tp_dealloc = container_dealloc;
  t->tp_traverse = container_traverse;
  t->tp_clear = container_clear;
  t->tp_repr = container_repr;
  t->tp_getattro = container_getattro;
  t->tp_iter = container_iter;
  t->tp_repr_short = container_repr_short;
  t->methods = methods;
  _hs_type_ready (vm, t);
  m = hs_str_intern (vm, "weakref");
  if (m != NULL)
    hs_dict_setitem_str (vm, t->dict, "__module__", m);
  hs_xdecref (vm, m);
  return t;
}

void
_hs_weakref_containers_init_types (HsVM *vm)
{
  HsType *t;

  vm->gc->remove_dead_weakref = hs_cfunction_new (vm, &remove_dead_weakref_def, NULL, NULL);

  t = new_container_type (vm, "WeakValueDictionary", wvd_methods);
  t->mp_subscript = wvd_subscript;
  t->mp_ass_subscript = wvd_ass_subscript;
  t->sq_length = wvd_length;
  t->sq_contains = wvd_contains;
  vm->gc->wvd_type = t;

  t = new_container_type (vm, "WeakKeyDictionary", wkd_methods);
  t->mp_subscript = wkd_subscript;
  t->mp_ass_subscript = wkd_ass_subscript;
  t->sq_length = wkd_length;
  t->sq_contains = ref_contains;
  vm->gc->wkd_type = t;

  t = new_container_type (vm, "WeakSet", wset_methods);
  t->sq_length = wset_length;
  t->sq_contains = ref_contains;
  vm->gc->weakset_type = t;

  _hs_weakiter_init_type (vm);
}
