/* hs-list-sort.c — list.sort(): CPython 3.11's timsort with powersort merging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The algorithm of Objects/listsort.txt, written so that it asks the same
 * `a < b` questions in the same order as CPython 3.11 does: a learner who
 * prints from __lt__ sees identical output. Natural runs are found with
 * count_run, short ones extended by binary insertion to minrun, and pending
 * runs merged by the powersort policy (merge_lo / merge_hi with galloping).
 * The list looks empty while it is sorted; any change made meanwhile by a
 * key function or a comparison is thrown away with "list modified during
 * sort".
 */

#include "config.h"

#include <string.h>

#include "hs-abstract.h"
#include "hs-containers-private.h"
#include "hs-number-object.h"
#include "hs-str-object.h"
#include "hs-vm.h"

#define MAX_MERGE_PENDING 85
#define MIN_GALLOP 7

/* Keys, and in parallel the values when a key function is used. */
typedef struct
{
  HsObject **keys;
  HsObject **values;
} SortSlice;

typedef struct
{
  SortSlice base;
  gssize    len;
  int       power;
} Run;

typedef struct
{
  HsVM      *vm;
  gssize     min_gallop;
  gssize     listlen;
  HsObject **basekeys;
  SortSlice  a;              /* merge scratch space */
  gssize     alloced;
  gboolean   has_values;
  int        n;
  Run        pending[MAX_MERGE_PENDING];
} MergeState;

/* 1 if x < y, 0 if not, -1 on error. */
static int
islt (MergeState *ms,
      HsObject   *x,
      HsObject   *y)
{
  return hs_object_richcompare_bool (ms->vm, x, y, HS_LT);
}

#define IFLT(X, Y) if ((k = islt (ms, X, Y)) < 0) goto fail; if (k)

static void
slice_copy (SortSlice *s1,
            gssize     i,
            SortSlice *s2,
            gssize     j)
{
  s1->keys[i] = s2->keys[j];
  if (s1->values != NULL)
    s1->values[i] = s2->values[j];
}

static void
slice_copy_incr (SortSlice *dst,
                 SortSlice *src)
{
  *dst->keys++ = *src->keys++;
  if (dst->values != NULL)
    *dst->values++ = *src->values++;
}

static void
slice_copy_decr (SortSlice *dst,
                 SortSlice *src)
{
  *dst->keys-- = *src->keys--;
  if (dst->values != NULL)
    *dst->values-- = *src->values--;
}

static void
slice_memcpy (SortSlice *s1,
              gssize     i,
              SortSlice *s2,
              gssize     j,
              gssize     n)
{
  memcpy (&s1->keys[i], &s2->keys[j], sizeof (HsObject *) * n);
  if (s1->values != NULL)
    memcpy (&s1->values[i], &s2->values[j], sizeof (HsObject *) * n);
}

static void
slice_memmove (SortSlice *s1,
               gssize     i,
               SortSlice *s2,
               gssize     j,
               gssize     n)
{
  memmove (&s1->keys[i], &s2->keys[j], sizeof (HsObject *) * n);
  if (s1->values != NULL)
    memmove (&s1->values[i], &s2->values[j], sizeof (HsObject *) * n);
}

static void
slice_advance (SortSlice *s,
               gssize     n)
{
  s->keys += n;
  if (s->values != NULL)
    s->values += n;
}

static void
reverse_range (HsObject **lo,
               HsObject **hi)
{
  for (--hi; lo < hi; lo++, hi--)
    {
      HsObject *t = *lo;

      *lo = *hi;
      *hi = t;
    }
}

static void
reverse_slice (SortSlice *s,
               gssize     n)
{
  reverse_range (s->keys, s->keys + n);
  if (s->values != NULL)
    reverse_range (s->values, s->values + n);
}

/* Binary insertion of [start, hi) into the sorted [lo, start). Stable: a
 * pivot goes after the elements equal to it. */
static int
binarysort (MergeState  *ms,
            SortSlice    lo,
            HsObject   **hi,
            HsObject   **start)
{
  HsObject **l, **p, **r;
  HsObject *pivot;
  int k;

  if (lo.keys == start)
    ++start;
  for (; start < hi; ++start)
    {
      l = lo.keys;
      r = start;
      pivot = *r;
      do
        {
          p = l + ((r - l) >> 1);
          IFLT (pivot, *p)
            r = p;
          else
            l = p + 1;
        }
      while (l < r);
      for (p = start; p > l; --p)
        *p = *(p - 1);
      *l = pivot;
      if (lo.values != NULL)
        {
          gssize offset = lo.values - lo.keys;

          p = start + offset;
          pivot = *p;
          l += offset;
          for (p = start + offset; p > l; --p)
            *p = *(p - 1);
          *l = pivot;
        }
    }
  return 0;

fail:
  return -1;
}

/* Length of the run starting at lo: non-descending, or strictly descending
 * (then *descending is set). */
static gssize
count_run (MergeState  *ms,
           HsObject   **lo,
           HsObject   **hi,
           gboolean    *descending)
{
  gssize n;
  int k;

  *descending = FALSE;
  ++lo;
  if (lo == hi)
    return 1;
  n = 2;
  IFLT (*lo, *(lo - 1))
    {
      *descending = TRUE;
      for (lo = lo + 1; lo < hi; ++lo, ++n)
        {
          IFLT (*lo, *(lo - 1))
            ;
          else
            break;
        }
    }
  else
    {
      for (lo = lo + 1; lo < hi; ++lo, ++n)
        {
          IFLT (*lo, *(lo - 1))
            break;
        }
    }
  return n;

fail:
  return -1;
}

/* Where key belongs in the sorted a[0:n], leftmost among equals; the search
 * starts at a[hint] and gallops. */
static gssize
gallop_left (MergeState  *ms,
             HsObject    *key,
             HsObject   **a,
             gssize       n,
             gssize       hint)
{
  gssize ofs, lastofs, k2;
  int k;

  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT (*a, key)
    {
      /* a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs]. */
      const gssize maxofs = n - hint;

      while (ofs < maxofs)
        {
          IFLT (a[ofs], key)
            {
              lastofs = ofs;
              ofs = (ofs << 1) + 1;
            }
          else
            break;
        }
      if (ofs > maxofs)
        ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
  else
    {
      /* key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs]. */
      const gssize maxofs = hint + 1;

      while (ofs < maxofs)
        {
          IFLT (*(a - ofs), key)
            break;
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        }
      if (ofs > maxofs)
        ofs = maxofs;
      k2 = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k2;
    }
  a -= hint;

  /* a[lastofs] < key <= a[ofs]: binary search in between. */
  ++lastofs;
  while (lastofs < ofs)
    {
      gssize m = lastofs + ((ofs - lastofs) >> 1);

      IFLT (a[m], key)
        lastofs = m + 1;
      else
        ofs = m;
    }
  return ofs;

fail:
  return -1;
}

/* Like gallop_left, but rightmost among equals. */
static gssize
gallop_right (MergeState  *ms,
              HsObject    *key,
              HsObject   **a,
              gssize       n,
              gssize       hint)
{
  gssize ofs, lastofs, k2;
  int k;

  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT (key, *a)
    {
      /* key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs]. */
      const gssize maxofs = hint + 1;

      while (ofs < maxofs)
        {
          IFLT (key, *(a - ofs))
            {
              lastofs = ofs;
              ofs = (ofs << 1) + 1;
            }
          else
            break;
        }
      if (ofs > maxofs)
        ofs = maxofs;
      k2 = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k2;
    }
  else
    {
      /* a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs]. */
      const gssize maxofs = n - hint;

      while (ofs < maxofs)
        {
          IFLT (key, a[ofs])
            break;
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        }
      if (ofs > maxofs)
        ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
  a -= hint;

  ++lastofs;
  while (lastofs < ofs)
    {
      gssize m = lastofs + ((ofs - lastofs) >> 1);

      IFLT (key, a[m])
        ofs = m;
      else
        lastofs = m + 1;
    }
  return ofs;

fail:
  return -1;
}

static void
merge_getmem (MergeState *ms,
              gssize      need)
{
  if (need <= ms->alloced)
    return;
  g_free (ms->a.keys);
  g_free (ms->a.values);
  ms->a.keys = g_new (HsObject *, need);
  ms->a.values = ms->has_values ? g_new (HsObject *, need) : NULL;
  ms->alloced = need;
}

/* Merges the na elements at ssa with the nb at ssb (ssa + na == ssb, na <= nb). */
static gssize
merge_lo (MergeState *ms,
          SortSlice   ssa,
          gssize      na,
          SortSlice   ssb,
          gssize      nb)
{
  SortSlice dest;
  gssize result = -1, min_gallop, k2;
  int k;

  merge_getmem (ms, na);
  slice_memcpy (&ms->a, 0, &ssa, 0, na);
  dest = ssa;
  ssa = ms->a;

  slice_copy_incr (&dest, &ssb);
  --nb;
  if (nb == 0)
    goto succeed;
  if (na == 1)
    goto copy_b;

  min_gallop = ms->min_gallop;
  for (;;)
    {
      gssize acount = 0;   /* times A won in a row */
      gssize bcount = 0;   /* times B won in a row */

      /* One pair at a time until one run wins consistently. */
      for (;;)
        {
          k = islt (ms, ssb.keys[0], ssa.keys[0]);
          if (k)
            {
              if (k < 0)
                goto fail;
              slice_copy_incr (&dest, &ssb);
              ++bcount;
              acount = 0;
              --nb;
              if (nb == 0)
                goto succeed;
              if (bcount >= min_gallop)
                break;
            }
          else
            {
              slice_copy_incr (&dest, &ssa);
              ++acount;
              bcount = 0;
              --na;
              if (na == 1)
                goto copy_b;
              if (acount >= min_gallop)
                break;
            }
        }

      /* Gallop while one run keeps winning. */
      ++min_gallop;
      do
        {
          min_gallop -= min_gallop > 1;
          ms->min_gallop = min_gallop;
          k2 = gallop_right (ms, ssb.keys[0], ssa.keys, na, 0);
          acount = k2;
          if (k2)
            {
              if (k2 < 0)
                goto fail;
              slice_memcpy (&dest, 0, &ssa, 0, k2);
              slice_advance (&dest, k2);
              slice_advance (&ssa, k2);
              na -= k2;
              if (na == 1)
                goto copy_b;
              /* Impossible with a consistent comparison, but can't be assumed. */
              if (na == 0)
                goto succeed;
            }
          slice_copy_incr (&dest, &ssb);
          --nb;
          if (nb == 0)
            goto succeed;

          k2 = gallop_left (ms, ssa.keys[0], ssb.keys, nb, 0);
          bcount = k2;
          if (k2)
            {
              if (k2 < 0)
                goto fail;
              slice_memmove (&dest, 0, &ssb, 0, k2);
              slice_advance (&dest, k2);
              slice_advance (&ssb, k2);
              nb -= k2;
              if (nb == 0)
                goto succeed;
            }
          slice_copy_incr (&dest, &ssa);
          --na;
          if (na == 1)
            goto copy_b;
        }
      while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      ++min_gallop;   /* penalty for leaving galloping mode */
      ms->min_gallop = min_gallop;
    }

succeed:
  result = 0;
fail:
  if (na)
    slice_memcpy (&dest, 0, &ssa, 0, na);
  return result;

copy_b:
  /* The last element of A belongs at the end of the merge. */
  slice_memmove (&dest, 0, &ssb, 0, nb);
  slice_copy (&dest, nb, &ssa, 0);
  return 0;
}

/* Mirror image of merge_lo, for na >= nb: merges from the right. */
static gssize
merge_hi (MergeState *ms,
          SortSlice   ssa,
          gssize      na,
          SortSlice   ssb,
          gssize      nb)
{
  SortSlice dest, basea, baseb;
  gssize result = -1, min_gallop, k2;
  int k;

  merge_getmem (ms, nb);
  dest = ssb;
  slice_advance (&dest, nb - 1);
  slice_memcpy (&ms->a, 0, &ssb, 0, nb);
  basea = ssa;
  baseb = ms->a;
  ssb.keys = ms->a.keys + nb - 1;
  if (ssb.values != NULL)
    ssb.values = ms->a.values + nb - 1;
  slice_advance (&ssa, na - 1);

  slice_copy_decr (&dest, &ssa);
  --na;
  if (na == 0)
    goto succeed;
  if (nb == 1)
    goto copy_a;

  min_gallop = ms->min_gallop;
  for (;;)
    {
      gssize acount = 0;
      gssize bcount = 0;

      for (;;)
        {
          k = islt (ms, ssb.keys[0], ssa.keys[0]);
          if (k)
            {
              if (k < 0)
                goto fail;
              slice_copy_decr (&dest, &ssa);
              ++acount;
              bcount = 0;
              --na;
              if (na == 0)
                goto succeed;
              if (acount >= min_gallop)
                break;
            }
          else
            {
              slice_copy_decr (&dest, &ssb);
              ++bcount;
              acount = 0;
              --nb;
              if (nb == 1)
                goto copy_a;
              if (bcount >= min_gallop)
                break;
            }
        }

      ++min_gallop;
      do
        {
          min_gallop -= min_gallop > 1;
          ms->min_gallop = min_gallop;
          k2 = gallop_right (ms, ssb.keys[0], basea.keys, na, na - 1);
          if (k2 < 0)
            goto fail;
          k2 = na - k2;
          acount = k2;
          if (k2)
            {
              slice_advance (&dest, -k2);
              slice_advance (&ssa, -k2);
              slice_memmove (&dest, 1, &ssa, 1, k2);
              na -= k2;
              if (na == 0)
                goto succeed;
            }
          slice_copy_decr (&dest, &ssb);
          --nb;
          if (nb == 1)
            goto copy_a;

          k2 = gallop_left (ms, ssa.keys[0], baseb.keys, nb, nb - 1);
          if (k2 < 0)
            goto fail;
          k2 = nb - k2;
          bcount = k2;
          if (k2)
            {
              slice_advance (&dest, -k2);
              slice_advance (&ssb, -k2);
              slice_memcpy (&dest, 1, &ssb, 1, k2);
              nb -= k2;
              if (nb == 1)
                goto copy_a;
              if (nb == 0)
                goto succeed;
            }
          slice_copy_decr (&dest, &ssa);
          --na;
          if (na == 0)
            goto succeed;
        }
      while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      ++min_gallop;
      ms->min_gallop = min_gallop;
    }

succeed:
  result = 0;
fail:
  if (nb)
    slice_memcpy (&dest, -(nb - 1), &baseb, 0, nb);
  return result;

copy_a:
  /* The first element of B belongs at the front of the merge. */
  slice_memmove (&dest, 1 - na, &ssa, 1 - na, na);
  slice_advance (&dest, -na);
  slice_advance (&ssa, -na);
  slice_copy (&dest, 0, &ssb, 0);
  return 0;
}

/* Merges pending runs i and i + 1. */
static gssize
merge_at (MergeState *ms,
          int         i)
{
  SortSlice ssa, ssb;
  gssize na, nb, k;

  ssa = ms->pending[i].base;
  na = ms->pending[i].len;
  ssb = ms->pending[i + 1].base;
  nb = ms->pending[i + 1].len;

  /* Record the combined length; if i is the 3rd-last run, slide the last one over. */
  ms->pending[i].len = na + nb;
  if (i == ms->n - 3)
    ms->pending[i + 1] = ms->pending[i + 2];
  --ms->n;

  /* Elements of A before where B's first goes are already in place. */
  k = gallop_right (ms, *ssb.keys, ssa.keys, na, 0);
  if (k < 0)
    return -1;
  slice_advance (&ssa, k);
  na -= k;
  if (na == 0)
    return 0;

  /* Elements of B after where A's last goes are already in place. */
  nb = gallop_left (ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
  if (nb <= 0)
    return nb;

  if (na <= nb)
    return merge_lo (ms, ssa, na, ssb, nb);
  return merge_hi (ms, ssa, na, ssb, nb);
}

/* Powersort's node power of two adjacent runs: the first bit where the
 * midpoints of run 1 ([s1, s1 + n1)) and run 2 differ, scaled to [0, 1). */
static int
powerloop (gssize s1,
           gssize n1,
           gssize n2,
           gssize n)
{
  int result = 0;
  gssize a = 2 * s1 + n1;   /* 2 * midpoint of run 1 */
  gssize b = a + n1 + n2;   /* 2 * midpoint of run 2 */

  for (;;)
    {
      ++result;
      if (a >= n)
        {
          a -= n;
          b -= n;
        }
      else if (b >= n)
        break;
      a <<= 1;
      b <<= 1;
    }
  return result;
}

/* A new run of n2 elements follows the top pending run: merge while the
 * run below the top has a greater power. */
static int
found_new_run (MergeState *ms,
               gssize      n2)
{
  if (ms->n)
    {
      Run *p = ms->pending;
      gssize s1 = p[ms->n - 1].base.keys - ms->basekeys;
      gssize n1 = p[ms->n - 1].len;
      int power = powerloop (s1, n1, n2, ms->listlen);

      while (ms->n > 1 && p[ms->n - 2].power > power)
        if (merge_at (ms, ms->n - 2) < 0)
          return -1;
      p[ms->n - 1].power = power;
    }
  return 0;
}

static int
merge_force_collapse (MergeState *ms)
{
  Run *p = ms->pending;

  while (ms->n > 1)
    {
      int n = ms->n - 2;

      if (n > 0 && p[n - 1].len < p[n + 1].len)
        --n;
      if (merge_at (ms, n) < 0)
        return -1;
    }
  return 0;
}

/* minrun in [32, 64] such that n / minrun is a power of 2 or close below. */
static gssize
compute_minrun (gssize n)
{
  gssize r = 0;

  while (n >= 64)
    {
      r |= n & 1;
      n >>= 1;
    }
  return n + r;
}

int
hs_list_sort (HsVM     *vm,
              HsObject *list,
              HsObject *keyfunc,
              gboolean  reverse)
{
  HsList *self = HS_LIST (list);
  gsize saved_ob_size = self->len;
  HsObject **saved_ob_item = self->items;
  gssize saved_allocated = self->allocated;
  HsObject **keys = NULL;
  HsObject **final_ob_item;
  gssize final_allocated;
  gsize i;
  MergeState ms = { 0 };
  SortSlice lo;
  int result = -1;

  if (keyfunc == vm->none)
    keyfunc = NULL;

  /* The list looks empty while sorting: mutations by the comparisons or the
   * key function can't touch the memory being sorted. */
  self->len = 0;
  self->items = NULL;
  self->allocated = -1;

  if (keyfunc == NULL)
    {
      lo.keys = saved_ob_item;
      lo.values = NULL;
    }
  else
    {
      keys = g_new (HsObject *, MAX (saved_ob_size, 1));
      for (i = 0; i < saved_ob_size; i++)
        {
          keys[i] = hs_object_call (vm, keyfunc, &saved_ob_item[i], 1, NULL);
          if (keys[i] == NULL)
            {
              while (i-- > 0)
                hs_decref (vm, keys[i]);
              g_clear_pointer (&keys, g_free);
              goto keyfunc_fail;
            }
        }
      lo.keys = keys;
      lo.values = saved_ob_item;
    }

  ms.vm = vm;
  ms.min_gallop = MIN_GALLOP;
  ms.listlen = saved_ob_size;
  ms.basekeys = lo.keys;
  ms.has_values = keys != NULL;
  ms.a.values = NULL;

  if (saved_ob_size < 2)
    goto succeed;

  /* Reverse sort stays stable: reverse, sort forward, reverse back. */
  if (reverse)
    {
      if (keys != NULL)
        reverse_range (keys, keys + saved_ob_size);
      reverse_range (saved_ob_item, saved_ob_item + saved_ob_size);
    }

  {
    gssize nremaining = saved_ob_size;
    gssize minrun = compute_minrun (nremaining);

    do
      {
        gboolean descending;
        gssize n = count_run (&ms, lo.keys, lo.keys + nremaining, &descending);

        if (n < 0)
          goto fail;
        if (descending)
          reverse_slice (&lo, n);
        /* Extend a short run to min(minrun, nremaining). */
        if (n < minrun)
          {
            const gssize force = nremaining <= minrun ? nremaining : minrun;

            if (binarysort (&ms, lo, lo.keys + force, lo.keys + n) < 0)
              goto fail;
            n = force;
          }
        if (found_new_run (&ms, n) < 0)
          goto fail;
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = n;
        ++ms.n;
        slice_advance (&lo, n);
        nremaining -= n;
      }
    while (nremaining);
  }
  if (merge_force_collapse (&ms) < 0)
    goto fail;

succeed:
  result = 0;
fail:
  if (keys != NULL)
    {
      for (i = 0; i < saved_ob_size; i++)
        hs_decref (vm, keys[i]);
      g_free (keys);
    }
  if (self->allocated != -1 && result == 0)
    {
      /* Someone changed the list during the sort, and no other error is pending. */
      hs_err_set_string (vm, vm->types.ValueError, "list modified during sort");
      result = -1;
    }
  if (reverse && saved_ob_size > 1)
    reverse_range (saved_ob_item, saved_ob_item + saved_ob_size);
  g_free (ms.a.keys);
  g_free (ms.a.values);

keyfunc_fail:
  final_ob_item = self->items;
  final_allocated = self->allocated;
  i = self->len;
  self->len = saved_ob_size;
  self->items = saved_ob_item;
  self->allocated = saved_allocated;
  if (final_ob_item != NULL)
    {
      /* What was put in the list during the sort is thrown away. */
      while (i-- > 0)
        hs_xdecref (vm, final_ob_item[i]);
      g_free (final_ob_item);
      hs_heap_reserve (vm, -MAX (final_allocated, 0) * (gssize) sizeof (HsObject *));
    }
  return result;
}

/* list.sort(*, key=None, reverse=False) */
HsObject *
_hs_list_sort_method (HsVM            *vm,
                      HsObject        *callable,
                      HsObject *const *args,
                      gsize            nargs,
                      HsObject        *kwnames)
{
  HsObject *key = NULL;
  gboolean reverse = FALSE;
  gsize nkw = kwnames != NULL ? HS_TUPLE (kwnames)->len : 0;

  if (nargs > 1)
    return hs_err_set_string (vm, vm->types.TypeError, "sort() takes no positional arguments");
  for (gsize i = 0; i < nkw; i++)
    {
      HsObject *name = HS_TUPLE (kwnames)->items[i];
      HsObject *value = args[nargs + i];

      if (hs_str_equal_cstr (name, "key"))
        key = value;
      else if (hs_str_equal_cstr (name, "reverse"))
        {
          gint64 v;

          if (!hs_int_check (value))
            return hs_err_format (vm, vm->types.TypeError,
                                  "'%s' object cannot be interpreted as an integer",
                                  hs_type_name (value));
          if (!hs_int_as_i64 (NULL, value, &v) || v < G_MININT || v > G_MAXINT)
            return hs_err_set_string (vm, vm->types.OverflowError,
                                      "Python int too large to convert to C int");
          reverse = v != 0;
        }
      else
        return hs_err_format (vm, vm->types.TypeError,
                              "'%s' is an invalid keyword argument for sort()",
                              hs_str_utf8 (name));
    }
  if (hs_list_sort (vm, args[0], key, reverse) < 0)
    return NULL;
  return hs_none (vm);
}
