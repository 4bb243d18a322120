/* hs-bigint-ops.c — powers, shifts and bitwise operations on big integers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-bigint.h"
#include "hs-bigint-private.h"

typedef guint32 digit;

#define SHIFT HS_DIGIT_BITS
#define MASK  HS_DIGIT_MASK

/* Square-and-multiply; the caller has checked the size of the result. */
static HsBigInt *
bigint_pow_unchecked (const HsBigInt *base,
                      guint64         exp)
{
  HsBigInt *result = hs_bigint_new_from_int64 (1);
  int top = 63 - __builtin_clzll (exp | 1);

  for (int bit = top; bit >= 0; bit--)
    {
      HsBigInt *t = _hs_bigint_mul_unchecked (result, result);

      g_free (result);
      result = t;
      if ((exp >> bit) & 1)
        {
          t = _hs_bigint_mul_unchecked (result, base);
          g_free (result);
          result = t;
        }
    }
  return result;
}

/**
 * hs_bigint_pow:
 * @exponent: must not be negative (CPython computes int ** negative int
 *   as a float power; the caller does that)
 *
 * base ** exponent. Fails with MemoryError when the result would exceed the
 * size limit; the check happens before any work.
 */
HsBigInt *
hs_bigint_pow (const HsBigInt *base,
               const HsBigInt *exponent,
               GError        **error)
{
  gint64 exp;
  guint64 bits;
  HsBigInt *result;

  if (exponent->sign < 0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "negative exponent");
      return NULL;
    }
  if (exponent->len == 0)
    return hs_bigint_new_from_int64 (1);
  if (base->len == 0)
    return _hs_bigint_alloc (0);
  bits = hs_bigint_bit_length (base);
  if (bits == 1)
    {
      /* ±1 */
      gboolean odd = (exponent->digits[0] & 1) != 0;

      return hs_bigint_new_from_int64 (base->sign < 0 && odd ? -1 : 1);
    }

  /* The result has more than (bits - 1) * exp bits. */
  if (!hs_bigint_to_int64 (exponent, &exp)
      || (guint64) exp > (guint64) hs_bigint_get_max_digits () * SHIFT / (bits - 1))
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_MEMORY, "");
      return NULL;
    }
  result = bigint_pow_unchecked (base, (guint64) exp);
  if (!_hs_bigint_check_digits (result->len, error))
    g_clear_pointer (&result, g_free);
  return result;
}

/* x such that a * x == 1 (mod n), for 0 <= a < n; NULL if none. */
static HsBigInt *
bigint_invmod (const HsBigInt *a,
               const HsBigInt *n)
{
  HsBigInt *r0 = hs_bigint_copy (n);
  HsBigInt *r1 = hs_bigint_copy (a);
  HsBigInt *s0 = hs_bigint_new_from_int64 (0);
  HsBigInt *s1 = hs_bigint_new_from_int64 (1);
  HsBigInt *result = NULL;

  while (r1->len > 0)
    {
      HsBigInt *q, *r, *qs, *s;

      hs_bigint_divmod (r0, r1, &q, &r, NULL);
      qs = _hs_bigint_mul_unchecked (q, s1);
      s = _hs_bigint_add_signed (s0, qs, -qs->sign);
      g_free (q);
      g_free (qs);
      g_free (r0);
      g_free (s0);
      r0 = r1;
      r1 = r;
      s0 = s1;
      s1 = s;
    }
  if (r0->len == 1 && r0->digits[0] == 1)
    result = hs_bigint_mod (s0, n, NULL);
  g_free (r0);
  g_free (r1);
  g_free (s0);
  g_free (s1);
  return result;
}

/**
 * hs_bigint_pow_mod:
 *
 * pow(base, exponent, modulus) as CPython 3.8+: a negative exponent uses
 * the modular inverse; the result has the sign of the modulus.
 */
HsBigInt *
hs_bigint_pow_mod (const HsBigInt *base,
                   const HsBigInt *exponent,
                   const HsBigInt *modulus,
                   GError        **error)
{
  g_autoptr(HsBigInt) m = NULL;
  g_autoptr(HsBigInt) b = NULL;
  g_autoptr(HsBigInt) e = NULL;
  HsBigInt *result;

  if (modulus->len == 0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "pow() 3rd argument cannot be 0");
      return NULL;
    }
  m = hs_bigint_abs (modulus);
  b = hs_bigint_mod (base, m, NULL);
  e = hs_bigint_abs (exponent);

  if (m->len == 1 && m->digits[0] == 1)
    return _hs_bigint_alloc (0);

  if (exponent->sign < 0)
    {
      HsBigInt *inv = bigint_invmod (b, m);

      if (inv == NULL)
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                               "base is not invertible for the given modulus");
          return NULL;
        }
      g_free (b);
      b = inv;
    }

  /* Left-to-right over every bit of the (possibly huge) exponent. */
  result = hs_bigint_new_from_int64 (1);
  for (gsize i = e->len; i-- > 0;)
    {
      for (int bit = SHIFT - 1; bit >= 0; bit--)
        {
          HsBigInt *t = _hs_bigint_mul_unchecked (result, result);

          g_free (result);
          result = hs_bigint_mod (t, m, NULL);
          g_free (t);
          if ((e->digits[i] >> bit) & 1)
            {
              t = _hs_bigint_mul_unchecked (result, b);
              g_free (result);
              result = hs_bigint_mod (t, m, NULL);
              g_free (t);
            }
        }
    }

  if (modulus->sign < 0 && result->len > 0)
    {
      HsBigInt *t = _hs_bigint_add_signed (result, m, -1);

      g_free (result);
      result = t;
    }
  return result;
}

/* --- shifts and bitwise operations ------------------------------------ */

/* a << count with no size check (the caller has done it). */
HsBigInt *
_hs_bigint_lshift_unchecked (const HsBigInt *a,
                             guint64         count)
{
  gsize whole = (gsize) (count / SHIFT);
  gsize n = a->len + whole + 1;
  HsBigInt *z;

  if (a->len == 0)
    return _hs_bigint_alloc (0);
  z = _hs_bigint_alloc (n);
  memset (z->digits, 0, whole * sizeof (digit));
  z->digits[n - 1] = _hs_mag_lshift_bits (a->digits, a->len, (int) (count % SHIFT),
                                          z->digits + whole);
  z->sign = a->sign;
  return _hs_bigint_normalize (z);
}

HsBigInt *
hs_bigint_lshift_int64 (const HsBigInt *a,
                        gint64          count,
                        GError        **error)
{
  if (count < 0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "negative shift count");
      return NULL;
    }
  if (a->len == 0)
    return _hs_bigint_alloc (0);
  if (!_hs_bigint_check_digits ((guint64) count / SHIFT, error)
      || !_hs_bigint_check_digits ((hs_bigint_bit_length (a) + (guint64) count - 1) / SHIFT + 1,
                                   error))
    return NULL;
  return _hs_bigint_lshift_unchecked (a, (guint64) count);
}

HsBigInt *
hs_bigint_rshift_int64 (const HsBigInt *a,
                        gint64          count,
                        GError        **error)
{
  gsize whole;
  HsBigInt *z;

  if (count < 0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "negative shift count");
      return NULL;
    }
  if (a->sign < 0)
    {
      /* Floor semantics: a >> n == ~(~a >> n), and ~a = |a| - 1 here. */
      g_autoptr(HsBigInt) inv = hs_bigint_invert (a);
      g_autoptr(HsBigInt) shifted = hs_bigint_rshift_int64 (inv, count, NULL);

      return hs_bigint_invert (shifted);
    }
  if ((guint64) count >= hs_bigint_bit_length (a))
    return _hs_bigint_alloc (0);

  whole = (gsize) (count / SHIFT);
  z = _hs_bigint_alloc (a->len - whole);
  _hs_mag_rshift_bits (a->digits + whole, a->len - whole, (int) (count % SHIFT), z->digits);
  z->sign = 1;
  return _hs_bigint_normalize (z);
}

HsBigInt *
hs_bigint_lshift (const HsBigInt *a,
                  const HsBigInt *count,
                  GError        **error)
{
  gint64 n;

  if (count->sign < 0)
    return hs_bigint_lshift_int64 (a, -1, error);
  if (a->len == 0)
    return _hs_bigint_alloc (0);
  if (!hs_bigint_to_int64 (count, &n))
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_MEMORY, "");
      return NULL;
    }
  return hs_bigint_lshift_int64 (a, n, error);
}

HsBigInt *
hs_bigint_rshift (const HsBigInt *a,
                  const HsBigInt *count,
                  GError        **error)
{
  gint64 n;

  if (count->sign < 0)
    return hs_bigint_rshift_int64 (a, -1, error);
  if (!hs_bigint_to_int64 (count, &n))
    return hs_bigint_new_from_int64 (a->sign < 0 ? -1 : 0);
  return hs_bigint_rshift_int64 (a, n, error);
}

/* ~a == -(a + 1); may exceed the size limit by one digit, never fails. */
HsBigInt *
hs_bigint_invert (const HsBigInt *a)
{
  HsBigIntSmall one;

  return _hs_bigint_add_signed (_hs_bigint_init_small (&one, -1), a, -a->sign);
}

/* Two's complement of d[0..n) in place, as if infinitely sign-extended. */
static void
mag_complement (digit *d,
                gsize  n)
{
  digit carry = 1;

  for (gsize i = 0; i < n; i++)
    {
      carry += d[i] ^ MASK;
      d[i] = carry & MASK;
      carry >>= SHIFT;
    }
}

/* CPython's long_bitwise: operate on two's complement images of the
 * operands and convert a negative result back to sign-magnitude. */
static HsBigInt *
bigint_bitwise (const HsBigInt *a,
                char            op,
                const HsBigInt *b)
{
  gboolean nega = a->sign < 0, negb = b->sign < 0, negz = FALSE;
  gsize size_a = a->len, size_b = b->len, size_z = 0, i;
  g_autofree digit *ta = NULL;
  g_autofree digit *tb = NULL;
  const digit *da = a->digits, *db = b->digits;
  HsBigInt *z;

  if (nega)
    {
      ta = g_memdup2 (a->digits, MAX (size_a, 1) * sizeof (digit));
      mag_complement (ta, size_a);
      da = ta;
    }
  if (negb)
    {
      tb = g_memdup2 (b->digits, MAX (size_b, 1) * sizeof (digit));
      mag_complement (tb, size_b);
      db = tb;
    }
  if (size_a < size_b)
    {
      const digit *td = da;
      gsize ts = size_a;
      gboolean tn = nega;

      da = db;
      db = td;
      size_a = size_b;
      size_b = ts;
      nega = negb;
      negb = tn;
    }

  switch (op)
    {
    case '^':
      negz = nega ^ negb;
      size_z = size_a;
      break;
    case '&':
      negz = nega & negb;
      size_z = negb ? size_a : size_b;
      break;
    case '|':
      negz = nega | negb;
      size_z = negb ? size_b : size_a;
      break;
    default:
      g_assert_not_reached ();
    }

  z = _hs_bigint_alloc (size_z + 1);
  for (i = 0; i < size_b; i++)
    {
      if (op == '&')
        z->digits[i] = da[i] & db[i];
      else if (op == '|')
        z->digits[i] = da[i] | db[i];
      else
        z->digits[i] = da[i] ^ db[i];
    }
  /* The shorter operand is sign-extended: all ones if negative. */
  for (; i < size_z; i++)
    {
      if (op == '^' && negb)
        z->digits[i] = da[i] ^ MASK;
      else
        z->digits[i] = da[i];
    }
  if (negz)
    {
      z->digits[size_z] = MASK;
      mag_complement (z->digits, size_z + 1);
      z->sign = -1;
    }
  else
    {
      z->digits[size_z] = 0;
      z->sign = 1;
    }
  return _hs_bigint_normalize (z);
}

HsBigInt *
hs_bigint_and (const HsBigInt *a,
               const HsBigInt *b)
{
  return bigint_bitwise (a, '&', b);
}

HsBigInt *
hs_bigint_or (const HsBigInt *a,
              const HsBigInt *b)
{
  return bigint_bitwise (a, '|', b);
}

HsBigInt *
hs_bigint_xor (const HsBigInt *a,
               const HsBigInt *b)
{
  return bigint_bitwise (a, '^', b);
}

/**
 * hs_bigint_round:
 * @ndigits: the second argument of round(), clamped to the gint64 range
 *
 * round(a, ndigits) for an int: a itself for ndigits >= 0, else a rounded
 * to a multiple of 10**-ndigits, ties to even (round(25, -1) == 20).
 */
HsBigInt *
hs_bigint_round (const HsBigInt *a,
                 gint64          ndigits,
                 GError        **error)
{
  g_autoptr(HsBigInt) ten = NULL;
  g_autoptr(HsBigInt) k = NULL;
  g_autoptr(HsBigInt) pow10 = NULL;
  g_autoptr(HsBigInt) q = NULL;
  g_autoptr(HsBigInt) r = NULL;
  g_autoptr(HsBigInt) twice = NULL;
  int c;

  if (ndigits >= 0 || a->len == 0)
    return hs_bigint_copy (a);
  /* |a| < 10**(digits + 1) / 2 rounds to 0 once 10**-ndigits is larger:
   * answer that without building a huge power of ten. */
  if ((guint64) -(ndigits + 1) >= hs_bigint_bit_length (a) * 0.30103 + 2)
    return _hs_bigint_alloc (0);

  ten = hs_bigint_new_from_int64 (10);
  k = hs_bigint_new_from_int64 (-ndigits);
  pow10 = hs_bigint_pow (ten, k, error);
  if (pow10 == NULL)
    return NULL;

  /* CPython's _PyLong_DivmodNear: q = a / 10**n rounded half to even. */
  hs_bigint_divmod (a, pow10, &q, &r, NULL);
  twice = _hs_bigint_lshift_unchecked (r, 1);
  c = hs_bigint_compare (twice, pow10);
  if (c > 0 || (c == 0 && q->len > 0 && (q->digits[0] & 1)))
    {
      HsBigInt *t = _hs_bigint_add_signed (r, pow10, -1);

      g_free (r);
      r = t;
    }
  return _hs_bigint_checked (_hs_bigint_add_signed (a, r, -r->sign), error);
}
