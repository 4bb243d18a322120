/* hs-type-object.c — `object`, `type`, user classes and their instances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-frame.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-slots.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

/* Types created before str and dict exist get their dicts afterwards. */
static GPtrArray *
pending_types (HsVM *vm)
{
  static const char key[] = "pending";

  (void) key;
  if (vm->pending_types == NULL)
    vm->pending_types = g_ptr_array_new ();
  return vm->pending_types;
}

static HsObject *
alloc_type (HsVM  *vm,
            gsize  size)
{
  if (vm->types.type == NULL)
    {
      /* Bootstrap: `type` is an instance of itself. */
      HsType boot = { 0 };
      HsObject *o = hs_object_alloc (vm, &boot, size);

      o->ob_type = (HsType *) o;
      return o;
    }
  return hs_object_alloc (vm, vm->types.type, size);
}

HsType *
_hs_type_new_builtin (HsVM       *vm,
                      const char *name,
                      HsType     *base,
                      gsize       c_size,
                      gsize       basicsize,
                      guint       flags)
{
  HsType *t = (HsType *) alloc_type (vm, sizeof (HsType));

  t->base.flags |= HS_OBJ_STATIC;
  t->base.ob_refcnt = 1000;
  t->name = g_strdup (name);
  t->qualname = g_strdup (name);
  t->tp_base = base;
  t->tp_flags = flags;
  t->c_size = c_size;
  t->basicsize = basicsize;
  return t;
}

gsize
hs_type_c_size (HsType *type)
{
  return type->c_size;
}

#define INHERIT(slot) if (t->slot == NULL) t->slot = b->slot

static void
inherit_slots (HsType *t)
{
  HsType *b = t->tp_base;

  if (b == NULL)
    return;

  INHERIT (tp_dealloc);
  INHERIT (tp_repr);
  INHERIT (tp_str);
  INHERIT (tp_getattro);
  INHERIT (tp_setattro);
  INHERIT (tp_richcompare);
  INHERIT (tp_iter);
  INHERIT (tp_iternext);
  INHERIT (tp_call);
  INHERIT (tp_new);
  INHERIT (tp_init);
  INHERIT (nb_negative);
  INHERIT (nb_positive);
  INHERIT (nb_invert);
  INHERIT (nb_bool);
  INHERIT (nb_index);
  INHERIT (sq_length);
  INHERIT (mp_subscript);
  INHERIT (mp_ass_subscript);
  INHERIT (sq_contains);
  INHERIT (tp_repr_short);
  INHERIT (tp_free_storage);
  for (int i = 0; i < HS_N_BINOPS; i++)
    {
      INHERIT (nb[i]);
      INHERIT (nb_inplace[i]);
    }
  /* A type that defines equality but no hash is unhashable, as in CPython. */
  if (t->tp_hash == NULL && (t->tp_richcompare == b->tp_richcompare))
    t->tp_hash = b->tp_hash;
  if (t->tp_sizeof == NULL && t->basicsize == b->basicsize)
    t->tp_sizeof = b->tp_sizeof;
  if (t->tp_traverse == NULL)
    t->tp_traverse = b->tp_traverse;
  if (t->tp_clear == NULL)
    t->tp_clear = b->tp_clear;
}

static HsObject *
build_mro (HsVM   *vm,
           HsType *t)
{
  HsObject *mro;
  gsize n = 0, i = 0;

  for (HsType *b = t; b != NULL; b = b->tp_base)
    n++;
  mro = hs_tuple_new (vm, n);
  if (mro == NULL)
    return NULL;
  for (HsType *b = t; b != NULL; b = b->tp_base)
    HS_TUPLE (mro)->items[i++] = hs_incref ((HsObject *) b);
  return mro;
}

static void
ready_now (HsVM   *vm,
           HsType *t)
{
  t->mro = build_mro (vm, t);
  t->dict = hs_dict_new (vm);
  if (t->methods != NULL)
    for (const HsMethodDef *def = t->methods; def->name != NULL; def++)
      {
        HsObject *descr;

        if (def->flags & HS_METH_STATIC)
          descr = hs_cfunction_new (vm, def, NULL, NULL);
        else
          descr = hs_method_descr_new (vm, t, def);
        hs_dict_setitem_str (vm, t->dict, def->name, descr);
        hs_decref (vm, descr);
      }
  _hs_slots_add_wrappers (vm, t);
  inherit_slots (t);
}

void
_hs_type_ready (HsVM   *vm,
                HsType *type)
{
  if (vm->types.dict == NULL || vm->types.str == NULL || vm->types.function == NULL
      || vm->empty_tuple == NULL || vm->none == NULL)
    {
      g_ptr_array_add (pending_types (vm), type);
      return;
    }
  ready_now (vm, type);
}

void
_hs_type_ready_pending (HsVM *vm)
{
  GPtrArray *pending = pending_types (vm);

  for (guint i = 0; i < pending->len; i++)
    ready_now (vm, g_ptr_array_index (pending, i));
  g_ptr_array_set_size (pending, 0);
}

/* Lookup ---------------------------------------------------------------- */

HsObject *
hs_type_lookup (HsType   *type,
                HsObject *name)
{
  for (HsType *t = type; t != NULL; t = t->tp_base)
    {
      HsObject *v;

      if (t->dict == NULL)
        continue;
      v = hs_dict_getitem (NULL, t->dict, name);
      if (v != NULL)
        return v;
    }
  return NULL;
}

HsObject *
hs_type_lookup_cstr (HsType     *type,
                     const char *name)
{
  for (HsType *t = type; t != NULL; t = t->tp_base)
    {
      HsObject *v;

      if (t->dict == NULL)
        continue;
      v = hs_dict_getitem_str (NULL, t->dict, name);
      if (v != NULL)
        return v;
    }
  return NULL;
}

const char *
hs_type_name (HsObject *o)
{
  return o->ob_type->name;
}

/* Instances of user classes ----------------------------------------------- */

HsInstExt *
hs_instance_ext (HsObject *o)
{
  HsType *t = o->ob_type;

  if (t->ext_offset == 0)
    return NULL;
  return (HsInstExt *) ((guint8 *) o + t->ext_offset);
}

static gboolean
type_has_dict (HsType *t)
{
  return (t->tp_flags & HS_TPFLAG_HAS_DICT) != 0;
}

static gssize
attr_index (HsInstExt *ext,
            HsObject  *name)
{
  if (ext->attr_names == NULL)
    return -1;
  for (guint i = 0; i < ext->attr_names->len; i++)
    {
      HsObject *k = g_ptr_array_index (ext->attr_names, i);

      if (k == name || hs_str_equal (k, name))
        return i;
    }
  return -1;
}

HsObject *
hs_instance_get_attr (HsVM     *vm,
                      HsObject *o,
                      HsObject *name)
{
  HsInstExt *ext = hs_instance_ext (o);
  gssize i;

  if (ext == NULL)
    return NULL;
  if (ext->dict != NULL)
    return hs_dict_getitem (vm, ext->dict, name);
  i = attr_index (ext, name);
  return i >= 0 ? g_ptr_array_index (ext->attr_values, i) : NULL;
}

int
hs_instance_set_attr (HsVM     *vm,
                      HsObject *o,
                      HsObject *name,
                      HsObject *value)
{
  HsInstExt *ext = hs_instance_ext (o);
  gssize i;

  g_assert (ext != NULL);

  if (ext->dict != NULL)
    {
      if (value == NULL)
        return hs_dict_delitem (vm, ext->dict, name);
      return hs_dict_setitem (vm, ext->dict, name, value) < 0 ? -1 : 1;
    }

  i = attr_index (ext, name);
  if (value == NULL)
    {
      HsObject *old_name, *old_value;

      if (i < 0)
        return 0;
      old_name = g_ptr_array_index (ext->attr_names, i);
      old_value = g_ptr_array_index (ext->attr_values, i);
      g_ptr_array_remove_index (ext->attr_names, i);
      g_ptr_array_remove_index (ext->attr_values, i);
      hs_decref (vm, old_value);
      hs_decref (vm, old_name);
      return 1;
    }

  if (i >= 0)
    {
      HsObject *old = g_ptr_array_index (ext->attr_values, i);

      g_ptr_array_index (ext->attr_values, i) = hs_incref (value);
      hs_decref (vm, old);
      return 1;
    }

  if (ext->attr_names == NULL)
    {
      ext->attr_names = g_ptr_array_new ();
      ext->attr_values = g_ptr_array_new ();
    }
  if (!hs_str_check (name))
    return -1;
  {
    HsType *t = o->ob_type;

    if (t->shared_keys == NULL)
      t->shared_keys = hs_shared_keys_new ();
    if (!hs_shared_keys_has (t->shared_keys, hs_str_utf8 (name)))
      {
        /* insert_into_dictkeys: a new name while dk_usable lasts; else
         * _PyObject_StoreInstanceAttribute moves the values to a dict. */
        if (t->shared_keys->usable <= 0)
          {
            HsObject *dict = hs_instance_get_dict (vm, o);
            int r;

            if (dict == NULL)
              return -1;
            r = hs_dict_setitem (vm, dict, name, value);
            hs_decref (vm, dict);
            return r < 0 ? -1 : 1;
          }
        g_ptr_array_add (t->shared_keys->names, g_strdup (hs_str_utf8 (name)));
        t->shared_keys->usable--;
      }
  }
  g_ptr_array_add (ext->attr_names, hs_incref (name));
  g_ptr_array_add (ext->attr_values, hs_incref (value));
  /* Storing a container into an instance is what the GC cares about; the
   * instance is always tracked, nothing to do. */
  return 1;
}

/* Shared keys ------------------------------------------------------------ */

HsSharedKeys *
hs_shared_keys_new (void)
{
  HsSharedKeys *keys = g_new0 (HsSharedKeys, 1);

  keys->ref_count = 1;
  keys->usable = 30;   /* SHARED_KEYS_MAX_SIZE */
  keys->names = g_ptr_array_new_with_free_func (g_free);
  return keys;
}

HsSharedKeys *
hs_shared_keys_ref (HsSharedKeys *keys)
{
  keys->ref_count++;
  return keys;
}

void
hs_shared_keys_unref (HsSharedKeys *keys)
{
  if (keys == NULL || --keys->ref_count > 0)
    return;
  g_ptr_array_unref (keys->names);
  g_free (keys);
}

gboolean
hs_shared_keys_has (HsSharedKeys *keys,
                    const char   *name)
{
  for (guint k = 0; k < keys->names->len; k++)
    if (strcmp (g_ptr_array_index (keys->names, k), name) == 0)
      return TRUE;
  return FALSE;
}

HsObject *
hs_instance_get_dict (HsVM     *vm,
                      HsObject *o)
{
  HsInstExt *ext = hs_instance_ext (o);
  HsObject *dict;

  if (ext == NULL || !type_has_dict (o->ob_type))
    return hs_err_format (vm, vm->types.AttributeError,
                          "'%s' object has no attribute '__dict__'", hs_type_name (o));
  if (ext->dict != NULL)
    return hs_incref (ext->dict);

  /* 3.11 materialises the managed dict on first access: a real dict object
   * (it counts in gc.get_count and in gc.collect's result). */
  dict = hs_dict_new (vm);
  if (dict == NULL)
    return NULL;
  if (ext->attr_names != NULL)
    {
      for (guint i = 0; i < ext->attr_names->len; i++)
        {
          HsObject *k = g_ptr_array_index (ext->attr_names, i);
          HsObject *v = g_ptr_array_index (ext->attr_values, i);

          hs_dict_setitem (vm, dict, k, v);
        }
      for (guint i = 0; i < ext->attr_names->len; i++)
        {
          hs_decref (vm, g_ptr_array_index (ext->attr_values, i));
          hs_decref (vm, g_ptr_array_index (ext->attr_names, i));
        }
      g_clear_pointer (&ext->attr_names, g_ptr_array_unref);
      g_clear_pointer (&ext->attr_values, g_ptr_array_unref);
    }
  /* Made from inline values, it shares the class's keys (a split table)
   * until a name the keys cannot take arrives. */
  if (o->ob_type->shared_keys != NULL)
    {
      gboolean split = TRUE;
      gsize pos = 0;
      HsObject *k, *v;

      while (split && hs_dict_next (dict, &pos, &k, &v))
        split = hs_str_check_exact (k) && hs_shared_keys_has (o->ob_type->shared_keys, hs_str_utf8 (k));
      if (split)
        HS_DICT (dict)->split_keys = hs_shared_keys_ref (o->ob_type->shared_keys);
    }
  ext->dict = dict;
  return hs_incref (dict);
}

static void
release_slots_and_attrs (HsVM     *vm,
                         HsObject *self)
{
  HsInstExt *ext = hs_instance_ext (self);
  HsType *type = self->ob_type;

  if (ext == NULL)
    return;

  /* __slots__: the object's own class first, then each base; declaration
   * order within a class. Slot indices are laid out base-first, so walk the
   * classes from the most derived one. */
  for (HsType *t = type; t != NULL && t->ext_offset != 0; t = t->tp_base)
    {
      guint n_own = t->slots != NULL ? HS_TUPLE (t->slots)->len : 0;
      guint first = t->n_slots_total - n_own;

      for (guint i = first; i < t->n_slots_total; i++)
        hs_clear_ref (vm, &ext->slots[i]);
    }

  /* Attributes in insertion order. */
  if (ext->dict != NULL)
    {
      hs_clear_ref (vm, &ext->dict);
    }
  else if (ext->attr_names != NULL)
    {
      GPtrArray *names = g_steal_pointer (&ext->attr_names);
      GPtrArray *values = g_steal_pointer (&ext->attr_values);
      GPtrArray *keys = type->shared_keys != NULL ? type->shared_keys->names : NULL;

      /* Inline values go in the class's shared-key order (a re-added
       * attribute takes its old slot), then any others. */
      if (keys != NULL)
        for (guint k = 0; k < keys->len; k++)
          for (guint i = 0; i < names->len; i++)
            {
              HsObject *name = g_ptr_array_index (names, i);

              if (name != NULL && strcmp (hs_str_utf8 (name), g_ptr_array_index (keys, k)) == 0)
                {
                  HsObject *v = g_ptr_array_index (values, i);

                  g_ptr_array_index (names, i) = NULL;
                  hs_decref (vm, v);
                  hs_decref (vm, name);
                  break;
                }
            }
      for (guint i = 0; i < names->len; i++)
        {
          HsObject *v = g_ptr_array_index (values, i);
          HsObject *k = g_ptr_array_index (names, i);

          if (k == NULL)
            continue;
          hs_decref (vm, v);
          hs_decref (vm, k);
        }
      g_ptr_array_unref (names);
      g_ptr_array_unref (values);
    }
}

/* The finalizer protocol shared by instances and generators: returns TRUE
 * when the object was resurrected and must not be destroyed. */
gboolean
_hs_call_finalizer_from_dealloc (HsVM     *vm,
                                 HsObject *self)
{
  HsObject *saved_exc;

  if (self->flags & HS_OBJ_FINALIZED)
    return FALSE;

  /* Temporarily resurrect the object (PyObject_CallFinalizerFromDealloc). */
  g_assert (self->ob_refcnt == 0);
  self->ob_refcnt = 1;
  if (hs_type_is_gc (self->ob_type) && !hs_gc_is_tracked (self))
    hs_gc_track (vm, self);

  saved_exc = hs_err_fetch (vm);
  self->flags |= HS_OBJ_FINALIZED;
  self->ob_type->tp_finalize (vm, self);
  hs_err_restore (vm, saved_exc);

  if (--self->ob_refcnt != 0)
    return TRUE;  /* resurrected: __del__ stored a new reference */

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  return FALSE;
}

static void
subtype_dealloc (HsVM     *vm,
                 HsObject *self)
{
  HsType *type = self->ob_type;
  HsType *base = type;

  while (base->tp_dealloc == subtype_dealloc)
    base = base->tp_base;

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);

  if (type->tp_finalize != NULL && _hs_call_finalizer_from_dealloc (vm, self))
    return;

  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);

  release_slots_and_attrs (vm, self);

  if (base == vm->types.object)
    hs_object_free (vm, self);
  else
    base->tp_dealloc (vm, self);
}

static void
subtype_traverse (HsObject    *self,
                  HsVisitFunc  visit,
                  gpointer     user_data)
{
  HsInstExt *ext = hs_instance_ext (self);
  HsType *type = self->ob_type;
  HsType *base = type;

  while (base->tp_traverse == subtype_traverse)
    base = base->tp_base;

  if (ext != NULL)
    {
      for (HsType *t = type; t != NULL && t->ext_offset != 0; t = t->tp_base)
        {
          guint n_own = t->slots != NULL ? HS_TUPLE (t->slots)->len : 0;
          guint first = t->n_slots_total - n_own;

          for (guint i = first; i < t->n_slots_total; i++)
            if (ext->slots[i] != NULL)
              visit (ext->slots[i], user_data);
        }
      if (ext->dict != NULL)
        visit (ext->dict, user_data);
      else if (ext->attr_values != NULL)
        for (guint i = 0; i < ext->attr_values->len; i++)
          visit (g_ptr_array_index (ext->attr_values, i), user_data);
    }

  visit ((HsObject *) type, user_data);

  if (base->tp_traverse != NULL)
    base->tp_traverse (self, visit, user_data);
}

static void
subtype_clear (HsVM     *vm,
               HsObject *self)
{
  HsType *base = self->ob_type;

  while (base->tp_clear == subtype_clear)
    base = base->tp_base;

  /* CPython's subtype_clear clears slots, then the dict/values. The class
   * reference is not cleared (it is released when the object is freed). */
  hs_incref (self);
  release_slots_and_attrs (vm, self);
  if (base->tp_clear != NULL)
    base->tp_clear (vm, self);
  hs_decref (vm, self);
}

static void
subtype_free_storage (HsObject *self)
{
  HsInstExt *ext = hs_instance_ext (self);
  HsType *base = self->ob_type;

  while (base->tp_free_storage == subtype_free_storage)
    base = base->tp_base;

  if (ext != NULL)
    {
      g_clear_pointer (&ext->attr_names, g_ptr_array_unref);
      g_clear_pointer (&ext->attr_values, g_ptr_array_unref);
    }
  if (base != NULL && base->tp_free_storage != NULL)
    base->tp_free_storage (self);
}

static gsize
subtype_sizeof (HsObject *self)
{
  return self->ob_type->basicsize;
}

void
_hs_object_release_storage (HsObject *o)
{
  if (o->ob_type->tp_free_storage != NULL)
    o->ob_type->tp_free_storage (o);
}

/* For hs-type-new.c: the storage slots of user classes, and readying. */
void
_hs_type_set_subtype_slots (HsVM   *vm,
                            HsType *t)
{
  t->tp_dealloc = subtype_dealloc;
  t->tp_traverse = subtype_traverse;
  t->tp_clear = subtype_clear;
  t->tp_free_storage = subtype_free_storage;
  t->tp_sizeof = subtype_sizeof;
  t->tp_getattro = hs_object_generic_getattr;
  t->tp_setattro = hs_object_generic_setattr;
  t->tp_hash = t->tp_base->tp_hash;
  t->tp_richcompare = t->tp_base->tp_richcompare;
  inherit_slots (t);
  t->mro = build_mro (vm, t);
}

gboolean
_hs_type_has_dict (HsType *t)
{
  return type_has_dict (t);
}

/* object ------------------------------------------------------------------- */

static gboolean
excess_args (gsize     nargs,
             HsObject *kwnames)
{
  return nargs > 1 || (kwnames != NULL && HS_TUPLE (kwnames)->len > 0);
}

static HsObject *object_init (HsVM *vm, HsObject *callable, HsObject *const *args,
                              gsize nargs, HsObject *kwnames);


static HsObject *
object_new (HsVM            *vm,
            HsObject        *callable,
            HsObject *const *args,
            gsize            nargs,
            HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsObject *o;

  if (excess_args (nargs, kwnames))
    {
      if (type->tp_new != object_new)
        return hs_err_format (vm, vm->types.TypeError,
                              "object.__new__() takes exactly one argument (the type to instantiate)");
      if (type->tp_init == object_init)
        return hs_err_format (vm, vm->types.TypeError, "%s() takes no arguments", type->name);
    }
  if (type->tp_flags & HS_TPFLAG_EXCEPTION && type->ext_offset == 0)
    return hs_err_format (vm, vm->types.TypeError, "cannot create '%s' instances", type->name);

  o = hs_object_alloc (vm, type, type->c_size);
  if (o == NULL)
    return NULL;
  /* init_inline_values: each instance takes one from dk_usable (down to 1). */
  if (type_has_dict (type) && (type->tp_flags & HS_TPFLAG_HEAPTYPE))
    {
      if (type->shared_keys == NULL)
        type->shared_keys = hs_shared_keys_new ();
      if (type->shared_keys->usable > 1)
        type->shared_keys->usable--;
    }
  if (hs_type_is_gc (type))
    hs_gc_track (vm, o);
  return o;
}

static HsObject *
object_init (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsType *type = args[0]->ob_type;

  if (excess_args (nargs, kwnames))
    {
      if (type->tp_init != object_init)
        return hs_err_format (vm, vm->types.TypeError,
                              "object.__init__() takes exactly one argument (the instance to initialize)");
      if (type->tp_new == object_new)
        return hs_err_format (vm, vm->types.TypeError, "%s() takes no arguments", type->name);
    }
  return hs_none (vm);
}

static HsObject *
object_repr (HsVM     *vm,
             HsObject *self)
{
  HsType *type = self->ob_type;
  HsObject *module = type->dict != NULL ? hs_dict_getitem_str (vm, type->dict, "__module__") : NULL;

  if (module != NULL && hs_str_check (module) && !hs_str_equal_cstr (module, "builtins"))
    return hs_str_new_printf (vm, "<%s.%s object at 0x%" G_GINT64_MODIFIER "x>",
                              hs_str_utf8 (module), type->qualname, hs_object_id (self));
  return hs_str_new_printf (vm, "<%s object at 0x%" G_GINT64_MODIFIER "x>",
                            type->qualname, hs_object_id (self));
}

static HsObject *
object_str (HsVM     *vm,
            HsObject *self)
{
  HsType *type = self->ob_type;

  if (type->tp_repr == NULL)
    return object_repr (vm, self);
  return type->tp_repr (vm, self);
}

static gboolean
object_hash (HsVM     *vm,
             HsObject *self,
             gint64   *hash)
{
  /* CPython hashes the address rotated by 4 bits. */
  guint64 id = hs_object_id (self);

  *hash = (gint64) ((id >> 4) | (id << 60));
  if (*hash == -1)
    *hash = -2;
  return TRUE;
}

static HsObject *
object_richcompare (HsVM     *vm,
                    HsObject *a,
                    HsObject *b,
                    int       op)
{
  switch (op)
    {
    case HS_EQ:
      return a == b ? hs_bool (vm, TRUE) : hs_not_implemented (vm);
    case HS_NE:
      {
        /* By default, __ne__ delegates to __eq__ and inverts the result. */
        HsObject *res;
        HsRichCmpFunc eq = a->ob_type->tp_richcompare;
        int truth;

        if (eq == NULL)
          return hs_not_implemented (vm);
        res = eq (vm, a, b, HS_EQ);
        if (res == NULL || res == vm->not_implemented)
          return res;
        truth = hs_object_is_true (vm, res);
        hs_decref (vm, res);
        if (truth < 0)
          return NULL;
        return hs_bool (vm, !truth);
      }
    default:
      return hs_not_implemented (vm);
    }
}

static void
object_repr_short (HsObject *self,
                   GString  *out,
                   gsize     max_chars)
{
  g_string_append_printf (out, "%s", self->ob_type->name);
}

static void
object_dealloc (HsVM     *vm,
                HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_object_free (vm, self);
}

guint64
hs_object_id (HsObject *o)
{
  /* A stable, address-like number: identity is the creation serial. */
  return G_GUINT64_CONSTANT (0x7f0000000000) + o->serial * 16;
}

/* type --------------------------------------------------------------------- */

static HsObject *
type_repr (HsVM     *vm,
           HsObject *self)
{
  HsType *t = (HsType *) self;
  HsObject *module = t->dict != NULL ? hs_dict_getitem_str (vm, t->dict, "__module__") : NULL;

  if (module != NULL && hs_str_check (module) && !hs_str_equal_cstr (module, "builtins"))
    return hs_str_new_printf (vm, "<class '%s.%s'>", hs_str_utf8 (module), t->qualname);
  return hs_str_new_printf (vm, "<class '%s'>", t->qualname);
}

static HsObject *construct (HsVM *vm, HsType *type, HsObject **newargs, gsize nargs,
                            HsObject *kwnames);

static HsObject *
type_call (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  HsType *type = (HsType *) callable;
  HsObject *obj;
  g_autofree HsObject **newargs = NULL;
  gsize total = nargs + (kwnames != NULL ? HS_TUPLE (kwnames)->len : 0);
  HsObject *ex_args = g_steal_pointer (&vm->ex_call_args);
  HsObject *ex_kwargs = g_steal_pointer (&vm->ex_call_kwargs);

  /* type(x) returns the type of x. */
  if (type == vm->types.type && nargs == 1 && (kwnames == NULL || HS_TUPLE (kwnames)->len == 0))
    return hs_incref ((HsObject *) args[0]->ob_type);

  if (type->tp_new == NULL)
    return hs_err_format (vm, vm->types.TypeError, "cannot create '%s' instances", type->name);

  newargs = g_new (HsObject *, total + 1);
  newargs[0] = callable;
  if (total > 0)
    memcpy (newargs + 1, args, sizeof (HsObject *) * total);

  /* Classes, exceptions and type(name, bases, ns) have no vectorcall in
   * 3.11: _PyObject_MakeTpCall
   * packs the arguments into a tuple (and the keywords into a dict) that
   * live, holding their references, until the call returns. */
  if ((type->tp_flags & (HS_TPFLAG_HEAPTYPE | HS_TPFLAG_EXCEPTION)) || type == vm->types.type)
    {
      HsObject *saved = vm->tp_call_args;
      HsObject *argtuple, *kwdict = NULL;
      gboolean ok;

      /* f(*t) passes t itself, f(**d) its dict. */
      if (ex_args != NULL && HS_TUPLE (ex_args)->len == nargs
          && (nargs == 0 || memcmp (HS_TUPLE (ex_args)->items, args, nargs * sizeof (HsObject *)) == 0))
        argtuple = hs_incref (ex_args);
      else
        argtuple = hs_tuple_from_array (vm, args, nargs);
      ok = argtuple != NULL;
      if (ok && total > nargs && ex_kwargs != NULL)
        kwdict = hs_incref (ex_kwargs);
      else if (ok && total > nargs)
        {
          kwdict = hs_dict_new (vm);
          ok = kwdict != NULL;
          for (gsize i = nargs; ok && i < total; i++)
            ok = hs_dict_setitem (vm, kwdict, HS_TUPLE (kwnames)->items[i - nargs], args[i]) >= 0;
        }
      vm->tp_call_args = argtuple;
      obj = ok ? construct (vm, type, newargs, nargs, kwnames) : NULL;
      vm->tp_call_args = saved;
      hs_xdecref (vm, argtuple);
      hs_xdecref (vm, kwdict);
      return obj;
    }
  return construct (vm, type, newargs, nargs, kwnames);
}

/* type_call's tp_new, then tp_init when __new__ returned an instance. */
static HsObject *
construct (HsVM            *vm,
           HsType          *type,
           HsObject       **newargs,
           gsize            nargs,
           HsObject        *kwnames)
{
  HsObject *callable = (HsObject *) type;
  HsObject *obj;

  obj = type->tp_new (vm, callable, newargs, nargs + 1, kwnames);
  if (obj == NULL)
    return NULL;

  /* __init__ runs only when __new__ returned an instance of the type. */
  if (hs_isinstance (obj, type) && obj->ob_type->tp_init != NULL)
    {
      HsObject *res;

      newargs[0] = obj;
      res = obj->ob_type->tp_init (vm, callable, newargs, nargs + 1, kwnames);
      if (res == NULL)
        {
          hs_decref (vm, obj);
          return NULL;
        }
      if (res != vm->none)
        {
          hs_err_format (vm, vm->types.TypeError, "__init__() should return None, not '%s'",
                         hs_type_name (res));
          hs_decref (vm, res);
          hs_decref (vm, obj);
          return NULL;
        }
      hs_decref (vm, res);
    }
  return obj;
}

static HsObject *
type_new (HsVM            *vm,
          HsObject        *callable,
          HsObject *const *args,
          gsize            nargs,
          HsObject        *kwnames)
{
  if (nargs == 4)
    {
      if (!hs_str_check (args[1]) || !hs_isinstance (args[2], vm->types.tuple)
          || !hs_isinstance (args[3], vm->types.dict))
        return hs_err_format (vm, vm->types.TypeError,
                              "type.__new__() argument 1 must be str, not %s",
                              hs_type_name (args[1]));
      return hs_type_new_class (vm, args[1], args[2], args[3]);
    }
  return hs_err_format (vm, vm->types.TypeError, "type() takes 1 or 3 arguments");
}

static HsObject *
type_init (HsVM            *vm,
           HsObject        *callable,
           HsObject *const *args,
           gsize            nargs,
           HsObject        *kwnames)
{
  /* type.__init__ accepts what type.__new__ accepted. */
  return hs_none (vm);
}

static HsObject *
type_getattro (HsVM     *vm,
               HsObject *self,
               HsObject *name)
{
  HsType *t = (HsType *) self;
  const char *n = hs_str_utf8 (name);
  HsObject *v;

  if (n[0] == '_' && n[1] == '_')
    {
      if (strcmp (n, "__name__") == 0)
        return hs_str_new (vm, t->name, -1);
      if (strcmp (n, "__qualname__") == 0)
        return hs_str_new (vm, t->qualname, -1);
      if (strcmp (n, "__mro__") == 0)
        return hs_incref (t->mro);
      if (strcmp (n, "__base__") == 0)
        return t->tp_base != NULL ? hs_incref ((HsObject *) t->tp_base) : hs_none (vm);
      if (strcmp (n, "__bases__") == 0 && t->bases != NULL)
        return hs_incref (t->bases);
      if (strcmp (n, "__bases__") == 0)
        return t->tp_base != NULL ? hs_tuple_pack (vm, 1, (HsObject *) t->tp_base)
                                  : hs_incref (vm->empty_tuple);
      if (strcmp (n, "__dict__") == 0)
        return hs_incref (t->dict);
      if (strcmp (n, "__class__") == 0)
        return hs_incref ((HsObject *) self->ob_type);
      if (strcmp (n, "__doc__") == 0 && hs_type_lookup (t, name) == NULL)
        return hs_none (vm);
      if (strcmp (n, "__module__") == 0 && hs_dict_getitem (vm, t->dict, name) == NULL)
        return hs_str_new (vm, "builtins", -1);
    }

  v = hs_type_lookup (t, name);
  if (v != NULL)
    return _hs_descr_get (vm, v, NULL, t);

  /* Methods of the metatype (e.g. type.mro) are not modelled. */
  return hs_err_format (vm, vm->types.AttributeError,
                        "type object '%s' has no attribute '%s'", t->name, n);
}

static int
type_setattro (HsVM     *vm,
               HsObject *self,
               HsObject *name,
               HsObject *value)
{
  HsType *t = (HsType *) self;
  int res;

  if (!(t->tp_flags & HS_TPFLAG_HEAPTYPE))
    {
      hs_err_format (vm, vm->types.TypeError,
                     "cannot set '%s' attribute of immutable type '%s'",
                     hs_str_utf8 (name), t->name);
      return -1;
    }
  if (value == NULL)
    {
      res = hs_dict_delitem (vm, t->dict, name);
      if (res == 0)
        {
          hs_err_format (vm, vm->types.AttributeError, "type object '%s' has no attribute '%s'",
                         t->name, hs_str_utf8 (name));
          return -1;
        }
    }
  else
    res = hs_dict_setitem (vm, t->dict, name, value);
  if (res < 0)
    return -1;
  _hs_slots_fixup (vm, t);
  return 0;
}

static void
type_dealloc (HsVM     *vm,
              HsObject *self)
{
  HsType *t = (HsType *) self;

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);
  _hs_type_remove_subclass (vm, t);
  hs_clear_ref (vm, &t->dict);
  hs_clear_ref (vm, &t->mro);
  hs_clear_ref (vm, &t->bases);
  hs_clear_ref (vm, &t->subclasses);
  hs_clear_ref (vm, &t->slots);
  if (t->tp_base != NULL)
    {
      HsType *b = t->tp_base;

      t->tp_base = NULL;
      hs_decref (vm, (HsObject *) b);
    }
  g_free (t->name);
  g_free (t->qualname);
  g_clear_pointer (&t->shared_keys, hs_shared_keys_unref);
  hs_object_free (vm, self);
}

static void
type_traverse (HsObject    *self,
               HsVisitFunc  visit,
               gpointer     user_data)
{
  HsType *t = (HsType *) self;

  if (!(t->tp_flags & HS_TPFLAG_HEAPTYPE))
    return;
  if (t->dict != NULL)
    visit (t->dict, user_data);
  if (t->mro != NULL)
    visit (t->mro, user_data);
  if (t->bases != NULL)
    visit (t->bases, user_data);
  if (t->tp_base != NULL)
    visit ((HsObject *) t->tp_base, user_data);
  if (t->slots != NULL)
    visit (t->slots, user_data);
}

static void
type_clear (HsVM     *vm,
            HsObject *self)
{
  HsType *t = (HsType *) self;

  /* CPython clears the dict and the MRO of a class in a cycle. */
  hs_clear_ref (vm, &t->dict);
  hs_clear_ref (vm, &t->mro);
}

static void
type_free_storage (HsObject *self)
{
  HsType *t = (HsType *) self;

  g_clear_pointer (&t->name, g_free);
  g_clear_pointer (&t->qualname, g_free);
  g_clear_pointer (&t->shared_keys, hs_shared_keys_unref);
}

static gsize
type_sizeof (HsObject *self)
{
  /* 3.11: a heap type is 1688 bytes whatever it holds (incl. GC header). */
  return (((HsType *) self)->tp_flags & HS_TPFLAG_HEAPTYPE) ? 1688 : 936;
}

static void
type_repr_short (HsObject *self,
                 GString  *out,
                 gsize     max_chars)
{
  g_string_append_printf (out, "class %s", ((HsType *) self)->qualname);
}

static HsObject *
object_dunder_init (HsVM            *vm,
                    HsObject        *callable,
                    HsObject *const *args,
                    gsize            nargs,
                    HsObject        *kwnames)
{
  if (nargs < 1)
    return hs_err_format (vm, vm->types.TypeError,
                          "descriptor '__init__' of 'object' object needs an argument");
  return object_init (vm, callable, args, nargs, kwnames);
}

static HsObject *
object_dunder_setattr (HsVM            *vm,
                       HsObject        *callable,
                       HsObject *const *args,
                       gsize            nargs,
                       HsObject        *kwnames)
{
  if (!hs_check_nargs (vm, "__setattr__", nargs - 1, 2, 2))
    return NULL;
  if (!hs_str_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError, "attribute name must be string, not '%s'",
                          hs_type_name (args[1]));
  if (hs_object_generic_setattr (vm, args[0], args[1], args[2]) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
object_dunder_delattr (HsVM            *vm,
                       HsObject        *callable,
                       HsObject *const *args,
                       gsize            nargs,
                       HsObject        *kwnames)
{
  if (!hs_check_nargs (vm, "__delattr__", nargs - 1, 1, 1))
    return NULL;
  if (hs_object_generic_setattr (vm, args[0], args[1], NULL) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
object_dunder_getattribute (HsVM            *vm,
                            HsObject        *callable,
                            HsObject *const *args,
                            gsize            nargs,
                            HsObject        *kwnames)
{
  if (!hs_check_nargs (vm, "__getattribute__", nargs - 1, 1, 1))
    return NULL;
  return hs_object_generic_getattr (vm, args[0], args[1]);
}

static HsObject *
object_dunder_format (HsVM            *vm,
                      HsObject        *callable,
                      HsObject *const *args,
                      gsize            nargs,
                      HsObject        *kwnames)
{
  if (!hs_check_nargs (vm, "__format__", nargs - 1, 1, 1))
    return NULL;
  if (!hs_str_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError,
                          "__format__() argument must be str, not %s", hs_type_name (args[1]));
  if (hs_str_len (args[1]) > 0)
    return hs_err_format (vm, vm->types.TypeError,
                          "unsupported format string passed to %s.__format__",
                          hs_type_name (args[0]));
  return hs_object_str (vm, args[0]);
}

static HsObject *
object_dunder_sizeof (HsVM            *vm,
                      HsObject        *callable,
                      HsObject *const *args,
                      gsize            nargs,
                      HsObject        *kwnames)
{
  gsize size = hs_object_sizeof (args[0]);

  /* __sizeof__ excludes the GC header that sys.getsizeof adds. */
  if (hs_type_is_gc (args[0]->ob_type) && size >= 16)
    size -= 16;
  return hs_int_from_i64 (vm, size);
}

static HsObject *
object_dunder_init_subclass (HsVM            *vm,
                             HsObject        *callable,
                             HsObject *const *args,
                             gsize            nargs,
                             HsObject        *kwnames)
{
  return hs_none (vm);
}

static const HsMethodDef object_methods[] = {
  { "__init__", object_dunder_init, 0, NULL },
  { "__setattr__", object_dunder_setattr, 0, NULL },
  { "__delattr__", object_dunder_delattr, 0, NULL },
  { "__getattribute__", object_dunder_getattribute, 0, NULL },
  { "__format__", object_dunder_format, 0, NULL },
  { "__sizeof__", object_dunder_sizeof, 0, NULL },
  { "__init_subclass__", object_dunder_init_subclass, HS_METH_CLASS, NULL },
  { NULL }
};

void
_hs_type_init_types (HsVM *vm)
{
  HsType *type, *object;

  type = _hs_type_new_builtin (vm, "type", NULL, sizeof (HsType), 936,
                               HS_TPFLAG_BASETYPE | HS_TPFLAG_GC | HS_TPFLAG_WEAKREFABLE);
  vm->types.type = type;
  ((HsObject *) type)->ob_type = type;

  object = _hs_type_new_builtin (vm, "object", NULL, sizeof (HsObject), 16, HS_TPFLAG_BASETYPE);
  object->tp_dealloc = object_dealloc;
  object->tp_repr = object_repr;
  object->tp_str = object_str;
  object->tp_hash = object_hash;
  object->tp_richcompare = object_richcompare;
  object->tp_getattro = hs_object_generic_getattr;
  object->tp_setattro = hs_object_generic_setattr;
  object->tp_new = object_new;
  object->tp_init = object_init;
  object->tp_repr_short = object_repr_short;
  object->methods = object_methods;
  vm->types.object = object;

  type->tp_base = object;
  type->tp_dealloc = type_dealloc;
  type->tp_traverse = type_traverse;
  type->tp_clear = type_clear;
  type->tp_free_storage = type_free_storage;
  type->tp_repr = type_repr;
  type->tp_call = type_call;
  type->tp_new = type_new;
  type->tp_init = type_init;
  type->tp_getattro = type_getattro;
  type->tp_setattro = type_setattro;
  type->tp_sizeof = type_sizeof;
  type->tp_repr_short = type_repr_short;

  _hs_type_ready (vm, object);
  _hs_type_ready (vm, type);
}
