/* test-numeric-float.c — the numeric core against CPython 3.11: floats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value below was printed by python3 (3.11.7) from the
 * Python expression the table row describes, and pasted here unchanged:
 * floats as float.hex() literals, results as str()/repr()/format() text,
 * exceptions as "!ExceptionName: message". Long inputs are stored as a unit
 * repeated count times plus a tail; results longer than 200 digits as
 * "len:<digits>:<hash>".
 *
 * Ints and format() are tested in test-numeric.c; the helpers that read
 * these notations are in numeric-util.c.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-bigint.h"
#include "hs-float.h"

#include "numeric-util.h"

typedef struct
{
  double      value;
  const char *expected;
} ReprCase;

typedef struct
{
  const char *op;
  double      x;
  double      y;
  double      expected;
  const char *error;
} FloatOpCase;

typedef struct
{
  double      x;
  gint64      ndigits;
  double      expected;
  const char *error;
} RoundCase;

typedef struct
{
  double      x;
  const char *expected;
} RoundIntCase;

typedef struct
{
  double value;
  gint64 hash;
} FloatHashCase;

typedef struct
{
  const char *text;
  gsize       len;
  double      expected;
  const char *error;
} FloatParseCase;

typedef struct
{
  double      x;
  const char *i;
  int         expected;
} FloatCmpCase;

/* repr(x) from python3 */
static const ReprCase repr_cases[] = {
  { 0x1.3333333333334p-2, "0.30000000000000004" }, /* 0.1 + 0.2 */
  { 0x1.1c37937e08000p+53, "1e+16" }, /* 1e16 */
  { 0x1.c6bf526340000p+49, "1000000000000000.0" }, /* 1e15 */
  { 0x1.4f8b588e368f1p-17, "1e-05" }, /* 1e-5 */
  { 0x1.a36e2eb1c432dp-14, "0.0001" }, /* 1e-4 */
  { 0x0.0000000000001p-1022, "5e-324" }, /* 5e-324 */
  { 0x1.fffffffffffffp+1023, "1.7976931348623157e+308" }, /* 1.7976931348623157e308 */
  { 0x1.0000000000000p-1022, "2.2250738585072014e-308" }, /* 2.2250738585072014e-308 */
  { 0x1.999999999999ap-4, "0.1" }, /* 0.1 */
  { 0x1.5555555555555p-2, "0.3333333333333333" }, /* 1/3 */
  { 0x1.9000000000000p+6, "100.0" }, /* 100.0 */
  { -0.0, "-0.0" }, /* -0.0 */
  { 0.0, "0.0" }, /* 0.0 */
  { 0x1.c12218377de6bp+46, "123456789012345.67" }, /* 123456789012345.67 */
  { 0x1.0000000000001p+50, "1125899906842624.2" }, /* 2.0**50 + 0.25 */
  { 0x0.0000000000003p-1022, "1.5e-323" }, /* 2.0**-1074 * 3 */
  { 0x1.0f0cf064dd592p+73, "1e+22" }, /* 1e22 */
  { 0x1.0000000000000p+63, "9.223372036854776e+18" }, /* 2.0**63 */
  { 0x1.0000000000000p-10, "0.0009765625" }, /* 2.0**-10 */
  { INFINITY, "inf" }, /* float("inf") */
  { -INFINITY, "-inf" }, /* -float("inf") */
  { NAN, "nan" }, /* float("nan") */
  { 0x1.0000000000000p+53, "9007199254740992.0" }, /* 9007199254740993.0 */
  { 0x1.3333333333334p-2, "0.30000000000000004" }, /* 0.30000000000000004 */
  { 0x1.8000000000000p+0, "1.5" }, /* 1.5 */
  { 0x1.4000000000000p+1, "2.5" }, /* 2.5 */
  { 0x1.c000000000000p+1, "3.5" }, /* 3.5 */
  { 0x1.ddd4baa009303p+999, "1e+301" }, /* 1e300 * 10 */
  { 0x1.6b082c2148b8ep-60, "1.23e-18" }, /* 123e-20 */
  { 0x1.1666666666666p+2, "4.35" }, /* 4.35 */
  { 0x1.56a95319d63e1p+63, "1.2345678901234567e+19" }, /* 12345678901234567890.0 */
  { 0x1.0000000000000p+1023, "8.98846567431158e+307" }, /* 2.0**1023 */
  { -0x1.ad7f29abcaf48p-24, "-1e-07" }, /* -1e-7 */
};

/* op, x, y, expected result (python3) or exception */
static const FloatOpCase float_op_cases[] = {
  { "//", -0x1.e000000000000p+2, 0x1.0000000000000p+1, -0x1.0000000000000p+2, NULL },
  { "%", -0x1.e000000000000p+2, 0x1.0000000000000p+1, 0x1.0000000000000p-1, NULL },
  { "//", 0x1.e000000000000p+2, -0x1.0000000000000p+1, -0x1.0000000000000p+2, NULL },
  { "%", 0x1.e000000000000p+2, -0x1.0000000000000p+1, -0x1.0000000000000p-1, NULL },
  { "%", -0.0, 0x1.4000000000000p+2, 0.0, NULL },
  { "%", 0.0, -0x1.4000000000000p+2, -0.0, NULL },
  { "%", -0x1.56e1fc2f8f359p-997, 0x1.0000000000000p+0, 0x1.0000000000000p+0, NULL },
  { "//", 0x1.4000000000000p+2, INFINITY, 0.0, NULL },
  { "//", -0x1.4000000000000p+2, INFINITY, -0x1.0000000000000p+0, NULL },
  { "%", -0x1.4000000000000p+2, INFINITY, INFINITY, NULL },
  { "%", 0x1.4000000000000p+2, -INFINITY, -INFINITY, NULL },
  { "//", INFINITY, 0x1.0000000000000p+1, -NAN, NULL },
  { "//", 0x1.0000000000000p+0, 0.0, 0.0, "!ZeroDivisionError: float floor division by zero" },
  { "%", 0x1.0000000000000p+0, 0.0, 0.0, "!ZeroDivisionError: float modulo" },
  { "/", 0x1.0000000000000p+0, 0.0, 0.0, "!ZeroDivisionError: float division by zero" },
  { "//", -0.0, 0x1.8000000000000p+1, -0.0, NULL },
  { "%", 0x1.1ccf385ebc8a0p+1023, 0x0.730d67819e8d2p-1022, 0x0.28401cf53d610p-1022, NULL },
  { "//", 0x1.1ccf385ebc8a0p+1023, 0x0.730d67819e8d2p-1022, INFINITY, NULL },
  { "**", 0.0, -0x1.0000000000000p+0, 0.0, "!ZeroDivisionError: 0.0 cannot be raised to a negative power" },
  { "**", -0.0, -0x1.8000000000000p+0, 0.0, "!ZeroDivisionError: 0.0 cannot be raised to a negative power" },
  { "**", -0x1.0000000000000p+3, 0x1.5555555555555p-2, 0.0, "!NotImplementedError: negative number cannot be raised to a fractional power" },
  { "**", 0x1.4000000000000p+3, 0x1.9000000000000p+8, 0.0, "!OverflowError: (34, 'Numerical result out of range')" },
  { "**", -0x1.0000000000000p+1, 0x1.0040000000000p+10, 0.0, "!OverflowError: (34, 'Numerical result out of range')" },
  { "**", 0x1.0000000000000p+1, -0x1.f400000000000p+10, 0.0, NULL },
  { "**", -0x1.0000000000000p+3, 0x1.0000000000000p+1, 0x1.0000000000000p+6, NULL },
  { "**", 0.0, 0.0, 0x1.0000000000000p+0, NULL },
  { "**", NAN, 0.0, 0x1.0000000000000p+0, NULL },
  { "**", 0x1.0000000000000p+0, NAN, 0x1.0000000000000p+0, NULL },
  { "**", -0x1.0000000000000p+0, INFINITY, 0x1.0000000000000p+0, NULL },
  { "**", -0x1.0000000000000p+1, INFINITY, INFINITY, NULL },
  { "**", -INFINITY, 0x1.8000000000000p+1, -INFINITY, NULL },
  { "**", -INFINITY, -0x1.8000000000000p+1, -0.0, NULL },
  { "**", -0x1.0000000000000p+0, 0x1.7e43c8800759cp+996, 0x1.0000000000000p+0, NULL },
  { "**", -0.0, 0x1.8000000000000p+1, -0.0, NULL },
};

/* round(x, n) and round(x) from python3 ("!" marks the exception) */
static const RoundCase round_cases[] = {
  { 0x1.5666666666666p+1, 2, 0x1.55c28f5c28f5cp+1, NULL },
  { 0x1.4000000000000p+1, 0, 0x1.0000000000000p+1, NULL },
  { 0x1.c000000000000p+1, 0, 0x1.0000000000000p+2, NULL },
  { -0x1.4000000000000p+1, 0, -0x1.0000000000000p+1, NULL },
  { 0x1.0000000000000p-3, 2, 0x1.eb851eb851eb8p-4, NULL },
  { 0x1.8000000000000p+0, -1, 0.0, NULL },
  { 0x1.e000000000000p+3, -1, 0x1.4000000000000p+4, NULL },
  { 0x1.9000000000000p+4, -1, 0x1.4000000000000p+4, NULL },
  { 0x1.2b00000000000p+7, -2, 0x1.9000000000000p+6, NULL },
  { -0x1.999999999999ap-2, 0, -0.0, NULL },
  { -0.0, 1, -0.0, NULL },
  { 0x1.e240c9fbe76c9p+16, -3, 0x1.e078000000000p+16, NULL },
  { 0x1.7e43c8800759cp+996, -301, 0.0, NULL },
  { 0x1.fffffffffffffp+1023, -308, 0.0, "!OverflowError: rounded value too large to represent" },
  { 0x0.0000000000001p-1022, 400, 0x0.0000000000001p-1022, NULL },
  { 0x0.0000000000001p-1022, 323, 0.0, NULL },
  { 0x1.0000000000000p-1, 0, 0.0, NULL },
  { 0x1.1666666666666p+2, 1, 0x1.1333333333333p+2, NULL },
  { INFINITY, 2, INFINITY, NULL },
  { NAN, 1, NAN, NULL },
  { 0x1.0f7bfe5db09ebp-33, 15, 0x1.0f7c1cc637469p-33, NULL },
  { 0x1.d6f34588fcd68p+29, 3, 0x1.d6f34588fbe77p+29, NULL },
  { -0x1.81c8000000000p+13, -5, -0.0, NULL },
};

static const RoundIntCase round_int_cases[] = {
  { 0x1.4000000000000p+1, "2" },
  { 0x1.c000000000000p+1, "4" },
  { -0x1.4000000000000p+1, "-2" },
  { -0x1.0000000000000p-1, "0" },
  { 0x1.0000000000000p-1, "0" },
  { 0x1.8000000000000p+0, "2" },
  { -0x1.8000000000000p+0, "-2" },
  { 0x1.3ffffffffffffp+1, "2" },
  { 0x1.5af1d78b58c40p+66, "100000000000000000000" },
  { -0x1.7e43c8800759cp+996, "-1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160" },
  { 0x1.0000000000001p+52, "4503599627370497" },
  { INFINITY, "!OverflowError: cannot convert float infinity to integer" },
  { NAN, "!ValueError: cannot convert float NaN to integer" },
  { 0x1.fffffffffffffp-2, "0" },
};

/* hash(x) from python3 */
static const FloatHashCase float_hash_cases[] = {
  { 0x1.8000000000000p+0, G_GINT64_CONSTANT (1152921504606846977) },
  { -0x1.0000000000000p+0, G_GINT64_CONSTANT (-2) },
  { 0x1.999999999999ap-4, G_GINT64_CONSTANT (230584300921369408) },
  { 0x1.7e43c8800759cp+996, G_GINT64_CONSTANT (1224995262755759164) },
  { INFINITY, G_GINT64_CONSTANT (314159) },
  { -INFINITY, G_GINT64_CONSTANT (-314159) },
  { -0.0, G_GINT64_CONSTANT (0) },
  { 0.0, G_GINT64_CONSTANT (0) },
  { 0x1.0000000000000p+61, G_GINT64_CONSTANT (1) },
  { -0x1.4000000000000p+1, G_GINT64_CONSTANT (-1152921504606846978) },
  { 0x0.0000000000001p-1022, G_GINT64_CONSTANT (16777216) },
  { 0x1.921fb54442d18p+1, G_GINT64_CONSTANT (326490430436040707) },
  { 0x1.fffffffffffffp+1023, G_GINT64_CONSTANT (2234066890152476671) },
  { 0x1.ffffffffffffep+60, G_GINT64_CONSTANT (2305843009213693440) },
  { -0x1.0000000000000p+60, G_GINT64_CONSTANT (-1152921504606846976) },
};

/* float(text) from python3 */
static const FloatParseCase float_parse_cases[] = {
  { "1.5", 3, 0x1.8000000000000p+0, NULL },
  { "  -0.25  ", 9, -0x1.0000000000000p-2, NULL },
  { "1_000.5", 7, 0x1.f440000000000p+9, NULL },
  { "1_.5", 4, 0.0, "!ValueError: could not convert string to float: '1_.5'" },
  { "1__0", 4, 0.0, "!ValueError: could not convert string to float: '1__0'" },
  { "_1", 2, 0.0, "!ValueError: could not convert string to float: '_1'" },
  { "1_", 2, 0.0, "!ValueError: could not convert string to float: '1_'" },
  { "1e1_0", 5, 0x1.2a05f20000000p+33, NULL },
  { "1_e5", 4, 0.0, "!ValueError: could not convert string to float: '1_e5'" },
  { "1e_5", 4, 0.0, "!ValueError: could not convert string to float: '1e_5'" },
  { "1._5", 4, 0.0, "!ValueError: could not convert string to float: '1._5'" },
  { "inf", 3, INFINITY, NULL },
  { "-Infinity", 9, -INFINITY, NULL },
  { "nan", 3, NAN, NULL },
  { "-nan", 4, -NAN, NULL },
  { "infinit", 7, 0.0, "!ValueError: could not convert string to float: 'infinit'" },
  { "infinityx", 9, 0.0, "!ValueError: could not convert string to float: 'infinityx'" },
  { "in_f", 4, 0.0, "!ValueError: could not convert string to float: 'in_f'" },
  { "0x1p3", 5, 0.0, "!ValueError: could not convert string to float: '0x1p3'" },
  { "1e", 2, 0.0, "!ValueError: could not convert string to float: '1e'" },
  { ".", 1, 0.0, "!ValueError: could not convert string to float: '.'" },
  { ".5", 2, 0x1.0000000000000p-1, NULL },
  { "5.", 2, 0x1.4000000000000p+2, NULL },
  { "+.5e-3", 6, 0x1.0624dd2f1a9fcp-11, NULL },
  { "1e400", 5, INFINITY, NULL },
  { "-1e400", 6, -INFINITY, NULL },
  { "1e-400", 6, 0.0, NULL },
  { "\331\241.\331\245", 5, 0x1.8000000000000p+0, NULL },
  { "\343\200\200 3.5\302\240", 9, 0x1.c000000000000p+1, NULL },
  { "x", 1, 0.0, "!ValueError: could not convert string to float: 'x'" },
  { "", 0, 0.0, "!ValueError: could not convert string to float: ''" },
  { "it's", 4, 0.0, "!ValueError: could not convert string to float: \"it's\"" },
  { "a\012b", 3, 0.0, "!ValueError: could not convert string to float: 'a\\nb'" },
  { "1.5\000", 4, 0.0, "!ValueError: could not convert string to float: '1.5\\x00'" },
  { "\303\251", 2, 0.0, "!ValueError: could not convert string to float: '\303\251'" },
  { "\302\205 1 \302\240", 7, 0x1.0000000000000p+0, NULL },
  { "0.1", 3, 0x1.999999999999ap-4, NULL },
  { "2.2250738585072011e-308", 23, 0x0.fffffffffffffp-1022, NULL },
  { "4.9e-324", 8, 0x0.0000000000001p-1022, NULL },
  { "2.4703282292062328e-324", 23, 0x0.0000000000001p-1022, NULL },
  { "2.4703282292062327e-324", 23, 0.0, NULL },
  { "1.7976931348623158e308", 22, 0x1.fffffffffffffp+1023, NULL },
  { "1.7976931348623159e308", 22, INFINITY, NULL },
  { "123456789012345678901234567890", 30, 0x1.8ee90ff6c373ep+96, NULL },
  { "9007199254740993", 16, 0x1.0000000000000p+53, NULL },
};

/* (x > i) - (x < i) from python3; 2 stands for "unordered" (NaN) */
static const FloatCmpCase float_cmp_cases[] = {
  { 0x1.0000000000000p+53, "9007199254740993", -1 },
  { 0x1.0000000000000p+53, "9007199254740992", 0 },
  { 0x1.7e43c8800759cp+996, "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 1 },
  { -0x1.7e43c8800759cp+996, "-1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", -1 },
  { 0x1.0000000000000p-1, "0", 1 },
  { -0x1.0000000000000p-1, "0", -1 },
  { 0.0, "0", 0 },
  { -0.0, "0", 0 },
  { INFINITY, "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", 1 },
  { -INFINITY, "-10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", -1 },
  { NAN, "1", 2 },
  { 0x1.0000000000000p+63, "9223372036854775807", 1 },
  { -0x1.0000000000000p+63, "-9223372036854775808", 0 },
  { 0x1.ef00000000000p+6, "123", 1 },
  { -0x1.ef00000000000p+6, "-123", -1 },
  { 0x1.0000000000000p+1023, "89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068609", -1 },
  { 0x1.0000000000000p+2, "5", -1 },
};

/* --- float ------------------------------------------------------------ */

static void
test_float_repr (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (repr_cases); i++)
    {
      g_autofree char *text = hs_float_repr (repr_cases[i].value);

      g_assert_cmpstr (text, ==, repr_cases[i].expected);
    }
}

static void
test_float_ops (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (float_op_cases); i++)
    {
      const FloatOpCase *c = &float_op_cases[i];
      g_autoptr(GError) error = NULL;
      double r = 0;
      gboolean ok;

      if (g_str_equal (c->op, "//"))
        ok = hs_float_floordiv (c->x, c->y, &r, &error);
      else if (g_str_equal (c->op, "%"))
        ok = hs_float_mod (c->x, c->y, &r, &error);
      else if (g_str_equal (c->op, "/"))
        ok = hs_float_div (c->x, c->y, &r, &error);
      else if (g_str_equal (c->op, "**"))
        ok = hs_float_pow (c->x, c->y, &r, &error);
      else
        g_assert_not_reached ();
      check_double (ok, r, error, c->expected, c->error);
    }
}

static void
test_float_divmod (void)
{
  /* divmod(-7.5, 2) == (-4.0, 0.5); divmod(1.0, 0.0) fails */
  g_autoptr(GError) error = NULL;
  double q = 0, r = 0;

  g_assert_true (hs_float_divmod (-7.5, 2.0, &q, &r, &error));
  assert_same_double (q, -4.0);
  assert_same_double (r, 0.5);
  g_assert_false (hs_float_divmod (1.0, 0.0, &q, &r, &error));
  g_assert_error (error, HS_NUM_ERROR, HS_NUM_ERROR_ZERO_DIVISION);
  g_assert_cmpstr (error->message, ==, "float divmod()");
}

static void
test_float_round (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (round_cases); i++)
    {
      const RoundCase *c = &round_cases[i];
      g_autoptr(GError) error = NULL;
      double r = 0;
      gboolean ok = hs_float_round (c->x, c->ndigits, &r, &error);

      check_double (ok, r, error, c->expected, c->error);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (round_int_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HsBigInt *r = hs_float_round_to_int (round_int_cases[i].x, &error);

      check_big (r, error, round_int_cases[i].expected);
    }
}

static void
test_float_hash (void)
{
  gint64 h = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (float_hash_cases); i++)
    {
      g_assert_true (hs_float_hash (float_hash_cases[i].value, &h));
      g_assert_cmpint (h, ==, float_hash_cases[i].hash);
    }
  /* NaN hashes by identity (3.10+): the caller hashes the object. */
  g_assert_false (hs_float_hash (NAN, &h));
  g_assert_cmpint (hs_hash_pointer (GSIZE_TO_POINTER (0x1000)), ==, 0x100);
  g_assert_cmpint (hs_hash_pointer (GSIZE_TO_POINTER (0xf)), ==, (gint64) G_GUINT64_CONSTANT (0xf000000000000000));
}

static void
test_float_parse (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (float_parse_cases); i++)
    {
      const FloatParseCase *c = &float_parse_cases[i];
      g_autoptr(GError) error = NULL;
      double r = 0;
      gboolean ok = hs_float_from_string (c->text, c->len, &r, &error);

      check_double (ok, r, error, c->expected, c->error);
    }
}

static void
test_float_compare (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (float_cmp_cases); i++)
    {
      const FloatCmpCase *c = &float_cmp_cases[i];
      g_autoptr(HsBigInt) n = big (c->i);
      gint64 small;
      int r = 2;

      if (!hs_float_compare_bigint (c->x, n, &r))
        r = 2;
      g_assert_cmpint (r, ==, c->expected);
      if (hs_bigint_to_int64 (n, &small))
        {
          r = 2;
          if (!hs_float_compare_int64 (c->x, small, &r))
            r = 2;
          g_assert_cmpint (r, ==, c->expected);
        }
    }
}

static void
test_float_misc (void)
{
  /* (0.1).as_integer_ratio() and (-2.5).as_integer_ratio() from python3 */
  HsBigInt *num = NULL, *den = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_float_as_integer_ratio (0.1, &num, &den, NULL));
  check_big (num, NULL, "3602879701896397");
  check_big (den, NULL, "36028797018963968");
  g_assert_true (hs_float_as_integer_ratio (-2.5, &num, &den, NULL));
  check_big (num, NULL, "-5");
  check_big (den, NULL, "2");
  g_assert_false (hs_float_as_integer_ratio (INFINITY, &num, &den, &error));
  g_assert_cmpstr (error->message, ==, "cannot convert Infinity to integer ratio");

  g_assert_true (hs_float_is_integer (-3.0));
  g_assert_false (hs_float_is_integer (3.5));
  g_assert_false (hs_float_is_integer (INFINITY));
  g_assert_false (hs_float_is_integer (NAN));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/numeric/float/repr", test_float_repr);
  g_test_add_func ("/numeric/float/ops", test_float_ops);
  g_test_add_func ("/numeric/float/divmod", test_float_divmod);
  g_test_add_func ("/numeric/float/round", test_float_round);
  g_test_add_func ("/numeric/float/hash", test_float_hash);
  g_test_add_func ("/numeric/float/parse", test_float_parse);
  g_test_add_func ("/numeric/float/compare", test_float_compare);
  g_test_add_func ("/numeric/float/misc", test_float_misc);

  return g_test_run ();
}
