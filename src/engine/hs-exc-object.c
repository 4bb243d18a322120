/* hs-exc-object.c — BaseException and its family
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-frame.h"
#include "hs-gc.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

gboolean
hs_exception_check (HsObject *o)
{
  return (o->ob_type->tp_flags & HS_TPFLAG_EXCEPTION) != 0;
}

gboolean
hs_exception_class_check (HsObject *o)
{
  HsType *meta = o->ob_type;

  if (strcmp (meta->name, "type") != 0 || (meta->tp_flags & HS_TPFLAG_HEAPTYPE))
    return FALSE;
  return (((HsType *) o)->tp_flags & HS_TPFLAG_EXCEPTION) != 0;
}

static HsObject *
exception_alloc (HsVM     *vm,
                 HsType   *type,
                 HsObject *args)
{
  HsBaseException *e = (HsBaseException *) hs_object_alloc (vm, type, type->c_size);

  if (e == NULL)
    return NULL;
  e->args = hs_incref (args);
  hs_gc_track (vm, (HsObject *) e);
  return (HsObject *) e;
}

HsObject *
hs_exception_new (HsVM     *vm,
                  HsType   *type,
                  HsObject *args)
{
  if (type->ext_offset == 0)
    return exception_alloc (vm, type, args);
  return hs_object_call (vm, (HsObject *) type, HS_TUPLE (args)->items, HS_TUPLE (args)->len,
                         NULL);
}

/* BaseException_new/init keep the very tuple the class was called with as
 * .args; only built for calls that did not make one. */
static HsObject *
call_args_tuple (HsVM            *vm,
                 HsObject *const *args,
                 gsize            nargs)
{
  HsObject *t = vm->tp_call_args;

  if (t != NULL && HS_TUPLE (t)->len == nargs
      && (nargs == 0 || memcmp (HS_TUPLE (t)->items, args, nargs * sizeof (HsObject *)) == 0))
    return hs_incref (t);
  return hs_tuple_from_array (vm, args, nargs);
}

static HsObject *
exception_new (HsVM            *vm,
               HsObject        *callable,
               HsObject *const *args,
               gsize            nargs,
               HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsObject *tuple = call_args_tuple (vm, args + 1, nargs - 1);
  HsObject *res;

  if (tuple == NULL)
    return NULL;
  res = exception_alloc (vm, type, tuple);
  hs_decref (vm, tuple);
  return res;
}

static HsObject *
exception_init (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  HsBaseException *e = HS_EXC (args[0]);
  HsObject *tuple;

  if (kwnames != NULL && HS_TUPLE (kwnames)->len > 0)
    return hs_err_format (vm, vm->types.TypeError, "%s() takes no keyword arguments",
                          hs_type_name (args[0]));
  tuple = call_args_tuple (vm, args + 1, nargs - 1);
  if (tuple == NULL)
    return NULL;
  hs_set_ref (vm, &e->args, tuple);
  return hs_none (vm);
}

static void
exception_clear (HsVM     *vm,
                 HsObject *self)
{
  HsBaseException *e = HS_EXC (self);

  hs_clear_ref (vm, &e->args);
  hs_clear_ref (vm, &e->traceback);
  hs_clear_ref (vm, &e->cause);
  hs_clear_ref (vm, &e->context);
  hs_clear_ref (vm, &e->extra);
  hs_clear_ref (vm, &e->extra2);
}

static void
exception_dealloc (HsVM     *vm,
                   HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  exception_clear (vm, self);
  hs_object_free (vm, self);
}

static void
exception_traverse (HsObject    *self,
                    HsVisitFunc  visit,
                    gpointer     data)
{
  HsBaseException *e = HS_EXC (self);
  HsObject *refs[] = { e->args, e->traceback, e->cause, e->context, e->extra, e->extra2 };

  for (gsize i = 0; i < G_N_ELEMENTS (refs); i++)
    if (refs[i] != NULL)
      visit (refs[i], data);
}

static gboolean
is_key_error (HsVM     *vm,
              HsObject *self)
{
  return hs_isinstance (self, vm->types.KeyError);
}

static HsObject *
exception_str (HsVM     *vm,
               HsObject *self)
{
  HsObject *args = HS_EXC (self)->args;

  if (args == NULL || HS_TUPLE (args)->len == 0)
    return hs_str_new (vm, "", 0);
  if (HS_TUPLE (args)->len == 1)
    {
      if (is_key_error (vm, self))
        return hs_object_repr (vm, HS_TUPLE (args)->items[0]);
      return hs_object_str (vm, HS_TUPLE (args)->items[0]);
    }
  return hs_object_str (vm, args);
}

static HsObject *
exception_repr (HsVM     *vm,
                HsObject *self)
{
  HsObject *args = HS_EXC (self)->args;
  GString *s = g_string_new (self->ob_type->name);
  HsObject *res;
  gboolean ok = TRUE;

  if (args == NULL || HS_TUPLE (args)->len == 0)
    g_string_append (s, "()");
  else if (HS_TUPLE (args)->len == 1)
    {
      g_string_append_c (s, '(');
      ok = hs_object_repr_append (vm, HS_TUPLE (args)->items[0], s);
      g_string_append_c (s, ')');
    }
  else
    ok = hs_object_repr_append (vm, args, s);
  res = ok ? hs_str_from_gstring (vm, s) : NULL;
  g_string_free (s, TRUE);
  return res;
}

static HsObject *
exception_getattro (HsVM     *vm,
                    HsObject *self,
                    HsObject *name)
{
  HsBaseException *e = HS_EXC (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "args") == 0)
    return hs_incref (e->args);
  if (strcmp (n, "__traceback__") == 0)
    return e->traceback != NULL ? hs_incref (e->traceback) : hs_none (vm);
  if (strcmp (n, "__context__") == 0)
    return e->context != NULL ? hs_incref (e->context) : hs_none (vm);
  if (strcmp (n, "__cause__") == 0)
    return e->cause != NULL ? hs_incref (e->cause) : hs_none (vm);
  if (strcmp (n, "__suppress_context__") == 0)
    return hs_bool (vm, e->suppress_context);
  if ((strcmp (n, "value") == 0 && hs_isinstance (self, vm->types.StopIteration))
      || (strcmp (n, "code") == 0 && hs_isinstance (self, vm->types.SystemExit)))
    {
      if (hs_instance_ext (self) != NULL && hs_instance_get_attr (vm, self, name) != NULL)
        return hs_incref (hs_instance_get_attr (vm, self, name));
      return HS_TUPLE (e->args)->len > 0 ? hs_incref (HS_TUPLE (e->args)->items[0])
                                         : hs_none (vm);
    }
  if (strcmp (n, "name") == 0 && (hs_isinstance (self, vm->types.NameError)
                                  || hs_isinstance (self, vm->types.AttributeError)))
    return e->extra != NULL ? hs_incref (e->extra) : hs_none (vm);
  if (strcmp (n, "obj") == 0 && hs_isinstance (self, vm->types.AttributeError))
    return e->extra2 != NULL ? hs_incref (e->extra2) : hs_none (vm);
  return hs_object_generic_getattr (vm, self, name);
}

static int
exception_setattro (HsVM     *vm,
                    HsObject *self,
                    HsObject *name,
                    HsObject *value)
{
  HsBaseException *e = HS_EXC (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "__traceback__") == 0)
    {
      hs_set_ref (vm, &e->traceback, value != NULL && value != vm->none ? hs_incref (value) : NULL);
      return 0;
    }
  if (strcmp (n, "__context__") == 0)
    {
      hs_set_ref (vm, &e->context, value != NULL && value != vm->none ? hs_incref (value) : NULL);
      return 0;
    }
  if (strcmp (n, "__cause__") == 0)
    {
      hs_set_ref (vm, &e->cause, value != NULL && value != vm->none ? hs_incref (value) : NULL);
      e->suppress_context = TRUE;
      return 0;
    }
  if (strcmp (n, "__suppress_context__") == 0)
    {
      int t = value != NULL ? hs_object_is_true (vm, value) : 0;

      if (t < 0)
        return -1;
      e->suppress_context = t;
      return 0;
    }
  if (strcmp (n, "args") == 0)
    {
      HsObject *t = value != NULL ? hs_sequence_tuple (vm, value) : NULL;

      if (t == NULL)
        return -1;
      hs_set_ref (vm, &e->args, t);
      return 0;
    }
  return hs_object_generic_setattr (vm, self, name, value);
}

static HsObject *
exception_with_traceback (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "with_traceback", nargs - 1, 1, 1))
    return NULL;
  hs_exception_set_traceback (vm, args[0], args[1] == vm->none ? NULL : args[1]);
  return hs_incref (args[0]);
}

static const HsMethodDef exception_methods[] = {
  { "with_traceback", exception_with_traceback, 0, NULL },
  { NULL }
};

static void
exception_repr_short (HsObject *self,
                      GString  *out,
                      gsize     max_chars)
{
  HsObject *args = HS_EXC (self)->args;

  g_string_append (out, self->ob_type->name);
  if (args != NULL && HS_TUPLE (args)->len == 1 && hs_str_check (HS_TUPLE (args)->items[0]))
    {
      g_string_append_c (out, '(');
      hs_str_repr_append (HS_TUPLE (args)->items[0], out);
      g_string_append_c (out, ')');
    }
}

HsObject *
hs_exception_get_traceback (HsObject *exc)
{
  return HS_EXC (exc)->traceback;
}

void
hs_exception_set_traceback (HsVM     *vm,
                            HsObject *exc,
                            HsObject *tb)
{
  hs_set_ref (vm, &HS_EXC (exc)->traceback, tb != NULL ? hs_incref (tb) : NULL);
}

void
hs_exception_set_context (HsVM     *vm,
                          HsObject *exc,
                          HsObject *context)
{
  hs_set_ref (vm, &HS_EXC (exc)->context, context);
}

void
hs_exception_set_cause (HsVM     *vm,
                        HsObject *exc,
                        HsObject *cause)
{
  hs_set_ref (vm, &HS_EXC (exc)->cause, cause);
  HS_EXC (exc)->suppress_context = TRUE;
}

void
_hs_exc_init_types (HsVM *vm)
{
  HsType *base = NULL;

#define HS_MAKE_EXC(name, parent) \
  { \
    HsType *parent_type = vm->types.parent; \
    HsType *t = _hs_type_new_builtin (vm, #name, parent_type, sizeof (HsBaseException), 72, \
                                      HS_TPFLAG_GC | HS_TPFLAG_BASETYPE | HS_TPFLAG_EXCEPTION); \
    if (parent_type == vm->types.object) \
      { \
        t->tp_new = exception_new; \
        t->tp_init = exception_init; \
        t->tp_dealloc = exception_dealloc; \
        t->tp_traverse = exception_traverse; \
        t->tp_clear = exception_clear; \
        t->tp_str = exception_str; \
        t->tp_repr = exception_repr; \
        t->tp_getattro = exception_getattro; \
        t->tp_setattro = exception_setattro; \
        t->tp_repr_short = exception_repr_short; \
        t->methods = exception_methods; \
        base = t; \
      } \
    vm->types.name = t; \
    _hs_type_ready (vm, t); \
  }
  HS_FOREACH_EXCEPTION_TYPE (HS_MAKE_EXC)
#undef HS_MAKE_EXC
  (void) base;
}
