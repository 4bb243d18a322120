/* hs-type-object.h — type objects, user classes and their instances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* What a user class adds to its instances, after the base type's C struct:
 * attributes (3.11 keeps them inline: getsizeof stays 56 whatever their
 * number) or, once __dict__ was asked for, a real dict object; then the
 * __slots__ values. */
typedef struct
{
  HsObject   *dict;          /* materialised __dict__, or NULL */
  GPtrArray  *attr_names;    /* interned str, insertion order (NULL when dict != NULL) */
  GPtrArray  *attr_values;
  HsObject   *slots[];       /* n_slots_total; NULL = unset */
} HsInstExt;

/* Creates one of the VM's built-in types. @c_size is the C struct size of an
 * instance; @basicsize what sys.getsizeof reports for it. */
HsType    *_hs_type_new_builtin   (HsVM        *vm,
                                   const char  *name,
                                   HsType      *base,
                                   gsize        c_size,
                                   gsize        basicsize,
                                   guint        flags);
/* Fills the type's dict from type->methods (call after setting them). */
void       _hs_type_ready         (HsVM        *vm,
                                   HsType      *type);

/* class statement: type(name, bases, namespace). */
HsObject  *hs_type_new_class      (HsVM        *vm,
                                   HsObject    *name,
                                   HsObject    *bases,
                                   HsObject    *namespace_);
/* The instance extension of a user-class instance, or NULL. */
HsInstExt *hs_instance_ext        (HsObject    *o);
gsize      hs_type_c_size         (HsType      *type);

/* Attribute storage of an instance (inline table or materialised dict).
 * Getters return borrowed references; NULL = missing. */
HsObject  *hs_instance_get_attr   (HsVM        *vm,
                                   HsObject    *o,
                                   HsObject    *name);
int        hs_instance_set_attr   (HsVM        *vm,
                                   HsObject    *o,
                                   HsObject    *name,
                                   HsObject    *value);   /* NULL = delete; 0 missing on delete */
HsObject  *hs_instance_get_dict   (HsVM        *vm,
                                   HsObject    *o);       /* materialises; new reference */

void       _hs_type_ready_pending (HsVM        *vm);
/* PEP 442 from tp_dealloc: runs __del__ once; TRUE if it resurrected @self. */
gboolean   _hs_call_finalizer_from_dealloc (HsVM *vm,
                                            HsObject *self);
void       _hs_type_init_types    (HsVM        *vm);
/* Shared by hs-type-object.c and hs-type-new.c. */
void       _hs_type_set_subtype_slots (HsVM     *vm,
                                       HsType   *t);
gboolean   _hs_type_has_dict      (HsType      *t);
void       _hs_type_remove_subclass (HsVM      *vm,
                                     HsType    *t);

G_END_DECLS
