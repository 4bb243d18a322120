/* hs-gen-object.c — generator objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers.h"
#include "hs-eval.h"
#include "hs-exc-object.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-gen-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"
#include "hs-weakref.h"

HsObject *
hs_generator_new (HsVM     *vm,
                  HsFrame  *frame,
                  HsObject *func)
{
  HsGenerator *gen = (HsGenerator *) hs_object_alloc (vm, vm->types.generator,
                                                      sizeof (HsGenerator));

  if (gen == NULL)
    {
      hs_frame_release (vm, frame);
      return NULL;
    }
  gen->frame = frame;
  gen->state = HS_GEN_CREATED;
  gen->name = hs_incref (func != NULL ? HS_FUNCTION (func)->name : frame->code->name);
  gen->qualname = hs_incref (func != NULL ? HS_FUNCTION (func)->qualname : frame->code->qualname);
  frame->generator = (HsObject *) gen;
  frame->owner = HS_FRAME_OWNED_BY_GENERATOR;
  hs_gc_track (vm, (HsObject *) gen);
  return (HsObject *) gen;
}

void
_hs_generator_finished (HsVM     *vm,
                        HsObject *self)
{
  HsGenerator *gen = HS_GENERATOR (self);
  HsFrame *frame = gen->frame;

  gen->state = HS_GEN_CLOSED;
  gen->frame = NULL;
  if (frame != NULL)
    {
      frame->generator = NULL;
      frame->owner = HS_FRAME_OWNED_BY_THREAD;
      hs_frame_release (vm, frame);
    }
}

/* Runs the generator once: @value is pushed (NULL = throw vm->exc). */
static HsObject *
gen_resume (HsVM      *vm,
            HsObject  *self,
            HsObject  *value,
            gboolean  *returned)
{
  HsGenerator *gen = HS_GENERATOR (self);
  HsObject *res;
  gboolean first = gen->state == HS_GEN_CREATED;

  *returned = FALSE;
  if (gen->state == HS_GEN_RUNNING)
    {
      hs_xdecref (vm, value);
      return hs_err_format (vm, vm->types.ValueError, "generator already executing");
    }
  if (gen->state == HS_GEN_CLOSED || gen->frame == NULL)
    {
      hs_xdecref (vm, value);
      if (value == NULL)
        return NULL;  /* throw into a finished generator: the exception stands */
      *returned = TRUE;
      return hs_none (vm);
    }

  gen->state = HS_GEN_RUNNING;
  hs_incref (self);
  /* A just-started generator has no yield expression to receive the value. */
  if (first && value != NULL)
    {
      hs_decref (vm, value);
      value = NULL;
      res = _hs_eval_resume (vm, gen->frame, NULL);
    }
  else
    res = _hs_eval_resume (vm, gen->frame, value);

  if (gen->state == HS_GEN_RUNNING)
    {
      /* It yielded. */
      gen->state = HS_GEN_SUSPENDED;
      hs_decref (vm, self);
      return res;
    }

  /* It returned or raised; the frame is gone. */
  if (res != NULL)
    *returned = TRUE;
  else if (hs_err_matches (vm, vm->types.StopIteration))
    {
      /* PEP 479 */
      HsObject *exc = hs_err_fetch (vm);

      hs_err_format (vm, vm->types.RuntimeError, "generator raised StopIteration");
      hs_exception_set_cause (vm, vm->exc, exc);
      HS_EXC (vm->exc)->suppress_context = TRUE;
    }
  hs_decref (vm, self);
  return res;
}

HsObject *
hs_generator_send (HsVM     *vm,
                   HsObject *gen,
                   HsObject *value,
                   gboolean *returned)
{
  gboolean done;
  HsObject *res;

  if (HS_GENERATOR (gen)->state == HS_GEN_CREATED && value != NULL && value != vm->none)
    return hs_err_format (vm, vm->types.TypeError,
                          "can't send non-None value to a just-started generator");
  res = gen_resume (vm, gen, value != NULL ? hs_incref (value) : hs_none (vm), &done);
  if (done)
    {
      if (returned != NULL)
        {
          *returned = TRUE;
          return res;
        }
      /* StopIteration carries the return value. */
      if (res == vm->none)
        hs_err_set_object (vm, vm->types.StopIteration, NULL);
      else
        {
          HsObject *args = hs_tuple_pack (vm, 1, res);

          if (args != NULL)
            {
              hs_err_set_object (vm, vm->types.StopIteration, args);
              hs_decref (vm, args);
            }
        }
      hs_decref (vm, res);
      return NULL;
    }
  if (returned != NULL)
    *returned = FALSE;
  return res;
}

static HsObject *
gen_iternext (HsVM     *vm,
              HsObject *self)
{
  gboolean done;
  HsObject *res = gen_resume (vm, self, hs_none (vm), &done);

  if (done)
    {
      if (res != vm->none)
        {
          HsObject *args = hs_tuple_pack (vm, 1, res);

          if (args != NULL)
            {
              hs_err_set_object (vm, vm->types.StopIteration, args);
              hs_decref (vm, args);
            }
        }
      hs_decref (vm, res);
      return NULL;
    }
  return res;
}

static HsObject *
gen_close_internal (HsVM     *vm,
                    HsObject *self)
{
  HsGenerator *gen = HS_GENERATOR (self);
  HsObject *res;
  gboolean done;

  if (gen->state == HS_GEN_CREATED)
    {
      _hs_generator_finished (vm, self);
      return hs_none (vm);
    }
  if (gen->state == HS_GEN_CLOSED)
    return hs_none (vm);

  hs_err_set_object (vm, vm->types.GeneratorExit, NULL);
  res = gen_resume (vm, self, NULL, &done);
  if (res != NULL && !done)
    {
      hs_decref (vm, res);
      return hs_err_format (vm, vm->types.RuntimeError, "generator ignored GeneratorExit");
    }
  hs_xdecref (vm, res);
  if (hs_err_matches (vm, vm->types.GeneratorExit) || hs_err_matches (vm, vm->types.StopIteration))
    hs_err_clear (vm);
  if (hs_err_occurred (vm))
    return NULL;
  return hs_none (vm);
}

static HsObject *
gen_send_method (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "send", nargs - 1, 1, 1))
    return NULL;
  return hs_generator_send (vm, args[0], args[1], NULL);
}

static HsObject *
gen_close_method (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  if (!hs_check_nargs (vm, "close", nargs - 1, 0, 0))
    return NULL;
  return gen_close_internal (vm, args[0]);
}

static HsObject *
gen_throw_method (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kw)
{
  HsObject *typ, *exc;
  gboolean done;
  HsObject *res;

  if (!hs_check_nargs (vm, "throw", nargs - 1, 1, 3))
    return NULL;
  typ = args[1];
  if (hs_exception_class_check (typ))
    {
      HsObject *val = nargs > 2 ? args[2] : NULL;

      if (val != NULL && hs_exception_check (val))
        exc = hs_incref (val);
      else
        exc = hs_object_call (vm, typ, val != NULL && val != vm->none ? &val : NULL,
                              val != NULL && val != vm->none ? 1 : 0, NULL);
      if (exc == NULL)
        return NULL;
    }
  else if (hs_exception_check (typ))
    exc = hs_incref (typ);
  else
    return hs_err_format (vm, vm->types.TypeError,
                          "exceptions must be classes or instances deriving from BaseException, not %s",
                          hs_type_name (typ));

  if (HS_GENERATOR (args[0])->state == HS_GEN_CREATED)
    {
      /* Never started: close it and raise here. */
      _hs_generator_finished (vm, args[0]);
      hs_err_restore (vm, exc);
      return NULL;
    }
  hs_err_restore (vm, exc);
  res = gen_resume (vm, args[0], NULL, &done);
  if (done)
    {
      if (res != vm->none)
        {
          HsObject *t = hs_tuple_pack (vm, 1, res);

          hs_err_set_object (vm, vm->types.StopIteration, t);
          hs_xdecref (vm, t);
        }
      else
        hs_err_set_object (vm, vm->types.StopIteration, NULL);
      hs_decref (vm, res);
      return NULL;
    }
  return res;
}

static const HsMethodDef gen_methods[] = {
  { "send", gen_send_method, 0, NULL },
  { "throw", gen_throw_method, 0, NULL },
  { "close", gen_close_method, 0, NULL },
  { NULL }
};

static void
gen_finalize (HsVM     *vm,
              HsObject *self)
{
  HsGenerator *gen = HS_GENERATOR (self);
  HsObject *res;

  /* _PyGen_Finalize: every generator that has not completed is closed; an
   * unstarted one just drops its frame (which can break a cycle). */
  if (gen->state != HS_GEN_SUSPENDED && gen->state != HS_GEN_CREATED)
    return;
  res = gen_close_internal (vm, self);
  if (res == NULL)
    hs_err_write_unraisable (vm, self);
  else
    hs_decref (vm, res);
}

static void
gen_dealloc (HsVM     *vm,
             HsObject *self)
{
  HsGenerator *gen = HS_GENERATOR (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  if (self->weakrefs != NULL)
    hs_weakref_clear_all (vm, self, TRUE);
  if (gen->state == HS_GEN_SUSPENDED && _hs_call_finalizer_from_dealloc (vm, self))
    return;
  if (gen->frame != NULL)
    _hs_generator_finished (vm, self);
  hs_clear_ref (vm, &gen->name);
  hs_clear_ref (vm, &gen->qualname);
  hs_object_free (vm, self);
}

static void
gen_traverse (HsObject    *self,
              HsVisitFunc  visit,
              gpointer     data)
{
  HsGenerator *gen = HS_GENERATOR (self);
  HsFrame *f = gen->frame;

  if (f != NULL && !f->cleared)
    {
      for (int i = 0; i < f->code->nlocalsplus + f->stacktop; i++)
        if (f->localsplus[i] != NULL)
          visit (f->localsplus[i], data);
      if (f->locals_cache != NULL)
        visit (f->locals_cache, data);
      if (f->func != NULL)
        visit (f->func, data);
    }
  if (gen->name != NULL)
    visit (gen->name, data);
  if (gen->qualname != NULL)
    visit (gen->qualname, data);
}

static void
gen_free_storage (HsObject *self)
{
  HsGenerator *gen = HS_GENERATOR (self);

  /* Tearing down a VM: a frame object (gi_frame, a traceback) may point at
   * this frame and be torn down later; it must not look at freed memory. */
  if (gen->frame != NULL && gen->frame->frame_obj != NULL)
    HS_FRAME_OBJECT (gen->frame->frame_obj)->frame = NULL;
  g_clear_pointer (&gen->frame, g_free);
}

static HsObject *
gen_iter (HsVM     *vm,
          HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
gen_repr (HsVM     *vm,
          HsObject *self)
{
  return hs_str_new_printf (vm, "<generator object %s at 0x%" G_GINT64_MODIFIER "x>",
                            hs_str_utf8 (HS_GENERATOR (self)->qualname), hs_object_id (self));
}

static void
gen_repr_short (HsObject *self,
                GString  *out,
                gsize     max_chars)
{
  static const char *const states[] = { "created", "suspended", "running", "closed" };

  g_string_append_printf (out, "%s() %s", hs_str_utf8 (HS_GENERATOR (self)->qualname),
                          states[HS_GENERATOR (self)->state]);
}

static HsObject *
gen_getattro (HsVM     *vm,
              HsObject *self,
              HsObject *name)
{
  HsGenerator *gen = HS_GENERATOR (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "gi_frame") == 0)
    {
      HsObject *fo;

      if (gen->frame == NULL)
        return hs_none (vm);
      fo = hs_frame_get_frame_object (vm, gen->frame);
      return fo != NULL ? hs_incref (fo) : NULL;
    }
  if (strcmp (n, "gi_running") == 0)
    return hs_bool (vm, gen->state == HS_GEN_RUNNING);
  if (strcmp (n, "gi_suspended") == 0)
    return hs_bool (vm, gen->state == HS_GEN_SUSPENDED);
  if (strcmp (n, "gi_code") == 0)
    return gen->frame != NULL ? hs_incref ((HsObject *) gen->frame->code) : hs_none (vm);
  if (strcmp (n, "__name__") == 0)
    return hs_incref (gen->name);
  if (strcmp (n, "__qualname__") == 0)
    return hs_incref (gen->qualname);
  return hs_object_generic_getattr (vm, self, name);
}

static gsize
gen_sizeof (HsObject *self)
{
  HsFrame *f = HS_GENERATOR (self)->frame;

  if (f == NULL)
    return 176;
  return 168 + 8 * (f->code->nlocalsplus + f->code->stacksize);
}

void
_hs_gen_init_types (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "generator", vm->types.object, sizeof (HsGenerator),
                                    176, HS_TPFLAG_GC | HS_TPFLAG_WEAKREFABLE);

  t->tp_dealloc = gen_dealloc;
  t->tp_traverse = gen_traverse;
  t->tp_free_storage = gen_free_storage;
  t->tp_finalize = gen_finalize;
  t->tp_iter = gen_iter;
  t->tp_iternext = gen_iternext;
  t->tp_repr = gen_repr;
  t->tp_getattro = gen_getattro;
  t->tp_sizeof = gen_sizeof;
  t->tp_repr_short = gen_repr_short;
  t->methods = gen_methods;
  vm->types.generator = t;
  _hs_type_ready (vm, t);
}
