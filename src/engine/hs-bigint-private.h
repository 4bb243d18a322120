/* hs-bigint-private.h — representation shared by the numeric core's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hs-bigint.h"

G_BEGIN_DECLS

#define HS_DIGIT_BITS 30
#define HS_DIGIT_BASE ((guint32) 1 << HS_DIGIT_BITS)
#define HS_DIGIT_MASK (HS_DIGIT_BASE - 1)

/* Like CPython's PyLongObject: magnitude in base 2**30, least significant
 * digit first, no leading zero digits; zero has no digits at all. */
struct _HsBigInt
{
  gsize   len;       /* number of significant digits, 0 for zero */
  int     sign;      /* -1, 0 or +1; 0 exactly when len == 0 */
  guint32 digits[];
};

/* Storage for a temporary HsBigInt of at most three digits (any gint64)
 * that lives on the stack. */
typedef union
{
  HsBigInt big;
  guint64  storage[4];
} HsBigIntSmall;

HsBigInt *_hs_bigint_alloc         (gsize           n_digits);
HsBigInt *_hs_bigint_new_mag       (const guint32  *d,
                                    gsize           n,
                                    int             sign);
HsBigInt *_hs_bigint_normalize     (HsBigInt       *z);
gboolean  _hs_bigint_check_digits  (guint64         n_digits,
                                    GError        **error);
HsBigInt *_hs_bigint_init_small    (HsBigIntSmall  *small,
                                    gint64          value);
HsBigInt *_hs_bigint_checked       (HsBigInt       *z,
                                    GError        **error);
HsBigInt *_hs_bigint_add_signed    (const HsBigInt *a,
                                    const HsBigInt *b,
                                    int             b_sign);
HsBigInt *_hs_bigint_mul_unchecked (const HsBigInt *a,
                                    const HsBigInt *b);
HsBigInt *_hs_bigint_lshift_unchecked (const HsBigInt *a,
                                       guint64         count);
guint32   _hs_mag_lshift_bits      (const guint32  *a,
                                    gsize           n,
                                    int             s,
                                    guint32        *z);
void      _hs_mag_rshift_bits      (const guint32  *a,
                                    gsize           n,
                                    int             s,
                                    guint32        *z);
void      _hs_bigint_muladd1       (HsBigInt       *z,
                                    guint32         mul,
                                    guint32         add);
guint32   _hs_bigint_divrem1       (HsBigInt       *z,
                                    guint32         div);

/* repr() of a Python str given as UTF-8, cut after max_chars code points
 * (0: no limit) like CPython's "%.200R". */
char     *_hs_num_repr_str         (const char     *str,
                                    gssize          len,
                                    gsize           max_chars);

/* The ASCII form int() and float() parse: ASCII bytes kept, other Unicode
 * white space turned into ' ', Unicode decimal digits into '0'…'9', and
 * anything else into '?' that ends the string (CPython's
 * _PyUnicode_TransformDecimalAndSpaceToASCII). */
char     *_hs_num_to_ascii         (const char     *str,
                                    gsize           len,
                                    gsize          *out_len);

G_END_DECLS
