/* hs-dict-views.c — dict_keys, dict_values, dict_items and the dict iterators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views hold a reference to their dict and are GC-tracked; iterators detect
 * a size change ("dictionary changed size during iteration") and let go of
 * the dict once exhausted. The items iterator recycles its (key, value)
 * tuple when nobody else holds it, as CPython's does: `for k, v in
 * d.items()` allocates no tuple per step.
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-containers-private.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* Iterators ------------------------------------------------------------------ */

HsObject *
_hs_dict_iter_new (HsVM     *vm,
                   HsObject *dict,
                   HsType   *type)
{
  HsDictIter *di = (HsDictIter *) hs_object_alloc (vm, type, sizeof (HsDictIter));

  if (di == NULL)
    return NULL;
  di->dict = hs_incref (dict);
  di->used = HS_DICT (dict)->used;
  di->len = HS_DICT (dict)->used;
  di->pos = 0;
  if (type == vm->types.dict_itemiterator)
    {
      di->result = hs_tuple_pack (vm, 2, vm->none, vm->none);
      if (di->result == NULL)
        {
          hs_decref (vm, (HsObject *) di);
          return NULL;
        }
    }
  hs_gc_track (vm, (HsObject *) di);
  return (HsObject *) di;
}

static void
dictiter_dealloc (HsVM     *vm,
                  HsObject *self)
{
  HsDictIter *di = (HsDictIter *) self;

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &di->dict);
  hs_clear_ref (vm, &di->result);
  hs_object_free (vm, self);
}

static void
dictiter_traverse (HsObject    *self,
                   HsVisitFunc  visit,
                   gpointer     user_data)
{
  HsDictIter *di = (HsDictIter *) self;

  if (di->dict != NULL)
    visit (di->dict, user_data);
  if (di->result != NULL)
    visit (di->result, user_data);
}

static HsObject *
dictiter_self (HsVM     *vm,
               HsObject *self)
{
  return hs_incref (self);
}

/* The next live entry, or -1 (the iterator is then exhausted or failed). */
static gssize
dictiter_advance (HsVM       *vm,
                  HsDictIter *di)
{
  HsObject *dict = di->dict;
  HsDict *d;
  gssize i;

  if (dict == NULL)
    return -1;
  d = HS_DICT (dict);
  if (di->used != (gssize) d->used)
    {
      hs_err_set_string (vm, vm->types.RuntimeError,
                         "dictionary changed size during iteration");
      di->used = -1;   /* sticky */
      return -1;
    }
  i = di->pos;
  while (i < (gssize) d->n_entries && d->entries[i].value == NULL)
    i++;
  if (i >= (gssize) d->n_entries)
    goto fail;
  /* An element we did not expect: same size, different keys. */
  if (di->len == 0)
    {
      hs_err_set_string (vm, vm->types.RuntimeError,
                         "dictionary keys changed during iteration");
      goto fail;
    }
  di->pos = i + 1;
  di->len--;
  return i;

fail:
  di->dict = NULL;
  hs_decref (vm, dict);
  return -1;
}

static HsObject *
dictiter_nextkey (HsVM     *vm,
                  HsObject *self)
{
  HsDictIter *di = (HsDictIter *) self;
  gssize i = dictiter_advance (vm, di);

  if (i < 0)
    return NULL;
  return hs_incref (HS_DICT (di->dict)->entries[i].key);
}

static HsObject *
dictiter_nextvalue (HsVM     *vm,
                    HsObject *self)
{
  HsDictIter *di = (HsDictIter *) self;
  gssize i = dictiter_advance (vm, di);

  if (i < 0)
    return NULL;
  return hs_incref (HS_DICT (di->dict)->entries[i].value);
}

static HsObject *
dictiter_nextitem (HsVM     *vm,
                   HsObject *self)
{
  HsDictIter *di = (HsDictIter *) self;
  gssize i = dictiter_advance (vm, di);
  HsObject *key, *value, *result;

  if (i < 0)
    return NULL;
  key = hs_incref (HS_DICT (di->dict)->entries[i].key);
  value = hs_incref (HS_DICT (di->dict)->entries[i].value);
  result = di->result;
  if (result->ob_refcnt == 1)
    {
      /* Nobody else holds the last pair: reuse it. */
      HsObject *oldkey = HS_TUPLE (result)->items[0];
      HsObject *oldvalue = HS_TUPLE (result)->items[1];

      HS_TUPLE (result)->items[0] = key;
      HS_TUPLE (result)->items[1] = value;
      hs_incref (result);
      hs_decref (vm, oldkey);
      hs_decref (vm, oldvalue);
      /* A collection may have untracked it meanwhile. */
      if (!hs_gc_is_tracked (result))
        hs_gc_track (vm, result);
      return result;
    }
  result = hs_tuple_new (vm, 2);
  if (result == NULL)
    {
      hs_decref (vm, key);
      hs_decref (vm, value);
      return NULL;
    }
  HS_TUPLE (result)->items[0] = key;
  HS_TUPLE (result)->items[1] = value;
  return result;
}

static HsObject *
dictiter_length_hint (HsVM            *vm,
                      HsObject        *callable,
                      HsObject *const *args,
                      gsize            nargs,
                      HsObject        *kwnames)
{
  HsDictIter *di = (HsDictIter *) args[0];
  gssize len = 0;

  if (di->dict != NULL && di->used == (gssize) HS_DICT (di->dict)->used)
    len = di->len;
  return hs_int_from_i64 (vm, len);
}

static void
dictiter_repr_short (HsObject *self,
                     GString  *out,
                     gsize     max_chars)
{
  HsDictIter *di = (HsDictIter *) self;

  if (di->dict == NULL)
    g_string_append (out, "exhausted");
  else
    g_string_append_printf (out, "%" G_GSSIZE_FORMAT " left", di->len);
}

static const HsMethodDef dictiter_methods[] = {
  { "__length_hint__", dictiter_length_hint, 0, NULL },
  { NULL }
};

/* Views -------------------------------------------------------------------------- */

static HsObject *
view_new (HsVM     *vm,
          HsObject *dict,
          HsType   *type)
{
  HsDictView *dv = (HsDictView *) hs_object_alloc (vm, type, sizeof (HsDictView));

  if (dv == NULL)
    return NULL;
  dv->dict = hs_incref (dict);
  hs_gc_track (vm, (HsObject *) dv);
  return (HsObject *) dv;
}

HsObject *
_hs_dict_new_keys_view (HsVM     *vm,
                        HsObject *dict)
{
  return view_new (vm, dict, vm->types.dict_keys);
}

HsObject *
_hs_dict_new_values_view (HsVM     *vm,
                          HsObject *dict)
{
  return view_new (vm, dict, vm->types.dict_values);
}

HsObject *
_hs_dict_new_items_view (HsVM     *vm,
                         HsObject *dict)
{
  return view_new (vm, dict, vm->types.dict_items);
}

static HsObject *
view_dict (HsObject *view)
{
  return ((HsDictView *) view)->dict;
}

static void
view_dealloc (HsVM     *vm,
              HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &((HsDictView *) self)->dict);
  hs_object_free (vm, self);
}

static void
view_traverse (HsObject    *self,
               HsVisitFunc  visit,
               gpointer     user_data)
{
  HsObject *dict = view_dict (self);

  if (dict != NULL)
    visit (dict, user_data);
}

static gssize
view_length (HsVM     *vm,
             HsObject *self)
{
  return HS_DICT (view_dict (self))->used;
}

static HsObject *
keys_iter (HsVM     *vm,
           HsObject *self)
{
  return _hs_dict_iter_new (vm, view_dict (self), vm->types.dict_keyiterator);
}

static HsObject *
values_iter (HsVM     *vm,
             HsObject *self)
{
  return _hs_dict_iter_new (vm, view_dict (self), vm->types.dict_valueiterator);
}

static HsObject *
items_iter (HsVM     *vm,
            HsObject *self)
{
  return _hs_dict_iter_new (vm, view_dict (self), vm->types.dict_itemiterator);
}

static int
keys_contains (HsVM     *vm,
               HsObject *self,
               HsObject *key)
{
  return hs_dict_contains (vm, view_dict (self), key);
}

/* (key, value) in d.items(): the key is looked up, then the values compared. */
static int
items_contains (HsVM     *vm,
                HsObject *self,
                HsObject *obj)
{
  HsObject *found;
  gint64 hash, ix;
  int r;

  if (!hs_isinstance (obj, vm->types.tuple) || HS_TUPLE (obj)->len != 2)
    return 0;
  if (!_hs_dict_key_hash (vm, HS_TUPLE (obj)->items[0], &hash))
    return -1;
  ix = _hs_dict_lookup (vm, view_dict (self), HS_TUPLE (obj)->items[0], hash, &found);
  if (ix == HS_DKIX_ERROR)
    return -1;
  if (found == NULL)
    return 0;
  hs_incref (found);
  r = hs_object_richcompare_bool (vm, found, HS_TUPLE (obj)->items[1], HS_EQ);
  hs_decref (vm, found);
  return r;
}

/* "dict_keys(['a'])": the type name around repr(list(view)). */
static HsObject *
view_repr (HsVM     *vm,
           HsObject *self)
{
  HsObject *seq, *res = NULL;
  GString *out;

  if (!hs_repr_enter (vm, self))
    return hs_str_new (vm, "...", -1);
  seq = hs_list_from_iterable (vm, self);
  if (seq != NULL)
    {
      out = g_string_new (self->ob_type->name);
      g_string_append_c (out, '(');
      if (hs_object_repr_append (vm, seq, out))
        {
          g_string_append_c (out, ')');
          res = hs_str_from_gstring (vm, out);
        }
      g_string_free (out, TRUE);
      hs_decref (vm, seq);
    }
  hs_repr_leave (vm, self);
  return res;
}

static void
view_repr_short (HsObject *self,
                 GString  *out,
                 gsize     max_chars)
{
  HsObject *dict = view_dict (self);

  g_string_append_printf (out, "%" G_GSIZE_FORMAT " item%s", HS_DICT (dict)->used,
                          HS_DICT (dict)->used == 1 ? "" : "s");
}

static gboolean
is_set_view (HsVM     *vm,
             HsObject *o)
{
  return o->ob_type == vm->types.dict_keys || o->ob_type == vm->types.dict_items;
}

static gboolean
is_any_set (HsVM     *vm,
            HsObject *o)
{
  return hs_isinstance (o, vm->types.set) || hs_isinstance (o, vm->types.frozenset);
}

/* Every element of @self is in @other. */
static int
all_contained_in (HsVM     *vm,
                  HsObject *self,
                  HsObject *other)
{
  HsObject *it = hs_object_get_iter (vm, self), *next;
  int ok = 1;

  if (it == NULL)
    return -1;
  for (;;)
    {
      next = hs_iter_next (vm, it);
      if (next == NULL)
        {
          if (hs_err_occurred (vm))
            ok = -1;
          break;
        }
      ok = hs_object_contains (vm, other, next);
      hs_decref (vm, next);
      if (ok <= 0)
        break;
    }
  hs_decref (vm, it);
  return ok;
}

/* Keys and items views compare like sets, with sets and with each other. */
static HsObject *
view_richcompare (HsVM     *vm,
                  HsObject *self,
                  HsObject *other,
                  int       op)
{
  gssize len_self, len_other;
  int ok = 0;

  if (!is_any_set (vm, other) && !is_set_view (vm, other))
    return hs_not_implemented (vm);
  len_self = hs_object_length (vm, self);
  if (len_self < 0)
    return NULL;
  len_other = hs_object_length (vm, other);
  if (len_other < 0)
    return NULL;

  switch (op)
    {
    case HS_NE:
    case HS_EQ:
      if (len_self == len_other)
        ok = all_contained_in (vm, self, other);
      if (op == HS_NE && ok >= 0)
        ok = !ok;
      break;
    case HS_LT:
      if (len_self < len_other)
        ok = all_contained_in (vm, self, other);
      break;
    case HS_LE:
      if (len_self <= len_other)
        ok = all_contained_in (vm, self, other);
      break;
    case HS_GT:
      if (len_self > len_other)
        ok = all_contained_in (vm, other, self);
      break;
    case HS_GE:
      if (len_self >= len_other)
        ok = all_contained_in (vm, other, self);
      break;
    default:
      break;
    }
  if (ok < 0)
    return NULL;
  return hs_bool (vm, ok);
}

/* dictviews_to_set: set(left), straight from the dict for a keys view. */
static HsObject *
views_to_set (HsVM     *vm,
              HsObject *left)
{
  if (left->ob_type == vm->types.dict_keys && _hs_dict_check_exact (view_dict (left)))
    left = view_dict (left);
  return hs_set_new (vm, left);
}

static HsObject *
views_with_method (HsVM       *vm,
                   HsObject   *self,
                   HsObject   *other,
                   const char *method)
{
  HsObject *result = views_to_set (vm, self), *tmp;

  if (result == NULL)
    return NULL;
  tmp = _hs_set_call_method (vm, result, method, other);
  if (tmp == NULL)
    {
      hs_decref (vm, result);
      return NULL;
    }
  hs_decref (vm, tmp);
  return result;
}

static HsObject *
views_sub (HsVM     *vm,
           HsObject *self,
           HsObject *other)
{
  return views_with_method (vm, self, other, "difference_update");
}

static HsObject *
views_xor (HsVM     *vm,
           HsObject *self,
           HsObject *other)
{
  return views_with_method (vm, self, other, "symmetric_difference_update");
}

static HsObject *
views_or (HsVM     *vm,
          HsObject *self,
          HsObject *other)
{
  HsObject *result = views_to_set (vm, self);

  if (result == NULL)
    return NULL;
  if (hs_set_update (vm, result, other) < 0)
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

/* _PyDictView_Intersect: walks the smaller side, testing the view. */
static HsObject *
views_and (HsVM     *vm,
           HsObject *self,
           HsObject *other)
{
  HsObject *result, *it, *key;
  gssize len_self;

  /* The interpreter swaps the operands when the view is on the right. */
  if (!is_set_view (vm, self))
    {
      HsObject *tmp = other;

      other = self;
      self = tmp;
    }
  len_self = view_length (vm, self);
  if (other->ob_type == vm->types.set)
    {
      gssize len_other = hs_object_length (vm, other);

      if (len_other < 0)
        return NULL;
      if (len_self <= len_other)
        return _hs_set_call_method (vm, other, "intersection", self);
    }
  if (is_set_view (vm, other) && view_length (vm, other) > len_self)
    {
      HsObject *tmp = other;

      other = self;
      self = tmp;
    }

  result = hs_set_new (vm, NULL);
  if (result == NULL)
    return NULL;
  it = hs_object_get_iter (vm, other);
  if (it == NULL)
    {
      hs_decref (vm, result);
      return NULL;
    }
  while ((key = hs_iter_next (vm, it)) != NULL)
    {
      int rv = self->ob_type == vm->types.dict_keys ? keys_contains (vm, self, key)
                                                    : items_contains (vm, self, key);

      if (rv > 0)
        rv = hs_set_add (vm, result, key) < 0 ? -1 : 1;
      hs_decref (vm, key);
      if (rv < 0)
        {
          hs_decref (vm, it);
          hs_decref (vm, result);
          return NULL;
        }
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

static HsObject *
view_isdisjoint (HsVM            *vm,
                 HsObject        *callable,
                 HsObject *const *args,
                 gsize            nargs,
                 HsObject        *kwnames)
{
  HsObject *self = args[0], *other, *it, *item;

  if (!hs_check_no_kwargs (vm, "isdisjoint", kwnames)
      || !hs_check_nargs (vm, "isdisjoint", nargs - 1, 1, 1))
    return NULL;
  other = args[1];
  if (self == other)
    return hs_bool (vm, view_length (vm, self) == 0);
  /* Iterate over the shorter object (only if other is a set, a view or a
   * sequence with a length). */
  if (is_any_set (vm, other) || is_set_view (vm, other))
    {
      gssize len_other = hs_object_length (vm, other);

      if (len_other < 0)
        return NULL;
      if (view_length (vm, self) > len_other)
        {
          HsObject *tmp = other;

          other = self;
          self = tmp;
        }
    }
  it = hs_object_get_iter (vm, other);
  if (it == NULL)
    return NULL;
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      int contains = hs_object_contains (vm, self, item);

      hs_decref (vm, item);
      if (contains != 0)
        {
          hs_decref (vm, it);
          return contains < 0 ? NULL : hs_bool (vm, FALSE);
        }
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    return NULL;
  return hs_bool (vm, TRUE);
}

static const HsMethodDef setview_methods[] = {
  { "isdisjoint", view_isdisjoint, 0, NULL },
  { NULL }
};

static HsType *
new_view_type (HsVM       *vm,
               const char *name)
{
  HsType *t = _hs_type_new_builtin (vm, name, vm->types.object, sizeof (HsDictView), 40,
                                    HS_TPFLAG_GC);

  t->tp_dealloc = view_dealloc;
  t->tp_traverse = view_traverse;
  t->tp_repr = view_repr;
  t->tp_repr_short = view_repr_short;
  t->sq_length = view_length;
  return t;
}

static HsType *
new_iter_type (HsVM        *vm,
               const char  *name,
               HsUnaryFunc  next)
{
  HsType *t = _hs_type_new_builtin (vm, name, vm->types.object, sizeof (HsDictIter), 72,
                                    HS_TPFLAG_GC);

  t->tp_dealloc = dictiter_dealloc;
  t->tp_traverse = dictiter_traverse;
  t->tp_iter = dictiter_self;
  t->tp_iternext = next;
  t->tp_repr_short = dictiter_repr_short;
  t->methods = dictiter_methods;
  return t;
}

void
_hs_dict_views_init_types (HsVM *vm)
{
  HsType *t;

  t = new_view_type (vm, "dict_keys");
  t->tp_iter = keys_iter;
  t->sq_contains = keys_contains;
  t->tp_richcompare = view_richcompare;
  t->nb[HS_OP_SUB] = views_sub;
  t->nb[HS_OP_BITAND] = views_and;
  t->nb[HS_OP_BITOR] = views_or;
  t->nb[HS_OP_BITXOR] = views_xor;
  t->methods = setview_methods;
  vm->types.dict_keys = t;
  _hs_type_ready (vm, t);

  t = new_view_type (vm, "dict_values");
  t->tp_iter = values_iter;
  vm->types.dict_values = t;
  _hs_type_ready (vm, t);

  t = new_view_type (vm, "dict_items");
  t->tp_iter = items_iter;
  t->sq_contains = items_contains;
  t->tp_richcompare = view_richcompare;
  t->nb[HS_OP_SUB] = views_sub;
  t->nb[HS_OP_BITAND] = views_and;
  t->nb[HS_OP_BITOR] = views_or;
  t->nb[HS_OP_BITXOR] = views_xor;
  t->methods = setview_methods;
  vm->types.dict_items = t;
  _hs_type_ready (vm, t);

  vm->types.dict_keyiterator = new_iter_type (vm, "dict_keyiterator", dictiter_nextkey);
  _hs_type_ready (vm, vm->types.dict_keyiterator);
  vm->types.dict_valueiterator = new_iter_type (vm, "dict_valueiterator", dictiter_nextvalue);
  _hs_type_ready (vm, vm->types.dict_valueiterator);
  vm->types.dict_itemiterator = new_iter_type (vm, "dict_itemiterator", dictiter_nextitem);
  _hs_type_ready (vm, vm->types.dict_itemiterator);
}
