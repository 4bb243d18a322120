/* hs-abstract.h — protocol-level operations on any object (CPython's abstract.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conventions: functions returning HsObject* return a NEW reference, or NULL
 * with vm->exc set. Functions returning int return -1 on error (exception
 * set), otherwise 0/1. Arguments are borrowed unless a name says "steal".
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

const char *hs_type_name              (HsObject        *o);
HsObject   *hs_type_lookup            (HsType          *type,
                                       HsObject        *name);      /* borrowed, MRO search */
HsObject   *hs_type_lookup_cstr       (HsType          *type,
                                       const char      *name);      /* borrowed */

HsObject   *hs_object_repr            (HsVM            *vm,
                                       HsObject        *o);         /* a str */
HsObject   *hs_object_str             (HsVM            *vm,
                                       HsObject        *o);         /* a str */
/* Appends repr(o)/str(o) to @out; may run Python code. Returns FALSE on error. */
gboolean    hs_object_repr_append     (HsVM            *vm,
                                       HsObject        *o,
                                       GString         *out);
gboolean    hs_object_str_append      (HsVM            *vm,
                                       HsObject        *o,
                                       GString         *out);
gboolean    hs_object_hash            (HsVM            *vm,
                                       HsObject        *o,
                                       gint64          *hash);
HsObject   *hs_object_richcompare     (HsVM            *vm,
                                       HsObject        *a,
                                       HsObject        *b,
                                       int              op);
/* Like richcompare but as a truth value; `a is b` short-cuts EQ/NE as CPython's
 * PyObject_RichCompareBool does (containers rely on it). */
int         hs_object_richcompare_bool (HsVM           *vm,
                                        HsObject       *a,
                                        HsObject       *b,
                                        int             op);
int         hs_object_is_true         (HsVM            *vm,
                                       HsObject        *o);
gssize      hs_object_length          (HsVM            *vm,
                                       HsObject        *o);
HsObject   *hs_object_getattr         (HsVM            *vm,
                                       HsObject        *o,
                                       HsObject        *name);
HsObject   *hs_object_getattr_cstr    (HsVM            *vm,
                                       HsObject        *o,
                                       const char      *name);
/* Like getattr but returns NULL *without* an exception when the attribute is
 * missing (AttributeError swallowed). */
HsObject   *hs_object_lookup_attr     (HsVM            *vm,
                                       HsObject        *o,
                                       HsObject        *name);
int         hs_object_setattr         (HsVM            *vm,
                                       HsObject        *o,
                                       HsObject        *name,
                                       HsObject        *value);     /* NULL = delete */
HsObject   *hs_object_generic_getattr (HsVM            *vm,
                                       HsObject        *o,
                                       HsObject        *name);
int         hs_object_generic_setattr (HsVM            *vm,
                                       HsObject        *o,
                                       HsObject        *name,
                                       HsObject        *value);
HsObject   *hs_object_getitem         (HsVM            *vm,
                                       HsObject        *o,
                                       HsObject        *key);
int         hs_object_setitem         (HsVM            *vm,
                                       HsObject        *o,
                                       HsObject        *key,
                                       HsObject        *value);
int         hs_object_delitem         (HsVM            *vm,
                                       HsObject        *o,
                                       HsObject        *key);
int         hs_object_contains        (HsVM            *vm,
                                       HsObject        *container,
                                       HsObject        *item);
HsObject   *hs_object_get_iter        (HsVM            *vm,
                                       HsObject        *o);
/* Next item, or NULL: exhausted when !hs_err_occurred (vm), error otherwise.
 * A StopIteration raised by a Python __next__ is swallowed as exhaustion. */
HsObject   *hs_iter_next              (HsVM            *vm,
                                       HsObject        *iter);
HsObject   *hs_object_call            (HsVM            *vm,
                                       HsObject        *callable,
                                       HsObject *const *args,
                                       gsize            nargs,
                                       HsObject        *kwnames);
HsObject   *hs_object_call_method     (HsVM            *vm,
                                       HsObject        *self,
                                       const char      *name,
                                       HsObject *const *args,
                                       gsize            nargs);
gboolean    hs_callable_check         (HsObject        *o);
HsObject   *hs_number_binop           (HsVM            *vm,
                                       HsObject        *a,
                                       HsObject        *b,
                                       int              op);       /* HsBinOp */
HsObject   *hs_number_inplace_binop   (HsVM            *vm,
                                       HsObject        *a,
                                       HsObject        *b,
                                       int              op);
HsObject   *hs_number_negative        (HsVM            *vm,
                                       HsObject        *o);
HsObject   *hs_number_positive        (HsVM            *vm,
                                       HsObject        *o);
HsObject   *hs_number_invert          (HsVM            *vm,
                                       HsObject        *o);
/* operator.index(): an int for indexing, or TypeError naming @what. */
gboolean    hs_number_as_ssize        (HsVM            *vm,
                                       HsObject        *o,
                                       gssize          *out);
/* Collects an iterable into a new list / tuple. */
HsObject   *hs_sequence_list          (HsVM            *vm,
                                       HsObject        *iterable);
HsObject   *hs_sequence_tuple         (HsVM            *vm,
                                       HsObject        *iterable);
/* Repr recursion guard for containers ([...], {...}). */
gboolean    hs_repr_enter             (HsVM            *vm,
                                       HsObject        *o);
void        hs_repr_leave             (HsVM            *vm,
                                       HsObject        *o);
/* Argument checking helpers for C functions, with CPython's messages. */
gboolean    hs_check_nargs            (HsVM            *vm,
                                       const char      *fname,
                                       gsize            nargs,
                                       gsize            min,
                                       gsize            max);
gboolean    hs_check_no_kwargs        (HsVM            *vm,
                                       const char      *fname,
                                       HsObject        *kwnames);

G_END_DECLS
