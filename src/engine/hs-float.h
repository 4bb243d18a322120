/* hs-float.h — float behaviour exactly as CPython 3.11 (repr, //, %, **, round, hash)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain double helpers for the object layer. Everything is independent of
 * the C locale. Errors use the HS_NUM_ERROR domain of hs-bigint.h, with
 * CPython's messages.
 */
#pragma once

#include <glib.h>

#include "hs-bigint.h"

G_BEGIN_DECLS

/* Flags of PyOS_double_to_string(). */
typedef enum
{
  HS_FLOAT_FORMAT_SIGN      = 1 << 0,  /* always write a sign */
  HS_FLOAT_FORMAT_ADD_DOT_0 = 1 << 1,  /* never look like an integer: "1.0" */
  HS_FLOAT_FORMAT_ALT       = 1 << 2,  /* the '#' alternate form */
  HS_FLOAT_FORMAT_NO_NEG_0  = 1 << 3,  /* the 'z' option: "-0.0" becomes "0.0" */
} HsFloatFormatFlags;

/* Longest text hs_float_format() agrees to produce; beyond it returns NULL
 * and the caller raises MemoryError. */
#define HS_FLOAT_FORMAT_MAX_LENGTH (1 << 24)

/* Text */
char     *hs_float_repr              (double              x);
char     *hs_float_format            (double              x,
                                      char                code,
                                      int                 precision,
                                      HsFloatFormatFlags  flags);
gboolean  hs_float_from_string       (const char         *str,
                                      gssize              len,
                                      double             *out,
                                      GError            **error);

/* Arithmetic with Python's semantics */
gboolean  hs_float_div               (double              a,
                                      double              b,
                                      double             *out,
                                      GError            **error);
gboolean  hs_float_floordiv          (double              a,
                                      double              b,
                                      double             *out,
                                      GError            **error);
gboolean  hs_float_mod               (double              a,
                                      double              b,
                                      double             *out,
                                      GError            **error);
gboolean  hs_float_divmod            (double              a,
                                      double              b,
                                      double             *floordiv,
                                      double             *mod,
                                      GError            **error);
gboolean  hs_float_pow               (double              a,
                                      double              b,
                                      double             *out,
                                      GError            **error);

/* round(), int(), hash() and friends */
HsBigInt *hs_float_round_to_int      (double              x,
                                      GError            **error);
gboolean  hs_float_round             (double              x,
                                      gint64              ndigits,
                                      double             *out,
                                      GError            **error);
gboolean  hs_float_as_integer_ratio  (double              x,
                                      HsBigInt          **numerator,
                                      HsBigInt          **denominator,
                                      GError            **error);
gboolean  hs_float_is_integer        (double              x);
gboolean  hs_float_hash              (double              x,
                                      gint64             *out);
gint64    hs_hash_pointer            (gconstpointer       ptr);

/* Exact comparison of a float with an int (False for NaN) */
gboolean  hs_float_compare_bigint    (double              x,
                                      const HsBigInt     *b,
                                      int                *result);
gboolean  hs_float_compare_int64     (double              x,
                                      gint64              i,
                                      int                *result);

G_END_DECLS
