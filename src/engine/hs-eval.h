/* hs-eval.h — the bytecode interpreter loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-frame.h"
#include "hs-object.h"

G_BEGIN_DECLS

/* Runs @frame (already pushed by the caller's code or by C) until it returns
 * or raises. Calls between Python functions stay inside one C invocation;
 * C code re-enters here for __init__, __del__, callbacks. */
HsObject  *hs_eval_frame        (HsVM       *vm,
                                 HsFrame    *frame);
/* Prepares the frame of a call to a Python function: binds arguments with
 * CPython's rules and error messages. With @steal, the argument references
 * are moved from @args (the caller's value stack) instead of copied. */
HsFrame   *_hs_eval_make_frame  (HsVM            *vm,
                                 HsObject        *func,
                                 HsObject *const *args,
                                 gsize            nargs,
                                 HsObject        *kwnames,
                                 gboolean         steal);
/* Runs module-level code in @globals. */
HsObject  *hs_eval_code         (HsVM       *vm,
                                 HsCode     *code,
                                 HsObject   *globals,
                                 HsObject   *locals);
/* Resumes a generator's frame with @value (NULL = throw vm->exc into it). */
HsObject  *_hs_eval_resume      (HsVM       *vm,
                                 HsFrame    *frame,
                                 HsObject   *value);

G_END_DECLS
