/* hs-dict-object.c — dict: CPython 3.11's compact, insertion-ordered hash table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Objects/dictobject.c, as far as a learner can observe it: sys.getsizeof
 * (a 64-byte {} without a table, then a keys object of 32 bytes + an index
 * array sized for the table + 16-byte entries when every key is a str or
 * 24-byte ones otherwise), the growth policy (GROWTH_RATE = used * 3,
 * presized literals, cloned copies), GC tracking (created untracked, tracked
 * by the first store of something trackable) and the release order (entries
 * in insertion order, key before value). Lookups restart when a user __eq__
 * mutates the dict, as CPython's do.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers-private.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-str-private.h"
#include "hs-type-object.h"
#include "hs-vm.h"

#define DKIX_EMPTY HS_DKIX_EMPTY
#define DKIX_DUMMY HS_DKIX_DUMMY
#define DKIX_ERROR HS_DKIX_ERROR
#define LOG_MINSIZE HS_DICT_LOG_MINSIZE
#define PERTURB_SHIFT 5
#define LOG2_MAX_PRESIZE 17

static void dict_dealloc (HsVM *vm, HsObject *self);

/* Sizes ------------------------------------------------------------------------ */

static gsize
usable_fraction (gsize n)
{
  return _hs_dict_usable_fraction (n);
}

static guint
bit_length (guint64 v)
{
  guint n = 0;

  while (v != 0)
    {
      n++;
      v >>= 1;
    }
  return n;
}

/* calculate_log2_keysize: note that (minsize | 8) - 1 makes 1..7 ask for 16 slots. */
static guint
calculate_log2_keysize (gsize minsize)
{
  minsize = (minsize | 8) - 1;
  return bit_length (minsize | 7);
}

/* The table size that holds @n items without a resize (ESTIMATE_SIZE). */
guint
_hs_dict_estimate_log2 (gsize n)
{
  return calculate_log2_keysize ((n * 3 + 1) >> 1);
}

/* sizeof the keys object: header, int8/16/32/64 indices, entries. */
static gsize
keys_size (guint    log2_size,
           gboolean unicode)
{
  gsize size = (gsize) 1 << log2_size;
  gsize index_bytes;

  if (log2_size == 0)
    return 0;
  if (log2_size < 8)
    index_bytes = size;
  else if (log2_size < 16)
    index_bytes = size * 2;
  else if (log2_size < 32)
    index_bytes = size * 4;
  else
    index_bytes = size * 8;
  return 32 + index_bytes + usable_fraction (size) * (unicode ? 16 : 24);
}

static gsize
dict_keys_size (HsDict *d)
{
  return keys_size (d->log2_size, d->all_str_keys);
}

/* Type tests that work without a VM ------------------------------------------- */

static gboolean
is_exact_str (HsObject *o)
{
  return hs_str_check (o) && (o->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE) == 0;
}

gboolean
_hs_dict_check_exact (HsObject *o)
{
  return o->ob_type->tp_dealloc == dict_dealloc
         && (o->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE) == 0;
}

static gboolean
dict_check (HsVM     *vm,
            HsObject *o)
{
  return hs_isinstance (o, vm->types.dict);
}

gboolean
_hs_dict_key_hash (HsVM     *vm,
                   HsObject *key,
                   gint64   *hash)
{
  if (is_exact_str (key))
    {
      *hash = hs_str_hash (key);
      return TRUE;
    }
  return hs_object_hash (vm, key, hash);
}

/* MAINTAIN_TRACKING: an untracked dict starts being tracked when it gets a
 * key or value the collector may have to follow. */
static void
maintain_tracking (HsVM     *vm,
                   HsObject *dict,
                   HsObject *key,
                   HsObject *value)
{
  if (!hs_gc_is_tracked (dict) && (_hs_may_be_tracked (key) || _hs_may_be_tracked (value)))
    hs_gc_track (vm, dict);
}

/* Tables ----------------------------------------------------------------------- */

/* Detaches the table (the dict becomes the table-less {}); the caller owns
 * the returned arrays and their references. */
typedef struct
{
  gint32      *indices;
  HsDictEntry *entries;
  gsize        n_entries;
  gsize        bytes;
} OldKeys;

static OldKeys
detach_keys (HsDict *d)
{
  OldKeys old = { d->indices, d->entries, d->n_entries, dict_keys_size (d) };

  d->indices = NULL;
  d->entries = NULL;
  d->n_entries = 0;
  d->used = 0;
  d->usable = 0;
  d->log2_size = 0;
  d->all_str_keys = TRUE;
  d->keys_id++;
  d->version++;
  return old;
}

/* free_keys_object: entries in order, key then value. */
static void
release_old_keys (HsVM    *vm,
                  OldKeys *old)
{
  for (gsize i = 0; i < old->n_entries; i++)
    {
      HsObject *key = old->entries[i].key;
      HsObject *value = old->entries[i].value;

      old->entries[i].key = NULL;
      old->entries[i].value = NULL;
      hs_xdecref (vm, key);
      hs_xdecref (vm, value);
    }
  g_free (old->indices);
  g_free (old->entries);
  hs_heap_reserve (vm, -(gssize) old->bytes);
}

/* A fresh empty table of 2**log2 slots (new_keys_object). */
static gboolean
new_keys (HsVM     *vm,
          HsDict   *d,
          guint     log2_size,
          gboolean  unicode)
{
  gsize size = (gsize) 1 << log2_size;

  if (log2_size >= 31 || !hs_heap_reserve (vm, keys_size (log2_size, unicode)))
    {
      if (!hs_err_occurred (vm))
        hs_err_no_memory (vm);
      return FALSE;
    }
  d->log2_size = log2_size;
  d->all_str_keys = unicode;
  d->indices = g_new (gint32, size);
  memset (d->indices, 0xff, size * sizeof (gint32));   /* DKIX_EMPTY */
  d->entries = g_new0 (HsDictEntry, usable_fraction (size));
  d->usable = usable_fraction (size);
  d->n_entries = 0;
  d->keys_id++;
  return TRUE;
}

/* find_empty_slot: the first empty or dummy index slot of the probe sequence. */
static gsize
find_empty_slot (HsDict *d,
                 gint64  hash)
{
  gsize mask = ((gsize) 1 << d->log2_size) - 1;
  gsize i = (guint64) hash & mask;
  guint64 perturb = (guint64) hash;

  while (d->indices[i] >= 0)
    {
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + perturb + 1) & mask;
    }
  return i;
}

/* lookdict_index: the index slot that holds entry @index. */
gssize
_hs_dict_lookdict_index (HsDict *d,
                         gint64  hash,
                         gssize  index)
{
  gsize mask = ((gsize) 1 << d->log2_size) - 1;
  gsize i = (guint64) hash & mask;
  guint64 perturb = (guint64) hash;

  for (;;)
    {
      gint32 ix = d->indices[i];

      if (ix == index)
        return i;
      if (ix == DKIX_EMPTY)
        return DKIX_EMPTY;
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + perturb + 1) & mask;
    }
}

/* dictresize: a new table, live entries copied compactly in order. A
 * general (non-str) table never becomes a str-keys one again. */
gboolean
_hs_dict_resize (HsVM     *vm,
                 HsDict   *d,
                 guint     log2_newsize,
                 gboolean  unicode)
{
  OldKeys old = { d->indices, d->entries, d->n_entries, dict_keys_size (d) };
  gsize j = 0;

  if (!d->all_str_keys)
    unicode = FALSE;
  if (!new_keys (vm, d, log2_newsize, unicode))
    {
      d->indices = old.indices;   /* new_keys left everything else untouched */
      d->entries = old.entries;
      return FALSE;
    }
  for (gsize i = 0; i < old.n_entries; i++)
    if (old.entries[i].value != NULL)
      {
        d->entries[j] = old.entries[i];
        d->indices[find_empty_slot (d, d->entries[j].hash)] = j;
        j++;
      }
  d->n_entries = j;
  d->usable -= j;
  g_free (old.indices);
  g_free (old.entries);
  hs_heap_reserve (vm, -(gssize) old.bytes);
  return TRUE;
}

static gboolean
insertion_resize (HsVM     *vm,
                  HsDict   *d,
                  gboolean  unicode)
{
  return _hs_dict_resize (vm, d, calculate_log2_keysize (d->used * 3), unicode);
}

/* Lookup ----------------------------------------------------------------------- */

/* _Py_dict_lookup: the entry index of @key (DKIX_EMPTY when missing,
 * DKIX_ERROR on error) and its value. Without a VM only str keys compare. */
gint64
_hs_dict_lookup (HsVM      *vm,
                 HsObject  *dict,
                 HsObject  *key,
                 gint64     hash,
                 HsObject **value)
{
  HsDict *d = HS_DICT (dict);
  gboolean key_is_str = is_exact_str (key);

restart:
  *value = NULL;
  if (d->log2_size == 0)
    return DKIX_EMPTY;
  {
    gsize mask = ((gsize) 1 << d->log2_size) - 1;
    gsize i = (guint64) hash & mask;
    guint64 perturb = (guint64) hash;
    guint64 keys_id = d->keys_id;

    for (;;)
      {
        gint32 ix = d->indices[i];

        if (ix >= 0)
          {
            HsDictEntry *ep = &d->entries[ix];

            if (ep->key == key)
              {
                *value = ep->value;
                return ix;
              }
            if (ep->hash == hash)
              {
                HsObject *startkey = ep->key;
                int cmp;

                if (key_is_str && is_exact_str (startkey))
                  cmp = hs_str_equal (startkey, key);
                else if (vm == NULL)
                  cmp = hs_str_check (startkey) && hs_str_check (key)
                        && hs_str_equal (startkey, key);
                else
                  {
                    hs_incref (startkey);
                    cmp = hs_object_richcompare_bool (vm, startkey, key, HS_EQ);
                    hs_decref (vm, startkey);
                    if (cmp < 0)
                      return DKIX_ERROR;
                    /* A user __eq__ changed the dict: start again. */
                    if (d->keys_id != keys_id || d->entries[ix].key != startkey)
                      goto restart;
                  }
                if (cmp > 0)
                  {
                    *value = d->entries[ix].value;
                    return ix;
                  }
              }
          }
        else if (ix == DKIX_EMPTY)
          return DKIX_EMPTY;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
      }
  }
}

/* Insertion and deletion ------------------------------------------------------ */

static int
insert_to_emptydict (HsVM     *vm,
                     HsObject *dict,
                     HsObject *key,
                     gint64    hash,
                     HsObject *value)
{
  HsDict *d = HS_DICT (dict);
  gsize pos;

  if (!new_keys (vm, d, LOG_MINSIZE, is_exact_str (key)))
    return -1;
  maintain_tracking (vm, dict, key, value);
  pos = (guint64) hash & ((1 << LOG_MINSIZE) - 1);
  d->indices[pos] = 0;
  d->entries[0].key = hs_incref (key);
  d->entries[0].value = hs_incref (value);
  d->entries[0].hash = hash;
  d->n_entries = 1;
  d->usable--;
  d->used = 1;
  d->version++;
  return 0;
}

/* A new key in a split table: a str the class's keys have or can still
 * take keeps it split (and joins the keys); anything else makes it an
 * ordinary table. */
static gboolean
keep_split (HsVM     *vm,
            HsDict   *d,
            HsObject *key)
{
  HsSharedKeys *keys = d->split_keys;
  const char *name = is_exact_str (key) ? hs_str_utf8 (key) : NULL;

  if (name != NULL && hs_shared_keys_has (keys, name))
    return TRUE;
  if (name != NULL && keys->usable > 0)
    {
      g_ptr_array_add (keys->names, g_strdup (name));
      keys->usable--;
      return TRUE;
    }
  g_clear_pointer (&d->split_keys, hs_shared_keys_unref);
  /* insertion_resize(mp, 1): the combined table is sized for used * 3. */
  return name == NULL || d->log2_size == 0 || insertion_resize (vm, d, TRUE);
}

/* insertdict. With @only_if_missing (setdefault) an existing value is kept
 * and returned in @result (borrowed). */
int
_hs_dict_insert (HsVM      *vm,
                 HsObject  *dict,
                 HsObject  *key,
                 gint64     hash,
                 HsObject  *value,
                 gboolean   only_if_missing,
                 HsObject **result)
{
  HsDict *d = HS_DICT (dict);
  HsObject *old_value;
  gint64 ix;
  HsDictEntry *ep;

  if (result != NULL)
    *result = value;
  if (d->log2_size == 0)
    {
      if (d->split_keys != NULL && !keep_split (vm, d, key))
        return -1;
      return insert_to_emptydict (vm, dict, key, hash, value);
    }
  if (d->all_str_keys && !is_exact_str (key) && !insertion_resize (vm, d, FALSE))
    return -1;

  ix = _hs_dict_lookup (vm, dict, key, hash, &old_value);
  if (ix == DKIX_ERROR)
    return -1;

  if (ix == DKIX_EMPTY)
    {
      if (d->split_keys != NULL && !keep_split (vm, d, key))
        return -1;
      maintain_tracking (vm, dict, key, value);
      /* The lookup may have run code that emptied or converted the table. */
      if (d->usable <= 0 && !insertion_resize (vm, d, TRUE))
        return -1;
      if (d->all_str_keys && !is_exact_str (key) && !insertion_resize (vm, d, FALSE))
        return -1;
      d->indices[find_empty_slot (d, hash)] = d->n_entries;
      ep = &d->entries[d->n_entries];
      ep->key = hs_incref (key);
      ep->value = hs_incref (value);
      ep->hash = hash;
      d->used++;
      d->version++;
      d->usable--;
      d->n_entries++;
      return 0;
    }

  if (only_if_missing)
    {
      *result = old_value;
      return 0;
    }
  maintain_tracking (vm, dict, key, value);
  if (old_value != value)
    {
      /* The key object already in the dict stays; the old value dies after
       * the store (it may run code that sees the new value). */
      d->entries[ix].value = hs_incref (value);
      d->version++;
      hs_decref (vm, old_value);
    }
  return 0;
}

/* delitem_common: the key, then the value, are released after the entry is
 * gone. @old_value is the dict's reference. */
void
_hs_dict_del_entry (HsVM     *vm,
                    HsDict   *d,
                    gint64    hash,
                    gint64    ix,
                    HsObject *old_value)
{
  gssize hashpos = _hs_dict_lookdict_index (d, hash, ix);
  HsObject *old_key;

  d->used--;
  d->version++;
  d->indices[hashpos] = DKIX_DUMMY;
  old_key = d->entries[ix].key;
  d->entries[ix].key = NULL;
  d->entries[ix].value = NULL;
  d->entries[ix].hash = 0;
  hs_decref (vm, old_key);
  hs_decref (vm, old_value);
}

void
_hs_dict_set_key_error (HsVM     *vm,
                        HsObject *key)
{
  /* args is always (key,), so str(e) is repr(key) even for tuple keys. */
  HsObject *args = hs_tuple_pack (vm, 1, key);

  if (args != NULL)
    {
      hs_err_set_object (vm, vm->types.KeyError, args);
      hs_decref (vm, args);
    }
}

/* Public API ------------------------------------------------------------------- */

static HsObject *
dict_alloc (HsVM   *vm,
            HsType *type)
{
  HsObject *o = hs_object_alloc (vm, type,
                                 type == vm->types.dict ? sizeof (HsDict) : hs_type_c_size (type));
  HsDict *d;

  if (o == NULL)
    return NULL;
  d = HS_DICT (o);
  d->all_str_keys = TRUE;   /* CPython's empty keys are of the str kind */
  return o;
}

HsObject *
hs_dict_new (HsVM *vm)
{
  return dict_alloc (vm, vm->types.dict);
}

static HsObject *
dict_new_presized (HsVM     *vm,
                   gsize     minused,
                   gboolean  unicode)
{
  HsObject *o;
  guint log2_newsize;

  if (minused <= usable_fraction (1 << LOG_MINSIZE))
    return hs_dict_new (vm);
  /* No promise that minused fit: medium size rather than a huge table. */
  if (minused > usable_fraction ((gsize) 1 << LOG2_MAX_PRESIZE))
    log2_newsize = LOG2_MAX_PRESIZE;
  else
    log2_newsize = _hs_dict_estimate_log2 (minused);
  o = hs_dict_new (vm);
  if (o == NULL)
    return NULL;
  if (!new_keys (vm, HS_DICT (o), log2_newsize, unicode))
    {
      hs_decref (vm, o);
      return NULL;
    }
  return o;
}

HsObject *
hs_dict_new_presized (HsVM  *vm,
                      gsize  n)
{
  return dict_new_presized (vm, n, FALSE);
}

HsObject *
hs_dict_from_items (HsVM            *vm,
                    HsObject *const *keys,
                    HsObject *const *values,
                    gsize            stride,
                    gsize            n)
{
  gboolean unicode = TRUE;
  HsObject *dict;

  for (gsize i = 0; i < n; i++)
    if (!is_exact_str (keys[i * stride]))
      {
        unicode = FALSE;
        break;
      }
  dict = dict_new_presized (vm, n, unicode);
  if (dict == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (hs_dict_setitem (vm, dict, keys[i * stride], values[i * stride]) < 0)
      {
        hs_decref (vm, dict);
        return NULL;
      }
  return dict;
}

HsObject *
hs_dict_getitem (HsVM     *vm,
                 HsObject *dict,
                 HsObject *key)
{
  HsObject *value;
  gint64 hash;

  if (vm == NULL && !is_exact_str (key))
    {
      /* Identity only: no VM to run __hash__/__eq__ with. */
      HsDict *d = HS_DICT (dict);

      for (gsize i = 0; i < d->n_entries; i++)
        if (d->entries[i].key == key)
          return d->entries[i].value;
      return NULL;
    }
  if (!_hs_dict_key_hash (vm, key, &hash))
    return NULL;
  if (_hs_dict_lookup (vm, dict, key, hash, &value) < 0)
    return NULL;
  return value;
}

HsObject *
hs_dict_getitem_str (HsVM       *vm,
                     HsObject   *dict,
                     const char *key)
{
  HsDict *d = HS_DICT (dict);
  gsize len = strlen (key);
  gint64 hash = _hs_hash_bytes ((const guint8 *) key, len);
  gsize mask, i;
  guint64 perturb = (guint64) hash;

  /* A lookup without a key object: str entries only, no Python code. */
  if (d->log2_size == 0)
    return NULL;
  mask = ((gsize) 1 << d->log2_size) - 1;
  i = (guint64) hash & mask;
  for (;;)
    {
      gint32 ix = d->indices[i];

      if (ix >= 0)
        {
          HsDictEntry *ep = &d->entries[ix];

          if (ep->hash == hash && hs_str_check (ep->key) && hs_str_equal_cstr (ep->key, key))
            return ep->value;
        }
      else if (ix == DKIX_EMPTY)
        return NULL;
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + perturb + 1) & mask;
    }
}

int
hs_dict_setitem (HsVM     *vm,
                 HsObject *dict,
                 HsObject *key,
                 HsObject *value)
{
  gint64 hash;

  if (!_hs_dict_key_hash (vm, key, &hash))
    return -1;
  return _hs_dict_insert (vm, dict, key, hash, value, FALSE, NULL);
}

int
hs_dict_setitem_str (HsVM       *vm,
                     HsObject   *dict,
                     const char *key,
                     HsObject   *value)
{
  HsObject *k = hs_str_intern (vm, key);
  int r;

  if (k == NULL)
    return -1;
  r = hs_dict_setitem (vm, dict, k, value);
  hs_decref (vm, k);
  return r;
}

int
hs_dict_delitem (HsVM     *vm,
                 HsObject *dict,
                 HsObject *key)
{
  HsObject *old_value;
  gint64 hash, ix;

  if (!_hs_dict_key_hash (vm, key, &hash))
    return -1;
  ix = _hs_dict_lookup (vm, dict, key, hash, &old_value);
  if (ix == DKIX_ERROR)
    return -1;
  if (ix == DKIX_EMPTY || old_value == NULL)
    return 0;
  _hs_dict_del_entry (vm, HS_DICT (dict), hash, ix, old_value);
  return 1;
}

int
hs_dict_contains (HsVM     *vm,
                  HsObject *dict,
                  HsObject *key)
{
  HsObject *value;
  gint64 hash, ix;

  if (!_hs_dict_key_hash (vm, key, &hash))
    return -1;
  ix = _hs_dict_lookup (vm, dict, key, hash, &value);
  if (ix == DKIX_ERROR)
    return -1;
  return ix != DKIX_EMPTY && value != NULL;
}

/* PyDict_Clear: the dict is {} again before anything is released. */
void
hs_dict_clear (HsVM     *vm,
               HsObject *dict)
{
  HsDict *d = HS_DICT (dict);
  OldKeys old;

  g_clear_pointer (&d->split_keys, hs_shared_keys_unref);
  if (d->log2_size == 0)
    return;
  old = detach_keys (d);
  release_old_keys (vm, &old);
}

gboolean
hs_dict_next (HsObject  *dict,
              gsize     *pos,
              HsObject **key,
              HsObject **value)
{
  HsDict *d = HS_DICT (dict);
  gsize i = *pos;

  while (i < d->n_entries && d->entries[i].value == NULL)
    i++;
  if (i >= d->n_entries)
    {
      *pos = i;
      return FALSE;
    }
  *pos = i + 1;
  if (key != NULL)
    *key = d->entries[i].key;
  if (value != NULL)
    *value = d->entries[i].value;
  return TRUE;
}

/* clone_combined_dict_keys: same table, holes included; every live key and
 * value gains a reference, in entry order. */
gboolean
_hs_dict_clone_keys (HsVM   *vm,
                     HsDict *dst,
                     HsDict *src)
{
  gsize size = (gsize) 1 << src->log2_size;
  gsize bytes = keys_size (src->log2_size, src->all_str_keys);

  if (!hs_heap_reserve (vm, bytes))
    return FALSE;
  dst->log2_size = src->log2_size;
  dst->all_str_keys = src->all_str_keys;
  dst->indices = g_memdup2 (src->indices, size * sizeof (gint32));
  dst->entries = g_memdup2 (src->entries, usable_fraction (size) * sizeof (HsDictEntry));
  dst->n_entries = src->n_entries;
  dst->usable = src->usable;
  dst->used = src->used;
  dst->keys_id++;
  dst->version++;
  for (gsize i = 0; i < dst->n_entries; i++)
    if (dst->entries[i].value != NULL)
      {
        hs_incref (dst->entries[i].value);
        hs_incref (dst->entries[i].key);
      }
  return TRUE;
}


gboolean
hs_dict_may_untrack (HsObject *dict)
{
  HsDict *d = HS_DICT (dict);

  if (!_hs_dict_check_exact (dict) || !hs_gc_is_tracked (dict))
    return FALSE;
  for (gsize i = 0; i < d->n_entries; i++)
    {
      HsDictEntry *ep = &d->entries[i];

      if (ep->value == NULL)
        continue;
      if (_hs_may_be_tracked (ep->value))
        return FALSE;
      if (!d->all_str_keys && _hs_may_be_tracked (ep->key))
        return FALSE;
    }
  return TRUE;
}

/* Slots -------------------------------------------------------------------------- */

static void
dict_dealloc (HsVM     *vm,
              HsObject *self)
{
  HsDict *d = HS_DICT (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  if (d->log2_size != 0)
    {
      OldKeys old = detach_keys (d);

      release_old_keys (vm, &old);
    }
  g_clear_pointer (&d->split_keys, hs_shared_keys_unref);
  hs_object_free (vm, self);
}

/* dict_traverse: values only for a str-keys table (str is never tracked);
 * otherwise the value, then the key, of each entry. */
static void
dict_traverse (HsObject    *self,
               HsVisitFunc  visit,
               gpointer     user_data)
{
  HsDict *d = HS_DICT (self);

  for (gsize i = 0; i < d->n_entries; i++)
    {
      HsDictEntry *ep = &d->entries[i];

      if (ep->value == NULL)
        continue;
      visit (ep->value, user_data);
      if (!d->all_str_keys)
        visit (ep->key, user_data);
    }
}

static void
dict_tp_clear (HsVM     *vm,
               HsObject *self)
{
  hs_dict_clear (vm, self);
}

static void
dict_free_storage (HsObject *self)
{
  HsDict *d = HS_DICT (self);

  g_clear_pointer (&d->indices, g_free);
  g_clear_pointer (&d->entries, g_free);
  g_clear_pointer (&d->split_keys, hs_shared_keys_unref);
  d->n_entries = 0;
  d->log2_size = 0;
}

/* _PyDict_SizeOf: a split table counts a value slot for every name the
 * class's keys hold or can still take (the keys belong to the class). */
static gsize
dict_sizeof (HsObject *self)
{
  HsSharedKeys *split = HS_DICT (self)->split_keys;

  if (split != NULL)
    return 64 + 8 * (split->names->len + MAX (split->usable, 0));
  return 64 + dict_keys_size (HS_DICT (self));
}

static HsObject *
dict_repr (HsVM     *vm,
           HsObject *self)
{
  HsDict *d = HS_DICT (self);
  HsObject *key, *value, *res = NULL;
  GString *out;
  gsize pos = 0;
  gboolean first = TRUE;

  if (!hs_repr_enter (vm, self))
    return hs_str_new (vm, "{...}", -1);
  if (d->used == 0)
    {
      hs_repr_leave (vm, self);
      return hs_str_new (vm, "{}", -1);
    }
  out = g_string_new ("{");
  /* repr() may mutate the dict: the pair is kept alive while formatted. */
  while (hs_dict_next (self, &pos, &key, &value))
    {
      gboolean ok;

      hs_incref (key);
      hs_incref (value);
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      ok = hs_object_repr_append (vm, key, out);
      if (ok)
        {
          g_string_append (out, ": ");
          ok = hs_object_repr_append (vm, value, out);
        }
      hs_decref (vm, key);
      hs_decref (vm, value);
      if (!ok)
        goto done;
    }
  g_string_append_c (out, '}');
  res = hs_str_from_gstring (vm, out);

done:
  hs_repr_leave (vm, self);
  g_string_free (out, TRUE);
  return res;
}

void
_hs_dict_repr_short (HsObject *self,
                     GString  *out,
                     gsize     max_chars)
{
  HsDict *d = HS_DICT (self);
  GString *buf = g_string_new ("{");
  gsize chars = 1, pos = 0, shown = 0;
  HsObject *key, *value;

  while (hs_dict_next (self, &pos, &key, &value))
    {
      gsize sep = shown > 0 ? 2 : 0;
      gsize tail = shown + 1 < d->used ? 3 : 0;
      gsize budget, piece_chars;
      GString *piece;

      if (chars + sep + 1 + tail + 4 > max_chars)
        break;
      budget = max_chars - chars - sep - 1 - tail;
      piece = g_string_new (NULL);
      _hs_repr_short_item (key, piece, budget / 2);
      g_string_append (piece, ": ");
      _hs_repr_short_item (value, piece, budget - MIN (budget, (gsize) g_utf8_strlen (piece->str, -1)));
      piece_chars = g_utf8_strlen (piece->str, -1);
      if (piece_chars > budget)
        {
          g_string_free (piece, TRUE);
          break;
        }
      if (sep)
        g_string_append (buf, ", ");
      g_string_append_len (buf, piece->str, piece->len);
      chars += sep + piece_chars;
      shown++;
      g_string_free (piece, TRUE);
    }
  if (shown == 0 && d->used > 0)
    _hs_repr_short_count (out, "{", "}", d->used);
  else
    {
      if (shown < d->used)
        g_string_append (buf, ", …");
      g_string_append_c (buf, '}');
      g_string_append_len (out, buf->str, buf->len);
    }
  g_string_free (buf, TRUE);
}

/* dict_equal: same size, and every key of a is in b with an equal value. */
static int
dict_equal (HsVM     *vm,
            HsObject *a,
            HsObject *b)
{
  HsDict *da = HS_DICT (a);

  if (da->used != HS_DICT (b)->used)
    return 0;
  for (gsize i = 0; i < da->n_entries; i++)
    {
      HsDictEntry *ep = &da->entries[i];
      HsObject *key = ep->key, *aval = ep->value, *bval;
      gint64 hash = ep->hash;
      int cmp;

      if (aval == NULL)
        continue;
      hs_incref (aval);
      hs_incref (key);
      if (_hs_dict_lookup (vm, b, key, hash, &bval) == DKIX_ERROR)
        bval = NULL;
      if (bval == NULL)
        {
          hs_decref (vm, key);
          hs_decref (vm, aval);
          return hs_err_occurred (vm) ? -1 : 0;
        }
      hs_incref (bval);
      cmp = hs_object_richcompare_bool (vm, aval, bval, HS_EQ);
      hs_decref (vm, key);
      hs_decref (vm, aval);
      hs_decref (vm, bval);
      if (cmp <= 0)
        return cmp;
    }
  return 1;
}

static HsObject *
dict_richcompare (HsVM     *vm,
                  HsObject *v,
                  HsObject *w,
                  int       op)
{
  int cmp;

  if (!dict_check (vm, v) || !dict_check (vm, w) || (op != HS_EQ && op != HS_NE))
    return hs_not_implemented (vm);
  cmp = dict_equal (vm, v, w);
  if (cmp < 0)
    return NULL;
  return hs_bool (vm, (cmp != 0) == (op == HS_EQ));
}

static gssize
dict_length (HsVM     *vm,
             HsObject *self)
{
  return HS_DICT (self)->used;
}

static int
dict_sq_contains (HsVM     *vm,
                  HsObject *self,
                  HsObject *key)
{
  return hs_dict_contains (vm, self, key);
}

static HsObject *
dict_subscript (HsVM     *vm,
                HsObject *self,
                HsObject *key)
{
  HsObject *value;
  gint64 hash, ix;

  if (!_hs_dict_key_hash (vm, key, &hash))
    return NULL;
  ix = _hs_dict_lookup (vm, self, key, hash, &value);
  if (ix == DKIX_ERROR)
    return NULL;
  if (ix == DKIX_EMPTY || value == NULL)
    {
      /* Subclasses may define __missing__. */
      if (!_hs_dict_check_exact (self) && hs_type_lookup_cstr (self->ob_type, "__missing__") != NULL)
        return hs_object_call_method (vm, self, "__missing__", &key, 1);
      _hs_dict_set_key_error (vm, key);
      return NULL;
    }
  return hs_incref (value);
}

static int
dict_ass_subscript (HsVM     *vm,
                    HsObject *self,
                    HsObject *key,
                    HsObject *value)
{
  int r;

  if (value != NULL)
    return hs_dict_setitem (vm, self, key, value);
  r = hs_dict_delitem (vm, self, key);
  if (r == 0)
    {
      _hs_dict_set_key_error (vm, key);
      return -1;
    }
  return r < 0 ? -1 : 0;
}

static HsObject *
dict_or (HsVM     *vm,
         HsObject *self,
         HsObject *other)
{
  HsObject *res;

  if (!dict_check (vm, self) || !dict_check (vm, other))
    return hs_not_implemented (vm);
  res = hs_dict_copy (vm, self);
  if (res == NULL)
    return NULL;
  if (hs_dict_update (vm, res, other) < 0)
    {
      hs_decref (vm, res);
      return NULL;
    }
  return res;
}

static HsObject *
dict_ior (HsVM     *vm,
          HsObject *self,
          HsObject *other)
{
  if (hs_dict_update (vm, self, other) < 0)
    return NULL;
  return hs_incref (self);
}

static HsObject *
dict_iter (HsVM     *vm,
           HsObject *self)
{
  return _hs_dict_iter_new (vm, self, vm->types.dict_keyiterator);
}

/* dict.__new__: an exact dict starts untracked, a subclass instance tracked. */
static HsObject *
dict_new (HsVM            *vm,
          HsObject        *callable,
          HsObject *const *args,
          gsize            nargs,
          HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsObject *o;

  /* dict(…) uses tp_alloc, not PyDict_New: no free list. */
  _hs_gc_bypass_free_list (vm);
  o = dict_alloc (vm, type);
  if (o != NULL && type != vm->types.dict)
    hs_gc_track (vm, o);
  return o;
}

void
_hs_dict_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "dict", vm->types.object, sizeof (HsDict), 64,
                                    HS_TPFLAG_GC | HS_TPFLAG_BASETYPE | HS_TPFLAG_TRACK_LATER);

  t->tp_dealloc = dict_dealloc;
  t->tp_traverse = dict_traverse;
  t->tp_clear = dict_tp_clear;
  t->tp_free_storage = dict_free_storage;
  t->tp_repr = dict_repr;
  t->tp_richcompare = dict_richcompare;
  t->tp_iter = dict_iter;
  t->tp_new = dict_new;
  t->tp_init = _hs_dict_tp_init;
  t->sq_length = dict_length;
  t->sq_contains = dict_sq_contains;
  t->mp_subscript = dict_subscript;
  t->mp_ass_subscript = dict_ass_subscript;
  t->nb[HS_OP_BITOR] = dict_or;
  t->nb_inplace[HS_OP_BITOR] = dict_ior;
  t->tp_sizeof = dict_sizeof;
  t->tp_repr_short = _hs_dict_repr_short;
  t->methods = _hs_dict_methods;
  vm->types.dict = t;
  _hs_type_ready (vm, t);

  _hs_dict_views_init_types (vm);
}
