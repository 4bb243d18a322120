/* hs-gen-object.h — generator objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-frame.h"
#include "hs-object.h"

G_BEGIN_DECLS

typedef enum
{
  HS_GEN_CREATED,
  HS_GEN_SUSPENDED,
  HS_GEN_RUNNING,
  HS_GEN_CLOSED,
} HsGenState;

typedef struct
{
  HsObject   base;
  HsFrame   *frame;       /* owned while the generator is not finished */
  HsObject  *name;
  HsObject  *qualname;
  HsGenState state;
} HsGenerator;

#define HS_GENERATOR(o) ((HsGenerator *) (o))

/* Wraps @frame (arguments already bound) in a new generator. */
HsObject  *hs_generator_new      (HsVM     *vm,
                                  HsFrame  *frame,
                                  HsObject *func);
/* gen.send(value): the next yielded value, or NULL with StopIteration(value)
 * set when the generator returns (*returned = TRUE and the value is given
 * back without an exception when @returned is non-NULL). */
HsObject  *hs_generator_send     (HsVM     *vm,
                                  HsObject *gen,
                                  HsObject *value,
                                  gboolean *returned);

/* Called by the eval loop when the generator's frame returns or raises. */
void       _hs_generator_finished (HsVM    *vm,
                                   HsObject *gen);
void       _hs_gen_init_types    (HsVM     *vm);

G_END_DECLS
