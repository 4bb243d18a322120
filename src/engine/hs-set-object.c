/* hs-set-object.c — set, frozenset and set_iterator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython 3.11's Objects/setobject.c: open addressing with 9 linear probes
 * before perturbation, a table of 8 slots that grows to used * 4 when fill
 * reaches 3/5 of it. Keeping the same table means the same iteration order
 * for ints ({3, 1, 2} iterates 1 2 3), the same sys.getsizeof (216, 728,
 * 2264…) and the same release order on deallocation (table order).
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers-private.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

#define ENTRY_IS_EMPTY(e) ((e)->key == NULL && (e)->hash != -1)

gboolean
_hs_any_set_check (HsVM     *vm,
                   HsObject *o)
{
  return hs_isinstance (o, vm->types.set) || hs_isinstance (o, vm->types.frozenset);
}

gboolean
_hs_frozenset_check_exact (HsVM     *vm,
                           HsObject *o)
{
  return o->ob_type == vm->types.frozenset;
}

static gsize
table_bytes (gsize mask)
{
  /* The 8-slot table lives inside the object (CPython's smalltable). */
  return mask + 1 > MINSIZE ? (mask + 1) * sizeof (HsSetEntry) : 0;
}

/* Lookup ------------------------------------------------------------------------ */

/* set_lookkey: the entry holding @key, or the empty entry ending the probe
 * sequence (key NULL); NULL on error. Restarts when a comparison changed the
 * table. */
static HsSetEntry *
set_lookkey (HsVM     *vm,
             HsSet    *so,
             HsObject *key,
             gint64    hash)
{
  gsize perturb, mask, i;
  int probes, cmp;

restart:
  perturb = (guint64) hash;
  mask = so->mask;
  i = (guint64) hash & mask;
  for (;;)
    {
      HsSetEntry *entry = &so->table[i];

      probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
      do
        {
          if (entry->hash == 0 && entry->key == NULL)
            return entry;
          if (entry->hash == hash)
            {
              HsObject *startkey = entry->key;
              guint64 table_id = so->table_id;

              if (startkey == key)
                return entry;
              if (hs_str_check (startkey) && hs_str_check (key)
                  && !(startkey->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE)
                  && !(key->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE))
                {
                  if (hs_str_equal (startkey, key))
                    return entry;
                }
              else
                {
                  hs_incref (startkey);
                  cmp = hs_object_richcompare_bool (vm, startkey, key, HS_EQ);
                  hs_decref (vm, startkey);
                  if (cmp < 0)
                    return NULL;
                  if (table_id != so->table_id || entry->key != startkey)
                    goto restart;
                  if (cmp > 0)
                    return entry;
                  mask = so->mask;
                }
            }
          entry++;
        }
      while (probes--);
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_insert_clean: into a table without dummies, no comparisons needed. */
static void
set_insert_clean (HsSetEntry *table,
                  gsize       mask,
                  HsObject   *key,
                  gint64      hash)
{
  gsize perturb = (guint64) hash;
  gsize i = (guint64) hash & mask;
  HsSetEntry *entry;

  for (;;)
    {
      entry = &table[i];
      if (entry->key == NULL)
        goto found_null;
      if (i + LINEAR_PROBES <= mask)
        for (gsize j = 0; j < LINEAR_PROBES; j++)
          {
            entry++;
            if (entry->key == NULL)
              goto found_null;
          }
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
  entry->key = key;
  entry->hash = hash;
}

/* set_table_resize: the smallest power of two above @minused (at least 8);
 * dummies are dropped. */
gboolean
_hs_set_table_resize (HsVM   *vm,
                      HsSet  *so,
                      gsize   minused)
{
  HsSetEntry *oldtable = so->table, *newtable;
  gsize oldmask = so->mask;
  gsize newsize = MINSIZE;

  while (newsize <= minused)
    {
      if (newsize > G_MAXSIZE / (4 * sizeof (HsSetEntry)))
        {
          hs_err_no_memory (vm);
          return FALSE;
        }
      newsize <<= 1;
    }
  /* A small table without dummies: nothing to do. */
  if (newsize == MINSIZE && oldmask + 1 == MINSIZE && so->fill == so->used)
    return TRUE;
  if (!hs_heap_reserve (vm, table_bytes (newsize - 1)))
    return FALSE;
  newtable = g_new0 (HsSetEntry, newsize);
  so->mask = newsize - 1;
  so->table = newtable;
  so->table_id++;
  so->fill = so->used;
  for (gsize i = 0; i <= oldmask; i++)
    if (oldtable[i].key != NULL)
      set_insert_clean (newtable, so->mask, oldtable[i].key, oldtable[i].hash);
  g_free (oldtable);
  hs_heap_reserve (vm, -(gssize) table_bytes (oldmask));
  return TRUE;
}

/* set_add_entry. The key is held across the comparisons so that they
 * cannot free it before it is stored. */
int
_hs_set_add_entry (HsVM     *vm,
                   HsSet    *so,
                   HsObject *key,
                   gint64    hash)
{
  HsSetEntry *freeslot, *entry;
  gsize perturb, mask, i;
  int probes, cmp;

  hs_incref (key);

restart:
  mask = so->mask;
  i = (guint64) hash & mask;
  freeslot = NULL;
  perturb = (guint64) hash;
  for (;;)
    {
      entry = &so->table[i];
      probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
      do
        {
          if (entry->hash == 0 && entry->key == NULL)
            goto found_unused_or_dummy;
          if (entry->hash == hash)
            {
              HsObject *startkey = entry->key;
              guint64 table_id = so->table_id;

              if (startkey == key)
                goto found_active;
              if (hs_str_check (startkey) && hs_str_check (key)
                  && !(startkey->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE)
                  && !(key->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE))
                {
                  if (hs_str_equal (startkey, key))
                    goto found_active;
                }
              else
                {
                  hs_incref (startkey);
                  cmp = hs_object_richcompare_bool (vm, startkey, key, HS_EQ);
                  hs_decref (vm, startkey);
                  if (cmp > 0)
                    goto found_active;
                  if (cmp < 0)
                    goto comparison_error;
                  if (table_id != so->table_id || entry->key != startkey)
                    goto restart;
                  mask = so->mask;
                }
            }
          else if (entry->hash == -1)
            freeslot = entry;
          entry++;
        }
      while (probes--);
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
  if (freeslot == NULL)
    goto found_unused;
  so->used++;
  so->version++;
  freeslot->key = key;
  freeslot->hash = hash;
  return 0;

found_unused:
  so->fill++;
  so->used++;
  so->version++;
  entry->key = key;
  entry->hash = hash;
  if (so->fill * 5 < mask * 3)
    return 0;
  return _hs_set_table_resize (vm, so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;

found_active:
  hs_decref (vm, key);
  return 0;

comparison_error:
  hs_decref (vm, key);
  return -1;
}

gboolean
_hs_set_hash_key (HsVM     *vm,
                  HsObject *key,
                  gint64   *hash)
{
  if (hs_str_check (key) && !(key->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE))
    {
      *hash = hs_str_hash (key);
      return TRUE;
    }
  return hs_object_hash (vm, key, hash);
}

int
_hs_set_add_key (HsVM     *vm,
                 HsSet    *so,
                 HsObject *key)
{
  gint64 hash;

  if (!_hs_set_hash_key (vm, key, &hash))
    return -1;
  return _hs_set_add_entry (vm, so, key, hash);
}

int
_hs_set_contains_entry (HsVM     *vm,
                        HsSet    *so,
                        HsObject *key,
                        gint64    hash)
{
  HsSetEntry *entry = set_lookkey (vm, so, key, hash);

  if (entry == NULL)
    return -1;
  return entry->key != NULL;
}

int
_hs_set_contains_key (HsVM     *vm,
                      HsSet    *so,
                      HsObject *key)
{
  gint64 hash;

  if (!_hs_set_hash_key (vm, key, &hash))
    return -1;
  return _hs_set_contains_entry (vm, so, key, hash);
}

/* 1 found and removed, 0 not found, -1 error. The key dies after the slot
 * became a dummy. */
int
_hs_set_discard_entry (HsVM     *vm,
                       HsSet    *so,
                       HsObject *key,
                       gint64    hash)
{
  HsSetEntry *entry = set_lookkey (vm, so, key, hash);
  HsObject *old_key;

  if (entry == NULL)
    return -1;
  if (entry->key == NULL)
    return 0;
  old_key = entry->key;
  entry->key = NULL;
  entry->hash = -1;
  so->used--;
  so->version++;
  hs_decref (vm, old_key);
  return 1;
}

int
_hs_set_discard_key (HsVM     *vm,
                     HsSet    *so,
                     HsObject *key)
{
  gint64 hash;

  if (!_hs_set_hash_key (vm, key, &hash))
    return -1;
  return _hs_set_discard_entry (vm, so, key, hash);
}

/* Table-order iteration over the active entries. */
gboolean
_hs_set_next (HsSet       *so,
              gsize       *pos,
              HsSetEntry **entry)
{
  gsize i = *pos;

  while (i <= so->mask && so->table[i].key == NULL)
    i++;
  *pos = i + 1;
  if (i > so->mask)
    return FALSE;
  *entry = &so->table[i];
  return TRUE;
}

gboolean
hs_set_next (HsObject  *set,
             gsize     *pos,
             HsObject **key)
{
  HsSetEntry *entry;

  if (!_hs_set_next (HS_SET (set), pos, &entry))
    return FALSE;
  *key = entry->key;
  return TRUE;
}

/* set_clear_internal: the set is emptied first, then the keys are released
 * in table order. */
void
_hs_set_clear_internal (HsVM     *vm,
                        HsObject *self)
{
  HsSet *so = HS_SET (self);
  HsSetEntry *table = so->table;
  gsize used = so->used, mask = so->mask;

  if (so->fill == 0)
    return;
  so->table = g_new0 (HsSetEntry, MINSIZE);
  so->mask = MINSIZE - 1;
  so->fill = 0;
  so->used = 0;
  so->table_id++;
  so->version++;
  for (HsSetEntry *entry = table; used > 0; entry++)
    if (entry->key != NULL)
      {
        HsObject *key = entry->key;

        used--;
        entry->key = NULL;
        hs_decref (vm, key);
      }
  g_free (table);
  hs_heap_reserve (vm, -(gssize) table_bytes (mask));
}

/* set_merge: one resize up front, then a plain copy when possible. */
static int
set_merge (HsVM     *vm,
           HsSet    *so,
           HsSet    *other)
{
  if (other == so || other->used == 0)
    return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3
      && !_hs_set_table_resize (vm, so, (so->used + other->used) * 2))
    return -1;

  /* Empty, same size and no dummies on the other side: copy the slots. */
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used)
    {
      for (gsize i = 0; i <= other->mask; i++)
        if (other->table[i].key != NULL)
          {
            so->table[i].key = hs_incref (other->table[i].key);
            so->table[i].hash = other->table[i].hash;
          }
      so->fill = other->fill;
      so->used = other->used;
      so->version++;
      return 0;
    }
  /* Empty: no duplicates possible. */
  if (so->fill == 0)
    {
      so->fill = other->used;
      so->used = other->used;
      so->version++;
      for (gsize i = 0; i <= other->mask; i++)
        if (other->table[i].key != NULL)
          set_insert_clean (so->table, so->mask, hs_incref (other->table[i].key),
                            other->table[i].hash);
      return 0;
    }
  for (gsize i = 0; i <= other->mask; i++)
    {
      HsSetEntry *e = &other->table[i];

      if (e->key != NULL && _hs_set_add_entry (vm, so, e->key, e->hash) < 0)
        return -1;
    }
  return 0;
}

/* set_update_internal. */
int
hs_set_update (HsVM     *vm,
               HsObject *set,
               HsObject *other)
{
  HsSet *so = HS_SET (set);
  HsObject *it, *key;

  if (_hs_any_set_check (vm, other))
    return set_merge (vm, so, HS_SET (other));

  if (_hs_dict_check_exact (other))
    {
      gsize dictsize = HS_DICT (other)->used, pos = 0;
      HsObject *value;

      if ((so->fill + dictsize) * 5 >= so->mask * 3
          && !_hs_set_table_resize (vm, so, (so->used + dictsize) * 2))
        return -1;
      while (hs_dict_next (other, &pos, &key, &value))
        if (_hs_set_add_entry (vm, so, key, HS_DICT (other)->entries[pos - 1].hash) < 0)
          return -1;
      return 0;
    }

  it = hs_object_get_iter (vm, other);
  if (it == NULL)
    return -1;
  while ((key = hs_iter_next (vm, it)) != NULL)
    {
      int r = _hs_set_add_key (vm, so, key);

      hs_decref (vm, key);
      if (r < 0)
        {
          hs_decref (vm, it);
          return -1;
        }
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? -1 : 0;
}

/* Construction -------------------------------------------------------------------- */

/* make_new_set: tracked from the start, then filled. */
static HsObject *
make_new_set (HsVM     *vm,
              HsType   *type,
              HsObject *iterable)
{
  gsize size = (type == vm->types.set || type == vm->types.frozenset)
               ? sizeof (HsSet) : hs_type_c_size (type);
  HsObject *o = hs_object_alloc (vm, type, size);
  HsSet *so;

  if (o == NULL)
    return NULL;
  so = HS_SET (o);
  so->table = g_new0 (HsSetEntry, MINSIZE);
  so->mask = MINSIZE - 1;
  so->hash = -1;
  hs_gc_track (vm, o);
  if (iterable != NULL && hs_set_update (vm, o, iterable) < 0)
    {
      hs_decref (vm, o);
      return NULL;
    }
  return o;
}

/* make_new_set_basetype: subclasses produce plain sets/frozensets. */
HsObject *
_hs_set_make_new_basetype (HsVM     *vm,
                           HsType   *type,
                           HsObject *iterable)
{
  if (type != vm->types.set && type != vm->types.frozenset)
    type = hs_type_is_subtype (type, vm->types.set) ? vm->types.set : vm->types.frozenset;
  return make_new_set (vm, type, iterable);
}

HsObject *
hs_set_new (HsVM     *vm,
            HsObject *iterable)
{
  return make_new_set (vm, vm->types.set, iterable);
}

HsObject *
hs_frozenset_new (HsVM     *vm,
                  HsObject *iterable)
{
  if (iterable != NULL && _hs_frozenset_check_exact (vm, iterable))
    return hs_incref (iterable);   /* frozenset(f) is f */
  return make_new_set (vm, vm->types.frozenset, iterable);
}

int
hs_set_add (HsVM     *vm,
            HsObject *set,
            HsObject *key)
{
  return _hs_set_add_key (vm, HS_SET (set), key);
}

int
hs_set_discard (HsVM     *vm,
                HsObject *set,
                HsObject *key)
{
  return _hs_set_discard_key (vm, HS_SET (set), key);
}

/* set_contains: an unhashable set key is looked up as a frozenset. */
int
_hs_set_contains_retry (HsVM     *vm,
                        HsObject *self,
                        HsObject *key,
                        int     (*op) (HsVM *, HsSet *, HsObject *))
{
  int rv = op (vm, HS_SET (self), key);

  if (rv < 0 && hs_isinstance (key, vm->types.set) && hs_err_matches (vm, vm->types.TypeError))
    {
      HsObject *tmpkey;

      hs_err_clear (vm);
      tmpkey = make_new_set (vm, vm->types.frozenset, key);
      if (tmpkey == NULL)
        return -1;
      rv = op (vm, HS_SET (self), tmpkey);
      hs_decref (vm, tmpkey);
    }
  return rv;
}

int
hs_set_contains (HsVM     *vm,
                 HsObject *set,
                 HsObject *key)
{
  return _hs_set_contains_retry (vm, set, key, _hs_set_contains_key);
}

HsObject *
_hs_set_copy (HsVM     *vm,
              HsObject *so)
{
  return _hs_set_make_new_basetype (vm, so->ob_type, so);
}

/* Slots ---------------------------------------------------------------------------- */

static void
set_dealloc (HsVM     *vm,
             HsObject *self)
{
  HsSet *so = HS_SET (self);
  gsize used = so->used;

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);
  for (HsSetEntry *entry = so->table; used > 0; entry++)
    if (entry->key != NULL)
      {
        HsObject *key = entry->key;

        used--;
        so->used--;
        entry->key = NULL;
        hs_decref (vm, key);
      }
  g_free (so->table);
  so->table = NULL;
  hs_heap_reserve (vm, -(gssize) table_bytes (so->mask));
  hs_object_free (vm, self);
}

static void
set_traverse (HsObject    *self,
              HsVisitFunc  visit,
              gpointer     user_data)
{
  HsSet *so = HS_SET (self);

  if (so->table == NULL)
    return;
  for (gsize i = 0; i <= so->mask; i++)
    if (so->table[i].key != NULL)
      visit (so->table[i].key, user_data);
}

static void
set_free_storage (HsObject *self)
{
  g_clear_pointer (&HS_SET (self)->table, g_free);
}

static gsize
set_sizeof (HsObject *self)
{
  return 216 + table_bytes (HS_SET (self)->mask);
}

static gboolean
frozenset_hash (HsVM     *vm,
                HsObject *self,
                gint64   *out)
{
  HsSet *so = HS_SET (self);
  guint64 hash = 0;

#define SHUFFLE(h) ((((guint64) (h) ^ G_GUINT64_CONSTANT (89869747)) ^ ((guint64) (h) << 16)) \
                    * G_GUINT64_CONSTANT (3644798167))
  if (so->hash != -1)
    {
      *out = so->hash;
      return TRUE;
    }
  /* xor of shuffled entry hashes, order independent; empty slots count as
   * hash 0 and dummies as -1, then corrected for. */
  for (gsize i = 0; i <= so->mask; i++)
    hash ^= SHUFFLE (so->table[i].hash);
  if ((so->mask + 1 - so->fill) & 1)
    hash ^= SHUFFLE (0);
  if ((so->fill - so->used) & 1)
    hash ^= SHUFFLE (-1);
  hash ^= ((guint64) so->used + 1) * G_GUINT64_CONSTANT (1927868237);
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + G_GUINT64_CONSTANT (907133923);
  if (hash == G_MAXUINT64)
    hash = 590923713;
#undef SHUFFLE
  so->hash = (gint64) hash;
  *out = so->hash;
  return TRUE;
}

static HsObject *
set_repr (HsVM     *vm,
          HsObject *self)
{
  HsObject *keys, *res = NULL;
  GString *list_repr, *out;
  gboolean exact = self->ob_type == vm->types.set;

  if (!hs_repr_enter (vm, self))
    return hs_str_new_printf (vm, "%s(...)", self->ob_type->name);
  if (HS_SET (self)->used == 0)
    {
      hs_repr_leave (vm, self);
      return hs_str_new_printf (vm, "%s()", self->ob_type->name);
    }
  /* repr(list(s))[1:-1], inside braces. */
  keys = hs_list_from_iterable (vm, self);
  if (keys == NULL)
    goto done;
  list_repr = g_string_new (NULL);
  if (hs_object_repr_append (vm, keys, list_repr))
    {
      out = g_string_new (NULL);
      if (!exact)
        g_string_append_printf (out, "%s(", self->ob_type->name);
      g_string_append_c (out, '{');
      g_string_append_len (out, list_repr->str + 1, list_repr->len - 2);
      g_string_append_c (out, '}');
      if (!exact)
        g_string_append_c (out, ')');
      res = hs_str_from_gstring (vm, out);
      g_string_free (out, TRUE);
    }
  g_string_free (list_repr, TRUE);
  hs_decref (vm, keys);

done:
  hs_repr_leave (vm, self);
  return res;
}

void
_hs_set_repr_short (HsObject *self,
                    GString  *out,
                    gsize     max_chars)
{
  HsSet *so = HS_SET (self);
  HsObject **items;
  gsize n = 0;
  gboolean frozen = self->ob_type->tp_hash == frozenset_hash;

  if (so->used == 0)
    {
      g_string_append (out, frozen ? "frozenset()" : "set()");
      return;
    }
  items = g_new (HsObject *, so->used);
  for (gsize i = 0; i <= so->mask && n < so->used; i++)
    if (so->table[i].key != NULL)
      items[n++] = so->table[i].key;
  if (frozen)
    {
      g_string_append (out, "frozenset(");
      _hs_repr_short_sequence (out, "{", "})", items, n, FALSE,
                               max_chars > 11 ? max_chars - 10 : 1);
    }
  else
    _hs_repr_short_sequence (out, "{", "}", items, n, FALSE, max_chars);
  g_free (items);
}

static HsObject *
set_richcompare (HsVM     *vm,
                 HsObject *v,
                 HsObject *w,
                 int       op)
{
  HsSet *sv = HS_SET (v), *sw = HS_SET (w);
  int r;

  if (!_hs_any_set_check (vm, w))
    return hs_not_implemented (vm);
  switch (op)
    {
    case HS_EQ:
    case HS_NE:
      if (sv->used != sw->used)
        r = 0;
      else if (sv->hash != -1 && sw->hash != -1 && sv->hash != sw->hash)
        r = 0;
      else
        r = _hs_set_issubset (vm, v, w);
      if (r < 0)
        return NULL;
      return hs_bool (vm, op == HS_EQ ? r : !r);
    case HS_LE:
      r = _hs_set_issubset (vm, v, w);
      break;
    case HS_GE:
      r = _hs_set_issuperset (vm, v, w);
      break;
    case HS_LT:
      r = sv->used >= sw->used ? 0 : _hs_set_issubset (vm, v, w);
      break;
    case HS_GT:
      r = sv->used <= sw->used ? 0 : _hs_set_issuperset (vm, v, w);
      break;
    default:
      return hs_not_implemented (vm);
    }
  if (r < 0)
    return NULL;
  return hs_bool (vm, r);
}

static gssize
set_length (HsVM     *vm,
            HsObject *self)
{
  return HS_SET (self)->used;
}

static int
set_sq_contains (HsVM     *vm,
                 HsObject *self,
                 HsObject *key)
{
  return hs_set_contains (vm, self, key);
}

/* set.__new__ makes an empty set (set.__init__ fills it); frozenset is
 * built by __new__. */
static HsObject *
set_new (HsVM            *vm,
         HsObject        *callable,
         HsObject *const *args,
         gsize            nargs,
         HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];

  if (type == vm->types.set && !hs_check_no_kwargs (vm, "set", kwnames))
    return NULL;
  return make_new_set (vm, type, NULL);
}

static HsObject *
set_init (HsVM            *vm,
          HsObject        *callable,
          HsObject *const *args,
          gsize            nargs,
          HsObject        *kwnames)
{
  HsObject *self = args[0];

  if (!hs_check_no_kwargs (vm, "set", kwnames)
      || !hs_check_nargs (vm, self->ob_type->name, nargs - 1, 0, 1))
    return NULL;
  if (HS_SET (self)->fill)
    _hs_set_clear_internal (vm, self);
  HS_SET (self)->hash = -1;
  if (nargs > 1 && hs_set_update (vm, self, args[1]) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
frozenset_new (HsVM            *vm,
               HsObject        *callable,
               HsObject *const *args,
               gsize            nargs,
               HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsObject *iterable = nargs > 1 ? args[1] : NULL;

  if (type == vm->types.frozenset && !hs_check_no_kwargs (vm, "frozenset", kwnames))
    return NULL;
  if (!hs_check_nargs (vm, type->name, nargs - 1, 0, 1))
    return NULL;
  if (type != vm->types.frozenset)
    return make_new_set (vm, type, iterable);
  return hs_frozenset_new (vm, iterable);
}

/* set_iterator ------------------------------------------------------------------------ */

static HsObject *
set_iter (HsVM     *vm,
          HsObject *self)
{
  HsSetIter *si = (HsSetIter *) hs_object_alloc (vm, vm->types.set_iterator, sizeof (HsSetIter));

  if (si == NULL)
    return NULL;
  si->set = hs_incref (self);
  si->used = HS_SET (self)->used;
  si->pos = 0;
  si->len = HS_SET (self)->used;
  hs_gc_track (vm, (HsObject *) si);
  return (HsObject *) si;
}

static HsObject *
setiter_next (HsVM     *vm,
              HsObject *self)
{
  HsSetIter *si = (HsSetIter *) self;
  HsObject *set = si->set;
  HsSet *so;
  gsize i;

  if (set == NULL)
    return NULL;
  so = HS_SET (set);
  if (si->used != (gssize) so->used)
    {
      hs_err_set_string (vm, vm->types.RuntimeError, "Set changed size during iteration");
      si->used = -1;   /* sticky */
      return NULL;
    }
  i = si->pos;
  while (i <= so->mask && so->table[i].key == NULL)
    i++;
  si->pos = i + 1;
  if (i > so->mask)
    {
      si->set = NULL;
      hs_decref (vm, set);
      return NULL;
    }
  si->len--;
  return hs_incref (so->table[i].key);
}

static void
setiter_dealloc (HsVM     *vm,
                 HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &((HsSetIter *) self)->set);
  hs_object_free (vm, self);
}

static void
setiter_traverse (HsObject    *self,
                  HsVisitFunc  visit,
                  gpointer     user_data)
{
  HsSetIter *si = (HsSetIter *) self;

  if (si->set != NULL)
    visit (si->set, user_data);
}

static HsObject *
setiter_self (HsVM     *vm,
              HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
setiter_length_hint (HsVM            *vm,
                     HsObject        *callable,
                     HsObject *const *args,
                     gsize            nargs,
                     HsObject        *kwnames)
{
  HsSetIter *si = (HsSetIter *) args[0];
  gssize len = 0;

  if (si->set != NULL && si->used == (gssize) HS_SET (si->set)->used)
    len = si->len;
  return hs_int_from_i64 (vm, len);
}

static void
setiter_repr_short (HsObject *self,
                    GString  *out,
                    gsize     max_chars)
{
  HsSetIter *si = (HsSetIter *) self;

  if (si->set == NULL)
    g_string_append (out, "exhausted");
  else
    g_string_append_printf (out, "%" G_GSSIZE_FORMAT " left", si->len);
}

static const HsMethodDef setiter_methods[] = {
  { "__length_hint__", setiter_length_hint, 0, NULL },
  { NULL }
};

static HsType *
new_set_type (HsVM       *vm,
              const char *name)
{
  HsType *t = _hs_type_new_builtin (vm, name, vm->types.object, sizeof (HsSet), 216,
                                    HS_TPFLAG_GC | HS_TPFLAG_BASETYPE | HS_TPFLAG_WEAKREFABLE);

  t->tp_dealloc = set_dealloc;
  t->tp_traverse = set_traverse;
  t->tp_free_storage = set_free_storage;
  t->tp_repr = set_repr;
  t->tp_richcompare = set_richcompare;
  t->tp_iter = set_iter;
  t->sq_length = set_length;
  t->sq_contains = set_sq_contains;
  t->nb[HS_OP_SUB] = _hs_set_sub;
  t->nb[HS_OP_BITAND] = _hs_set_and;
  t->nb[HS_OP_BITXOR] = _hs_set_xor;
  t->nb[HS_OP_BITOR] = _hs_set_or;
  t->tp_sizeof = set_sizeof;
  t->tp_repr_short = _hs_set_repr_short;
  return t;
}

void
_hs_set_init_type (HsVM *vm)
{
  HsType *t = new_set_type (vm, "set");

  t->tp_clear = _hs_set_clear_internal;
  t->tp_new = set_new;
  t->tp_init = set_init;
  t->nb_inplace[HS_OP_SUB] = _hs_set_isub;
  t->nb_inplace[HS_OP_BITAND] = _hs_set_iand;
  t->nb_inplace[HS_OP_BITXOR] = _hs_set_ixor;
  t->nb_inplace[HS_OP_BITOR] = _hs_set_ior;
  t->methods = _hs_set_methods;
  vm->types.set = t;
  _hs_type_ready (vm, t);

  t = new_set_type (vm, "frozenset");
  t->tp_clear = _hs_set_clear_internal;
  t->tp_new = frozenset_new;
  t->tp_hash = frozenset_hash;
  t->methods = _hs_frozenset_methods;
  vm->types.frozenset = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "set_iterator", vm->types.object, sizeof (HsSetIter), 64,
                            HS_TPFLAG_GC);
  t->tp_dealloc = setiter_dealloc;
  t->tp_traverse = setiter_traverse;
  t->tp_iter = setiter_self;
  t->tp_iternext = setiter_next;
  t->tp_repr_short = setiter_repr_short;
  t->methods = setiter_methods;
  vm->types.set_iterator = t;
  _hs_type_ready (vm, t);
}
