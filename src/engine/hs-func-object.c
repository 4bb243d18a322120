/* hs-func-object.c — functions, bound methods, builtins, cells, descriptors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-eval.h"
#include "hs-frame.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-slots.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

/* function ----------------------------------------------------------------- */

HsObject *
hs_function_new (HsVM     *vm,
                 HsObject *code,
                 HsObject *globals,
                 HsObject *qualname)
{
  HsFunction *f = (HsFunction *) hs_object_alloc (vm, vm->types.function, sizeof (HsFunction));
  HsObject *module;

  if (f == NULL)
    return NULL;
  f->code = hs_incref (code);
  f->globals = hs_incref (globals);
  f->builtins = hs_incref (vm->builtins);
  f->name = hs_incref (HS_CODE (code)->name);
  f->qualname = hs_incref (qualname != NULL ? qualname : HS_CODE (code)->qualname);
  module = hs_dict_getitem_str (vm, globals, "__name__");
  f->module = module != NULL ? hs_incref (module) : NULL;
  /* PyFunction_New: a str first constant is the docstring. */
  {
    HsObject *consts = HS_CODE (code)->consts;

    if (consts != NULL && HS_TUPLE (consts)->len > 0 && hs_str_check (HS_TUPLE (consts)->items[0]))
      f->doc = hs_incref (HS_TUPLE (consts)->items[0]);
    else
      f->doc = hs_none (vm);
  }
  hs_gc_track (vm, (HsObject *) f);
  return (HsObject *) f;
}

static void
function_dealloc (HsVM     *vm,
                  HsObject *self)
{
  HsFunction *f = (HsFunction *) self;

  hs_gc_untrack (vm, self);
  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);
  /* func_clear's order. */
  hs_clear_ref (vm, &f->code);
  hs_clear_ref (vm, &f->globals);
  hs_clear_ref (vm, &f->builtins);
  hs_clear_ref (vm, &f->module);
  hs_clear_ref (vm, &f->defaults);
  hs_clear_ref (vm, &f->kwdefaults);
  hs_clear_ref (vm, &f->doc);
  hs_clear_ref (vm, &f->dict);
  hs_clear_ref (vm, &f->closure);
  hs_clear_ref (vm, &f->name);
  hs_clear_ref (vm, &f->qualname);
  hs_object_free (vm, self);
}

static void
function_clear (HsVM     *vm,
                HsObject *self)
{
  HsFunction *f = (HsFunction *) self;

  hs_clear_ref (vm, &f->globals);
  hs_clear_ref (vm, &f->builtins);
  hs_clear_ref (vm, &f->module);
  hs_clear_ref (vm, &f->defaults);
  hs_clear_ref (vm, &f->kwdefaults);
  hs_clear_ref (vm, &f->doc);
  hs_clear_ref (vm, &f->dict);
  hs_clear_ref (vm, &f->closure);
}

static void
function_traverse (HsObject    *self,
                   HsVisitFunc  visit,
                   gpointer     data)
{
  HsFunction *f = (HsFunction *) self;
  HsObject *refs[] = { f->code, f->globals, f->builtins, f->module, f->defaults,
                       f->kwdefaults, f->doc, f->name, f->dict, f->closure, f->qualname };

  for (gsize i = 0; i < G_N_ELEMENTS (refs); i++)
    if (refs[i] != NULL)
      visit (refs[i], data);
}

static HsObject *
function_repr (HsVM     *vm,
               HsObject *self)
{
  return hs_str_new_printf (vm, "<function %s at 0x%" G_GINT64_MODIFIER "x>",
                            hs_str_utf8 (HS_FUNCTION (self)->qualname), hs_object_id (self));
}

static void
function_repr_short (HsObject *self,
                     GString  *out,
                     gsize     max_chars)
{
  g_string_append_printf (out, "%s()", hs_str_utf8 (HS_FUNCTION (self)->qualname));
}

static HsObject *
function_call (HsVM            *vm,
               HsObject        *callable,
               HsObject *const *args,
               gsize            nargs,
               HsObject        *kwnames)
{
  return hs_function_call (vm, callable, args, nargs, kwnames);
}

static HsObject *
function_getattro (HsVM     *vm,
                   HsObject *self,
                   HsObject *name)
{
  HsFunction *f = HS_FUNCTION (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "__name__") == 0)
    return hs_incref (f->name);
  if (strcmp (n, "__qualname__") == 0)
    return hs_incref (f->qualname);
  if (strcmp (n, "__defaults__") == 0)
    return f->defaults ? hs_incref (f->defaults) : hs_none (vm);
  if (strcmp (n, "__kwdefaults__") == 0)
    return f->kwdefaults ? hs_incref (f->kwdefaults) : hs_none (vm);
  if (strcmp (n, "__closure__") == 0)
    return f->closure ? hs_incref (f->closure) : hs_none (vm);
  if (strcmp (n, "__globals__") == 0)
    return hs_incref (f->globals);
  if (strcmp (n, "__code__") == 0)
    return hs_incref (f->code);
  if (strcmp (n, "__module__") == 0)
    return f->module ? hs_incref (f->module) : hs_none (vm);
  if (strcmp (n, "__doc__") == 0)
    return hs_incref (f->doc);
  if (strcmp (n, "__dict__") == 0)
    {
      if (f->dict == NULL)
        f->dict = hs_dict_new (vm);
      return f->dict ? hs_incref (f->dict) : NULL;
    }
  if (f->dict != NULL)
    {
      HsObject *v = hs_dict_getitem (vm, f->dict, name);

      if (v != NULL)
        return hs_incref (v);
    }
  return hs_object_generic_getattr (vm, self, name);
}

static int
function_setattro (HsVM     *vm,
                   HsObject *self,
                   HsObject *name,
                   HsObject *value)
{
  HsFunction *f = HS_FUNCTION (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "__defaults__") == 0)
    {
      hs_set_ref (vm, &f->defaults, value == NULL || value == vm->none ? NULL : hs_incref (value));
      return 0;
    }
  if (strcmp (n, "__doc__") == 0)
    {
      hs_set_ref (vm, &f->doc, hs_incref (value ? value : vm->none));
      return 0;
    }
  if (f->dict == NULL)
    {
      f->dict = hs_dict_new (vm);
      if (f->dict == NULL)
        return -1;
    }
  if (value == NULL)
    {
      int r = hs_dict_delitem (vm, f->dict, name);

      if (r == 0)
        hs_err_format (vm, vm->types.AttributeError, "'function' object has no attribute '%s'", n);
      return r <= 0 ? -1 : 0;
    }
  return hs_dict_setitem (vm, f->dict, name, value);
}

/* builtin_function_or_method ------------------------------------------------ */

HsObject *
hs_cfunction_new (HsVM              *vm,
                  const HsMethodDef *def,
                  HsObject          *self,
                  HsObject          *module_name)
{
  HsCFunction *f = (HsCFunction *) hs_object_alloc (vm, vm->types.builtin_function_or_method,
                                                    sizeof (HsCFunction));

  if (f == NULL)
    return NULL;
  f->def = def;
  f->self = self != NULL ? hs_incref (self) : NULL;
  f->module_name = module_name != NULL ? hs_incref (module_name) : NULL;
  hs_gc_track (vm, (HsObject *) f);
  return (HsObject *) f;
}

static void
cfunction_dealloc (HsVM     *vm,
                   HsObject *self)
{
  HsCFunction *f = (HsCFunction *) self;

  hs_gc_untrack (vm, self);
  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);
  hs_clear_ref (vm, &f->self);
  hs_clear_ref (vm, &f->module_name);
  hs_object_free (vm, self);
}

static void
cfunction_traverse (HsObject    *self,
                    HsVisitFunc  visit,
                    gpointer     data)
{
  HsCFunction *f = (HsCFunction *) self;

  if (f->self != NULL)
    visit (f->self, data);
  if (f->module_name != NULL)
    visit (f->module_name, data);
}

static HsObject *
cfunction_call (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  HsCFunction *f = (HsCFunction *) callable;
  gsize total;
  HsObject *stack[16];
  HsObject **heap = NULL;
  HsObject **argv;
  HsObject *res;

  /* Module functions and static methods get their arguments as they are. */
  if (f->self == NULL || f->self->ob_type == vm->types.module)
    return f->def->func (vm, callable, args, nargs, kwnames);

  /* Bound methods of built-in objects get self as args[0]. */
  total = nargs + (kwnames != NULL ? HS_TUPLE (kwnames)->len : 0);
  argv = total + 1 <= G_N_ELEMENTS (stack) ? stack : (heap = g_new (HsObject *, total + 1));
  argv[0] = f->self;
  if (total > 0)
    memcpy (argv + 1, args, total * sizeof (HsObject *));
  res = f->def->func (vm, callable, argv, nargs + 1, kwnames);
  g_free (heap);
  return res;
}

static HsObject *
cfunction_repr (HsVM     *vm,
                HsObject *self)
{
  HsCFunction *f = (HsCFunction *) self;

  if (f->self == NULL || f->self->ob_type == vm->types.module)
    return hs_str_new_printf (vm, "<built-in function %s>", f->def->name);
  return hs_str_new_printf (vm, "<built-in method %s of %s object at 0x%" G_GINT64_MODIFIER "x>",
                            f->def->name, hs_type_name (f->self), hs_object_id (f->self));
}

static void
cfunction_repr_short (HsObject *self,
                      GString  *out,
                      gsize     max_chars)
{
  g_string_append_printf (out, "%s()", ((HsCFunction *) self)->def->name);
}

static HsObject *
cfunction_getattro (HsVM     *vm,
                    HsObject *self,
                    HsObject *name)
{
  HsCFunction *f = (HsCFunction *) self;

  if (hs_str_equal_cstr (name, "__name__") || hs_str_equal_cstr (name, "__qualname__"))
    return hs_str_new (vm, f->def->name, -1);
  if (hs_str_equal_cstr (name, "__self__"))
    return f->self != NULL ? hs_incref (f->self) : hs_none (vm);
  return hs_object_generic_getattr (vm, self, name);
}

/* method (bound method) ------------------------------------------------------ */

HsObject *
hs_method_new (HsVM     *vm,
               HsObject *func,
               HsObject *self)
{
  HsMethod *m = (HsMethod *) hs_object_alloc (vm, vm->types.method, sizeof (HsMethod));

  if (m == NULL)
    return NULL;
  m->func = hs_incref (func);
  m->self = hs_incref (self);
  hs_gc_track (vm, (HsObject *) m);
  return (HsObject *) m;
}

static void
method_dealloc (HsVM     *vm,
                HsObject *self)
{
  HsMethod *m = (HsMethod *) self;

  hs_gc_untrack (vm, self);
  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);
  hs_clear_ref (vm, &m->func);
  hs_clear_ref (vm, &m->self);
  hs_object_free (vm, self);
}

static void
method_traverse (HsObject    *self,
                 HsVisitFunc  visit,
                 gpointer     data)
{
  HsMethod *m = (HsMethod *) self;

  if (m->func != NULL)
    visit (m->func, data);
  if (m->self != NULL)
    visit (m->self, data);
}

static HsObject *
method_call (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsMethod *m = (HsMethod *) callable;
  gsize total = nargs + (kwnames != NULL ? HS_TUPLE (kwnames)->len : 0);
  HsObject *stack[16];
  HsObject **heap = NULL;
  HsObject **argv = total + 1 <= G_N_ELEMENTS (stack) ? stack
                                                      : (heap = g_new (HsObject *, total + 1));
  HsObject *res;

  argv[0] = m->self;
  if (total > 0)
    memcpy (argv + 1, args, total * sizeof (HsObject *));
  res = hs_object_call (vm, m->func, argv, nargs + 1, kwnames);
  g_free (heap);
  return res;
}

static HsObject *
method_repr (HsVM     *vm,
             HsObject *self)
{
  HsMethod *m = (HsMethod *) self;
  GString *s = g_string_new ("<bound method ");
  HsObject *res;
  HsObject *qn = hs_object_getattr_cstr (vm, m->func, "__qualname__");

  if (qn == NULL)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  g_string_append_printf (s, "%s of ", hs_str_utf8 (qn));
  hs_decref (vm, qn);
  if (!hs_object_repr_append (vm, m->self, s))
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  g_string_append_c (s, '>');
  res = hs_str_from_gstring (vm, s);
  g_string_free (s, TRUE);
  return res;
}

static HsObject *
method_getattro (HsVM     *vm,
                 HsObject *self,
                 HsObject *name)
{
  HsMethod *m = (HsMethod *) self;

  if (hs_str_equal_cstr (name, "__self__"))
    return hs_incref (m->self);
  if (hs_str_equal_cstr (name, "__func__"))
    return hs_incref (m->func);
  if (hs_str_equal_cstr (name, "__class__"))
    return hs_incref ((HsObject *) self->ob_type);
  return hs_object_getattr (vm, m->func, name);
}

static HsObject *
method_richcompare (HsVM     *vm,
                    HsObject *a,
                    HsObject *b,
                    int       op)
{
  gboolean eq;

  if ((op != HS_EQ && op != HS_NE) || b->ob_type != vm->types.method)
    return hs_not_implemented (vm);
  eq = HS_METHOD (a)->func == HS_METHOD (b)->func && HS_METHOD (a)->self == HS_METHOD (b)->self;
  return hs_bool (vm, op == HS_EQ ? eq : !eq);
}

static void
method_repr_short (HsObject *self,
                   GString  *out,
                   gsize     max_chars)
{
  HsMethod *m = (HsMethod *) self;

  if (m->func->ob_type->tp_repr_short != NULL)
    m->func->ob_type->tp_repr_short (m->func, out, max_chars);
  g_string_append (out, " bound");
}

/* cell ------------------------------------------------------------------------ */

HsObject *
hs_cell_new (HsVM     *vm,
             HsObject *ref)
{
  HsCell *c = (HsCell *) hs_object_alloc (vm, vm->types.cell, sizeof (HsCell));

  if (c == NULL)
    return NULL;
  c->ref = ref != NULL ? hs_incref (ref) : NULL;
  hs_gc_track (vm, (HsObject *) c);
  return (HsObject *) c;
}

static void
cell_dealloc (HsVM     *vm,
              HsObject *self)
{
  hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &HS_CELL (self)->ref);
  hs_object_free (vm, self);
}

static void
cell_traverse (HsObject    *self,
               HsVisitFunc  visit,
               gpointer     data)
{
  if (HS_CELL (self)->ref != NULL)
    visit (HS_CELL (self)->ref, data);
}

static void
cell_clear (HsVM     *vm,
            HsObject *self)
{
  hs_clear_ref (vm, &HS_CELL (self)->ref);
}

static void
cell_repr_short (HsObject *self,
                 GString  *out,
                 gsize     max_chars)
{
  g_string_append (out, HS_CELL (self)->ref != NULL ? "cell" : "empty cell");
}

static HsObject *
cell_getattro (HsVM     *vm,
               HsObject *self,
               HsObject *name)
{
  if (hs_str_equal_cstr (name, "cell_contents"))
    {
      if (HS_CELL (self)->ref == NULL)
        return hs_err_format (vm, vm->types.ValueError, "Cell is empty");
      return hs_incref (HS_CELL (self)->ref);
    }
  return hs_object_generic_getattr (vm, self, name);
}

/* Descriptors ------------------------------------------------------------------ */

HsObject *
hs_method_descr_new (HsVM              *vm,
                     HsType            *type,
                     const HsMethodDef *def)
{
  HsMethodDescr *d = (HsMethodDescr *) hs_object_alloc (vm, vm->types.method_descriptor,
                                                        sizeof (HsMethodDescr));

  if (d == NULL)
    return NULL;
  d->def = def;
  d->type = type;
  d->base.flags |= HS_OBJ_STATIC;
  return (HsObject *) d;
}

static HsObject *
method_descr_call (HsVM            *vm,
                   HsObject        *callable,
                   HsObject *const *args,
                   gsize            nargs,
                   HsObject        *kwnames)
{
  HsMethodDescr *d = (HsMethodDescr *) callable;

  if (d->def->flags & HS_METH_CLASS)
    return d->def->func (vm, callable, args, nargs, kwnames);
  if (nargs < 1)
    return hs_err_format (vm, vm->types.TypeError,
                          "unbound method %s.%s() needs an argument", d->type->name, d->def->name);
  if (!hs_isinstance (args[0], d->type))
    return hs_err_format (vm, vm->types.TypeError,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          d->def->name, d->type->name, hs_type_name (args[0]));
  return d->def->func (vm, callable, args, nargs, kwnames);
}

static HsObject *
method_descr_repr (HsVM     *vm,
                   HsObject *self)
{
  HsMethodDescr *d = (HsMethodDescr *) self;

  return hs_str_new_printf (vm, "<method '%s' of '%s' objects>", d->def->name, d->type->name);
}

HsObject *
hs_member_descr_new (HsVM     *vm,
                     HsType   *type,
                     HsObject *name,
                     guint     index)
{
  HsMemberDescr *d = (HsMemberDescr *) hs_object_alloc (vm, vm->types.member_descriptor,
                                                        sizeof (HsMemberDescr));

  if (d == NULL)
    return NULL;
  d->type = (HsType *) hs_incref ((HsObject *) type);
  d->name = hs_incref (name);
  d->index = index;
  hs_gc_track (vm, (HsObject *) d);
  return (HsObject *) d;
}

HsObject *
hs_getset_descr_new (HsVM     *vm,
                     HsType   *type,
                     HsObject *name)
{
  HsMemberDescr *d = (HsMemberDescr *) hs_object_alloc (vm, vm->types.getset_descriptor,
                                                        sizeof (HsMemberDescr));

  if (d == NULL)
    return NULL;
  d->type = (HsType *) hs_incref ((HsObject *) type);
  d->name = hs_incref (name);
  hs_gc_track (vm, (HsObject *) d);
  return (HsObject *) d;
}

static void
member_descr_dealloc (HsVM     *vm,
                      HsObject *self)
{
  HsMemberDescr *d = (HsMemberDescr *) self;

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &d->name);
  if (d->type != NULL)
    {
      HsObject *type = (HsObject *) d->type;

      d->type = NULL;
      hs_decref (vm, type);
    }
  hs_object_free (vm, self);
}

/* descr_traverse: the owning class. */
static void
member_descr_traverse (HsObject    *self,
                       HsVisitFunc  visit,
                       gpointer     data)
{
  HsMemberDescr *d = (HsMemberDescr *) self;

  if (d->type != NULL)
    visit ((HsObject *) d->type, data);
}

static HsObject *
member_descr_repr (HsVM     *vm,
                   HsObject *self)
{
  HsMemberDescr *d = (HsMemberDescr *) self;

  return hs_str_new_printf (vm, "<member '%s' of '%s' objects>", hs_str_utf8 (d->name),
                            d->type->name);
}

/* __name__, __qualname__ and __objclass__ of member and getset descriptors. */
static HsObject *
member_descr_getattro (HsVM     *vm,
                       HsObject *self,
                       HsObject *name)
{
  HsMemberDescr *d = (HsMemberDescr *) self;

  if (hs_str_equal_cstr (name, "__name__"))
    return hs_incref (d->name);
  if (hs_str_equal_cstr (name, "__qualname__"))
    return hs_str_new_printf (vm, "%s.%s", d->type->qualname, hs_str_utf8 (d->name));
  if (hs_str_equal_cstr (name, "__objclass__"))
    return hs_incref ((HsObject *) d->type);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
getset_descr_repr (HsVM     *vm,
                   HsObject *self)
{
  HsMemberDescr *d = (HsMemberDescr *) self;

  return hs_str_new_printf (vm, "<attribute '%s' of '%s' objects>", hs_str_utf8 (d->name),
                            d->type->name);
}

gboolean
hs_is_method_like (HsObject *o)
{
  const char *name = o->ob_type->name;

  return strcmp (name, "function") == 0 || strcmp (name, "method_descriptor") == 0;
}

/* staticmethod / classmethod / property ----------------------------------------- */

static HsObject *
wrapper_new (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsStaticMethod *sm;

  if (!hs_check_no_kwargs (vm, type->name, kwnames)
      || !hs_check_nargs (vm, type->name, nargs - 1, 1, 1))
    return NULL;
  sm = (HsStaticMethod *) hs_object_alloc (vm, type, sizeof (HsStaticMethod));
  if (sm == NULL)
    return NULL;
  sm->callable = hs_incref (args[1]);
  hs_gc_track (vm, (HsObject *) sm);
  return (HsObject *) sm;
}

static void
wrapper_dealloc (HsVM     *vm,
                 HsObject *self)
{
  hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &((HsStaticMethod *) self)->callable);
  hs_object_free (vm, self);
}

static void
wrapper_traverse (HsObject    *self,
                  HsVisitFunc  visit,
                  gpointer     data)
{
  if (((HsStaticMethod *) self)->callable != NULL)
    visit (((HsStaticMethod *) self)->callable, data);
}

static HsObject *
property_new (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  HsType *type = (HsType *) args[0];
  HsProperty *p;
  HsObject *slots[4] = { NULL, NULL, NULL, NULL };
  gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;

  if (nargs - 1 > 4)
    return hs_err_format (vm, vm->types.TypeError, "property() takes at most 4 arguments");
  for (gsize i = 1; i < nargs; i++)
    slots[i - 1] = args[i];
  for (gsize i = 0; i < nkw; i++)
    {
      const char *k = hs_str_utf8 (HS_TUPLE (kwnames)->items[i]);
      int idx = strcmp (k, "fget") == 0 ? 0 : strcmp (k, "fset") == 0 ? 1
                : strcmp (k, "fdel") == 0 ? 2 : strcmp (k, "doc") == 0 ? 3 : -1;

      if (idx < 0)
        return hs_err_format (vm, vm->types.TypeError,
                              "property() got an unexpected keyword argument '%s'", k);
      slots[idx] = args[nargs + i];
    }
  p = (HsProperty *) hs_object_alloc (vm, type, sizeof (HsProperty));
  if (p == NULL)
    return NULL;
  p->fget = slots[0] && slots[0] != vm->none ? hs_incref (slots[0]) : NULL;
  p->fset = slots[1] && slots[1] != vm->none ? hs_incref (slots[1]) : NULL;
  p->fdel = slots[2] && slots[2] != vm->none ? hs_incref (slots[2]) : NULL;
  p->doc = slots[3] ? hs_incref (slots[3]) : NULL;
  hs_gc_track (vm, (HsObject *) p);
  return (HsObject *) p;
}

static void
property_dealloc (HsVM     *vm,
                  HsObject *self)
{
  HsProperty *p = (HsProperty *) self;

  hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &p->fget);
  hs_clear_ref (vm, &p->fset);
  hs_clear_ref (vm, &p->fdel);
  hs_clear_ref (vm, &p->doc);
  hs_clear_ref (vm, &p->name);
  hs_object_free (vm, self);
}

static void
property_traverse (HsObject    *self,
                   HsVisitFunc  visit,
                   gpointer     data)
{
  HsProperty *p = (HsProperty *) self;
  HsObject *refs[] = { p->fget, p->fset, p->fdel, p->doc };

  for (gsize i = 0; i < G_N_ELEMENTS (refs); i++)
    if (refs[i] != NULL)
      visit (refs[i], data);
}

static HsObject *
property_copy_with (HsVM     *vm,
                    HsObject *self,
                    int       which,
                    HsObject *fn)
{
  HsProperty *p = (HsProperty *) self;
  HsProperty *n = (HsProperty *) hs_object_alloc (vm, self->ob_type, sizeof (HsProperty));

  if (n == NULL)
    return NULL;
  n->fget = which == 0 ? hs_incref (fn) : (p->fget ? hs_incref (p->fget) : NULL);
  n->fset = which == 1 ? hs_incref (fn) : (p->fset ? hs_incref (p->fset) : NULL);
  n->fdel = which == 2 ? hs_incref (fn) : (p->fdel ? hs_incref (p->fdel) : NULL);
  n->doc = p->doc ? hs_incref (p->doc) : NULL;
  n->name = p->name ? hs_incref (p->name) : NULL;
  hs_gc_track (vm, (HsObject *) n);
  return (HsObject *) n;
}

static HsObject *
property_getter (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "getter", nargs - 1, 1, 1))
    return NULL;
  return property_copy_with (vm, args[0], 0, args[1]);
}

static HsObject *
property_setter (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "setter", nargs - 1, 1, 1))
    return NULL;
  return property_copy_with (vm, args[0], 1, args[1]);
}

static HsObject *
property_deleter (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "deleter", nargs - 1, 1, 1))
    return NULL;
  return property_copy_with (vm, args[0], 2, args[1]);
}

static HsObject *
property_set_name (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "__set_name__", nargs - 1, 2, 2))
    return NULL;
  hs_set_ref (vm, &((HsProperty *) args[0])->name, hs_incref (args[2]));
  return hs_none (vm);
}

/* __get__(obj, type=None), __set__(obj, value), __delete__(obj). */
static HsObject *
property_dunder_get (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "__get__", nargs - 1, 1, 2))
    return NULL;
  if (args[1] == vm->none && (nargs < 3 || args[2] == vm->none))
    return hs_err_format (vm, vm->types.TypeError, "__get__(None, None) is invalid");
  return _hs_descr_get (vm, args[0], args[1] == vm->none ? NULL : args[1],
                        nargs > 2 && args[2] != vm->none ? (HsType *) args[2] : args[1]->ob_type);
}

static HsObject *
property_dunder_set (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  gboolean del = strcmp (HS_CFUNCTION (c)->def->name, "__delete__") == 0;

  if (!hs_check_nargs (vm, HS_CFUNCTION (c)->def->name, nargs - 1, del ? 1 : 2, del ? 1 : 2))
    return NULL;
  if (_hs_descr_set (vm, args[0], args[1], del ? NULL : args[2]) < 0)
    return NULL;
  return hs_none (vm);
}

static const HsMethodDef property_methods[] = {
  { "getter", property_getter, 0, NULL },
  { "setter", property_setter, 0, NULL },
  { "deleter", property_deleter, 0, NULL },
  { "__set_name__", property_set_name, 0, NULL },
  { "__get__", property_dunder_get, 0, NULL },
  { "__set__", property_dunder_set, 0, NULL },
  { "__delete__", property_dunder_set, 0, NULL },
  { NULL }
};

static HsObject *
property_getattro (HsVM     *vm,
                   HsObject *self,
                   HsObject *name)
{
  HsProperty *p = (HsProperty *) self;
  const char *n = hs_str_utf8 (name);
  HsObject *v = NULL;

  if (strcmp (n, "fget") == 0)
    v = p->fget;
  else if (strcmp (n, "fset") == 0)
    v = p->fset;
  else if (strcmp (n, "fdel") == 0)
    v = p->fdel;
  else if (strcmp (n, "__isabstractmethod__") == 0)
    return hs_bool (vm, FALSE);
  else if (strcmp (n, "__doc__") == 0)
    {
      /* Without a doc argument, the getter's docstring. */
      if (p->doc == NULL && p->fget != NULL)
        return hs_object_getattr (vm, p->fget, name);
      v = p->doc;
    }
  else
    return hs_object_generic_getattr (vm, self, name);
  return v != NULL ? hs_incref (v) : hs_none (vm);
}

void
hs_property_missing (HsVM       *vm,
                     HsObject   *prop,
                     HsObject   *obj,
                     const char *what)
{
  HsProperty *p = (HsProperty *) prop;
  g_autoptr(GString) msg = g_string_new ("property ");
  HsObject *qualname = hs_str_new (vm, obj->ob_type->qualname, -1);

  if (p->name != NULL && !hs_object_repr_append (vm, p->name, msg))
    hs_err_clear (vm);
  g_string_append (msg, p->name != NULL ? " of " : "of ");
  if (qualname == NULL || !hs_object_repr_append (vm, qualname, msg))
    hs_err_clear (vm);
  hs_xdecref (vm, qualname);
  g_string_append_printf (msg, " object has no %s", what);
  hs_err_format (vm, vm->types.AttributeError, "%s", msg->str);
}

static void
plain_dealloc (HsVM     *vm,
               HsObject *self)
{
  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_object_free (vm, self);
}

void
_hs_func_init_types (HsVM *vm)
{
  HsType *t;
  HsType *object = vm->types.object;

  t = _hs_type_new_builtin (vm, "function", object, sizeof (HsFunction), 152,
                            HS_TPFLAG_GC | HS_TPFLAG_WEAKREFABLE);
  t->tp_dealloc = function_dealloc;
  t->tp_traverse = function_traverse;
  t->tp_clear = function_clear;
  t->tp_repr = function_repr;
  t->tp_call = function_call;
  t->tp_getattro = function_getattro;
  t->tp_setattro = function_setattro;
  t->tp_repr_short = function_repr_short;
  vm->types.function = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "builtin_function_or_method", object, sizeof (HsCFunction), 72,
                            HS_TPFLAG_GC | HS_TPFLAG_WEAKREFABLE);
  t->tp_dealloc = cfunction_dealloc;
  t->tp_traverse = cfunction_traverse;
  t->tp_call = cfunction_call;
  t->tp_repr = cfunction_repr;
  t->tp_getattro = cfunction_getattro;
  t->tp_repr_short = cfunction_repr_short;
  vm->types.builtin_function_or_method = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "method", object, sizeof (HsMethod), 64,
                            HS_TPFLAG_GC | HS_TPFLAG_WEAKREFABLE);
  t->tp_dealloc = method_dealloc;
  t->tp_traverse = method_traverse;
  t->tp_call = method_call;
  t->tp_repr = method_repr;
  t->tp_getattro = method_getattro;
  t->tp_richcompare = method_richcompare;
  t->tp_repr_short = method_repr_short;
  vm->types.method = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "cell", object, sizeof (HsCell), 40, HS_TPFLAG_GC);
  t->tp_dealloc = cell_dealloc;
  t->tp_traverse = cell_traverse;
  t->tp_clear = cell_clear;
  t->tp_getattro = cell_getattro;
  t->tp_repr_short = cell_repr_short;
  vm->types.cell = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "method_descriptor", object, sizeof (HsMethodDescr), 72, 0);
  t->tp_dealloc = plain_dealloc;
  t->tp_call = method_descr_call;
  t->tp_repr = method_descr_repr;
  vm->types.method_descriptor = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "member_descriptor", object, sizeof (HsMemberDescr), 64,
                            HS_TPFLAG_GC);
  t->tp_dealloc = member_descr_dealloc;
  t->tp_traverse = member_descr_traverse;
  t->tp_repr = member_descr_repr;
  t->tp_getattro = member_descr_getattro;
  vm->types.member_descriptor = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "getset_descriptor", object, sizeof (HsMemberDescr), 64,
                            HS_TPFLAG_GC);
  t->tp_dealloc = member_descr_dealloc;
  t->tp_traverse = member_descr_traverse;
  t->tp_repr = getset_descr_repr;
  t->tp_getattro = member_descr_getattro;
  vm->types.getset_descriptor = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "staticmethod", object, sizeof (HsStaticMethod), 56,
                            HS_TPFLAG_GC | HS_TPFLAG_BASETYPE);
  t->tp_dealloc = wrapper_dealloc;
  t->tp_traverse = wrapper_traverse;
  t->tp_new = wrapper_new;
  vm->types.staticmethod = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "classmethod", object, sizeof (HsStaticMethod), 56,
                            HS_TPFLAG_GC | HS_TPFLAG_BASETYPE);
  t->tp_dealloc = wrapper_dealloc;
  t->tp_traverse = wrapper_traverse;
  t->tp_new = wrapper_new;
  vm->types.classmethod = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "property", object, sizeof (HsProperty), 56,
                            HS_TPFLAG_GC | HS_TPFLAG_BASETYPE);
  t->tp_dealloc = property_dealloc;
  t->tp_traverse = property_traverse;
  t->tp_new = property_new;
  t->methods = property_methods;
  t->tp_getattro = property_getattro;
  vm->types.property = t;
  _hs_type_ready (vm, t);
}
