/* hs-set-ops.c — set algebra, operators and the methods of set and frozenset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of CPython 3.11's Objects/setobject.c built on the hash table of
 * hs-set-object.c. Which side gets iterated, when a copy is made and which
 * temporaries exist follow CPython, since that decides which element objects
 * end up in a result and how many objects are allocated.
 */

#include "config.h"

#include "hs-abstract.h"
#include "hs-containers-private.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-vm.h"

/* Set algebra ------------------------------------------------------------------ */

static HsObject *
set_intersection (HsVM     *vm,
                  HsObject *so,
                  HsObject *other)
{
  HsObject *result, *it, *key;
  HsSetEntry *entry;
  gsize pos = 0;
  gint64 hash;
  int rv;

  if (so == other)
    return _hs_set_copy (vm, so);
  result = _hs_set_make_new_basetype (vm, so->ob_type, NULL);
  if (result == NULL)
    return NULL;

  if (_hs_any_set_check (vm, other))
    {
      /* Walk the smaller set. */
      if (HS_SET (other)->used > HS_SET (so)->used)
        {
          HsObject *tmp = so;

          so = other;
          other = tmp;
        }
      while (_hs_set_next (HS_SET (other), &pos, &entry))
        {
          key = hs_incref (entry->key);
          hash = entry->hash;
          rv = _hs_set_contains_entry (vm, HS_SET (so), key, hash);
          if (rv > 0)
            rv = _hs_set_add_entry (vm, HS_SET (result), key, hash) < 0 ? -1 : 1;
          hs_decref (vm, key);
          if (rv < 0)
            {
              hs_decref (vm, result);
              return NULL;
            }
        }
      return result;
    }

  it = hs_object_get_iter (vm, other);
  if (it == NULL)
    {
      hs_decref (vm, result);
      return NULL;
    }
  while ((key = hs_iter_next (vm, it)) != NULL)
    {
      if (!_hs_set_hash_key (vm, key, &hash))
        goto error;
      rv = _hs_set_contains_entry (vm, HS_SET (so), key, hash);
      if (rv < 0)
        goto error;
      if (rv)
        {
          if (_hs_set_add_entry (vm, HS_SET (result), key, hash) < 0)
            goto error;
          if (HS_SET (result)->used >= HS_SET (so)->used)
            {
              hs_decref (vm, key);
              break;
            }
        }
      hs_decref (vm, key);
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;

error:
  hs_decref (vm, it);
  hs_decref (vm, result);
  hs_decref (vm, key);
  return NULL;
}

/* set_swap_bodies: @a takes @b's table (and vice versa); hashes survive only
 * between frozensets. */
static void
set_swap_bodies (HsVM  *vm,
                 HsSet *a,
                 HsSet *b)
{
  HsSet tmp = *a;

  a->fill = b->fill;
  a->used = b->used;
  a->mask = b->mask;
  a->table = b->table;
  b->fill = tmp.fill;
  b->used = tmp.used;
  b->mask = tmp.mask;
  b->table = tmp.table;
  a->table_id++;
  b->table_id++;
  a->version++;
  b->version++;
  if (hs_type_is_subtype (a->base.ob_type, vm->types.frozenset)
      && hs_type_is_subtype (b->base.ob_type, vm->types.frozenset))
    {
      a->hash = b->hash;
      b->hash = tmp.hash;
    }
  else
    {
      a->hash = -1;
      b->hash = -1;
    }
}

static int
set_intersection_update (HsVM     *vm,
                         HsObject *so,
                         HsObject *other)
{
  HsObject *tmp = set_intersection (vm, so, other);

  if (tmp == NULL)
    return -1;
  set_swap_bodies (vm, HS_SET (so), HS_SET (tmp));
  hs_decref (vm, tmp);
  return 0;
}

static int
set_difference_update_internal (HsVM     *vm,
                                HsObject *so,
                                HsObject *other)
{
  HsSet *s = HS_SET (so);

  if (so == other)
    {
      _hs_set_clear_internal (vm, so);
      return 0;
    }
  if (_hs_any_set_check (vm, other))
    {
      HsSetEntry *entry;
      gsize pos = 0;

      /* Much larger other: use the intersection instead. */
      if ((HS_SET (other)->used >> 3) > s->used)
        {
          other = set_intersection (vm, so, other);
          if (other == NULL)
            return -1;
        }
      else
        hs_incref (other);
      while (_hs_set_next (HS_SET (other), &pos, &entry))
        {
          HsObject *key = hs_incref (entry->key);
          int r = _hs_set_discard_entry (vm, s, key, entry->hash);

          hs_decref (vm, key);
          if (r < 0)
            {
              hs_decref (vm, other);
              return -1;
            }
        }
      hs_decref (vm, other);
    }
  else
    {
      HsObject *it = hs_object_get_iter (vm, other), *key;

      if (it == NULL)
        return -1;
      while ((key = hs_iter_next (vm, it)) != NULL)
        {
          int r = _hs_set_discard_key (vm, s, key);

          hs_decref (vm, key);
          if (r < 0)
            {
              hs_decref (vm, it);
              return -1;
            }
        }
      hs_decref (vm, it);
      if (hs_err_occurred (vm))
        return -1;
    }
  /* More than a quarter dummies: resize them away. */
  if (s->fill - s->used <= s->mask / 4)
    return 0;
  return _hs_set_table_resize (vm, s, s->used > 50000 ? s->used * 2 : s->used * 4) ? 0 : -1;
}

static HsObject *
set_copy_and_difference (HsVM     *vm,
                         HsObject *so,
                         HsObject *other)
{
  HsObject *result = _hs_set_copy (vm, so);

  if (result == NULL)
    return NULL;
  if (set_difference_update_internal (vm, result, other) == 0)
    return result;
  hs_decref (vm, result);
  return NULL;
}

static HsObject *
set_difference (HsVM     *vm,
                HsObject *so,
                HsObject *other)
{
  HsObject *result;
  HsSetEntry *entry;
  gsize pos = 0, other_size;
  gboolean other_is_dict = _hs_dict_check_exact (other);

  if (_hs_any_set_check (vm, other))
    other_size = HS_SET (other)->used;
  else if (other_is_dict)
    other_size = HS_DICT (other)->used;
  else
    return set_copy_and_difference (vm, so, other);

  /* Much larger self: copy it and remove what other has. */
  if ((HS_SET (so)->used >> 2) > other_size)
    return set_copy_and_difference (vm, so, other);

  result = _hs_set_make_new_basetype (vm, so->ob_type, NULL);
  if (result == NULL)
    return NULL;
  while (_hs_set_next (HS_SET (so), &pos, &entry))
    {
      HsObject *key = hs_incref (entry->key);
      gint64 hash = entry->hash;
      int rv;

      if (other_is_dict)
        {
          HsObject *value;
          gint64 ix = _hs_dict_lookup (vm, other, key, hash, &value);

          rv = ix == HS_DKIX_ERROR ? -1 : value != NULL;
        }
      else
        rv = _hs_set_contains_entry (vm, HS_SET (other), key, hash);
      if (rv == 0)
        rv = _hs_set_add_entry (vm, HS_SET (result), key, hash) < 0 ? -1 : 0;
      hs_decref (vm, key);
      if (rv < 0)
        {
          hs_decref (vm, result);
          return NULL;
        }
    }
  return result;
}

static int
set_symmetric_difference_update (HsVM     *vm,
                                 HsObject *so,
                                 HsObject *other)
{
  HsObject *otherset;
  HsSetEntry *entry;
  gsize pos = 0;

  if (so == other)
    {
      _hs_set_clear_internal (vm, so);
      return 0;
    }
  if (_hs_dict_check_exact (other))
    {
      HsObject *key, *value;

      while (hs_dict_next (other, &pos, &key, &value))
        {
          gint64 hash = HS_DICT (other)->entries[pos - 1].hash;
          int rv;

          hs_incref (key);
          rv = _hs_set_discard_entry (vm, HS_SET (so), key, hash);
          if (rv == 0)
            rv = _hs_set_add_entry (vm, HS_SET (so), key, hash);
          hs_decref (vm, key);
          if (rv < 0)
            return -1;
        }
      return 0;
    }
  if (_hs_any_set_check (vm, other))
    otherset = hs_incref (other);
  else
    {
      otherset = _hs_set_make_new_basetype (vm, so->ob_type, other);
      if (otherset == NULL)
        return -1;
    }
  while (_hs_set_next (HS_SET (otherset), &pos, &entry))
    {
      HsObject *key = hs_incref (entry->key);
      gint64 hash = entry->hash;
      int rv = _hs_set_discard_entry (vm, HS_SET (so), key, hash);

      if (rv == 0)
        rv = _hs_set_add_entry (vm, HS_SET (so), key, hash);
      hs_decref (vm, key);
      if (rv < 0)
        {
          hs_decref (vm, otherset);
          return -1;
        }
    }
  hs_decref (vm, otherset);
  return 0;
}

static HsObject *
set_symmetric_difference (HsVM     *vm,
                          HsObject *so,
                          HsObject *other)
{
  HsObject *otherset = _hs_set_make_new_basetype (vm, so->ob_type, other);

  if (otherset == NULL)
    return NULL;
  if (set_symmetric_difference_update (vm, otherset, so) < 0)
    {
      hs_decref (vm, otherset);
      return NULL;
    }
  return otherset;
}

/* issubset: for a non-set, the intersection must be the whole set. */
int
_hs_set_issubset (HsVM     *vm,
                  HsObject *so,
                  HsObject *other)
{
  HsSetEntry *entry;
  gsize pos = 0;

  if (!_hs_any_set_check (vm, other))
    {
      HsObject *tmp = set_intersection (vm, so, other);
      int result;

      if (tmp == NULL)
        return -1;
      result = HS_SET (tmp)->used == HS_SET (so)->used;
      hs_decref (vm, tmp);
      return result;
    }
  if (HS_SET (so)->used > HS_SET (other)->used)
    return 0;
  while (_hs_set_next (HS_SET (so), &pos, &entry))
    {
      HsObject *key = hs_incref (entry->key);
      int rv = _hs_set_contains_entry (vm, HS_SET (other), key, entry->hash);

      hs_decref (vm, key);
      if (rv <= 0)
        return rv;
    }
  return 1;
}

int
_hs_set_issuperset (HsVM     *vm,
                    HsObject *so,
                    HsObject *other)
{
  HsObject *it, *key;

  if (_hs_any_set_check (vm, other))
    return _hs_set_issubset (vm, other, so);
  it = hs_object_get_iter (vm, other);
  if (it == NULL)
    return -1;
  while ((key = hs_iter_next (vm, it)) != NULL)
    {
      int rv = _hs_set_contains_key (vm, HS_SET (so), key);

      hs_decref (vm, key);
      if (rv <= 0)
        {
          hs_decref (vm, it);
          return rv;
        }
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? -1 : 1;
}

static int
set_isdisjoint (HsVM     *vm,
                HsObject *so,
                HsObject *other)
{
  HsObject *it, *key;

  if (so == other)
    return HS_SET (so)->used == 0;
  if (other->ob_type == vm->types.set || other->ob_type == vm->types.frozenset)
    {
      HsSetEntry *entry;
      gsize pos = 0;

      if (HS_SET (other)->used > HS_SET (so)->used)
        {
          HsObject *tmp = so;

          so = other;
          other = tmp;
        }
      while (_hs_set_next (HS_SET (other), &pos, &entry))
        {
          HsObject *k = hs_incref (entry->key);
          int rv = _hs_set_contains_entry (vm, HS_SET (so), k, entry->hash);

          hs_decref (vm, k);
          if (rv != 0)
            return rv < 0 ? -1 : 0;
        }
      return 1;
    }
  it = hs_object_get_iter (vm, other);
  if (it == NULL)
    return -1;
  while ((key = hs_iter_next (vm, it)) != NULL)
    {
      int rv = _hs_set_contains_key (vm, HS_SET (so), key);

      hs_decref (vm, key);
      if (rv != 0)
        {
          hs_decref (vm, it);
          return rv < 0 ? -1 : 0;
        }
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? -1 : 1;
}

/* Operators: both operands must be sets or frozensets. */
HsObject *
_hs_set_or (HsVM     *vm,
            HsObject *a,
            HsObject *b)
{
  HsObject *result;

  if (!_hs_any_set_check (vm, a) || !_hs_any_set_check (vm, b))
    return hs_not_implemented (vm);
  result = _hs_set_copy (vm, a);
  if (result == NULL)
    return NULL;
  if (a == b)
    return result;
  if (hs_set_update (vm, result, b) < 0)
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

HsObject *
_hs_set_and (HsVM     *vm,
             HsObject *a,
             HsObject *b)
{
  if (!_hs_any_set_check (vm, a) || !_hs_any_set_check (vm, b))
    return hs_not_implemented (vm);
  return set_intersection (vm, a, b);
}

HsObject *
_hs_set_sub (HsVM     *vm,
             HsObject *a,
             HsObject *b)
{
  if (!_hs_any_set_check (vm, a) || !_hs_any_set_check (vm, b))
    return hs_not_implemented (vm);
  return set_difference (vm, a, b);
}

HsObject *
_hs_set_xor (HsVM     *vm,
             HsObject *a,
             HsObject *b)
{
  if (!_hs_any_set_check (vm, a) || !_hs_any_set_check (vm, b))
    return hs_not_implemented (vm);
  return set_symmetric_difference (vm, a, b);
}

HsObject *
_hs_set_ior (HsVM     *vm,
             HsObject *a,
             HsObject *b)
{
  if (!_hs_any_set_check (vm, b))
    return hs_not_implemented (vm);
  if (hs_set_update (vm, a, b) < 0)
    return NULL;
  return hs_incref (a);
}

HsObject *
_hs_set_iand (HsVM     *vm,
              HsObject *a,
              HsObject *b)
{
  if (!_hs_any_set_check (vm, b))
    return hs_not_implemented (vm);
  if (set_intersection_update (vm, a, b) < 0)
    return NULL;
  return hs_incref (a);
}

HsObject *
_hs_set_isub (HsVM     *vm,
              HsObject *a,
              HsObject *b)
{
  if (!_hs_any_set_check (vm, b))
    return hs_not_implemented (vm);
  if (set_difference_update_internal (vm, a, b) < 0)
    return NULL;
  return hs_incref (a);
}

HsObject *
_hs_set_ixor (HsVM     *vm,
              HsObject *a,
              HsObject *b)
{
  if (!_hs_any_set_check (vm, b))
    return hs_not_implemented (vm);
  if (set_symmetric_difference_update (vm, a, b) < 0)
    return NULL;
  return hs_incref (a);
}

/* Methods --------------------------------------------------------------------------- */

#define SET_METHOD(name) \
  static HsObject *name (HsVM *vm, HsObject *callable, HsObject *const *args, gsize nargs, \
                         HsObject *kwnames)

static gboolean
check_args (HsVM       *vm,
            const char *tname,
            const char *mname,
            gsize       nargs,
            HsObject   *kwnames,
            gsize       min,
            gsize       max)
{
  g_autofree char *full = g_strdup_printf ("%s.%s", tname, mname);

  if (!hs_check_no_kwargs (vm, full, kwnames))
    return FALSE;
  if (min == max && min <= 1)
    return hs_check_nargs (vm, full, nargs, min, max);
  return hs_check_nargs (vm, mname, nargs, min, max);
}

#define CHECK(mname, min, max) \
  if (!check_args (vm, args[0]->ob_type->name, mname, nargs - 1, kwnames, min, max)) \
    return NULL

static HsObject *
bool_result (HsVM *vm,
             int   r)
{
  return r < 0 ? NULL : hs_bool (vm, r);
}

SET_METHOD (set_add_method)
{
  CHECK ("add", 1, 1);
  if (_hs_set_add_key (vm, HS_SET (args[0]), args[1]) < 0)
    return NULL;
  return hs_none (vm);
}

SET_METHOD (set_clear_method)
{
  CHECK ("clear", 0, 0);
  _hs_set_clear_internal (vm, args[0]);
  return hs_none (vm);
}

SET_METHOD (set_copy_method)
{
  CHECK ("copy", 0, 0);
  if (_hs_frozenset_check_exact (vm, args[0]))
    return hs_incref (args[0]);
  return _hs_set_copy (vm, args[0]);
}

SET_METHOD (set_discard_method)
{
  CHECK ("discard", 1, 1);
  if (_hs_set_contains_retry (vm, args[0], args[1], _hs_set_discard_key) < 0)
    return NULL;
  return hs_none (vm);
}

SET_METHOD (set_remove_method)
{
  int rv;

  CHECK ("remove", 1, 1);
  rv = _hs_set_contains_retry (vm, args[0], args[1], _hs_set_discard_key);
  if (rv < 0)
    return NULL;
  if (rv == 0)
    {
      _hs_dict_set_key_error (vm, args[1]);
      return NULL;
    }
  return hs_none (vm);
}

SET_METHOD (set_pop_method)
{
  HsSet *so = HS_SET (args[0]);
  HsSetEntry *entry, *limit;
  HsObject *key;

  CHECK ("pop", 0, 0);
  if (so->used == 0)
    return hs_err_set_string (vm, vm->types.KeyError, "pop from an empty set");
  /* The search finger makes repeated pops linear overall. */
  entry = so->table + (so->finger & so->mask);
  limit = so->table + so->mask;
  while (entry->key == NULL)
    {
      entry++;
      if (entry > limit)
        entry = so->table;
    }
  key = entry->key;
  entry->key = NULL;
  entry->hash = -1;
  so->used--;
  so->version++;
  so->finger = entry - so->table + 1;
  return key;
}

SET_METHOD (set_update_method)
{
  CHECK ("update", 0, G_MAXSIZE);
  for (gsize i = 1; i < nargs; i++)
    if (hs_set_update (vm, args[0], args[i]) < 0)
      return NULL;
  return hs_none (vm);
}

SET_METHOD (set_union_method)
{
  HsObject *result;

  CHECK ("union", 0, G_MAXSIZE);
  result = _hs_set_copy (vm, args[0]);
  if (result == NULL)
    return NULL;
  for (gsize i = 1; i < nargs; i++)
    {
      if (args[i] == args[0])
        continue;
      if (hs_set_update (vm, result, args[i]) < 0)
        {
          hs_decref (vm, result);
          return NULL;
        }
    }
  return result;
}

static HsObject *
intersection_multi (HsVM            *vm,
                    HsObject *const *args,
                    gsize            nargs)
{
  HsObject *result;

  if (nargs == 1)
    return _hs_set_copy (vm, args[0]);
  result = hs_incref (args[0]);
  for (gsize i = 1; i < nargs; i++)
    {
      HsObject *newresult = set_intersection (vm, result, args[i]);

      hs_decref (vm, result);
      if (newresult == NULL)
        return NULL;
      result = newresult;
    }
  return result;
}

SET_METHOD (set_intersection_method)
{
  CHECK ("intersection", 0, G_MAXSIZE);
  return intersection_multi (vm, args, nargs);
}

SET_METHOD (set_intersection_update_method)
{
  HsObject *tmp;

  CHECK ("intersection_update", 0, G_MAXSIZE);
  tmp = intersection_multi (vm, args, nargs);
  if (tmp == NULL)
    return NULL;
  set_swap_bodies (vm, HS_SET (args[0]), HS_SET (tmp));
  hs_decref (vm, tmp);
  return hs_none (vm);
}

SET_METHOD (set_difference_method)
{
  HsObject *result;

  CHECK ("difference", 0, G_MAXSIZE);
  if (nargs == 1)
    return _hs_set_copy (vm, args[0]);
  result = set_difference (vm, args[0], args[1]);
  if (result == NULL)
    return NULL;
  for (gsize i = 2; i < nargs; i++)
    if (set_difference_update_internal (vm, result, args[i]) < 0)
      {
        hs_decref (vm, result);
        return NULL;
      }
  return result;
}

SET_METHOD (set_difference_update_method)
{
  CHECK ("difference_update", 0, G_MAXSIZE);
  for (gsize i = 1; i < nargs; i++)
    if (set_difference_update_internal (vm, args[0], args[i]) < 0)
      return NULL;
  return hs_none (vm);
}

SET_METHOD (set_symmetric_difference_method)
{
  CHECK ("symmetric_difference", 1, 1);
  return set_symmetric_difference (vm, args[0], args[1]);
}

SET_METHOD (set_symmetric_difference_update_method)
{
  CHECK ("symmetric_difference_update", 1, 1);
  if (set_symmetric_difference_update (vm, args[0], args[1]) < 0)
    return NULL;
  return hs_none (vm);
}

SET_METHOD (set_issubset_method)
{
  CHECK ("issubset", 1, 1);
  return bool_result (vm, _hs_set_issubset (vm, args[0], args[1]));
}

SET_METHOD (set_issuperset_method)
{
  CHECK ("issuperset", 1, 1);
  return bool_result (vm, _hs_set_issuperset (vm, args[0], args[1]));
}

SET_METHOD (set_isdisjoint_method)
{
  CHECK ("isdisjoint", 1, 1);
  return bool_result (vm, set_isdisjoint (vm, args[0], args[1]));
}

const HsMethodDef _hs_set_methods[] = {
  { "add", set_add_method, 0, NULL },
  { "clear", set_clear_method, 0, NULL },
  { "copy", set_copy_method, 0, NULL },
  { "discard", set_discard_method, 0, NULL },
  { "difference", set_difference_method, 0, NULL },
  { "difference_update", set_difference_update_method, 0, NULL },
  { "intersection", set_intersection_method, 0, NULL },
  { "intersection_update", set_intersection_update_method, 0, NULL },
  { "isdisjoint", set_isdisjoint_method, 0, NULL },
  { "issubset", set_issubset_method, 0, NULL },
  { "issuperset", set_issuperset_method, 0, NULL },
  { "pop", set_pop_method, 0, NULL },
  { "remove", set_remove_method, 0, NULL },
  { "symmetric_difference", set_symmetric_difference_method, 0, NULL },
  { "symmetric_difference_update", set_symmetric_difference_update_method, 0, NULL },
  { "union", set_union_method, 0, NULL },
  { "update", set_update_method, 0, NULL },
  { NULL }
};

const HsMethodDef _hs_frozenset_methods[] = {
  { "copy", set_copy_method, 0, NULL },
  { "difference", set_difference_method, 0, NULL },
  { "intersection", set_intersection_method, 0, NULL },
  { "isdisjoint", set_isdisjoint_method, 0, NULL },
  { "issubset", set_issubset_method, 0, NULL },
  { "issuperset", set_issuperset_method, 0, NULL },
  { "symmetric_difference", set_symmetric_difference_method, 0, NULL },
  { "union", set_union_method, 0, NULL },
  { NULL }
};

/* For the dict views: set.<name>(arg). */
HsObject *
_hs_set_call_method (HsVM       *vm,
                     HsObject   *set,
                     const char *name,
                     HsObject   *arg)
{
  return hs_object_call_method (vm, set, name, &arg, 1);
}
