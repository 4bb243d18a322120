/* hs-type-new.c — class creation: type(name, bases, namespace)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What 3.11's type_new does for a class statement, in its order: slots,
 * the type object, its dict (namespace copy, descriptors, __doc__), the
 * weak reference in the base's subclass registry, then __classcell__,
 * __set_name__ and __init_subclass__.
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

/* Class creation ----------------------------------------------------------- */

/* _Py_Mangle: a private slot name __x is stored as _Class__x. */
static HsObject *
mangle_slot (HsVM       *vm,
             const char *class_name,
             HsObject   *slot)
{
  const char *n = hs_str_utf8 (slot);
  gsize len = strlen (n);

  while (*class_name == '_')
    class_name++;
  if (len < 2 || n[0] != '_' || n[1] != '_' || (n[len - 1] == '_' && n[len - 2] == '_')
      || strchr (n, '.') != NULL || *class_name == '\0')
    return hs_incref (slot);
  return hs_str_new_printf (vm, "_%s%s", class_name, n);
}

static HsObject *
collect_slot_names (HsVM     *vm,
                    HsObject *slots_value)
{
  if (hs_str_check (slots_value))
    return hs_tuple_pack (vm, 1, slots_value);
  return hs_sequence_tuple (vm, slots_value);
}

/* add_subclass: a base keeps a weak reference to each subclass, in a
 * {id: weakref} dict it makes for its first one; a built-in base's dict
 * dates from start-up, so only the reference is new. */
static gboolean
add_subclass (HsVM   *vm,
              HsType *base,
              HsType *t)
{
  HsObject *ref = hs_weakref_new_ref (vm, vm->types.weakref, (HsObject *) t, NULL);
  HsObject *key;
  int r;

  if (ref == NULL)
    return FALSE;
  t->subclass_ref = ref;
  if (!(base->tp_flags & HS_TPFLAG_HEAPTYPE))
    {
      if (vm->builtin_subclass_refs == NULL)
        vm->builtin_subclass_refs = g_ptr_array_new ();
      g_ptr_array_add (vm->builtin_subclass_refs, ref);
      return TRUE;
    }
  if (base->subclasses == NULL && (base->subclasses = hs_dict_new (vm)) == NULL)
    {
      hs_decref (vm, ref);
      t->subclass_ref = NULL;
      return FALSE;
    }
  key = hs_int_from_i64 (vm, (gint64) hs_object_id ((HsObject *) t));
  r = key != NULL ? hs_dict_setitem (vm, base->subclasses, key, ref) : -1;
  hs_xdecref (vm, key);
  hs_decref (vm, ref);
  if (r < 0)
    t->subclass_ref = NULL;
  return r >= 0;
}

/* remove_subclass: a dying class leaves its base's registry. */
void
_hs_type_remove_subclass (HsVM   *vm,
                          HsType *t)
{
  HsType *base = t->tp_base;
  HsObject *ref = g_steal_pointer (&t->subclass_ref);

  if (ref == NULL || base == NULL)
    return;
  if (!(base->tp_flags & HS_TPFLAG_HEAPTYPE))
    {
      if (vm->builtin_subclass_refs != NULL
          && g_ptr_array_remove_fast (vm->builtin_subclass_refs, ref))
        hs_decref (vm, ref);
      return;
    }
  if (base->subclasses != NULL)
    {
      HsObject *key = hs_int_from_i64 (vm, (gint64) hs_object_id ((HsObject *) t));

      if (key == NULL || hs_dict_delitem (vm, base->subclasses, key) < 0)
        hs_err_clear (vm);
      hs_xdecref (vm, key);
    }
}

/* type_new_set_classcell: zero-argument super() works in __set_name__
 * and __init_subclass__ already. */
static gboolean
set_class_cell (HsVM   *vm,
                HsType *t)
{
  HsObject *cell = hs_dict_getitem_str (vm, t->dict, "__classcell__");
  HsObject *key;
  int r;

  if (cell == NULL || cell->ob_type != vm->types.cell)
    return TRUE;
  hs_set_ref (vm, &HS_CELL (cell)->ref, hs_incref ((HsObject *) t));
  key = hs_str_intern (vm, "__classcell__");
  r = hs_dict_delitem (vm, t->dict, key);
  hs_decref (vm, key);
  return r >= 0;
}

/* type_new_set_names: value.__set_name__(cls, name) for every attribute,
 * over a copy of the namespace. */
static gboolean
set_names (HsVM   *vm,
           HsType *t)
{
  HsObject *names = hs_dict_copy (vm, t->dict);
  gsize pos = 0;
  HsObject *k, *v;
  gboolean ok = TRUE;

  if (names == NULL)
    return FALSE;
  while (ok && hs_dict_next (names, &pos, &k, &v))
    {
      HsObject *fn = hs_type_lookup_cstr (v->ob_type, "__set_name__");
      HsObject *args[3] = { v, (HsObject *) t, k };
      HsObject *res;

      if (fn == NULL)
        continue;
      hs_incref (fn);
      res = hs_object_call (vm, fn, args, 3, NULL);
      hs_decref (vm, fn);
      if (res == NULL)
        {
          /* 3.11 still wraps the error (3.12 stopped). */
          HsObject *cause = hs_err_fetch (vm);
          g_autoptr(GString) msg = g_string_new (NULL);

          g_string_append_printf (msg, "Error calling __set_name__ on '%s' instance ",
                                  hs_type_name (v));
          if (!hs_object_repr_append (vm, k, msg))
            hs_err_clear (vm);
          g_string_append_printf (msg, " in '%s'", t->name);
          hs_err_format (vm, vm->types.RuntimeError, "%s", msg->str);
          /* _PyErr_FormatFromCause: both the cause and the context. */
          hs_exception_set_context (vm, vm->exc, hs_incref (cause));
          hs_exception_set_cause (vm, vm->exc, cause);
          ok = FALSE;
        }
      else
        hs_decref (vm, res);
    }
  hs_decref (vm, names);
  return ok;
}

/* type_new_init_subclass: super(cls, cls).__init_subclass__(). */
static gboolean
init_subclass (HsVM   *vm,
               HsType *t)
{
  HsTuple *mro = HS_TUPLE (t->mro);
  HsObject *name = hs_str_intern (vm, "__init_subclass__");
  HsObject *fn = NULL, *res;

  for (gsize i = 1; i < mro->len && fn == NULL; i++)
    {
      HsType *b = (HsType *) mro->items[i];

      if (b->dict != NULL)
        fn = hs_dict_getitem (vm, b->dict, name);
    }
  hs_decref (vm, name);
  if (fn == NULL)
    return TRUE;
  fn = _hs_descr_get (vm, fn, NULL, t);
  if (fn == NULL)
    return FALSE;
  res = hs_object_call (vm, fn, NULL, 0, NULL);
  hs_decref (vm, fn);
  if (res == NULL)
    return FALSE;
  hs_decref (vm, res);
  return TRUE;
}

static void
add_getset (HsVM       *vm,
            HsType     *t,
            const char *name)
{
  HsObject *key = hs_str_intern (vm, name);
  HsObject *descr = hs_getset_descr_new (vm, t, key);

  if (descr != NULL)
    {
      hs_dict_setitem (vm, t->dict, key, descr);
      hs_decref (vm, descr);
    }
  hs_decref (vm, key);
}

HsObject *
hs_type_new_class (HsVM     *vm,
                   HsObject *name,
                   HsObject *bases,
                   HsObject *namespace_)
{
  HsType *base = vm->types.object;
  HsType *t;
  HsObject *slots_value;
  HsObject *slots = NULL;
  gboolean has_dict = TRUE;
  gboolean weakrefable = TRUE;
  gsize key = 0;
  HsObject *k, *v;
  gsize own_slots = 0;
  HsObject *own_bases;
  gboolean base_has_dict, base_weakrefable;

  if (bases != NULL && HS_TUPLE (bases)->len > 1)
    return hs_err_format (vm, vm->types.NotImplementedError,
                          "multiple inheritance is not supported in Heapscope");
  if (bases != NULL && HS_TUPLE (bases)->len == 1)
    {
      HsObject *b = HS_TUPLE (bases)->items[0];

      if (b->ob_type != vm->types.type && !hs_type_is_subtype (b->ob_type, vm->types.type))
        return hs_err_format (vm, vm->types.TypeError,
                              "bases must be types");
      base = (HsType *) b;
      if (!(base->tp_flags & HS_TPFLAG_BASETYPE))
        return hs_err_format (vm, vm->types.TypeError,
                              "type '%s' is not an acceptable base type", base->name);
    }

  slots_value = hs_dict_getitem_str (vm, namespace_, "__slots__");
  if (slots_value != NULL)
    {
      HsTuple *st;

      slots = collect_slot_names (vm, slots_value);
      if (slots == NULL)
        return NULL;
      st = HS_TUPLE (slots);
      has_dict = FALSE;
      weakrefable = FALSE;
      for (gsize i = 0; i < st->len; i++)
        {
          if (!hs_str_check (st->items[i]))
            {
              hs_decref (vm, slots);
              return hs_err_format (vm, vm->types.TypeError,
                                    "__slots__ items must be strings, not '%s'",
                                    hs_type_name (st->items[i]));
            }
          if (hs_str_equal_cstr (st->items[i], "__dict__"))
            has_dict = TRUE;
          else if (hs_str_equal_cstr (st->items[i], "__weakref__"))
            weakrefable = TRUE;
          else
            own_slots++;
        }
    }
  /* BaseException has its own __dict__ descriptor. */
  base_has_dict = (base->tp_flags & (HS_TPFLAG_HAS_DICT | HS_TPFLAG_EXCEPTION)) != 0;
  base_weakrefable = (base->tp_flags & HS_TPFLAG_WEAKREFABLE) != 0;
  if (base->ext_offset != 0)
    {
      /* A subclass of a user class keeps the base's storage. */
      has_dict = has_dict || _hs_type_has_dict (base);
      weakrefable = weakrefable || (base->tp_flags & HS_TPFLAG_WEAKREFABLE);
    }
  else if (base != vm->types.object)
    {
      weakrefable = weakrefable && (base->tp_flags & HS_TPFLAG_WEAKREFABLE) != 0
                    ? TRUE : (base->tp_flags & HS_TPFLAG_WEAKREFABLE) != 0 || slots == NULL;
      /* int and tuple subclasses cannot be weakly referenced (variable size). */
      if (hs_type_is_subtype (base, vm->types.int_) || hs_type_is_subtype (base, vm->types.tuple)
          || hs_type_is_subtype (base, vm->types.bytes))
        weakrefable = slots != NULL && weakrefable && FALSE;
    }

  /* tp_bases: the tuple given, or a new (object,) (type_new_get_bases). */
  if (bases != NULL && HS_TUPLE (bases)->len > 0)
    own_bases = hs_incref (bases);
  else if ((own_bases = hs_tuple_pack (vm, 1, (HsObject *) base)) == NULL)
    {
      hs_xdecref (vm, slots);
      return NULL;
    }
  t = (HsType *) hs_object_alloc (vm, vm->types.type, sizeof (HsType));
  if (t == NULL)
    {
      hs_decref (vm, own_bases);
      hs_xdecref (vm, slots);
      return NULL;
    }
  t->bases = own_bases;
  t->name = g_strdup (hs_str_utf8 (name));
  {
    HsObject *qn = hs_dict_getitem_str (vm, namespace_, "__qualname__");

    t->qualname = g_strdup (qn != NULL && hs_str_check (qn) ? hs_str_utf8 (qn) : t->name);
  }
  t->tp_base = base;
  hs_incref ((HsObject *) base);
  t->tp_flags = HS_TPFLAG_GC | HS_TPFLAG_HEAPTYPE | HS_TPFLAG_BASETYPE
                | (base->tp_flags & (HS_TPFLAG_EXCEPTION | HS_TPFLAG_INT_SUBCLASS
                                     | HS_TPFLAG_FLOAT_SUBCLASS));
  if (has_dict)
    t->tp_flags |= HS_TPFLAG_HAS_DICT;
  if (weakrefable)
    t->tp_flags |= HS_TPFLAG_WEAKREFABLE;
  t->slots = NULL;
  t->n_slots_total = (base->ext_offset != 0 ? base->n_slots_total : 0) + own_slots;
  if (slots != NULL)
    {
      /* type_new_copy_slots: the real slot names (not __dict__/__weakref__)
       * go through a list, sorted; the layout and the member descriptors
       * follow that order. */
      HsObject *names = hs_list_new (vm, 0);
      gboolean ok = names != NULL;

      for (gsize i = 0; ok && i < HS_TUPLE (slots)->len; i++)
        {
          HsObject *s = HS_TUPLE (slots)->items[i];

          if (!hs_str_equal_cstr (s, "__dict__") && !hs_str_equal_cstr (s, "__weakref__"))
            {
              HsObject *m = mangle_slot (vm, hs_str_utf8 (name), s);

              ok = m != NULL && hs_list_append (vm, names, m) >= 0;
              hs_xdecref (vm, m);
            }
        }
      if (ok && hs_list_sort (vm, names, NULL, FALSE) >= 0)
        t->slots = hs_list_as_tuple (vm, names);
      hs_xdecref (vm, names);
      hs_decref (vm, slots);
      if (t->slots == NULL)
        {
          hs_decref (vm, (HsObject *) t);
          return NULL;
        }
    }

  t->ext_offset = base->ext_offset != 0 ? base->ext_offset : ((base->c_size + 7) & ~(gsize) 7);
  t->c_size = t->ext_offset + sizeof (HsInstExt) + sizeof (HsObject *) * t->n_slots_total;

  /* sys.getsizeof as 3.11 reports it. */
  if (base == vm->types.object)
    t->basicsize = has_dict ? 56 : 32 + 8 * t->n_slots_total
                                + (weakrefable && slots != NULL ? 8 : 0);
  else if (base->ext_offset != 0)
    t->basicsize = base->basicsize + 8 * own_slots;
  else
    t->basicsize = base->basicsize + (has_dict ? 16 : 0) + 8 * own_slots;

  _hs_type_set_subtype_slots (vm, t);

  /* The class namespace is copied, without __qualname__; a plain
   * function __init_subclass__ becomes a classmethod. */
  t->dict = hs_dict_new (vm);
  while (hs_dict_next (namespace_, &key, &k, &v))
    {
      HsObject *wrapped = NULL;
      int r;

      if (hs_str_check (k) && hs_str_equal_cstr (k, "__qualname__"))
        continue;
      if (hs_str_check (k) && hs_str_equal_cstr (k, "__init_subclass__")
          && v->ob_type == vm->types.function)
        {
          wrapped = hs_object_call (vm, (HsObject *) vm->types.classmethod, &v, 1, NULL);
          if (wrapped == NULL)
            {
              hs_decref (vm, (HsObject *) t);
              return NULL;
            }
        }
      r = hs_dict_setitem (vm, t->dict, k, wrapped != NULL ? wrapped : v);
      hs_xdecref (vm, wrapped);
      if (r < 0)
        {
          hs_decref (vm, (HsObject *) t);
          return NULL;
        }
    }

  /* Member descriptors for the slots. */
  if (t->slots != NULL)
    {
      guint first = t->n_slots_total - own_slots;

      for (gsize i = 0; i < own_slots; i++)
        {
          HsObject *sname = HS_TUPLE (t->slots)->items[i];
          HsObject *descr = hs_member_descr_new (vm, t, sname, first + i);

          hs_dict_setitem (vm, t->dict, sname, descr);
          hs_decref (vm, descr);
        }
    }

  /* The __dict__ and __weakref__ descriptors the class adds (3.11's
   * type_new_descriptors; each refers to the class), then __doc__. */
  if (has_dict && !base_has_dict)
    add_getset (vm, t, "__dict__");
  if (weakrefable && !base_weakrefable)
    add_getset (vm, t, "__weakref__");
  /* type(name, bases, ns) takes __module__ from the caller's globals. */
  if (hs_dict_getitem_str (vm, t->dict, "__module__") == NULL && vm->frame != NULL)
    {
      HsObject *modname = hs_dict_getitem_str (vm, vm->frame->globals, "__name__");

      if (modname != NULL)
        hs_dict_setitem_str (vm, t->dict, "__module__", modname);
    }
  if (hs_dict_getitem_str (vm, t->dict, "__doc__") == NULL)
    hs_dict_setitem_str (vm, t->dict, "__doc__", vm->none);
  if (!add_subclass (vm, base, t))
    {
      hs_decref (vm, (HsObject *) t);
      return NULL;
    }

  _hs_slots_fixup (vm, t);

  hs_gc_track (vm, (HsObject *) t);
  if (!set_class_cell (vm, t) || !set_names (vm, t) || !init_subclass (vm, t))
    {
      hs_decref (vm, (HsObject *) t);
      return NULL;
    }
  return (HsObject *) t;
}
