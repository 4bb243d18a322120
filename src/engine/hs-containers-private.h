/* hs-containers-private.h — helpers shared by the container implementation files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-containers.h"

G_BEGIN_DECLS

/* tuple_dealloc: exact-tuple test without a VM (CPython's PyTuple_CheckExact). */
void        _hs_tuple_dealloc        (HsVM         *vm,
                                      HsObject     *self);

/* Is @o a type object (an instance of type or of a metaclass)? */
static inline gboolean
_hs_object_is_type (HsObject *o)
{
  HsType *mt = o->ob_type;

  return mt == mt->base.ob_type || hs_type_is_subtype (mt, mt->base.ob_type);
}

/* CPython's _PyObject_GC_MAY_BE_TRACKED: GC-capable, except static types and
 * tuples that are not tracked (any more). */
static inline gboolean
_hs_may_be_tracked (HsObject *o)
{
  HsType *t = o->ob_type;

  if (!hs_type_is_gc (t))
    return FALSE;
  if (t->tp_dealloc == _hs_tuple_dealloc && !(t->tp_flags & HS_TPFLAG_HEAPTYPE))
    return hs_gc_is_tracked (o);
  if (_hs_object_is_type (o))
    return (((HsType *) o)->tp_flags & HS_TPFLAG_HEAPTYPE) != 0;
  return TRUE;
}

/* Usable as a sequence index: int, bool or anything with __index__. */
gboolean    _hs_index_check          (HsObject     *o);
/* A sequence index: IndexError "cannot fit 'int' into an index-sized integer"
 * on overflow, as PyNumber_AsSsize_t (o, PyExc_IndexError). */
gboolean    _hs_as_index             (HsVM         *vm,
                                      HsObject     *o,
                                      gssize       *out);
/* Same, but clamping huge values as _PyEval_SliceIndex does. */
gboolean    _hs_slice_index          (HsVM         *vm,
                                      HsObject     *o,
                                      gssize       *out);
/* start/stop arguments of index() (_PyEval_SliceIndexNotNone), resolved
 * against @len as list.index and tuple.index do. */
gboolean    _hs_index_bounds         (HsVM         *vm,
                                      HsObject *const *args,
                                      gsize         nargs,
                                      gssize        len,
                                      gssize       *start,
                                      gssize       *stop);
/* PySlice_Unpack and PySlice_AdjustIndices. */
gboolean    _hs_slice_unpack         (HsVM         *vm,
                                      HsObject     *slice,
                                      gssize       *start,
                                      gssize       *stop,
                                      gssize       *step);
gssize      _hs_slice_adjust         (gssize        length,
                                      gssize       *start,
                                      gssize       *stop,
                                      gssize        step);
/* PyObject_LengthHint: len(), then __length_hint__, else @dflt. -1 on error. */
gssize      _hs_length_hint          (HsVM         *vm,
                                      HsObject     *o,
                                      gssize        dflt);
/* PySequence_Fast: @o itself when a list or tuple, else list(o); TypeError
 * @message when @o is not iterable. */
HsObject   *_hs_sequence_fast        (HsVM         *vm,
                                      HsObject     *o,
                                      const char   *message);
/* The items of a list or tuple returned by _hs_sequence_fast. */
static inline HsObject **
_hs_fast_items (HsObject *seq,
                gsize    *n)
{
  if (seq->ob_type->tp_dealloc == _hs_tuple_dealloc)
    {
      *n = HS_TUPLE (seq)->len;
      return HS_TUPLE (seq)->items;
    }
  *n = HS_LIST (seq)->len;
  return HS_LIST (seq)->items;
}

/* Argument check of a one-argument slot wrapper method (list.__iadd__…):
 * CPython's "expected 1 argument, got N" and "wrapper f() takes no keyword
 * arguments". */
gboolean    _hs_wrapper_check_one    (HsVM         *vm,
                                      const char   *name,
                                      gsize         nargs,
                                      HsObject     *kwnames);
/* A repetition count for seq * n (sq_repeat): TypeError when @o is not an
 * index, OverflowError when it does not fit. */
gboolean    _hs_repeat_count         (HsVM         *vm,
                                      HsObject     *o,
                                      gssize       *out);

/* dealloc/traverse/iter/repr_short of list and tuple iterators. */
void        _hs_seqiter_init_slots   (HsType       *t);
HsObject   *_hs_seqiter_new          (HsVM         *vm,
                                      HsType       *type,
                                      HsObject     *seq,
                                      gssize        index);

/* list_resize: CPython's over-allocation and shrink rule. */
gboolean    _hs_list_resize          (HsVM         *vm,
                                      HsObject     *list,
                                      gsize         newsize);
HsObject   *_hs_list_slice           (HsVM         *vm,
                                      HsObject     *list,
                                      gssize        ilow,
                                      gssize        ihigh);
/* list.sort() in hs-list-sort.c. */
HsObject   *_hs_list_sort_method     (HsVM         *vm,
                                      HsObject     *callable,
                                      HsObject *const *args,
                                      gsize         nargs,
                                      HsObject     *kwnames);

/* Heap-view previews: "[1, 'a', …]" within @max_chars, never running Python
 * code; nested containers are shown as "[…]". */
void        _hs_repr_short_item      (HsObject     *item,
                                      GString      *out,
                                      gsize         max_chars);
void        _hs_tuple_repr_short     (HsObject     *self,
                                      GString      *out,
                                      gsize         max_chars);
void        _hs_list_repr_short      (HsObject     *self,
                                      GString      *out,
                                      gsize         max_chars);
void        _hs_dict_repr_short      (HsObject     *self,
                                      GString      *out,
                                      gsize         max_chars);
void        _hs_set_repr_short       (HsObject     *self,
                                      GString      *out,
                                      gsize         max_chars);
/* "(1, 'a', …)": items within @max_chars, the count form when none fits. */
void        _hs_repr_short_sequence  (GString      *out,
                                      const char   *open,
                                      const char   *close,
                                      HsObject *const *items,
                                      gsize         n,
                                      gboolean      one_comma,
                                      gsize         max_chars);
void        _hs_repr_short_count     (GString      *out,
                                      const char   *open,
                                      const char   *close,
                                      gsize         n);

/* dict internals shared by hs-dict-object.c, hs-dict-methods.c and
 * hs-dict-views.c. */
#define HS_DKIX_EMPTY       (-1)
#define HS_DKIX_DUMMY       (-2)
#define HS_DKIX_ERROR       (-3)
#define HS_DICT_LOG_MINSIZE 3

static inline gsize
_hs_dict_usable_fraction (gsize n)
{
  return (n << 1) / 3;
}

gboolean    _hs_dict_check_exact     (HsObject     *o);
gboolean    _hs_dict_key_hash        (HsVM         *vm,
                                      HsObject     *key,
                                      gint64       *hash);
guint       _hs_dict_estimate_log2   (gsize         n);
gboolean    _hs_dict_resize          (HsVM         *vm,
                                      HsDict       *d,
                                      guint         log2_newsize,
                                      gboolean      unicode);
/* insertdict; with @only_if_missing (setdefault) an existing value is kept
 * and returned in @result (borrowed). Key and value are borrowed. */
int         _hs_dict_insert          (HsVM         *vm,
                                      HsObject     *dict,
                                      HsObject     *key,
                                      gint64        hash,
                                      HsObject     *value,
                                      gboolean      only_if_missing,
                                      HsObject    **result);
/* delitem_common: releases the key, then @old_value (the dict's reference). */
void        _hs_dict_del_entry       (HsVM         *vm,
                                      HsDict       *d,
                                      gint64        hash,
                                      gint64        ix,
                                      HsObject     *old_value);
gssize      _hs_dict_lookdict_index  (HsDict       *d,
                                      gint64        hash,
                                      gssize        index);
/* KeyError whose args are (key,). */
void        _hs_dict_set_key_error   (HsVM         *vm,
                                      HsObject     *key);
/* clone_combined_dict_keys into a dict without a table. */
gboolean    _hs_dict_clone_keys      (HsVM         *vm,
                                      HsDict       *dst,
                                      HsDict       *src);
HsObject   *_hs_dict_tp_init         (HsVM         *vm,
                                      HsObject     *callable,
                                      HsObject *const *args,
                                      gsize         nargs,
                                      HsObject     *kwnames);
extern const HsMethodDef _hs_dict_methods[];
gint64      _hs_dict_lookup          (HsVM         *vm,
                                      HsObject     *dict,
                                      HsObject     *key,
                                      gint64        hash,
                                      HsObject    **value);
HsObject   *_hs_dict_new_keys_view   (HsVM         *vm,
                                      HsObject     *dict);
HsObject   *_hs_dict_new_values_view (HsVM         *vm,
                                      HsObject     *dict);
HsObject   *_hs_dict_new_items_view  (HsVM         *vm,
                                      HsObject     *dict);
HsObject   *_hs_dict_iter_new        (HsVM         *vm,
                                      HsObject     *dict,
                                      HsType       *type);
void        _hs_dict_views_init_types (HsVM        *vm);
/* set internals shared by hs-set-object.c and hs-set-ops.c (CPython's
 * setobject.c names without the prefix). */
gboolean    _hs_any_set_check        (HsVM         *vm,
                                      HsObject     *o);
gboolean    _hs_frozenset_check_exact (HsVM        *vm,
                                       HsObject    *o);
gboolean    _hs_set_hash_key         (HsVM         *vm,
                                      HsObject     *key,
                                      gint64       *hash);
gboolean    _hs_set_table_resize     (HsVM         *vm,
                                      HsSet        *so,
                                      gsize         minused);
int         _hs_set_add_entry        (HsVM         *vm,
                                      HsSet        *so,
                                      HsObject     *key,
                                      gint64        hash);
int         _hs_set_add_key          (HsVM         *vm,
                                      HsSet        *so,
                                      HsObject     *key);
int         _hs_set_contains_entry   (HsVM         *vm,
                                      HsSet        *so,
                                      HsObject     *key,
                                      gint64        hash);
int         _hs_set_contains_key     (HsVM         *vm,
                                      HsSet        *so,
                                      HsObject     *key);
int         _hs_set_discard_entry    (HsVM         *vm,
                                      HsSet        *so,
                                      HsObject     *key,
                                      gint64        hash);
int         _hs_set_discard_key      (HsVM         *vm,
                                      HsSet        *so,
                                      HsObject     *key);
/* An unhashable set key is retried as a frozenset, as set_contains does. */
int         _hs_set_contains_retry   (HsVM         *vm,
                                      HsObject     *self,
                                      HsObject     *key,
                                      int         (*op) (HsVM *, HsSet *, HsObject *));
gboolean    _hs_set_next             (HsSet        *so,
                                      gsize        *pos,
                                      HsSetEntry  **entry);
void        _hs_set_clear_internal   (HsVM         *vm,
                                      HsObject     *self);
HsObject   *_hs_set_make_new_basetype (HsVM        *vm,
                                       HsType      *type,
                                       HsObject    *iterable);
HsObject   *_hs_set_copy             (HsVM         *vm,
                                      HsObject     *so);
/* 1 / 0 / -1 error. */
int         _hs_set_issubset         (HsVM         *vm,
                                      HsObject     *so,
                                      HsObject     *other);
int         _hs_set_issuperset       (HsVM         *vm,
                                      HsObject     *so,
                                      HsObject     *other);
HsObject   *_hs_set_or               (HsVM         *vm,
                                      HsObject     *a,
                                      HsObject     *b);
HsObject   *_hs_set_and              (HsVM         *vm,
                                      HsObject     *a,
                                      HsObject     *b);
HsObject   *_hs_set_sub              (HsVM         *vm,
                                      HsObject     *a,
                                      HsObject     *b);
HsObject   *_hs_set_xor              (HsVM         *vm,
                                      HsObject     *a,
                                      HsObject     *b);
HsObject   *_hs_set_ior              (HsVM         *vm,
                                      HsObject     *a,
                                      HsObject     *b);
HsObject   *_hs_set_iand             (HsVM         *vm,
                                      HsObject     *a,
                                      HsObject     *b);
HsObject   *_hs_set_isub             (HsVM         *vm,
                                      HsObject     *a,
                                      HsObject     *b);
HsObject   *_hs_set_ixor             (HsVM         *vm,
                                      HsObject     *a,
                                      HsObject     *b);
extern const HsMethodDef _hs_set_methods[];
extern const HsMethodDef _hs_frozenset_methods[];
/* set.<name>(arg), for the set operations of dict views. */
HsObject   *_hs_set_call_method      (HsVM         *vm,
                                      HsObject     *set,
                                      const char   *name,
                                      HsObject     *arg);

G_END_DECLS
