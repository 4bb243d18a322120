/* hs-eval.c — the bytecode interpreter loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value stack holds real references, exactly where CPython 3.11's does:
 * that is the whole reason sys.getrefcount() agrees. Calls between Python
 * functions are "inlined" (a new frame, no C recursion), as in 3.11.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-code.h"
#include "hs-containers.h"
#include "hs-eval.h"
#include "hs-eval-private.h"
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

#define STACK(f)     (hs_frame_stack_base (f))
#define TOP()        (STACK (f)[f->stacktop - 1])
#define SECOND()     (STACK (f)[f->stacktop - 2])
#define PEEK(n)      (STACK (f)[f->stacktop - (n)])
#define SET_TOP(v)   (STACK (f)[f->stacktop - 1] = (v))
#define PUSH(v)      (STACK (f)[f->stacktop++] = (v))
#define POP()        (STACK (f)[--f->stacktop])

HsObject *
hs_function_call (HsVM            *vm,
                  HsObject        *func,
                  HsObject *const *args,
                  gsize            nargs,
                  HsObject        *kwnames)
{
  HsFrame *frame = _hs_eval_make_frame (vm, func, args, nargs, kwnames, FALSE);

  if (frame == NULL)
    return NULL;
  if (frame->code->flags & HS_CO_GENERATOR)
    return hs_generator_new (vm, frame, func);
  return hs_eval_frame (vm, frame);
}

HsObject *
hs_eval_code (HsVM     *vm,
              HsCode   *code,
              HsObject *globals,
              HsObject *locals)
{
  HsFrame *frame = hs_frame_new (vm, code, NULL, globals, vm->builtins, locals);

  if (frame == NULL)
    return NULL;
  return hs_eval_frame (vm, frame);
}

/* Names ------------------------------------------------------------------- */

static HsObject *
load_global (HsVM     *vm,
             HsFrame  *f,
             HsObject *name)
{
  HsObject *v = hs_dict_getitem (vm, f->globals, name);

  if (v == NULL && !hs_err_occurred (vm))
    v = hs_dict_getitem (vm, f->builtins, name);
  if (v == NULL)
    return hs_err_occurred (vm) ? NULL : _hs_eval_name_error (vm, name);
  return hs_incref (v);
}

/* The loop --------------------------------------------------------------- */

static gboolean
check_stop (HsVM *vm)
{
  if (G_UNLIKELY (g_atomic_int_get (&vm->cancelled)) && vm->stop == HS_STOP_NONE)
    vm->stop = HS_STOP_CANCELLED;
  return vm->stop != HS_STOP_NONE;
}

static void
raise_stop (HsVM *vm)
{
  /* A run that must end unwinds like an exception no handler can catch. */
  if (vm->exc == NULL || !hs_isinstance (vm->exc, vm->types.SystemExit))
    hs_err_set_object (vm, vm->types.SystemExit, NULL);
}

/* Line events exactly as 3.11's maybe_call_line_trace: a new line, or a
 * backward jump (not from SEND) even to the same line. */
static inline gboolean
trace_line (HsVM    *vm,
            HsFrame *f,
            int      ip)
{
  HsCode *code = f->code;
  int line = code->locs[ip].line;
  int prev = f->prev_ip;
  int lastline;

  f->prev_ip = ip;
  if (line < 0)
    return TRUE;
  lastline = prev <= code->first_traceable ? -1 : code->locs[prev].line;
  /* ip == prev: a jump to itself (`while True: pass`). CPython reports no
   * event there and spins forever; a step per turn lets the step cap stop it. */
  if (line == lastline && !(ip <= prev && HS_INSTR_OP (code->instrs[ip]) != HS_OP_SEND))
    return TRUE;

  f->line = line;
  vm->steps++;
  if (vm->recorder != NULL && !hs_recorder_on_line (vm->recorder, f, line))
    {
      if (vm->stop == HS_STOP_NONE)
        vm->stop = HS_STOP_STEP_LIMIT;
      return FALSE;
    }
  if (vm->steps > vm->max_steps && vm->max_steps > 0)
    {
      vm->stop = HS_STOP_STEP_LIMIT;
      return FALSE;
    }
  return !check_stop (vm);
}

static gboolean
push_frame (HsVM    *vm,
            HsFrame *frame)
{
  /* One counter for frames and C-level recursion, as CPython 3.11's. */
  if (vm->depth + vm->c_recursion + 1 > vm->recursion_limit)
    {
      hs_err_format (vm, vm->types.RecursionError, "maximum recursion depth exceeded");
      return FALSE;
    }
  frame->previous = vm->frame;
  vm->frame = frame;
  vm->depth++;
  return TRUE;
}

static void
pop_frame (HsVM    *vm,
           HsFrame *frame)
{
  vm->frame = frame->previous;
  frame->previous = NULL;
  vm->depth--;
}

HsObject *
_hs_eval_resume (HsVM     *vm,
                 HsFrame  *frame,
                 HsObject *value)
{
  /* A generator frame continues where it yielded, with the sent value on
   * the stack (or the exception in vm->exc to be thrown in). */
  if (value != NULL)
    STACK (frame)[frame->stacktop++] = value;
  frame->is_entry = TRUE;
  return hs_eval_frame (vm, frame);
}

HsObject *
hs_eval_frame (HsVM    *vm,
               HsFrame *entry)
{
  HsFrame *f = entry;
  HsObject *retval = NULL;
  gboolean throwing = vm->exc != NULL && entry->generator != NULL;

  entry->is_entry = TRUE;
  if (check_stop (vm))
    {
      raise_stop (vm);
      if (entry->generator == NULL)
        hs_frame_release (vm, entry);
      return NULL;
    }
  /* Each entry from C (a call from a built-in, a generator resumed) runs
   * this loop one level deeper on the real stack. */
  if (!hs_stack_check (vm) || !push_frame (vm, entry))
    {
      if (entry->generator == NULL)
        hs_frame_release (vm, entry);
      return NULL;
    }
  if (throwing)
    goto exception_unwind_traceback;

  for (;;)
    {
      HsCode *code = f->code;
      int ip = f->ip;
      HsInstr instr = code->instrs[ip];
      HsOpcode op = HS_INSTR_OP (instr);
      guint32 arg = HS_INSTR_ARG (instr);

      if (op != HS_OP_RESUME && !trace_line (vm, f, ip))
        {
          raise_stop (vm);
          goto exception_unwind;
        }
      if (op == HS_OP_RESUME)
        f->prev_ip = ip;
      f->ip = ip + 1;

      switch (op)
        {
        case HS_OP_NOP:
        case HS_OP_RESUME:
          break;

        case HS_OP_POP_TOP:
          {
            HsObject *v = POP ();

            hs_xdecref (vm, v);
          }
          break;

        case HS_OP_PUSH_NULL:
          PUSH (NULL);
          break;

        case HS_OP_COPY:
          {
            HsObject *v = PEEK (arg);

            PUSH (hs_incref (v));
          }
          break;

        case HS_OP_SWAP:
          {
            HsObject *t = TOP ();

            SET_TOP (PEEK (arg));
            PEEK (arg) = t;
          }
          break;

        case HS_OP_LOAD_CONST:
          PUSH (hs_incref (HS_TUPLE (code->consts)->items[arg]));
          break;

        case HS_OP_LOAD_FAST:
        case HS_OP_LOAD_FAST_CHECK:
          {
            HsObject *v = f->localsplus[arg];

            if (v == NULL)
              {
                _hs_eval_unbound_local (vm, f, arg);
                goto error;
              }
            PUSH (hs_incref (v));
          }
          break;

        case HS_OP_STORE_FAST:
          {
            HsObject *v = POP ();
            HsObject *old = f->localsplus[arg];

            f->localsplus[arg] = v;
            HS_RECORD_STORE (vm, v, HS_STORE_NAME);
            hs_xdecref (vm, old);
          }
          break;

        case HS_OP_DELETE_FAST:
          {
            HsObject *old = f->localsplus[arg];

            if (old == NULL)
              {
                _hs_eval_unbound_local (vm, f, arg);
                goto error;
              }
            f->localsplus[arg] = NULL;
            HS_RECORD_STORE (vm, NULL, HS_STORE_DELETE_NAME);
            hs_decref (vm, old);
          }
          break;

        case HS_OP_LOAD_NAME:
          {
            HsObject *name = HS_TUPLE (code->names)->items[arg];
            HsObject *v = hs_dict_getitem (vm, f->locals, name);

            if (v == NULL && !hs_err_occurred (vm) && f->locals != f->globals)
              v = hs_dict_getitem (vm, f->globals, name);
            if (v == NULL && !hs_err_occurred (vm))
              v = hs_dict_getitem (vm, f->builtins, name);
            if (v == NULL)
              {
                if (!hs_err_occurred (vm))
                  _hs_eval_name_error (vm, name);
                goto error;
              }
            PUSH (hs_incref (v));
          }
          break;

        case HS_OP_STORE_NAME:
        case HS_OP_STORE_GLOBAL:
          {
            HsObject *name = HS_TUPLE (code->names)->items[arg];
            HsObject *ns = op == HS_OP_STORE_NAME ? f->locals : f->globals;
            HsObject *v = POP ();
            int err = hs_dict_setitem (vm, ns, name, v);

            if (err == 0)
              HS_RECORD_STORE (vm, v, HS_STORE_NAME);
            hs_decref (vm, v);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_DELETE_NAME:
        case HS_OP_DELETE_GLOBAL:
          {
            HsObject *name = HS_TUPLE (code->names)->items[arg];
            HsObject *ns = op == HS_OP_DELETE_NAME ? f->locals : f->globals;
            int r = hs_dict_delitem (vm, ns, name);

            if (r > 0)
              HS_RECORD_STORE (vm, NULL, HS_STORE_DELETE_NAME);
            if (r < 0)
              goto error;
            if (r == 0)
              {
                _hs_eval_name_error (vm, name);
                goto error;
              }
          }
          break;

        case HS_OP_LOAD_GLOBAL:
          {
            HsObject *v = load_global (vm, f, HS_TUPLE (code->names)->items[arg >> 1]);

            if (v == NULL)
              goto error;
            if (arg & 1)
              PUSH (NULL);
            PUSH (v);
          }
          break;

        case HS_OP_LOAD_DEREF:
        case HS_OP_LOAD_CLASSDEREF:
          {
            HsObject *cell = f->localsplus[arg];
            HsObject *v = NULL;

            if (op == HS_OP_LOAD_CLASSDEREF && f->locals != NULL)
              {
                HsObject *name = HS_TUPLE (code->localsplusnames)->items[arg];

                v = hs_dict_getitem (vm, f->locals, name);
                if (v == NULL && hs_err_occurred (vm))
                  goto error;
              }
            if (v == NULL)
              v = HS_CELL (cell)->ref;
            if (v == NULL)
              {
                _hs_eval_unbound_local (vm, f, arg);
                goto error;
              }
            PUSH (hs_incref (v));
          }
          break;

        case HS_OP_STORE_DEREF:
          {
            HsObject *v = POP ();

            hs_set_ref (vm, &HS_CELL (f->localsplus[arg])->ref, v);
            HS_RECORD_STORE (vm, v, HS_STORE_NAME);
          }
          break;

        case HS_OP_DELETE_DEREF:
          {
            HsCell *cell = HS_CELL (f->localsplus[arg]);

            if (cell->ref == NULL)
              {
                _hs_eval_unbound_local (vm, f, arg);
                goto error;
              }
            hs_clear_ref (vm, &cell->ref);
          }
          break;

        case HS_OP_LOAD_CLOSURE:
          PUSH (hs_incref (f->localsplus[arg]));
          break;

        case HS_OP_MAKE_CELL:
          {
            HsObject *initial = f->localsplus[arg];
            HsObject *cell = hs_cell_new (vm, initial);

            if (cell == NULL)
              goto error;
            f->localsplus[arg] = cell;
            hs_xdecref (vm, initial);
          }
          break;

        case HS_OP_COPY_FREE_VARS:
          {
            HsObject *closure = HS_FUNCTION (f->func)->closure;
            int offset = code->nlocalsplus - (int) arg;

            for (guint i = 0; i < arg; i++)
              f->localsplus[offset + i] = hs_incref (HS_TUPLE (closure)->items[i]);
          }
          break;

        case HS_OP_LOAD_ATTR:
          {
            HsObject *owner = TOP ();
            HsObject *res = hs_object_getattr (vm, owner, HS_TUPLE (code->names)->items[arg]);

            if (res == NULL)
              goto error;
            SET_TOP (res);
            hs_decref (vm, owner);
          }
          break;

        case HS_OP_STORE_ATTR:
          {
            HsObject *owner = POP ();
            HsObject *v = POP ();
            int err = hs_object_setattr (vm, owner, HS_TUPLE (code->names)->items[arg], v);

            if (err == 0)
              HS_RECORD_STORE (vm, v, HS_STORE_ATTR);
            hs_decref (vm, v);
            hs_decref (vm, owner);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_DELETE_ATTR:
          {
            HsObject *owner = POP ();
            int err = hs_object_setattr (vm, owner, HS_TUPLE (code->names)->items[arg], NULL);

            if (err == 0)
              HS_RECORD_STORE (vm, NULL, HS_STORE_DELETE_ATTR);
            hs_decref (vm, owner);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_LOAD_METHOD:
          {
            HsObject *obj = TOP ();
            HsObject *name = HS_TUPLE (code->names)->items[arg];
            HsType *t = obj->ob_type;
            HsObject *meth = NULL;

            /* _PyObject_GetMethod: an unbound function found on the type and
             * not shadowed by an instance attribute stays unbound. */
            if (t->tp_getattro == hs_object_generic_getattr)
              {
                HsObject *descr = hs_type_lookup (t, name);

                if (descr != NULL && hs_is_method_like (descr)
                    && hs_instance_get_attr (vm, obj, name) == NULL)
                  meth = descr;
              }
            if (meth != NULL)
              {
                SET_TOP (hs_incref (meth));
                PUSH (obj);
              }
            else
              {
                HsObject *attr = hs_object_getattr (vm, obj, name);

                if (attr == NULL)
                  goto error;
                SET_TOP (NULL);
                PUSH (attr);
                hs_decref (vm, obj);
              }
          }
          break;

        case HS_OP_LOAD_SUPER_ZERO:
          {
            HsObject *sup = _hs_super_zero_args (vm, f);

            if (sup == NULL)
              goto error;
            PUSH (sup);
          }
          break;

        case HS_OP_BINARY_OP:
          {
            HsObject *rhs = POP ();
            HsObject *lhs = TOP ();
            HsObject *res;

            if (arg & 0x100)
              res = hs_number_inplace_binop (vm, lhs, rhs, arg & 0xff);
            else
              res = hs_number_binop (vm, lhs, rhs, arg);
            hs_decref (vm, lhs);
            hs_decref (vm, rhs);
            SET_TOP (res);
            if (res == NULL)
              {
                f->stacktop--;
                goto error;
              }
          }
          break;

        case HS_OP_UNARY_POSITIVE:
        case HS_OP_UNARY_NEGATIVE:
        case HS_OP_UNARY_INVERT:
          {
            HsObject *v = TOP ();
            HsObject *res = op == HS_OP_UNARY_POSITIVE ? hs_number_positive (vm, v)
                            : op == HS_OP_UNARY_NEGATIVE ? hs_number_negative (vm, v)
                            : hs_number_invert (vm, v);

            hs_decref (vm, v);
            SET_TOP (res);
            if (res == NULL)
              {
                f->stacktop--;
                goto error;
              }
          }
          break;

        case HS_OP_UNARY_NOT:
          {
            HsObject *v = TOP ();
            int truth = hs_object_is_true (vm, v);

            hs_decref (vm, v);
            if (truth < 0)
              {
                f->stacktop--;
                goto error;
              }
            SET_TOP (hs_bool (vm, !truth));
          }
          break;

        case HS_OP_COMPARE_OP:
          {
            HsObject *right = POP ();
            HsObject *left = TOP ();
            HsObject *res = hs_object_richcompare (vm, left, right, arg);

            hs_decref (vm, left);
            hs_decref (vm, right);
            SET_TOP (res);
            if (res == NULL)
              {
                f->stacktop--;
                goto error;
              }
          }
          break;

        case HS_OP_IS_OP:
          {
            HsObject *right = POP ();
            HsObject *left = TOP ();
            gboolean res = (left == right) ^ (arg != 0);

            hs_decref (vm, left);
            hs_decref (vm, right);
            SET_TOP (hs_bool (vm, res));
          }
          break;

        case HS_OP_CONTAINS_OP:
          {
            HsObject *right = POP ();
            HsObject *left = POP ();
            int res = hs_object_contains (vm, right, left);

            hs_decref (vm, left);
            hs_decref (vm, right);
            if (res < 0)
              goto error;
            PUSH (hs_bool (vm, res ^ (arg != 0)));
          }
          break;

        case HS_OP_BINARY_SUBSCR:
          {
            HsObject *sub = POP ();
            HsObject *container = TOP ();
            HsObject *res = hs_object_getitem (vm, container, sub);

            hs_decref (vm, container);
            hs_decref (vm, sub);
            SET_TOP (res);
            if (res == NULL)
              {
                f->stacktop--;
                goto error;
              }
          }
          break;

        case HS_OP_STORE_SUBSCR:
          {
            HsObject *sub = POP ();
            HsObject *container = POP ();
            HsObject *v = POP ();
            int err = hs_object_setitem (vm, container, sub, v);

            if (err == 0)
              HS_RECORD_STORE (vm, v, HS_STORE_ITEM);
            hs_decref (vm, v);
            hs_decref (vm, container);
            hs_decref (vm, sub);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_DELETE_SUBSCR:
          {
            HsObject *sub = POP ();
            HsObject *container = POP ();
            int err = hs_object_delitem (vm, container, sub);

            if (err == 0)
              HS_RECORD_STORE (vm, NULL, HS_STORE_DELETE_ITEM);
            hs_decref (vm, container);
            hs_decref (vm, sub);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_BUILD_SLICE:
          {
            HsObject *step = arg == 3 ? POP () : NULL;
            HsObject *stop = POP ();
            HsObject *start = TOP ();
            HsObject *slice = hs_slice_new (vm, start, stop, step);

            hs_decref (vm, start);
            hs_decref (vm, stop);
            hs_xdecref (vm, step);
            SET_TOP (slice);
            if (slice == NULL)
              {
                f->stacktop--;
                goto error;
              }
          }
          break;

        case HS_OP_BUILD_TUPLE:
        case HS_OP_BUILD_LIST:
          {
            HsObject *seq = op == HS_OP_BUILD_TUPLE ? hs_tuple_new (vm, arg)
                                                    : hs_list_new (vm, arg);
            HsObject **items;

            if (seq == NULL)
              goto error;
            items = op == HS_OP_BUILD_TUPLE ? HS_TUPLE (seq)->items : HS_LIST (seq)->items;
            for (int i = arg - 1; i >= 0; i--)
              items[i] = POP ();
            if (op == HS_OP_BUILD_LIST)
              HS_LIST (seq)->len = arg;
            PUSH (seq);
          }
          break;

        case HS_OP_BUILD_SET:
          {
            HsObject *set = hs_set_new (vm, NULL);
            int err = set == NULL ? -1 : 0;

            for (guint i = arg; i > 0; i--)
              {
                HsObject *item = PEEK (i);

                if (err == 0)
                  err = hs_set_add (vm, set, item);
              }
            for (guint i = 0; i < arg; i++)
              {
                HsObject *item = POP ();

                hs_decref (vm, item);
              }
            if (err < 0)
              {
                hs_xdecref (vm, set);
                goto error;
              }
            PUSH (set);
          }
          break;

        case HS_OP_BUILD_MAP:
          {
            HsObject **items = STACK (f) + f->stacktop - 2 * arg;
            HsObject *map = hs_dict_from_items (vm, items, items + 1, 2, arg);
            int err = map == NULL ? -1 : 0;

            for (guint i = 0; i < 2 * arg; i++)
              {
                HsObject *item = POP ();

                hs_decref (vm, item);
              }
            if (err < 0)
              {
                hs_xdecref (vm, map);
                goto error;
              }
            PUSH (map);
          }
          break;

        case HS_OP_BUILD_CONST_KEY_MAP:
          {
            HsObject *keys = POP ();
            HsObject *map = hs_dict_from_items (vm, HS_TUPLE (keys)->items,
                                                STACK (f) + f->stacktop - arg, 1, arg);
            int err = map == NULL ? -1 : 0;

            for (guint i = 0; i < arg; i++)
              {
                HsObject *item = POP ();

                hs_decref (vm, item);
              }
            hs_decref (vm, keys);
            if (err < 0)
              {
                hs_xdecref (vm, map);
                goto error;
              }
            PUSH (map);
          }
          break;

        case HS_OP_BUILD_STRING:
          {
            HsObject *res = hs_str_join_array (vm, NULL, STACK (f) + f->stacktop - arg, arg);

            for (guint i = 0; i < arg; i++)
              {
                HsObject *piece = POP ();

                hs_decref (vm, piece);
              }
            if (res == NULL)
              goto error;
            PUSH (res);
          }
          break;

        case HS_OP_LIST_APPEND:
          {
            HsObject *v = POP ();
            int err = hs_list_append (vm, PEEK (arg), v);

            hs_decref (vm, v);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_SET_ADD:
          {
            HsObject *v = POP ();
            int err = hs_set_add (vm, PEEK (arg), v);

            hs_decref (vm, v);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_MAP_ADD:
          {
            HsObject *value = POP ();
            HsObject *key = POP ();
            int err = hs_dict_setitem (vm, PEEK (arg), key, value);

            hs_decref (vm, key);
            hs_decref (vm, value);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_LIST_EXTEND:
        case HS_OP_SET_UPDATE:
          {
            HsObject *iterable = POP ();
            HsObject *target = PEEK (arg);
            int err;

            if (iterable->ob_type->tp_iter == NULL && iterable->ob_type->mp_subscript == NULL)
              {
                hs_err_format (vm, vm->types.TypeError,
                               "Value after * must be an iterable, not %s",
                               hs_type_name (iterable));
                hs_decref (vm, iterable);
                goto error;
              }
            if (op == HS_OP_LIST_EXTEND)
              err = hs_list_extend (vm, target, iterable);
            else
              err = hs_set_update (vm, target, iterable);
            hs_decref (vm, iterable);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_DICT_UPDATE:
        case HS_OP_DICT_MERGE:
          {
            HsObject *update = POP ();
            /* Only DICT_MERGE has a callee below the dict. */
            HsObject *func = op == HS_OP_DICT_MERGE ? PEEK (arg + 2) : NULL;
            int err = _hs_eval_dict_update (vm, PEEK (arg), update, func, func != NULL);

            hs_decref (vm, update);
            if (err < 0)
              goto error;
          }
          break;

        case HS_OP_LIST_TO_TUPLE:
          {
            HsObject *list = TOP ();
            HsObject *tuple = hs_list_as_tuple (vm, list);

            hs_decref (vm, list);
            SET_TOP (tuple);
            if (tuple == NULL)
              {
                f->stacktop--;
                goto error;
              }
          }
          break;

        case HS_OP_FORMAT_VALUE:
          {
            HsObject *spec = (arg & 4) ? POP () : NULL;
            HsObject *value = TOP ();
            static const int conversions[] = { -1, 's', 'r', 'a' };
            HsObject *res = hs_format_fstring_value (vm, value, conversions[arg & 3], spec);

            hs_decref (vm, value);
            hs_xdecref (vm, spec);
            SET_TOP (res);
            if (res == NULL)
              {
                f->stacktop--;
                goto error;
              }
          }
          break;

        case HS_OP_UNPACK_SEQUENCE:
          {
            HsObject *seq = POP ();

            if ((seq->ob_type == vm->types.tuple && HS_TUPLE (seq)->len == arg)
                || (seq->ob_type == vm->types.list && HS_LIST (seq)->len == arg))
              {
                HsObject **items = seq->ob_type == vm->types.tuple ? HS_TUPLE (seq)->items
                                                                   : HS_LIST (seq)->items;

                for (int i = arg - 1; i >= 0; i--)
                  PUSH (hs_incref (items[i]));
                hs_decref (vm, seq);
              }
            else
              {
                gboolean ok = _hs_eval_unpack_iterable (vm, f, seq, arg, -1);

                hs_decref (vm, seq);
                if (!ok)
                  goto error;
              }
          }
          break;

        case HS_OP_UNPACK_EX:
          {
            HsObject *seq = POP ();
            gboolean ok = _hs_eval_unpack_iterable (vm, f, seq, arg & 0xff, arg >> 8);

            hs_decref (vm, seq);
            if (!ok)
              goto error;
          }
          break;

        case HS_OP_JUMP_FORWARD:
        case HS_OP_JUMP_BACKWARD:
          f->ip = arg;
          break;

        case HS_OP_POP_JUMP_IF_FALSE:
        case HS_OP_POP_JUMP_IF_TRUE:
          {
            HsObject *cond = POP ();
            int truth = hs_object_is_true (vm, cond);

            hs_decref (vm, cond);
            if (truth < 0)
              goto error;
            if (truth == (op == HS_OP_POP_JUMP_IF_TRUE))
              f->ip = arg;
          }
          break;

        case HS_OP_POP_JUMP_IF_NONE:
        case HS_OP_POP_JUMP_IF_NOT_NONE:
          {
            HsObject *v = POP ();
            gboolean is_none = v == vm->none;

            hs_decref (vm, v);
            if (is_none == (op == HS_OP_POP_JUMP_IF_NONE))
              f->ip = arg;
          }
          break;

        case HS_OP_JUMP_IF_FALSE_OR_POP:
        case HS_OP_JUMP_IF_TRUE_OR_POP:
          {
            int truth = hs_object_is_true (vm, TOP ());

            if (truth < 0)
              goto error;
            if (truth == (op == HS_OP_JUMP_IF_TRUE_OR_POP))
              f->ip = arg;
            else
              {
                HsObject *v = POP ();

                hs_decref (vm, v);
              }
          }
          break;

        case HS_OP_GET_ITER:
        case HS_OP_GET_YIELD_FROM_ITER:
          {
            HsObject *iterable = TOP ();
            HsObject *it;

            if (op == HS_OP_GET_YIELD_FROM_ITER && iterable->ob_type == vm->types.generator)
              break;
            it = hs_object_get_iter (vm, iterable);
            if (it == NULL)
              goto error;
            SET_TOP (it);
            hs_decref (vm, iterable);
          }
          break;

        case HS_OP_FOR_ITER:
          {
            HsObject *it = TOP ();
            HsObject *next = it->ob_type->tp_iternext (vm, it);

            if (next != NULL)
              {
                PUSH (next);
                break;
              }
            if (hs_err_occurred (vm))
              {
                if (!hs_err_matches (vm, vm->types.StopIteration))
                  goto error;
                hs_err_clear (vm);
              }
            f->stacktop--;
            hs_decref (vm, it);
            f->ip = arg;
          }
          break;

        case HS_OP_KW_NAMES:
          f->kwnames = HS_TUPLE (code->consts)->items[arg];
          break;

        case HS_OP_CALL:
          {
            HsObject *kwnames = f->kwnames;
            gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;
            gboolean is_meth = PEEK (arg + 2) != NULL;
            gsize total = arg + (is_meth ? 1 : 0);
            HsObject *callable = is_meth ? PEEK (arg + 2) : PEEK (arg + 1);
            HsObject **args = STACK (f) + f->stacktop - total;
            gsize nargs = total - nkw;
            HsObject *res;

            f->kwnames = NULL;

            /* Python functions: arguments move into the new frame. */
            if (callable->ob_type == vm->types.function)
              {
                HsFrame *nf;

                f->stacktop -= total + 1;   /* args (+ self) and the callable slot */
                if (!is_meth)
                  f->stacktop--;            /* the NULL */
                nf = _hs_eval_make_frame (vm, callable, args, nargs, kwnames, TRUE);
                hs_decref (vm, callable);
                if (nf == NULL)
                  goto error;
                if (nf->code->flags & HS_CO_GENERATOR)
                  {
                    HsObject *gen = hs_generator_new (vm, nf, NULL);

                    if (gen == NULL)
                      goto error;
                    PUSH (gen);
                    break;
                  }
                if (!push_frame (vm, nf))
                  {
                    hs_frame_release (vm, nf);
                    goto error;
                  }
                f = nf;
                break;
              }

            res = hs_object_call (vm, callable, args, nargs, kwnames);
            /* Built-ins see their arguments on our stack; release them now. */
            for (gsize i = 0; i < total; i++)
              {
                HsObject *a = args[i];

                args[i] = NULL;
                hs_decref (vm, a);
              }
            f->stacktop -= total;
            {
              HsObject *c = POP ();

              hs_xdecref (vm, c);
            }
            if (!is_meth)
              f->stacktop--;
            if (res == NULL)
              goto error;
            PUSH (res);
          }
          break;

        case HS_OP_CALL_FUNCTION_EX:
          {
            HsObject *kwargs = (arg & 1) ? POP () : NULL;
            HsObject *callargs = POP ();
            HsObject *func = POP ();
            HsObject *null = POP ();
            HsObject *res;

            (void) null;
            if (!hs_isinstance (callargs, vm->types.tuple))
              {
                HsObject *t;

                if (callargs->ob_type->tp_iter == NULL)
                  {
                    hs_err_format (vm, vm->types.TypeError,
                                   "%s argument after * must be an iterable, not %s",
                                   _hs_callable_description (vm, func), hs_type_name (callargs));
                    t = NULL;
                  }
                else
                  t = hs_sequence_tuple (vm, callargs);
                hs_decref (vm, callargs);
                callargs = t;
              }
            /* PyObject_Call hands a class this very tuple and dict. */
            if (callargs != NULL && hs_type_is_subtype (func->ob_type, vm->types.type))
              {
                vm->ex_call_args = callargs;
                vm->ex_call_kwargs = kwargs;
              }
            res = callargs != NULL ? _hs_eval_call_with_kwargs_dict (vm, func, callargs, kwargs) : NULL;
            vm->ex_call_args = vm->ex_call_kwargs = NULL;
            hs_xdecref (vm, callargs);
            hs_xdecref (vm, kwargs);
            hs_decref (vm, func);
            if (res == NULL)
              goto error;
            PUSH (res);
          }
          break;

        case HS_OP_MAKE_FUNCTION:
          {
            HsObject *codeobj = POP ();
            HsObject *closure = (arg & 8) ? POP () : NULL;
            HsObject *kwdefaults = (arg & 2) ? POP () : NULL;
            HsObject *defaults = (arg & 1) ? POP () : NULL;
            HsObject *func = hs_function_new (vm, codeobj, f->globals, NULL);

            hs_decref (vm, codeobj);
            if (func == NULL)
              {
                hs_xdecref (vm, closure);
                hs_xdecref (vm, kwdefaults);
                hs_xdecref (vm, defaults);
                goto error;
              }
            HS_FUNCTION (func)->closure = closure;
            HS_FUNCTION (func)->kwdefaults = kwdefaults;
            HS_FUNCTION (func)->defaults = defaults;
            PUSH (func);
          }
          break;

        case HS_OP_RETURN_VALUE:
          {
            HsFrame *done = f;

            retval = POP ();
            if (f->is_entry)
              {
                pop_frame (vm, f);
                if (f->generator != NULL)
                  _hs_generator_finished (vm, f->generator);
                else
                  hs_frame_release (vm, f);
                return retval;
              }
            f = f->previous;
            pop_frame (vm, done);
            hs_frame_release (vm, done);
            PUSH (retval);
          }
          break;

        case HS_OP_YIELD_VALUE:
          {
            retval = POP ();
            /* A suspended generator frame stays alive in its generator. */
            g_assert (f->is_entry);
            pop_frame (vm, f);
            return retval;
          }

        case HS_OP_SEND:
          {
            HsObject *v = POP ();
            HsObject *receiver = TOP ();
            HsObject *res;
            gboolean returned = FALSE;

            if (receiver->ob_type == vm->types.generator)
              res = hs_generator_send (vm, receiver, v, &returned);
            else if (v == vm->none)
              {
                res = receiver->ob_type->tp_iternext (vm, receiver);
                if (res == NULL)
                  {
                    if (!hs_err_occurred (vm))
                      {
                        res = hs_none (vm);
                        returned = TRUE;
                      }
                    else if (hs_err_matches (vm, vm->types.StopIteration))
                      {
                        HsObject *exc = hs_err_fetch (vm);
                        HsObject *args = HS_EXC (exc)->args;

                        res = HS_TUPLE (args)->len > 0 ? hs_incref (HS_TUPLE (args)->items[0])
                                                       : hs_none (vm);
                        hs_decref (vm, exc);
                        returned = TRUE;
                      }
                  }
              }
            else
              {
                res = hs_object_call_method (vm, receiver, "send", &v, 1);
                if (res == NULL && hs_err_matches (vm, vm->types.StopIteration))
                  {
                    HsObject *exc = hs_err_fetch (vm);
                    HsObject *args = HS_EXC (exc)->args;

                    res = HS_TUPLE (args)->len > 0 ? hs_incref (HS_TUPLE (args)->items[0])
                                                   : hs_none (vm);
                    hs_decref (vm, exc);
                    returned = TRUE;
                  }
              }
            hs_decref (vm, v);
            if (res == NULL)
              goto error;
            if (returned)
              {
                HsObject *r = POP ();

                hs_decref (vm, r);
                PUSH (res);
                f->ip = arg;
              }
            else
              PUSH (res);
          }
          break;

        case HS_OP_SETUP_FINALLY:
        case HS_OP_SETUP_CLEANUP:
          if (f->n_blocks >= HS_MAX_BLOCKS)
            {
              hs_err_format (vm, vm->types.SystemError, "too many nested blocks");
              goto error;
            }
          f->blocks[f->n_blocks].kind = op == HS_OP_SETUP_FINALLY ? HS_BLOCK_FINALLY
                                                                  : HS_BLOCK_CLEANUP;
          f->blocks[f->n_blocks].handler = arg;
          /* SETUP_CLEANUP protects code that consumes the top of the stack
           * (a handled exception, a with's __enter__ result): unwinding
           * keeps what is below it. */
          f->blocks[f->n_blocks].level = op == HS_OP_SETUP_FINALLY ? f->stacktop
                                                                   : f->stacktop - 1;
          f->n_blocks++;
          break;

        case HS_OP_POP_BLOCK:
          g_assert (f->n_blocks > 0);
          f->n_blocks--;
          break;

        case HS_OP_PUSH_EXC_INFO:
          {
            HsObject *exc = POP ();
            HsObject *prev = vm->exc_info;

            PUSH (prev != NULL ? prev : hs_none (vm));
            vm->exc_info = hs_incref (exc);
            PUSH (exc);
          }
          break;

        case HS_OP_POP_EXCEPT:
          {
            HsObject *prev = POP ();
            HsObject *cur = vm->exc_info;

            vm->exc_info = prev == vm->none ? NULL : prev;
            if (prev == vm->none)
              hs_decref (vm, prev);
            hs_xdecref (vm, cur);
          }
          break;

        case HS_OP_CHECK_EXC_MATCH:
          {
            HsObject *match = POP ();
            gboolean ok;
            gboolean res = _hs_eval_exception_matches (vm, TOP (), match, &ok);

            hs_decref (vm, match);
            if (!ok)
              goto error;
            PUSH (hs_bool (vm, res));
          }
          break;

        case HS_OP_RERAISE:
          {
            HsObject *exc = POP ();

            hs_err_restore (vm, exc);
            goto exception_unwind;
          }

        case HS_OP_RAISE_VARARGS:
          {
            HsObject *cause = arg >= 2 ? POP () : NULL;
            HsObject *exc = arg >= 1 ? POP () : NULL;
            gboolean reraise = _hs_eval_do_raise (vm, exc, cause);

            hs_xdecref (vm, exc);
            hs_xdecref (vm, cause);
            if (reraise)
              goto exception_unwind;
            goto error;
          }

        case HS_OP_BEFORE_WITH:
          {
            HsObject *mgr = TOP ();
            HsObject *enter, *exit, *res;

            if (hs_type_lookup_cstr (mgr->ob_type, "__enter__") == NULL
                || hs_type_lookup_cstr (mgr->ob_type, "__exit__") == NULL)
              {
                hs_err_format (vm, vm->types.TypeError,
                               "'%s' object does not support the context manager protocol",
                               hs_type_name (mgr));
                goto error;
              }
            enter = hs_object_getattr_cstr (vm, mgr, "__enter__");
            if (enter == NULL)
              goto error;
            exit = hs_object_getattr_cstr (vm, mgr, "__exit__");
            if (exit == NULL)
              {
                hs_decref (vm, enter);
                goto error;
              }
            SET_TOP (exit);
            hs_decref (vm, mgr);
            res = hs_object_call (vm, enter, NULL, 0, NULL);
            hs_decref (vm, enter);
            if (res == NULL)
              goto error;
            PUSH (res);
          }
          break;

        case HS_OP_WITH_EXCEPT_START:
          {
            /* Stack: exit, prev_exc, exc. */
            HsObject *exc = TOP ();
            HsObject *exit = PEEK (3);
            HsObject *tb = hs_exception_get_traceback (exc);
            HsObject *args[3] = { (HsObject *) exc->ob_type, exc, tb != NULL ? tb : vm->none };
            HsObject *res = hs_object_call (vm, exit, args, 3, NULL);

            if (res == NULL)
              goto error;
            PUSH (res);
          }
          break;

        case HS_OP_LOAD_ASSERTION_ERROR:
          PUSH (hs_incref ((HsObject *) vm->types.AssertionError));
          break;

        case HS_OP_LOAD_BUILD_CLASS:
          {
            HsObject *bc = hs_dict_getitem_str (vm, f->builtins, "__build_class__");

            if (bc == NULL)
              {
                hs_err_format (vm, vm->types.NameError, "__build_class__ not found");
                goto error;
              }
            PUSH (hs_incref (bc));
          }
          break;

        case HS_OP_IMPORT_NAME:
          {
            HsObject *fromlist = POP ();
            HsObject *level = POP ();
            HsObject *mod = _hs_import_module (vm, HS_TUPLE (code->names)->items[arg]);

            hs_decref (vm, fromlist);
            hs_decref (vm, level);
            if (mod == NULL)
              goto error;
            PUSH (mod);
          }
          break;

        case HS_OP_IMPORT_FROM:
          {
            HsObject *name = HS_TUPLE (code->names)->items[arg];
            HsObject *v = hs_object_lookup_attr (vm, TOP (), name);

            if (v == NULL)
              {
                if (!hs_err_occurred (vm))
                  hs_err_format (vm, vm->types.ImportError,
                                 "cannot import name '%s' from '%s' (unknown location)",
                                 hs_str_utf8 (name), _hs_module_name (TOP ()));
                goto error;
              }
            PUSH (v);
          }
          break;

        case HS_OP_IMPORT_STAR:
        case HS_OP_SETUP_ANNOTATIONS:
        case HS_OP_PRINT_EXPR:
        case HS_OP_RETURN_GENERATOR:
        default:
          hs_err_format (vm, vm->types.SystemError, "unsupported opcode %s", hs_opcode_name (op));
          goto error;
        }
      continue;

error:
      g_assert (vm->exc != NULL);
exception_unwind_traceback:
      if (vm->stop == HS_STOP_NONE)
        hs_traceback_here (vm, f);
exception_unwind:
      /* Find a handler in this frame; a stopped run skips them all. */
      if (f->n_blocks > 0 && vm->stop == HS_STOP_NONE)
        {
          HsBlock *b = &f->blocks[--f->n_blocks];

          while (f->stacktop > b->level)
            {
              HsObject *v = POP ();

              hs_xdecref (vm, v);
            }
          PUSH (hs_err_fetch (vm));
          f->ip = b->handler;
          continue;
        }

      /* No handler: the frame exits with the exception. */
      {
        HsFrame *done = f;
        gboolean was_entry = f->is_entry;

        while (f->stacktop > 0)
          {
            HsObject *v = POP ();

            hs_xdecref (vm, v);
          }
        pop_frame (vm, done);
        if (done->generator != NULL)
          _hs_generator_finished (vm, done->generator);
        else
          hs_frame_release (vm, done);
        if (was_entry)
          return NULL;
        f = vm->frame;
        goto exception_unwind_traceback;
      }
    }
}
