/* numeric-util.c — helpers shared by the numeric tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "numeric-util.h"

static const char *
error_kind (const GError *error)
{
  g_assert_true (error->domain == HS_NUM_ERROR);
  switch (error->code)
    {
    case HS_NUM_ERROR_VALUE:
      return "ValueError";
    case HS_NUM_ERROR_ZERO_DIVISION:
      return "ZeroDivisionError";
    case HS_NUM_ERROR_OVERFLOW:
      return "OverflowError";
    case HS_NUM_ERROR_MEMORY:
      return "MemoryError";
    case HS_NUM_ERROR_NOT_IMPLEMENTED:
      return "NotImplementedError";
    default:
      g_assert_not_reached ();
    }
}

/* "!Kind: message", the form the tables use for exceptions. */
char *
error_text (const GError *error)
{
  return g_strdup_printf ("!%s: %s", error_kind (error), error->message);
}

/* Decimal text, or the "1eN" shorthand the tables use for 10**N. */
HsBigInt *
big (const char *text)
{
  g_autoptr(GError) error = NULL;
  HsBigInt *value;

  if (text[0] == '1' && text[1] == 'e')
    {
      g_autoptr(HsBigInt) ten = hs_bigint_new_from_int64 (10);
      g_autoptr(HsBigInt) n = hs_bigint_new_from_int64 (g_ascii_strtoll (text + 2, NULL, 10));

      value = hs_bigint_pow (ten, n, &error);
    }
  else
    value = hs_bigint_new_from_string (text, -1, 10, 0, &error);
  g_assert_no_error (error);
  return value;
}

static char *
big_text (const HsBigInt *value)
{
  return hs_bigint_to_string (value, 10, FALSE, 0, NULL);
}

/* Checks an int result (or its error) against a table's text. */
void
check_big (HsBigInt     *result,
           const GError *error,
           const char   *expected)
{
  g_autofree char *text = NULL;

  if (result == NULL)
    {
      g_assert_nonnull (error);
      text = error_text (error);
    }
  else
    {
      g_assert_null (error);
      if (g_str_has_prefix (expected, "len:"))
        {
          g_auto(GStrv) parts = g_strsplit (expected, ":", 3);
          g_autofree char *digits = big_text (result);

          g_assert_cmpuint (strlen (digits), ==, g_ascii_strtoull (parts[1], NULL, 10));
          g_assert_cmpint (hs_bigint_hash (result), ==, g_ascii_strtoll (parts[2], NULL, 10));
          hs_bigint_free (result);
          return;
        }
      text = big_text (result);
      hs_bigint_free (result);
    }
  g_assert_cmpstr (text, ==, expected);
}

/* Same bits (so -0.0 differs from 0.0), or both NaN. */
void
assert_same_double (double got,
                    double expected)
{
  if (isnan (expected))
    {
      g_assert_true (isnan (got));
      return;
    }
  g_assert_cmpfloat (got, ==, expected);
  g_assert_cmpint (!!signbit (got), ==, !!signbit (expected));
}

void
check_double (gboolean      ok,
              double        got,
              const GError *error,
              double        expected,
              const char   *expected_error)
{
  if (expected_error != NULL)
    {
      g_autofree char *text = NULL;

      g_assert_false (ok);
      text = error_text (error);
      g_assert_cmpstr (text, ==, expected_error);
      return;
    }
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_same_double (got, expected);
}
