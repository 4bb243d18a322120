/* hs-eval-private.h — helpers shared by the interpreter loop's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-frame.h"
#include "hs-object.h"

G_BEGIN_DECLS

HsObject *_hs_eval_name_error            (HsVM     *vm,
                                          HsObject *name);
void      _hs_eval_unbound_local         (HsVM     *vm,
                                          HsFrame  *f,
                                          int       i);
gboolean  _hs_eval_unpack_iterable       (HsVM     *vm,
                                          HsFrame  *f,
                                          HsObject *seq,
                                          int       before,
                                          int       after);
gboolean  _hs_eval_exception_matches     (HsVM     *vm,
                                          HsObject *exc,
                                          HsObject *match,
                                          gboolean *ok);
gboolean  _hs_eval_do_raise              (HsVM     *vm,
                                          HsObject *exc,
                                          HsObject *cause);
HsObject *_hs_eval_call_with_kwargs_dict (HsVM     *vm,
                                          HsObject *func,
                                          HsObject *args_tuple,
                                          HsObject *kwargs);
int       _hs_eval_dict_update           (HsVM     *vm,
                                          HsObject *dict,
                                          HsObject *update,
                                          HsObject *func,
                                          gboolean  merge);

G_END_DECLS
