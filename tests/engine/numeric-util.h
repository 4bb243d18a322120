/* numeric-util.h — helpers shared by the numeric tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by test-numeric.c and test-numeric-float.c to read the tables'
 * notations: ints as decimal text (or "1eN" for 10**N), long results as
 * "len:<digits>:<hash>", exceptions as "!ExceptionName: message".
 */
#pragma once

#include <glib.h>

#include "hs-bigint.h"

G_BEGIN_DECLS

char     *error_text         (const GError *error);
HsBigInt *big                (const char   *text);
void      check_big          (HsBigInt     *result,
                              const GError *error,
                              const char   *expected);
void      assert_same_double (double        got,
                              double        expected);
void      check_double       (gboolean      ok,
                              double        got,
                              const GError *error,
                              double        expected,
                              const char   *expected_error);

G_END_DECLS
