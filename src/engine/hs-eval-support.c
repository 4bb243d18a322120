/* hs-eval-support.c — the loop's slower helpers: name errors, unpacking,
 * raising and matching exceptions, calls with a keyword dict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-code.h"
#include "hs-containers.h"
#include "hs-eval.h"
#include "hs-exc-object.h"
#include "hs-format-object.h"
#include "hs-frame.h"
#include "hs-func-object.h"
#include "hs-gen-object.h"
#include "hs-number-object.h"
#include "hs-recorder.h"
#include "hs-recursion.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-eval-private.h"

/* Names ------------------------------------------------------------------- */

HsObject *
_hs_eval_name_error (HsVM       *vm,
                     HsObject   *name)
{
  hs_err_format (vm, vm->types.NameError, "name '%s' is not defined", hs_str_utf8 (name));
  if (vm->exc != NULL)
    hs_set_ref (vm, &HS_EXC (vm->exc)->extra, hs_incref (name));
  return NULL;
}


void
_hs_eval_unbound_local (HsVM    *vm,
                        HsFrame *f,
                        int      i)
{
  const char *name = hs_str_utf8 (HS_TUPLE (f->code->localsplusnames)->items[i]);

  if (f->code->localspluskinds[i] & HS_LOCAL_FREE)
    hs_err_format (vm, vm->types.NameError,
                   "cannot access free variable '%s' where it is not associated with a value"
                   " in enclosing scope", name);
  else
    hs_err_format (vm, vm->types.UnboundLocalError,
                   "cannot access local variable '%s' where it is not associated with a value",
                   name);
}

/* Unpacking ----------------------------------------------------------------- */

gboolean
_hs_eval_unpack_iterable (HsVM     *vm,
                          HsFrame  *f,
                          HsObject *seq,
                          int       before,
                          int       after)
{
  HsObject **sp;
  HsObject *it, *v;
  int total = before + (after >= 0 ? 1 + after : 0);
  int i = 0;
  HsObject *list;

  it = hs_object_get_iter (vm, seq);
  if (it == NULL)
    {
      if (hs_err_matches (vm, vm->types.TypeError) && seq->ob_type->tp_iter == NULL)
        {
          hs_err_clear (vm);
          hs_err_format (vm, vm->types.TypeError, "cannot unpack non-iterable %s object",
                         hs_type_name (seq));
        }
      return FALSE;
    }

  /* Items are written from the top of the stack down, first item last. */
  sp = hs_frame_stack_base (f) + f->stacktop + total;
  for (; i < before; i++)
    {
      v = hs_iter_next (vm, it);
      if (v == NULL)
        {
          if (!hs_err_occurred (vm))
            {
              if (after < 0)
                hs_err_format (vm, vm->types.ValueError,
                               "not enough values to unpack (expected %d, got %d)", before, i);
              else
                hs_err_format (vm, vm->types.ValueError,
                               "not enough values to unpack (expected at least %d, got %d)",
                               before + after, i);
            }
          goto error;
        }
      *--sp = v;
    }

  if (after < 0)
    {
      v = hs_iter_next (vm, it);
      if (v != NULL)
        {
          hs_decref (vm, v);
          hs_err_format (vm, vm->types.ValueError, "too many values to unpack (expected %d)",
                         before);
          goto error;
        }
      if (hs_err_occurred (vm))
        goto error;
      hs_decref (vm, it);
      f->stacktop += total;
      return TRUE;
    }

  list = hs_sequence_list (vm, it);
  if (list == NULL)
    goto error;
  *--sp = list;
  i++;
  if (HS_LIST (list)->len < (gsize) after)
    {
      hs_err_format (vm, vm->types.ValueError,
                     "not enough values to unpack (expected at least %d, got %d)",
                     before + after, before + (int) HS_LIST (list)->len);
      goto error;
    }
  for (int j = after; j > 0; j--)
    {
      HsList *l = HS_LIST (list);

      *--sp = l->items[l->len - j];
      i++;
    }
  /* The after-items move from the list to the stack. */
  HS_LIST (list)->len -= after;
  hs_decref (vm, it);
  f->stacktop += total;
  return TRUE;

error:
  /* Release what was already produced. */
  sp = hs_frame_stack_base (f) + f->stacktop + total;
  for (int j = 0; j < i; j++)
    hs_decref (vm, *--sp);
  hs_decref (vm, it);
  return FALSE;
}

/* Exceptions ------------------------------------------------------------- */

gboolean
_hs_eval_exception_matches (HsVM     *vm,
                            HsObject *exc,
                            HsObject *match,
                            gboolean *ok)
{
  *ok = TRUE;
  if (hs_isinstance (match, vm->types.tuple))
    {
      for (gsize i = 0; i < HS_TUPLE (match)->len; i++)
        {
          gboolean m = _hs_eval_exception_matches (vm, exc, HS_TUPLE (match)->items[i], ok);

          if (!*ok || m)
            return m;
        }
      return FALSE;
    }
  if (!hs_exception_class_check (match))
    {
      hs_err_format (vm, vm->types.TypeError,
                     "catching classes that do not inherit from BaseException is not allowed");
      *ok = FALSE;
      return FALSE;
    }
  return hs_isinstance (exc, (HsType *) match);
}

gboolean
_hs_eval_do_raise (HsVM     *vm,
                   HsObject *exc,
                   HsObject *cause)
{
  HsObject *value;

  if (exc == NULL)
    {
      if (vm->exc_info == NULL)
        {
          hs_err_format (vm, vm->types.RuntimeError, "No active exception to reraise");
          return FALSE;
        }
      hs_err_restore (vm, hs_incref (vm->exc_info));
      return TRUE;  /* re-raise keeps the traceback */
    }

  if (hs_exception_class_check (exc))
    {
      value = hs_object_call (vm, exc, NULL, 0, NULL);
      if (value == NULL)
        return FALSE;
      if (!hs_exception_check (value))
        {
          hs_err_format (vm, vm->types.TypeError,
                         "calling %s should have returned an instance of BaseException, not %s",
                         ((HsType *) exc)->name, hs_type_name (value));
          hs_decref (vm, value);
          return FALSE;
        }
    }
  else if (hs_exception_check (exc))
    value = hs_incref (exc);
  else
    {
      hs_err_format (vm, vm->types.TypeError, "exceptions must derive from BaseException");
      return FALSE;
    }

  if (cause != NULL)
    {
      HsObject *fixed;

      if (cause == vm->none)
        fixed = NULL;
      else if (hs_exception_class_check (cause))
        {
          fixed = hs_object_call (vm, cause, NULL, 0, NULL);
          if (fixed == NULL)
            {
              hs_decref (vm, value);
              return FALSE;
            }
        }
      else if (hs_exception_check (cause))
        fixed = hs_incref (cause);
      else
        {
          hs_decref (vm, value);
          hs_err_format (vm, vm->types.TypeError,
                         "exception causes must derive from BaseException");
          return FALSE;
        }
      hs_exception_set_cause (vm, value, fixed);
    }

  hs_err_restore (vm, value);
  return FALSE;
}

/* Calls -------------------------------------------------------------------- */

HsObject *
_hs_eval_call_with_kwargs_dict (HsVM     *vm,
                                HsObject *func,
                                HsObject *args_tuple,
                                HsObject *kwargs)
{
  gsize nargs = HS_TUPLE (args_tuple)->len;
  gsize nkw = kwargs != NULL ? HS_DICT (kwargs)->used : 0;
  g_autofree HsObject **argv = g_new (HsObject *, nargs + nkw + 1);
  HsObject *kwnames = NULL;
  HsObject *res;
  gsize pos = 0, i = 0;
  HsObject *k, *v;

  memcpy (argv, HS_TUPLE (args_tuple)->items, nargs * sizeof (HsObject *));
  if (nkw > 0)
    {
      kwnames = hs_tuple_new (vm, nkw);
      if (kwnames == NULL)
        return NULL;
      while (hs_dict_next (kwargs, &pos, &k, &v))
        {
          if (!hs_str_check (k))
            {
              hs_decref (vm, kwnames);
              return hs_err_format (vm, vm->types.TypeError, "keywords must be strings");
            }
          HS_TUPLE (kwnames)->items[i] = hs_incref (k);
          argv[nargs + i] = v;
          i++;
        }
    }
  /* _PyStack_UnpackDict: with keywords, the call gets its own references
   * to every argument. */
  if (kwnames != NULL)
    for (gsize j = 0; j < nargs + nkw; j++)
      hs_incref (argv[j]);
  res = hs_object_call (vm, func, argv, nargs, kwnames);
  if (kwnames != NULL)
    for (gsize j = 0; j < nargs + nkw; j++)
      hs_decref (vm, argv[j]);
  hs_xdecref (vm, kwnames);
  return res;
}

/* DICT_UPDATE ({**a}) and DICT_MERGE (f(**a): @func is the callee, and
 * a key given twice is an error; @func is NULL otherwise). Returns 0, or
 * -1 with an exception. */
int
_hs_eval_dict_update (HsVM     *vm,
                      HsObject *dict,
                      HsObject *update,
                      HsObject *func,
                      gboolean  merge)
{
  int err = 0;

  if (merge && hs_isinstance (update, vm->types.dict))
    {
      gsize pos = 0;
      HsObject *k, *v;

      while (err == 0 && hs_dict_next (update, &pos, &k, &v))
        {
          if (hs_dict_getitem (vm, dict, k) != NULL)
            {
              hs_err_format (vm, vm->types.TypeError,
                             "%s got multiple values for keyword argument '%s'",
                             _hs_callable_description (vm, func),
                             hs_str_check (k) ? hs_str_utf8 (k) : "?");
              err = -1;
            }
          else
            err = hs_dict_setitem (vm, dict, k, v);
        }
      return err;
    }
  if (!hs_isinstance (update, vm->types.dict)
      && hs_type_lookup_cstr (update->ob_type, "keys") == NULL)
    {
      hs_err_format (vm, vm->types.TypeError, "'%s' object is not a mapping",
                     hs_type_name (update));
      return -1;
    }
  return hs_dict_update (vm, dict, update);
}
