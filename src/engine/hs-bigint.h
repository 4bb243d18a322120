/* hs-bigint.h — arbitrary-precision integers with CPython 3.11 semantics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An HsBigInt is an immutable value: sign and magnitude stored in 30-bit
 * digits exactly like CPython's longobject, so hs_bigint_n_digits() is what
 * sys.getsizeof() needs (24 + 4 * MAX (1, n_digits) on 64-bit 3.11).
 * Operations return newly allocated values; none of them modifies its
 * operands. Errors a snippet can cause are reported through GError in the
 * HS_NUM_ERROR domain; the code says which Python exception to raise and the
 * message is CPython's text, ready to print.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which Python exception a numeric error maps to. */
typedef enum
{
  HS_NUM_ERROR_VALUE,            /* ValueError */
  HS_NUM_ERROR_ZERO_DIVISION,    /* ZeroDivisionError */
  HS_NUM_ERROR_OVERFLOW,         /* OverflowError */
  HS_NUM_ERROR_MEMORY,           /* MemoryError: the result would exceed the size limit */
  HS_NUM_ERROR_NOT_IMPLEMENTED,  /* valid Python whose result Heapscope cannot model (complex) */
} HsNumError;

#define HS_NUM_ERROR (hs_num_error_quark ())

/* CPython's default sys.get_int_max_str_digits(). */
#define HS_BIGINT_DEFAULT_MAX_STR_DIGITS 4300

/* Default cap on the size of any result, in 30-bit digits (about two
 * million bits, 590 000 decimal digits): enough for every teaching snippet,
 * small enough that no operation allocates more than 256 KiB or runs for
 * more than a moment. Larger results fail with HS_NUM_ERROR_MEMORY. */
#define HS_BIGINT_DEFAULT_MAX_DIGITS (1 << 16)

typedef struct _HsBigInt HsBigInt;

GQuark      hs_num_error_quark          (void);

void        hs_bigint_set_max_digits    (gsize           max_digits);
gsize       hs_bigint_get_max_digits    (void);

/* Construction and destruction */
HsBigInt   *hs_bigint_new_from_int64    (gint64          value);
HsBigInt   *hs_bigint_new_from_uint64   (guint64         value);
HsBigInt   *hs_bigint_new_from_double   (double          value,
                                         GError        **error);
HsBigInt   *hs_bigint_new_from_string   (const char     *str,
                                         gssize          len,
                                         int             base,
                                         int             max_str_digits,
                                         GError        **error);
HsBigInt   *hs_bigint_copy              (const HsBigInt *a);
void        hs_bigint_free              (HsBigInt       *a);

/* Inspection */
int         hs_bigint_sign              (const HsBigInt *a);
gboolean    hs_bigint_is_zero           (const HsBigInt *a);
gsize       hs_bigint_n_digits          (const HsBigInt *a);
guint64     hs_bigint_bit_length        (const HsBigInt *a);
guint64     hs_bigint_bit_count         (const HsBigInt *a);
gboolean    hs_bigint_fits_int64        (const HsBigInt *a);
gboolean    hs_bigint_to_int64          (const HsBigInt *a,
                                         gint64         *out);
gboolean    hs_bigint_to_double         (const HsBigInt *a,
                                         double         *out,
                                         GError        **error);
gint64      hs_bigint_hash              (const HsBigInt *a);
int         hs_bigint_compare           (const HsBigInt *a,
                                         const HsBigInt *b);
gboolean    hs_bigint_equal             (const HsBigInt *a,
                                         const HsBigInt *b);
int         hs_bigint_compare_int64     (const HsBigInt *a,
                                         gint64          b);

/* Conversion to text */
char       *hs_bigint_to_string         (const HsBigInt *a,
                                         int             base,
                                         gboolean        with_prefix,
                                         int             max_str_digits,
                                         GError        **error);

/* Arithmetic */
HsBigInt   *hs_bigint_neg               (const HsBigInt *a);
HsBigInt   *hs_bigint_abs               (const HsBigInt *a);
HsBigInt   *hs_bigint_invert            (const HsBigInt *a);
HsBigInt   *hs_bigint_add               (const HsBigInt *a,
                                         const HsBigInt *b,
                                         GError        **error);
HsBigInt   *hs_bigint_sub               (const HsBigInt *a,
                                         const HsBigInt *b,
                                         GError        **error);
HsBigInt   *hs_bigint_mul               (const HsBigInt *a,
                                         const HsBigInt *b,
                                         GError        **error);
gboolean    hs_bigint_divmod            (const HsBigInt *a,
                                         const HsBigInt *b,
                                         HsBigInt      **quotient,
                                         HsBigInt      **remainder,
                                         GError        **error);
HsBigInt   *hs_bigint_floordiv          (const HsBigInt *a,
                                         const HsBigInt *b,
                                         GError        **error);
HsBigInt   *hs_bigint_mod               (const HsBigInt *a,
                                         const HsBigInt *b,
                                         GError        **error);
gboolean    hs_bigint_true_divide       (const HsBigInt *a,
                                         const HsBigInt *b,
                                         double         *out,
                                         GError        **error);
HsBigInt   *hs_bigint_pow               (const HsBigInt *base,
                                         const HsBigInt *exponent,
                                         GError        **error);
HsBigInt   *hs_bigint_pow_mod           (const HsBigInt *base,
                                         const HsBigInt *exponent,
                                         const HsBigInt *modulus,
                                         GError        **error);
HsBigInt   *hs_bigint_round             (const HsBigInt *a,
                                         gint64          ndigits,
                                         GError        **error);

/* Bits */
HsBigInt   *hs_bigint_lshift            (const HsBigInt *a,
                                         const HsBigInt *count,
                                         GError        **error);
HsBigInt   *hs_bigint_rshift            (const HsBigInt *a,
                                         const HsBigInt *count,
                                         GError        **error);
HsBigInt   *hs_bigint_lshift_int64      (const HsBigInt *a,
                                         gint64          count,
                                         GError        **error);
HsBigInt   *hs_bigint_rshift_int64      (const HsBigInt *a,
                                         gint64          count,
                                         GError        **error);
HsBigInt   *hs_bigint_and               (const HsBigInt *a,
                                         const HsBigInt *b);
HsBigInt   *hs_bigint_or                (const HsBigInt *a,
                                         const HsBigInt *b);
HsBigInt   *hs_bigint_xor               (const HsBigInt *a,
                                         const HsBigInt *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsBigInt, hs_bigint_free)

G_END_DECLS
