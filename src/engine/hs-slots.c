/* hs-slots.c — dunder dispatch for classes and slot wrappers for built-ins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-func-object.h"
#include "hs-number-object.h"
#include "hs-recorder.h"
#include "hs-slots.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

static const char *const binop_names[HS_N_BINOPS] = {
  [HS_OP_ADD] = "__add__", [HS_OP_SUB] = "__sub__", [HS_OP_MULT] = "__mul__",
  [HS_OP_MATMULT] = "__matmul__", [HS_OP_DIV] = "__truediv__", [HS_OP_MOD] = "__mod__",
  [HS_OP_POW] = "__pow__", [HS_OP_LSHIFT] = "__lshift__", [HS_OP_RSHIFT] = "__rshift__",
  [HS_OP_BITOR] = "__or__", [HS_OP_BITXOR] = "__xor__", [HS_OP_BITAND] = "__and__",
  [HS_OP_FLOORDIV] = "__floordiv__",
};

static const char *const rbinop_names[HS_N_BINOPS] = {
  [HS_OP_ADD] = "__radd__", [HS_OP_SUB] = "__rsub__", [HS_OP_MULT] = "__rmul__",
  [HS_OP_MATMULT] = "__rmatmul__", [HS_OP_DIV] = "__rtruediv__", [HS_OP_MOD] = "__rmod__",
  [HS_OP_POW] = "__rpow__", [HS_OP_LSHIFT] = "__rlshift__", [HS_OP_RSHIFT] = "__rrshift__",
  [HS_OP_BITOR] = "__ror__", [HS_OP_BITXOR] = "__rxor__", [HS_OP_BITAND] = "__rand__",
  [HS_OP_FLOORDIV] = "__rfloordiv__",
};

static const char *const ibinop_names[HS_N_BINOPS] = {
  [HS_OP_ADD] = "__iadd__", [HS_OP_SUB] = "__isub__", [HS_OP_MULT] = "__imul__",
  [HS_OP_MATMULT] = "__imatmul__", [HS_OP_DIV] = "__itruediv__", [HS_OP_MOD] = "__imod__",
  [HS_OP_POW] = "__ipow__", [HS_OP_LSHIFT] = "__ilshift__", [HS_OP_RSHIFT] = "__irshift__",
  [HS_OP_BITOR] = "__ior__", [HS_OP_BITXOR] = "__ixor__", [HS_OP_BITAND] = "__iand__",
  [HS_OP_FLOORDIV] = "__ifloordiv__",
};

static const char *const richcmp_names[] = {
  [HS_LT] = "__lt__", [HS_LE] = "__le__", [HS_EQ] = "__eq__",
  [HS_NE] = "__ne__", [HS_GT] = "__gt__", [HS_GE] = "__ge__",
};

/* Descriptors ----------------------------------------------------------- */

gboolean
_hs_descr_is_data (HsObject *descr)
{
  HsVM *vm = NULL;
  HsType *t = descr->ob_type;

  (void) vm;
  if (strcmp (t->name, "member_descriptor") == 0 || strcmp (t->name, "property") == 0
      || strcmp (t->name, "getset_descriptor") == 0)
    return TRUE;
  if (t->tp_flags & HS_TPFLAG_HEAPTYPE)
    return hs_type_lookup_cstr (t, "__set__") != NULL
           || hs_type_lookup_cstr (t, "__delete__") != NULL;
  return FALSE;
}

HsObject *
_hs_descr_get (HsVM     *vm,
               HsObject *descr,
               HsObject *obj,
               HsType   *type)
{
  HsType *t = descr->ob_type;

  if (t == vm->types.function)
    return obj == NULL ? hs_incref (descr) : hs_method_new (vm, descr, obj);

  if (t == vm->types.method_descriptor)
    {
      HsMethodDescr *md = (HsMethodDescr *) descr;

      if (md->def->flags & HS_METH_CLASS)
        return hs_cfunction_new (vm, md->def, (HsObject *) (obj ? obj->ob_type : type), NULL);
      if (obj == NULL)
        return hs_incref (descr);
      if (!hs_isinstance (obj, md->type))
        return hs_err_format (vm, vm->types.TypeError,
                              "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                              md->def->name, md->type->name, hs_type_name (obj));
      {
        HsObject *bound = hs_cfunction_new (vm, md->def, obj, NULL);

        if (bound != NULL)
          HS_CFUNCTION (bound)->owner = md->type;
        return bound;
      }
    }

  if (t == vm->types.staticmethod)
    return hs_incref (((HsStaticMethod *) descr)->callable);

  if (t == vm->types.classmethod)
    return hs_method_new (vm, ((HsStaticMethod *) descr)->callable,
                          (HsObject *) (obj != NULL ? obj->ob_type : type));

  if (t == vm->types.member_descriptor)
    {
      HsMemberDescr *m = (HsMemberDescr *) descr;
      HsInstExt *ext;
      HsObject *v;

      if (obj == NULL)
        return hs_incref (descr);
      ext = hs_instance_ext (obj);
      v = ext != NULL ? ext->slots[m->index] : NULL;
      if (v == NULL)
        return hs_err_format (vm, vm->types.AttributeError, "'%s' object has no attribute '%s'",
                              hs_type_name (obj), hs_str_utf8 (m->name));
      return hs_incref (v);
    }

  if (t == vm->types.getset_descriptor)
    {
      HsMemberDescr *g = (HsMemberDescr *) descr;

      if (obj == NULL)
        return hs_incref (descr);
      if (hs_str_equal_cstr (g->name, "__dict__"))
        return hs_instance_get_dict (vm, obj);
      /* subtype_getweakref: the head of the list, or None. */
      return obj->weakrefs != NULL ? hs_incref ((HsObject *) obj->weakrefs) : hs_none (vm);
    }

  if (t == vm->types.property)
    {
      HsProperty *p = (HsProperty *) descr;

      if (obj == NULL)
        return hs_incref (descr);
      if (p->fget == NULL || p->fget == vm->none)
        {
          hs_property_missing (vm, descr, obj, "getter");
          return NULL;
        }
      return hs_object_call (vm, p->fget, &obj, 1, NULL);
    }

  if (t->tp_flags & HS_TPFLAG_HEAPTYPE)
    {
      HsObject *get = hs_type_lookup_cstr (t, "__get__");

      if (get != NULL)
        {
          HsObject *args[3] = { descr, obj != NULL ? obj : vm->none, (HsObject *) type };

          if (type == NULL)
            args[2] = (HsObject *) obj->ob_type;
          return hs_object_call (vm, get, args, 3, NULL);
        }
    }

  return hs_incref (descr);
}

/* subtype_setdict (deleting is allowed); __weakref__ is read-only. */
static int
set_dict (HsVM          *vm,
          HsMemberDescr *g,
          HsObject      *obj,
          HsObject      *value)
{
  HsObject *old;

  if (!hs_str_equal_cstr (g->name, "__dict__"))
    {
      hs_err_format (vm, vm->types.AttributeError, "attribute '%s' of '%s' objects is not writable",
                     hs_str_utf8 (g->name), g->type->name);
      return -1;
    }
  if (value != NULL && !hs_isinstance (value, vm->types.dict))
    {
      hs_err_format (vm, vm->types.TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                     hs_type_name (value));
      return -1;
    }
  /* Materialise the dict, then swap it. */
  old = hs_instance_get_dict (vm, obj);
  if (old == NULL)
    return -1;
  hs_decref (vm, old);
  /* del obj.__dict__ leaves no dict: the next access makes an empty one. */
  hs_set_ref (vm, &hs_instance_ext (obj)->dict, value != NULL ? hs_incref (value) : NULL);
  return 0;
}

int
_hs_descr_set (HsVM     *vm,
               HsObject *descr,
               HsObject *obj,
               HsObject *value)
{
  HsType *t = descr->ob_type;

  if (t == vm->types.member_descriptor)
    {
      HsMemberDescr *m = (HsMemberDescr *) descr;
      HsInstExt *ext = hs_instance_ext (obj);

      if (ext == NULL || !hs_isinstance (obj, m->type))
        {
          hs_err_format (vm, vm->types.TypeError,
                         "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                         hs_str_utf8 (m->name), m->type->name, hs_type_name (obj));
          return -1;
        }
      /* PyMember_SetOne: deleting an empty slot names just the slot. */
      if (value == NULL && ext->slots[m->index] == NULL)
        {
          hs_err_set_object (vm, vm->types.AttributeError, m->name);
          return -1;
        }
      hs_xincref (value);
      hs_set_ref (vm, &ext->slots[m->index], value);
      return 0;
    }

  if (t == vm->types.getset_descriptor)
    return set_dict (vm, (HsMemberDescr *) descr, obj, value);

  if (t == vm->types.property)
    {
      HsProperty *p = (HsProperty *) descr;
      HsObject *fn = value != NULL ? p->fset : p->fdel;
      HsObject *args[2] = { obj, value };
      HsObject *res;

      if (fn == NULL || fn == vm->none)
        {
          hs_property_missing (vm, descr, obj, value != NULL ? "setter" : "deleter");
          return -1;
        }
      res = hs_object_call (vm, fn, args, value != NULL ? 2 : 1, NULL);
      if (res == NULL)
        return -1;
      hs_decref (vm, res);
      return 0;
    }

  if (t->tp_flags & HS_TPFLAG_HEAPTYPE)
    {
      HsObject *fn = hs_type_lookup_cstr (t, value != NULL ? "__set__" : "__delete__");
      HsObject *args[3] = { descr, obj, value };
      HsObject *res;

      if (fn == NULL)
        {
          hs_err_format (vm, vm->types.AttributeError, "__set__");
          return -1;
        }
      res = hs_object_call (vm, fn, args, value != NULL ? 3 : 2, NULL);
      if (res == NULL)
        return -1;
      hs_decref (vm, res);
      return 0;
    }

  hs_err_format (vm, vm->types.AttributeError, "readonly attribute");
  return -1;
}

/* Calling special methods ------------------------------------------------ */

HsObject *
_hs_call_special (HsVM             *vm,
                  HsObject         *self,
                  const char       *name,
                  HsObject *const  *args,
                  gsize             nargs,
                  gboolean          missing_ok)
{
  HsObject *func = hs_type_lookup_cstr (self->ob_type, name);
  HsObject *stack[8];
  HsObject *res;

  g_assert (nargs < G_N_ELEMENTS (stack));

  if (func == NULL)
    {
      if (missing_ok)
        return NULL;
      return hs_err_format (vm, vm->types.AttributeError, "'%s' object has no attribute '%s'",
                            hs_type_name (self), name);
    }

  if (func->ob_type == vm->types.function || func->ob_type == vm->types.method_descriptor)
    {
      /* Unbound call: no bound-method object is created (vectorcall_method). */
      hs_incref (func);
      stack[0] = self;
      if (nargs > 0)
        memcpy (stack + 1, args, nargs * sizeof (HsObject *));
      res = hs_object_call (vm, func, stack, nargs + 1, NULL);
      hs_decref (vm, func);
      return res;
    }

  func = _hs_descr_get (vm, func, self, self->ob_type);
  if (func == NULL)
    return NULL;
  res = hs_object_call (vm, func, args, nargs, NULL);
  hs_decref (vm, func);
  return res;
}

void
_hs_call_finalizer (HsVM     *vm,
                    HsObject *self)
{
  HsObject *del = hs_type_lookup_cstr (self->ob_type, "__del__");
  HsObject *res;

  self->flags |= HS_OBJ_FINALIZED;
  if (del == NULL)
    return;

  hs_incref (del);
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_DEL_START, self, 0);
  res = hs_object_call (vm, del, &self, 1, NULL);
  if (res == NULL)
    hs_err_write_unraisable (vm, del);
  else
    hs_decref (vm, res);
  if (vm->recorder != NULL)
    hs_recorder_on_event (vm->recorder, HS_EVENT_DEL_END, self, 0);
  hs_decref (vm, del);
}

/* Slot dispatchers: C slots of user classes that call Python dunders. ----- */

static HsObject *
slot_tp_repr (HsVM     *vm,
              HsObject *self)
{
  HsObject *res = _hs_call_special (vm, self, "__repr__", NULL, 0, FALSE);

  if (res != NULL && !hs_str_check (res))
    {
      hs_err_format (vm, vm->types.TypeError, "__repr__ returned non-string (type %s)",
                     hs_type_name (res));
      hs_decref (vm, res);
      return NULL;
    }
  return res;
}

static HsObject *
slot_tp_str (HsVM     *vm,
             HsObject *self)
{
  HsObject *res = _hs_call_special (vm, self, "__str__", NULL, 0, FALSE);

  if (res != NULL && !hs_str_check (res))
    {
      hs_err_format (vm, vm->types.TypeError, "__str__ returned non-string (type %s)",
                     hs_type_name (res));
      hs_decref (vm, res);
      return NULL;
    }
  return res;
}

static gboolean
slot_tp_hash (HsVM     *vm,
              HsObject *self,
              gint64   *hash)
{
  HsObject *res = _hs_call_special (vm, self, "__hash__", NULL, 0, FALSE);
  gint64 h;

  if (res == NULL)
    return FALSE;
  if (!hs_int_check (res))
    {
      hs_decref (vm, res);
      hs_err_format (vm, vm->types.TypeError, "__hash__ method should return an integer");
      return FALSE;
    }
  h = hs_int_hash (res);
  hs_decref (vm, res);
  *hash = h == -1 ? -2 : h;
  return TRUE;
}

static HsObject *
slot_tp_richcompare (HsVM     *vm,
                     HsObject *self,
                     HsObject *other,
                     int       op)
{
  HsObject *res = _hs_call_special (vm, self, richcmp_names[op], &other, 1, TRUE);

  if (res == NULL && !hs_err_occurred (vm))
    {
      /* __ne__ falls back to inverting __eq__, as object.__ne__ does. */
      if (op == HS_NE && hs_type_lookup_cstr (self->ob_type, "__eq__") != NULL)
        {
          HsObject *eq = _hs_call_special (vm, self, "__eq__", &other, 1, FALSE);
          int truth;

          if (eq == NULL || eq == vm->not_implemented)
            return eq;
          truth = hs_object_is_true (vm, eq);
          hs_decref (vm, eq);
          return truth < 0 ? NULL : hs_bool (vm, !truth);
        }
      if (op == HS_EQ)
        return self == other ? hs_bool (vm, TRUE) : hs_not_implemented (vm);
      return hs_not_implemented (vm);
    }
  return res;
}

static HsObject *
slot_tp_call (HsVM            *vm,
              HsObject        *self,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  HsObject *func = hs_type_lookup_cstr (self->ob_type, "__call__");
  gsize total = nargs + (kwnames != NULL ? HS_TUPLE (kwnames)->len : 0);
  g_autofree HsObject **stack = NULL;
  HsObject *res;

  if (func == NULL)
    return hs_err_format (vm, vm->types.TypeError, "'%s' object is not callable",
                          hs_type_name (self));
  stack = g_new (HsObject *, total + 1);
  stack[0] = self;
  /* @args may be NULL when there are none: memcpy() must not see it. */
  if (total > 0)
    memcpy (stack + 1, args, total * sizeof (HsObject *));
  hs_incref (func);
  res = hs_object_call (vm, func, stack, nargs + 1, kwnames);
  hs_decref (vm, func);
  return res;
}

static HsObject *
slot_tp_iter (HsVM     *vm,
              HsObject *self)
{
  HsObject *func = hs_type_lookup_cstr (self->ob_type, "__iter__");
  HsObject *res;

  if (func == vm->none)
    return hs_err_format (vm, vm->types.TypeError, "'%s' object is not iterable",
                          hs_type_name (self));
  res = _hs_call_special (vm, self, "__iter__", NULL, 0, FALSE);
  if (res != NULL && res->ob_type->tp_iternext == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "iter() returned non-iterator of type '%s'",
                     hs_type_name (res));
      hs_decref (vm, res);
      return NULL;
    }
  return res;
}

static HsObject *
slot_tp_iternext (HsVM     *vm,
                  HsObject *self)
{
  return _hs_call_special (vm, self, "__next__", NULL, 0, FALSE);
}

static gssize
slot_sq_length (HsVM     *vm,
                HsObject *self)
{
  HsObject *res = _hs_call_special (vm, self, "__len__", NULL, 0, FALSE);
  gint64 n;

  if (res == NULL)
    return -1;
  if (!hs_int_check (res))
    {
      hs_err_format (vm, vm->types.TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (res));
      hs_decref (vm, res);
      return -1;
    }
  if (!hs_int_as_i64 (vm, res, &n))
    {
      hs_decref (vm, res);
      return -1;
    }
  hs_decref (vm, res);
  if (n < 0)
    {
      hs_err_format (vm, vm->types.ValueError, "__len__() should return >= 0");
      return -1;
    }
  return n;
}

static HsObject *
slot_mp_subscript (HsVM     *vm,
                   HsObject *self,
                   HsObject *key)
{
  return _hs_call_special (vm, self, "__getitem__", &key, 1, FALSE);
}

static int
slot_mp_ass_subscript (HsVM     *vm,
                       HsObject *self,
                       HsObject *key,
                       HsObject *value)
{
  HsObject *args[2] = { key, value };
  HsObject *res;

  if (value != NULL)
    res = _hs_call_special (vm, self, "__setitem__", args, 2, TRUE);
  else
    res = _hs_call_special (vm, self, "__delitem__", args, 1, TRUE);
  if (res == NULL)
    {
      if (!hs_err_occurred (vm))
        hs_err_format (vm, vm->types.TypeError,
                       value != NULL ? "'%s' object does not support item assignment"
                                     : "'%s' object doesn't support item deletion",
                       hs_type_name (self));
      return -1;
    }
  hs_decref (vm, res);
  return 0;
}

static int
slot_sq_contains (HsVM     *vm,
                  HsObject *self,
                  HsObject *item)
{
  HsObject *res = _hs_call_special (vm, self, "__contains__", &item, 1, FALSE);
  int truth;

  if (res == NULL)
    return -1;
  truth = hs_object_is_true (vm, res);
  hs_decref (vm, res);
  return truth;
}

static int
slot_nb_bool (HsVM     *vm,
              HsObject *self)
{
  HsObject *res = _hs_call_special (vm, self, "__bool__", NULL, 0, TRUE);
  int truth;

  if (res == NULL)
    {
      gssize n;

      if (hs_err_occurred (vm))
        return -1;
      if (hs_type_lookup_cstr (self->ob_type, "__len__") == NULL)
        return 1;
      n = slot_sq_length (vm, self);
      return n < 0 ? -1 : n > 0;
    }
  if (res->ob_type != vm->types.bool_)
    {
      hs_err_format (vm, vm->types.TypeError, "__bool__ should return bool, returned %s",
                     hs_type_name (res));
      hs_decref (vm, res);
      return -1;
    }
  truth = res == vm->true_obj;
  hs_decref (vm, res);
  return truth;
}

/* _PyObject_Call_Prepend with a keyword dict: _PyStack_UnpackDict copies
 * every argument (self included) into a new stack, one more reference
 * each for the duration of the call... */
static HsObject *
call_prepended (HsVM            *vm,
                HsObject        *func,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  gsize total = nargs + (kwnames != NULL ? HS_TUPLE (kwnames)->len : 0);
  HsObject *saved = vm->tp_call_args;
  HsObject *names = NULL;
  HsObject *res;

  /* Python code never sees the class call's tuple. */
  vm->tp_call_args = NULL;
  if (total > nargs)
    {
      /* ...and a new tuple of the keyword names. */
      names = hs_tuple_from_array (vm, HS_TUPLE (kwnames)->items, total - nargs);
      if (names == NULL)
        {
          vm->tp_call_args = saved;
          return NULL;
        }
      for (gsize i = 0; i < total; i++)
        hs_incref (args[i]);
    }
  res = hs_object_call (vm, func, args, nargs, names != NULL ? names : kwnames);
  if (names != NULL)
    {
      for (gsize i = 0; i < total; i++)
        hs_decref (vm, args[i]);
      hs_decref (vm, names);
    }
  vm->tp_call_args = saved;
  return res;
}

static HsObject *
slot_tp_init (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  HsObject *func = hs_type_lookup_cstr (args[0]->ob_type, "__init__");
  HsObject *res;

  if (func == NULL)
    return hs_none (vm);
  hs_incref (func);
  res = call_prepended (vm, func, args, nargs, kwnames);
  hs_decref (vm, func);
  return res;
}

static HsObject *
slot_tp_new (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsObject *func = hs_type_lookup_cstr (type, "__new__");
  HsObject *res;

  if (func == NULL)
    return hs_err_format (vm, vm->types.TypeError, "cannot create '%s' instances", type->name);
  /* __new__ is an implicit staticmethod. */
  if (func->ob_type == vm->types.staticmethod)
    func = ((HsStaticMethod *) func)->callable;
  hs_incref (func);
  res = call_prepended (vm, func, args, nargs, kwnames);
  hs_decref (vm, func);
  return res;
}

static HsObject *
slot_nb_unary (HsVM       *vm,
               HsObject   *self,
               const char *name)
{
  HsObject *res = _hs_call_special (vm, self, name, NULL, 0, TRUE);

  if (res == NULL && !hs_err_occurred (vm))
    return hs_err_format (vm, vm->types.TypeError, "bad operand type for unary %s: '%s'",
                          strcmp (name, "__neg__") == 0 ? "-" :
                          strcmp (name, "__pos__") == 0 ? "+" : "~",
                          hs_type_name (self));
  return res;
}

static HsObject *slot_nb_negative (HsVM *vm, HsObject *s) { return slot_nb_unary (vm, s, "__neg__"); }
static HsObject *slot_nb_positive (HsVM *vm, HsObject *s) { return slot_nb_unary (vm, s, "__pos__"); }
static HsObject *slot_nb_invert (HsVM *vm, HsObject *s) { return slot_nb_unary (vm, s, "__invert__"); }

static HsObject *
slot_nb_index (HsVM     *vm,
               HsObject *self)
{
  return _hs_call_special (vm, self, "__index__", NULL, 0, FALSE);
}

/* SLOT1BINFULL: one dispatcher serves every binary operator; it tries
 * self.__op__(other), then other.__rop__(self) (reflected first when the
 * right operand's class is a subclass that overrides it). */
static HsObject *
slot_nb_binary (HsVM     *vm,
                HsObject *self,
                HsObject *other,
                int       op,
                gboolean  self_has)
{
  HsType *st = self->ob_type, *ot = other->ob_type;
  const char *opname = binop_names[op], *ropname = rbinop_names[op];
  gboolean do_other = st != ot && (ot->tp_flags & HS_TPFLAG_HEAPTYPE)
                      && hs_type_lookup_cstr (ot, ropname) != NULL;
  HsObject *r;

  if (self_has && (st->tp_flags & HS_TPFLAG_HEAPTYPE)
      && hs_type_lookup_cstr (st, opname) != NULL)
    {
      if (do_other && hs_type_is_subtype (ot, st)
          && hs_type_lookup_cstr (ot, ropname) != hs_type_lookup_cstr (st, ropname))
        {
          r = _hs_call_special (vm, other, ropname, &self, 1, FALSE);
          if (r != vm->not_implemented)
            return r;
          hs_decref (vm, r);
          do_other = FALSE;
        }
      r = _hs_call_special (vm, self, opname, &other, 1, FALSE);
      if (r != vm->not_implemented || st == ot)
        return r;
      hs_decref (vm, r);
    }
  if (do_other)
    return _hs_call_special (vm, other, ropname, &self, 1, FALSE);
  return hs_not_implemented (vm);
}

#define DEFINE_BINOP(OP, LOWER) \
  static HsObject * \
  slot_nb_##LOWER (HsVM *vm, HsObject *a, HsObject *b) \
  { \
    /* Called as the left slot (a is ours) or the right slot (b is ours). */ \
    if (a->ob_type->nb[OP] == slot_nb_##LOWER) \
      return slot_nb_binary (vm, a, b, OP, TRUE); \
    { \
      const char *ropname = rbinop_names[OP]; \
      if (hs_type_lookup_cstr (b->ob_type, ropname) != NULL) \
        return _hs_call_special (vm, b, ropname, &a, 1, FALSE); \
      return hs_not_implemented (vm); \
    } \
  } \
  static HsObject * \
  slot_nb_inplace_##LOWER (HsVM *vm, HsObject *a, HsObject *b) \
  { \
    HsObject *r = _hs_call_special (vm, a, ibinop_names[OP], &b, 1, TRUE); \
    if (r == NULL && !hs_err_occurred (vm)) \
      return hs_not_implemented (vm); \
    return r; \
  }

DEFINE_BINOP (HS_OP_ADD, add)
DEFINE_BINOP (HS_OP_SUB, sub)
DEFINE_BINOP (HS_OP_MULT, mult)
DEFINE_BINOP (HS_OP_MATMULT, matmult)
DEFINE_BINOP (HS_OP_DIV, div)
DEFINE_BINOP (HS_OP_MOD, mod)
DEFINE_BINOP (HS_OP_POW, pow)
DEFINE_BINOP (HS_OP_LSHIFT, lshift)
DEFINE_BINOP (HS_OP_RSHIFT, rshift)
DEFINE_BINOP (HS_OP_BITOR, bitor)
DEFINE_BINOP (HS_OP_BITXOR, bitxor)
DEFINE_BINOP (HS_OP_BITAND, bitand)
DEFINE_BINOP (HS_OP_FLOORDIV, floordiv)

static const HsBinaryFunc binop_dispatchers[HS_N_BINOPS] = {
  slot_nb_add, slot_nb_sub, slot_nb_mult, slot_nb_matmult, slot_nb_div, slot_nb_mod,
  slot_nb_pow, slot_nb_lshift, slot_nb_rshift, slot_nb_bitor, slot_nb_bitxor,
  slot_nb_bitand, slot_nb_floordiv,
};

static const HsBinaryFunc inplace_dispatchers[HS_N_BINOPS] = {
  slot_nb_inplace_add, slot_nb_inplace_sub, slot_nb_inplace_mult, slot_nb_inplace_matmult,
  slot_nb_inplace_div, slot_nb_inplace_mod, slot_nb_inplace_pow, slot_nb_inplace_lshift,
  slot_nb_inplace_rshift, slot_nb_inplace_bitor, slot_nb_inplace_bitxor,
  slot_nb_inplace_bitand, slot_nb_inplace_floordiv,
};

static HsObject *
slot_tp_getattr_hook (HsVM     *vm,
                      HsObject *self,
                      HsObject *name)
{
  HsObject *getattribute = hs_type_lookup_cstr (self->ob_type, "__getattribute__");
  HsObject *res;

  if (getattribute != NULL && getattribute->ob_type == vm->types.function)
    res = _hs_call_special (vm, self, "__getattribute__", &name, 1, FALSE);
  else
    res = hs_object_generic_getattr (vm, self, name);

  if (res == NULL && hs_err_matches (vm, vm->types.AttributeError)
      && hs_type_lookup_cstr (self->ob_type, "__getattr__") != NULL)
    {
      hs_err_clear (vm);
      res = _hs_call_special (vm, self, "__getattr__", &name, 1, FALSE);
    }
  return res;
}

static int
slot_tp_setattro (HsVM     *vm,
                  HsObject *self,
                  HsObject *name,
                  HsObject *value)
{
  HsObject *args[2] = { name, value };
  HsObject *res;

  if (value != NULL)
    res = _hs_call_special (vm, self, "__setattr__", args, 2, FALSE);
  else
    res = _hs_call_special (vm, self, "__delattr__", args, 1, FALSE);
  if (res == NULL)
    return -1;
  hs_decref (vm, res);
  return 0;
}

static gboolean
defines_python (HsType     *t,
                const char *name)
{
  HsObject *v = hs_type_lookup_cstr (t, name);
  HsType *vt;

  if (v == NULL)
    return FALSE;
  vt = v->ob_type;
  /* Anything but the built-in wrappers counts as a Python-level override. */
  return strcmp (vt->name, "method_descriptor") != 0
         && strcmp (vt->name, "builtin_function_or_method") != 0;
}

void
_hs_slots_fixup (HsVM   *vm,
                 HsType *t)
{
  HsType *b = t->tp_base;
  HsObject *hash = hs_dict_getitem_str (vm, t->dict, "__hash__");

  /* A class that defines __eq__ but not __hash__ becomes unhashable. */
  if (hash == NULL && hs_dict_getitem_str (vm, t->dict, "__eq__") != NULL)
    hs_dict_setitem_str (vm, t->dict, "__hash__", vm->none);

#define FIX(slot, name, dispatcher) \
  t->slot = defines_python (t, name) ? dispatcher : b->slot

  FIX (tp_repr, "__repr__", slot_tp_repr);
  FIX (tp_str, "__str__", slot_tp_str);
  FIX (tp_call, "__call__", slot_tp_call);
  FIX (tp_iter, "__iter__", slot_tp_iter);
  FIX (tp_iternext, "__next__", slot_tp_iternext);
  FIX (sq_length, "__len__", slot_sq_length);
  FIX (mp_subscript, "__getitem__", slot_mp_subscript);
  FIX (sq_contains, "__contains__", slot_sq_contains);
  FIX (tp_init, "__init__", slot_tp_init);
  FIX (tp_new, "__new__", slot_tp_new);
  FIX (nb_negative, "__neg__", slot_nb_negative);
  FIX (nb_positive, "__pos__", slot_nb_positive);
  FIX (nb_invert, "__invert__", slot_nb_invert);
  FIX (nb_index, "__index__", slot_nb_index);
#undef FIX

  if (defines_python (t, "__setitem__") || defines_python (t, "__delitem__"))
    t->mp_ass_subscript = slot_mp_ass_subscript;
  else
    t->mp_ass_subscript = b->mp_ass_subscript;

  if (defines_python (t, "__bool__") || defines_python (t, "__len__"))
    t->nb_bool = slot_nb_bool;
  else
    t->nb_bool = b->nb_bool;

  {
    HsObject *h = hs_type_lookup_cstr (t, "__hash__");

    if (h == vm->none)
      t->tp_hash = NULL;
    else if (defines_python (t, "__hash__"))
      t->tp_hash = slot_tp_hash;
    else
      t->tp_hash = b->tp_hash;
  }

  {
    gboolean any = FALSE;

    for (int op = HS_LT; op <= HS_GE; op++)
      any = any || defines_python (t, richcmp_names[op]);
    t->tp_richcompare = any ? slot_tp_richcompare : b->tp_richcompare;
  }

  for (int op = 0; op < HS_N_BINOPS; op++)
    {
      gboolean fwd = defines_python (t, binop_names[op]) || defines_python (t, rbinop_names[op]);

      t->nb[op] = fwd ? binop_dispatchers[op] : b->nb[op];
      t->nb_inplace[op] = defines_python (t, ibinop_names[op])
                          ? inplace_dispatchers[op] : b->nb_inplace[op];
    }

  if (defines_python (t, "__getattr__") || defines_python (t, "__getattribute__"))
    t->tp_getattro = slot_tp_getattr_hook;
  else
    t->tp_getattro = b->tp_getattro == NULL ? hs_object_generic_getattr : b->tp_getattro;
  if (defines_python (t, "__setattr__") || defines_python (t, "__delattr__"))
    t->tp_setattro = slot_tp_setattro;
  else
    t->tp_setattro = b->tp_setattro == NULL ? hs_object_generic_setattr : b->tp_setattro;

  t->has_finalizer = hs_type_lookup_cstr (t, "__del__") != NULL;
  t->tp_finalize = t->has_finalizer ? _hs_call_finalizer : b->tp_finalize;
}

/* Slot wrappers: __repr__ & co. for built-in types. ---------------------- */

/* The type whose slot a wrapper calls: from the descriptor, or from the
 * bound method made of it. */
static HsType *
wrapper_type (HsObject *callable)
{
  if (g_str_equal (callable->ob_type->name, "builtin_function_or_method"))
    return HS_CFUNCTION (callable)->owner;
  return ((HsMethodDescr *) callable)->type;
}

#define DESCR_TYPE(callable) (wrapper_type (callable))

static HsObject *
wrap_init (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  return DESCR_TYPE (c)->tp_init (vm, c, args, nargs, kw);
}

static HsObject *
wrap_repr (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "__repr__", nargs - 1, 0, 0))
    return NULL;
  return DESCR_TYPE (c)->tp_repr (vm, args[0]);
}

static HsObject *
wrap_str (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "__str__", nargs - 1, 0, 0))
    return NULL;
  return DESCR_TYPE (c)->tp_str (vm, args[0]);
}

static HsObject *
wrap_hash (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  gint64 h;

  if (!DESCR_TYPE (c)->tp_hash (vm, args[0], &h))
    return NULL;
  return hs_int_from_i64 (vm, h);
}

static HsObject *
wrap_len (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  gssize n;

  if (!hs_check_nargs (vm, "__len__", nargs - 1, 0, 0))
    return NULL;
  n = DESCR_TYPE (c)->sq_length (vm, args[0]);
  return n < 0 ? NULL : hs_int_from_i64 (vm, n);
}

static HsObject *
wrap_getitem (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "__getitem__", nargs - 1, 1, 1))
    return NULL;
  return DESCR_TYPE (c)->mp_subscript (vm, args[0], args[1]);
}

static HsObject *
wrap_setitem (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "__setitem__", nargs - 1, 2, 2))
    return NULL;
  if (DESCR_TYPE (c)->mp_ass_subscript (vm, args[0], args[1], args[2]) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
wrap_delitem (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "__delitem__", nargs - 1, 1, 1))
    return NULL;
  if (DESCR_TYPE (c)->mp_ass_subscript (vm, args[0], args[1], NULL) < 0)
    return NULL;
  return hs_none (vm);
}

static HsObject *
wrap_contains (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  int r;

  if (!hs_check_nargs (vm, "__contains__", nargs - 1, 1, 1))
    return NULL;
  r = DESCR_TYPE (c)->sq_contains (vm, args[0], args[1]);
  return r < 0 ? NULL : hs_bool (vm, r);
}

static HsObject *
wrap_iter (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  return DESCR_TYPE (c)->tp_iter (vm, args[0]);
}

static HsObject *
wrap_next (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *r = DESCR_TYPE (c)->tp_iternext (vm, args[0]);

  if (r == NULL && !hs_err_occurred (vm))
    hs_err_set_object (vm, vm->types.StopIteration, NULL);
  return r;
}

static HsObject *
wrap_call (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  return DESCR_TYPE (c)->tp_call (vm, args[0], args + 1, nargs - 1, kw);
}

static HsObject *
wrap_bool (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  int r = DESCR_TYPE (c)->nb_bool (vm, args[0]);

  return r < 0 ? NULL : hs_bool (vm, r);
}

#define DEFINE_WRAP_CMP(OP, LOWER) \
  static HsObject * \
  wrap_##LOWER (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw) \
  { \
    if (!hs_check_nargs (vm, "__" #LOWER "__", nargs - 1, 1, 1)) \
      return NULL; \
    return DESCR_TYPE (c)->tp_richcompare (vm, args[0], args[1], OP); \
  }

DEFINE_WRAP_CMP (HS_LT, lt)
DEFINE_WRAP_CMP (HS_LE, le)
DEFINE_WRAP_CMP (HS_EQ, eq)
DEFINE_WRAP_CMP (HS_NE, ne)
DEFINE_WRAP_CMP (HS_GT, gt)
DEFINE_WRAP_CMP (HS_GE, ge)

#define DEFINE_WRAP_BINOP(OP, NAME, RNAME) \
  static HsObject * \
  wrap_##NAME (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw) \
  { \
    if (!hs_check_nargs (vm, "__" #NAME "__", nargs - 1, 1, 1)) \
      return NULL; \
    return DESCR_TYPE (c)->nb[OP] (vm, args[0], args[1]); \
  } \
  static HsObject * \
  wrap_##RNAME (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw) \
  { \
    if (!hs_check_nargs (vm, "__" #RNAME "__", nargs - 1, 1, 1)) \
      return NULL; \
    return DESCR_TYPE (c)->nb[OP] (vm, args[1], args[0]); \
  }

DEFINE_WRAP_BINOP (HS_OP_ADD, add, radd)
DEFINE_WRAP_BINOP (HS_OP_SUB, sub, rsub)
DEFINE_WRAP_BINOP (HS_OP_MULT, mul, rmul)
DEFINE_WRAP_BINOP (HS_OP_DIV, truediv, rtruediv)
DEFINE_WRAP_BINOP (HS_OP_FLOORDIV, floordiv, rfloordiv)
DEFINE_WRAP_BINOP (HS_OP_MOD, mod, rmod)
DEFINE_WRAP_BINOP (HS_OP_POW, pow, rpow)

typedef struct
{
  HsMethodDef def;
  gsize       slot_offset;   /* offset of the slot in HsType, to test presence */
} HsSlotWrapper;

#define SLOT_OFF(field) G_STRUCT_OFFSET (HsType, field)

static const HsSlotWrapper slot_wrappers[] = {
  { { "__init__", wrap_init, 0, NULL }, SLOT_OFF (tp_init) },
  { { "__repr__", wrap_repr, 0, NULL }, SLOT_OFF (tp_repr) },
  { { "__str__", wrap_str, 0, NULL }, SLOT_OFF (tp_str) },
  { { "__hash__", wrap_hash, 0, NULL }, SLOT_OFF (tp_hash) },
  { { "__len__", wrap_len, 0, NULL }, SLOT_OFF (sq_length) },
  { { "__getitem__", wrap_getitem, 0, NULL }, SLOT_OFF (mp_subscript) },
  { { "__setitem__", wrap_setitem, 0, NULL }, SLOT_OFF (mp_ass_subscript) },
  { { "__delitem__", wrap_delitem, 0, NULL }, SLOT_OFF (mp_ass_subscript) },
  { { "__contains__", wrap_contains, 0, NULL }, SLOT_OFF (sq_contains) },
  { { "__iter__", wrap_iter, 0, NULL }, SLOT_OFF (tp_iter) },
  { { "__next__", wrap_next, 0, NULL }, SLOT_OFF (tp_iternext) },
  { { "__call__", wrap_call, 0, NULL }, SLOT_OFF (tp_call) },
  { { "__bool__", wrap_bool, 0, NULL }, SLOT_OFF (nb_bool) },
  { { "__lt__", wrap_lt, 0, NULL }, SLOT_OFF (tp_richcompare) },
  { { "__le__", wrap_le, 0, NULL }, SLOT_OFF (tp_richcompare) },
  { { "__eq__", wrap_eq, 0, NULL }, SLOT_OFF (tp_richcompare) },
  { { "__ne__", wrap_ne, 0, NULL }, SLOT_OFF (tp_richcompare) },
  { { "__gt__", wrap_gt, 0, NULL }, SLOT_OFF (tp_richcompare) },
  { { "__ge__", wrap_ge, 0, NULL }, SLOT_OFF (tp_richcompare) },
  { { "__add__", wrap_add, 0, NULL }, SLOT_OFF (nb[HS_OP_ADD]) },
  { { "__radd__", wrap_radd, 0, NULL }, SLOT_OFF (nb[HS_OP_ADD]) },
  { { "__sub__", wrap_sub, 0, NULL }, SLOT_OFF (nb[HS_OP_SUB]) },
  { { "__rsub__", wrap_rsub, 0, NULL }, SLOT_OFF (nb[HS_OP_SUB]) },
  { { "__mul__", wrap_mul, 0, NULL }, SLOT_OFF (nb[HS_OP_MULT]) },
  { { "__rmul__", wrap_rmul, 0, NULL }, SLOT_OFF (nb[HS_OP_MULT]) },
  { { "__truediv__", wrap_truediv, 0, NULL }, SLOT_OFF (nb[HS_OP_DIV]) },
  { { "__rtruediv__", wrap_rtruediv, 0, NULL }, SLOT_OFF (nb[HS_OP_DIV]) },
  { { "__floordiv__", wrap_floordiv, 0, NULL }, SLOT_OFF (nb[HS_OP_FLOORDIV]) },
  { { "__rfloordiv__", wrap_rfloordiv, 0, NULL }, SLOT_OFF (nb[HS_OP_FLOORDIV]) },
  { { "__mod__", wrap_mod, 0, NULL }, SLOT_OFF (nb[HS_OP_MOD]) },
  { { "__rmod__", wrap_rmod, 0, NULL }, SLOT_OFF (nb[HS_OP_MOD]) },
  { { "__pow__", wrap_pow, 0, NULL }, SLOT_OFF (nb[HS_OP_POW]) },
  { { "__rpow__", wrap_rpow, 0, NULL }, SLOT_OFF (nb[HS_OP_POW]) },
};

/* tp_new_wrapper: T.__new__(S, ...) for a subtype S of T, refusing what
 * would skip a built-in base's own __new__. */
static HsObject *
tp_new_wrapper (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsType *subtype, *staticbase;

  if (nargs < 2)
    return hs_err_format (vm, vm->types.TypeError, "%s.__new__(): not enough arguments",
                          type->name);
  if (!hs_isinstance (args[1], vm->types.type))
    return hs_err_format (vm, vm->types.TypeError,
                          "%s.__new__(X): X is not a type object (%s)", type->name,
                          hs_type_name (args[1]));
  subtype = (HsType *) args[1];
  if (!hs_type_is_subtype (subtype, type))
    return hs_err_format (vm, vm->types.TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                          type->name, subtype->name, subtype->name, type->name);
  staticbase = subtype;
  while (staticbase != NULL && staticbase->tp_new == slot_tp_new)
    staticbase = staticbase->tp_base;
  if (staticbase != NULL && staticbase->tp_new != type->tp_new)
    return hs_err_format (vm, vm->types.TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                          type->name, subtype->name, staticbase->name);
  return type->tp_new (vm, callable, args + 1, nargs - 1, kwnames);
}

static const HsMethodDef tp_new_wrapper_def = { "__new__", tp_new_wrapper, 0, NULL };

void
_hs_slots_add_wrappers (HsVM   *vm,
                        HsType *t)
{
  /* Only slots the type defines itself: inherited ones are found through
   * the MRO, as in CPython. Call before inheriting slots. */
  for (gsize i = 0; i < G_N_ELEMENTS (slot_wrappers); i++)
    {
      const HsSlotWrapper *w = &slot_wrappers[i];
      gpointer fn = G_STRUCT_MEMBER (gpointer, t, w->slot_offset);
      gpointer base_fn = t->tp_base != NULL
                         ? G_STRUCT_MEMBER (gpointer, t->tp_base, w->slot_offset) : NULL;
      HsObject *descr;

      if (fn == NULL || fn == base_fn)
        continue;
      if (hs_dict_getitem_str (vm, t->dict, w->def.name) != NULL)
        continue;
      descr = hs_method_descr_new (vm, t, &w->def);
      hs_dict_setitem_str (vm, t->dict, w->def.name, descr);
      hs_decref (vm, descr);
    }

  /* add_tp_new_wrapper: a type's own tp_new is its __new__, a built-in
   * function bound to the type. */
  if (((t->tp_new != NULL && (t->tp_base == NULL || t->tp_new != t->tp_base->tp_new))
       || (t->tp_flags & HS_TPFLAG_EXCEPTION))   /* each sets BaseException_new */
      && hs_dict_getitem_str (vm, t->dict, "__new__") == NULL)
    {
      HsObject *f = hs_cfunction_new (vm, &tp_new_wrapper_def, (HsObject *) t, NULL);

      if (f != NULL)
        {
          hs_dict_setitem_str (vm, t->dict, "__new__", f);
          hs_decref (vm, f);
        }
    }
}
