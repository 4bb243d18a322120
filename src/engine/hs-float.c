/* hs-float.c — float behaviour exactly as CPython 3.11 (repr, //, %, **, round, hash)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPython formats floats with David Gay's dtoa. Instead of carrying a copy
 * of it, the digit strings are obtained from glibc, whose printf and strtod
 * are correctly rounded (half to even on exact ties, as dtoa does): mode 2
 * and 3 digits come straight from "%.*e" and "%.*f", and the shortest
 * round-tripping digits of repr() are found by trying precisions. The rest
 * (format_float_short, float_rem, float_pow, double_round, _Py_HashDouble)
 * follows CPython step by step.
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "hs-bigint-private.h"
#include "hs-float.h"

#define HASH_BITS    61
#define HASH_MODULUS (((guint64) 1 << HASH_BITS) - 1)
#define HASH_INF     314159

/* Significant digits enough to print any double exactly (767 at most) and
 * fraction digits enough for the smallest subnormal (1074). */
#define MAX_SIG_DIGITS  800
#define MAX_FRAC_DIGITS 1100

/* What Gay's _Py_dg_dtoa returns for a finite |x|: digits without
 * trailing zeros, with |x| ~= 0.DIGITS * 10**decpt; "0" (decpt 1) for
 * zero, and "" for a mode 3 result that rounds to zero. */
typedef struct
{
  char *digits;
  gsize len;
  int   decpt;
} Digits;

static void
format_c (char       *buf,
          gsize       size,
          char        conversion,
          int         precision,
          double      x)
{
  char fmt[32];

  g_snprintf (fmt, sizeof fmt, "%%.%d%c", precision, conversion);
  g_ascii_formatd (buf, size, fmt, x);
}

static void
digits_strip (Digits *d)
{
  while (d->len > 0 && d->digits[d->len - 1] == '0')
    d->len--;
  d->digits[d->len] = '\0';
}

/* Parses the "d.ddde+XX" that "%.*e" prints for a positive value. */
static void
digits_from_e (const char *buf,
               Digits     *d)
{
  const char *p;
  gsize n = 0;

  d->digits = g_malloc (strlen (buf) + 1);
  for (p = buf; *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      d->digits[n++] = *p;
  d->len = n;
  d->decpt = atoi (p + 1) + 1;
  digits_strip (d);
}

static gboolean
round_trips (const char *buf,
             double      x)
{
  return g_ascii_strtod (buf, NULL) == x;
}

/* Mode 0: the shortest digit string that reads back as x (x > 0). Among
 * strings of that length the nearest one wins, as with Gay's dtoa. */
static void
dtoa_shortest (double  x,
               Digits *d)
{
  char buf[64];
  int exp, lo = 1, hi = 17;

  /* At a power of two the gap below x is half the gap above it, so the
   * nearest candidate can fail where its other neighbour succeeds; try
   * both neighbours at each length. */
  if (frexp (x, &exp) == 0.5 && x >= DBL_MIN)
    {
      for (int p = 1; p <= 17; p++)
        {
          guint64 m = 0;
          int e10;

          format_c (buf, sizeof buf, 'e', p - 1, x);
          if (round_trips (buf, x))
            {
              digits_from_e (buf, d);
              return;
            }
          for (const char *q = buf; *q != 'e'; q++)
            if (g_ascii_isdigit (*q))
              m = m * 10 + (guint64) (*q - '0');
          e10 = atoi (strchr (buf, 'e') + 1) - (p - 1);
          for (int delta = -1; delta <= 1; delta += 2)
            {
              char cand[64];
              guint64 mc = m + (guint64) (gint64) delta;

              g_snprintf (cand, sizeof cand, "%" G_GUINT64_FORMAT "e%d", mc, e10);
              if (mc != 0 && round_trips (cand, x))
                {
                  int n = g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, mc);

                  d->digits = g_strdup (buf);
                  d->len = n;
                  d->decpt = n + e10;
                  digits_strip (d);
                  return;
                }
            }
        }
    }

  /* Otherwise the nearest p-digit decimal round-trips for every p at or
   * above the answer, so a binary search finds it. */
  while (lo < hi)
    {
      int mid = (lo + hi) / 2;

      format_c (buf, sizeof buf, 'e', mid - 1, x);
      if (round_trips (buf, x))
        hi = mid;
      else
        lo = mid + 1;
    }
  format_c (buf, sizeof buf, 'e', lo - 1, x);
  digits_from_e (buf, d);
}

/* Gay's modes for a finite x >= 0: 0 shortest, 2 ndigits significant
 * digits, 3 ndigits digits after the point (ndigits >= 0). */
static void
dtoa (double  x,
      int     mode,
      int     ndigits,
      Digits *d)
{
  if (x == 0)
    {
      d->digits = g_strdup ("0");
      d->len = 1;
      d->decpt = 1;
      return;
    }
  if (mode == 0)
    dtoa_shortest (x, d);
  else if (mode == 2)
    {
      int n = CLAMP (ndigits, 1, MAX_SIG_DIGITS);
      gsize size = n + 16;
      g_autofree char *buf = g_malloc (size);

      format_c (buf, size, 'e', n - 1, x);
      digits_from_e (buf, d);
    }
  else
    {
      int n = CLAMP (ndigits, 0, MAX_FRAC_DIGITS);
      gsize size = n + DBL_MAX_10_EXP + 16;
      g_autofree char *buf = g_malloc (size);
      gsize k = 0;

      format_c (buf, size, 'f', n, x);
      d->digits = g_malloc (size);
      /* "0.00120" has decpt -2 and digits "12": count the integer digits,
       * then every leading zero moves the point one place left. */
      d->decpt = (int) strcspn (buf, ".");
      for (const char *p = buf; *p != '\0'; p++)
        {
          if (*p == '.')
            continue;
          if (k == 0 && *p == '0')
            d->decpt--;
          else
            d->digits[k++] = *p;
        }
      d->len = k;
      digits_strip (d);
      if (d->len == 0)
        d->decpt = -n;
    }
}

/**
 * hs_float_format:
 * @code: 'e', 'E', 'f', 'F', 'g', 'G' or 'r' (repr; @precision must be 0)
 *
 * PyOS_double_to_string(): the building block of repr(), format() and the
 * % operator. Infinities and NaN give "inf"/"nan" ("INF"/"NAN" for the
 * upper-case codes) with the sign rules of CPython.
 *
 * Returns: (transfer full) (nullable): ASCII text, or %NULL when it would
 *   be longer than %HS_FLOAT_FORMAT_MAX_LENGTH (MemoryError).
 */
char *
hs_float_format (double             x,
                 char               code,
                 int                precision,
                 HsFloatFormatFlags flags)
{
  gboolean upper = FALSE, use_exp = FALSE, sign;
  gboolean add_dot_0 = (flags & HS_FLOAT_FORMAT_ADD_DOT_0) != 0;
  gboolean alt = (flags & HS_FLOAT_FORMAT_ALT) != 0;
  int mode = 0, exp = 0;
  gint64 decpt, vdigits_start, vdigits_end, digits_len;
  Digits d = { NULL, 0, 0 };
  GString *out;

  switch (code)
    {
    case 'E':
      upper = TRUE;
      G_GNUC_FALLTHROUGH;
    case 'e':
      code = 'e';
      mode = 2;
      precision++;
      break;
    case 'F':
      upper = TRUE;
      G_GNUC_FALLTHROUGH;
    case 'f':
      code = 'f';
      mode = 3;
      break;
    case 'G':
      upper = TRUE;
      G_GNUC_FALLTHROUGH;
    case 'g':
      code = 'g';
      mode = 2;
      if (precision == 0)
        precision = 1;
      break;
    case 'r':
      mode = 0;
      precision = 0;
      break;
    default:
      g_return_val_if_fail (FALSE, NULL);
    }

  sign = signbit (x) != 0;
  out = g_string_sized_new (32);

  if (!isfinite (x))
    {
      if (isnan (x))
        sign = FALSE;
      if (sign)
        g_string_append_c (out, '-');
      else if (flags & HS_FLOAT_FORMAT_SIGN)
        g_string_append_c (out, '+');
      if (isnan (x))
        g_string_append (out, upper ? "NAN" : "nan");
      else
        g_string_append (out, upper ? "INF" : "inf");
      return g_string_free (out, FALSE);
    }

  /* Refuse absurd paddings before generating anything. */
  if ((gint64) precision + DBL_MAX_10_EXP + 8 > HS_FLOAT_FORMAT_MAX_LENGTH)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  dtoa (fabs (x), mode, precision, &d);
  digits_len = d.len;
  decpt = d.decpt;

  if ((flags & HS_FLOAT_FORMAT_NO_NEG_0) && sign
      && (digits_len == 0 || (digits_len == 1 && d.digits[0] == '0')))
    sign = FALSE;

  /* Output the slice vdigits[vdigits_start:vdigits_end] of the digits
   * padded with zeros on both sides (format_float_short). */
  vdigits_end = digits_len;
  switch (code)
    {
    case 'e':
      use_exp = TRUE;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
        use_exp = TRUE;
      if (alt)
        vdigits_end = precision;
      break;
    case 'r':
      /* repr switches to exponents at 1e16 */
      if (decpt <= -4 || decpt > 16)
        use_exp = TRUE;
      break;
    default:
      g_assert_not_reached ();
    }

  if (use_exp)
    {
      exp = (int) decpt - 1;
      decpt = 1;
    }
  vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vdigits_end = MAX (vdigits_end, decpt + 1);
  else
    vdigits_end = MAX (vdigits_end, decpt);

  if (sign)
    g_string_append_c (out, '-');
  else if (flags & HS_FLOAT_FORMAT_SIGN)
    g_string_append_c (out, '+');

  if (decpt <= 0)
    {
      for (gint64 i = 0; i < decpt - vdigits_start; i++)
        g_string_append_c (out, '0');
      g_string_append_c (out, '.');
      for (gint64 i = 0; i < -decpt; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      for (gint64 i = 0; i < -vdigits_start; i++)
        g_string_append_c (out, '0');
    }

  if (0 < decpt && decpt <= digits_len)
    {
      g_string_append_len (out, d.digits, decpt);
      g_string_append_c (out, '.');
      g_string_append_len (out, d.digits + decpt, digits_len - decpt);
    }
  else
    g_string_append_len (out, d.digits, digits_len);

  if (digits_len < decpt)
    {
      for (gint64 i = 0; i < decpt - digits_len; i++)
        g_string_append_c (out, '0');
      g_string_append_c (out, '.');
      for (gint64 i = 0; i < vdigits_end - decpt; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      for (gint64 i = 0; i < vdigits_end - digits_len; i++)
        g_string_append_c (out, '0');
    }

  /* A trailing point goes unless '#' asked for it. */
  if (out->str[out->len - 1] == '.' && !alt)
    g_string_truncate (out, out->len - 1);

  if (use_exp)
    g_string_append_printf (out, "%c%+.02d", upper ? 'E' : 'e', exp);

  g_free (d.digits);
  return g_string_free (out, FALSE);
}

/**
 * hs_float_repr:
 *
 * repr(x) and str(x): the shortest string that reads back as x, e.g.
 * "0.1", "1e+16", "1.5e-05", "inf", "-0.0".
 */
char *
hs_float_repr (double x)
{
  return hs_float_format (x, 'r', 0, HS_FLOAT_FORMAT_ADD_DOT_0);
}

/* --- parsing ---------------------------------------------------------- */

static gboolean
is_py_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static gboolean
match_word (const char *p,
            const char *end,
            const char *word)
{
  gsize n = strlen (word);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, word, n) == 0;
}

/**
 * hs_float_from_string:
 *
 * float(str) with CPython's rules: surrounding white space, a sign,
 * decimal digits with an optional point and exponent, single underscores
 * between digits, "inf", "infinity" and "nan" in any case, Unicode decimal
 * digits. Too large values become ±inf, as in Python. Fails with
 * ValueError "could not convert string to float: 'x'".
 */
gboolean
hs_float_from_string (const char *str,
                      gssize      len,
                      double     *out,
                      GError    **error)
{
  g_autofree char *ascii = NULL;
  g_autofree char *repr = NULL;
  char *p, *end, *start;
  gsize alen;
  gboolean negative = FALSE;

  g_return_val_if_fail (str != NULL, FALSE);

  if (len < 0)
    len = strlen (str);
  ascii = _hs_num_to_ascii (str, len, &alen);
  end = ascii + alen;

  /* Underscores only between digits; then they are dropped. */
  if (memchr (ascii, '_', alen) != NULL)
    {
      char prev = '\0';
      char *w = ascii;

      for (p = ascii; p < end; p++)
        {
          if (*p == '_')
            {
              if (!g_ascii_isdigit (prev))
                goto invalid;
            }
          else
            {
              if (prev == '_' && !g_ascii_isdigit (*p))
                goto invalid;
              *w++ = *p;
            }
          prev = *p;
        }
      if (prev == '_')
        goto invalid;
      end = w;
      *end = '\0';
    }

  p = ascii;
  while (p < end && is_py_space (*p))
    p++;
  while (end > p && is_py_space (end[-1]))
    end--;
  *end = '\0';
  start = p;

  if (p < end && (*p == '+' || *p == '-'))
    {
      negative = *p == '-';
      p++;
    }

  {
    char *q = p;
    gsize n_digits = 0;

    while (q < end && g_ascii_isdigit (*q))
      q++, n_digits++;
    if (q < end && *q == '.')
      {
        q++;
        while (q < end && g_ascii_isdigit (*q))
          q++, n_digits++;
      }
    if (n_digits > 0)
      {
        if (q < end && (*q == 'e' || *q == 'E'))
          {
            char *r = q + 1;

            if (r < end && (*r == '+' || *r == '-'))
              r++;
            if (r < end && g_ascii_isdigit (*r))
              {
                while (r < end && g_ascii_isdigit (*r))
                  r++;
                q = r;
              }
          }
        if (q != end)
          goto invalid;
        /* Syntax checked, so strtod sees a plain decimal (never hex). */
        *out = g_ascii_strtod (start, NULL);
        return TRUE;
      }
  }

  if (match_word (p, end, "inf"))
    {
      p += 3;
      if (match_word (p, end, "inity"))
        p += 5;
      if (p != end)
        goto invalid;
      *out = negative ? -INFINITY : INFINITY;
      return TRUE;
    }
  if (match_word (p, end, "nan") && p + 3 == end)
    {
      *out = negative ? -NAN : NAN;
      return TRUE;
    }

invalid:
  repr = _hs_num_repr_str (str, len, 0);
  g_set_error (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
               "could not convert string to float: %s", repr);
  return FALSE;
}

/* --- arithmetic ------------------------------------------------------- */

gboolean
hs_float_div (double   a,
              double   b,
              double  *out,
              GError **error)
{
  if (b == 0.0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION,
                           "float division by zero");
      return FALSE;
    }
  *out = a / b;
  return TRUE;
}

/* CPython's _float_div_mod(). */
static void
float_div_mod (double  vx,
               double  wx,
               double *floordiv,
               double *mod)
{
  double div;

  *mod = fmod (vx, wx);
  /* fmod is exact, so vx - mod is mathematically a multiple of wx; the
   * division can still be off by a hair and is snapped below. */
  div = (vx - *mod) / wx;
  if (*mod != 0.0)
    {
      /* The remainder takes the sign of the divisor. */
      if ((wx < 0) != (*mod < 0))
        {
          *mod += wx;
          div -= 1.0;
        }
    }
  else
    *mod = copysign (0.0, wx);

  if (div != 0.0)
    {
      *floordiv = floor (div);
      if (div - *floordiv > 0.5)
        *floordiv += 1.0;
    }
  else
    *floordiv = copysign (0.0, vx / wx);
}

gboolean
hs_float_floordiv (double   a,
                   double   b,
                   double  *out,
                   GError **error)
{
  double mod;

  if (b == 0.0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION,
                           "float floor division by zero");
      return FALSE;
    }
  float_div_mod (a, b, out, &mod);
  return TRUE;
}

gboolean
hs_float_mod (double   a,
              double   b,
              double  *out,
              GError **error)
{
  double mod;

  if (b == 0.0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION,
                           "float modulo");
      return FALSE;
    }
  mod = fmod (a, b);
  if (mod != 0.0)
    {
      if ((b < 0) != (mod < 0))
        mod += b;
    }
  else
    mod = copysign (0.0, b);
  *out = mod;
  return TRUE;
}

gboolean
hs_float_divmod (double   a,
                 double   b,
                 double  *floordiv,
                 double  *mod,
                 GError **error)
{
  if (b == 0.0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION,
                           "float divmod()");
      return FALSE;
    }
  float_div_mod (a, b, floordiv, mod);
  return TRUE;
}

static gboolean
is_odd_integer (double x)
{
  return fmod (fabs (x), 2.0) == 1.0;
}

/**
 * hs_float_pow:
 *
 * a ** b for floats (also int ** negative int, after converting both to
 * float). Errors: ZeroDivisionError "0.0 cannot be raised to a negative
 * power", OverflowError "(34, 'Numerical result out of range')", and
 * %HS_NUM_ERROR_NOT_IMPLEMENTED for a negative base with a fractional
 * exponent, where Python returns a complex number.
 */
gboolean
hs_float_pow (double   iv,
              double   iw,
              double  *out,
              GError **error)
{
  gboolean negate_result = FALSE;
  double ix;

  /* Special cases first, instead of trusting the platform pow(). */
  if (iw == 0.0)
    {
      *out = 1.0;
      return TRUE;
    }
  if (isnan (iv))
    {
      *out = iv;
      return TRUE;
    }
  if (isnan (iw))
    {
      *out = iv == 1.0 ? 1.0 : iw;
      return TRUE;
    }
  if (isinf (iw))
    {
      iv = fabs (iv);
      if (iv == 1.0)
        *out = 1.0;
      else if ((iw > 0.0) == (iv > 1.0))
        *out = fabs (iw);
      else
        *out = 0.0;
      return TRUE;
    }
  if (isinf (iv))
    {
      gboolean odd = is_odd_integer (iw);

      if (iw > 0.0)
        *out = odd ? iv : fabs (iv);
      else
        *out = odd ? copysign (0.0, iv) : 0.0;
      return TRUE;
    }
  if (iv == 0.0)
    {
      if (iw < 0.0)
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION,
                               "0.0 cannot be raised to a negative power");
          return FALSE;
        }
      *out = is_odd_integer (iw) ? iv : 0.0;
      return TRUE;
    }
  if (iv < 0.0)
    {
      if (iw != floor (iw))
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_NOT_IMPLEMENTED,
                               "negative number cannot be raised to a fractional power");
          return FALSE;
        }
      iv = -iv;
      negate_result = is_odd_integer (iw);
    }
  if (iv == 1.0)
    {
      *out = negate_result ? -1.0 : 1.0;
      return TRUE;
    }

  ix = pow (iv, iw);
  if (isinf (ix))
    {
      /* errno ERANGE, as PyErr_SetFromErrno words it. */
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                           "(34, 'Numerical result out of range')");
      return FALSE;
    }
  *out = negate_result ? -ix : ix;
  return TRUE;
}

/* --- rounding, conversion, hashing ------------------------------------ */

/**
 * hs_float_round_to_int:
 *
 * round(x) with no ndigits: the nearest int, ties to even.
 */
HsBigInt *
hs_float_round_to_int (double   x,
                       GError **error)
{
  double rounded = round (x);

  if (fabs (x - rounded) == 0.5)
    rounded = 2.0 * round (x / 2.0);
  return hs_bigint_new_from_double (rounded, error);
}

/* The digits of |x| rounded half to even at 10**k, k > 0, as a string
 * "DIGITSe<k>" for strtod; "0" when the result is zero. */
static char *
round_to_power_of_ten (double ax,
                       int    k)
{
  double ipart = floor (ax);
  gboolean frac_nonzero = ax != ipart;
  char buf[DBL_MAX_10_EXP + 8];
  gssize len, keep;
  gboolean up = FALSE;
  GString *out;

  format_c (buf, sizeof buf, 'f', 0, ipart);
  len = strlen (buf);
  keep = len - k;
  if (keep < 0)
    return g_strdup ("0");

  /* The first dropped digit decides; exactly half rounds to even. */
  {
    char first = buf[keep];
    gboolean rest_nonzero = frac_nonzero;

    for (gssize i = keep + 1; i < len; i++)
      if (buf[i] != '0')
        rest_nonzero = TRUE;
    if (first > '5' || (first == '5' && rest_nonzero))
      up = TRUE;
    else if (first == '5')
      up = keep > 0 && ((buf[keep - 1] - '0') & 1) != 0;
  }

  out = g_string_new_len (buf, keep);
  if (up)
    {
      gssize i = keep - 1;

      while (i >= 0 && out->str[i] == '9')
        out->str[i--] = '0';
      if (i >= 0)
        out->str[i]++;
      else
        g_string_prepend_c (out, '1');
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup ("0");
    }
  g_string_append_printf (out, "e%d", k);
  return g_string_free (out, FALSE);
}

/**
 * hs_float_round:
 * @ndigits: the second argument of round(), clamped to the gint64 range
 *
 * round(x, ndigits), correctly rounded like CPython's double_round (half
 * to even on the exact decimal value of x, so round(2.675, 2) is 2.67).
 * Fails with OverflowError "rounded value too large to represent".
 */
gboolean
hs_float_round (double   x,
                gint64   ndigits,
                double  *out,
                GError **error)
{
  /* Beyond these every x rounds to itself or to ±0.0. */
  const gint64 ndigits_max = (gint64) ((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  const gint64 ndigits_min = -(gint64) ((DBL_MAX_EXP + 1) * 0.30103);
  g_autofree char *text = NULL;
  double rounded;

  if (!isfinite (x) || ndigits > ndigits_max)
    {
      *out = x;
      return TRUE;
    }
  if (ndigits < ndigits_min)
    {
      *out = 0.0 * x;
      return TRUE;
    }

  if (ndigits >= 0)
    {
      gsize size = DBL_MAX_10_EXP + ndigits + 16;

      text = g_malloc (size);
      format_c (text, size, 'f', (int) ndigits, x);
      rounded = g_ascii_strtod (text, NULL);
    }
  else
    {
      text = round_to_power_of_ten (fabs (x), (int) -ndigits);
      rounded = copysign (g_ascii_strtod (text, NULL), x);
    }

  if (isinf (rounded))
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                           "rounded value too large to represent");
      return FALSE;
    }
  *out = rounded;
  return TRUE;
}

/**
 * hs_float_as_integer_ratio:
 *
 * x.as_integer_ratio(): the exact fraction in lowest terms.
 */
gboolean
hs_float_as_integer_ratio (double     x,
                           HsBigInt **numerator,
                           HsBigInt **denominator,
                           GError   **error)
{
  g_autoptr(HsBigInt) mant = NULL;
  g_autoptr(HsBigInt) one = NULL;
  double part;
  int exp;

  if (isinf (x))
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                           "cannot convert Infinity to integer ratio");
      return FALSE;
    }
  if (isnan (x))
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "cannot convert NaN to integer ratio");
      return FALSE;
    }

  part = frexp (x, &exp);
  for (int i = 0; i < 300 && part != floor (part); i++)
    {
      part *= 2.0;
      exp--;
    }
  mant = hs_bigint_new_from_double (part, NULL);
  one = hs_bigint_new_from_int64 (1);
  if (exp > 0)
    {
      *numerator = hs_bigint_lshift_int64 (mant, exp, NULL);
      *denominator = g_steal_pointer (&one);
    }
  else
    {
      *numerator = g_steal_pointer (&mant);
      *denominator = hs_bigint_lshift_int64 (one, -exp, NULL);
    }
  return TRUE;
}

gboolean
hs_float_is_integer (double x)
{
  return isfinite (x) && floor (x) == x;
}

/**
 * hs_float_hash:
 * @out: (out): hash(x)
 *
 * CPython's _Py_HashDouble: integral values hash like the equal int,
 * hash(inf) is 314159. Returns %FALSE for NaN, whose hash (3.10+) is that
 * of the object's address: use hs_hash_pointer() on the float object.
 */
gboolean
hs_float_hash (double  v,
               gint64 *out)
{
  int e, sign = 1;
  double m;
  guint64 x = 0, y;

  if (isnan (v))
    return FALSE;
  if (isinf (v))
    {
      *out = v > 0 ? HASH_INF : -HASH_INF;
      return TRUE;
    }

  m = frexp (v, &e);
  if (m < 0)
    {
      sign = -1;
      m = -m;
    }
  /* 28 bits at a time */
  while (m != 0.0)
    {
      x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
      m *= 268435456.0;
      e -= 28;
      y = (guint64) m;
      m -= (double) y;
      x += y;
      if (x >= HASH_MODULUS)
        x -= HASH_MODULUS;
    }

  /* Multiply by 2**e, reducing e modulo HASH_BITS first. */
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);

  x = x * (guint64) (gint64) sign;
  if (x == (guint64) -1)
    x = (guint64) -2;
  *out = (gint64) x;
  return TRUE;
}

/**
 * hs_hash_pointer:
 *
 * CPython's _Py_HashPointer: the address rotated right by 4 bits, the hash
 * of objects compared by identity (and of NaN floats).
 */
gint64
hs_hash_pointer (gconstpointer ptr)
{
  guint64 y = (guint64) (guintptr) ptr;
  gint64 x;

  y = (y >> 4) | (y << (8 * GLIB_SIZEOF_VOID_P - 4));
  x = (gint64) y;
  return x == -1 ? -2 : x;
}

/* --- comparisons ------------------------------------------------------ */

/**
 * hs_float_compare_bigint:
 * @result: (out): -1, 0 or 1 as x is less than, equal to or greater than b
 *
 * Compares exactly, as CPython does (2**53 + 1 != float(2**53 + 1)).
 * Returns %FALSE when x is NaN: every ordering is then False and only !=
 * holds.
 */
gboolean
hs_float_compare_bigint (double          x,
                         const HsBigInt *b,
                         int            *result)
{
  int xsign, bsign = hs_bigint_sign (b);
  guint64 nbits;
  double ipart, frac;
  int exp, c;
  g_autoptr(HsBigInt) whole = NULL;

  if (isnan (x))
    return FALSE;
  if (isinf (x))
    {
      *result = x > 0 ? 1 : -1;
      return TRUE;
    }
  xsign = x > 0 ? 1 : x < 0 ? -1 : 0;
  if (xsign != bsign)
    {
      *result = xsign < bsign ? -1 : 1;
      return TRUE;
    }
  if (xsign == 0)
    {
      *result = 0;
      return TRUE;
    }

  /* Same sign: compare magnitudes by bit length first. */
  nbits = hs_bigint_bit_length (b);
  frexp (x, &exp);
  if ((guint64) MAX (exp, 0) != nbits)
    {
      c = (guint64) MAX (exp, 0) < nbits ? -1 : 1;
      *result = xsign * c;
      return TRUE;
    }

  frac = modf (x, &ipart);
  whole = hs_bigint_new_from_double (ipart, NULL);
  c = hs_bigint_compare (whole, b);
  if (c == 0 && frac != 0.0)
    c = frac > 0 ? 1 : -1;
  *result = c;
  return TRUE;
}

gboolean
hs_float_compare_int64 (double  x,
                        gint64  i,
                        int    *result)
{
  double t;
  gint64 ti;

  if (isnan (x))
    return FALSE;
  if (x >= 9223372036854775808.0)
    {
      *result = 1;
      return TRUE;
    }
  if (x < -9223372036854775808.0)
    {
      *result = -1;
      return TRUE;
    }
  t = trunc (x);
  ti = (gint64) t;
  if (ti != i)
    *result = ti < i ? -1 : 1;
  else
    *result = x > t ? 1 : x < t ? -1 : 0;
  return TRUE;
}
