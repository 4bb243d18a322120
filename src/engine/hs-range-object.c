/* hs-range-object.c — range, range_iterator and slice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython 3.11's Objects/rangeobject.c and sliceobject.c. A range stores
 * four ints (start, stop, step and its length), is not GC-capable and takes
 * 48 bytes; it works with ints of any size through the int API, with a fast
 * path while everything fits 64 bits. A slice is GC-tracked (56 bytes) and
 * unhashable in 3.11.
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-bigint.h"
#include "hs-containers-private.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-type-object.h"
#include "hs-vm.h"

/* Int helpers ------------------------------------------------------------------ */

static HsObject *
int_zero (HsVM *vm)
{
  return vm->small_ints[0 - HS_SMALL_INT_MIN];
}

static HsObject *
int_one (HsVM *vm)
{
  return vm->small_ints[1 - HS_SMALL_INT_MIN];
}

static int
int_sign (HsObject *o)
{
  HsInt *i = HS_INT (o);

  if (i->big != NULL)
    return hs_bigint_sign (i->big);
  return i->value > 0 ? 1 : i->value < 0 ? -1 : 0;
}

static HsObject *
int_add (HsVM     *vm,
         HsObject *a,
         HsObject *b)
{
  return hs_number_binop (vm, a, b, HS_OP_ADD);
}

static HsObject *
int_sub (HsVM     *vm,
         HsObject *a,
         HsObject *b)
{
  return hs_number_binop (vm, a, b, HS_OP_SUB);
}

static HsObject *
int_mul (HsVM     *vm,
         HsObject *a,
         HsObject *b)
{
  return hs_number_binop (vm, a, b, HS_OP_MULT);
}

/* PyNumber_Index: an exact int (bools and int subclasses are converted). */
static HsObject *
number_index (HsVM     *vm,
              HsObject *o)
{
  HsObject *res;

  if (o->ob_type == vm->types.int_)
    return hs_incref (o);
  if (hs_int_check (o))
    res = hs_incref (o);
  else if (o->ob_type->nb_index != NULL)
    {
      res = o->ob_type->nb_index (vm, o);
      if (res == NULL)
        return NULL;
      if (!hs_int_check (res))
        {
          hs_err_format (vm, vm->types.TypeError, "__index__ returned non-int (type %s)",
                         hs_type_name (res));
          hs_decref (vm, res);
          return NULL;
        }
    }
  else
    return hs_err_format (vm, vm->types.TypeError,
                          "'%s' object cannot be interpreted as an integer", hs_type_name (o));
  if (res->ob_type != vm->types.int_)
    {
      HsObject *copy = HS_INT (res)->big != NULL
                       ? hs_int_from_bigint (vm, hs_int_to_bigint (res))
                       : hs_int_from_i64 (vm, HS_INT (res)->value);

      hs_decref (vm, res);
      res = copy;
    }
  return res;
}

static gboolean
small (HsObject *o,
       gint64   *out)
{
  return hs_int_as_i64 (NULL, o, out);
}

/* Range length ------------------------------------------------------------------ */

/* compute_range_length: with 64-bit values when they fit, else with ints. */
static HsObject *
compute_range_length (HsVM     *vm,
                      HsObject *start,
                      HsObject *stop,
                      HsObject *step)
{
  gint64 lo, hi, st;
  HsObject *lo_obj, *hi_obj, *tmp1, *diff, *tmp2, *result;

  if (small (start, &lo) && small (stop, &hi) && small (step, &st))
    {
      guint64 len = 0;

      if (st > 0 && lo < hi)
        len = ((guint64) hi - (guint64) lo - 1) / (guint64) st + 1;
      else if (st < 0 && lo > hi)
        len = ((guint64) lo - (guint64) hi - 1) / (0 - (guint64) st) + 1;
      if (len <= G_MAXINT64)
        return hs_int_from_i64 (vm, len);
    }

  /* lo..hi counted by |step|. */
  if (int_sign (step) > 0)
    {
      lo_obj = start;
      hi_obj = stop;
      step = hs_incref (step);
    }
  else
    {
      lo_obj = stop;
      hi_obj = start;
      step = hs_number_negative (vm, step);
      if (step == NULL)
        return NULL;
    }
  if (hs_int_compare (lo_obj, hi_obj) >= 0)
    {
      hs_decref (vm, step);
      return hs_incref (int_zero (vm));
    }
  tmp1 = int_sub (vm, hi_obj, lo_obj);
  diff = tmp1 != NULL ? int_sub (vm, tmp1, int_one (vm)) : NULL;
  tmp2 = diff != NULL ? hs_number_binop (vm, diff, step, HS_OP_FLOORDIV) : NULL;
  result = tmp2 != NULL ? int_add (vm, tmp2, int_one (vm)) : NULL;
  hs_xdecref (vm, tmp1);
  hs_xdecref (vm, diff);
  hs_xdecref (vm, tmp2);
  hs_decref (vm, step);
  return result;
}

/* Steals the four references. */
static HsObject *
make_range (HsVM     *vm,
            HsObject *start,
            HsObject *stop,
            HsObject *step,
            HsObject *length)
{
  HsRange *r = (HsRange *) hs_object_alloc (vm, vm->types.range, sizeof (HsRange));

  if (r == NULL)
    {
      hs_decref (vm, start);
      hs_decref (vm, stop);
      hs_decref (vm, step);
      hs_decref (vm, length);
      return NULL;
    }
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = length;
  return (HsObject *) r;
}

HsObject *
hs_range_new (HsVM     *vm,
              HsObject *start,
              HsObject *stop,
              HsObject *step)
{
  HsObject *length;

  if (int_sign (step) == 0)
    return hs_err_set_string (vm, vm->types.ValueError, "range() arg 3 must not be zero");
  length = compute_range_length (vm, start, stop, step);
  if (length == NULL)
    return NULL;
  return make_range (vm, hs_incref (start), hs_incref (stop), hs_incref (step), length);
}

static HsObject *
range_tp_new (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  HsObject *start, *stop, *step, *res;

  if (!hs_check_no_kwargs (vm, "range", kwnames))
    return NULL;
  if (nargs == 1)
    return hs_err_set_string (vm, vm->types.TypeError,
                              "range expected at least 1 argument, got 0");
  if (nargs > 4)
    return hs_err_format (vm, vm->types.TypeError,
                          "range expected at most 3 arguments, got %" G_GSIZE_FORMAT, nargs - 1);
  if (nargs == 2)
    {
      stop = number_index (vm, args[1]);
      if (stop == NULL)
        return NULL;
      res = hs_range_new (vm, int_zero (vm), stop, int_one (vm));
      hs_decref (vm, stop);
      return res;
    }
  start = number_index (vm, args[1]);
  stop = start != NULL ? number_index (vm, args[2]) : NULL;
  step = stop != NULL ? (nargs == 4 ? number_index (vm, args[3]) : hs_incref (int_one (vm)))
                      : NULL;
  res = step != NULL ? hs_range_new (vm, start, stop, step) : NULL;
  hs_xdecref (vm, start);
  hs_xdecref (vm, stop);
  hs_xdecref (vm, step);
  return res;
}

/* Slots ---------------------------------------------------------------------------- */

static void
range_dealloc (HsVM     *vm,
               HsObject *self)
{
  HsRange *r = HS_RANGE (self);

  hs_clear_ref (vm, &r->start);
  hs_clear_ref (vm, &r->stop);
  hs_clear_ref (vm, &r->step);
  hs_clear_ref (vm, &r->length);
  hs_object_free (vm, self);
}

static HsObject *
range_repr (HsVM     *vm,
            HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  GString *out = g_string_new ("range(");
  HsObject *res = NULL;

  if (!hs_object_repr_append (vm, r->start, out))
    goto done;
  g_string_append (out, ", ");
  if (!hs_object_repr_append (vm, r->stop, out))
    goto done;
  if (hs_int_compare (r->step, int_one (vm)) != 0)
    {
      g_string_append (out, ", ");
      if (!hs_object_repr_append (vm, r->step, out))
        goto done;
    }
  g_string_append_c (out, ')');
  res = hs_str_from_gstring (vm, out);

done:
  g_string_free (out, TRUE);
  return res;
}

static void
append_int_short (GString  *out,
                  HsObject *o)
{
  if (o->ob_type->tp_repr_short != NULL)
    o->ob_type->tp_repr_short (o, out, 24);
  else
    g_string_append (out, "…");
}

static void
range_repr_short (HsObject *self,
                  GString  *out,
                  gsize     max_chars)
{
  HsRange *r = HS_RANGE (self);
  gint64 step;

  g_string_append (out, "range(");
  append_int_short (out, r->start);
  g_string_append (out, ", ");
  append_int_short (out, r->stop);
  if (!small (r->step, &step) || step != 1)
    {
      g_string_append (out, ", ");
      append_int_short (out, r->step);
    }
  g_string_append_c (out, ')');
}

/* range_hash: hash((len, start, step)), with None for what does not matter. */
static gboolean
range_hash (HsVM     *vm,
            HsObject *self,
            gint64   *hash)
{
  HsRange *r = HS_RANGE (self);
  HsObject *t;
  gboolean ok;

  if (int_sign (r->length) == 0)
    t = hs_tuple_pack (vm, 3, r->length, vm->none, vm->none);
  else if (hs_int_compare (r->length, int_one (vm)) == 0)
    t = hs_tuple_pack (vm, 3, r->length, r->start, vm->none);
  else
    t = hs_tuple_pack (vm, 3, r->length, r->start, r->step);
  if (t == NULL)
    return FALSE;
  ok = hs_object_hash (vm, t, hash);
  hs_decref (vm, t);
  return ok;
}

/* Ranges are equal when they produce the same sequence. */
static gboolean
range_equals (HsRange *a,
              HsRange *b)
{
  if (a == b)
    return TRUE;
  if (hs_int_compare (a->length, b->length) != 0)
    return FALSE;
  if (int_sign (a->length) == 0)
    return TRUE;
  if (hs_int_compare (a->start, b->start) != 0)
    return FALSE;
  if (int_sign (a->length) == 1 && HS_INT (a->length)->big == NULL && HS_INT (a->length)->value == 1)
    return TRUE;
  return hs_int_compare (a->step, b->step) == 0;
}

static HsObject *
range_richcompare (HsVM     *vm,
                   HsObject *v,
                   HsObject *w,
                   int       op)
{
  if (w->ob_type != vm->types.range || (op != HS_EQ && op != HS_NE))
    return hs_not_implemented (vm);
  return hs_bool (vm, range_equals (HS_RANGE (v), HS_RANGE (w)) == (op == HS_EQ));
}

static gssize
range_length (HsVM     *vm,
              HsObject *self)
{
  gint64 n;

  if (!small (HS_RANGE (self)->length, &n))
    {
      hs_err_set_string (vm, vm->types.OverflowError,
                         "Python int too large to convert to C ssize_t");
      return -1;
    }
  return n;
}

static int
range_bool (HsVM     *vm,
            HsObject *self)
{
  return int_sign (HS_RANGE (self)->length) != 0;
}

/* start + i * step */
static HsObject *
compute_item (HsVM     *vm,
              HsRange  *r,
              HsObject *i)
{
  gint64 start, step, idx, prod, sum;
  HsObject *incr, *result;

  if (small (r->start, &start) && small (r->step, &step) && small (i, &idx)
      && !__builtin_mul_overflow (idx, step, &prod) && !__builtin_add_overflow (start, prod, &sum))
    return hs_int_from_i64 (vm, sum);
  incr = int_mul (vm, i, r->step);
  if (incr == NULL)
    return NULL;
  result = int_add (vm, r->start, incr);
  hs_decref (vm, incr);
  return result;
}

static HsObject *
compute_range_item (HsVM     *vm,
                    HsRange  *r,
                    HsObject *arg)
{
  HsObject *i, *result;

  if (int_sign (arg) < 0)
    {
      i = int_add (vm, r->length, arg);
      if (i == NULL)
        return NULL;
    }
  else
    i = hs_incref (arg);
  if (int_sign (i) < 0 || hs_int_compare (i, r->length) >= 0)
    {
      hs_decref (vm, i);
      return hs_err_set_string (vm, vm->types.IndexError, "range object index out of range");
    }
  result = compute_item (vm, r, i);
  hs_decref (vm, i);
  return result;
}

/* _PySlice_GetLongIndices: a slice resolved against a length of any size. */
static gboolean
slice_long_indices (HsVM      *vm,
                    HsObject  *slice,
                    HsObject  *length,
                    HsObject **start_out,
                    HsObject **stop_out,
                    HsObject **step_out)
{
  HsSlice *s = HS_SLICE (slice);
  HsObject *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
  gboolean step_is_negative;
  HsObject **ends[2] = { &start, &stop };
  HsObject *given[2] = { s->start, s->stop };

  if (s->step == vm->none)
    {
      step = hs_incref (int_one (vm));
      step_is_negative = FALSE;
    }
  else
    {
      if (!_hs_index_check (s->step))
        goto bad_index;
      step = number_index (vm, s->step);
      if (step == NULL)
        goto error;
      if (int_sign (step) == 0)
        {
          hs_err_set_string (vm, vm->types.ValueError, "slice step cannot be zero");
          goto error;
        }
      step_is_negative = int_sign (step) < 0;
    }

  /* Bounds for start and stop. */
  if (step_is_negative)
    {
      lower = hs_int_from_i64 (vm, -1);
      upper = lower != NULL ? int_add (vm, length, lower) : NULL;
      if (upper == NULL)
        goto error;
    }
  else
    {
      lower = hs_incref (int_zero (vm));
      upper = hs_incref (length);
    }

  for (int k = 0; k < 2; k++)
    {
      HsObject *v;

      if (given[k] == vm->none)
        {
          /* start defaults to upper when stepping back; stop the reverse. */
          *ends[k] = hs_incref ((k == 0) == step_is_negative ? upper : lower);
          continue;
        }
      if (!_hs_index_check (given[k]))
        goto bad_index;
      v = number_index (vm, given[k]);
      if (v == NULL)
        goto error;
      if (int_sign (v) < 0)
        {
          HsObject *tmp = int_add (vm, v, length);

          hs_decref (vm, v);
          if (tmp == NULL)
            goto error;
          v = tmp;
          if (hs_int_compare (v, lower) < 0)
            hs_set_ref (vm, &v, hs_incref (lower));
        }
      else if (hs_int_compare (v, upper) > 0)
        hs_set_ref (vm, &v, hs_incref (upper));
      *ends[k] = v;
    }

  hs_decref (vm, lower);
  hs_decref (vm, upper);
  *start_out = start;
  *stop_out = stop;
  *step_out = step;
  return TRUE;

bad_index:
  hs_err_set_string (vm, vm->types.TypeError,
                     "slice indices must be integers or None or have an __index__ method");
error:
  hs_xdecref (vm, step);
  hs_xdecref (vm, lower);
  hs_xdecref (vm, upper);
  hs_xdecref (vm, start);
  hs_xdecref (vm, stop);
  return FALSE;
}

/* compute_slice: a range sliced is a range. */
static HsObject *
compute_slice (HsVM     *vm,
               HsRange  *r,
               HsObject *slice)
{
  HsObject *start, *stop, *step, *substep, *substart = NULL, *substop = NULL, *res = NULL;

  if (!slice_long_indices (vm, slice, r->length, &start, &stop, &step))
    return NULL;
  substep = int_mul (vm, r->step, step);
  if (substep != NULL)
    substart = compute_item (vm, r, start);
  if (substart != NULL)
    substop = compute_item (vm, r, stop);
  if (substop != NULL)
    res = hs_range_new (vm, substart, substop, substep);
  hs_xdecref (vm, substep);
  hs_xdecref (vm, substart);
  hs_xdecref (vm, substop);
  hs_decref (vm, start);
  hs_decref (vm, stop);
  hs_decref (vm, step);
  return res;
}

static HsObject *
range_subscript (HsVM     *vm,
                 HsObject *self,
                 HsObject *item)
{
  if (_hs_index_check (item))
    {
      HsObject *i = number_index (vm, item), *res;

      if (i == NULL)
        return NULL;
      res = compute_range_item (vm, HS_RANGE (self), i);
      hs_decref (vm, i);
      return res;
    }
  if (item->ob_type == vm->types.slice)
    return compute_slice (vm, HS_RANGE (self), item);
  return hs_err_format (vm, vm->types.TypeError,
                        "range indices must be integers or slices, not %s", hs_type_name (item));
}

/* range_contains_long: bounds, then ((ob - start) % step) == 0. */
static int
range_contains_long (HsVM     *vm,
                     HsRange  *r,
                     HsObject *ob)
{
  HsObject *tmp1, *tmp2;
  int result;

  if (int_sign (r->step) > 0)
    {
      if (!(hs_int_compare (r->start, ob) <= 0 && hs_int_compare (ob, r->stop) < 0))
        return 0;
    }
  else if (!(hs_int_compare (ob, r->start) <= 0 && hs_int_compare (r->stop, ob) < 0))
    return 0;
  tmp1 = int_sub (vm, ob, r->start);
  if (tmp1 == NULL)
    return -1;
  tmp2 = hs_number_binop (vm, tmp1, r->step, HS_OP_MOD);
  hs_decref (vm, tmp1);
  if (tmp2 == NULL)
    return -1;
  result = int_sign (tmp2) == 0;
  hs_decref (vm, tmp2);
  return result;
}

enum { SEARCH_COUNT, SEARCH_INDEX, SEARCH_CONTAINS };

/* _PySequence_IterSearch over the range, for non-int needles. */
static gssize
iter_search (HsVM     *vm,
             HsObject *seq,
             HsObject *obj,
             int       operation)
{
  HsObject *it = hs_object_get_iter (vm, seq), *item;
  gssize n = 0;

  if (it == NULL)
    return -1;
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      int cmp = hs_object_richcompare_bool (vm, item, obj, HS_EQ);

      hs_decref (vm, item);
      if (cmp < 0)
        goto fail;
      if (cmp > 0)
        {
          if (operation == SEARCH_CONTAINS)
            {
              hs_decref (vm, it);
              return 1;
            }
          if (operation == SEARCH_INDEX)
            {
              hs_decref (vm, it);
              return n;
            }
          n++;
        }
      else if (operation == SEARCH_INDEX)
        n++;
    }
  if (hs_err_occurred (vm))
    goto fail;
  hs_decref (vm, it);
  if (operation == SEARCH_INDEX)
    {
      hs_err_set_string (vm, vm->types.ValueError, "sequence.index(x): x not in sequence");
      return -1;
    }
  return operation == SEARCH_COUNT ? n : 0;

fail:
  hs_decref (vm, it);
  return -1;
}

static gboolean
exact_int_or_bool (HsVM     *vm,
                   HsObject *o)
{
  return o->ob_type == vm->types.int_ || o->ob_type == vm->types.bool_;
}

static int
range_contains (HsVM     *vm,
                HsObject *self,
                HsObject *ob)
{
  if (exact_int_or_bool (vm, ob))
    return range_contains_long (vm, HS_RANGE (self), ob);
  return iter_search (vm, self, ob, SEARCH_CONTAINS);
}

static HsObject *
range_count (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  gssize n;

  if (!hs_check_no_kwargs (vm, "range.count", kwnames)
      || !hs_check_nargs (vm, "range.count", nargs - 1, 1, 1))
    return NULL;
  if (exact_int_or_bool (vm, args[1]))
    n = range_contains_long (vm, HS_RANGE (args[0]), args[1]);
  else
    n = iter_search (vm, args[0], args[1], SEARCH_COUNT);
  return n < 0 ? NULL : hs_int_from_i64 (vm, n);
}

static HsObject *
range_index (HsVM            *vm,
             HsObject        *callable,
             HsObject *const *args,
             gsize            nargs,
             HsObject        *kwnames)
{
  HsRange *r = HS_RANGE (args[0]);
  HsObject *ob, *idx, *sidx;
  GString *msg;
  int contains;

  if (!hs_check_no_kwargs (vm, "range.index", kwnames)
      || !hs_check_nargs (vm, "range.index", nargs - 1, 1, 1))
    return NULL;
  ob = args[1];
  if (!exact_int_or_bool (vm, ob))
    {
      gssize n = iter_search (vm, args[0], ob, SEARCH_INDEX);

      return n < 0 ? NULL : hs_int_from_i64 (vm, n);
    }
  contains = range_contains_long (vm, r, ob);
  if (contains < 0)
    return NULL;
  if (contains)
    {
      idx = int_sub (vm, ob, r->start);
      if (idx == NULL || hs_int_compare (r->step, int_one (vm)) == 0)
        return idx;
      sidx = hs_number_binop (vm, idx, r->step, HS_OP_FLOORDIV);
      hs_decref (vm, idx);
      return sidx;
    }
  msg = g_string_new (NULL);
  if (hs_object_repr_append (vm, ob, msg))
    {
      g_string_append (msg, " is not in range");
      hs_err_set_string (vm, vm->types.ValueError, msg->str);
    }
  g_string_free (msg, TRUE);
  return NULL;
}

static HsObject *
range_getattro (HsVM     *vm,
                HsObject *self,
                HsObject *name)
{
  HsRange *r = HS_RANGE (self);

  if (hs_str_equal_cstr (name, "start"))
    return hs_incref (r->start);
  if (hs_str_equal_cstr (name, "stop"))
    return hs_incref (r->stop);
  if (hs_str_equal_cstr (name, "step"))
    return hs_incref (r->step);
  return hs_object_generic_getattr (vm, self, name);
}

/* range_iterator ------------------------------------------------------------------- */

static HsObject *
make_range_iter (HsVM     *vm,
                 HsObject *start,
                 HsObject *stop,
                 HsObject *step,
                 HsObject *len)
{
  HsRangeIter *it;
  gint64 lstart, lstop, lstep, llen;

  it = (HsRangeIter *) hs_object_alloc (vm, vm->types.range_iterator, sizeof (HsRangeIter));
  if (it == NULL)
    return NULL;
  /* All four fit and start + len * step cannot overflow: the fast kind. */
  if (small (start, &lstart) && small (stop, &lstop) && small (step, &lstep) && small (len, &llen)
      && (llen == 0 || (lstep > 0 ? lstop <= G_MAXINT64 - (lstep - 1)
                                  : lstop >= G_MININT64 + (-1 - lstep))))
    {
      it->start = lstart;
      it->step = lstep;
      it->len = llen;
      return (HsObject *) it;
    }
  it->big = TRUE;
  it->big_start = hs_incref (start);
  it->big_step = hs_incref (step);
  it->big_len = hs_incref (len);
  return (HsObject *) it;
}

static HsObject *
range_iter (HsVM     *vm,
            HsObject *self)
{
  HsRange *r = HS_RANGE (self);

  return make_range_iter (vm, r->start, r->stop, r->step, r->length);
}

/* reversed(range(start, stop, step)) is range(start + (n-1)*step, start - step, -step). */
static HsObject *
range_reversed (HsVM            *vm,
                HsObject        *callable,
                HsObject *const *args,
                gsize            nargs,
                HsObject        *kwnames)
{
  HsRange *r = HS_RANGE (args[0]);
  HsObject *lenm1, *prod, *start, *stop, *step, *res = NULL;

  if (!hs_check_nargs (vm, "range.__reversed__", nargs - 1, 0, 0))
    return NULL;
  lenm1 = int_sub (vm, r->length, int_one (vm));
  prod = lenm1 != NULL ? int_mul (vm, lenm1, r->step) : NULL;
  start = prod != NULL ? int_add (vm, r->start, prod) : NULL;
  stop = start != NULL ? int_sub (vm, r->start, r->step) : NULL;
  step = stop != NULL ? hs_number_negative (vm, r->step) : NULL;
  if (step != NULL)
    res = make_range_iter (vm, start, stop, step, r->length);
  hs_xdecref (vm, lenm1);
  hs_xdecref (vm, prod);
  hs_xdecref (vm, start);
  hs_xdecref (vm, stop);
  hs_xdecref (vm, step);
  return res;
}

static HsObject *
rangeiter_next (HsVM     *vm,
                HsObject *self)
{
  HsRangeIter *it = (HsRangeIter *) self;
  HsObject *new_start, *new_len, *result;

  if (!it->big)
    {
      /* Unsigned: no signed overflow in the intermediate product. */
      if (it->index < it->len)
        return hs_int_from_i64 (vm, (gint64) ((guint64) it->start
                                              + (guint64) it->index++ * (guint64) it->step));
      return NULL;
    }
  if (int_sign (it->big_len) <= 0)
    return NULL;
  new_start = int_add (vm, it->big_start, it->big_step);
  if (new_start == NULL)
    return NULL;
  new_len = int_sub (vm, it->big_len, int_one (vm));
  if (new_len == NULL)
    {
      hs_decref (vm, new_start);
      return NULL;
    }
  result = it->big_start;
  it->big_start = new_start;
  hs_set_ref (vm, &it->big_len, new_len);
  return result;
}

static void
rangeiter_dealloc (HsVM     *vm,
                   HsObject *self)
{
  HsRangeIter *it = (HsRangeIter *) self;

  hs_clear_ref (vm, &it->big_start);
  hs_clear_ref (vm, &it->big_step);
  hs_clear_ref (vm, &it->big_len);
  hs_clear_ref (vm, &it->big_index);
  hs_object_free (vm, self);
}

static HsObject *
rangeiter_self (HsVM     *vm,
                HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
rangeiter_length_hint (HsVM            *vm,
                       HsObject        *callable,
                       HsObject *const *args,
                       gsize            nargs,
                       HsObject        *kwnames)
{
  HsRangeIter *it = (HsRangeIter *) args[0];

  if (it->big)
    return hs_incref (it->big_len);
  return hs_int_from_i64 (vm, it->len - it->index);
}

static void
rangeiter_repr_short (HsObject *self,
                      GString  *out,
                      gsize     max_chars)
{
  HsRangeIter *it = (HsRangeIter *) self;

  if (it->big)
    g_string_append (out, "big range");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT " left", it->len - it->index);
}

static const HsMethodDef range_methods[] = {
  { "__reversed__", range_reversed, 0, NULL },
  { "count", range_count, 0, NULL },
  { "index", range_index, 0, NULL },
  { NULL }
};

static const HsMethodDef rangeiter_methods[] = {
  { "__length_hint__", rangeiter_length_hint, 0, NULL },
  { NULL }
};

/* Slices ------------------------------------------------------------------------------ */

HsObject *
hs_slice_new (HsVM     *vm,
              HsObject *start,
              HsObject *stop,
              HsObject *step)
{
  HsSlice *s = (HsSlice *) hs_object_alloc (vm, vm->types.slice, sizeof (HsSlice));

  if (s == NULL)
    return NULL;
  s->start = hs_incref (start != NULL ? start : vm->none);
  s->stop = hs_incref (stop != NULL ? stop : vm->none);
  s->step = hs_incref (step != NULL ? step : vm->none);
  hs_gc_track (vm, (HsObject *) s);
  return (HsObject *) s;
}

/* _PyEval_SliceIndex: huge values clamp instead of failing. */
gboolean
_hs_slice_index (HsVM     *vm,
                 HsObject *o,
                 gssize   *out)
{
  HsObject *i = number_index (vm, o);
  gint64 v;

  if (i == NULL)
    return FALSE;
  if (small (i, &v))
    *out = v;
  else
    *out = int_sign (i) < 0 ? G_MINSSIZE : G_MAXSSIZE;
  hs_decref (vm, i);
  return TRUE;
}

static gboolean
slice_part (HsVM     *vm,
            HsObject *o,
            gssize   *out)
{
  if (!_hs_index_check (o))
    {
      hs_err_set_string (vm, vm->types.TypeError,
                         "slice indices must be integers or None or have an __index__ method");
      return FALSE;
    }
  return _hs_slice_index (vm, o, out);
}

gboolean
_hs_slice_unpack (HsVM     *vm,
                  HsObject *slice,
                  gssize   *start,
                  gssize   *stop,
                  gssize   *step)
{
  HsSlice *s = HS_SLICE (slice);

  if (s->step == vm->none)
    *step = 1;
  else
    {
      if (!slice_part (vm, s->step, step))
        return FALSE;
      if (*step == 0)
        {
          hs_err_set_string (vm, vm->types.ValueError, "slice step cannot be zero");
          return FALSE;
        }
      /* -step must not overflow when the slice is reversed. */
      if (*step < -G_MAXSSIZE)
        *step = -G_MAXSSIZE;
    }
  if (s->start == vm->none)
    *start = *step < 0 ? G_MAXSSIZE : 0;
  else if (!slice_part (vm, s->start, start))
    return FALSE;
  if (s->stop == vm->none)
    *stop = *step < 0 ? G_MINSSIZE : G_MAXSSIZE;
  else if (!slice_part (vm, s->stop, stop))
    return FALSE;
  return TRUE;
}

gssize
_hs_slice_adjust (gssize  length,
                  gssize *start,
                  gssize *stop,
                  gssize  step)
{
  if (*start < 0)
    {
      *start += length;
      if (*start < 0)
        *start = step < 0 ? -1 : 0;
    }
  else if (*start >= length)
    *start = step < 0 ? length - 1 : length;

  if (*stop < 0)
    {
      *stop += length;
      if (*stop < 0)
        *stop = step < 0 ? -1 : 0;
    }
  else if (*stop >= length)
    *stop = step < 0 ? length - 1 : length;

  if (step < 0)
    {
      if (*stop < *start)
        return (*start - *stop - 1) / (-step) + 1;
    }
  else if (*start < *stop)
    return (*stop - *start - 1) / step + 1;
  return 0;
}

gboolean
hs_slice_indices (HsVM     *vm,
                  HsObject *slice,
                  gssize    length,
                  gssize   *start,
                  gssize   *stop,
                  gssize   *step,
                  gssize   *slicelength)
{
  if (!_hs_slice_unpack (vm, slice, start, stop, step))
    return FALSE;
  *slicelength = _hs_slice_adjust (length, start, stop, *step);
  return TRUE;
}

static HsObject *
slice_tp_new (HsVM            *vm,
              HsObject        *callable,
              HsObject *const *args,
              gsize            nargs,
              HsObject        *kwnames)
{
  if (!hs_check_no_kwargs (vm, "slice", kwnames)
      || !hs_check_nargs (vm, "slice", nargs - 1, 1, 3))
    return NULL;
  if (nargs == 2)
    return hs_slice_new (vm, NULL, args[1], NULL);
  return hs_slice_new (vm, args[1], args[2], nargs > 3 ? args[3] : NULL);
}

static void
slice_dealloc (HsVM     *vm,
               HsObject *self)
{
  HsSlice *s = HS_SLICE (self);

  if (hs_gc_is_tracked (self))
    hs_gc_untrack (vm, self);
  hs_clear_ref (vm, &s->step);
  hs_clear_ref (vm, &s->start);
  hs_clear_ref (vm, &s->stop);
  hs_object_free (vm, self);
}

static void
slice_traverse (HsObject    *self,
                HsVisitFunc  visit,
                gpointer     user_data)
{
  HsSlice *s = HS_SLICE (self);

  if (s->start != NULL)
    visit (s->start, user_data);
  if (s->stop != NULL)
    visit (s->stop, user_data);
  if (s->step != NULL)
    visit (s->step, user_data);
}

static HsObject *
slice_repr (HsVM     *vm,
            HsObject *self)
{
  HsSlice *s = HS_SLICE (self);
  GString *out = g_string_new ("slice(");
  HsObject *res = NULL;

  if (hs_object_repr_append (vm, s->start, out))
    {
      g_string_append (out, ", ");
      if (hs_object_repr_append (vm, s->stop, out))
        {
          g_string_append (out, ", ");
          if (hs_object_repr_append (vm, s->step, out))
            {
              g_string_append_c (out, ')');
              res = hs_str_from_gstring (vm, out);
            }
        }
    }
  g_string_free (out, TRUE);
  return res;
}

static void
slice_repr_short (HsObject *self,
                  GString  *out,
                  gsize     max_chars)
{
  HsSlice *s = HS_SLICE (self);
  HsObject *parts[3] = { s->start, s->stop, s->step };

  g_string_append (out, "slice(");
  for (int k = 0; k < 3; k++)
    {
      if (k > 0)
        g_string_append (out, ", ");
      _hs_repr_short_item (parts[k], out, 12);
    }
  g_string_append_c (out, ')');
}

/* Compared as the tuples (start, stop, step). */
static HsObject *
slice_richcompare (HsVM     *vm,
                   HsObject *v,
                   HsObject *w,
                   int       op)
{
  HsObject *t1, *t2, *res;

  if (v->ob_type != vm->types.slice || w->ob_type != vm->types.slice)
    return hs_not_implemented (vm);
  if (v == w)
    return hs_bool (vm, op == HS_EQ || op == HS_LE || op == HS_GE);
  t1 = hs_tuple_pack (vm, 3, HS_SLICE (v)->start, HS_SLICE (v)->stop, HS_SLICE (v)->step);
  if (t1 == NULL)
    return NULL;
  t2 = hs_tuple_pack (vm, 3, HS_SLICE (w)->start, HS_SLICE (w)->stop, HS_SLICE (w)->step);
  if (t2 == NULL)
    {
      hs_decref (vm, t1);
      return NULL;
    }
  res = hs_object_richcompare (vm, t1, t2, op);
  hs_decref (vm, t1);
  hs_decref (vm, t2);
  return res;
}

static HsObject *
slice_indices_method (HsVM            *vm,
                      HsObject        *callable,
                      HsObject *const *args,
                      gsize            nargs,
                      HsObject        *kwnames)
{
  HsObject *length, *start, *stop, *step, *res;

  if (!hs_check_no_kwargs (vm, "slice.indices", kwnames)
      || !hs_check_nargs (vm, "slice.indices", nargs - 1, 1, 1))
    return NULL;
  length = number_index (vm, args[1]);
  if (length == NULL)
    return NULL;
  if (int_sign (length) < 0)
    {
      hs_decref (vm, length);
      return hs_err_set_string (vm, vm->types.ValueError, "length should not be negative");
    }
  if (!slice_long_indices (vm, args[0], length, &start, &stop, &step))
    {
      hs_decref (vm, length);
      return NULL;
    }
  res = hs_tuple_pack (vm, 3, start, stop, step);
  hs_decref (vm, start);
  hs_decref (vm, stop);
  hs_decref (vm, step);
  hs_decref (vm, length);
  return res;
}

static HsObject *
slice_getattro (HsVM     *vm,
                HsObject *self,
                HsObject *name)
{
  HsSlice *s = HS_SLICE (self);

  if (hs_str_equal_cstr (name, "start"))
    return hs_incref (s->start);
  if (hs_str_equal_cstr (name, "stop"))
    return hs_incref (s->stop);
  if (hs_str_equal_cstr (name, "step"))
    return hs_incref (s->step);
  return hs_object_generic_getattr (vm, self, name);
}

static const HsMethodDef slice_methods[] = {
  { "indices", slice_indices_method, 0, NULL },
  { NULL }
};

void
_hs_range_init_type (HsVM *vm)
{
  HsType *t = _hs_type_new_builtin (vm, "range", vm->types.object, sizeof (HsRange), 48, 0);

  t->tp_dealloc = range_dealloc;
  t->tp_repr = range_repr;
  t->tp_hash = range_hash;
  t->tp_richcompare = range_richcompare;
  t->tp_iter = range_iter;
  t->tp_new = range_tp_new;
  t->tp_getattro = range_getattro;
  t->sq_length = range_length;
  t->sq_contains = range_contains;
  t->mp_subscript = range_subscript;
  t->nb_bool = range_bool;
  t->tp_repr_short = range_repr_short;
  t->methods = range_methods;
  vm->types.range = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "range_iterator", vm->types.object, sizeof (HsRangeIter), 48, 0);
  t->tp_dealloc = rangeiter_dealloc;
  t->tp_iter = rangeiter_self;
  t->tp_iternext = rangeiter_next;
  t->tp_repr_short = rangeiter_repr_short;
  t->methods = rangeiter_methods;
  vm->types.range_iterator = t;
  _hs_type_ready (vm, t);

  t = _hs_type_new_builtin (vm, "slice", vm->types.object, sizeof (HsSlice), 56, HS_TPFLAG_GC);
  t->tp_dealloc = slice_dealloc;
  t->tp_traverse = slice_traverse;
  t->tp_repr = slice_repr;
  t->tp_richcompare = slice_richcompare;
  t->tp_new = slice_tp_new;
  t->tp_getattro = slice_getattro;
  t->tp_repr_short = slice_repr_short;
  t->methods = slice_methods;
  vm->types.slice = t;
  _hs_type_ready (vm, t);
}
