/* hs-bigint-str.c — int() parsing and str()/bin()/oct()/hex() of big integers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows CPython 3.11's PyLong_FromUnicodeObject and long_to_decimal_string,
 * including the int_max_str_digits limit (CVE-2020-10735) on conversions in
 * bases that are not powers of two.
 */

#include "config.h"

#include <string.h>

#include "hs-bigint.h"
#include "hs-bigint-private.h"

typedef guint32 digit;
typedef guint64 twodigits;

#define SHIFT HS_DIGIT_BITS
#define MASK  HS_DIGIT_MASK

#define DECIMAL_BASE 1000000000u
#define DECIMAL_SHIFT 9

/* --- shared text helpers ---------------------------------------------- */

static gboolean
is_unicode_space (gunichar c)
{
  /* str.isspace() outside ASCII (Unicode 14, as in CPython 3.11). */
  switch (c)
    {
    case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202f: case 0x205f: case 0x3000:
      return TRUE;
    default:
      return c >= 0x2000 && c <= 0x200a;
    }
}

char *
_hs_num_to_ascii (const char *str,
                  gsize       len,
                  gsize      *out_len)
{
  char *out = g_malloc (len + 1);
  const char *p = str, *end = str + len;
  gsize n = 0;

  while (p < end)
    {
      guchar b = (guchar) *p;
      gunichar c;

      if (b < 0x80)
        {
          /* DEL is the one ASCII character CPython does not keep. */
          if (b == 0x7f)
            {
              out[n++] = '?';
              break;
            }
          out[n++] = (char) b;
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          out[n++] = '?';
          break;
        }
      p = g_utf8_next_char (p);
      if (is_unicode_space (c))
        out[n++] = ' ';
      else if (g_unichar_digit_value (c) >= 0)
        out[n++] = (char) ('0' + g_unichar_digit_value (c));
      else
        {
          out[n++] = '?';
          break;
        }
    }
  out[n] = '\0';
  *out_len = n;
  return out;
}

/* Python's str.isprintable() for one non-ASCII character. */
static gboolean
is_printable (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
      return FALSE;
    default:
      return TRUE;
    }
}

char *
_hs_num_repr_str (const char *str,
                  gssize      len,
                  gsize       max_chars)
{
  GString *out;
  const char *p, *end;
  char quote = '\'';
  gsize chars = 0;

  if (len < 0)
    len = strlen (str);
  end = str + len;
  if (memchr (str, '\'', len) != NULL && memchr (str, '"', len) == NULL)
    quote = '"';

  out = g_string_sized_new (len + 2);
  g_string_append_c (out, quote);
  for (p = str; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gsize before = out->len;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          if (c == (gunichar) quote || c == '\\')
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, (char) c);
            }
          else if (c == '\t')
            g_string_append (out, "\\t");
          else if (c == '\n')
            g_string_append (out, "\\n");
          else if (c == '\r')
            g_string_append (out, "\\r");
          else if (c < ' ' || c == 0x7f)
            g_string_append_printf (out, "\\x%02x", c);
          else if (c < 0x7f || is_printable (c))
            g_string_append_len (out, p, next - p);
          else if (c <= 0xff)
            g_string_append_printf (out, "\\x%02x", c);
          else if (c <= 0xffff)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_printf (out, "\\U%08x", c);
          p = next;
        }

      /* "%.200R" cuts the repr, escapes included, at max_chars. */
      if (max_chars > 0)
        {
          gsize added = g_utf8_strlen (out->str + before, out->len - before);

          if (chars + 1 + added >= max_chars)
            {
              gsize keep = max_chars - 1 - chars;

              g_string_truncate (out, g_utf8_offset_to_pointer (out->str + before, keep) - out->str);
              return g_string_free (out, FALSE);
            }
          chars += added;
        }
    }
  if (max_chars == 0 || chars + 2 <= max_chars)
    g_string_append_c (out, quote);
  return g_string_free (out, FALSE);
}

/* --- parsing ---------------------------------------------------------- */

static gboolean
is_py_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
digit_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 37;
}

static void
set_limit_error_to_int (GError **error,
                        int      max_str_digits,
                        gsize    digits)
{
  g_set_error (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
               "Exceeds the limit (%d digits) for integer string conversion: "
               "value has %" G_GSIZE_FORMAT " digits; use sys.set_int_max_str_digits() "
               "to increase the limit", max_str_digits, digits);
}

static void
set_invalid_literal_error (GError    **error,
                           int         base,
                           const char *str,
                           gsize       len)
{
  g_autofree char *repr = _hs_num_repr_str (str, len, 200);

  g_set_error (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
               "invalid literal for int() with base %d: %s", base, repr);
}

/* Digits [start, end) in a power-of-two base, underscores already checked. */
static HsBigInt *
parse_binary_base (const char *start,
                   const char *end,
                   int         base,
                   gsize       n_digits)
{
  int bits_per_char = __builtin_ctz ((unsigned) base);
  HsBigInt *z = _hs_bigint_alloc ((n_digits * bits_per_char + SHIFT - 1) / SHIFT + 1);
  twodigits accum = 0;
  int bits_in_accum = 0;
  gsize n = 0;

  for (const char *p = end; p-- > start;)
    {
      if (*p == '_')
        continue;
      accum |= (twodigits) digit_value (*p) << bits_in_accum;
      bits_in_accum += bits_per_char;
      if (bits_in_accum >= SHIFT)
        {
          z->digits[n++] = (digit) (accum & MASK);
          accum >>= SHIFT;
          bits_in_accum -= SHIFT;
        }
    }
  if (bits_in_accum > 0)
    z->digits[n++] = (digit) accum;
  z->len = n;
  z->sign = 1;
  return _hs_bigint_normalize (z);
}

/* Digits [start, end) in any other base: groups of digits that fit in one
 * 30-bit digit are folded in with one multiply-add pass each. */
static HsBigInt *
parse_other_base (const char *start,
                  const char *end,
                  int         base,
                  gsize       n_digits)
{
  /* log2(base) / 30 rounded up generously: at most 5.17 bits per char. */
  HsBigInt *z = _hs_bigint_alloc ((gsize) (n_digits * 0.1723) + 2);
  guint32 group_mult = 1;
  guint32 group = 0;

  z->len = 0;
  z->sign = 0;
  for (const char *p = start; p < end; p++)
    {
      if (*p == '_')
        continue;
      if ((twodigits) group_mult * base >= HS_DIGIT_BASE)
        {
          _hs_bigint_muladd1 (z, group_mult, group);
          group_mult = 1;
          group = 0;
        }
      group = group * base + digit_value (*p);
      group_mult *= base;
    }
  _hs_bigint_muladd1 (z, group_mult, group);
  return _hs_bigint_normalize (z);
}

/**
 * hs_bigint_new_from_string:
 * @str: UTF-8 text of a Python str
 * @len: its length in bytes, or -1 if NUL-terminated
 * @base: 0 or 2…36, as for int(str, base); 0 reads literal prefixes
 * @max_str_digits: sys.get_int_max_str_digits(), 0 for no limit
 *
 * int(str, base) with CPython 3.11's rules: surrounding white space, a sign,
 * single underscores between digits, 0x/0o/0b prefixes (optional for base
 * 16/8/2, required for base 0, where "010" is invalid), Unicode decimal
 * digits. The compiler can parse integer literals with base 0.
 *
 * Errors (all ValueError) carry CPython's message, e.g.
 * "invalid literal for int() with base 10: 'abc'" (the repr is that of a
 * str; a caller parsing bytes should reword it).
 */
HsBigInt *
hs_bigint_new_from_string (const char *str,
                           gssize      len,
                           int         base,
                           int         max_str_digits,
                           GError    **error)
{
  g_autofree char *ascii = NULL;
  const char *p, *end, *start;
  gsize alen, n_digits = 0;
  int orig_base = base, sign = 1;
  gboolean error_if_nonzero = FALSE;
  char prev = '\0';
  HsBigInt *z;

  g_return_val_if_fail (str != NULL, NULL);

  if ((base != 0 && base < 2) || base > 36)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "int() base must be >= 2 and <= 36, or 0");
      return NULL;
    }
  if (len < 0)
    len = strlen (str);
  ascii = _hs_num_to_ascii (str, len, &alen);
  p = ascii;
  end = ascii + alen;

  while (p < end && is_py_space (*p))
    p++;
  if (p < end && (*p == '+' || *p == '-'))
    {
      sign = *p == '-' ? -1 : 1;
      p++;
    }
  /* ascii is NUL-terminated, so p[1] can always be read. */
  if (base == 0)
    {
      if (p >= end || p[0] != '0')
        base = 10;
      else if (p[1] == 'x' || p[1] == 'X')
        base = 16;
      else if (p[1] == 'o' || p[1] == 'O')
        base = 8;
      else if (p[1] == 'b' || p[1] == 'B')
        base = 2;
      else
        {
          /* "Old" C-style octal is invalid, but zeros are fine. */
          error_if_nonzero = TRUE;
          base = 10;
        }
    }
  if (p < end && p[0] == '0'
      && ((base == 16 && (p[1] == 'x' || p[1] == 'X'))
          || (base == 8 && (p[1] == 'o' || p[1] == 'O'))
          || (base == 2 && (p[1] == 'b' || p[1] == 'B'))))
    {
      p += 2;
      /* One underscore may follow the prefix. */
      if (p < end && *p == '_')
        p++;
    }
  if (p < end && *p == '_')
    goto invalid;

  start = p;
  while (p < end && (digit_value (*p) < base || *p == '_'))
    {
      if (*p == '_')
        {
          if (prev == '_')
            goto invalid;
        }
      else
        n_digits++;
      prev = *p;
      p++;
    }
  if (prev == '_')
    goto invalid;

  if ((base & (base - 1)) != 0 && max_str_digits > 0 && n_digits > (gsize) max_str_digits)
    {
      set_limit_error_to_int (error, max_str_digits, n_digits);
      return NULL;
    }
  if (n_digits == 0)
    goto invalid;
  /* Refuse absurd sizes before allocating: log2(36) < 5.17 bits per char. */
  if (!_hs_bigint_check_digits ((guint64) (n_digits * (g_bit_storage (base - 1) / 30.0)), error))
    return NULL;

  if ((base & (base - 1)) == 0)
    z = parse_binary_base (start, p, base, n_digits);
  else
    z = parse_other_base (start, p, base, n_digits);

  if (error_if_nonzero && z->len != 0)
    {
      g_free (z);
      goto invalid;
    }
  while (p < end && is_py_space (*p))
    p++;
  if (p != end)
    {
      g_free (z);
      goto invalid;
    }
  if (z->len > 0)
    z->sign = sign;
  return z;

invalid:
  set_invalid_literal_error (error, orig_base, str, len);
  return NULL;
}

/* --- formatting ------------------------------------------------------- */

static void
set_limit_error_to_str (GError **error,
                        int      max_str_digits)
{
  g_set_error (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
               "Exceeds the limit (%d digits) for integer string conversion; "
               "use sys.set_int_max_str_digits() to increase the limit",
               max_str_digits);
}

static char *
to_decimal_string (const HsBigInt *a,
                   int             max_str_digits,
                   GError        **error)
{
  g_autofree guint32 *pout = NULL;
  gsize n = 0, n_chars, top_chars = 0;
  guint32 top;
  char *result, *q;

  /* |a| >= 2**(bits-1) has more than (bits-1) * log10(2) digits: refuse
   * obviously huge values before the quadratic conversion. */
  if (max_str_digits > 0 && a->len > 0)
    {
      guint64 bits = hs_bigint_bit_length (a);

      if ((double) (bits - 1) * 0.30102999 >= (double) max_str_digits)
        {
          set_limit_error_to_str (error, max_str_digits);
          return NULL;
        }
    }

  /* Convert to base 10**9, most significant digit of a first. */
  pout = g_new (guint32, 1 + a->len + a->len / 99 + 1);
  for (gsize i = a->len; i-- > 0;)
    {
      guint32 hi = a->digits[i];

      for (gsize j = 0; j < n; j++)
        {
          twodigits z = ((twodigits) pout[j] << SHIFT) | hi;

          hi = (guint32) (z / DECIMAL_BASE);
          pout[j] = (guint32) (z - (twodigits) hi * DECIMAL_BASE);
        }
      while (hi != 0)
        {
          pout[n++] = hi % DECIMAL_BASE;
          hi /= DECIMAL_BASE;
        }
    }
  if (n == 0)
    pout[n++] = 0;

  top = pout[n - 1];
  do
    {
      top_chars++;
      top /= 10;
    }
  while (top != 0);
  n_chars = (n - 1) * DECIMAL_SHIFT + top_chars;
  if (max_str_digits > 0 && n_chars > (gsize) max_str_digits)
    {
      set_limit_error_to_str (error, max_str_digits);
      return NULL;
    }

  result = g_malloc (n_chars + 2);
  q = result;
  if (a->sign < 0)
    *q++ = '-';
  q += n_chars;
  *q = '\0';
  for (gsize j = 0; j < n; j++)
    {
      guint32 rem = pout[j];
      gsize count = j + 1 < n ? DECIMAL_SHIFT : top_chars;

      for (gsize k = 0; k < count; k++)
        {
          *--q = (char) ('0' + rem % 10);
          rem /= 10;
        }
    }
  return result;
}

static char *
to_binary_base_string (const HsBigInt *a,
                       int             base,
                       gboolean        with_prefix)
{
  static const char hexdigits[] = "0123456789abcdef";
  int bits_per_char = __builtin_ctz ((unsigned) base);
  guint64 bits = hs_bigint_bit_length (a);
  gsize n_chars = bits == 0 ? 1 : (gsize) ((bits + bits_per_char - 1) / bits_per_char);
  gsize total = n_chars + (a->sign < 0 ? 1 : 0) + (with_prefix ? 2 : 0);
  char *result = g_malloc (total + 1);
  char *q = result + total;
  twodigits accum = 0;
  int bits_in_accum = 0;
  gsize emitted = 0;

  *q = '\0';
  for (gsize i = 0; i < a->len || bits_in_accum > 0; i++)
    {
      if (i < a->len)
        {
          accum |= (twodigits) a->digits[i] << bits_in_accum;
          bits_in_accum += SHIFT;
        }
      else
        bits_in_accum = MAX (bits_in_accum, bits_per_char);
      while (bits_in_accum >= bits_per_char && emitted < n_chars)
        {
          *--q = hexdigits[accum & (guint) (base - 1)];
          accum >>= bits_per_char;
          bits_in_accum -= bits_per_char;
          emitted++;
        }
      if (emitted == n_chars)
        break;
    }
  while (emitted < n_chars)
    {
      *--q = '0';
      emitted++;
    }
  if (with_prefix)
    {
      *--q = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
      *--q = '0';
    }
  if (a->sign < 0)
    *--q = '-';
  return result;
}

/**
 * hs_bigint_to_string:
 * @base: 2, 8, 10 or 16
 * @with_prefix: add "0b", "0o" or "0x" after the sign, as bin(), oct()
 *   and hex() do (ignored for base 10)
 * @max_str_digits: sys.get_int_max_str_digits(), 0 for no limit; only
 *   base 10 is limited, as in CPython
 *
 * Returns: (transfer full): ASCII text, lowercase digits, or %NULL with
 *   ValueError "Exceeds the limit (4300 digits) for integer string
 *   conversion; use sys.set_int_max_str_digits() to increase the limit".
 */
char *
hs_bigint_to_string (const HsBigInt *a,
                     int             base,
                     gboolean        with_prefix,
                     int             max_str_digits,
                     GError        **error)
{
  g_return_val_if_fail (base == 2 || base == 8 || base == 10 || base == 16, NULL);

  if (base == 10)
    return to_decimal_string (a, max_str_digits, error);
  return to_binary_base_string (a, base, with_prefix);
}
