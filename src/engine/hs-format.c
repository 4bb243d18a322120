/* hs-format.c — format() mini-language and %-formatting of numbers and strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A port of the behaviour of CPython 3.11's Python/formatter_unicode.c
 * (format specs) and of PyUnicode_Format's per-argument code (the %
 * operator), on UTF-8 text. Widths and precisions count code points. The
 * C locale is assumed for the 'n' type, as in a Python that never called
 * locale.setlocale().
 */

#include "config.h"

#include <string.h>

#include "hs-bigint-private.h"
#include "hs-float.h"
#include "hs-format.h"

/* Refuse to build strings longer than this (MemoryError). */
#define MAX_OUTPUT HS_FLOAT_FORMAT_MAX_LENGTH

/* --- UTF-8 helpers ---------------------------------------------------- */

/* Code points of s[0..len), NUL characters included. */
static gsize
utf8_count (const char *s,
            gsize       len)
{
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    if (((guchar) s[i] & 0xc0) != 0x80)
      n++;
  return n;
}

/* Byte offset of code point number index in s[0..len). */
static gsize
utf8_offset (const char *s,
             gsize       len,
             gsize       index)
{
  gsize i = 0;

  while (i < len && index > 0)
    {
      i++;
      while (i < len && ((guchar) s[i] & 0xc0) == 0x80)
        i++;
      index--;
    }
  return i;
}

/* Decodes one code point at s[*pos]; bytes that are not valid UTF-8 come
 * out one by one as themselves. */
static gunichar
utf8_read (const char *s,
           gsize       len,
           gsize      *pos)
{
  guchar b = (guchar) s[*pos];
  gunichar c;

  if (b < 0x80)
    {
      (*pos)++;
      return b;
    }
  c = g_utf8_get_char_validated (s + *pos, len - *pos);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      (*pos)++;
      return b;
    }
  *pos = g_utf8_next_char (s + *pos) - s;
  return c;
}

static void
append_repeat (GString  *out,
               gunichar  c,
               gint64    n)
{
  char buf[8];
  int len = g_unichar_to_utf8 (c, buf);

  for (gint64 i = 0; i < n; i++)
    g_string_append_len (out, buf, len);
}

static char *
finish (GString *out,
        gsize   *out_len)
{
  if (out_len != NULL)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}

static char *
dup_result (const char *s,
            gsize       len,
            gsize      *out_len)
{
  char *r = g_malloc (len + 1);

  memcpy (r, s, len);
  r[len] = '\0';
  if (out_len != NULL)
    *out_len = len;
  return r;
}

static gboolean
check_size (gint64   n,
            GError **error)
{
  if (n <= MAX_OUTPUT)
    return TRUE;
  g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_MEMORY, "");
  return FALSE;
}

/* --- parsing the spec ------------------------------------------------- */

static gboolean
is_alignment_token (gunichar c)
{
  return c == '<' || c == '>' || c == '=' || c == '^';
}

static gboolean
is_sign_element (gunichar c)
{
  return c == ' ' || c == '+' || c == '-';
}

/* Reads decimal digits (Unicode ones too, as CPython does). Returns the
 * number consumed, or -1 on overflow. */
static int
get_integer (const gunichar *s,
             gsize           n,
             gsize          *pos,
             gint64         *result)
{
  gint64 acc = 0;
  int count = 0;

  for (; *pos < n; (*pos)++, count++)
    {
      int d = g_unichar_digit_value (s[*pos]);

      if (d < 0)
        break;
      if (acc > (G_MAXINT64 - d) / 10)
        return -1;
      acc = acc * 10 + d;
    }
  *result = acc;
  return count;
}

/* "'%c'" for printable ASCII, "'\x%x'" otherwise, as CPython words it. */
static char *
code_text (gunichar c)
{
  if (c > 32 && c < 128)
    return g_strdup_printf ("'%c'", (char) c);
  return g_strdup_printf ("'\\x%x'", (unsigned int) c);
}

static void
set_unknown_type_error (GError     **error,
                        gunichar     type,
                        const char  *type_name)
{
  g_autofree char *code = code_text (type);

  g_set_error (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
               "Unknown format code %s for object of type '%.200s'", code, type_name);
}

/**
 * hs_format_spec_parse:
 * @default_type: 'd' for int, 0 for float, 's' for str
 * @default_align: '>' for numbers, '<' for str
 * @type_name: the value's type name, for "Invalid format specifier"
 *
 * Parses a non-empty standard format specifier and applies the checks
 * that do not depend on the value (grouping versus type).
 */
gboolean
hs_format_spec_parse (const char   *spec,
                      gssize        len,
                      gunichar      default_type,
                      gunichar      default_align,
                      const char   *type_name,
                      HsFormatSpec *format,
                      GError      **error)
{
  g_autofree gunichar *s = NULL;
  gsize n = 0, pos = 0, bpos = 0;
  gboolean align_specified = FALSE, fill_specified = FALSE;
  int consumed;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (type_name == NULL)
    type_name = "object";
  if (len < 0)
    len = strlen (spec);
  s = g_new (gunichar, len + 1);
  while (bpos < (gsize) len)
    s[n++] = utf8_read (spec, len, &bpos);

  format->fill = ' ';
  format->align = default_align;
  format->sign = 0;
  format->no_neg_0 = FALSE;
  format->alternate = FALSE;
  format->width = -1;
  format->grouping = 0;
  format->precision = -1;
  format->type = default_type;

  if (n - pos >= 2 && is_alignment_token (s[pos + 1]))
    {
      format->align = s[pos + 1];
      format->fill = s[pos];
      fill_specified = TRUE;
      align_specified = TRUE;
      pos += 2;
    }
  else if (n - pos >= 1 && is_alignment_token (s[pos]))
    {
      format->align = s[pos];
      align_specified = TRUE;
      pos++;
    }

  if (n - pos >= 1 && is_sign_element (s[pos]))
    format->sign = s[pos++];
  if (n - pos >= 1 && s[pos] == 'z')
    {
      format->no_neg_0 = TRUE;
      pos++;
    }
  if (n - pos >= 1 && s[pos] == '#')
    {
      format->alternate = TRUE;
      pos++;
    }
  /* The 0 flag: zero fill, and '=' alignment for numbers. */
  if (!fill_specified && n - pos >= 1 && s[pos] == '0')
    {
      format->fill = '0';
      if (!align_specified && default_align == '>')
        format->align = '=';
      pos++;
    }

  consumed = get_integer (s, n, &pos, &format->width);
  if (consumed < 0)
    goto too_many_digits;
  if (consumed == 0)
    format->width = -1;

  if (n - pos >= 1 && s[pos] == ',')
    {
      format->grouping = ',';
      pos++;
    }
  if (n - pos >= 1 && s[pos] == '_')
    {
      if (format->grouping != 0)
        goto comma_and_underscore;
      format->grouping = '_';
      pos++;
    }
  if (n - pos >= 1 && s[pos] == ',')
    goto comma_and_underscore;

  if (n - pos >= 1 && s[pos] == '.')
    {
      pos++;
      consumed = get_integer (s, n, &pos, &format->precision);
      if (consumed < 0)
        goto too_many_digits;
      if (consumed == 0)
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                               "Format specifier missing precision");
          return FALSE;
        }
    }

  if (n - pos > 1)
    {
      /* GError text is a C string: NULs in the spec are left out (they
       * print as nothing anyway). */
      g_autofree char *text = g_malloc (len + 1);
      gsize k = 0;

      for (gssize i = 0; i < len; i++)
        if (spec[i] != '\0')
          text[k++] = spec[i];
      text[k] = '\0';

      g_set_error (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                   "Invalid format specifier '%s' for object of type '%.200s'",
                   text, type_name);
      return FALSE;
    }
  if (n - pos == 1)
    format->type = s[pos++];

  if (format->grouping != 0)
    {
      switch (format->type)
        {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G':
        case '%': case 'F': case 0:
          break;
        case 'b': case 'o': case 'x': case 'X':
          /* Underscores group hex, octal and binary digits by four. */
          if (format->grouping == '_')
            break;
          G_GNUC_FALLTHROUGH;
        default:
          {
            g_autofree char *code = code_text (format->type);

            g_set_error (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                         "Cannot specify '%c' with %s.", format->grouping, code);
            return FALSE;
          }
        }
    }
  return TRUE;

too_many_digits:
  g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                       "Too many decimal digits in format string");
  return FALSE;

comma_and_underscore:
  g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                       "Cannot specify both ',' and '_'.");
  return FALSE;
}

/* --- laying out numbers ----------------------------------------------- */

/* How the digits of a number are grouped: every `size` digits (0: never)
 * with `sep` in between. */
typedef struct
{
  int  size;
  char sep;
} Grouping;

/* CPython's _PyUnicode_InsertThousandsGrouping: groups digits[0..n_digits)
 * and pads them with zeros (grouped too) up to min_width characters. When
 * out is NULL only counts. Returns the number of characters. */
static gint64
insert_grouping (GString        *out,
                 const char     *digits,
                 gint64          n_digits,
                 gint64          min_width,
                 const Grouping *grouping)
{
  GString *rev = out != NULL ? g_string_new (NULL) : NULL;
  gint64 count = 0, remaining = n_digits, len, n_zeros, n_chars;
  gboolean use_sep = FALSE;
  /* Counting only passes no digits: no arithmetic on NULL (UBSan). */
  const char *dp = digits != NULL ? digits + n_digits : NULL;

  min_width = MAX (0, min_width);

#define EMIT_PIECE()                                                  \
  G_STMT_START {                                                      \
    count += (use_sep ? 1 : 0) + n_zeros + n_chars;                   \
    if (rev != NULL)                                                  \
      {                                                               \
        if (use_sep)                                                  \
          g_string_append_c (rev, grouping->sep);                     \
        for (gint64 k = 0; k < n_chars; k++)                          \
          g_string_append_c (rev, *--dp);                             \
        for (gint64 k = 0; k < n_zeros; k++)                          \
          g_string_append_c (rev, '0');                               \
      }                                                               \
  } G_STMT_END

  if (grouping->size > 0)
    {
      for (;;)
        {
          len = MIN (grouping->size, MAX (MAX (remaining, min_width), 1));
          n_zeros = MAX (0, len - remaining);
          n_chars = MAX (0, MIN (remaining, len));
          EMIT_PIECE ();
          use_sep = TRUE;
          remaining -= n_chars;
          min_width -= len;
          if (remaining <= 0 && min_width <= 0)
            break;
          min_width -= 1;
        }
    }
  else
    {
      len = MAX (MAX (remaining, min_width), 1);
      n_zeros = MAX (0, len - remaining);
      n_chars = MAX (0, MIN (remaining, len));
      EMIT_PIECE ();
    }
#undef EMIT_PIECE

  if (rev != NULL)
    {
      g_strreverse (rev->str);
      g_string_append_len (out, rev->str, rev->len);
      g_string_free (rev, TRUE);
    }
  return count;
}

/* calc_number_widths(): the output is
 * <lpadding><sign><prefix><spadding><grouped digits><decimal><remainder><rpadding> */
typedef struct
{
  gint64 n_lpadding;
  gint64 n_prefix;
  gint64 n_spadding;
  gint64 n_rpadding;
  char   sign;
  gint64 n_sign;
  gint64 n_grouped_digits;
  gint64 n_decimal;
  gint64 n_remainder;
  gint64 n_digits;
  gint64 n_min_width;
} NumberWidths;

static gint64
calc_number_widths (NumberWidths       *w,
                    gint64              n_prefix,
                    char                sign_char,
                    gint64              n_digits,
                    gint64              n_remainder,
                    gboolean            has_decimal,
                    const Grouping     *grouping,
                    const HsFormatSpec *format)
{
  gint64 n_non_digit_non_padding, n_padding;

  memset (w, 0, sizeof *w);
  w->n_digits = n_digits;
  w->n_prefix = n_prefix;
  w->n_decimal = has_decimal ? 1 : 0;
  w->n_remainder = n_remainder;

  switch (format->sign)
    {
    case '+':
      w->n_sign = 1;
      w->sign = sign_char == '-' ? '-' : '+';
      break;
    case ' ':
      w->n_sign = 1;
      w->sign = sign_char == '-' ? '-' : ' ';
      break;
    default:
      if (sign_char == '-')
        {
          w->n_sign = 1;
          w->sign = '-';
        }
    }

  n_non_digit_non_padding = w->n_sign + w->n_prefix + w->n_decimal + w->n_remainder;
  if (format->fill == '0' && format->align == '=')
    w->n_min_width = format->width - n_non_digit_non_padding;

  /* Only 'c' has no digits at all. */
  if (n_digits > 0)
    w->n_grouped_digits = insert_grouping (NULL, NULL, n_digits, w->n_min_width, grouping);

  n_padding = format->width - (n_non_digit_non_padding + w->n_grouped_digits);
  if (n_padding > 0)
    {
      switch (format->align)
        {
        case '<':
          w->n_rpadding = n_padding;
          break;
        case '^':
          w->n_lpadding = n_padding / 2;
          w->n_rpadding = n_padding - w->n_lpadding;
          break;
        case '=':
          w->n_spadding = n_padding;
          break;
        default:
          w->n_lpadding = n_padding;
          break;
        }
    }
  return w->n_lpadding + w->n_sign + w->n_prefix + w->n_spadding
         + w->n_grouped_digits + w->n_decimal + w->n_remainder + w->n_rpadding;
}

/* fill_number(): digits holds the digits, then the decimal point and the
 * remainder; prefix the "0x"-like prefix. */
static void
fill_number (GString            *out,
             const NumberWidths *w,
             const char         *digits,
             const char         *remainder,
             const char         *prefix,
             gunichar            fill,
             const Grouping     *grouping,
             gboolean            upper)
{
  gsize start;

  append_repeat (out, fill, w->n_lpadding);
  if (w->n_sign == 1)
    g_string_append_c (out, w->sign);
  if (w->n_prefix > 0)
    {
      start = out->len;
      g_string_append_len (out, prefix, w->n_prefix);
      if (upper)
        for (gsize i = start; i < out->len; i++)
          out->str[i] = g_ascii_toupper (out->str[i]);
    }
  append_repeat (out, fill, w->n_spadding);
  if (w->n_digits > 0)
    {
      start = out->len;
      insert_grouping (out, digits, w->n_digits, w->n_min_width, grouping);
      if (upper)
        for (gsize i = start; i < out->len; i++)
          out->str[i] = g_ascii_toupper (out->str[i]);
    }
  if (w->n_decimal > 0)
    g_string_append_c (out, '.');
  g_string_append_len (out, remainder, w->n_remainder);
  append_repeat (out, fill, w->n_rpadding);
}

static Grouping
grouping_for (const HsFormatSpec *format)
{
  Grouping g = { 0, 0 };

  /* 'n' uses the C locale: no grouping. */
  if (format->type == 'n' || format->grouping == 0)
    return g;
  g.sep = format->grouping;
  g.size = 3;
  if (format->grouping == '_'
      && (format->type == 'b' || format->type == 'o' || format->type == 'x' || format->type == 'X'))
    g.size = 4;
  return g;
}

/* --- format(float) ---------------------------------------------------- */

static char *
format_float_internal (double              val,
                       const HsFormatSpec *format,
                       gsize              *out_len,
                       GError            **error)
{
  HsFloatFormatFlags flags = 0;
  gunichar type = format->type;
  int precision, default_precision = 6;
  gboolean add_pct = FALSE;
  g_autofree char *buf = NULL;
  const char *digits;
  char sign_char = 0;
  gint64 n_digits = 0, total;
  NumberWidths w;
  Grouping grouping;
  GString *out;

  if (format->precision > G_MAXINT)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE, "precision too big");
      return NULL;
    }
  precision = (int) format->precision;
  if (format->alternate)
    flags |= HS_FLOAT_FORMAT_ALT;
  if (format->no_neg_0)
    flags |= HS_FLOAT_FORMAT_NO_NEG_0;

  if (type == 0)
    {
      /* Like repr() without a precision, else like 'g' but always with a
       * digit after the point. */
      flags |= HS_FLOAT_FORMAT_ADD_DOT_0;
      type = 'r';
      default_precision = 0;
    }
  if (type == 'n')
    type = 'g';
  if (type == '%')
    {
      type = 'f';
      val *= 100;
      add_pct = TRUE;
    }
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';

  if (!check_size (format->width, error))
    return NULL;
  buf = hs_float_format (val, (char) type, precision, flags);
  if (buf == NULL)
    {
      check_size (G_MAXINT64, error);
      return NULL;
    }
  if (add_pct)
    {
      char *t = g_strconcat (buf, "%", NULL);

      g_free (buf);
      buf = t;
    }

  digits = buf;
  if (*digits == '-')
    {
      sign_char = '-';
      digits++;
    }
  while (g_ascii_isdigit (digits[n_digits]))
    n_digits++;

  grouping = grouping_for (format);
  {
    gboolean has_decimal = digits[n_digits] == '.';
    const char *remainder = digits + n_digits + (has_decimal ? 1 : 0);

    total = calc_number_widths (&w, 0, sign_char, n_digits, strlen (remainder),
                                has_decimal, &grouping, format);
    if (!check_size (total, error))
      return NULL;
    out = g_string_sized_new (total + 1);
    fill_number (out, &w, digits, remainder, NULL, format->fill, &grouping, FALSE);
  }
  return finish (out, out_len);
}

/* --- format(int) ------------------------------------------------------ */

static char *
format_long_internal (const HsBigInt     *value,
                      const HsFormatSpec *format,
                      int                 max_str_digits,
                      gsize              *out_len,
                      GError            **error)
{
  g_autofree char *text = NULL;
  const char *digits, *prefix = NULL;
  char sign_char = 0;
  char char_buf[8] = { 0 };
  gint64 n_digits, n_remainder = 0, n_prefix = 0, total;
  NumberWidths w;
  Grouping grouping;
  GString *out;

  if (format->precision != -1)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "Precision not allowed in integer format specifier");
      return NULL;
    }
  if (format->no_neg_0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "Negative zero coercion (z) not allowed in integer format specifier");
      return NULL;
    }
  if (!check_size (format->width, error))
    return NULL;

  if (format->type == 'c')
    {
      gint64 x;

      if (format->sign != 0)
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                               "Sign not allowed with integer format specifier 'c'");
          return NULL;
        }
      if (format->alternate)
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                               "Alternate form (#) not allowed with integer format specifier 'c'");
          return NULL;
        }
      if (!hs_bigint_to_int64 (value, &x))
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                               "Python int too large to convert to C long");
          return NULL;
        }
      if (x < 0 || x > 0x10ffff)
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                               "%c arg not in range(0x110000)");
          return NULL;
        }
      /* The character is laid out as a "remainder": it is not a digit. */
      n_remainder = g_unichar_to_utf8 ((gunichar) x, char_buf);
      digits = char_buf;
      n_digits = 0;
      grouping = grouping_for (format);
      total = calc_number_widths (&w, 0, 0, 0, 1, FALSE, &grouping, format);
      /* One character, possibly several bytes. */
      w.n_remainder = n_remainder;
      if (!check_size (total, error))
        return NULL;
      out = g_string_sized_new (total + 4);
      fill_number (out, &w, digits, char_buf, NULL, format->fill, &grouping, FALSE);
      return finish (out, out_len);
    }
  else
    {
      int base = 10;

      switch (format->type)
        {
        case 'b':
          base = 2;
          prefix = "0b";
          break;
        case 'o':
          base = 8;
          prefix = "0o";
          break;
        case 'x':
        case 'X':
          base = 16;
          prefix = "0x";
          break;
        default:
          break;
        }
      if (format->alternate && prefix != NULL)
        n_prefix = 2;
      text = hs_bigint_to_string (value, base, FALSE, max_str_digits, error);
      if (text == NULL)
        return NULL;
      digits = text;
      if (*digits == '-')
        {
          sign_char = '-';
          digits++;
        }
      n_digits = strlen (digits);
    }

  grouping = grouping_for (format);
  total = calc_number_widths (&w, n_prefix, sign_char, n_digits, n_remainder, FALSE,
                              &grouping, format);
  if (!check_size (total, error))
    return NULL;
  out = g_string_sized_new (total + 1);
  fill_number (out, &w, digits, "", prefix, format->fill, &grouping, format->type == 'X');
  return finish (out, out_len);
}

/**
 * hs_format_int:
 * @type_name: (nullable): "int" by default; "bool" for True/False
 * @max_str_digits: sys.get_int_max_str_digits() (0: no limit)
 * @out_len: (out) (optional): length of the result in bytes
 *
 * format(value, spec) for an int. An empty spec gives str(value); for a
 * subclass such as bool the caller should use str(obj) itself instead
 * (format(True, '') is 'True'). The float types (e, f, g, %) convert the
 * value to float first, failing with OverflowError when it is too large.
 */
char *
hs_format_int (const HsBigInt *value,
               const char     *spec,
               gssize          spec_len,
               const char     *type_name,
               int             max_str_digits,
               gsize          *out_len,
               GError        **error)
{
  HsFormatSpec format;
  double d;

  g_return_val_if_fail (value != NULL && spec != NULL, NULL);

  if (spec_len < 0)
    spec_len = strlen (spec);
  if (type_name == NULL)
    type_name = "int";
  if (spec_len == 0)
    {
      char *s = hs_bigint_to_string (value, 10, FALSE, max_str_digits, error);

      if (s != NULL && out_len != NULL)
        *out_len = strlen (s);
      return s;
    }
  if (!hs_format_spec_parse (spec, spec_len, 'd', '>', type_name, &format, error))
    return NULL;

  switch (format.type)
    {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_long_internal (value, &format, max_str_digits, out_len, error);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      if (!hs_bigint_to_double (value, &d, error))
        return NULL;
      return format_float_internal (d, &format, out_len, error);
    default:
      set_unknown_type_error (error, format.type, type_name);
      return NULL;
    }
}

char *
hs_format_int64 (gint64      value,
                 const char *spec,
                 gssize      spec_len,
                 const char *type_name,
                 gsize      *out_len,
                 GError    **error)
{
  HsBigIntSmall small;

  /* No int64 has more than 19 digits: the str limit cannot apply. */
  return hs_format_int (_hs_bigint_init_small (&small, value), spec, spec_len,
                        type_name, 0, out_len, error);
}

/**
 * hs_format_float:
 *
 * format(value, spec) for a float; an empty spec gives repr(value).
 */
char *
hs_format_float (double      value,
                 const char *spec,
                 gssize      spec_len,
                 const char *type_name,
                 gsize      *out_len,
                 GError    **error)
{
  HsFormatSpec format;

  g_return_val_if_fail (spec != NULL, NULL);

  if (spec_len < 0)
    spec_len = strlen (spec);
  if (type_name == NULL)
    type_name = "float";
  if (spec_len == 0)
    {
      char *s = hs_float_repr (value);

      if (out_len != NULL)
        *out_len = strlen (s);
      return s;
    }
  if (!hs_format_spec_parse (spec, spec_len, 0, '>', type_name, &format, error))
    return NULL;

  switch (format.type)
    {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'n': case '%':
      return format_float_internal (value, &format, out_len, error);
    default:
      set_unknown_type_error (error, format.type, type_name);
      return NULL;
    }
}

/**
 * hs_format_str:
 *
 * format(value, spec) for a str: alignment, fill, width and precision
 * (truncation), all counted in code points.
 */
char *
hs_format_str (const char *value,
               gssize      value_len,
               const char *spec,
               gssize      spec_len,
               const char *type_name,
               gsize      *out_len,
               GError    **error)
{
  HsFormatSpec format;
  gint64 len, lpad, rpad, total;
  GString *out;

  g_return_val_if_fail (value != NULL && spec != NULL, NULL);

  if (value_len < 0)
    value_len = strlen (value);
  if (spec_len < 0)
    spec_len = strlen (spec);
  if (type_name == NULL)
    type_name = "str";
  if (spec_len == 0)
    return dup_result (value, value_len, out_len);
  if (!hs_format_spec_parse (spec, spec_len, 's', '<', type_name, &format, error))
    return NULL;
  if (format.type != 's')
    {
      set_unknown_type_error (error, format.type, type_name);
      return NULL;
    }

  if (format.sign != 0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           format.sign == ' '
                           ? "Space not allowed in string format specifier"
                           : "Sign not allowed in string format specifier");
      return NULL;
    }
  if (format.no_neg_0)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "Negative zero coercion (z) not allowed in string format specifier");
      return NULL;
    }
  if (format.alternate)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "Alternate form (#) not allowed in string format specifier");
      return NULL;
    }
  if (format.align == '=')
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                           "'=' alignment not allowed in string format specifier");
      return NULL;
    }
  if (!check_size (format.width, error))
    return NULL;

  len = utf8_count (value, value_len);
  if (format.precision >= 0 && len >= format.precision)
    len = format.precision;
  total = MAX (len, format.width);
  if (format.align == '>')
    lpad = total - len;
  else if (format.align == '^')
    lpad = (total - len) / 2;
  else
    lpad = 0;
  rpad = total - len - lpad;

  out = g_string_sized_new (value_len + (lpad + rpad) * 4 + 1);
  append_repeat (out, format.fill, lpad);
  g_string_append_len (out, value, utf8_offset (value, value_len, len));
  append_repeat (out, format.fill, rpad);
  return finish (out, out_len);
}

/* --- the % operator --------------------------------------------------- */

/**
 * hs_percent_spec_parse:
 * @pos: (inout): byte offset just after a '%' of @format; on success,
 *   just after the conversion letter
 *
 * Parses one conversion of a %-format string ("%(key)-+ #0*.*ld"), as
 * PyUnicode_Format does. The caller then fetches the arguments in order:
 * the mapping value for a key, a '*' width (see
 * hs_percent_spec_set_width()), a '*' precision, the value; then calls
 * hs_percent_check_conversion() and the formatting function for the
 * conversion. A "%%" escape comes back as conversion '%' with no argument.
 * Errors: ValueError "incomplete format key", "incomplete format",
 * "width too big", "precision too big".
 */
gboolean
hs_percent_spec_parse (const char    *format,
                       gsize          len,
                       gsize         *pos,
                       HsPercentSpec *spec,
                       GError       **error)
{
  gsize p = *pos, char_start;
  gunichar ch = 0;
  gboolean have;

  g_return_val_if_fail (format != NULL && pos != NULL && spec != NULL, FALSE);

  memset (spec, 0, sizeof *spec);
  spec->width = -1;
  spec->precision = -1;

#define NEXT() (have = p < len, char_start = p, ch = have ? utf8_read (format, len, &p) : ch, have)

  char_start = p;
  if (p < len && format[p] == '%')
    {
      spec->conversion = '%';
      spec->is_escape = TRUE;
      spec->conversion_index = utf8_count (format, p);
      *pos = p + 1;
      return TRUE;
    }

  if (p < len && format[p] == '(')
    {
      int depth = 1;

      p++;
      spec->has_key = TRUE;
      spec->key_start = p;
      while (depth > 0 && p < len)
        {
          if (format[p] == ')')
            depth--;
          else if (format[p] == '(')
            depth++;
          p++;
        }
      if (depth > 0)
        {
          g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                               "incomplete format key");
          return FALSE;
        }
      spec->key_len = p - 1 - spec->key_start;
    }

  while (NEXT ())
    {
      switch (ch)
        {
        case '-': spec->flags |= HS_PERCENT_LJUST; continue;
        case '+': spec->flags |= HS_PERCENT_SIGN; continue;
        case ' ': spec->flags |= HS_PERCENT_BLANK; continue;
        case '#': spec->flags |= HS_PERCENT_ALT; continue;
        case '0': spec->flags |= HS_PERCENT_ZERO; continue;
        default: break;
        }
      break;
    }
  if (!have)
    goto incomplete;

  if (ch == '*')
    {
      spec->width_star = TRUE;
      if (!NEXT ())
        goto incomplete;
    }
  else if (ch >= '0' && ch <= '9')
    {
      spec->width = ch - '0';
      while (NEXT ())
        {
          if (ch < '0' || ch > '9')
            break;
          if (spec->width > (G_MAXINT64 - (gint64) (ch - '0')) / 10)
            {
              g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE, "width too big");
              return FALSE;
            }
          spec->width = spec->width * 10 + (ch - '0');
        }
      if (!have)
        goto incomplete;
    }

  if (ch == '.')
    {
      spec->precision = 0;
      if (!NEXT ())
        goto incomplete;
      if (ch == '*')
        {
          spec->precision_star = TRUE;
          if (!NEXT ())
            goto incomplete;
        }
      else if (ch >= '0' && ch <= '9')
        {
          spec->precision = ch - '0';
          while (NEXT ())
            {
              if (ch < '0' || ch > '9')
                break;
              if (spec->precision > (G_MAXINT - (gint64) (ch - '0')) / 10)
                {
                  g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
                                       "precision too big");
                  return FALSE;
                }
              spec->precision = spec->precision * 10 + (ch - '0');
            }
          if (!have)
            goto incomplete;
        }
    }

  /* Length modifiers are accepted and ignored. */
  if (ch == 'h' || ch == 'l' || ch == 'L')
    {
      if (!NEXT ())
        goto incomplete;
    }
#undef NEXT

  /* A '%' here, unlike the immediate "%%", is an unsupported conversion. */
  spec->conversion = ch;
  spec->conversion_index = utf8_count (format, char_start);
  *pos = p;
  return TRUE;

incomplete:
  g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE, "incomplete format");
  return FALSE;
}

/* A '*' width taken from the arguments; negative means left-justified. */
void
hs_percent_spec_set_width (HsPercentSpec *spec,
                           gint64         width)
{
  if (width < 0)
    {
      spec->flags |= HS_PERCENT_LJUST;
      width = width == G_MININT64 ? G_MAXINT64 : -width;
    }
  spec->width = width;
}

void
hs_percent_spec_set_precision (HsPercentSpec *spec,
                               gint64         precision)
{
  spec->precision = MAX (precision, 0);
}

/**
 * hs_percent_check_conversion:
 *
 * ValueError "unsupported format character 'y' (0x79) at index 1" for a
 * conversion letter outside "sradiuoxXeEfFgGc". CPython reports it after
 * fetching the argument, so call it then.
 */
gboolean
hs_percent_check_conversion (const HsPercentSpec *spec,
                             GError             **error)
{
  gunichar c = spec->conversion;

  if (spec->is_escape || (c != 0 && c < 128 && strchr ("sradiuoxXeEfFgGc", (int) c) != NULL))
    return TRUE;
  g_set_error (error, HS_NUM_ERROR, HS_NUM_ERROR_VALUE,
               "unsupported format character '%c' (0x%x) at index %" G_GSIZE_FORMAT,
               (c >= 31 && c <= 126) ? (char) c : '?', (unsigned int) c,
               spec->conversion_index);
  return FALSE;
}

/**
 * hs_percent_char_code:
 *
 * The character of "%c" % value; OverflowError
 * "%c arg not in range(0x110000)" otherwise.
 */
gboolean
hs_percent_char_code (const HsBigInt *value,
                      gunichar       *out,
                      GError        **error)
{
  gint64 x;

  if (!hs_bigint_to_int64 (value, &x) || x < 0 || x > 0x10ffff)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW,
                           "%c arg not in range(0x110000)");
      return FALSE;
    }
  *out = (gunichar) x;
  return TRUE;
}

/* unicode_format_arg_output(): pads str for the spec; numeric
 * conversions (has_sign) handle the sign, the 0 flag and "0x" prefixes. */
static char *
percent_output (const HsPercentSpec *spec,
                gboolean             has_sign,
                const char          *str,
                gsize                str_len,
                gsize               *out_len,
                GError             **error)
{
  gunichar ch = spec->conversion;
  gboolean alt_prefix = (spec->flags & HS_PERCENT_ALT) && (ch == 'x' || ch == 'X' || ch == 'o');
  gunichar fill = has_sign && (spec->flags & HS_PERCENT_ZERO) ? '0' : ' ';
  gint64 width = spec->width, len;
  gsize pindex = 0;
  char signchar = 0;
  GString *out;

  if (!check_size (width, error))
    return NULL;
  len = utf8_count (str, str_len);
  if ((ch == 's' || ch == 'r' || ch == 'a') && spec->precision >= 0 && len > spec->precision)
    len = spec->precision;

  if (has_sign)
    {
      if (str[0] == '-' || str[0] == '+')
        {
          signchar = str[0];
          len--;
          pindex++;
        }
      else if (spec->flags & HS_PERCENT_SIGN)
        signchar = '+';
      else if (spec->flags & HS_PERCENT_BLANK)
        signchar = ' ';
      else
        has_sign = FALSE;
    }
  if (width < len)
    width = len;

  out = g_string_sized_new (str_len + MAX (width, 0) + 2);
  if (has_sign)
    {
      if (fill != ' ')
        g_string_append_c (out, signchar);
      if (width > len)
        width--;
    }
  if (alt_prefix)
    {
      if (fill != ' ')
        {
          g_string_append_len (out, str + pindex, 2);
          pindex += 2;
        }
      width -= 2;
      if (width < 0)
        width = 0;
      len -= 2;
    }
  if (width > len && !(spec->flags & HS_PERCENT_LJUST))
    {
      append_repeat (out, fill, width - len);
      width = len;
    }
  if (fill == ' ')
    {
      if (has_sign)
        g_string_append_c (out, signchar);
      if (alt_prefix)
        {
          g_string_append_len (out, str + pindex, 2);
          pindex += 2;
        }
    }
  {
    const char *body = str + pindex;
    gsize avail = str_len - pindex;

    g_string_append_len (out, body, utf8_offset (body, avail, (gsize) MAX (len, 0)));
  }
  if (width > len)
    append_repeat (out, ' ', width - len);
  return finish (out, out_len);
}

/**
 * hs_percent_format_int:
 *
 * One 'd', 'i', 'u', 'o', 'x' or 'X' conversion of an int (the caller
 * converts floats with int() for d/i/u, and requires __index__ for o/x/X).
 */
char *
hs_percent_format_int (const HsPercentSpec *spec,
                       const HsBigInt      *value,
                       int                  max_str_digits,
                       gsize               *out_len,
                       GError             **error)
{
  gunichar type = spec->conversion;
  int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  gint64 prec = spec->precision;
  g_autofree char *text = NULL;
  GString *s;
  gsize sign, numnondigits, numdigits;

  if (prec > G_MAXINT - 3)
    {
      g_set_error_literal (error, HS_NUM_ERROR, HS_NUM_ERROR_OVERFLOW, "precision too large");
      return NULL;
    }
  if (!check_size (prec, error))
    return NULL;
  text = hs_bigint_to_string (value, base, base != 10, max_str_digits, error);
  if (text == NULL)
    return NULL;

  /* _PyUnicode_FormatLong() */
  s = g_string_new (text);
  sign = s->str[0] == '-' ? 1 : 0;
  numnondigits = (base != 10 ? 2 : 0) + sign;
  numdigits = s->len - numnondigits;
  if (!(spec->flags & HS_PERCENT_ALT) && base != 10)
    {
      g_string_erase (s, sign, 2);
      numnondigits -= 2;
    }
  if (prec > (gint64) numdigits)
    {
      g_autofree char *zeros = g_strnfill (prec - numdigits, '0');

      g_string_insert (s, numnondigits, zeros);
    }
  if (type == 'X')
    for (gsize i = 0; i < s->len; i++)
      if (s->str[i] >= 'a' && s->str[i] <= 'x')
        s->str[i] -= 'a' - 'A';

  {
    char *result = percent_output (spec, TRUE, s->str, s->len, out_len, error);

    g_string_free (s, TRUE);
    return result;
  }
}

/**
 * hs_percent_format_float:
 *
 * One 'e', 'E', 'f', 'F', 'g' or 'G' conversion (precision 6 by default).
 */
char *
hs_percent_format_float (const HsPercentSpec *spec,
                         double               value,
                         gsize               *out_len,
                         GError             **error)
{
  int prec = spec->precision < 0 ? 6 : (int) MIN (spec->precision, G_MAXINT);
  g_autofree char *text = NULL;

  text = hs_float_format (value, (char) spec->conversion, prec,
                          (spec->flags & HS_PERCENT_ALT) ? HS_FLOAT_FORMAT_ALT : 0);
  if (text == NULL)
    {
      check_size (G_MAXINT64, error);
      return NULL;
    }
  return percent_output (spec, TRUE, text, strlen (text), out_len, error);
}

/**
 * hs_percent_format_text:
 * @text: str(), repr() or ascii() of the value for 's', 'r', 'a'; the
 *   character for 'c'
 *
 * Pads (and for s/r/a truncates to the precision) an already converted
 * text; the 0, + and space flags do not apply to text.
 */
char *
hs_percent_format_text (const HsPercentSpec *spec,
                        const char          *text,
                        gssize               len,
                        gsize               *out_len,
                        GError             **error)
{
  if (len < 0)
    len = strlen (text);
  return percent_output (spec, FALSE, text, len, out_len, error);
}
