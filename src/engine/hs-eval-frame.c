/* hs-eval-frame.c — binding a call's arguments into a new function frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What CPython's _PyEvalFramePushAndInit and initialize_locals do, with the
 * same error messages for missing, unexpected and duplicate arguments.
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

/* Argument binding --------------------------------------------------------- */

static void
format_missing (GString    *msg,
                GPtrArray  *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (msg, names->len == 2 ? " and " : (i == names->len - 1 ? ", and " : ", "));
      g_string_append_printf (msg, "'%s'", (const char *) g_ptr_array_index (names, i));
    }
}

static gboolean
missing_arguments (HsVM       *vm,
                   HsCode     *code,
                   HsFrame    *frame,
                   int         start,
                   int         end,
                   const char *kind)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *msg;

  for (int i = start; i < end; i++)
    if (frame->localsplus[i] == NULL)
      g_ptr_array_add (names, (gpointer) hs_str_utf8 (HS_TUPLE (code->localsplusnames)->items[i]));
  if (names->len == 0)
    return TRUE;
  msg = g_string_new (NULL);
  g_string_printf (msg, "%s() missing %u required %s argument%s: ", hs_str_utf8 (code->qualname),
                   names->len, kind, names->len == 1 ? "" : "s");
  format_missing (msg, names);
  hs_err_set_string (vm, vm->types.TypeError, msg->str);
  g_string_free (msg, TRUE);
  return FALSE;
}

static void
too_many_positional (HsVM    *vm,
                     HsCode  *code,
                     HsFrame *frame,
                     gsize    given,
                     int      n_defaults)
{
  int co_argcount = code->argcount;
  int kwonly_given = 0;
  g_autofree char *takes = NULL;
  g_autofree char *extra = NULL;

  for (int i = co_argcount; i < co_argcount + code->kwonlyargcount; i++)
    if (frame->localsplus[i] != NULL)
      kwonly_given++;
  if (n_defaults > 0)
    takes = g_strdup_printf ("from %d to %d positional arguments", co_argcount - n_defaults,
                             co_argcount);
  else
    takes = g_strdup_printf ("%d positional argument%s", co_argcount,
                             co_argcount == 1 ? "" : "s");
  if (kwonly_given > 0)
    extra = g_strdup_printf (" positional argument%s (and %d keyword-only argument%s)",
                             given == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
  hs_err_format (vm, vm->types.TypeError, "%s() takes %s but %" G_GSIZE_FORMAT "%s %s given",
                 hs_str_utf8 (code->qualname), takes, given,
                 extra != NULL ? extra : "", given == 1 && kwonly_given == 0 ? "was" : "were");
}

HsFrame *
_hs_eval_make_frame (HsVM            *vm,
                     HsObject        *func_obj,
                     HsObject *const *args,
                     gsize            nargs,
                     HsObject        *kwnames,
                     gboolean         steal)
{
  HsFunction *func = HS_FUNCTION (func_obj);
  HsCode *code = HS_CODE (func->code);
  HsFrame *frame;
  int argcount = code->argcount;
  int total_args = argcount + code->kwonlyargcount;
  gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;
  HsObject *varargs = NULL, *varkw = NULL;
  gsize n_positional;
  int n_defaults = func->defaults != NULL ? (int) HS_TUPLE (func->defaults)->len : 0;
  gboolean failed = FALSE;

  frame = hs_frame_new (vm, code, hs_incref (func_obj), func->globals, func->builtins, NULL);
  if (frame == NULL)
    goto fail_args;

  if (code->flags & HS_CO_VARKEYWORDS)
    {
      varkw = hs_dict_new (vm);
      if (varkw == NULL)
        goto fail;
      frame->localsplus[total_args + ((code->flags & HS_CO_VARARGS) ? 1 : 0)] = varkw;
    }

  n_positional = MIN (nargs, (gsize) argcount);
  for (gsize i = 0; i < n_positional; i++)
    frame->localsplus[i] = steal ? args[i] : hs_incref (args[i]);

  if (code->flags & HS_CO_VARARGS)
    {
      gsize extra = nargs > (gsize) argcount ? nargs - argcount : 0;

      varargs = hs_tuple_new (vm, extra);
      if (varargs == NULL)
        {
          if (steal)
            for (gsize i = n_positional; i < nargs; i++)
              hs_decref (vm, args[i]);
          n_positional = nargs;
          goto fail_after_positional;
        }
      for (gsize i = 0; i < extra; i++)
        HS_TUPLE (varargs)->items[i] = steal ? args[argcount + i] : hs_incref (args[argcount + i]);
      frame->localsplus[total_args] = varargs;
      n_positional = nargs;
    }

  /* Keyword arguments. */
  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *name = HS_TUPLE (kwnames)->items[k];
      HsObject *value = args[nargs + k];
      int j;

      if (failed)
        {
          if (steal)
            hs_decref (vm, value);
          continue;
        }
      for (j = code->posonlyargcount; j < total_args; j++)
        {
          HsObject *pname = HS_TUPLE (code->localsplusnames)->items[j];

          if (pname == name || hs_str_equal (pname, name))
            break;
        }
      if (j < total_args)
        {
          if (frame->localsplus[j] != NULL)
            {
              hs_err_format (vm, vm->types.TypeError,
                             "%s() got multiple values for argument '%s'",
                             hs_str_utf8 (code->qualname), hs_str_utf8 (name));
              failed = TRUE;
              if (steal)
                hs_decref (vm, value);
              continue;
            }
          frame->localsplus[j] = steal ? value : hs_incref (value);
          continue;
        }
      if (varkw != NULL)
        {
          hs_dict_setitem (vm, varkw, name, value);
          if (steal)
            hs_decref (vm, value);
          continue;
        }
      /* Positional-only passed by keyword gets its own message. */
      for (j = 0; j < code->posonlyargcount; j++)
        if (hs_str_equal (HS_TUPLE (code->localsplusnames)->items[j], name))
          break;
      if (j < code->posonlyargcount)
        hs_err_format (vm, vm->types.TypeError,
                       "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                       hs_str_utf8 (code->qualname), hs_str_utf8 (name));
      else
        hs_err_format (vm, vm->types.TypeError, "%s() got an unexpected keyword argument '%s'",
                       hs_str_utf8 (code->qualname), hs_str_utf8 (name));
      failed = TRUE;
      if (steal)
        hs_decref (vm, value);
    }
  if (failed)
    goto fail_after_positional;

  if (nargs > (gsize) argcount && !(code->flags & HS_CO_VARARGS))
    {
      too_many_positional (vm, code, frame, nargs, n_defaults);
      if (steal)
        for (gsize i = n_positional; i < nargs; i++)
          hs_decref (vm, args[i]);
      goto fail;
    }

  /* Defaults for the missing positional parameters. */
  if ((gsize) argcount > nargs)
    {
      int first_default = argcount - n_defaults;

      if (!missing_arguments (vm, code, frame, (int) nargs, first_default, "positional"))
        goto fail;
      for (int i = MAX ((int) nargs, first_default); i < argcount; i++)
        if (frame->localsplus[i] == NULL)
          frame->localsplus[i] = hs_incref (HS_TUPLE (func->defaults)->items[i - first_default]);
    }

  /* Keyword-only defaults. */
  for (int i = argcount; i < total_args; i++)
    {
      HsObject *name = HS_TUPLE (code->localsplusnames)->items[i];
      HsObject *def;

      if (frame->localsplus[i] != NULL)
        continue;
      def = func->kwdefaults != NULL ? hs_dict_getitem (vm, func->kwdefaults, name) : NULL;
      if (def != NULL)
        frame->localsplus[i] = hs_incref (def);
    }
  if (!missing_arguments (vm, code, frame, argcount, total_args, "keyword-only"))
    goto fail;

  return frame;

fail_args:
  if (steal)
    for (gsize i = 0; i < nargs + nkw; i++)
      hs_decref (vm, args[i]);
  return NULL;

fail_after_positional:
  if (steal && !(code->flags & HS_CO_VARARGS))
    for (gsize i = n_positional; i < nargs; i++)
      hs_decref (vm, args[i]);
fail:
  hs_frame_release (vm, frame);
  return NULL;
}
