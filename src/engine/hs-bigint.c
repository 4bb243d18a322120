/* hs-bigint.c — arbitrary-precision integer arithmetic (CPython's longobject)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Magnitudes are arrays of 30-bit digits; the helpers named mag_* work on
 * raw digit arrays and never allocate, the hs_bigint_* entry points handle
 * signs, sizes and errors. Every operation that can grow its result checks
 * the predicted size against the limit *before* computing, so `2 ** 10**10`
 * fails at once instead of allocating gigabytes.
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "hs-bigint.h"
#include "hs-bigint-private.h"

typedef guint32 digit;
typedef guint64 twodigits;
typedef gint64  stwodigits;

#define SHIFT HS_DIGIT_BITS
#define BASE  ((twodigits) HS_DIGIT_BASE)
#define MASK  HS_DIGIT_MASK

/* Below this many digits schoolbook multiplication wins (CPython's value). */
#define KARATSUBA_CUTOFF 70

/* sys.hash_info: modulus 2**61 - 1. */
#define HASH_BITS    61
#define HASH_MODULUS (((guint64) 1 << HASH_BITS) - 1)

static gsize max_digits = HS_BIGINT_DEFAULT_MAX_DIGITS;

G_DEFINE_QUARK (hs-num-error-quark, hs_num_error)

/**
 * hs_bigint_set_max_digits:
 * @n: the largest result, in 30-bit digits, any operation may produce
 *
 * Results that would be larger fail with %HS_NUM_ERROR_MEMORY (the caller
 * raises MemoryError). Process-wide; set it before running snippets.
 */
void
hs_bigint_set_max_digits (gsize n)
{
  max_digits = MAX (n, 4);
}

gsize
hs_bigint_get_max_digits (void)
{
  return max_digits;
}

gboolean
_hs_bigint_check_digits (guint64 n_digits,
                         GError **error)
{
  if (n_digits <= max_digits)
    return TRUE;
  /* CPython's MemoryError carries no message. */
  g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_MEMORY, "");
  return FALSE;
}

HsBigInt *
_hs_bigint_alloc (gsize n_digits)
{
  HsBigInt *z;

  z = g_malloc (sizeof (HsBigInt) + MAX (n_digits, 1) * sizeof (digit));
  z->len = n_digits;
  z->sign = n_digits > 0 ? 1 : 0;
  return z;
}

HsBigInt *
_hs_bigint_normalize (HsBigInt *z)
{
  while (z->len > 0 && z->digits[z->len - 1] == 0)
    z->len--;
  if (z->len == 0)
    z->sign = 0;
  else if (z->sign == 0)
    z->sign = 1;
  return z;
}

HsBigInt *
_hs_bigint_new_mag (const digit *d,
                    gsize        n,
                    int          sign)
{
  HsBigInt *z = _hs_bigint_alloc (n);

  if (n > 0)
    memcpy (z->digits, d, n * sizeof (digit));
  z->sign = sign;
  return _hs_bigint_normalize (z);
}

static gsize
digit_bit_length (digit d)
{
  return d == 0 ? 0 : 32 - __builtin_clz (d);
}

/* --- magnitude helpers ------------------------------------------------ */

static int
mag_cmp (const digit *a,
         gsize        na,
         const digit *b,
         gsize        nb)
{
  if (na != nb)
    return na < nb ? -1 : 1;
  while (na-- > 0)
    if (a[na] != b[na])
      return a[na] < b[na] ? -1 : 1;
  return 0;
}

/* z[0..na] = a + b with na >= nb; z may alias a. */
static void
mag_add (const digit *a,
         gsize        na,
         const digit *b,
         gsize        nb,
         digit       *z)
{
  digit carry = 0;
  gsize i;

  for (i = 0; i < nb; i++)
    {
      carry += a[i] + b[i];
      z[i] = carry & MASK;
      carry >>= SHIFT;
    }
  for (; i < na; i++)
    {
      carry += a[i];
      z[i] = carry & MASK;
      carry >>= SHIFT;
    }
  z[na] = carry;
}

/* z[0..na) = a - b with a >= b (so na >= nb); z may alias a. */
static void
mag_sub (const digit *a,
         gsize        na,
         const digit *b,
         gsize        nb,
         digit       *z)
{
  digit borrow = 0;
  gsize i;

  for (i = 0; i < nb; i++)
    {
      borrow = a[i] - b[i] - borrow;
      z[i] = borrow & MASK;
      borrow = (borrow >> SHIFT) & 1;
    }
  for (; i < na; i++)
    {
      borrow = a[i] - borrow;
      z[i] = borrow & MASK;
      borrow = (borrow >> SHIFT) & 1;
    }
}

/* z[0..nz) += b[0..nb) with nb <= nz; the sum must fit in nz digits. */
static void
mag_add_into (digit       *z,
              gsize        nz,
              const digit *b,
              gsize        nb)
{
  digit carry = 0;
  gsize i;

  for (i = 0; i < nb; i++)
    {
      carry += z[i] + b[i];
      z[i] = carry & MASK;
      carry >>= SHIFT;
    }
  for (; carry != 0 && i < nz; i++)
    {
      carry += z[i];
      z[i] = carry & MASK;
      carry >>= SHIFT;
    }
}

static gsize
mag_len (const digit *a,
         gsize        n)
{
  while (n > 0 && a[n - 1] == 0)
    n--;
  return n;
}

/* z[0..na+nb) = a * b, z not aliasing a or b. */
static void
mag_mul_school (const digit *a,
                gsize        na,
                const digit *b,
                gsize        nb,
                digit       *z)
{
  memset (z, 0, (na + nb) * sizeof (digit));
  for (gsize i = 0; i < na; i++)
    {
      twodigits f = a[i];
      twodigits carry = 0;
      digit *pz = z + i;
      gsize j;

      if (f == 0)
        continue;
      for (j = 0; j < nb; j++)
        {
          carry += pz[j] + b[j] * f;
          pz[j] = (digit) (carry & MASK);
          carry >>= SHIFT;
        }
      for (; carry != 0; j++)
        {
          carry += pz[j];
          pz[j] = (digit) (carry & MASK);
          carry >>= SHIFT;
        }
    }
}

/* z[0..na+nb) = a * b, z not aliasing a or b. Karatsuba above the cutoff,
 * with unbalanced operands cut into slices of the shorter one's size. */
static void
mag_mul (const digit *a,
         gsize        na,
         const digit *b,
         gsize        nb,
         digit       *z)
{
  gsize m, na1, nb1, nsa, nsb, nz1;
  digit *scratch, *sa, *sb, *z1;

  if (na < nb)
    {
      const digit *t = a;
      gsize nt = na;

      a = b;
      na = nb;
      b = t;
      nb = nt;
    }

  if (nb < KARATSUBA_CUTOFF)
    {
      mag_mul_school (a, na, b, nb, z);
      return;
    }

  if (2 * nb <= na)
    {
      digit *tmp = g_new (digit, 2 * nb);

      memset (z, 0, (na + nb) * sizeof (digit));
      for (gsize off = 0; off < na; off += nb)
        {
          gsize n = MIN (nb, na - off);

          mag_mul (a + off, n, b, nb, tmp);
          mag_add_into (z + off, na + nb - off, tmp, n + nb);
        }
      g_free (tmp);
      return;
    }

  /* a = a1 * B**m + a0, b = b1 * B**m + b0, with nb > m. */
  m = na / 2;
  na1 = na - m;
  nb1 = nb - m;
  nsa = na1 + 1;
  nsb = MAX (m, nb1) + 1;
  nz1 = nsa + nsb;
  scratch = g_new (digit, nsa + nsb + nz1);
  sa = scratch;
  sb = sa + nsa;
  z1 = sb + nsb;

  mag_mul (a, mag_len (a, m), b, mag_len (b, m), z);
  memset (z + mag_len (a, m) + mag_len (b, m), 0,
          (2 * m - mag_len (a, m) - mag_len (b, m)) * sizeof (digit));
  mag_mul (a + m, na1, b + m, nb1, z + 2 * m);

  /* sa = a0 + a1, sb = b0 + b1 */
  mag_add (a + m, na1, a, m, sa);
  if (nb1 >= m)
    mag_add (b + m, nb1, b, m, sb);
  else
    mag_add (b, m, b + m, nb1, sb);
  mag_mul (sa, mag_len (sa, nsa), sb, mag_len (sb, nsb), z1);
  nz1 = mag_len (sa, nsa) + mag_len (sb, nsb);

  /* z1 -= z0 + z2; both fit because z1 >= each of them. */
  mag_sub (z1, nz1, z, mag_len (z, 2 * m), z1);
  mag_sub (z1, nz1, z + 2 * m, mag_len (z + 2 * m, na1 + nb1), z1);
  mag_add_into (z + m, na + nb - m, z1, MIN (mag_len (z1, nz1), na + nb - m));

  g_free (scratch);
}

/* Divides a[0..n) in place by a single digit, returning the remainder. */
static digit
mag_divrem1 (digit *a,
             gsize  n,
             digit  d)
{
  twodigits rem = 0;

  while (n-- > 0)
    {
      rem = (rem << SHIFT) | a[n];
      a[n] = (digit) (rem / d);
      rem -= (twodigits) a[n] * d;
    }
  return (digit) rem;
}

/* Shifts a[0..n) left by 0 <= s < SHIFT bits into z[0..n), returning the
 * bits shifted out of the top digit. z may alias a. */
guint32
_hs_mag_lshift_bits (const digit *a,
                     gsize        n,
                     int          s,
                     digit       *z)
{
  digit carry = 0;

  for (gsize i = 0; i < n; i++)
    {
      twodigits acc = ((twodigits) a[i] << s) | carry;

      z[i] = (digit) (acc & MASK);
      carry = (digit) (acc >> SHIFT);
    }
  return carry;
}

/* Shifts a[0..n) right by 0 <= s < SHIFT bits into z[0..n). */
void
_hs_mag_rshift_bits (const digit *a,
                     gsize        n,
                     int          s,
                     digit       *z)
{
  digit carry = 0;

  while (n-- > 0)
    {
      twodigits acc = ((twodigits) carry << SHIFT) | a[n];

      z[n] = (digit) (acc >> s);
      carry = a[n] & (((digit) 1 << s) - 1);
    }
}

/* Knuth's algorithm D: q[0..na-nb+1) = a / b and r[0..nb) = a % b for
 * na >= nb >= 2 and b normalised (no leading zero digit). */
static void
mag_divrem (const digit *a,
            gsize        na,
            const digit *b,
            gsize        nb,
            digit       *q,
            digit       *r)
{
  digit *u, *v;
  int d;

  d = SHIFT - (int) digit_bit_length (b[nb - 1]);
  u = g_new (digit, na + 1 + nb);
  v = u + na + 1;
  _hs_mag_lshift_bits (b, nb, d, v);
  u[na] = _hs_mag_lshift_bits (a, na, d, u);

  for (gsize j = na - nb + 1; j-- > 0;)
    {
      digit *uj = u + j;
      twodigits num = ((twodigits) uj[nb] << SHIFT) | uj[nb - 1];
      twodigits qhat = num / v[nb - 1];
      twodigits rhat = num - qhat * v[nb - 1];
      stwodigits zhi = 0;
      stwodigits z;

      while (qhat >= BASE
             || qhat * v[nb - 2] > ((rhat << SHIFT) | uj[nb - 2]))
        {
          qhat--;
          rhat += v[nb - 1];
          if (rhat >= BASE)
            break;
        }

      for (gsize i = 0; i < nb; i++)
        {
          z = (stwodigits) uj[i] + zhi - (stwodigits) qhat * (stwodigits) v[i];
          uj[i] = (digit) z & MASK;
          /* Arithmetic shift, as CPython relies on too. */
          zhi = z >> SHIFT;
        }
      z = (stwodigits) uj[nb] + zhi;
      if (z < 0)
        {
          digit carry = 0;

          for (gsize i = 0; i < nb; i++)
            {
              carry += uj[i] + v[i];
              uj[i] = carry & MASK;
              carry >>= SHIFT;
            }
          qhat--;
        }
      uj[nb] = 0;
      q[j] = (digit) qhat;
    }

  _hs_mag_rshift_bits (u, nb, d, r);
  g_free (u);
}

/* --- construction ----------------------------------------------------- */

HsBigInt *
hs_bigint_new_from_uint64 (guint64 value)
{
  HsBigInt *z = _hs_bigint_alloc (3);

  for (gsize i = 0; i < 3; i++)
    {
      z->digits[i] = (digit) (value & MASK);
      value >>= SHIFT;
    }
  return _hs_bigint_normalize (z);
}

HsBigInt *
hs_bigint_new_from_int64 (gint64 value)
{
  HsBigInt *z;

  if (value >= 0)
    return hs_bigint_new_from_uint64 ((guint64) value);
  z = hs_bigint_new_from_uint64 (0 - (guint64) value);
  z->sign = -1;
  return z;
}

HsBigInt *
_hs_bigint_init_small (HsBigIntSmall *small,
                       gint64         value)
{
  HsBigInt *z = &small->big;
  guint64 mag = value < 0 ? 0 - (guint64) value : (guint64) value;

  G_STATIC_ASSERT (sizeof (HsBigIntSmall) >= sizeof (HsBigInt) + 3 * sizeof (digit));
  z->len = 3;
  z->sign = value < 0 ? -1 : 1;
  for (gsize i = 0; i < 3; i++)
    {
      z->digits[i] = (digit) (mag & MASK);
      mag >>= SHIFT;
    }
  return _hs_bigint_normalize (z);
}

/**
 * hs_bigint_new_from_double:
 *
 * int(x) for a float: truncates toward zero. Fails like CPython for
 * infinities (OverflowError) and NaN (ValueError).
 */
HsBigInt *
hs_bigint_new_from_double (double   value,
                           GError **error)
{
  double frac;
  int exp;
  guint64 mant;
  g_autoptr(HsBigInt) m = NULL;

  if (isinf (value))
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                           "cannot convert float infinity to integer");
      return NULL;
    }
  if (isnan (value))
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "cannot convert float NaN to integer");
      return NULL;
    }

  value = trunc (value);
  if (fabs (value) < 9223372036854775808.0)
    return hs_bigint_new_from_int64 ((gint64) value);

  /* |value| >= 2**63 is an integer m * 2**(exp - 53) with a 53-bit m. */
  frac = frexp (fabs (value), &exp);
  mant = (guint64) ldexp (frac, 53);
  m = hs_bigint_new_from_uint64 (mant);
  if (value < 0)
    m->sign = -1;
  return hs_bigint_lshift_int64 (m, exp - 53, error);
}

HsBigInt *
hs_bigint_copy (const HsBigInt *a)
{
  g_return_val_if_fail (a != NULL, NULL);

  return _hs_bigint_new_mag (a->digits, a->len, a->sign);
}

void
hs_bigint_free (HsBigInt *a)
{
  g_free (a);
}

/* --- inspection ------------------------------------------------------- */

int
hs_bigint_sign (const HsBigInt *a)
{
  return a->sign;
}

gboolean
hs_bigint_is_zero (const HsBigInt *a)
{
  return a->len == 0;
}

/**
 * hs_bigint_n_digits:
 *
 * Number of 30-bit digits of the magnitude (0 for zero). CPython 3.11's
 * int.__sizeof__ is 24 + 4 * MAX (1, n_digits).
 */
gsize
hs_bigint_n_digits (const HsBigInt *a)
{
  return a->len;
}

guint64
hs_bigint_bit_length (const HsBigInt *a)
{
  if (a->len == 0)
    return 0;
  return (guint64) (a->len - 1) * SHIFT + digit_bit_length (a->digits[a->len - 1]);
}

guint64
hs_bigint_bit_count (const HsBigInt *a)
{
  guint64 n = 0;

  for (gsize i = 0; i < a->len; i++)
    n += __builtin_popcount (a->digits[i]);
  return n;
}

gboolean
hs_bigint_fits_int64 (const HsBigInt *a)
{
  gint64 dummy;

  return hs_bigint_to_int64 (a, &dummy);
}

gboolean
hs_bigint_to_int64 (const HsBigInt *a,
                    gint64         *out)
{
  guint64 mag = 0;

  if (a->len > 3)
    return FALSE;
  for (gsize i = a->len; i-- > 0;)
    {
      if (mag >> (64 - SHIFT))
        return FALSE;
      mag = (mag << SHIFT) | a->digits[i];
    }
  if (a->sign >= 0)
    {
      if (mag > (guint64) G_MAXINT64)
        return FALSE;
      *out = (gint64) mag;
    }
  else
    {
      if (mag > (guint64) G_MAXINT64 + 1)
        return FALSE;
      *out = (gint64) (0 - mag);
    }
  return TRUE;
}

/* The bits [shift, shift + 64) of |a|, with *sticky set when any bit
 * below shift is non-zero. */
static guint64
mag_bits_at (const HsBigInt *a,
             guint64         shift,
             gboolean       *sticky)
{
  guint64 result = 0;
  gsize first = (gsize) (shift / SHIFT);
  int off = (int) (shift % SHIFT);

  *sticky = FALSE;
  for (gsize i = 0; i < first && i < a->len; i++)
    if (a->digits[i] != 0)
      *sticky = TRUE;
  if (first < a->len && (a->digits[first] & (((digit) 1 << off) - 1)) != 0)
    *sticky = TRUE;

  /* Four digits cover the 64 + off bits needed. */
  for (gsize i = first; i < first + 4 && i < a->len; i++)
    {
      int pos = (int) ((i - first) * SHIFT) - off;

      if (pos < 0)
        result |= (guint64) (a->digits[i] >> -pos);
      else if (pos < 64)
        result |= (guint64) a->digits[i] << pos;
    }
  return result;
}

/**
 * hs_bigint_to_double:
 *
 * float(a), correctly rounded (half to even). Fails with OverflowError
 * "int too large to convert to float" like CPython.
 */
gboolean
hs_bigint_to_double (const HsBigInt *a,
                     double         *out,
                     GError        **error)
{
  static const int half_even_correction[8] = { 0, -1, -2, 1, 0, -1, 2, 1 };
  guint64 bits = hs_bigint_bit_length (a);
  guint64 x;
  gboolean sticky;
  double result;

  if (bits <= 63)
    {
      gint64 v = 0;

      hs_bigint_to_int64 (a, &v);
      *out = (double) v;
      return TRUE;
    }
  if (bits > 1024)
    goto overflow;

  /* Keep 53 + 2 bits plus a sticky bit, then round half to even. */
  x = mag_bits_at (a, bits - 55, &sticky) & (((guint64) 1 << 55) - 1);
  if (sticky)
    x |= 1;
  x += half_even_correction[x & 7];
  if (bits == 1024 && x == ((guint64) 1 << 55))
    goto overflow;
  result = ldexp ((double) x, (int) (bits - 55));
  *out = a->sign < 0 ? -result : result;
  return TRUE;

overflow:
  g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                       "int too large to convert to float");
  return FALSE;
}

/**
 * hs_bigint_hash:
 *
 * hash(a) exactly as CPython: |a| modulo 2**61 - 1 with the sign, and
 * -1 mapped to -2.
 */
gint64
hs_bigint_hash (const HsBigInt *a)
{
  guint64 x = 0;

  for (gsize i = a->len; i-- > 0;)
    {
      x = ((x << SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - SHIFT));
      x += a->digits[i];
      if (x >= HASH_MODULUS)
        x -= HASH_MODULUS;
    }
  if (a->sign < 0)
    x = 0 - x;
  if (x == (guint64) -1)
    x = (guint64) -2;
  return (gint64) x;
}

int
hs_bigint_compare (const HsBigInt *a,
                   const HsBigInt *b)
{
  int c;

  if (a->sign != b->sign)
    return a->sign < b->sign ? -1 : 1;
  c = mag_cmp (a->digits, a->len, b->digits, b->len);
  return a->sign < 0 ? -c : c;
}

gboolean
hs_bigint_equal (const HsBigInt *a,
                 const HsBigInt *b)
{
  return hs_bigint_compare (a, b) == 0;
}

int
hs_bigint_compare_int64 (const HsBigInt *a,
                         gint64          b)
{
  HsBigIntSmall small;

  return hs_bigint_compare (a, _hs_bigint_init_small (&small, b));
}

/* --- helpers used by the text conversions ----------------------------- */

/* z = z * mul + add in place; z must have room for one more digit. */
void
_hs_bigint_muladd1 (HsBigInt *z,
                    guint32   mul,
                    guint32   add)
{
  twodigits carry = add;

  for (gsize i = 0; i < z->len; i++)
    {
      carry += (twodigits) z->digits[i] * mul;
      z->digits[i] = (digit) (carry & MASK);
      carry >>= SHIFT;
    }
  if (carry != 0)
    z->digits[z->len++] = (digit) carry;
  if (z->len > 0 && z->sign == 0)
    z->sign = 1;
}

guint32
_hs_bigint_divrem1 (HsBigInt *z,
                    guint32   div)
{
  digit rem = mag_divrem1 (z->digits, z->len, div);

  _hs_bigint_normalize (z);
  return rem;
}

/* --- arithmetic ------------------------------------------------------- */

HsBigInt *
hs_bigint_neg (const HsBigInt *a)
{
  return _hs_bigint_new_mag (a->digits, a->len, -a->sign);
}

HsBigInt *
hs_bigint_abs (const HsBigInt *a)
{
  return _hs_bigint_new_mag (a->digits, a->len, a->sign != 0 ? 1 : 0);
}

/* sign * (|a| + |b|); never fails (at most one digit over the limit). */
static HsBigInt *
bigint_add_mag (const HsBigInt *a,
                const HsBigInt *b,
                int             sign)
{
  HsBigInt *z;

  if (a->len < b->len)
    {
      const HsBigInt *t = a;

      a = b;
      b = t;
    }
  z = _hs_bigint_alloc (a->len + 1);
  mag_add (a->digits, a->len, b->digits, b->len, z->digits);
  z->sign = sign;
  return _hs_bigint_normalize (z);
}

/* sign * (|a| - |b|) */
static HsBigInt *
bigint_sub_mag (const HsBigInt *a,
                const HsBigInt *b,
                int             sign)
{
  HsBigInt *z;
  int c = mag_cmp (a->digits, a->len, b->digits, b->len);

  if (c == 0)
    return _hs_bigint_alloc (0);
  if (c < 0)
    {
      const HsBigInt *t = a;

      a = b;
      b = t;
      sign = -sign;
    }
  z = _hs_bigint_alloc (a->len);
  mag_sub (a->digits, a->len, b->digits, b->len, z->digits);
  z->sign = sign;
  return _hs_bigint_normalize (z);
}

HsBigInt *
_hs_bigint_add_signed (const HsBigInt *a,
                       const HsBigInt *b,
                       int             b_sign)
{
  if (a->sign == 0)
    return _hs_bigint_new_mag (b->digits, b->len, b_sign);
  if (b->sign == 0)
    return hs_bigint_copy (a);
  if (a->sign == b_sign)
    return bigint_add_mag (a, b, a->sign);
  return bigint_sub_mag (a, b, a->sign);
}

HsBigInt *
_hs_bigint_mul_unchecked (const HsBigInt *a,
                          const HsBigInt *b)
{
  HsBigInt *z;

  if (a->len == 0 || b->len == 0)
    return _hs_bigint_alloc (0);
  z = _hs_bigint_alloc (a->len + b->len);
  mag_mul (a->digits, a->len, b->digits, b->len, z->digits);
  z->sign = a->sign * b->sign;
  return _hs_bigint_normalize (z);
}

/* Public results larger than the limit become MemoryError. */
HsBigInt *
_hs_bigint_checked (HsBigInt *z,
                    GError  **error)
{
  if (z != NULL && !_hs_bigint_check_digits (z->len, error))
    g_clear_pointer (&z, g_free);
  return z;
}

HsBigInt *
hs_bigint_add (const HsBigInt *a,
               const HsBigInt *b,
               GError        **error)
{
  return _hs_bigint_checked (_hs_bigint_add_signed (a, b, b->sign), error);
}

HsBigInt *
hs_bigint_sub (const HsBigInt *a,
               const HsBigInt *b,
               GError        **error)
{
  return _hs_bigint_checked (_hs_bigint_add_signed (a, b, -b->sign), error);
}

HsBigInt *
hs_bigint_mul (const HsBigInt *a,
               const HsBigInt *b,
               GError        **error)
{
  if (a->len == 0 || b->len == 0)
    return _hs_bigint_alloc (0);
  /* The product has at least na + nb - 1 digits: refuse before working. */
  if (!_hs_bigint_check_digits (a->len + b->len - 1, error))
    return NULL;
  return _hs_bigint_checked (_hs_bigint_mul_unchecked (a, b), error);
}

/* Truncating division of magnitudes: q = |a| / |b|, r = |a| % |b|, both
 * non-negative. b must not be zero. */
static void
bigint_divrem_mag (const HsBigInt *a,
                   const HsBigInt *b,
                   HsBigInt      **q,
                   HsBigInt      **r)
{
  if (mag_cmp (a->digits, a->len, b->digits, b->len) < 0)
    {
      *q = _hs_bigint_alloc (0);
      *r = _hs_bigint_new_mag (a->digits, a->len, 1);
      return;
    }
  if (b->len == 1)
    {
      digit rem;

      *q = _hs_bigint_new_mag (a->digits, a->len, 1);
      rem = mag_divrem1 ((*q)->digits, (*q)->len, b->digits[0]);
      _hs_bigint_normalize (*q);
      *r = hs_bigint_new_from_uint64 (rem);
      return;
    }
  *q = _hs_bigint_alloc (a->len - b->len + 1);
  *r = _hs_bigint_alloc (b->len);
  mag_divrem (a->digits, a->len, b->digits, b->len, (*q)->digits, (*r)->digits);
  _hs_bigint_normalize (*q);
  _hs_bigint_normalize (*r);
}

/* Floor division with the remainder taking the divisor's sign. */
static void
bigint_floor_divmod (const HsBigInt *a,
                     const HsBigInt *b,
                     HsBigInt      **q,
                     HsBigInt      **r)
{
  HsBigInt *tq, *tr;

  bigint_divrem_mag (a, b, &tq, &tr);
  if (a->sign * b->sign < 0)
    {
      tq->sign = tq->len > 0 ? -1 : 0;
      if (tr->len > 0)
        {
          HsBigIntSmall one;
          HsBigInt *t;

          /* q = -(|q| + 1), r = sign(b) * (|b| - |r|) */
          t = bigint_add_mag (tq, _hs_bigint_init_small (&one, 1), -1);
          g_free (tq);
          tq = t;
          t = bigint_sub_mag (b, tr, 1);
          g_free (tr);
          tr = t;
        }
    }
  if (tr->len > 0)
    tr->sign = b->sign;
  *q = tq;
  *r = tr;
}

/**
 * hs_bigint_divmod:
 * @quotient: (out) (optional): a // b
 * @remainder: (out) (optional): a % b, with the sign of b
 *
 * divmod(a, b) with Python's floor semantics. Fails with
 * ZeroDivisionError "integer division or modulo by zero".
 */
gboolean
hs_bigint_divmod (const HsBigInt *a,
                  const HsBigInt *b,
                  HsBigInt      **quotient,
                  HsBigInt      **remainder,
                  GError        **error)
{
  HsBigInt *q, *r;

  if (b->len == 0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION,
                           "integer division or modulo by zero");
      return FALSE;
    }
  bigint_floor_divmod (a, b, &q, &r);
  if (quotient != NULL)
    *quotient = q;
  else
    g_free (q);
  if (remainder != NULL)
    *remainder = r;
  else
    g_free (r);
  return TRUE;
}

HsBigInt *
hs_bigint_floordiv (const HsBigInt *a,
                    const HsBigInt *b,
                    GError        **error)
{
  HsBigInt *q = NULL;

  if (!hs_bigint_divmod (a, b, &q, NULL, error))
    return NULL;
  return q;
}

/* a % b; CPython 3.11 words this error differently from a // b. */
HsBigInt *
hs_bigint_mod (const HsBigInt *a,
               const HsBigInt *b,
               GError        **error)
{
  HsBigInt *r = NULL;

  if (b->len == 0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION,
                           "integer modulo by zero");
      return NULL;
    }
  hs_bigint_divmod (a, b, NULL, &r, NULL);
  return r;
}

/**
 * hs_bigint_true_divide:
 *
 * a / b correctly rounded to a double, following CPython's
 * long_true_divide. Fails with ZeroDivisionError "division by zero" or
 * OverflowError "integer division result too large for a float".
 */
gboolean
hs_bigint_true_divide (const HsBigInt *a,
                       const HsBigInt *b,
                       double         *out,
                       GError        **error)
{
  gboolean negate, inexact = FALSE;
  gint64 diff, shift, extra_bits, x_bits;
  guint64 a_bits, b_bits, x, mask, low;
  HsBigInt *abs_a, *xa, *q, *r;
  double dx;

  if (b->len == 0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION,
                           "division by zero");
      return FALSE;
    }
  negate = (a->sign < 0) != (b->sign < 0);
  if (a->len == 0)
    goto underflow_or_zero;

  a_bits = hs_bigint_bit_length (a);
  b_bits = hs_bigint_bit_length (b);

  /* Both exactly representable: one correctly rounded IEEE division. */
  if (a_bits <= 53 && b_bits <= 53)
    {
      gint64 ia = 0, ib = 0;

      hs_bigint_to_int64 (a, &ia);
      hs_bigint_to_int64 (b, &ib);
      *out = (double) ia / (double) ib;
      return TRUE;
    }

  diff = (gint64) a_bits - (gint64) b_bits;
  if (diff > DBL_MAX_EXP)
    goto overflow;
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
    goto underflow_or_zero;

  /* Scale so that the quotient has DBL_MANT_DIG + 2 or + 3 bits (fewer
   * for subnormal results), then round once, by hand, half to even. */
  shift = MAX (diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  abs_a = hs_bigint_abs (a);
  if (shift <= 0)
    xa = _hs_bigint_lshift_unchecked (abs_a, (guint64) -shift);
  else
    {
      gboolean lost;

      mag_bits_at (a, (guint64) shift, &lost);
      inexact = lost;
      xa = hs_bigint_rshift_int64 (abs_a, shift, NULL);
    }
  g_free (abs_a);
  bigint_divrem_mag (xa, b, &q, &r);
  if (r->len > 0)
    inexact = TRUE;
  x_bits = (gint64) hs_bigint_bit_length (q);
  x = 0;
  for (gsize i = q->len; i-- > 0;)
    x = (x << SHIFT) | q->digits[i];
  g_free (xa);
  g_free (q);
  g_free (r);

  extra_bits = MAX (x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  mask = (guint64) 1 << (extra_bits - 1);
  low = x | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1)))
    low += mask;
  x = low & ~(2 * mask - 1);
  dx = (double) x;

  if (shift + x_bits >= DBL_MAX_EXP
      && (shift + x_bits > DBL_MAX_EXP || dx == ldexp (1.0, (int) x_bits)))
    goto overflow;
  dx = ldexp (dx, (int) shift);
  *out = negate ? -dx : dx;
  return TRUE;

underflow_or_zero:
  *out = negate ? -0.0 : 0.0;
  return TRUE;

overflow:
  g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                       "integer division result too large for a float");
  return FALSE;
}

