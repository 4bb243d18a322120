/* hs-vm.c — creating and destroying an interpreter, raising errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-code.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-frame.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-gen-object.h"
#include "hs-modules.h"
#include "hs-number-object.h"
#include "hs-recorder.h"
#include "hs-recursion.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

#define HS_DEFAULT_MAX_HEAP_BYTES (G_GUINT64_CONSTANT (512) * 1024 * 1024)
#define HS_DEFAULT_MAX_OBJECTS    (G_GUINT64_CONSTANT (20) * 1000 * 1000)

static HsObject *
make_static (HsObject *o)
{
  o->flags |= HS_OBJ_STATIC;
  return o;
}

static void
init_singletons (HsVM *vm)
{
  vm->none = make_static (hs_object_alloc (vm, vm->types.NoneType, sizeof (HsObject)));
  vm->not_implemented = make_static (hs_object_alloc (vm, vm->types.NotImplementedType,
                                                      sizeof (HsObject)));
  vm->ellipsis = make_static (hs_object_alloc (vm, vm->types.ellipsis, sizeof (HsObject)));

  /* None/True/False have ordinary counts in 3.11; start them where a small
   * script would find them so the numbers look like CPython's. */
  vm->none->ob_refcnt = 4096;
  vm->not_implemented->ob_refcnt = 64;
  vm->ellipsis->ob_refcnt = 16;

  vm->false_obj = make_static (hs_object_alloc (vm, vm->types.bool_, sizeof (HsInt)));
  HS_INT (vm->false_obj)->value = 0;
  vm->false_obj->ob_refcnt = 128;
  vm->true_obj = make_static (hs_object_alloc (vm, vm->types.bool_, sizeof (HsInt)));
  HS_INT (vm->true_obj)->value = 1;
  vm->true_obj->ob_refcnt = 128;

  for (int i = HS_SMALL_INT_MIN; i <= HS_SMALL_INT_MAX; i++)
    {
      HsObject *o = hs_object_alloc (vm, vm->types.int_, sizeof (HsInt));

      HS_INT (o)->value = i;
      o->flags |= HS_OBJ_STATIC | HS_OBJ_IMMORTAL_RC;
      o->ob_refcnt = HS_STATIC_REFCNT;
      vm->small_ints[i - HS_SMALL_INT_MIN] = o;
    }
}

HsVM *
hs_vm_new (void)
{
  HsVM *vm = g_new0 (HsVM, 1);

  vm->max_heap_bytes = HS_DEFAULT_MAX_HEAP_BYTES;
  vm->max_objects = HS_DEFAULT_MAX_OBJECTS;
  vm->recursion_limit = 1000;
  vm->max_steps = HS_DEFAULT_MAX_STEPS;
  vm->int_max_str_digits = 4300;
  vm->trash = g_ptr_array_new ();
  vm->gc = _hs_gc_state_new ();
  vm->output = g_string_new (NULL);
  vm->max_output_bytes = HS_DEFAULT_MAX_OUTPUT_BYTES;
  vm->interned = g_hash_table_new (g_str_hash, g_str_equal);

  /* Types first (object and type bootstrap each other), then the objects
   * every later step needs. */
  _hs_type_init_types (vm);
  _hs_number_init_types (vm);
  _hs_str_init_type (vm);
  _hs_bytes_init_type (vm);
  _hs_containers_init_types (vm);
  _hs_func_init_types (vm);
  _hs_code_init_type (vm);
  _hs_frame_init_types (vm);
  _hs_exc_init_types (vm);
  _hs_gen_init_types (vm);
  _hs_module_init_type (vm);
  _hs_builtins_init_types (vm);

  init_singletons (vm);
  _hs_type_ready_pending (vm);
  _hs_gc_init_objects (vm);
  _hs_weakref_init_types (vm);
  _hs_builtins_init (vm);

  return vm;
}

void
hs_vm_free (HsVM *vm)
{
  if (vm == NULL)
    return;

  /* Tear down without running any Python code: the simulated heap is just
   * memory now. Every live object is freed by walking the heap list. */
  vm->recorder = NULL;
  /* Two passes: freeing storage may still look at an object's type. */
  for (HsObject *o = vm->heap_first; o != NULL; o = o->heap_next)
    _hs_object_release_storage (o);
  while (vm->heap_first != NULL)
    {
      HsObject *o = vm->heap_first;

      vm->heap_first = o->heap_next;
      g_free (o);
    }
  g_hash_table_unref (vm->interned);
  g_ptr_array_unref (vm->trash);
  g_clear_pointer (&vm->deferred_frees, g_ptr_array_unref);
  g_clear_pointer (&vm->repr_guard, g_hash_table_unref);
  g_clear_pointer (&vm->pending_types, g_ptr_array_unref);
  /* Its weakrefs went with the heap. */
  g_clear_pointer (&vm->builtin_subclass_refs, g_ptr_array_unref);
  g_clear_pointer (&vm->const_arena, g_ptr_array_unref);
  g_clear_pointer (&vm->import_serials, g_array_unref);
  _hs_gc_state_free (vm->gc);
  g_string_free (vm->output, TRUE);
  if (vm->compile_warnings != NULL)
    g_string_free (vm->compile_warnings, TRUE);
  g_free (vm);
}

void
hs_vm_cancel (HsVM *vm)
{
  g_atomic_int_set (&vm->cancelled, 1);
}

void
hs_vm_write (HsVM        *vm,
             HsStream     stream,
             const char  *text,
             gssize       len)
{
  if (len < 0)
    len = strlen (text);
  if ((guint64) vm->output->len + (guint64) len > vm->max_output_bytes)
    {
      gsize room = vm->output->len < vm->max_output_bytes
                   ? (gsize) (vm->max_output_bytes - vm->output->len) : 0;

      /* Keep what fits, up to a whole character; the run stops at its
       * next step. */
      while (room > 0 && room < (gsize) len && ((guchar) text[room] & 0xC0) == 0x80)
        room--;
      len = room;
      if (vm->stop == HS_STOP_NONE)
        vm->stop = HS_STOP_OUTPUT_LIMIT;
    }
  if (len == 0)
    return;

  g_string_append_len (vm->output, text, len);
  if (vm->recorder != NULL)
    hs_recorder_on_output (vm->recorder, stream, text, len);
  if (vm->write != NULL)
    vm->write (stream, text, len, vm->write_data);
}

/* Errors ---------------------------------------------------------------- */

HsObject *
hs_err_set_object (HsVM     *vm,
                   HsType   *type,
                   HsObject *value)
{
  HsObject *exc;

  if (value != NULL && hs_isinstance (value, type) && hs_exception_check (value))
    {
      exc = hs_incref (value);
    }
  else
    {
      HsObject *args;

      if (value == NULL)
        args = hs_incref (vm->empty_tuple);
      else if (hs_isinstance (value, vm->types.tuple))
        args = hs_incref (value);
      else
        args = hs_tuple_pack (vm, 1, value);
      if (args == NULL)
        return NULL;
      exc = hs_exception_new (vm, type, args);
      hs_decref (vm, args);
      if (exc == NULL)
        return NULL;
    }

  hs_err_restore (vm, exc);
  return NULL;
}

HsObject *
hs_err_set_string (HsVM       *vm,
                   HsType     *type,
                   const char *message)
{
  HsObject *msg = hs_str_new (vm, message, -1);

  if (msg == NULL)
    return NULL;
  hs_err_set_object (vm, type, msg);
  hs_decref (vm, msg);
  return NULL;
}

HsObject *
hs_err_format (HsVM       *vm,
               HsType     *type,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return hs_err_set_string (vm, type, message);
}

HsObject *
hs_err_no_memory (HsVM *vm)
{
  HsObject *exc;
  guint64 saved_max = vm->max_heap_bytes;
  guint64 saved_objects = vm->max_objects;

  /* The heap is full: let the exception itself through, as CPython keeps a
   * preallocated MemoryError. */
  vm->max_heap_bytes = G_MAXUINT64;
  vm->max_objects = G_MAXUINT64;
  exc = hs_exception_new (vm, vm->types.MemoryError, vm->empty_tuple);
  vm->max_heap_bytes = saved_max;
  vm->max_objects = saved_objects;
  if (exc != NULL)
    hs_err_restore (vm, exc);
  return NULL;
}

gboolean
hs_err_occurred (HsVM *vm)
{
  return vm->exc != NULL;
}

gboolean
hs_err_matches (HsVM   *vm,
                HsType *type)
{
  return vm->exc != NULL && hs_isinstance (vm->exc, type);
}

void
hs_err_clear (HsVM *vm)
{
  hs_clear_ref (vm, &vm->exc);
}

HsObject *
hs_err_fetch (HsVM *vm)
{
  HsObject *exc = vm->exc;

  vm->exc = NULL;
  return exc;
}

void
hs_err_restore (HsVM     *vm,
                HsObject *exc)
{
  HsObject *old = vm->exc;

  /* Implicit chaining: an error raised while another is being handled
   * records it as __context__, as _PyErr_SetObject does. */
  if (exc != NULL && vm->exc_info != NULL && vm->exc_info != exc
      && HS_EXC (exc)->context == NULL)
    {
      /* Avoid creating a cycle through the context chain. */
      HsObject *o = vm->exc_info;
      gboolean cycle = FALSE;

      while (o != NULL)
        {
          if (o == exc)
            {
              cycle = TRUE;
              break;
            }
          o = HS_EXC (o)->context;
        }
      if (!cycle)
        hs_exception_set_context (vm, exc, hs_incref (vm->exc_info));
    }

  vm->exc = exc;
  hs_xdecref (vm, old);
}

void
hs_err_write_unraisable (HsVM     *vm,
                         HsObject *where)
{
  HsObject *exc = hs_err_fetch (vm);
  GString *line;

  if (exc == NULL)
    return;

  /* Often a RecursionError: describing it needs a little more stack. */
  hs_recursion_headroom_enter ();
  line = g_string_new ("Exception ignored in: ");
  if (where != NULL)
    {
      HsObject *saved_info = vm->exc_info;

      /* repr() must not see the failing exception. */
      vm->exc_info = NULL;
      if (!hs_object_repr_append (vm, where, line))
        {
          hs_err_clear (vm);
          g_string_append_printf (line, "<object repr() failed>");
        }
      vm->exc_info = saved_info;
    }
  g_string_append_c (line, '\n');
  hs_vm_write (vm, HS_STREAM_STDERR, line->str, line->len);
  g_string_free (line, TRUE);

  hs_traceback_print (vm, exc);
  hs_recursion_headroom_leave ();
  hs_decref (vm, exc);
}
