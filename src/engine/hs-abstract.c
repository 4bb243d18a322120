/* hs-abstract.c — protocol-level operations on any object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-func-object.h"
#include "hs-number-object.h"
#include "hs-recursion.h"
#include "hs-slots.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* repr / str --------------------------------------------------------------- */

HsObject *
hs_object_repr (HsVM     *vm,
                HsObject *o)
{
  HsType *t = o->ob_type;
  HsObject *res;

  if (t->tp_repr == NULL)
    return hs_str_new_printf (vm, "<%s object at 0x%" G_GINT64_MODIFIER "x>",
                              t->name, hs_object_id (o));
  if (!hs_enter_recursive_call (vm, " while getting the repr of an object"))
    return NULL;
  res = t->tp_repr (vm, o);
  hs_leave_recursive_call (vm);
  return res;
}

HsObject *
hs_object_str (HsVM     *vm,
               HsObject *o)
{
  HsType *t = o->ob_type;
  HsObject *res;

  if (t == vm->types.str)
    return hs_incref (o);
  if (t->tp_str == NULL)
    return hs_object_repr (vm, o);
  if (!hs_enter_recursive_call (vm, " while getting the str of an object"))
    return NULL;
  res = t->tp_str (vm, o);
  hs_leave_recursive_call (vm);
  return res;
}

gboolean
hs_object_repr_append (HsVM     *vm,
                       HsObject *o,
                       GString  *out)
{
  HsObject *s = hs_object_repr (vm, o);

  if (s == NULL)
    return FALSE;
  g_string_append_len (out, hs_str_utf8 (s), hs_str_nbytes (s));
  hs_decref (vm, s);
  return TRUE;
}

gboolean
hs_object_str_append (HsVM     *vm,
                      HsObject *o,
                      GString  *out)
{
  HsObject *s = hs_object_str (vm, o);

  if (s == NULL)
    return FALSE;
  g_string_append_len (out, hs_str_utf8 (s), hs_str_nbytes (s));
  hs_decref (vm, s);
  return TRUE;
}

gboolean
hs_repr_enter (HsVM     *vm,
               HsObject *o)
{
  if (vm->repr_guard == NULL)
    vm->repr_guard = g_hash_table_new (NULL, NULL);
  if (g_hash_table_contains (vm->repr_guard, o))
    return FALSE;
  g_hash_table_add (vm->repr_guard, o);
  return TRUE;
}

void
hs_repr_leave (HsVM     *vm,
               HsObject *o)
{
  if (vm->repr_guard != NULL)
    g_hash_table_remove (vm->repr_guard, o);
}

/* hash / compare / truth ------------------------------------------------- */

gboolean
hs_object_hash (HsVM     *vm,
                HsObject *o,
                gint64   *hash)
{
  HsType *t = o->ob_type;

  if (t->tp_hash == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "unhashable type: '%s'", t->name);
      return FALSE;
    }
  /* Not on the recursion counter (CPython's tuplehash is not either), but
   * a tuple nested 100,000 deep must not overflow the real stack. */
  if (!hs_stack_check (vm))
    return FALSE;
  return t->tp_hash (vm, o, hash);
}

static const int swapped_op[] = { HS_GT, HS_GE, HS_EQ, HS_NE, HS_LT, HS_LE };
static const char *const op_symbol[] = { "<", "<=", "==", "!=", ">", ">=" };

static HsObject *
do_richcompare (HsVM     *vm,
                HsObject *v,
                HsObject *w,
                int       op)
{
  HsType *vt = v->ob_type, *wt = w->ob_type;
  gboolean checked_reverse = FALSE;
  HsObject *res;

  if (vt != wt && hs_type_is_subtype (wt, vt) && wt->tp_richcompare != NULL)
    {
      checked_reverse = TRUE;
      res = wt->tp_richcompare (vm, w, v, swapped_op[op]);
      if (res != vm->not_implemented)
        return res;
      hs_decref (vm, res);
    }
  if (vt->tp_richcompare != NULL)
    {
      res = vt->tp_richcompare (vm, v, w, op);
      if (res != vm->not_implemented)
        return res;
      hs_decref (vm, res);
    }
  if (!checked_reverse && wt->tp_richcompare != NULL)
    {
      res = wt->tp_richcompare (vm, w, v, swapped_op[op]);
      if (res != vm->not_implemented)
        return res;
      hs_decref (vm, res);
    }

  switch (op)
    {
    case HS_EQ:
      return hs_bool (vm, v == w);
    case HS_NE:
      return hs_bool (vm, v != w);
    default:
      return hs_err_format (vm, vm->types.TypeError,
                            "'%s' not supported between instances of '%s' and '%s'",
                            op_symbol[op], vt->name, wt->name);
    }
}

HsObject *
hs_object_richcompare (HsVM     *vm,
                       HsObject *v,
                       HsObject *w,
                       int       op)
{
  HsType *t = v->ob_type;
  HsObject *res;

  /* CPython 3.11 compares two ints, floats or strs in specialized
   * instructions that skip the recursion counter (so `n == 0` works at the
   * deepest frame); anything else may recurse, like [[[…]]] == [[[…]]]. */
  if (t == w->ob_type && (t == vm->types.int_ || t == vm->types.float_ || t == vm->types.str))
    return hs_stack_check (vm) ? do_richcompare (vm, v, w, op) : NULL;
  if (!hs_enter_recursive_call (vm, " in comparison"))
    return NULL;
  res = do_richcompare (vm, v, w, op);
  hs_leave_recursive_call (vm);
  return res;
}

int
hs_object_richcompare_bool (HsVM     *vm,
                            HsObject *a,
                            HsObject *b,
                            int       op)
{
  HsObject *res;
  int truth;

  if (a == b)
    {
      if (op == HS_EQ)
        return 1;
      if (op == HS_NE)
        return 0;
    }
  res = hs_object_richcompare (vm, a, b, op);
  if (res == NULL)
    return -1;
  if (res->ob_type == vm->types.bool_)
    truth = res == vm->true_obj;
  else
    truth = hs_object_is_true (vm, res);
  hs_decref (vm, res);
  return truth;
}

int
hs_object_is_true (HsVM     *vm,
                   HsObject *o)
{
  HsType *t = o->ob_type;

  if (o == vm->true_obj)
    return 1;
  if (o == vm->false_obj || o == vm->none)
    return 0;
  if (t->nb_bool != NULL)
    return t->nb_bool (vm, o);
  if (t->sq_length != NULL)
    {
      gssize n = t->sq_length (vm, o);

      return n < 0 ? -1 : n > 0;
    }
  return 1;
}

gssize
hs_object_length (HsVM     *vm,
                  HsObject *o)
{
  HsType *t = o->ob_type;

  if (t->sq_length == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "object of type '%s' has no len()", t->name);
      return -1;
    }
  return t->sq_length (vm, o);
}

/* Attributes --------------------------------------------------------------- */

static HsObject *
attribute_error (HsVM     *vm,
                 HsObject *o,
                 HsObject *name)
{
  HsObject *exc;

  hs_err_format (vm, vm->types.AttributeError, "'%s' object has no attribute '%s'",
                 hs_type_name (o), hs_str_utf8 (name));
  /* name and obj feed the "Did you mean" suggestion of the traceback. */
  exc = vm->exc;
  if (exc != NULL)
    {
      hs_set_ref (vm, &HS_EXC (exc)->extra, hs_incref (name));
      hs_set_ref (vm, &HS_EXC (exc)->extra2, hs_incref (o));
    }
  return NULL;
}

HsObject *
hs_object_generic_getattr (HsVM     *vm,
                           HsObject *o,
                           HsObject *name)
{
  HsType *t = o->ob_type;
  HsObject *descr, *v;

  if (!hs_str_check (name))
    return hs_err_format (vm, vm->types.TypeError, "attribute name must be string, not '%s'",
                          hs_type_name (name));

  descr = hs_type_lookup (t, name);
  if (descr != NULL && _hs_descr_is_data (descr))
    return _hs_descr_get (vm, descr, o, t);

  if (hs_str_equal_cstr (name, "__class__"))
    return hs_incref ((HsObject *) t);
  if (hs_str_equal_cstr (name, "__dict__") && (t->tp_flags & HS_TPFLAG_HAS_DICT))
    return hs_instance_get_dict (vm, o);

  v = hs_instance_get_attr (vm, o, name);
  if (v != NULL)
    return hs_incref (v);
  if (hs_err_occurred (vm))
    return NULL;

  if (descr != NULL)
    return _hs_descr_get (vm, descr, o, t);

  if (hs_str_equal_cstr (name, "__doc__"))
    return hs_none (vm);

  return attribute_error (vm, o, name);
}

int
hs_object_generic_setattr (HsVM     *vm,
                           HsObject *o,
                           HsObject *name,
                           HsObject *value)
{
  HsType *t = o->ob_type;
  HsObject *descr;
  int res;

  if (!hs_str_check (name))
    {
      hs_err_format (vm, vm->types.TypeError, "attribute name must be string, not '%s'",
                     hs_type_name (name));
      return -1;
    }

  descr = hs_type_lookup (t, name);
  if (descr != NULL && _hs_descr_is_data (descr))
    {
      int r;

      hs_incref (descr);
      r = _hs_descr_set (vm, descr, o, value);
      hs_decref (vm, descr);
      return r;
    }

  if (!(t->tp_flags & HS_TPFLAG_HAS_DICT) || hs_instance_ext (o) == NULL)
    {
      if (descr != NULL)
        hs_err_format (vm, vm->types.AttributeError,
                       "'%s' object attribute '%s' is read-only", t->name, hs_str_utf8 (name));
      else if (t->ext_offset != 0)
        hs_err_format (vm, vm->types.AttributeError, "'%s' object has no attribute '%s'",
                       t->name, hs_str_utf8 (name));
      else
        hs_err_format (vm, vm->types.AttributeError,
                       "'%s' object has no attribute '%s'", t->name, hs_str_utf8 (name));
      return -1;
    }

  res = hs_instance_set_attr (vm, o, name, value);
  if (res < 0)
    return -1;
  if (res == 0 && value == NULL)
    {
      attribute_error (vm, o, name);
      return -1;
    }
  return 0;
}

HsObject *
hs_object_getattr (HsVM     *vm,
                   HsObject *o,
                   HsObject *name)
{
  HsType *t = o->ob_type;

  if (t->tp_getattro == NULL)
    return attribute_error (vm, o, name);
  return t->tp_getattro (vm, o, name);
}

HsObject *
hs_object_getattr_cstr (HsVM       *vm,
                        HsObject   *o,
                        const char *name)
{
  HsObject *n = hs_str_intern (vm, name);
  HsObject *res;

  if (n == NULL)
    return NULL;
  res = hs_object_getattr (vm, o, n);
  hs_decref (vm, n);
  return res;
}

HsObject *
hs_object_lookup_attr (HsVM     *vm,
                       HsObject *o,
                       HsObject *name)
{
  HsObject *res = hs_object_getattr (vm, o, name);

  if (res == NULL && hs_err_matches (vm, vm->types.AttributeError))
    hs_err_clear (vm);
  return res;
}

int
hs_object_setattr (HsVM     *vm,
                   HsObject *o,
                   HsObject *name,
                   HsObject *value)
{
  HsType *t = o->ob_type;

  if (t->tp_setattro == NULL)
    {
      gboolean has_attrs = t->tp_getattro != NULL && hs_type_lookup (t, name) != NULL;

      hs_err_format (vm, vm->types.AttributeError,
                     has_attrs ? "'%s' object attribute '%s' is read-only"
                               : "'%s' object has no attribute '%s'",
                     t->name, hs_str_utf8 (name));
      return -1;
    }
  return t->tp_setattro (vm, o, name, value);
}

/* Items ------------------------------------------------------------------- */

HsObject *
hs_object_getitem (HsVM     *vm,
                   HsObject *o,
                   HsObject *key)
{
  HsType *t = o->ob_type;

  if (t->mp_subscript == NULL)
    {
      if (t == vm->types.type)
        {
          /* list[int] and friends: generic aliases are not modelled. */
          return hs_err_format (vm, vm->types.NotImplementedError,
                                "type subscripts (generics) are not supported in Heapscope");
        }
      return hs_err_format (vm, vm->types.TypeError, "'%s' object is not subscriptable",
                            t->name);
    }
  return t->mp_subscript (vm, o, key);
}

int
hs_object_setitem (HsVM     *vm,
                   HsObject *o,
                   HsObject *key,
                   HsObject *value)
{
  HsType *t = o->ob_type;

  if (t->mp_ass_subscript == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "'%s' object does not support item assignment",
                     t->name);
      return -1;
    }
  return t->mp_ass_subscript (vm, o, key, value);
}

int
hs_object_delitem (HsVM     *vm,
                   HsObject *o,
                   HsObject *key)
{
  HsType *t = o->ob_type;

  if (t->mp_ass_subscript == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "'%s' object doesn't support item deletion",
                     t->name);
      return -1;
    }
  return t->mp_ass_subscript (vm, o, key, NULL);
}

int
hs_object_contains (HsVM     *vm,
                    HsObject *container,
                    HsObject *item)
{
  HsType *t = container->ob_type;
  HsObject *it, *v;

  if (t->sq_contains != NULL)
    return t->sq_contains (vm, container, item);

  /* Fall back to iteration, as PySequence_Contains does. */
  if (t->tp_iter == NULL && t->mp_subscript == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "argument of type '%s' is not iterable", t->name);
      return -1;
    }
  it = hs_object_get_iter (vm, container);
  if (it == NULL)
    return -1;
  while ((v = hs_iter_next (vm, it)) != NULL)
    {
      int eq = hs_object_richcompare_bool (vm, v, item, HS_EQ);

      hs_decref (vm, v);
      if (eq != 0)
        {
          hs_decref (vm, it);
          return eq;
        }
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? -1 : 0;
}

/* Iteration ----------------------------------------------------------------- */

HsObject *
hs_object_get_iter (HsVM     *vm,
                    HsObject *o)
{
  HsType *t = o->ob_type;

  if (t->tp_iter != NULL)
    {
      HsObject *it = t->tp_iter (vm, o);

      if (it != NULL && it->ob_type->tp_iternext == NULL)
        {
          hs_err_format (vm, vm->types.TypeError, "iter() returned non-iterator of type '%s'",
                         hs_type_name (it));
          hs_decref (vm, it);
          return NULL;
        }
      return it;
    }
  if (t->mp_subscript != NULL && t != vm->types.dict)
    return _hs_seq_iter_new (vm, o);
  return hs_err_format (vm, vm->types.TypeError, "'%s' object is not iterable", t->name);
}

HsObject *
hs_iter_next (HsVM     *vm,
              HsObject *iter)
{
  HsObject *v;

  /* Built-ins loop over this within one step: sum(range(10**12)). */
  if (!hs_work_tick (vm))
    return NULL;
  v = iter->ob_type->tp_iternext (vm, iter);
  if (v == NULL && hs_err_matches (vm, vm->types.StopIteration))
    hs_err_clear (vm);
  return v;
}

HsObject *
hs_sequence_list (HsVM     *vm,
                  HsObject *iterable)
{
  HsObject *list = hs_list_new (vm, 0);

  if (list == NULL)
    return NULL;
  if (hs_list_extend (vm, list, iterable) < 0)
    {
      hs_decref (vm, list);
      return NULL;
    }
  return list;
}

HsObject *
hs_sequence_tuple (HsVM     *vm,
                   HsObject *iterable)
{
  return hs_tuple_from_iterable (vm, iterable);
}

/* Calls ------------------------------------------------------------------- */

gboolean
hs_callable_check (HsObject *o)
{
  return o->ob_type->tp_call != NULL;
}

HsObject *
hs_object_call (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  HsType *t = callable->ob_type;
  gboolean is_class;
  HsObject *res;

  if (t->tp_call == NULL)
    return hs_err_format (vm, vm->types.TypeError, "'%s' object is not callable", t->name);

  /* Calling a class counts on the recursion limit, as CPython's
   * _PyObject_MakeTpCall does (so recursion through __init__ stops at half
   * the depth); every call checks the real stack. */
  is_class = hs_type_is_subtype (t, vm->types.type)
             && (((HsType *) callable)->tp_flags & HS_TPFLAG_HEAPTYPE);
  if (is_class)
    {
      if (!hs_enter_recursive_call (vm, " while calling a Python object"))
        return NULL;
    }
  else if (!hs_stack_check (vm))
    return NULL;

  vm->c_depth++;
  res = t->tp_call (vm, callable, args, nargs, kwnames);
  vm->c_depth--;
  if (is_class)
    hs_leave_recursive_call (vm);
  return res;
}

HsObject *
hs_object_call_method (HsVM            *vm,
                       HsObject        *self,
                       const char      *name,
                       HsObject *const *args,
                       gsize            nargs)
{
  HsObject *meth = hs_object_getattr_cstr (vm, self, name);
  HsObject *res;

  if (meth == NULL)
    return NULL;
  res = hs_object_call (vm, meth, args, nargs, NULL);
  hs_decref (vm, meth);
  return res;
}

gboolean
hs_check_nargs (HsVM       *vm,
                const char *fname,
                gsize       nargs,
                gsize       min,
                gsize       max)
{
  if (nargs >= min && nargs <= max)
    return TRUE;

  if (min == max)
    {
      if (min == 0)
        hs_err_format (vm, vm->types.TypeError, "%s() takes no arguments (%" G_GSIZE_FORMAT " given)",
                       fname, nargs);
      else if (min == 1)
        hs_err_format (vm, vm->types.TypeError,
                       "%s() takes exactly one argument (%" G_GSIZE_FORMAT " given)", fname, nargs);
      else
        hs_err_format (vm, vm->types.TypeError,
                       "%s expected %" G_GSIZE_FORMAT " arguments, got %" G_GSIZE_FORMAT,
                       fname, min, nargs);
    }
  else if (nargs < min)
    hs_err_format (vm, vm->types.TypeError,
                   "%s expected at least %" G_GSIZE_FORMAT " argument%s, got %" G_GSIZE_FORMAT,
                   fname, min, min == 1 ? "" : "s", nargs);
  else
    hs_err_format (vm, vm->types.TypeError,
                   "%s expected at most %" G_GSIZE_FORMAT " argument%s, got %" G_GSIZE_FORMAT,
                   fname, max, max == 1 ? "" : "s", nargs);
  return FALSE;
}

gboolean
hs_check_no_kwargs (HsVM       *vm,
                    const char *fname,
                    HsObject   *kwnames)
{
  if (kwnames == NULL || HS_TUPLE (kwnames)->len == 0)
    return TRUE;
  hs_err_format (vm, vm->types.TypeError, "%s() takes no keyword arguments", fname);
  return FALSE;
}

/* Numbers ------------------------------------------------------------------ */

static const char *const binop_symbols[HS_N_BINOPS] = {
  "+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//",
};

static const char *const inplace_symbols[HS_N_BINOPS] = {
  "+=", "-=", "*=", "@=", "/=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&=", "//=",
};

/* binary_op1: the left operand's slot, then the right one's, the right one
 * first when its type is a subclass of the left one's. */
static HsObject *
binary_op1 (HsVM     *vm,
            HsObject *v,
            HsObject *w,
            int       op)
{
  HsBinaryFunc slotv = v->ob_type->nb[op];
  HsBinaryFunc slotw = NULL;
  HsObject *x;

  if (w->ob_type != v->ob_type)
    {
      slotw = w->ob_type->nb[op];
      if (slotw == slotv)
        slotw = NULL;
    }
  if (slotv != NULL)
    {
      if (slotw != NULL && hs_type_is_subtype (w->ob_type, v->ob_type))
        {
          x = slotw (vm, v, w);
          if (x != vm->not_implemented)
            return x;
          hs_decref (vm, x);
          slotw = NULL;
        }
      x = slotv (vm, v, w);
      if (x != vm->not_implemented)
        return x;
      hs_decref (vm, x);
    }
  if (slotw != NULL)
    {
      x = slotw (vm, v, w);
      if (x != vm->not_implemented)
        return x;
      hs_decref (vm, x);
    }
  return hs_not_implemented (vm);
}

static HsObject *
binop_type_error (HsVM       *vm,
                  HsObject   *v,
                  HsObject   *w,
                  const char *symbol,
                  int         op)
{
  /* str + int has its own message in CPython (from str's concatenation). */
  if (op == HS_OP_ADD && hs_str_check (v) && !hs_str_check (w))
    return hs_err_format (vm, vm->types.TypeError, "can only concatenate str (not \"%s\") to str",
                          hs_type_name (w));
  if (op == HS_OP_ADD && v->ob_type == vm->types.list && w->ob_type != vm->types.list)
    return hs_err_format (vm, vm->types.TypeError,
                          "can only concatenate list (not \"%s\") to list", hs_type_name (w));
  if (op == HS_OP_ADD && v->ob_type == vm->types.tuple && w->ob_type != vm->types.tuple)
    return hs_err_format (vm, vm->types.TypeError,
                          "can only concatenate tuple (not \"%s\") to tuple", hs_type_name (w));
  if (op == HS_OP_MULT && (hs_str_check (v) || hs_str_check (w)
                           || v->ob_type == vm->types.list || w->ob_type == vm->types.list
                           || v->ob_type == vm->types.tuple || w->ob_type == vm->types.tuple))
    {
      HsObject *n = hs_int_check (v) ? v : w;

      if (hs_int_check (n) || hs_float_check (n) || n == v || n == w)
        return hs_err_format (vm, vm->types.TypeError,
                              "can't multiply sequence by non-int of type '%s'",
                              hs_type_name (hs_int_check (v) || hs_str_check (w)
                                            || w->ob_type == vm->types.list
                                            || w->ob_type == vm->types.tuple ? v : w));
    }
  return hs_err_format (vm, vm->types.TypeError,
                        "unsupported operand type(s) for %s: '%s' and '%s'",
                        symbol, hs_type_name (v), hs_type_name (w));
}

HsObject *
hs_number_binop (HsVM     *vm,
                 HsObject *v,
                 HsObject *w,
                 int       op)
{
  HsObject *res = binary_op1 (vm, v, w, op);

  if (res != vm->not_implemented)
    return res;
  hs_decref (vm, res);
  return binop_type_error (vm, v, w, binop_symbols[op], op);
}

HsObject *
hs_number_inplace_binop (HsVM     *vm,
                         HsObject *v,
                         HsObject *w,
                         int       op)
{
  HsBinaryFunc slot = v->ob_type->nb_inplace[op];
  HsObject *res;

  if (slot != NULL)
    {
      res = slot (vm, v, w);
      if (res != vm->not_implemented)
        return res;
      hs_decref (vm, res);
    }
  res = binary_op1 (vm, v, w, op);
  if (res != vm->not_implemented)
    return res;
  hs_decref (vm, res);
  return binop_type_error (vm, v, w, inplace_symbols[op], op);
}

HsObject *
hs_number_negative (HsVM     *vm,
                    HsObject *o)
{
  if (o->ob_type->nb_negative == NULL)
    return hs_err_format (vm, vm->types.TypeError, "bad operand type for unary -: '%s'",
                          hs_type_name (o));
  return o->ob_type->nb_negative (vm, o);
}

HsObject *
hs_number_positive (HsVM     *vm,
                    HsObject *o)
{
  if (o->ob_type->nb_positive == NULL)
    return hs_err_format (vm, vm->types.TypeError, "bad operand type for unary +: '%s'",
                          hs_type_name (o));
  return o->ob_type->nb_positive (vm, o);
}

HsObject *
hs_number_invert (HsVM     *vm,
                  HsObject *o)
{
  if (o->ob_type->nb_invert == NULL)
    return hs_err_format (vm, vm->types.TypeError, "bad operand type for unary ~: '%s'",
                          hs_type_name (o));
  return o->ob_type->nb_invert (vm, o);
}

gboolean
hs_number_as_ssize (HsVM     *vm,
                    HsObject *o,
                    gssize   *out)
{
  gint64 v;

  if (hs_int_check (o))
    {
      if (!hs_int_as_i64 (NULL, o, &v))
        {
          hs_err_format (vm, vm->types.IndexError,
                         "cannot fit 'int' into an index-sized integer");
          return FALSE;
        }
      *out = v;
      return TRUE;
    }
  if (o->ob_type->nb_index != NULL)
    {
      HsObject *i = o->ob_type->nb_index (vm, o);
      gboolean ok;

      if (i == NULL)
        return FALSE;
      if (!hs_int_check (i))
        {
          hs_err_format (vm, vm->types.TypeError, "__index__ returned non-int (type %s)",
                         hs_type_name (i));
          hs_decref (vm, i);
          return FALSE;
        }
      ok = hs_number_as_ssize (vm, i, out);
      hs_decref (vm, i);
      return ok;
    }
  hs_err_format (vm, vm->types.TypeError,
                 "'%s' object cannot be interpreted as an integer", hs_type_name (o));
  return FALSE;
}
