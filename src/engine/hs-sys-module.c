/* hs-sys-module.c — modules, `sys`, and what `import` may bring in
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
#include "hs-gc.h"
#include "hs-modules.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

/* module ------------------------------------------------------------------ */

HsObject *
hs_module_new (HsVM       *vm,
               const char *name)
{
  HsModuleObject *m = (HsModuleObject *) hs_object_alloc (vm, vm->types.module,
                                                          sizeof (HsModuleObject));

  if (m == NULL)
    return NULL;
  m->dict = hs_dict_new (vm);
  m->name = hs_str_intern (vm, name);
  hs_dict_setitem_str (vm, m->dict, "__name__", m->name);
  hs_dict_setitem_str (vm, m->dict, "__doc__", vm->none);
  hs_gc_track (vm, (HsObject *) m);
  return (HsObject *) m;
}

const char *
_hs_module_name (HsObject *module)
{
  if (strcmp (module->ob_type->name, "module") != 0)
    return "?";
  return hs_str_utf8 (HS_MODULE (module)->name);
}

static HsObject *
module_getattro (HsVM     *vm,
                 HsObject *self,
                 HsObject *name)
{
  HsModuleObject *m = HS_MODULE (self);
  HsObject *v;

  if (hs_str_equal_cstr (name, "__dict__"))
    return hs_incref (m->dict);
  v = hs_dict_getitem (vm, m->dict, name);
  if (v != NULL)
    return hs_incref (v);
  v = hs_object_generic_getattr (vm, self, name);
  if (v == NULL && hs_err_matches (vm, vm->types.AttributeError))
    {
      hs_err_clear (vm);
      hs_err_format (vm, vm->types.AttributeError, "module '%s' has no attribute '%s'",
                     hs_str_utf8 (m->name), hs_str_utf8 (name));
    }
  return v;
}

static int
module_setattro (HsVM     *vm,
                 HsObject *self,
                 HsObject *name,
                 HsObject *value)
{
  HsModuleObject *m = HS_MODULE (self);

  if (value == NULL)
    {
      int r = hs_dict_delitem (vm, m->dict, name);

      if (r == 0)
        hs_err_format (vm, vm->types.AttributeError, "module '%s' has no attribute '%s'",
                       hs_str_utf8 (m->name), hs_str_utf8 (name));
      return r <= 0 ? -1 : 0;
    }
  return hs_dict_setitem (vm, m->dict, name, value);
}

static void
module_dealloc (HsVM     *vm,
                HsObject *self)
{
  hs_gc_untrack (vm, self);
  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);
  hs_clear_ref (vm, &HS_MODULE (self)->dict);
  hs_clear_ref (vm, &HS_MODULE (self)->name);
  hs_object_free (vm, self);
}

static void
module_traverse (HsObject    *self,
                 HsVisitFunc  visit,
                 gpointer     data)
{
  if (HS_MODULE (self)->dict != NULL)
    visit (HS_MODULE (self)->dict, data);
}

static HsObject *
module_repr (HsVM     *vm,
             HsObject *self)
{
  const char *name = hs_str_utf8 (HS_MODULE (self)->name);

  if (strcmp (name, "sys") == 0 || strcmp (name, "builtins") == 0)
    return hs_str_new_printf (vm, "<module '%s' (built-in)>", name);
  return hs_str_new_printf (vm, "<module '%s'>", name);
}

static void
module_repr_short (HsObject *self,
                   GString  *out,
                   gsize     max_chars)
{
  g_string_append_printf (out, "module %s", hs_str_utf8 (HS_MODULE (self)->name));
}

/* sys.stdout / sys.stderr -------------------------------------------------- */

typedef struct
{
  HsObject  base;
  HsStream  stream;
} HsTextStream;

static HsObject *
stream_write (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsTextStream *s = (HsTextStream *) args[0];

  if (!hs_check_nargs (vm, "write", nargs - 1, 1, 1))
    return NULL;
  if (!hs_str_check (args[1]))
    return hs_err_format (vm, vm->types.TypeError, "write() argument must be str, not %s",
                          hs_type_name (args[1]));
  hs_vm_write (vm, s->stream, hs_str_utf8 (args[1]), hs_str_nbytes (args[1]));
  return hs_int_from_i64 (vm, hs_str_len (args[1]));
}

static HsObject *
stream_flush (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  return hs_none (vm);
}

static const HsMethodDef stream_methods[] = {
  { "write", stream_write, 0, NULL },
  { "flush", stream_flush, 0, NULL },
  { NULL }
};

static HsObject *
stream_repr (HsVM     *vm,
             HsObject *self)
{
  return hs_str_new_printf (vm, "<_io.TextIOWrapper name='<%s>' mode='w' encoding='utf-8'>",
                            ((HsTextStream *) self)->stream == HS_STREAM_STDOUT ? "stdout" : "stderr");
}

static void
plain_dealloc (HsVM     *vm,
               HsObject *self)
{
  hs_object_free (vm, self);
}

/* sys functions -------------------------------------------------------------- */

static HsObject *
sys_getrefcount (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_no_kwargs (vm, "getrefcount", kw))
    return NULL;
  if (nargs != 1)
    return hs_err_format (vm, vm->types.TypeError,
                          "sys.getrefcount() takes exactly one argument (%" G_GSIZE_FORMAT " given)",
                          nargs);
  /* The argument sits on the caller's value stack: that reference is the
   * famous "+1", and it is real, not added here. */
  return hs_int_from_i64 (vm, args[0]->ob_refcnt);
}

static HsObject *
sys_getsizeof (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "getsizeof", nargs, 1, 2))
    return NULL;
  if (hs_type_lookup_cstr (args[0]->ob_type, "__sizeof__") != NULL
      && (args[0]->ob_type->tp_flags & HS_TPFLAG_HEAPTYPE)
      && hs_type_lookup_cstr (args[0]->ob_type, "__sizeof__")->ob_type == vm->types.function)
    {
      HsObject *r = hs_object_call_method (vm, args[0], "__sizeof__", NULL, 0);
      HsObject *res;

      if (r == NULL || !hs_int_check (r))
        {
          hs_xdecref (vm, r);
          return hs_err_occurred (vm) ? NULL
                 : hs_err_format (vm, vm->types.TypeError, "an integer is required");
        }
      res = hs_number_binop (vm, r, vm->small_ints[16 - HS_SMALL_INT_MIN], HS_OP_ADD);
      hs_decref (vm, r);
      return res;
    }
  return hs_int_from_i64 (vm, hs_object_sizeof (args[0]));
}

static HsObject *
sys_getrecursionlimit (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "getrecursionlimit", nargs, 0, 0))
    return NULL;
  return hs_int_from_i64 (vm, vm->recursion_limit);
}

static HsObject *
sys_setrecursionlimit (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  gint64 n;

  if (!hs_check_nargs (vm, "setrecursionlimit", nargs, 1, 1))
    return NULL;
  if (!hs_int_check (args[0]))
    return hs_err_format (vm, vm->types.TypeError,
                          "'%s' object cannot be interpreted as an integer", hs_type_name (args[0]));
  if (!hs_int_as_i64 (vm, args[0], &n))
    return NULL;
  if (n < 1)
    return hs_err_format (vm, vm->types.ValueError, "recursion limit must be greater or equal than 1");
  if (n <= vm->depth)
    return hs_err_format (vm, vm->types.RecursionError,
                          "cannot set the recursion limit to %" G_GINT64_FORMAT
                          " at the recursion depth %d: the limit is too low", n, vm->depth);
  /* Deeper than this and the simulated stack would need more real memory
   * than a teaching snippet deserves. */
  vm->recursion_limit = (int) MIN (n, 100000);
  return hs_none (vm);
}

static HsObject *
sys_intern (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "intern", nargs, 1, 1))
    return NULL;
  return hs_str_sys_intern (vm, args[0]);
}

static HsObject *
sys_exc_info (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *e = vm->exc_info;

  if (e == NULL)
    return hs_tuple_pack (vm, 3, vm->none, vm->none, vm->none);
  return hs_tuple_pack (vm, 3, (HsObject *) e->ob_type, e,
                        hs_exception_get_traceback (e) != NULL ? hs_exception_get_traceback (e)
                                                               : vm->none);
}

static HsObject *
sys_get_int_max_str_digits (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  return hs_int_from_i64 (vm, vm->int_max_str_digits);
}

static HsObject *
sys_set_int_max_str_digits (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  gint64 n;
  HsObject *v = nargs > 0 ? args[0] : (kw != NULL ? args[nargs] : NULL);

  if (v == NULL || !hs_int_check (v) || !hs_int_as_i64 (vm, v, &n))
    return hs_err_occurred (vm) ? NULL
           : hs_err_format (vm, vm->types.TypeError, "set_int_max_str_digits() missing argument");
  if (n != 0 && n < 640)
    return hs_err_format (vm, vm->types.ValueError, "maxdigits must be 0 or larger than 640");
  vm->int_max_str_digits = (int) n;
  return hs_none (vm);
}

static HsObject *
sys_exit (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  return hs_err_set_object (vm, vm->types.SystemExit, nargs > 0 ? args[0] : NULL);
}

static const HsMethodDef sys_methods[] = {
  { "getrefcount", sys_getrefcount, HS_METH_STATIC, NULL },
  { "getsizeof", sys_getsizeof, HS_METH_STATIC, NULL },
  { "getrecursionlimit", sys_getrecursionlimit, HS_METH_STATIC, NULL },
  { "setrecursionlimit", sys_setrecursionlimit, HS_METH_STATIC, NULL },
  { "intern", sys_intern, HS_METH_STATIC, NULL },
  { "exc_info", sys_exc_info, HS_METH_STATIC, NULL },
  { "exit", sys_exit, HS_METH_STATIC, NULL },
  { "get_int_max_str_digits", sys_get_int_max_str_digits, HS_METH_STATIC, NULL },
  { "set_int_max_str_digits", sys_set_int_max_str_digits, HS_METH_STATIC, NULL },
  { NULL }
};

void
_hs_module_add_functions (HsVM              *vm,
                          HsObject          *module,
                          const HsMethodDef *defs)
{
  for (const HsMethodDef *def = defs; def->name != NULL; def++)
    {
      HsObject *f = hs_cfunction_new (vm, def, module, HS_MODULE (module)->name);

      hs_dict_setitem_str (vm, HS_MODULE (module)->dict, def->name, f);
      hs_decref (vm, f);
    }
}

static HsObject *
make_stream (HsVM     *vm,
             HsType   *type,
             HsStream  stream)
{
  HsTextStream *s = (HsTextStream *) hs_object_alloc (vm, type, sizeof (HsTextStream));

  if (s != NULL)
    s->stream = stream;
  return (HsObject *) s;
}

void
_hs_sys_init (HsVM *vm)
{
  HsObject *sys = hs_module_new (vm, "sys");
  HsObject *d = HS_MODULE (sys)->dict;
  HsType *stream_type;
  HsObject *o;

  vm->sys_module = sys;
  vm->modules = hs_dict_new (vm);
  hs_dict_setitem_str (vm, vm->modules, "sys", sys);
  _hs_module_add_functions (vm, sys, sys_methods);

  stream_type = _hs_type_new_builtin (vm, "TextIOWrapper", vm->types.object,
                                      sizeof (HsTextStream), 200, 0);
  stream_type->tp_dealloc = plain_dealloc;
  stream_type->tp_repr = stream_repr;
  stream_type->methods = stream_methods;
  _hs_type_ready (vm, stream_type);

  o = make_stream (vm, stream_type, HS_STREAM_STDOUT);
  hs_dict_setitem_str (vm, d, "stdout", o);
  hs_dict_setitem_str (vm, d, "__stdout__", o);
  hs_decref (vm, o);
  o = make_stream (vm, stream_type, HS_STREAM_STDERR);
  hs_dict_setitem_str (vm, d, "stderr", o);
  hs_dict_setitem_str (vm, d, "__stderr__", o);
  hs_decref (vm, o);

  hs_dict_setitem_str (vm, d, "modules", vm->modules);
  o = hs_int_from_i64 (vm, G_MAXINT64);
  hs_dict_setitem_str (vm, d, "maxsize", o);
  hs_decref (vm, o);
  o = hs_str_new (vm, "3.11.7 (Heapscope simulation of CPython)", -1);
  hs_dict_setitem_str (vm, d, "version", o);
  hs_decref (vm, o);
  o = hs_str_intern (vm, "little");
  hs_dict_setitem_str (vm, d, "byteorder", o);
  hs_decref (vm, o);
  o = hs_str_intern (vm, "linux");
  hs_dict_setitem_str (vm, d, "platform", o);
  hs_decref (vm, o);
  {
    HsObject *parts[5];
    HsObject *vi;

    parts[0] = hs_int_from_i64 (vm, 3);
    parts[1] = hs_int_from_i64 (vm, 11);
    parts[2] = hs_int_from_i64 (vm, 7);
    parts[3] = hs_str_intern (vm, "final");
    parts[4] = hs_int_from_i64 (vm, 0);
    vi = hs_tuple_from_array (vm, parts, 5);
    for (int i = 0; i < 5; i++)
      hs_decref (vm, parts[i]);
    hs_dict_setitem_str (vm, d, "version_info", vi);
    hs_decref (vm, vi);
  }
  o = hs_list_new (vm, 0);
  hs_dict_setitem_str (vm, d, "path", o);
  hs_decref (vm, o);

  /* The builtins module: its namespace is the dict every frame looks
   * names up in (what __main__.__builtins__ is). */
  o = hs_module_new (vm, "builtins");
  hs_decref (vm, HS_MODULE (o)->dict);
  HS_MODULE (o)->dict = hs_incref (vm->builtins);
  hs_dict_setitem_str (vm, vm->modules, "builtins", o);
  hs_decref (vm, o);
}

/* import ------------------------------------------------------------------------ */

/* Modules of the standard library that Heapscope does not simulate. They
 * exist in CPython, so "No module named" would be a lie. */
static const char *const system_modules[] = {
  "os", "io", "subprocess", "socket", "shutil", "pathlib", "ctypes", "signal", "threading",
  "multiprocessing", "asyncio", "urllib", "http", "ftplib", "smtplib", "tempfile", "glob",
  "importlib", "posix", "select", "mmap", "resource", "pty", "fcntl", "ssl",
  "sqlite3", "pickle", "marshal", "runpy", "code", "inspect", "tracemalloc", "faulthandler",
  NULL
};

static const char *const stdlib_modules[] = {
  "math", "random", "collections", "itertools", "functools", "time", "datetime", "re", "json",
  "string", "copy", "heapq", "bisect", "array", "decimal", "fractions", "statistics", "typing",
  "dataclasses", "enum", "abc", "contextlib", "operator", "textwrap", "unicodedata", "struct",
  "hashlib", "base64", "pprint", "traceback", "types", "warnings", "logging", "argparse", "csv",
  "secrets", "uuid", "queue", "numbers", "cmath", "reprlib", "difflib", "locale", "calendar",
  NULL
};

static gboolean
name_in (const char        *name,
         const char *const *list)
{
  for (; *list != NULL; list++)
    if (strcmp (*list, name) == 0)
      return TRUE;
  return FALSE;
}

HsObject *
_hs_import_module (HsVM     *vm,
                   HsObject *name)
{
  const char *n = hs_str_utf8 (name);
  HsObject *mod = hs_dict_getitem (vm, vm->modules, name);
  g_autofree char *top = NULL;
  guint64 first_serial = vm->next_serial;

  if (mod != NULL)
    return hs_incref (mod);

  if (strcmp (n, "gc") == 0)
    mod = _hs_gc_module_new (vm);
  else if (strcmp (n, "weakref") == 0)
    mod = _hs_weakref_module_new (vm);
  if (mod != NULL)
    {
      guint64 range[2] = { first_serial + 1, vm->next_serial + 1 };  /* serials are pre-incremented */

      if (vm->import_serials == NULL)
        vm->import_serials = g_array_new (FALSE, FALSE, sizeof (guint64));
      g_array_append_vals (vm->import_serials, range, 2);
      hs_dict_setitem (vm, vm->modules, name, mod);
      return mod;
    }
  if (hs_err_occurred (vm))
    return NULL;

  top = g_strndup (n, strcspn (n, "."));
  if (name_in (top, system_modules))
    return hs_err_format (vm, vm->types.ImportError,
                          "module '%s' is not available in Heapscope: snippets never touch the "
                          "real system", n);
  if (name_in (top, stdlib_modules))
    return hs_err_format (vm, vm->types.ImportError,
                          "module '%s' is not available in Heapscope (only sys, gc and weakref "
                          "are simulated)", n);
  hs_err_format (vm, vm->types.ModuleNotFoundError, "No module named '%s'", n);
  return NULL;
}

const char *
_hs_callable_description (HsVM     *vm,
                          HsObject *func)
{
  static char buf[256];

  /* Only used while building an error message, on one thread per VM. */
  if (func->ob_type == vm->types.function)
    {
      HsObject *module = HS_FUNCTION (func)->module;

      if (module != NULL && hs_str_check (module) && !hs_str_equal_cstr (module, "builtins"))
        g_snprintf (buf, sizeof buf, "%s.%s()", hs_str_utf8 (module),
                    hs_str_utf8 (HS_FUNCTION (func)->qualname));
      else
        g_snprintf (buf, sizeof buf, "%s()", hs_str_utf8 (HS_FUNCTION (func)->qualname));
    }
  else if (func->ob_type == vm->types.type)
    g_snprintf (buf, sizeof buf, "%s()", ((HsType *) func)->name);
  else if (func->ob_type == vm->types.builtin_function_or_method)
    g_snprintf (buf, sizeof buf, "%s()", HS_CFUNCTION (func)->def->name);
  else if (func->ob_type == vm->types.method)
    return _hs_callable_description (vm, HS_METHOD (func)->func);
  else
    g_snprintf (buf, sizeof buf, "%s object", hs_type_name (func));
  return buf;
}

void
_hs_module_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "module", vm->types.object, sizeof (HsModuleObject), 72,
                                    HS_TPFLAG_GC | HS_TPFLAG_WEAKREFABLE);

  t->tp_dealloc = module_dealloc;
  t->tp_traverse = module_traverse;
  t->tp_getattro = module_getattro;
  t->tp_setattro = module_setattro;
  t->tp_repr = module_repr;
  t->tp_repr_short = module_repr_short;
  vm->types.module = t;
  _hs_type_ready (vm, t);
}
