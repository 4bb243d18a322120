/* hs-frame.c — interpreter frames, frame objects and traceback objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-exc-object.h"
#include "hs-frame.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

HsFrame *
hs_frame_new (HsVM     *vm,
              HsCode   *code,
              HsObject *func,
              HsObject *globals,
              HsObject *builtins,
              HsObject *locals)
{
  gsize n = code->nlocalsplus + code->stacksize + HS_FRAME_STACK_SLACK;
  HsFrame *f;

  /* The real frame memory counts against the simulated heap, so runaway
   * recursion with huge frames still ends in a clean error. */
  if (!hs_heap_reserve (vm, sizeof (HsFrame) + n * sizeof (HsObject *)))
    {
      hs_xdecref (vm, func);
      return NULL;
    }
  f = g_malloc0 (sizeof (HsFrame) + n * sizeof (HsObject *));
  f->code = (HsCode *) hs_incref ((HsObject *) code);
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals != NULL ? hs_incref (locals) : NULL;
  f->prev_ip = code->first_traceable;
  f->line = code->firstlineno;
  return f;
}

void
hs_frame_clear_slots (HsVM    *vm,
                      HsFrame *f)
{
  int n = f->code->nlocalsplus + f->stacktop;

  if (f->cleared)
    return;
  f->cleared = TRUE;

  /* _PyFrame_Clear: locals in slot order (parameters first), then the stack. */
  for (int i = 0; i < n; i++)
    {
      HsObject *v = f->localsplus[i];

      f->localsplus[i] = NULL;
      hs_xdecref (vm, v);
    }
  f->stacktop = 0;
  hs_clear_ref (vm, &f->locals);
  hs_clear_ref (vm, &f->locals_cache);
  hs_clear_ref (vm, &f->func);
}

static void
frame_free (HsVM    *vm,
            HsFrame *f)
{
  gsize n = f->code->nlocalsplus + f->code->stacksize + HS_FRAME_STACK_SLACK;
  HsObject *code = (HsObject *) f->code;

  hs_heap_reserve (vm, -(gssize) (sizeof (HsFrame) + n * sizeof (HsObject *)));
  g_free (f);
  hs_decref (vm, code);
}

void
hs_frame_release (HsVM    *vm,
                  HsFrame *f)
{
  if (f->frame_obj != NULL)
    {
      HsObject *fo = f->frame_obj;

      f->frame_obj = NULL;
      if (fo->ob_refcnt > 1)
        {
          /* Someone (a traceback, gi_frame) still needs the frame: it keeps
           * the slots alive until the frame object dies. */
          f->owner = HS_FRAME_OWNED_BY_FRAME_OBJECT;
          HS_FRAME_OBJECT (fo)->lineno = hs_frame_get_line (f);
          hs_decref (vm, fo);
          return;
        }
      HS_FRAME_OBJECT (fo)->frame = NULL;
      hs_decref (vm, fo);
    }
  hs_frame_clear_slots (vm, f);
  frame_free (vm, f);
}

int
hs_frame_get_line (HsFrame *f)
{
  int ip = f->prev_ip;

  if (ip >= 0 && ip < f->code->n_instrs && f->code->locs[ip].line > 0)
    return f->code->locs[ip].line;
  return f->line;
}

/* frame objects --------------------------------------------------------------- */

HsObject *
hs_frame_get_frame_object (HsVM    *vm,
                           HsFrame *f)
{
  HsFrameObject *fo;

  if (f->frame_obj != NULL)
    return f->frame_obj;
  fo = (HsFrameObject *) hs_object_alloc (vm, vm->types.frame, sizeof (HsFrameObject));
  if (fo == NULL)
    return NULL;
  fo->frame = f;
  fo->lineno = hs_frame_get_line (f);
  f->frame_obj = (HsObject *) fo;   /* the frame owns this reference */
  hs_gc_track (vm, (HsObject *) fo);
  return (HsObject *) fo;
}

static void
frame_object_dealloc (HsVM     *vm,
                      HsObject *self)
{
  HsFrameObject *fo = HS_FRAME_OBJECT (self);
  HsFrame *f = fo->frame;

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  fo->frame = NULL;
  if (f != NULL && f->owner == HS_FRAME_OWNED_BY_FRAME_OBJECT)
    {
      /* frame_dealloc's order: the function, the locals dict, then the
       * slots (not _PyFrame_Clear's). */
      if (!f->cleared)
        {
          hs_clear_ref (vm, &f->func);
          hs_clear_ref (vm, &f->locals);
          hs_clear_ref (vm, &f->locals_cache);
        }
      hs_frame_clear_slots (vm, f);
      frame_free (vm, f);
    }
  else if (f != NULL)
    f->frame_obj = NULL;
  hs_object_free (vm, self);
}

static void
frame_object_traverse (HsObject    *self,
                       HsVisitFunc  visit,
                       gpointer     data)
{
  HsFrame *f = HS_FRAME_OBJECT (self)->frame;

  if (f == NULL || f->owner != HS_FRAME_OWNED_BY_FRAME_OBJECT || f->cleared)
    return;
  for (int i = 0; i < f->code->nlocalsplus + f->stacktop; i++)
    if (f->localsplus[i] != NULL)
      visit (f->localsplus[i], data);
  if (f->locals != NULL)
    visit (f->locals, data);
  if (f->locals_cache != NULL)
    visit (f->locals_cache, data);
  if (f->func != NULL)
    visit (f->func, data);
}

static void
frame_object_clear (HsVM     *vm,
                    HsObject *self)
{
  HsFrame *f = HS_FRAME_OBJECT (self)->frame;

  if (f != NULL && f->owner == HS_FRAME_OWNED_BY_FRAME_OBJECT)
    hs_frame_clear_slots (vm, f);
}

static void
frame_object_free_storage (HsObject *self)
{
  HsFrame *f = HS_FRAME_OBJECT (self)->frame;

  if (f != NULL && f->owner == HS_FRAME_OWNED_BY_FRAME_OBJECT)
    g_free (f);
  HS_FRAME_OBJECT (self)->frame = NULL;
}

HsObject *
hs_frame_locals_dict (HsVM    *vm,
                      HsFrame *f)
{
  HsObject *d;

  if (f->locals != NULL)
    return hs_incref (f->locals);
  if (f->cleared)
    return hs_dict_new (vm);
  /* _PyFrame_FastToLocalsWithError: one dict per frame, kept (holding the
   * values) until the frame is cleared and brought up to date by each
   * call; names without a value are removed. */
  if (f->locals_cache == NULL && (f->locals_cache = hs_dict_new (vm)) == NULL)
    return NULL;
  d = f->locals_cache;
  for (int i = 0; i < f->code->nlocalsplus; i++)
    {
      HsObject *v = f->localsplus[i];
      HsObject *name = HS_TUPLE (f->code->localsplusnames)->items[i];
      guint8 kind = f->code->localspluskinds[i];

      if (v != NULL && (kind & (HS_LOCAL_CELL | HS_LOCAL_FREE)) && v->ob_type == vm->types.cell)
        v = HS_CELL (v)->ref;
      if (v != NULL)
        {
          if (hs_dict_setitem (vm, d, name, v) < 0)
            return NULL;
        }
      else if (hs_dict_delitem (vm, d, name) < 0)
        hs_err_clear (vm);
    }
  return hs_incref (d);
}

static HsObject *
frame_object_getattro (HsVM     *vm,
                       HsObject *self,
                       HsObject *name)
{
  HsFrameObject *fo = HS_FRAME_OBJECT (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "f_locals") == 0)
    {
      if (fo->frame == NULL)
        return hs_dict_new (vm);
      return hs_frame_locals_dict (vm, fo->frame);
    }
  if (strcmp (n, "f_lineno") == 0)
    return hs_int_from_i64 (vm, fo->frame != NULL && fo->frame->owner != HS_FRAME_OWNED_BY_FRAME_OBJECT
                                ? hs_frame_get_line (fo->frame) : fo->lineno);
  if (strcmp (n, "f_code") == 0 && fo->frame != NULL)
    return hs_incref ((HsObject *) fo->frame->code);
  if (strcmp (n, "f_globals") == 0 && fo->frame != NULL)
    return hs_incref (fo->frame->globals);
  if (strcmp (n, "f_back") == 0)
    {
      if (fo->frame != NULL && fo->frame->previous != NULL)
        {
          HsObject *back = hs_frame_get_frame_object (vm, fo->frame->previous);

          return back != NULL ? hs_incref (back) : NULL;
        }
      return hs_none (vm);
    }
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
frame_object_repr (HsVM     *vm,
                   HsObject *self)
{
  HsFrameObject *fo = HS_FRAME_OBJECT (self);
  HsFrame *f = fo->frame;

  return hs_str_new_printf (vm, "<frame at 0x%" G_GINT64_MODIFIER "x, code %s>",
                            hs_object_id (self),
                            f != NULL ? hs_str_utf8 (f->code->name) : "?");
}

/* tracebacks ------------------------------------------------------------------- */

gboolean
hs_traceback_here (HsVM    *vm,
                   HsFrame *f)
{
  HsObject *exc = vm->exc;
  HsObject *fo;
  HsTraceback *tb;
  int ip = f->ip > 0 ? f->ip - 1 : 0;

  if (exc == NULL)
    return FALSE;

  /* Building the traceback must not disturb the exception being raised. */
  vm->exc = NULL;
  fo = hs_frame_get_frame_object (vm, f);
  tb = fo != NULL ? (HsTraceback *) hs_object_alloc (vm, vm->types.traceback,
                                                     sizeof (HsTraceback)) : NULL;
  if (tb == NULL)
    {
      hs_err_clear (vm);
      vm->exc = exc;
      return FALSE;
    }
  tb->tb_frame = hs_incref (fo);
  tb->tb_next = hs_exception_get_traceback (exc);
  if (tb->tb_next != NULL)
    hs_incref (tb->tb_next);
  tb->tb_lasti = ip;
  tb->loc = f->code->locs[ip];
  tb->tb_lineno = tb->loc.line > 0 ? tb->loc.line : hs_frame_get_line (f);
  hs_gc_track (vm, (HsObject *) tb);
  vm->exc = exc;
  hs_exception_set_traceback (vm, exc, (HsObject *) tb);
  hs_decref (vm, (HsObject *) tb);
  return TRUE;
}

static void
traceback_dealloc (HsVM     *vm,
                   HsObject *self)
{
  HsTraceback *tb = HS_TRACEBACK (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &tb->tb_next);
  hs_clear_ref (vm, &tb->tb_frame);
  hs_object_free (vm, self);
}

static void
traceback_traverse (HsObject    *self,
                    HsVisitFunc  visit,
                    gpointer     data)
{
  HsTraceback *tb = HS_TRACEBACK (self);

  if (tb->tb_next != NULL)
    visit (tb->tb_next, data);
  if (tb->tb_frame != NULL)
    visit (tb->tb_frame, data);
}

static void
traceback_clear (HsVM     *vm,
                 HsObject *self)
{
  HsTraceback *tb = HS_TRACEBACK (self);

  hs_clear_ref (vm, &tb->tb_next);
  hs_clear_ref (vm, &tb->tb_frame);
}

static HsObject *
traceback_getattro (HsVM     *vm,
                    HsObject *self,
                    HsObject *name)
{
  HsTraceback *tb = HS_TRACEBACK (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "tb_next") == 0)
    return tb->tb_next != NULL ? hs_incref (tb->tb_next) : hs_none (vm);
  if (strcmp (n, "tb_frame") == 0)
    return hs_incref (tb->tb_frame);
  if (strcmp (n, "tb_lineno") == 0)
    return hs_int_from_i64 (vm, tb->tb_lineno);
  if (strcmp (n, "tb_lasti") == 0)
    return hs_int_from_i64 (vm, tb->tb_lasti * 2);
  return hs_object_generic_getattr (vm, self, name);
}

void
_hs_frame_init_types (HsVM *vm)
{
  HsType *t;

  t = _hs_type_new_builtin (vm, "frame", vm->types.object, sizeof (HsFrameObject), 120,
                            HS_TPFLAG_GC);
  t->tp_dealloc = frame_object_dealloc;
  t->tp_traverse = frame_object_traverse;
  t->tp_clear = frame_object_clear;
  t->tp_free_storage = frame_object_free_storage;
  t->tp_getattro = frame_object_getattro;
  t->tp_repr = frame_object_repr;
  vm->types.frame = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "traceback", vm->types.object, sizeof (HsTraceback), 64,
                            HS_TPFLAG_GC);
  t->tp_dealloc = traceback_dealloc;
  t->tp_traverse = traceback_traverse;
  t->tp_clear = traceback_clear;
  t->tp_getattro = traceback_getattro;
  vm->types.traceback = t;
  _hs_type_ready (vm, t);
}
