/* hs-containers.h — tuple, list, dict, set, range, slice and their iterators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject   base;
  gsize      len;
  gint64     hash;           /* not cached by CPython; kept -1 */
  HsObject  *items[];
} HsTuple;

typedef struct
{
  HsObject   base;
  gsize      len;
  gsize      allocated;      /* CPython's over-allocation: getsizeof = 56 + 8 * allocated */
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
  gint32      *indices;
  HsDictEntry *entries;      /* usable = (2 << log2_size) / 3 */
  guint64      version;      /* bumped on every change: iterators detect mutation */
} HsDict;

typedef struct
{
  HsObject   *key;           /* NULL = empty, vm->… dummy not used: see hs-set-object.c */
  gint64      hash;
} HsSetEntry;

typedef struct
{
  HsObject    base;
  gsize       used;
  gsize       fill;
  gsize       mask;          /* table size - 1; table size 8 minimum (getsizeof 216) */
  HsSetEntry *table;
  guint64     version;
  gint64      hash;          /* frozenset */
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
  HsObject  *start;
  HsObject  *stop;
  HsObject  *step;
} HsSlice;

#define HS_TUPLE(o)  ((HsTuple *) (o))
#define HS_LIST(o)   ((HsList *) (o))
#define HS_DICT(o)   ((HsDict *) (o))
#define HS_SET(o)    ((HsSet *) (o))

/* Tuples. hs_tuple_new() returns a tuple whose items are NULL: fill them with
 * owned references before anything else can see it. Length 0 is the shared (). */
HsObject  *hs_tuple_new          (HsVM        *vm,
                                  gsize        len);
HsObject  *hs_tuple_pack         (HsVM        *vm,
                                  gsize        n,
                                  ...);                      /* borrowed items */
HsObject  *hs_tuple_from_array   (HsVM        *vm,
                                  HsObject *const *items,
                                  gsize        n);           /* borrowed items */
/* CPython's rule: a tuple whose items cannot be tracked is untracked by a collection. */
gboolean   hs_tuple_may_untrack  (HsObject    *tuple);

/* Lists. */
HsObject  *hs_list_new           (HsVM        *vm,
                                  gsize        len);         /* items NULL, allocated == len */
int        hs_list_append        (HsVM        *vm,
                                  HsObject    *list,
                                  HsObject    *item);        /* borrowed */
int        hs_list_extend        (HsVM        *vm,
                                  HsObject    *list,
                                  HsObject    *iterable);
HsObject  *hs_list_as_tuple      (HsVM        *vm,
                                  HsObject    *list);
int        hs_list_sort          (HsVM        *vm,
                                  HsObject    *list,
                                  HsObject    *key,
                                  gboolean     reverse);

/* Dicts. Getters return BORROWED references (NULL = missing, check
 * hs_err_occurred for errors raised by __eq__/__hash__). */
HsObject  *hs_dict_new           (HsVM        *vm);
HsObject  *hs_dict_new_presized  (HsVM        *vm,
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
HsObject  *hs_dict_copy          (HsVM        *vm,
                                  HsObject    *dict);
gboolean   hs_dict_may_untrack   (HsObject    *dict);

/* Sets. */
HsObject  *hs_set_new            (HsVM        *vm,
                                  HsObject    *iterable);    /* may be NULL */
HsObject  *hs_frozenset_new      (HsVM        *vm,
                                  HsObject    *iterable);
int        hs_set_add            (HsVM        *vm,
                                  HsObject    *set,
                                  HsObject    *key);
int        hs_set_contains       (HsVM        *vm,
                                  HsObject    *set,
                                  HsObject    *key);
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

void       _hs_containers_init_types (HsVM    *vm);

G_END_DECLS
