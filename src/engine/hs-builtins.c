/* hs-builtins.c — the builtins module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-containers.h"
#include "hs-eval.h"
#include "hs-exc-object.h"
#include "hs-float.h"
#include "hs-format-object.h"
#include "hs-frame.h"
#include "hs-func-object.h"
#include "hs-modules.h"
#include "hs-number-object.h"
#include "hs-slots.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

#define BUILTIN(name) \
  static HsObject *builtin_##name (HsVM *vm, HsObject *callable, HsObject *const *args, \
                                   gsize nargs, HsObject *kwnames)

static gsize
n_kw (HsObject *kwnames)
{
  return kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;
}

/* Finds keyword @name among the call's keywords; returns the value or NULL. */
static HsObject *
kwarg (HsObject        *kwnames,
       HsObject *const *args,
       gsize            nargs,
       const char      *name)
{
  for (gsize i = 0; i < n_kw (kwnames); i++)
    if (hs_str_equal_cstr (HS_TUPLE (kwnames)->items[i], name))
      return args[nargs + i];
  return NULL;
}

static gboolean
check_kwargs (HsVM        *vm,
              const char  *fname,
              HsObject    *kwnames,
              const char **allowed)
{
  for (gsize i = 0; i < n_kw (kwnames); i++)
    {
      const char *k = hs_str_utf8 (HS_TUPLE (kwnames)->items[i]);
      gboolean ok = FALSE;

      for (const char **a = allowed; *a != NULL; a++)
        ok = ok || strcmp (*a, k) == 0;
      if (!ok)
        {
          hs_err_format (vm, vm->types.TypeError, "'%s' is an invalid keyword argument for %s()",
                         k, fname);
          return FALSE;
        }
    }
  return TRUE;
}

BUILTIN (print)
{
  static const char *allowed[] = { "sep", "end", "file", "flush", NULL };
  HsObject *sep = kwarg (kwnames, args, nargs, "sep");
  HsObject *end = kwarg (kwnames, args, nargs, "end");
  HsObject *file = kwarg (kwnames, args, nargs, "file");
  GString *out;
  HsStream stream = HS_STREAM_STDOUT;

  if (!check_kwargs (vm, "print", kwnames, allowed))
    return NULL;
  if (sep != NULL && sep != vm->none && !hs_str_check (sep))
    return hs_err_format (vm, vm->types.TypeError, "sep must be None or a string, not %s",
                          hs_type_name (sep));
  if (end != NULL && end != vm->none && !hs_str_check (end))
    return hs_err_format (vm, vm->types.TypeError, "end must be None or a string, not %s",
                          hs_type_name (end));
  if (file != NULL && file != vm->none)
    {
      HsObject *sys_err = hs_dict_getitem_str (vm, HS_MODULE (vm->sys_module)->dict, "stderr");
      HsObject *sys_out = hs_dict_getitem_str (vm, HS_MODULE (vm->sys_module)->dict, "stdout");

      if (file == sys_err)
        stream = HS_STREAM_STDERR;
      else if (file != sys_out)
        {
          /* Any object with a write() method, as print does. */
          out = g_string_new (NULL);
          for (gsize i = 0; i < nargs; i++)
            {
              if (i > 0)
                g_string_append (out, sep != NULL && sep != vm->none ? hs_str_utf8 (sep) : " ");
              if (!hs_object_str_append (vm, args[i], out))
                {
                  g_string_free (out, TRUE);
                  return NULL;
                }
            }
          g_string_append (out, end != NULL && end != vm->none ? hs_str_utf8 (end) : "\n");
          {
            HsObject *s = hs_str_from_gstring (vm, out);
            HsObject *r = s != NULL ? hs_object_call_method (vm, file, "write", &s, 1) : NULL;

            hs_xdecref (vm, s);
            g_string_free (out, TRUE);
            if (r == NULL)
              return NULL;
            hs_decref (vm, r);
          }
          return hs_none (vm);
        }
    }

  out = g_string_new (NULL);
  for (gsize i = 0; i < nargs; i++)
    {
      if (i > 0)
        {
          if (sep != NULL && sep != vm->none)
            g_string_append_len (out, hs_str_utf8 (sep), hs_str_nbytes (sep));
          else
            g_string_append_c (out, ' ');
        }
      if (!hs_object_str_append (vm, args[i], out))
        {
          /* What was formatted so far is not written, like CPython's
           * print, which formats each argument before writing it. */
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  if (end != NULL && end != vm->none)
    g_string_append_len (out, hs_str_utf8 (end), hs_str_nbytes (end));
  else
    g_string_append_c (out, '\n');
  hs_vm_write (vm, stream, out->str, out->len);
  g_string_free (out, TRUE);
  return hs_none (vm);
}

BUILTIN (len)
{
  gssize n;

  if (!hs_check_no_kwargs (vm, "len", kwnames) || !hs_check_nargs (vm, "len", nargs, 1, 1))
    return NULL;
  n = hs_object_length (vm, args[0]);
  return n < 0 ? NULL : hs_int_from_i64 (vm, n);
}

BUILTIN (repr)
{
  if (!hs_check_no_kwargs (vm, "repr", kwnames) || !hs_check_nargs (vm, "repr", nargs, 1, 1))
    return NULL;
  return hs_object_repr (vm, args[0]);
}

BUILTIN (ascii)
{
  HsObject *r;
  GString *s;
  const char *p;

  if (!hs_check_nargs (vm, "ascii", nargs, 1, 1))
    return NULL;
  r = hs_object_repr (vm, args[0]);
  if (r == NULL)
    return NULL;
  s = g_string_new (NULL);
  for (p = hs_str_utf8 (r); *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128)
        g_string_append_c (s, (char) c);
      else if (c < 0x100)
        g_string_append_printf (s, "\\x%02x", c);
      else if (c < 0x10000)
        g_string_append_printf (s, "\\u%04x", c);
      else
        g_string_append_printf (s, "\\U%08x", c);
    }
  hs_decref (vm, r);
  r = hs_str_from_gstring (vm, s);
  g_string_free (s, TRUE);
  return r;
}

static gboolean
class_or_tuple_check (HsVM       *vm,
                      HsObject   *cls,
                      const char *fname)
{
  if (cls->ob_type == vm->types.type)
    return TRUE;
  if (hs_isinstance (cls, vm->types.tuple))
    {
      for (gsize i = 0; i < HS_TUPLE (cls)->len; i++)
        if (!class_or_tuple_check (vm, HS_TUPLE (cls)->items[i], fname))
          return FALSE;
      return TRUE;
    }
  hs_err_format (vm, vm->types.TypeError,
                 "%s() arg 2 must be a type, a tuple of types, or a union", fname);
  return FALSE;
}

static gboolean
subclass_of (HsVM     *vm,
             HsType   *t,
             HsObject *cls)
{
  if (hs_isinstance (cls, vm->types.tuple))
    {
      for (gsize i = 0; i < HS_TUPLE (cls)->len; i++)
        if (subclass_of (vm, t, HS_TUPLE (cls)->items[i]))
          return TRUE;
      return FALSE;
    }
  return hs_type_is_subtype (t, (HsType *) cls);
}

BUILTIN (isinstance)
{
  if (!hs_check_no_kwargs (vm, "isinstance", kwnames)
      || !hs_check_nargs (vm, "isinstance", nargs, 2, 2)
      || !class_or_tuple_check (vm, args[1], "isinstance"))
    return NULL;
  return hs_bool (vm, subclass_of (vm, args[0]->ob_type, args[1]));
}

BUILTIN (issubclass)
{
  if (!hs_check_no_kwargs (vm, "issubclass", kwnames)
      || !hs_check_nargs (vm, "issubclass", nargs, 2, 2))
    return NULL;
  if (args[0]->ob_type != vm->types.type)
    return hs_err_format (vm, vm->types.TypeError, "issubclass() arg 1 must be a class");
  if (!class_or_tuple_check (vm, args[1], "issubclass"))
    return NULL;
  return hs_bool (vm, subclass_of (vm, (HsType *) args[0], args[1]));
}

BUILTIN (id)
{
  if (!hs_check_nargs (vm, "id", nargs, 1, 1))
    return NULL;
  return hs_int_from_i64 (vm, (gint64) hs_object_id (args[0]));
}

static HsObject *
int_to_base (HsVM       *vm,
             HsObject   *o,
             int         base,
             const char *fname)
{
  g_autofree char *text = NULL;

  if (!hs_int_check (o))
    {
      if (o->ob_type->nb_index != NULL)
        {
          HsObject *i = o->ob_type->nb_index (vm, o);
          HsObject *r;

          if (i == NULL)
            return NULL;
          r = int_to_base (vm, i, base, fname);
          hs_decref (vm, i);
          return r;
        }
      return hs_err_format (vm, vm->types.TypeError,
                            "'%s' object cannot be interpreted as an integer", hs_type_name (o));
    }
  text = hs_int_to_string (o, base);
  return hs_str_new (vm, text, -1);
}

BUILTIN (hex)
{
  if (!hs_check_nargs (vm, "hex", nargs, 1, 1))
    return NULL;
  return int_to_base (vm, args[0], 16, "hex");
}

BUILTIN (oct)
{
  if (!hs_check_nargs (vm, "oct", nargs, 1, 1))
    return NULL;
  return int_to_base (vm, args[0], 8, "oct");
}

BUILTIN (bin)
{
  if (!hs_check_nargs (vm, "bin", nargs, 1, 1))
    return NULL;
  return int_to_base (vm, args[0], 2, "bin");
}

BUILTIN (abs)
{
  HsObject *o;

  if (!hs_check_nargs (vm, "abs", nargs, 1, 1))
    return NULL;
  o = args[0];
  if (hs_int_check (o) || hs_float_check (o))
    {
      HsObject *zero = vm->small_ints[-HS_SMALL_INT_MIN];
      int neg = hs_object_richcompare_bool (vm, o, zero, HS_LT);

      if (neg < 0)
        return NULL;
      if (hs_float_check (o))
        return hs_float_new (vm, fabs (HS_FLOAT (o)->value));
      return neg ? hs_number_negative (vm, o) : hs_number_positive (vm, o);
    }
  if (hs_type_lookup_cstr (o->ob_type, "__abs__") != NULL)
    return _hs_call_special (vm, o, "__abs__", NULL, 0, FALSE);
  return hs_err_format (vm, vm->types.TypeError, "bad operand type for abs(): '%s'",
                        hs_type_name (o));
}

BUILTIN (sum)
{
  HsObject *start = nargs > 1 ? args[1] : kwarg (kwnames, args, nargs, "start");
  HsObject *it, *acc, *item;
  static const char *allowed[] = { "start", NULL };

  if (!check_kwargs (vm, "sum", kwnames, allowed))
    return NULL;
  if (nargs < 1 || nargs > 2)
    return hs_err_format (vm, vm->types.TypeError,
                          nargs < 1 ? "sum() takes at least 1 positional argument (0 given)"
                                    : "sum() takes at most 2 arguments (%" G_GSIZE_FORMAT " given)",
                          nargs);
  if (start != NULL && hs_str_check (start))
    return hs_err_format (vm, vm->types.TypeError,
                          "sum() can't sum strings [use ''.join(seq) instead]");
  it = hs_object_get_iter (vm, args[0]);
  if (it == NULL)
    return NULL;
  acc = start != NULL ? hs_incref (start) : hs_int_from_i64 (vm, 0);
  while (acc != NULL && (item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *next = hs_number_binop (vm, acc, item, HS_OP_ADD);

      hs_decref (vm, acc);
      hs_decref (vm, item);
      acc = next;
    }
  hs_decref (vm, it);
  if (acc != NULL && hs_err_occurred (vm))
    hs_clear_ref (vm, &acc);
  return acc;
}

static HsObject *
min_max (HsVM            *vm,
         HsObject *const *args,
         gsize            nargs,
         HsObject        *kwnames,
         int              op,
         const char      *fname)
{
  static const char *allowed[] = { "key", "default", NULL };
  HsObject *key = kwarg (kwnames, args, nargs, "key");
  HsObject *dflt = kwarg (kwnames, args, nargs, "default");
  HsObject *it, *best = NULL, *best_key = NULL, *item;

  if (!check_kwargs (vm, fname, kwnames, allowed))
    return NULL;
  if (nargs == 0)
    return hs_err_format (vm, vm->types.TypeError,
                          "%s expected at least 1 argument, got 0", fname);
  if (nargs > 1 && dflt != NULL)
    return hs_err_format (vm, vm->types.TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments",
                          fname);
  if (key == vm->none)
    key = NULL;
  if (nargs == 1)
    it = hs_object_get_iter (vm, args[0]);
  else
    {
      HsObject *t = hs_tuple_from_array (vm, args, nargs);

      it = t != NULL ? hs_object_get_iter (vm, t) : NULL;
      hs_xdecref (vm, t);
    }
  if (it == NULL)
    return NULL;

  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *k = key != NULL ? hs_object_call (vm, key, &item, 1, NULL) : hs_incref (item);
      int better;

      if (k == NULL)
        {
          hs_decref (vm, item);
          goto fail;
        }
      if (best == NULL)
        {
          best = item;
          best_key = k;
          continue;
        }
      better = hs_object_richcompare_bool (vm, k, best_key, op);
      if (better < 0)
        {
          hs_decref (vm, k);
          hs_decref (vm, item);
          goto fail;
        }
      if (better)
        {
          hs_decref (vm, best);
          hs_decref (vm, best_key);
          best = item;
          best_key = k;
        }
      else
        {
          hs_decref (vm, item);
          hs_decref (vm, k);
        }
    }
  if (hs_err_occurred (vm))
    goto fail;
  hs_decref (vm, it);
  hs_xdecref (vm, best_key);
  if (best == NULL)
    {
      if (dflt != NULL)
        return hs_incref (dflt);
      return hs_err_format (vm, vm->types.ValueError, "%s() arg is an empty sequence", fname);
    }
  return best;

fail:
  hs_decref (vm, it);
  hs_xdecref (vm, best);
  hs_xdecref (vm, best_key);
  return NULL;
}

BUILTIN (min)
{
  return min_max (vm, args, nargs, kwnames, HS_LT, "min");
}

BUILTIN (max)
{
  return min_max (vm, args, nargs, kwnames, HS_GT, "max");
}

BUILTIN (sorted)
{
  static const char *allowed[] = { "key", "reverse", NULL };
  HsObject *key = kwarg (kwnames, args, nargs, "key");
  HsObject *reverse = kwarg (kwnames, args, nargs, "reverse");
  HsObject *list;
  int rev = 0;

  if (!check_kwargs (vm, "sorted", kwnames, allowed))
    return NULL;
  if (nargs != 1)
    return hs_err_format (vm, vm->types.TypeError,
                          "sorted expected 1 argument, got %" G_GSIZE_FORMAT, nargs);
  if (reverse != NULL && (rev = hs_object_is_true (vm, reverse)) < 0)
    return NULL;
  list = hs_sequence_list (vm, args[0]);
  if (list == NULL)
    return NULL;
  if (hs_list_sort (vm, list, key == vm->none ? NULL : key, rev) < 0)
    {
      hs_decref (vm, list);
      return NULL;
    }
  return list;
}

BUILTIN (iter)
{
  if (!hs_check_nargs (vm, "iter", nargs, 1, 2))
    return NULL;
  if (nargs == 2)
    {
      if (!hs_callable_check (args[0]))
        return hs_err_format (vm, vm->types.TypeError, "iter(v, w): v must be callable");
      return _hs_call_iter_new (vm, args[0], args[1]);
    }
  return hs_object_get_iter (vm, args[0]);
}

BUILTIN (next)
{
  HsObject *it, *res;

  if (!hs_check_nargs (vm, "next", nargs, 1, 2))
    return NULL;
  it = args[0];
  if (it->ob_type->tp_iternext == NULL)
    return hs_err_format (vm, vm->types.TypeError, "'%s' object is not an iterator",
                          hs_type_name (it));
  res = it->ob_type->tp_iternext (vm, it);
  if (res != NULL)
    return res;
  if (hs_err_occurred (vm))
    {
      if (nargs == 2 && hs_err_matches (vm, vm->types.StopIteration))
        {
          hs_err_clear (vm);
          return hs_incref (args[1]);
        }
      return NULL;
    }
  if (nargs == 2)
    return hs_incref (args[1]);
  return hs_err_set_object (vm, vm->types.StopIteration, NULL);
}

static HsObject *
attr_name (HsVM     *vm,
           HsObject *name,
           const char *fname)
{
  if (!hs_str_check (name))
    return hs_err_format (vm, vm->types.TypeError, "attribute name must be string, not '%s'",
                          hs_type_name (name));
  return name;
}

BUILTIN (getattr)
{
  HsObject *res;

  if (!hs_check_nargs (vm, "getattr", nargs, 2, 3) || attr_name (vm, args[1], "getattr") == NULL)
    return NULL;
  res = hs_object_getattr (vm, args[0], args[1]);
  if (res == NULL && nargs == 3 && hs_err_matches (vm, vm->types.AttributeError))
    {
      hs_err_clear (vm);
      return hs_incref (args[2]);
    }
  return res;
}

BUILTIN (setattr)
{
  if (!hs_check_nargs (vm, "setattr", nargs, 3, 3) || attr_name (vm, args[1], "setattr") == NULL)
    return NULL;
  if (hs_object_setattr (vm, args[0], args[1], args[2]) < 0)
    return NULL;
  return hs_none (vm);
}

BUILTIN (delattr)
{
  if (!hs_check_nargs (vm, "delattr", nargs, 2, 2) || attr_name (vm, args[1], "delattr") == NULL)
    return NULL;
  if (hs_object_setattr (vm, args[0], args[1], NULL) < 0)
    return NULL;
  return hs_none (vm);
}

BUILTIN (hasattr)
{
  HsObject *res;

  if (!hs_check_nargs (vm, "hasattr", nargs, 2, 2) || attr_name (vm, args[1], "hasattr") == NULL)
    return NULL;
  res = hs_object_getattr (vm, args[0], args[1]);
  if (res == NULL)
    {
      if (!hs_err_matches (vm, vm->types.AttributeError))
        return NULL;
      hs_err_clear (vm);
      return hs_bool (vm, FALSE);
    }
  hs_decref (vm, res);
  return hs_bool (vm, TRUE);
}

BUILTIN (callable)
{
  if (!hs_check_nargs (vm, "callable", nargs, 1, 1))
    return NULL;
  return hs_bool (vm, hs_callable_check (args[0]));
}

BUILTIN (round)
{
  static const char *allowed[] = { "number", "ndigits", NULL };
  HsObject *x = nargs > 0 ? args[0] : kwarg (kwnames, args, nargs, "number");
  HsObject *nd = nargs > 1 ? args[1] : kwarg (kwnames, args, nargs, "ndigits");

  if (!check_kwargs (vm, "round", kwnames, allowed))
    return NULL;
  if (x == NULL)
    return hs_err_format (vm, vm->types.TypeError,
                          "round() missing required argument 'number' (pos 1)");
  if (nd == vm->none)
    nd = NULL;
  if (hs_float_check (x))
    {
      double d = HS_FLOAT (x)->value;
      GError *error = NULL;

      if (nd == NULL)
        {
          HsBigInt *big;

          if (isnan (d))
            return hs_err_format (vm, vm->types.ValueError, "cannot convert float NaN to integer");
          if (isinf (d))
            return hs_err_format (vm, vm->types.OverflowError,
                                  "cannot convert float infinity to integer");
          big = hs_float_round_to_int (d, &error);
          if (big == NULL)
            {
              hs_err_set_string (vm, vm->types.OverflowError, error->message);
              g_error_free (error);
              return NULL;
            }
          return hs_int_from_bigint (vm, big);
        }
      else
        {
          gint64 n;
          double r;

          if (!hs_int_check (nd))
            return hs_err_format (vm, vm->types.TypeError,
                                  "'%s' object cannot be interpreted as an integer",
                                  hs_type_name (nd));
          if (!hs_int_as_i64 (vm, nd, &n))
            return NULL;
          if (!hs_float_round (d, (int) CLAMP (n, -10000, 10000), &r, &error))
            {
              hs_err_set_string (vm, vm->types.OverflowError, error->message);
              g_error_free (error);
              return NULL;
            }
          return hs_float_new (vm, r);
        }
    }
  if (hs_int_check (x))
    {
      gint64 n;

      if (nd == NULL)
        return hs_number_positive (vm, x);
      if (!hs_int_check (nd))
        return hs_err_format (vm, vm->types.TypeError,
                              "'%s' object cannot be interpreted as an integer", hs_type_name (nd));
      if (!hs_int_as_i64 (vm, nd, &n))
        return NULL;
      if (n >= 0)
        return hs_number_positive (vm, x);
      {
        /* Round half to even at 10**-n. */
        HsObject *ten = hs_int_from_i64 (vm, 10);
        HsObject *e = hs_int_from_i64 (vm, -n);
        HsObject *p = ten && e ? hs_number_binop (vm, ten, e, HS_OP_POW) : NULL;
        HsObject *q = NULL, *r = NULL, *twice = NULL, *res = NULL;
        int c;

        hs_xdecref (vm, ten);
        hs_xdecref (vm, e);
        if (p == NULL)
          return NULL;
        q = hs_number_binop (vm, x, p, HS_OP_FLOORDIV);
        r = q ? hs_number_binop (vm, x, p, HS_OP_MOD) : NULL;
        twice = r ? hs_number_binop (vm, r, vm->small_ints[2 - HS_SMALL_INT_MIN], HS_OP_MULT) : NULL;
        if (twice != NULL)
          {
            c = hs_int_compare (twice, p);
            if (c > 0 || (c == 0 && HS_INT (q)->big == NULL && (HS_INT (q)->value & 1)))
              {
                HsObject *q1 = hs_number_binop (vm, q, vm->small_ints[1 - HS_SMALL_INT_MIN], HS_OP_ADD);

                hs_decref (vm, q);
                q = q1;
              }
            res = q ? hs_number_binop (vm, q, p, HS_OP_MULT) : NULL;
          }
        hs_xdecref (vm, q);
        hs_xdecref (vm, r);
        hs_xdecref (vm, twice);
        hs_decref (vm, p);
        return res;
      }
    }
  if (hs_type_lookup_cstr (x->ob_type, "__round__") != NULL)
    return _hs_call_special (vm, x, "__round__", nd != NULL ? &nd : NULL, nd != NULL ? 1 : 0, FALSE);
  return hs_err_format (vm, vm->types.TypeError,
                        "type %s doesn't define __round__ method", hs_type_name (x));
}

BUILTIN (divmod)
{
  HsObject *q, *r, *res;

  if (!hs_check_nargs (vm, "divmod", nargs, 2, 2))
    return NULL;
  q = hs_number_binop (vm, args[0], args[1], HS_OP_FLOORDIV);
  if (q == NULL)
    {
      if (hs_err_matches (vm, vm->types.TypeError))
        {
          hs_err_clear (vm);
          hs_err_format (vm, vm->types.TypeError,
                         "unsupported operand type(s) for divmod(): '%s' and '%s'",
                         hs_type_name (args[0]), hs_type_name (args[1]));
        }
      return NULL;
    }
  r = hs_number_binop (vm, args[0], args[1], HS_OP_MOD);
  if (r == NULL)
    {
      hs_decref (vm, q);
      return NULL;
    }
  res = hs_tuple_new (vm, 2);
  if (res == NULL)
    {
      hs_decref (vm, q);
      hs_decref (vm, r);
      return NULL;
    }
  HS_TUPLE (res)->items[0] = q;
  HS_TUPLE (res)->items[1] = r;
  return res;
}

BUILTIN (pow)
{
  if (!hs_check_nargs (vm, "pow", nargs, 2, 3))
    return NULL;
  if (nargs == 3 && args[2] != vm->none)
    {
      GError *error = NULL;
      g_autoptr(HsBigInt) a = NULL;
      g_autoptr(HsBigInt) b = NULL;
      g_autoptr(HsBigInt) m = NULL;
      HsBigInt *r;

      if (!hs_int_check (args[0]) || !hs_int_check (args[1]) || !hs_int_check (args[2]))
        return hs_err_format (vm, vm->types.TypeError,
                              "pow() 3rd argument not allowed unless all arguments are integers");
      a = hs_int_to_bigint (args[0]);
      b = hs_int_to_bigint (args[1]);
      m = hs_int_to_bigint (args[2]);
      r = hs_bigint_pow_mod (a, b, m, &error);
      if (r == NULL)
        {
          hs_err_set_string (vm, vm->types.ValueError, error->message);
          g_error_free (error);
          return NULL;
        }
      return hs_int_from_bigint (vm, r);
    }
  return hs_number_binop (vm, args[0], args[1], HS_OP_POW);
}

static HsObject *
any_all (HsVM     *vm,
         HsObject *iterable,
         gboolean  want)
{
  HsObject *it = hs_object_get_iter (vm, iterable);
  HsObject *item;

  if (it == NULL)
    return NULL;
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      int t = hs_object_is_true (vm, item);

      hs_decref (vm, item);
      if (t < 0)
        {
          hs_decref (vm, it);
          return NULL;
        }
      if (t == want)
        {
          hs_decref (vm, it);
          return hs_bool (vm, want);
        }
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    return NULL;
  return hs_bool (vm, !want);
}

BUILTIN (any)
{
  if (!hs_check_nargs (vm, "any", nargs, 1, 1))
    return NULL;
  return any_all (vm, args[0], TRUE);
}

BUILTIN (all)
{
  if (!hs_check_nargs (vm, "all", nargs, 1, 1))
    return NULL;
  return any_all (vm, args[0], FALSE);
}

BUILTIN (chr)
{
  gint64 c;
  char buf[8];
  int n;

  if (!hs_check_nargs (vm, "chr", nargs, 1, 1))
    return NULL;
  if (!hs_int_check (args[0]))
    return hs_err_format (vm, vm->types.TypeError,
                          "'%s' object cannot be interpreted as an integer", hs_type_name (args[0]));
  if (!hs_int_as_i64 (NULL, args[0], &c) || c < 0 || c > 0x10ffff)
    return hs_err_format (vm, vm->types.ValueError, "chr() arg not in range(0x110000)");
  if (c >= 0xd800 && c <= 0xdfff)
    return hs_err_format (vm, vm->types.NotImplementedError,
                          "lone surrogates are not supported in Heapscope");
  n = g_unichar_to_utf8 ((gunichar) c, buf);
  return hs_str_new (vm, buf, n);
}

BUILTIN (ord)
{
  if (!hs_check_nargs (vm, "ord", nargs, 1, 1))
    return NULL;
  if (hs_str_check (args[0]))
    {
      if (hs_str_len (args[0]) != 1)
        return hs_err_format (vm, vm->types.TypeError,
                              "ord() expected a character, but string of length %" G_GSIZE_FORMAT
                              " found", hs_str_len (args[0]));
      return hs_int_from_i64 (vm, g_utf8_get_char (hs_str_utf8 (args[0])));
    }
  return hs_err_format (vm, vm->types.TypeError,
                        "ord() expected string of length 1, but %s found", hs_type_name (args[0]));
}

BUILTIN (hash)
{
  gint64 h;

  if (!hs_check_nargs (vm, "hash", nargs, 1, 1))
    return NULL;
  if (!hs_object_hash (vm, args[0], &h))
    return NULL;
  return hs_int_from_i64 (vm, h);
}

BUILTIN (format)
{
  if (!hs_check_nargs (vm, "format", nargs, 1, 2))
    return NULL;
  if (nargs == 2 && !hs_str_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError,
                          "format() argument 2 must be str, not %s", hs_type_name (args[1]));
  return hs_object_format (vm, args[0], nargs == 2 ? args[1] : NULL);
}

BUILTIN (globals)
{
  if (vm->frame == NULL)
    return hs_dict_new (vm);
  return hs_incref (vm->frame->globals);
}

BUILTIN (locals)
{
  if (vm->frame == NULL)
    return hs_dict_new (vm);
  return hs_frame_locals_dict (vm, vm->frame);
}

BUILTIN (vars)
{
  if (nargs == 0)
    return builtin_locals (vm, callable, args, nargs, kwnames);
  if (!hs_check_nargs (vm, "vars", nargs, 0, 1))
    return NULL;
  {
    HsObject *d = hs_object_lookup_attr (vm, args[0], hs_str_intern (vm, "__dict__"));

    if (d == NULL && !hs_err_occurred (vm))
      return hs_err_format (vm, vm->types.TypeError, "vars() argument must have __dict__ attribute");
    return d;
  }
}

static int
compare_str_objects (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (hs_str_utf8 (*(HsObject **) a), hs_str_utf8 (*(HsObject **) b));
}

static void
collect_names (HsVM       *vm,
               HsObject   *dict,
               GHashTable *seen,
               GPtrArray  *out)
{
  gsize pos = 0;
  HsObject *k, *v;

  if (dict == NULL)
    return;
  while (hs_dict_next (dict, &pos, &k, &v))
    if (hs_str_check (k) && g_hash_table_add (seen, (gpointer) hs_str_utf8 (k)))
      g_ptr_array_add (out, k);
}

BUILTIN (dir)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  HsObject *list;

  if (!hs_check_nargs (vm, "dir", nargs, 0, 1))
    return NULL;
  if (nargs == 0)
    {
      HsObject *d = vm->frame != NULL ? hs_frame_locals_dict (vm, vm->frame) : NULL;

      collect_names (vm, d, seen, names);
      hs_xdecref (vm, d);
    }
  else
    {
      HsObject *o = args[0];
      HsInstExt *ext = hs_instance_ext (o);

      if (o->ob_type == vm->types.module)
        collect_names (vm, HS_MODULE (o)->dict, seen, names);
      if (ext != NULL && ext->dict != NULL)
        collect_names (vm, ext->dict, seen, names);
      else if (ext != NULL && ext->attr_names != NULL)
        for (guint i = 0; i < ext->attr_names->len; i++)
          {
            HsObject *k = g_ptr_array_index (ext->attr_names, i);

            if (g_hash_table_add (seen, (gpointer) hs_str_utf8 (k)))
              g_ptr_array_add (names, k);
          }
      if (o->ob_type == vm->types.type)
        for (HsType *t = (HsType *) o; t != NULL; t = t->tp_base)
          collect_names (vm, t->dict, seen, names);
      else if (o->ob_type != vm->types.module)
        for (HsType *t = o->ob_type; t != NULL; t = t->tp_base)
          collect_names (vm, t->dict, seen, names);
    }
  g_ptr_array_sort (names, compare_str_objects);
  list = hs_list_new (vm, names->len);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < names->len; i++)
    HS_LIST (list)->items[i] = hs_incref (g_ptr_array_index (names, i));
  HS_LIST (list)->len = names->len;
  return list;
}

static HsObject *
not_available (HsVM       *vm,
               const char *what)
{
  return hs_err_format (vm, vm->types.NotImplementedError,
                        "%s is not available in Heapscope: snippets never touch the real system",
                        what);
}

BUILTIN (open)
{
  return not_available (vm, "open()");
}

BUILTIN (eval)
{
  return not_available (vm, "eval()");
}

BUILTIN (exec)
{
  return not_available (vm, "exec()");
}

BUILTIN (compile)
{
  return not_available (vm, "compile()");
}

BUILTIN (input)
{
  return not_available (vm, "input()");
}

BUILTIN (dunder_import)
{
  return not_available (vm, "__import__()");
}

BUILTIN (breakpoint)
{
  return not_available (vm, "breakpoint()");
}

BUILTIN (exit)
{
  HsObject *code = nargs > 0 ? args[0] : NULL;

  return hs_err_set_object (vm, vm->types.SystemExit, code);
}

/* __build_class__(func, name, *bases): runs the class body in a fresh
 * namespace, then calls type(name, bases, namespace). */
BUILTIN (build_class)
{
  HsObject *func, *name, *bases, *ns, *cls, *body_res;
  HsFrame *frame;
  HsObject *type_args[3];

  if (nargs < 2)
    return hs_err_format (vm, vm->types.TypeError, "__build_class__: not enough arguments");
  if (n_kw (kwnames) > 0)
    return hs_err_format (vm, vm->types.NotImplementedError,
                          "class keywords (metaclass=…) are not supported in Heapscope");
  func = args[0];
  name = args[1];
  if (func->ob_type != vm->types.function)
    return hs_err_format (vm, vm->types.TypeError, "__build_class__: func must be a function");
  bases = hs_tuple_from_array (vm, args + 2, nargs - 2);
  if (bases == NULL)
    return NULL;
  for (gsize i = 0; i < HS_TUPLE (bases)->len; i++)
    if (HS_TUPLE (bases)->items[i]->ob_type != vm->types.type)
      {
        hs_decref (vm, bases);
        return hs_err_format (vm, vm->types.TypeError,
                              "metaclass conflict: bases must be classes, not '%s'",
                              hs_type_name (HS_TUPLE (bases)->items[i]));
      }
  ns = hs_dict_new (vm);
  if (ns == NULL)
    {
      hs_decref (vm, bases);
      return NULL;
    }

  frame = hs_frame_new (vm, HS_CODE (HS_FUNCTION (func)->code), hs_incref (func),
                        HS_FUNCTION (func)->globals, HS_FUNCTION (func)->builtins, ns);
  if (frame == NULL)
    {
      hs_decref (vm, ns);
      hs_decref (vm, bases);
      return NULL;
    }
  body_res = hs_eval_frame (vm, frame);
  if (body_res == NULL)
    {
      hs_decref (vm, ns);
      hs_decref (vm, bases);
      return NULL;
    }

  type_args[0] = name;
  type_args[1] = bases;
  type_args[2] = ns;
  cls = hs_object_call (vm, (HsObject *) vm->types.type, type_args, 3, NULL);
  if (cls != NULL && body_res->ob_type == vm->types.cell)
    {
      hs_set_ref (vm, &HS_CELL (body_res)->ref, hs_incref (cls));
      hs_dict_delitem (vm, ((HsType *) cls)->dict, hs_str_intern (vm, "__classcell__"));
    }
  hs_decref (vm, body_res);
  hs_decref (vm, ns);
  hs_decref (vm, bases);
  return cls;
}

static const HsMethodDef builtin_methods[] = {
  { "__build_class__", builtin_build_class, HS_METH_STATIC, NULL },
  { "__import__", builtin_dunder_import, HS_METH_STATIC, NULL },
  { "abs", builtin_abs, HS_METH_STATIC, NULL },
  { "all", builtin_all, HS_METH_STATIC, NULL },
  { "any", builtin_any, HS_METH_STATIC, NULL },
  { "ascii", builtin_ascii, HS_METH_STATIC, NULL },
  { "bin", builtin_bin, HS_METH_STATIC, NULL },
  { "breakpoint", builtin_breakpoint, HS_METH_STATIC, NULL },
  { "callable", builtin_callable, HS_METH_STATIC, NULL },
  { "chr", builtin_chr, HS_METH_STATIC, NULL },
  { "compile", builtin_compile, HS_METH_STATIC, NULL },
  { "delattr", builtin_delattr, HS_METH_STATIC, NULL },
  { "dir", builtin_dir, HS_METH_STATIC, NULL },
  { "divmod", builtin_divmod, HS_METH_STATIC, NULL },
  { "eval", builtin_eval, HS_METH_STATIC, NULL },
  { "exec", builtin_exec, HS_METH_STATIC, NULL },
  { "format", builtin_format, HS_METH_STATIC, NULL },
  { "getattr", builtin_getattr, HS_METH_STATIC, NULL },
  { "globals", builtin_globals, HS_METH_STATIC, NULL },
  { "hasattr", builtin_hasattr, HS_METH_STATIC, NULL },
  { "hash", builtin_hash, HS_METH_STATIC, NULL },
  { "hex", builtin_hex, HS_METH_STATIC, NULL },
  { "id", builtin_id, HS_METH_STATIC, NULL },
  { "input", builtin_input, HS_METH_STATIC, NULL },
  { "isinstance", builtin_isinstance, HS_METH_STATIC, NULL },
  { "issubclass", builtin_issubclass, HS_METH_STATIC, NULL },
  { "iter", builtin_iter, HS_METH_STATIC, NULL },
  { "len", builtin_len, HS_METH_STATIC, NULL },
  { "locals", builtin_locals, HS_METH_STATIC, NULL },
  { "max", builtin_max, HS_METH_STATIC, NULL },
  { "min", builtin_min, HS_METH_STATIC, NULL },
  { "next", builtin_next, HS_METH_STATIC, NULL },
  { "oct", builtin_oct, HS_METH_STATIC, NULL },
  { "ord", builtin_ord, HS_METH_STATIC, NULL },
  { "pow", builtin_pow, HS_METH_STATIC, NULL },
  { "print", builtin_print, HS_METH_STATIC, NULL },
  { "repr", builtin_repr, HS_METH_STATIC, NULL },
  { "round", builtin_round, HS_METH_STATIC, NULL },
  { "setattr", builtin_setattr, HS_METH_STATIC, NULL },
  { "sorted", builtin_sorted, HS_METH_STATIC, NULL },
  { "sum", builtin_sum, HS_METH_STATIC, NULL },
  { "vars", builtin_vars, HS_METH_STATIC, NULL },
  { "open", builtin_open, HS_METH_STATIC, NULL },
  { "exit", builtin_exit, HS_METH_STATIC, NULL },
  { "quit", builtin_exit, HS_METH_STATIC, NULL },
  { NULL }
};

void
_hs_builtins_init (HsVM *vm)
{
  HsObject *b = hs_dict_new (vm);
  HsObject *module_name = hs_str_intern (vm, "builtins");
  HsTypeTable *t = &vm->types;

  vm->builtins = b;
  hs_dict_setitem_str (vm, b, "__name__", module_name);
  for (const HsMethodDef *def = builtin_methods; def->name != NULL; def++)
    {
      HsObject *f = hs_cfunction_new (vm, def, NULL, module_name);

      hs_dict_setitem_str (vm, b, def->name, f);
      hs_decref (vm, f);
    }
  hs_decref (vm, module_name);

#define ADD(name, obj) hs_dict_setitem_str (vm, b, name, (HsObject *) (obj))
  ADD ("None", vm->none);
  ADD ("Ellipsis", vm->ellipsis);
  ADD ("NotImplemented", vm->not_implemented);
  ADD ("True", vm->true_obj);
  ADD ("False", vm->false_obj);
  ADD ("bool", t->bool_);
  ADD ("bytes", t->bytes);
  ADD ("classmethod", t->classmethod);
  ADD ("dict", t->dict);
  ADD ("enumerate", t->enumerate);
  ADD ("filter", t->filter);
  ADD ("float", t->float_);
  ADD ("frozenset", t->frozenset);
  ADD ("property", t->property);
  ADD ("int", t->int_);
  ADD ("list", t->list);
  ADD ("map", t->map);
  ADD ("object", t->object);
  ADD ("range", t->range);
  ADD ("reversed", t->reversed);
  ADD ("set", t->set);
  ADD ("slice", t->slice);
  ADD ("staticmethod", t->staticmethod);
  ADD ("str", t->str);
  ADD ("super", t->super);
  ADD ("tuple", t->tuple);
  ADD ("type", t->type);
  ADD ("zip", t->zip);
#define ADD_EXC(name, base) ADD (#name, t->name);
  HS_FOREACH_EXCEPTION_TYPE (ADD_EXC)
#undef ADD_EXC
#undef ADD

  _hs_sys_init (vm);
}
