/* hs-iter-objects.c — enumerate, zip, map, filter, reversed, super, None…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-builtins.h"
#include "hs-containers.h"
#include "hs-frame.h"
#include "hs-func-object.h"
#include "hs-gc.h"
#include "hs-number-object.h"
#include "hs-recursion.h"
#include "hs-slots.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* A generic iterator object: up to three references and a counter. Each
 * kind (enumerate, zip, map, …) uses the fields its own way. */
typedef struct
{
  HsObject   base;
  HsObject  *a;          /* the (first) iterator / the sequence */
  HsObject  *b;          /* the function / a tuple of iterators */
  gssize     index;
  gboolean   strict;
} HsIterObject;

#define HS_ITER(o) ((HsIterObject *) (o))

static HsObject *
iterobj_new (HsVM     *vm,
             HsType   *type,
             HsObject *a,
             HsObject *b,
             gssize    index)
{
  HsIterObject *it = (HsIterObject *) hs_object_alloc (vm, type, sizeof (HsIterObject));

  if (it == NULL)
    {
      hs_xdecref (vm, a);
      hs_xdecref (vm, b);
      return NULL;
    }
  it->a = a;
  it->b = b;
  it->index = index;
  hs_gc_track (vm, (HsObject *) it);
  return (HsObject *) it;
}

static void
iterobj_dealloc (HsVM     *vm,
                 HsObject *self)
{
  hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &HS_ITER (self)->a);
  hs_clear_ref (vm, &HS_ITER (self)->b);
  hs_object_free (vm, self);
}

static void
iterobj_traverse (HsObject    *self,
                  HsVisitFunc  visit,
                  gpointer     data)
{
  if (HS_ITER (self)->a != NULL)
    visit (HS_ITER (self)->a, data);
  if (HS_ITER (self)->b != NULL)
    visit (HS_ITER (self)->b, data);
}

static void
iterobj_clear (HsVM     *vm,
               HsObject *self)
{
  hs_clear_ref (vm, &HS_ITER (self)->a);
  hs_clear_ref (vm, &HS_ITER (self)->b);
}

static HsObject *
iter_self (HsVM     *vm,
           HsObject *self)
{
  return hs_incref (self);
}

static void
iterobj_repr_short (HsObject *self,
                    GString  *out,
                    gsize     max_chars)
{
  g_string_append_printf (out, "%s iterator", self->ob_type->name);
}

/* iterator over __getitem__ */

HsObject *
_hs_seq_iter_new (HsVM     *vm,
                  HsObject *seq)
{
  return iterobj_new (vm, vm->types.iterator, hs_incref (seq), NULL, 0);
}

static HsObject *
seqiter_next (HsVM     *vm,
              HsObject *self)
{
  HsIterObject *it = HS_ITER (self);
  HsObject *idx, *res;

  if (it->a == NULL)
    return NULL;
  idx = hs_int_from_i64 (vm, it->index);
  if (idx == NULL)
    return NULL;
  res = hs_object_getitem (vm, it->a, idx);
  hs_decref (vm, idx);
  if (res == NULL)
    {
      if (hs_err_matches (vm, vm->types.IndexError) || hs_err_matches (vm, vm->types.StopIteration))
        {
          hs_err_clear (vm);
          hs_clear_ref (vm, &it->a);
        }
      return NULL;
    }
  it->index++;
  return res;
}

/* iter(callable, sentinel): calliterobject */

HsObject *
_hs_call_iter_new (HsVM     *vm,
                   HsObject *callable,
                   HsObject *sentinel)
{
  return iterobj_new (vm, vm->types.callable_iterator, hs_incref (callable),
                      hs_incref (sentinel), 0);
}

static HsObject *
calliter_next (HsVM     *vm,
               HsObject *self)
{
  HsIterObject *it = HS_ITER (self);
  HsObject *res;
  int equal;

  if (it->a == NULL)
    return NULL;
  res = hs_object_call (vm, it->a, NULL, 0, NULL);
  if (res == NULL)
    {
      if (hs_err_matches (vm, vm->types.StopIteration))
        {
          hs_err_clear (vm);
          hs_clear_ref (vm, &it->a);
          hs_clear_ref (vm, &it->b);
        }
      return NULL;
    }
  equal = hs_object_richcompare_bool (vm, it->b, res, HS_EQ);
  if (equal == 0)
    return res;
  hs_decref (vm, res);
  /* The sentinel came: the iterator lets go of both for good. */
  if (equal > 0)
    {
      hs_clear_ref (vm, &it->a);
      hs_clear_ref (vm, &it->b);
    }
  return NULL;
}

/* enumerate */

static HsObject *
enumerate_new (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;
  HsObject *iterable = nargs > 1 ? args[1] : NULL;
  HsObject *start = nargs > 2 ? args[2] : NULL;
  HsObject *en;
  gint64 s = 0;

  for (gsize i = 0; i < nkw; i++)
    {
      HsObject *k = HS_TUPLE (kwnames)->items[i];

      if (hs_str_equal_cstr (k, "start"))
        start = args[nargs + i];
      else if (hs_str_equal_cstr (k, "iterable"))
        iterable = args[nargs + i];
      else
        return hs_err_format (vm, vm->types.TypeError,
                              "'%s' is an invalid keyword argument for enumerate()",
                              hs_str_utf8 (k));
    }
  if (iterable == NULL)
    return hs_err_format (vm, vm->types.TypeError,
                          "enumerate() missing required argument 'iterable' (pos 1)");
  if (nargs > 3)
    return hs_err_format (vm, vm->types.TypeError,
                          "enumerate() takes at most 2 arguments (%" G_GSIZE_FORMAT " given)",
                          nargs - 1);
  if (start != NULL)
    {
      if (!hs_int_check (start))
        return hs_err_format (vm, vm->types.TypeError,
                              "'%s' object cannot be interpreted as an integer",
                              hs_type_name (start));
      if (!hs_int_as_i64 (vm, start, &s))
        return NULL;
    }
  /* enum_new: the object, its iterator, then the (None, None) result
   * tuple that enum_next recycles. */
  en = iterobj_new (vm, vm->types.enumerate, NULL, NULL, s);
  if (en == NULL)
    return NULL;
  HS_ITER (en)->a = hs_object_get_iter (vm, iterable);
  if (HS_ITER (en)->a == NULL
      || (HS_ITER (en)->b = hs_tuple_pack (vm, 2, vm->none, vm->none)) == NULL)
    {
      hs_decref (vm, en);
      return NULL;
    }
  return en;
}

/* The result tuple of enumerate and zip, reused when nobody else holds it
 * (so the previous items stay referenced until the next step); NULL when
 * a new tuple is needed. bpo-42536: a collection may have untracked it. */
static HsObject *
recycled_result (HsVM     *vm,
                 HsObject *result)
{
  if (result == NULL || result->ob_refcnt != 1)
    return NULL;
  if (!hs_gc_is_tracked (result))
    hs_gc_track (vm, result);
  return hs_incref (result);
}

static HsObject *
enumerate_next (HsVM     *vm,
                HsObject *self)
{
  HsIterObject *it = HS_ITER (self);
  HsObject *item, *idx, *res;

  /* map(f, map(f, …)) nested 100,000 deep recurses once per level in C. */
  if (!hs_stack_check (vm))
    return NULL;
  item = it->a->ob_type->tp_iternext (vm, it->a);
  if (item == NULL)
    return NULL;
  idx = hs_int_from_i64 (vm, it->index++);
  if (idx == NULL)
    {
      hs_decref (vm, item);
      return NULL;
    }
  if ((res = recycled_result (vm, it->b)) != NULL)
    {
      HsObject *old_idx = HS_TUPLE (res)->items[0];
      HsObject *old_item = HS_TUPLE (res)->items[1];

      HS_TUPLE (res)->items[0] = idx;
      HS_TUPLE (res)->items[1] = item;
      hs_decref (vm, old_idx);
      hs_decref (vm, old_item);
      return res;
    }
  res = hs_tuple_new (vm, 2);
  if (res == NULL)
    {
      hs_decref (vm, idx);
      hs_decref (vm, item);
      return NULL;
    }
  HS_TUPLE (res)->items[0] = idx;
  HS_TUPLE (res)->items[1] = item;
  return res;
}

/* zip */

static HsObject *
zip_new (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kwnames)
{
  HsObject *iters = hs_tuple_new (vm, nargs - 1);
  gboolean strict = FALSE;
  HsObject *z;

  if (iters == NULL)
    return NULL;
  if (kwnames != NULL)
    for (gsize i = 0; i < HS_TUPLE (kwnames)->len; i++)
      {
        HsObject *k = HS_TUPLE (kwnames)->items[i];

        if (!hs_str_equal_cstr (k, "strict"))
          {
            hs_decref (vm, iters);
            return hs_err_format (vm, vm->types.TypeError,
                                  "zip() got an unexpected keyword argument '%s'",
                                  hs_str_utf8 (k));
          }
        strict = hs_object_is_true (vm, args[nargs + i]) == 1;
      }
  for (gsize i = 1; i < nargs; i++)
    {
      HsObject *it = hs_object_get_iter (vm, args[i]);

      if (it == NULL)
        {
          if (hs_err_matches (vm, vm->types.TypeError))
            {
              hs_err_clear (vm);
              hs_err_format (vm, vm->types.TypeError,
                             "zip argument #%" G_GSIZE_FORMAT " must support iteration", i);
            }
          for (gsize j = 1; j < i; j++)
            hs_clear_ref (vm, &HS_TUPLE (iters)->items[j - 1]);
          HS_TUPLE (iters)->len = 0;
          hs_decref (vm, iters);
          return NULL;
        }
      HS_TUPLE (iters)->items[i - 1] = it;
    }
  /* zip_new: the iterators, the result tuple zip_next recycles, then
   * the object; the object releases them in that order. */
  {
    HsObject *result = hs_tuple_new (vm, nargs - 1);

    if (result == NULL)
      {
        hs_decref (vm, iters);
        return NULL;
      }
    for (gsize i = 0; i < nargs - 1; i++)
      HS_TUPLE (result)->items[i] = hs_none (vm);
    z = iterobj_new (vm, vm->types.zip, iters, result, 0);
  }
  if (z != NULL)
    HS_ITER (z)->strict = strict;
  return z;
}

static HsObject *
zip_next (HsVM     *vm,
          HsObject *self)
{
  HsIterObject *it = HS_ITER (self);
  HsObject *iters = it->a;
  gsize n = HS_TUPLE (iters)->len;
  HsObject *res;
  gboolean reused;

  if (n == 0 || !hs_stack_check (vm))
    return NULL;
  res = recycled_result (vm, it->b);
  reused = res != NULL;
  if (!reused && (res = hs_tuple_new (vm, n)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *sub = HS_TUPLE (iters)->items[i];
      HsObject *item = sub->ob_type->tp_iternext (vm, sub);

      if (item == NULL)
        {
          /* A recycled tuple keeps what it got so far. */
          if (!reused)
            {
              for (gsize j = 0; j < i; j++)
                hs_clear_ref (vm, &HS_TUPLE (res)->items[j]);
              HS_TUPLE (res)->len = 0;
            }
          hs_decref (vm, res);
          if (it->strict && !hs_err_occurred (vm))
            {
              if (i > 0)
                return hs_err_format (vm, vm->types.ValueError,
                                      "zip() argument %" G_GSIZE_FORMAT " is shorter than argument%s%s",
                                      i + 1, i == 1 ? " " : "s 1-", i == 1 ? "1" : "");
              for (gsize j = 1; j < n; j++)
                {
                  HsObject *o = HS_TUPLE (iters)->items[j];
                  HsObject *extra = o->ob_type->tp_iternext (vm, o);

                  if (extra != NULL)
                    {
                      hs_decref (vm, extra);
                      return hs_err_format (vm, vm->types.ValueError,
                                            "zip() argument %" G_GSIZE_FORMAT " is longer than argument%s%s",
                                            j + 1, j == 1 ? " " : "s 1-", j == 1 ? "1" : "");
                    }
                }
            }
          return NULL;
        }
      if (reused)
        hs_set_ref (vm, &HS_TUPLE (res)->items[i], item);
      else
        HS_TUPLE (res)->items[i] = item;
    }
  return res;
}

/* map */

static HsObject *
map_new (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kwnames)
{
  HsObject *iters;

  if (!hs_check_no_kwargs (vm, "map", kwnames))
    return NULL;
  if (nargs < 3)
    return hs_err_format (vm, vm->types.TypeError, "map() must have at least two arguments.");
  iters = hs_tuple_new (vm, nargs - 2);
  if (iters == NULL)
    return NULL;
  for (gsize i = 2; i < nargs; i++)
    {
      HsObject *it = hs_object_get_iter (vm, args[i]);

      if (it == NULL)
        {
          for (gsize j = 2; j < i; j++)
            hs_clear_ref (vm, &HS_TUPLE (iters)->items[j - 2]);
          HS_TUPLE (iters)->len = 0;
          hs_decref (vm, iters);
          return NULL;
        }
      HS_TUPLE (iters)->items[i - 2] = it;
    }
  return iterobj_new (vm, vm->types.map, hs_incref (args[1]), iters, 0);
}

static HsObject *
map_next (HsVM     *vm,
          HsObject *self)
{
  HsIterObject *it = HS_ITER (self);
  HsObject *iters = it->b;
  gsize n = HS_TUPLE (iters)->len;
  HsObject *stack[8];
  HsObject **argv;
  HsObject *res = NULL;
  gsize got = 0;

  if (!hs_stack_check (vm))
    return NULL;
  argv = n <= G_N_ELEMENTS (stack) ? stack : g_new (HsObject *, n);

  for (; got < n; got++)
    {
      HsObject *sub = HS_TUPLE (iters)->items[got];

      argv[got] = sub->ob_type->tp_iternext (vm, sub);
      if (argv[got] == NULL)
        break;
    }
  if (got == n)
    res = hs_object_call (vm, it->a, argv, n, NULL);
  for (gsize i = 0; i < got; i++)
    hs_decref (vm, argv[i]);
  if (argv != stack)
    g_free (argv);
  return res;
}

/* filter */

static HsObject *
filter_new (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kwnames)
{
  HsObject *it;

  if (!hs_check_no_kwargs (vm, "filter", kwnames)
      || !hs_check_nargs (vm, "filter", nargs - 1, 2, 2))
    return NULL;
  it = hs_object_get_iter (vm, args[2]);
  if (it == NULL)
    return NULL;
  return iterobj_new (vm, vm->types.filter, it, hs_incref (args[1]), 0);
}

static HsObject *
filter_next (HsVM     *vm,
             HsObject *self)
{
  HsIterObject *it = HS_ITER (self);

  if (!hs_stack_check (vm))
    return NULL;
  for (;;)
    {
      HsObject *item = it->a->ob_type->tp_iternext (vm, it->a);
      int ok;

      if (item == NULL)
        return NULL;
      if (it->b == vm->none || it->b == (HsObject *) vm->types.bool_)
        ok = hs_object_is_true (vm, item);
      else
        {
          HsObject *r = hs_object_call (vm, it->b, &item, 1, NULL);

          if (r == NULL)
            {
              hs_decref (vm, item);
              return NULL;
            }
          ok = hs_object_is_true (vm, r);
          hs_decref (vm, r);
        }
      if (ok > 0)
        return item;
      hs_decref (vm, item);
      if (ok < 0)
        return NULL;
    }
}

/* reversed */

static HsObject *
reversed_new (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kwnames)
{
  HsObject *seq;
  gssize n;

  if (!hs_check_no_kwargs (vm, "reversed", kwnames)
      || !hs_check_nargs (vm, "reversed", nargs - 1, 1, 1))
    return NULL;
  seq = args[1];
  if (hs_type_lookup_cstr (seq->ob_type, "__reversed__") != NULL)
    return hs_object_call_method (vm, seq, "__reversed__", NULL, 0);
  if (seq->ob_type->mp_subscript == NULL || seq->ob_type->sq_length == NULL
      || hs_isinstance (seq, vm->types.dict) || hs_isinstance (seq, vm->types.set))
    return hs_err_format (vm, vm->types.TypeError, "'%s' object is not reversible",
                          hs_type_name (seq));
  n = hs_object_length (vm, seq);
  if (n < 0)
    return NULL;
  return iterobj_new (vm, vm->types.reversed, hs_incref (seq), NULL, n - 1);
}

static HsObject *
reversed_next (HsVM     *vm,
               HsObject *self)
{
  HsIterObject *it = HS_ITER (self);
  HsObject *idx, *res;

  if (it->a == NULL || it->index < 0)
    {
      hs_clear_ref (vm, &it->a);
      return NULL;
    }
  idx = hs_int_from_i64 (vm, it->index--);
  if (idx == NULL)
    return NULL;
  res = hs_object_getitem (vm, it->a, idx);
  hs_decref (vm, idx);
  if (res == NULL && (hs_err_matches (vm, vm->types.IndexError)
                      || hs_err_matches (vm, vm->types.StopIteration)))
    {
      hs_err_clear (vm);
      hs_clear_ref (vm, &it->a);
    }
  return res;
}

/* super */

typedef struct
{
  HsObject   base;
  HsType    *type;       /* strong */
  HsObject  *obj;        /* strong, or NULL */
  HsType    *obj_type;   /* strong, or NULL */
} HsSuper;

static HsObject *
super_make (HsVM     *vm,
            HsType   *type,
            HsObject *obj)
{
  HsSuper *s;
  HsType *obj_type = NULL;

  if (obj != NULL)
    {
      if (obj->ob_type == vm->types.type && hs_type_is_subtype ((HsType *) obj, type))
        obj_type = (HsType *) obj;
      else if (hs_isinstance (obj, type))
        obj_type = obj->ob_type;
      else
        return hs_err_format (vm, vm->types.TypeError,
                              "super(type, obj): obj must be an instance or subtype of type");
    }
  s = (HsSuper *) hs_object_alloc (vm, vm->types.super, sizeof (HsSuper));
  if (s == NULL)
    return NULL;
  s->type = (HsType *) hs_incref ((HsObject *) type);
  s->obj = obj != NULL ? hs_incref (obj) : NULL;
  s->obj_type = obj_type != NULL ? (HsType *) hs_incref ((HsObject *) obj_type) : NULL;
  hs_gc_track (vm, (HsObject *) s);
  return (HsObject *) s;
}

HsObject *
_hs_super_zero_args (HsVM    *vm,
                     HsFrame *f)
{
  HsCode *code = f->code;
  HsObject *obj, *cls = NULL;

  if (code->argcount == 0 || f->localsplus[0] == NULL)
    return hs_err_format (vm, vm->types.RuntimeError, "super(): no arguments");
  obj = f->localsplus[0];
  if ((code->localspluskinds[0] & HS_LOCAL_CELL) && obj->ob_type == vm->types.cell)
    obj = HS_CELL (obj)->ref;
  if (obj == NULL)
    return hs_err_format (vm, vm->types.RuntimeError, "super(): arg[0] deleted");
  for (int i = code->nlocalsplus - code->nfreevars; i < code->nlocalsplus; i++)
    if (hs_str_equal_cstr (HS_TUPLE (code->localsplusnames)->items[i], "__class__"))
      {
        cls = HS_CELL (f->localsplus[i])->ref;
        if (cls == NULL)
          return hs_err_format (vm, vm->types.RuntimeError, "super(): empty __class__ cell");
        break;
      }
  if (cls == NULL)
    return hs_err_format (vm, vm->types.RuntimeError, "super(): __class__ cell not found");
  return super_make (vm, (HsType *) cls, obj);
}

static HsObject *
super_new (HsVM *vm, HsObject *c, HsObject *const *args, gsize nargs, HsObject *kwnames)
{
  if (nargs == 1)
    {
      if (vm->frame == NULL)
        return hs_err_format (vm, vm->types.RuntimeError, "super(): no current frame");
      return _hs_super_zero_args (vm, vm->frame);
    }
  if (!hs_check_nargs (vm, "super", nargs - 1, 1, 2))
    return NULL;
  if (args[1]->ob_type != vm->types.type)
    return hs_err_format (vm, vm->types.TypeError, "super() argument 1 must be a type, not %s",
                          hs_type_name (args[1]));
  return super_make (vm, (HsType *) args[1], nargs > 2 ? args[2] : NULL);
}

static HsObject *
super_getattro (HsVM     *vm,
                HsObject *self,
                HsObject *name)
{
  HsSuper *s = (HsSuper *) self;

  if (s->obj_type != NULL && !hs_str_equal_cstr (name, "__class__"))
    {
      HsObject *mro = s->obj_type->mro;
      gsize i = 0, n = HS_TUPLE (mro)->len;

      while (i < n && HS_TUPLE (mro)->items[i] != (HsObject *) s->type)
        i++;
      for (i++; i < n; i++)
        {
          HsType *t = (HsType *) HS_TUPLE (mro)->items[i];
          HsObject *v = t->dict != NULL ? hs_dict_getitem (vm, t->dict, name) : NULL;

          if (v != NULL)
            return _hs_descr_get (vm, v, s->obj == (HsObject *) s->obj_type ? NULL : s->obj,
                                  s->obj_type);
        }
    }
  return hs_object_generic_getattr (vm, self, name);
}

static void
super_dealloc (HsVM     *vm,
               HsObject *self)
{
  HsSuper *s = (HsSuper *) self;

  hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &s->obj);
  hs_clear_ref (vm, (HsObject **) &s->type);
  hs_clear_ref (vm, (HsObject **) &s->obj_type);
  hs_object_free (vm, self);
}

static void
super_traverse (HsObject    *self,
                HsVisitFunc  visit,
                gpointer     data)
{
  HsSuper *s = (HsSuper *) self;

  if (s->obj != NULL)
    visit (s->obj, data);
  if (s->type != NULL)
    visit ((HsObject *) s->type, data);
  if (s->obj_type != NULL)
    visit ((HsObject *) s->obj_type, data);
}

static HsObject *
super_repr (HsVM     *vm,
            HsObject *self)
{
  HsSuper *s = (HsSuper *) self;

  if (s->obj_type != NULL)
    return hs_str_new_printf (vm, "<super: <class '%s'>, <%s object>>", s->type->name,
                              s->obj_type->name);
  return hs_str_new_printf (vm, "<super: <class '%s'>, NULL>", s->type->name);
}

/* None, NotImplemented, Ellipsis */

static HsObject *
none_repr (HsVM     *vm,
           HsObject *self)
{
  return hs_str_intern (vm, self == vm->none ? "None"
                            : self == vm->not_implemented ? "NotImplemented" : "Ellipsis");
}

static int
none_bool (HsVM     *vm,
           HsObject *self)
{
  return 0;
}

static void
none_repr_short (HsObject *self,
                 GString  *out,
                 gsize     max_chars)
{
  const char *name = self->ob_type->name;

  g_string_append (out, strcmp (name, "NoneType") == 0 ? "None"
                        : strcmp (name, "ellipsis") == 0 ? "Ellipsis" : "NotImplemented");
}

static gboolean
none_hash (HsVM     *vm,
           HsObject *self,
           gint64   *hash)
{
  *hash = (gint64) (hs_object_id (self) >> 4);
  return TRUE;
}

static void
static_dealloc (HsVM     *vm,
                HsObject *self)
{
  /* Singletons are never freed while their VM lives. */
  self->ob_refcnt = 1;
}

static HsType *
iter_type (HsVM       *vm,
           const char *name,
           HsUnaryFunc next)
{
  HsType *t = _hs_type_new_builtin (vm, name, vm->types.object, sizeof (HsIterObject), 48,
                                    HS_TPFLAG_GC);

  t->tp_dealloc = iterobj_dealloc;
  t->tp_traverse = iterobj_traverse;
  t->tp_clear = iterobj_clear;
  t->tp_iter = iter_self;
  t->tp_iternext = next;
  t->tp_repr_short = iterobj_repr_short;
  return t;
}

void
_hs_builtins_init_types (HsVM *vm)
{
  HsType *t;

  t = iter_type (vm, "iterator", seqiter_next);
  vm->types.iterator = t;
  _hs_type_ready (vm, t);

  t = iter_type (vm, "callable_iterator", calliter_next);
  vm->types.callable_iterator = t;
  _hs_type_ready (vm, t);

  t = iter_type (vm, "enumerate", enumerate_next);
  t->tp_new = enumerate_new;
  t->tp_flags |= HS_TPFLAG_BASETYPE;
  t->basicsize = 56;
  vm->types.enumerate = t;
  _hs_type_ready (vm, t);

  t = iter_type (vm, "zip", zip_next);
  t->tp_new = zip_new;
  t->tp_flags |= HS_TPFLAG_BASETYPE;
  vm->types.zip = t;
  _hs_type_ready (vm, t);

  t = iter_type (vm, "map", map_next);
  t->tp_new = map_new;
  t->tp_flags |= HS_TPFLAG_BASETYPE;
  vm->types.map = t;
  _hs_type_ready (vm, t);

  t = iter_type (vm, "filter", filter_next);
  t->tp_new = filter_new;
  t->tp_flags |= HS_TPFLAG_BASETYPE;
  vm->types.filter = t;
  _hs_type_ready (vm, t);

  t = iter_type (vm, "reversed", reversed_next);
  t->tp_new = reversed_new;
  t->tp_flags |= HS_TPFLAG_BASETYPE;
  vm->types.reversed = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "super", vm->types.object, sizeof (HsSuper), 48,
                            HS_TPFLAG_GC | HS_TPFLAG_BASETYPE);
  t->tp_dealloc = super_dealloc;
  t->tp_traverse = super_traverse;
  t->tp_getattro = super_getattro;
  t->tp_new = super_new;
  t->tp_repr = super_repr;
  vm->types.super = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "NoneType", vm->types.object, sizeof (HsObject), 16, 0);
  t->tp_repr = none_repr;
  t->nb_bool = none_bool;
  t->tp_dealloc = static_dealloc;
  t->tp_hash = none_hash;
  t->tp_repr_short = none_repr_short;
  vm->types.NoneType = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "NotImplementedType", vm->types.object, sizeof (HsObject), 16, 0);
  t->tp_repr = none_repr;
  t->tp_dealloc = static_dealloc;
  t->tp_repr_short = none_repr_short;
  vm->types.NotImplementedType = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "ellipsis", vm->types.object, sizeof (HsObject), 16, 0);
  t->tp_repr = none_repr;
  t->tp_dealloc = static_dealloc;
  t->tp_hash = none_hash;
  t->tp_repr_short = none_repr_short;
  vm->types.ellipsis = t;
  _hs_type_ready (vm, t);
}
