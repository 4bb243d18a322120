/* hs-format-object.h — format(), f-string values and __format__ dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object-level side of the format mini-language: which __format__ runs
 * for a value (a user class's, or the built-in one of its nearest built-in
 * base), and the int/float/str cases that hand the text work to hs-format.h.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* format(value, spec) / PyObject_Format: @spec is a str or NULL (= '').
 * A user class's __format__ is called; otherwise the built-in behaviour of
 * the nearest built-in base (int, bool, float, str, or object.__format__:
 * str(value) for an empty spec, TypeError "unsupported format string passed
 * to C.__format__" otherwise). TypeError "__format__ must return a str, not
 * int" for a bad override. */
HsObject  *hs_object_format         (HsVM      *vm,
                                     HsObject  *value,
                                     HsObject  *spec);
/* The built-in __format__ only, ignoring overrides: what int.__format__,
 * float.__format__, str.__format__ and object.__format__ do when called
 * explicitly (super().__format__(spec) in a user class lands here). */
HsObject  *hs_object_format_builtin (HsVM      *vm,
                                     HsObject  *value,
                                     HsObject  *spec);
/* FORMAT_VALUE of an f-string: @conversion is -1 (none), 's', 'r' or 'a';
 * @spec is NULL when the field has none. An exact str without a spec is
 * returned as is, like CPython 3.11's FORMAT_VALUE. */
HsObject  *hs_format_fstring_value  (HsVM      *vm,
                                     HsObject  *value,
                                     int        conversion,
                                     HsObject  *spec);

G_END_DECLS
