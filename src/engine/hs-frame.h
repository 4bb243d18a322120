/* hs-frame.h — interpreter frames, frame objects and tracebacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like 3.11's _PyInterpreterFrame, a frame is not an object: it becomes one
 * (HsFrameObject) only when something needs it — a traceback, gi_frame,
 * f_locals. A frame object that outlives its frame takes ownership of the
 * frame's slots, which is how an exception's traceback keeps the raising
 * function's locals alive.
 */
#pragma once

#include "hs-code.h"
#include "hs-object.h"

G_BEGIN_DECLS

#define HS_MAX_BLOCKS 20
/* Extra value-stack slots beyond the computed depth: a safety margin that
 * does not show in sizes (generators report CPython's size). */
#define HS_FRAME_STACK_SLACK 4   /* CPython's CO_MAXBLOCKS: "too many statically nested blocks" */

typedef enum
{
  HS_BLOCK_FINALLY,        /* SETUP_FINALLY: handler gets the exception */
  HS_BLOCK_CLEANUP,        /* SETUP_CLEANUP */
} HsBlockKind;

typedef struct
{
  guint8  kind;
  gint32  handler;         /* instruction index */
  gint32  level;           /* value stack depth to restore */
} HsBlock;

typedef enum
{
  HS_FRAME_OWNED_BY_THREAD,
  HS_FRAME_OWNED_BY_GENERATOR,
  HS_FRAME_OWNED_BY_FRAME_OBJECT,
} HsFrameOwner;

struct _HsFrame
{
  HsFrame      *previous;       /* the caller; NULL at the bottom */
  HsCode       *code;           /* strong */
  HsObject     *func;           /* strong, or NULL (module code) */
  HsObject     *globals;        /* borrowed: kept alive by the function or module */
  HsObject     *builtins;       /* borrowed */
  HsObject     *locals;         /* strong: namespace dict of module/class code, else NULL */
  HsObject     *locals_cache;   /* strong: a function frame's locals() dict (3.11's f_locals) */
  HsObject     *frame_obj;      /* strong: the HsFrameObject, if materialised */
  HsObject     *generator;      /* borrowed: the owning generator */
  HsObject     *kwnames;        /* pending KW_NAMES (borrowed constant) */
  int           ip;             /* next instruction */
  int           prev_ip;        /* last executed instruction (line tracing) */
  int           stacktop;       /* values on the stack */
  int           n_blocks;
  guint8        owner;          /* HsFrameOwner */
  gboolean      is_entry;       /* entered from C: returning leaves the eval loop */
  gboolean      cleared;
  int           line;           /* line of the instruction being executed */
  HsBlock       blocks[HS_MAX_BLOCKS];
  HsObject     *localsplus[];   /* nlocalsplus slots, then the value stack */
};

typedef struct
{
  HsObject   base;
  HsFrame   *frame;
  int        lineno;            /* line when the frame finished */
} HsFrameObject;

typedef struct
{
  HsObject   base;
  HsObject  *tb_next;           /* traceback or NULL */
  HsObject  *tb_frame;          /* frame object */
  int        tb_lasti;
  int        tb_lineno;
  HsLoc      loc;               /* position of the failing instruction (carets) */
} HsTraceback;

#define HS_FRAME_OBJECT(o) ((HsFrameObject *) (o))
#define HS_TRACEBACK(o)    ((HsTraceback *) (o))

static inline HsObject **
hs_frame_stack_base (HsFrame *f)
{
  return f->localsplus + f->code->nlocalsplus;
}

HsFrame   *hs_frame_new              (HsVM      *vm,
                                      HsCode    *code,
                                      HsObject  *func,
                                      HsObject  *globals,
                                      HsObject  *builtins,
                                      HsObject  *locals);
/* Releases the slots (parameters, then locals in slot order, then the stack)
 * unless a frame object still needs them; then frees the frame. */
void       hs_frame_release          (HsVM      *vm,
                                      HsFrame   *frame);
void       hs_frame_clear_slots      (HsVM      *vm,
                                      HsFrame   *frame);
HsObject  *hs_frame_get_frame_object (HsVM      *vm,
                                      HsFrame   *frame);   /* borrowed */
int        hs_frame_get_line         (HsFrame   *frame);
HsObject  *hs_frame_locals_dict      (HsVM      *vm,
                                      HsFrame   *frame);   /* new dict snapshot */
/* PyTraceBack_Here: prepend a traceback entry for @frame to the raised exception. */
gboolean   hs_traceback_here         (HsVM      *vm,
                                      HsFrame   *frame);

void       _hs_frame_init_types      (HsVM      *vm);

G_END_DECLS
