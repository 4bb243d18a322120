/* hs-dict-methods.c — dict's Python-visible methods, merging and copying
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of CPython 3.11's Objects/dictobject.c above the hash table
 * (hs-dict-object.c): dict_merge with its clone fast path, update() from
 * mappings and iterables of pairs, copy(), fromkeys() and the methods.
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-containers-private.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* Iterating with the stored hashes (_PyDict_Next). */
static gboolean
dict_next_hash (HsObject  *dict,
                gsize     *pos,
                HsObject **key,
                HsObject **value,
                gint64    *hash)
{
  if (!hs_dict_next (dict, pos, key, value))
    return FALSE;
  *hash = HS_DICT (dict)->entries[*pos - 1].hash;
  return TRUE;
}

static gboolean
dict_iter_is_default (HsVM     *vm,
                      HsObject *o)
{
  return o->ob_type->tp_iter == vm->types.dict->tp_iter;
}

/* dict_merge (a, b, override = 1). */
int
hs_dict_merge (HsVM     *vm,
               HsObject *a,
               HsObject *b)
{
  HsDict *mp = HS_DICT (a);

  if (hs_isinstance (b, vm->types.dict) && dict_iter_is_default (vm, b))
    {
      HsDict *other = HS_DICT (b);
      gsize pos = 0, orig_size;
      HsObject *key, *value;
      gint64 hash;

      if (a == b || other->used == 0)
        return 0;
      if (mp->used == 0)
        {
          /* A clean, freshly grown source is cloned as is. */
          if (other->used == other->n_entries
              && (other->log2_size == HS_DICT_LOG_MINSIZE
                  || _hs_dict_usable_fraction (((gsize) 1 << other->log2_size) / 2) < other->used))
            {
              /* Drop the (entry-less) table first; nothing is released. */
              hs_dict_clear (vm, a);
              if (!_hs_dict_clone_keys (vm, mp, other))
                return -1;
              if (hs_gc_is_tracked (b) && !hs_gc_is_tracked (a))
                hs_gc_track (vm, a);
              return 0;
            }
        }
      /* One big resize first, expecting few overlapping keys. */
      if (_hs_dict_usable_fraction ((gsize) 1 << mp->log2_size) < other->used)
        {
          if (!_hs_dict_resize (vm, mp, _hs_dict_estimate_log2 (mp->used + other->used),
                           other->all_str_keys))
            return -1;
        }
      orig_size = other->n_entries;
      while (dict_next_hash (b, &pos, &key, &value, &hash))
        {
          int err;

          hs_incref (key);
          hs_incref (value);
          err = _hs_dict_insert (vm, a, key, hash, value, FALSE, NULL);
          hs_decref (vm, value);
          hs_decref (vm, key);
          if (err != 0)
            return -1;
          if (orig_size != other->n_entries)
            {
              hs_err_set_string (vm, vm->types.RuntimeError, "dict mutated during update");
              return -1;
            }
        }
      return 0;
    }
  else
    {
      /* The generic way: keys(), then b[key] for each. */
      HsObject *keys, *it, *key;

      keys = hs_object_call_method (vm, b, "keys", NULL, 0);
      if (keys == NULL)
        return -1;
      it = hs_object_get_iter (vm, keys);
      hs_decref (vm, keys);
      if (it == NULL)
        return -1;
      while ((key = hs_iter_next (vm, it)) != NULL)
        {
          HsObject *value = hs_object_getitem (vm, b, key);
          int status;

          if (value == NULL)
            {
              hs_decref (vm, it);
              hs_decref (vm, key);
              return -1;
            }
          status = hs_dict_setitem (vm, a, key, value);
          hs_decref (vm, key);
          hs_decref (vm, value);
          if (status < 0)
            {
              hs_decref (vm, it);
              return -1;
            }
        }
      hs_decref (vm, it);
      return hs_err_occurred (vm) ? -1 : 0;
    }
}

/* PyDict_MergeFromSeq2 (d, seq, override = 1). */
static int
merge_from_seq2 (HsVM     *vm,
                 HsObject *d,
                 HsObject *seq2)
{
  HsObject *it, *item;
  gsize i;

  it = hs_object_get_iter (vm, seq2);
  if (it == NULL)
    return -1;
  for (i = 0; ; i++)
    {
      HsObject *fast, *key, *value, **items;
      gsize n;
      int r;

      item = hs_iter_next (vm, it);
      if (item == NULL)
        break;
      fast = _hs_sequence_fast (vm, item, "");
      if (fast == NULL)
        {
          if (hs_err_matches (vm, vm->types.TypeError))
            {
              hs_err_clear (vm);
              hs_err_format (vm, vm->types.TypeError,
                             "cannot convert dictionary update sequence element #%"
                             G_GSIZE_FORMAT " to a sequence", i);
            }
          hs_decref (vm, item);
          goto fail;
        }
      items = _hs_fast_items (fast, &n);
      if (n != 2)
        {
          hs_err_format (vm, vm->types.ValueError,
                         "dictionary update sequence element #%" G_GSIZE_FORMAT
                         " has length %" G_GSIZE_FORMAT "; 2 is required", i, n);
          hs_decref (vm, fast);
          hs_decref (vm, item);
          goto fail;
        }
      key = hs_incref (items[0]);
      value = hs_incref (items[1]);
      r = hs_dict_setitem (vm, d, key, value);
      hs_decref (vm, key);
      hs_decref (vm, value);
      hs_decref (vm, fast);
      hs_decref (vm, item);
      if (r < 0)
        goto fail;
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? -1 : 0;

fail:
  hs_decref (vm, it);
  return -1;
}

/* dict_update_arg: a dict, anything with keys(), or an iterable of pairs. */
int
hs_dict_update (HsVM     *vm,
                HsObject *dict,
                HsObject *other)
{
  HsObject *keys_name, *func;

  if (_hs_dict_check_exact (other))
    return hs_dict_merge (vm, dict, other);
  keys_name = hs_str_intern (vm, "keys");
  if (keys_name == NULL)
    return -1;
  func = hs_object_lookup_attr (vm, other, keys_name);
  hs_decref (vm, keys_name);
  if (func == NULL && hs_err_occurred (vm))
    return -1;
  if (func != NULL)
    {
      hs_decref (vm, func);
      return hs_dict_merge (vm, dict, other);
    }
  return merge_from_seq2 (vm, dict, other);
}

/* PyDict_Copy: a fast clone unless a third of the entries are holes. */
HsObject *
hs_dict_copy (HsVM     *vm,
              HsObject *dict)
{
  HsDict *mp = HS_DICT (dict);
  HsObject *copy;

  if (mp->used == 0)
    return hs_dict_new (vm);
  if (dict_iter_is_default (vm, dict) && mp->used >= (mp->n_entries * 2) / 3)
    {
      copy = hs_dict_new (vm);
      if (copy == NULL)
        return NULL;
      if (!_hs_dict_clone_keys (vm, HS_DICT (copy), mp))
        {
          hs_decref (vm, copy);
          return NULL;
        }
      if (hs_gc_is_tracked (dict))
        hs_gc_track (vm, copy);
      return copy;
    }
  copy = hs_dict_new (vm);
  if (copy == NULL)
    return NULL;
  if (hs_dict_merge (vm, copy, dict) < 0)
    {
      hs_decref (vm, copy);
      return NULL;
    }
  return copy;
}


/* PyDict_Keys / Values / Items: a list of exactly len(d) items. */
static HsObject *
dict_to_list (HsVM     *vm,
              HsObject *dict,
              int       what)
{
  HsDict *d = HS_DICT (dict);
  HsObject *list, *key, *value;
  gsize n, pos = 0, j = 0;

  for (;;)
    {
      n = d->used;
      list = hs_list_new (vm, n);
      if (list == NULL)
        return NULL;
      if (n == d->used)
        break;
      /* The allocation ran code that resized the dict: retry. */
      hs_decref (vm, list);
    }
  while (hs_dict_next (dict, &pos, &key, &value))
    {
      HsObject *item;

      if (what == 0)
        item = hs_incref (key);
      else if (what == 1)
        item = hs_incref (value);
      else
        {
          item = hs_tuple_pack (vm, 2, key, value);
          if (item == NULL)
            {
              hs_decref (vm, list);
              return NULL;
            }
        }
      HS_LIST (list)->items[j++] = item;
    }
  return list;
}

HsObject *
hs_dict_keys (HsVM     *vm,
              HsObject *dict)
{
  return dict_to_list (vm, dict, 0);
}

HsObject *
hs_dict_values (HsVM     *vm,
                HsObject *dict)
{
  return dict_to_list (vm, dict, 1);
}

HsObject *
hs_dict_items (HsVM     *vm,
               HsObject *dict)
{
  return dict_to_list (vm, dict, 2);
}

/* dict_update_common: at most one positional argument, then the keywords. */
static gboolean
update_common (HsVM            *vm,
               HsObject        *self,
               HsObject *const *args,
               gsize            nargs,
               HsObject        *kwnames,
               const char      *fname)
{
  gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;

  if (!hs_check_nargs (vm, fname, nargs - 1, 0, 1))
    return FALSE;
  if (nargs > 1 && hs_dict_update (vm, self, args[1]) < 0)
    return FALSE;
  for (gsize i = 0; i < nkw; i++)
    if (hs_dict_setitem (vm, self, HS_TUPLE (kwnames)->items[i], args[nargs + i]) < 0)
      return FALSE;
  return TRUE;
}

HsObject *
_hs_dict_tp_init (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  if (!update_common (vm, args[0], args, nargs, kwnames, "dict"))
    return NULL;
  return hs_none (vm);
}

/* Methods ---------------------------------------------------------------------- */

#define CHECK_NO_KW(name)                                     \
  if (!hs_check_no_kwargs (vm, "dict." name, kwnames))        \
    return NULL

static HsObject *
dict_get_method (HsVM            *vm,
                 HsObject        *callable,
                 HsObject *const *args,
                 gsize            nargs,
                 HsObject        *kwnames)
{
  HsObject *value;
  gint64 hash, ix;

  CHECK_NO_KW ("get");
  if (!hs_check_nargs (vm, "get", nargs - 1, 1, 2))
    return NULL;
  if (!_hs_dict_key_hash (vm, args[1], &hash))
    return NULL;
  ix = _hs_dict_lookup (vm, args[0], args[1], hash, &value);
  if (ix == HS_DKIX_ERROR)
    return NULL;
  if (ix == HS_DKIX_EMPTY || value == NULL)
    return hs_incref (nargs > 2 ? args[2] : vm->none);
  return hs_incref (value);
}

static HsObject *
dict_setdefault_method (HsVM            *vm,
                        HsObject        *callable,
                        HsObject *const *args,
                        gsize            nargs,
                        HsObject        *kwnames)
{
  HsObject *dflt, *result;
  gint64 hash;

  CHECK_NO_KW ("setdefault");
  if (!hs_check_nargs (vm, "setdefault", nargs - 1, 1, 2))
    return NULL;
  dflt = nargs > 2 ? args[2] : vm->none;
  if (!_hs_dict_key_hash (vm, args[1], &hash))
    return NULL;
  if (_hs_dict_insert (vm, args[0], args[1], hash, dflt, TRUE, &result) < 0)
    return NULL;
  return hs_incref (result);
}

static HsObject *
dict_pop_method (HsVM            *vm,
                 HsObject        *callable,
                 HsObject *const *args,
                 gsize            nargs,
                 HsObject        *kwnames)
{
  HsObject *self = args[0], *key, *old_value;
  gint64 hash, ix;

  CHECK_NO_KW ("pop");
  if (!hs_check_nargs (vm, "pop", nargs - 1, 1, 2))
    return NULL;
  key = args[1];
  /* An empty dict answers without hashing the key (_PyDict_Pop). */
  if (HS_DICT (self)->used == 0)
    goto missing;
  if (!_hs_dict_key_hash (vm, key, &hash))
    return NULL;
  ix = _hs_dict_lookup (vm, self, key, hash, &old_value);
  if (ix == HS_DKIX_ERROR)
    return NULL;
  if (ix == HS_DKIX_EMPTY || old_value == NULL)
    goto missing;
  hs_incref (old_value);
  _hs_dict_del_entry (vm, HS_DICT (self), hash, ix, old_value);
  return old_value;

missing:
  if (nargs > 2)
    return hs_incref (args[2]);
  _hs_dict_set_key_error (vm, key);
  return NULL;
}

static HsObject *
dict_popitem_method (HsVM            *vm,
                     HsObject        *callable,
                     HsObject *const *args,
                     gsize            nargs,
                     HsObject        *kwnames)
{
  HsDict *d = HS_DICT (args[0]);
  HsObject *res;
  gssize i, j;

  CHECK_NO_KW ("popitem");
  if (!hs_check_nargs (vm, "dict.popitem", nargs - 1, 0, 0))
    return NULL;
  /* The result tuple comes first: allocating it may run a collection. */
  res = hs_tuple_new (vm, 2);
  if (res == NULL)
    return NULL;
  if (d->used == 0)
    {
      hs_decref (vm, res);
      return hs_err_set_string (vm, vm->types.KeyError, "popitem(): dictionary is empty");
    }
  /* The last entry goes; its slot is not reused (dk_usable unchanged). */
  i = d->n_entries - 1;
  while (i >= 0 && d->entries[i].value == NULL)
    i--;
  j = _hs_dict_lookdict_index (d, d->entries[i].hash, i);
  d->indices[j] = HS_DKIX_DUMMY;
  HS_TUPLE (res)->items[0] = d->entries[i].key;
  HS_TUPLE (res)->items[1] = d->entries[i].value;
  d->entries[i].key = NULL;
  d->entries[i].value = NULL;
  d->entries[i].hash = 0;
  d->n_entries = i;
  d->used--;
  d->version++;
  return res;
}

static HsObject *
dict_keys_method (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  CHECK_NO_KW ("keys");
  if (!hs_check_nargs (vm, "dict.keys", nargs - 1, 0, 0))
    return NULL;
  return _hs_dict_new_keys_view (vm, args[0]);
}

static HsObject *
dict_values_method (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  CHECK_NO_KW ("values");
  if (!hs_check_nargs (vm, "dict.values", nargs - 1, 0, 0))
    return NULL;
  return _hs_dict_new_values_view (vm, args[0]);
}

static HsObject *
dict_items_method (HsVM            *vm,
                   HsObject        *callable,
                   HsObject *const *args,
                   gsize            nargs,
                   HsObject        *kwnames)
{
  CHECK_NO_KW ("items");
  if (!hs_check_nargs (vm, "dict.items", nargs - 1, 0, 0))
    return NULL;
  return _hs_dict_new_items_view (vm, args[0]);
}

static HsObject *
dict_update_method (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  if (!update_common (vm, args[0], args, nargs, kwnames, "update"))
    return NULL;
  return hs_none (vm);
}

static HsObject *
dict_clear_method (HsVM            *vm,
                   HsObject        *callable,
                   HsObject *const *args,
                   gsize            nargs,
                   HsObject        *kwnames)
{
  CHECK_NO_KW ("clear");
  if (!hs_check_nargs (vm, "dict.clear", nargs - 1, 0, 0))
    return NULL;
  hs_dict_clear (vm, args[0]);
  return hs_none (vm);
}

static HsObject *
dict_copy_method (HsVM            *vm,
                  HsObject        *callable,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  CHECK_NO_KW ("copy");
  if (!hs_check_nargs (vm, "dict.copy", nargs - 1, 0, 0))
    return NULL;
  return hs_dict_copy (vm, args[0]);
}

/* dict.fromkeys(iterable, value=None), a class method: args[0] is the class. */
static HsObject *
dict_fromkeys_method (HsVM            *vm,
                      HsObject        *callable,
                      HsObject *const *args,
                      gsize            nargs,
                      HsObject        *kwnames)
{
  HsObject *cls = args[0], *iterable, *value, *d, *it, *key, *k, *v;
  gint64 hash;
  gsize pos = 0;

  CHECK_NO_KW ("fromkeys");
  if (!hs_check_nargs (vm, "fromkeys", nargs - 1, 1, 2))
    return NULL;
  iterable = args[1];
  value = nargs > 2 ? args[2] : vm->none;
  d = hs_object_call (vm, cls, NULL, 0, NULL);
  if (d == NULL)
    return NULL;

  if (_hs_dict_check_exact (d) && _hs_dict_check_exact (iterable))
    {
      if (!_hs_dict_resize (vm, HS_DICT (d), _hs_dict_estimate_log2 (HS_DICT (iterable)->used),
                       HS_DICT (iterable)->all_str_keys))
        goto fail;
      while (dict_next_hash (iterable, &pos, &k, &v, &hash))
        if (_hs_dict_insert (vm, d, k, hash, value, FALSE, NULL) < 0)
          goto fail;
      return d;
    }
  if (_hs_dict_check_exact (d) && (iterable->ob_type == vm->types.set
                            || iterable->ob_type == vm->types.frozenset))
    {
      if (!_hs_dict_resize (vm, HS_DICT (d), _hs_dict_estimate_log2 (HS_SET (iterable)->used), FALSE))
        goto fail;
      for (gsize i = 0; i <= HS_SET (iterable)->mask; i++)
        {
          HsSetEntry *e = &HS_SET (iterable)->table[i];

          if (e->key == NULL || e->hash == -1)
            continue;
          if (_hs_dict_insert (vm, d, e->key, e->hash, value, FALSE, NULL) < 0)
            goto fail;
        }
      return d;
    }

  it = hs_object_get_iter (vm, iterable);
  if (it == NULL)
    goto fail;
  while ((key = hs_iter_next (vm, it)) != NULL)
    {
      int status = _hs_dict_check_exact (d) ? hs_dict_setitem (vm, d, key, value)
                                     : hs_object_setitem (vm, d, key, value);

      hs_decref (vm, key);
      if (status < 0)
        {
          hs_decref (vm, it);
          goto fail;
        }
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    goto fail;
  return d;

fail:
  hs_decref (vm, d);
  return NULL;
}

const HsMethodDef _hs_dict_methods[] = {
  { "get", dict_get_method, 0, NULL },
  { "setdefault", dict_setdefault_method, 0, NULL },
  { "pop", dict_pop_method, 0, NULL },
  { "popitem", dict_popitem_method, 0, NULL },
  { "keys", dict_keys_method, 0, NULL },
  { "items", dict_items_method, 0, NULL },
  { "values", dict_values_method, 0, NULL },
  { "update", dict_update_method, 0, NULL },
  { "fromkeys", dict_fromkeys_method, HS_METH_CLASS, NULL },
  { "clear", dict_clear_method, 0, NULL },
  { "copy", dict_copy_method, 0, NULL },
  { NULL }
};

