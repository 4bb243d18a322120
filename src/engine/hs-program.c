/* hs-program.c — compile a snippet, run it, shut down like CPython 3.11
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-compile.h"
#include "hs-containers.h"
#include "hs-eval.h"
#include "hs-exc-object.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-parser.h"
#include "hs-program.h"
#include "hs-recorder.h"
#include "hs-str-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

static void
dump_code (HsCode *code)
{
  g_autofree char *text = hs_code_disassemble (code);

  g_printerr ("%s\n", text);
  for (gsize i = 0; i < HS_TUPLE (code->consts)->len; i++)
    {
      HsObject *k = HS_TUPLE (code->consts)->items[i];

      if (g_str_equal (k->ob_type->name, "code"))
        dump_code (HS_CODE (k));
    }
}

static HsObject *
new_main_module (HsVM       *vm,
                 const char *filename)
{
  HsObject *main_module = hs_module_new (vm, "__main__");
  HsObject *globals = HS_MODULE (main_module)->dict;
  HsObject *file = hs_str_new (vm, filename, -1);
  HsObject *bmod = hs_dict_getitem_str (vm, vm->modules, "builtins");

  hs_dict_setitem_str (vm, globals, "__file__", file);
  hs_decref (vm, file);
  hs_dict_setitem_str (vm, globals, "__builtins__", bmod != NULL ? bmod : vm->builtins);
  hs_dict_setitem_str (vm, vm->modules, "__main__", main_module);
  return main_module;
}

HsProgram *
hs_program_new (const char    *source,
                gsize          len,
                const char    *filename,
                HsDiagnostic **error)
{
  g_autoptr(HsProgram) p = g_new0 (HsProgram, 1);

  p->filename = g_path_is_absolute (filename) ? g_strdup (filename)
                                              : g_canonicalize_filename (filename, NULL);
  p->arena = hs_arena_new ();
  p->ast = hs_parse (source, len, p->filename, p->arena, error);
  if (p->ast == NULL)
    return NULL;
  p->vm = hs_vm_new ();
  p->vm->filename = p->filename;
  p->vm->source_lines = p->ast->lines;
  p->vm->n_source_lines = p->ast->n_lines;
  p->code = hs_compile_module (p->vm, p->ast, error);
  if (p->code == NULL)
    return NULL;
  /* __main__ belongs to the interpreter, not to the snippet: the learner's
   * objects are those created after it. */
  p->main_module = new_main_module (p->vm, p->filename);
  p->first_program_serial = p->vm->next_serial + 1;
  /* A debugging aid: HEAPSCOPE_DIS=1 prints the bytecode. */
  if (g_getenv ("HEAPSCOPE_DIS") != NULL)
    dump_code (p->code);
  return g_steal_pointer (&p);
}

void
hs_program_free (HsProgram *p)
{
  if (p == NULL)
    return;
  if (p->main_module != NULL)
    hs_decref (p->vm, p->main_module);
  if (p->vm != NULL)
    hs_vm_free (p->vm);
  g_clear_pointer (&p->arena, hs_arena_free);
  g_free (p->filename);
  g_free (p);
}

static int
system_exit_status (HsVM     *vm,
                    HsObject *exc)
{
  HsObject *args = HS_EXC (exc)->args;
  HsObject *code = args != NULL && HS_TUPLE (args)->len > 0 ? HS_TUPLE (args)->items[0] : NULL;
  gint64 n;

  if (code == NULL || code == vm->none)
    return 0;
  if (hs_int_check (code) && hs_int_as_i64 (NULL, code, &n))
    return (int) (n & 0xff);
  /* sys.exit("message") prints the message and exits with 1. */
  {
    GString *s = g_string_new (NULL);

    if (hs_object_str_append (vm, code, s))
      {
        g_string_append_c (s, '\n');
        hs_vm_write (vm, HS_STREAM_STDERR, s->str, s->len);
      }
    else
      hs_err_clear (vm);
    g_string_free (s, TRUE);
  }
  return 1;
}

static void
shutdown (HsProgram *p,
          HsObject  *main_module)
{
  HsVM *vm = p->vm;
  HsObject *name;

  /* Py_FinalizeEx, step by step. The atexit callbacks: weakref.finalize
   * objects whose referent is still alive, newest first. */
  _hs_weakref_run_atexit (vm);
  hs_err_clear (vm);
  /* The pre-shutdown collection (PyGC_Collect: only with automatic GC
   * enabled, with gc.callbacks), while every module is intact. */
  _hs_gc_collect_if_enabled (vm);
  hs_err_clear (vm);
  /* finalize_modules: __main__ leaves sys.modules; its globals die by
   * refcount, or survive as a cycle through their functions and classes
   * until the next collection (_PyGC_CollectNoFail: no callbacks). */
  name = hs_str_intern (vm, "__main__");
  hs_dict_delitem (vm, vm->modules, name);
  hs_decref (vm, name);
  /* No longer the program's namespace: a state taken from here on (a
   * __del__ run by the collections below) must not read it once freed. */
  vm->main_module = NULL;
  hs_decref (vm, main_module);
  hs_err_clear (vm);
  _hs_gc_collect_no_fail (vm);
  hs_err_clear (vm);
  _hs_gc_dump_shutdown_stats (vm);
  /* The collection after the surviving modules' dicts were cleared, and
   * the interpreter's last one (they find garbage only in rare cases but
   * show in gc.set_debug output). */
  _hs_gc_collect_no_fail (vm);
  hs_err_clear (vm);
  _hs_gc_collect_no_fail (vm);
  hs_err_clear (vm);
}

int
hs_program_run (HsProgram *p)
{
  HsVM *vm = p->vm;
  HsObject *main_module, *globals, *res;
  int status = 0;

  main_module = g_steal_pointer (&p->main_module);
  if (main_module == NULL)
    return 2;
  globals = HS_MODULE (main_module)->dict;
  vm->main_module = main_module;
  /* python3 shows the compiler's warnings before the program runs. */
  if (vm->compile_warnings != NULL)
    hs_vm_write (vm, HS_STREAM_STDERR, vm->compile_warnings->str, vm->compile_warnings->len);

  res = hs_eval_code (vm, p->code, globals, globals);
  /* The last step: the program's code has finished, before shutdown. */
  if (vm->recorder != NULL && vm->stop == HS_STOP_NONE)
    {
      HsObject *exc = hs_err_fetch (vm);

      hs_recorder_on_line (vm->recorder, NULL, 0);
      hs_err_restore (vm, exc);
    }
  /* pyrun_file frees the parse arena as soon as the module's code is done. */
  hs_const_arena_release (vm);
  if (res != NULL)
    hs_decref (vm, res);
  else if (vm->stop != HS_STOP_NONE)
    {
      hs_err_clear (vm);
      status = 0;
    }
  else
    {
      HsObject *exc = hs_err_fetch (vm);

      if (exc != NULL && hs_isinstance (exc, vm->types.SystemExit))
        status = system_exit_status (vm, exc);
      else if (exc != NULL)
        {
          hs_traceback_print (vm, exc);
          status = 1;
        }
      /* sys.last_traceback goes first: the failing frames' locals die
       * before the globals. */
      hs_xdecref (vm, exc);
    }

  if (vm->stop == HS_STOP_NONE)
    shutdown (p, main_module);
  else
    {
      vm->main_module = NULL;
      hs_decref (vm, main_module);
    }
  vm->main_module = NULL;
  return status;
}
