/* hs-containers.h — tuple, list, dict, set, range, slice and their iterators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layouts and growth policies follow CPython 3.11's Objects/ so that
 * sys.getsizeof, iteration order, deallocation order and GC traversal order
 * match python3 exactly. Reading the fields is fine everywhere (the heap view
 * does); changing them is for the container files only.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject   base;
  gsize      len;
  gint64     hash;           /* not cached by CPython; kept -1 */
  /* Points into the same allocation, right after the struct (or after the
   * instance extension for subclasses of tuple); index it like an array. */
  HsObject **items;
} HsTuple;

typedef struct
{
  HsObject   base;
  gsize      len;
  /* CPython's over-allocation: getsizeof = 56 + 8 * allocated. -1 while
   * list.sort() runs (the list looks empty then, as in CPython). */
  gssize     allocated;
  HsObject **items;
} HsList;

/* An insertion-ordered hash table like CPython 3.6+'s compact dict. The
 * index/entry sizes follow CPython's so sys.getsizeof matches. */
typedef struct
{
  HsObject  *key;            /* NULL = deleted entry (a hole) */
  HsObject  *value;
  gint64     hash;
} HsDictEntry;

typedef struct
{
  HsObject     base;
  gsize        used;         /* live entries */
  gsize        n_entries;    /* entries used in the entry array, incl. holes */
  guint        log2_size;    /* index table size; 0 = no table (the empty {} of 64 bytes) */
  gboolean     all_str_keys; /* CPython's "unicode" keys table (16-byte entries) */
  gint32      *indices;      /* -1 empty, -2 dummy, else an entry index */
  HsDictEntry *entries;      /* usable = (2 << log2_size) / 3 */
  guint64      version;      /* bumped on every change: iterators detect mutation */
  gssize       usable;       /* free entry slots left (CPython's dk_usable) */
  guint64      keys_id;      /* changes whenever the table is replaced */
  HsSharedKeys *split_keys;  /* an instance __dict__ still split (sizeof), or NULL */
} HsDict;

/* An active entry has a key; key NULL is an empty slot (hash 0) or a
 * deleted one, CPython's "dummy" (hash -1). */
typedef struct
{
  HsObject   *key;
  gint64      hash;
} HsSetEntry;

typedef struct
{
  HsObject    base;
  gsize       used;
  gsize       fill;          /* used + dummies */
  gsize       mask;          /* table size - 1; table size 8 minimum (getsizeof 216) */
  HsSetEntry *table;
  guint64     version;
  gint64      hash;          /* frozenset, -1 until computed */
  gsize       finger;        /* set.pop() search start */
  guint64     table_id;      /* changes whenever the table is replaced */
} HsSet;

typedef struct
{
  HsObject   base;
  HsObject  *start;          /* ints */
  HsObject  *stop;
  HsObject  *step;
  HsObject  *length;
} HsRange;

typedef struct
{
  HsObject   base;
  HsObject  *start;          /* never NULL: None when omitted */
  HsObject  *stop;
  HsObject  *step;
} HsSlice;

/* list_iterator, list_reverseiterator, tuple_iterator. */
typedef struct
{
  HsObject   base;
  gssize     index;
  HsObject  *seq;            /* NULL once exhausted (the sequence is released) */
} HsSeqIter;

/* dict_keyiterator, dict_valueiterator, dict_itemiterator. */
typedef struct
{
  HsObject   base;
  HsObject  *dict;           /* NULL once exhausted */
  gssize     used;           /* dict size when created; -1 after an error */
  gssize     pos;
  HsObject  *result;         /* items: the recycled (key, value) tuple, or NULL */
  gssize     len;
} HsDictIter;

/* dict_keys, dict_values, dict_items. */
typedef struct
{
  HsObject   base;
  HsObject  *dict;
} HsDictView;

typedef struct
{
  HsObject   base;
  HsObject  *set;            /* NULL once exhausted */
  gssize     used;
  gssize     pos;
  gssize     len;
} HsSetIter;

/* range_iterator: machine-size values, or big ints (CPython's
 * longrange_iterator) when @big is set. */
typedef struct
{
  HsObject   base;
  gint64     start;
  gint64     step;
  gint64     len;
  gint64     index;
  gboolean   big;
  HsObject  *big_start;
  HsObject  *big_step;
  HsObject  *big_len;
  HsObject  *big_index;
} HsRangeIter;

#define HS_TUPLE(o)  ((HsTuple *) (o))
#define HS_LIST(o)   ((HsList *) (o))
#define HS_DICT(o)   ((HsDict *) (o))
#define HS_SET(o)    ((HsSet *) (o))
#define HS_RANGE(o)  ((HsRange *) (o))
#define HS_SLICE(o)  ((HsSlice *) (o))

/* Tuples. hs_tuple_new() returns a tuple whose items are NULL: fill them with
 * owned references before anything else can see it. Length 0 is the shared ().
 * Tuples are GC-tracked at creation, as in CPython. */
HsObject  *hs_tuple_new          (HsVM        *vm,
                                  gsize        len);
HsObject  *hs_tuple_pack         (HsVM        *vm,
                                  gsize        n,
                                  ...);                      /* borrowed items */
HsObject  *hs_tuple_from_array   (HsVM        *vm,
                                  HsObject *const *items,
                                  gsize        n);           /* borrowed items */
/* tuple(iterable) (PySequence_Tuple): an exact tuple is returned as is. */
HsObject  *hs_tuple_from_iterable (HsVM       *vm,
                                   HsObject   *iterable);
gboolean   hs_tuple_check_exact  (HsObject    *o);
/* CPython's rule: a tuple whose items cannot be tracked is untracked by a collection. */
gboolean   hs_tuple_may_untrack  (HsObject    *tuple);

/* Lists. Lists are GC-tracked at creation. */
HsObject  *hs_list_new           (HsVM        *vm,
                                  gsize        len);         /* items NULL, allocated == len */
int        hs_list_append        (HsVM        *vm,
                                  HsObject    *list,
                                  HsObject    *item);        /* borrowed */
/* list.extend(): capacities as CPython (an empty list gets the exact length
 * rounded up to even; `[1, 2, 3]` displays are "[] + extend(const tuple)"). */
int        hs_list_extend        (HsVM        *vm,
                                  HsObject    *list,
                                  HsObject    *iterable);
/* list(iterable) (PySequence_List): a new list, filled by list_extend. */
HsObject  *hs_list_from_iterable (HsVM        *vm,
                                  HsObject    *iterable);
HsObject  *hs_list_as_tuple      (HsVM        *vm,
                                  HsObject    *list);
int        hs_list_insert        (HsVM        *vm,
                                  HsObject    *list,
                                  gssize       where,
                                  HsObject    *item);        /* borrowed */
/* Replaces list[ilow:ihigh] by the items of @v (NULL deletes), CPython's
 * list_ass_slice: removed items are released last to first, afterwards. */
int        hs_list_set_slice     (HsVM        *vm,
                                  HsObject    *list,
                                  gssize       ilow,
                                  gssize       ihigh,
                                  HsObject    *v);
int        hs_list_sort          (HsVM        *vm,
                                  HsObject    *list,
                                  HsObject    *key,          /* NULL or None: no key */
                                  gboolean     reverse);

/* Dicts. Getters return BORROWED references (NULL = missing, check
 * hs_err_occurred for errors raised by __eq__/__hash__). @vm may be NULL in
 * the getters only when the key is a str (type dicts are read that way).
 * Dicts are created untracked and tracked by the first store of a key or
 * value that may be tracked. */
HsObject  *hs_dict_new           (HsVM        *vm);
/* _PyDict_NewPresized: BUILD_MAP n. */
HsObject  *hs_dict_new_presized  (HsVM        *vm,
                                  gsize        n);
/* _PyDict_FromItems: what BUILD_MAP / BUILD_CONST_KEY_MAP do in 3.11 (presized,
 * str-keys layout when every key is an exact str). Borrowed keys/values;
 * keys[i * stride] pairs with values[i * stride]. */
HsObject  *hs_dict_from_items    (HsVM        *vm,
                                  HsObject *const *keys,
                                  HsObject *const *values,
                                  gsize        stride,
                                  gsize        n);
HsObject  *hs_dict_getitem       (HsVM        *vm,
                                  HsObject    *dict,
                                  HsObject    *key);
HsObject  *hs_dict_getitem_str   (HsVM        *vm,
                                  HsObject    *dict,
                                  const char  *key);
int        hs_dict_setitem       (HsVM        *vm,
                                  HsObject    *dict,
                                  HsObject    *key,
                                  HsObject    *value);       /* borrowed key and value */
int        hs_dict_setitem_str   (HsVM        *vm,
                                  HsObject    *dict,
                                  const char  *key,
                                  HsObject    *value);
/* Returns 1 if deleted, 0 if missing (no exception), -1 on error. */
int        hs_dict_delitem       (HsVM        *vm,
                                  HsObject    *dict,
                                  HsObject    *key);
/* 1 present, 0 missing, -1 error. */
int        hs_dict_contains      (HsVM        *vm,
                                  HsObject    *dict,
                                  HsObject    *key);
void       hs_dict_clear         (HsVM        *vm,
                                  HsObject    *dict);
/* Iteration in insertion order: pos starts at 0; borrowed key/value. */
gboolean   hs_dict_next          (HsObject    *dict,
                                  gsize       *pos,
                                  HsObject   **key,
                                  HsObject   **value);
int        hs_dict_update        (HsVM        *vm,
                                  HsObject    *dict,
                                  HsObject    *other);       /* mapping or iterable of pairs */
/* PyDict_Merge(a, b, 1): @other is a mapping (dict or anything with keys()). */
int        hs_dict_merge         (HsVM        *vm,
                                  HsObject    *dict,
                                  HsObject    *other);
HsObject  *hs_dict_copy          (HsVM        *vm,
                                  HsObject    *dict);
gboolean   hs_dict_may_untrack   (HsObject    *dict);
/* list(d.keys()) etc. as new lists (PyDict_Keys/Values/Items). */
HsObject  *hs_dict_keys          (HsVM        *vm,
                                  HsObject    *dict);
HsObject  *hs_dict_values        (HsVM        *vm,
                                  HsObject    *dict);
HsObject  *hs_dict_items         (HsVM        *vm,
                                  HsObject    *dict);

/* Sets. Both set and frozenset are GC-tracked at creation. */
HsObject  *hs_set_new            (HsVM        *vm,
                                  HsObject    *iterable);    /* may be NULL */
HsObject  *hs_frozenset_new      (HsVM        *vm,
                                  HsObject    *iterable);
int        hs_set_add            (HsVM        *vm,
                                  HsObject    *set,
                                  HsObject    *key);
/* 1 removed, 0 missing, -1 error. */
int        hs_set_discard        (HsVM        *vm,
                                  HsObject    *set,
                                  HsObject    *key);
int        hs_set_contains       (HsVM        *vm,
                                  HsObject    *set,
                                  HsObject    *key);
/* set.update(iterable) (CPython's set_update_internal). */
int        hs_set_update         (HsVM        *vm,
                                  HsObject    *set,
                                  HsObject    *iterable);
gboolean   hs_set_next           (HsObject    *set,
                                  gsize       *pos,
                                  HsObject   **key);

HsObject  *hs_range_new          (HsVM        *vm,
                                  HsObject    *start,
                                  HsObject    *stop,
                                  HsObject    *step);        /* borrowed ints */
HsObject  *hs_slice_new          (HsVM        *vm,
                                  HsObject    *start,
                                  HsObject    *stop,
                                  HsObject    *step);        /* borrowed, NULL = None */
/* Resolves a slice against a sequence length (PySlice_GetIndicesEx). */
gboolean   hs_slice_indices      (HsVM        *vm,
                                  HsObject    *slice,
                                  gssize       length,
                                  gssize      *start,
                                  gssize      *stop,
                                  gssize      *step,
                                  gssize      *slicelength);

/* Per-type init, in this order (tuple first: it also creates vm->empty_tuple). */
void       _hs_tuple_init_type   (HsVM        *vm);
void       _hs_list_init_type    (HsVM        *vm);
void       _hs_dict_init_type    (HsVM        *vm);
void       _hs_set_init_type     (HsVM        *vm);
void       _hs_range_init_type   (HsVM        *vm);
/* All of the above. */
void       _hs_containers_init_types (HsVM    *vm);

G_END_DECLS
