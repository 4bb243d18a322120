/* hs-program.h — a snippet compiled and ready to run in its own VM
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-arena.h"
#include "hs-ast.h"
#include "hs-code.h"
#include "hs-diagnostic.h"
#include "hs-vm.h"

G_BEGIN_DECLS

typedef struct
{
  HsVM      *vm;
  HsArena   *arena;
  HsModule  *ast;
  HsCode    *code;
  char      *filename;     /* as shown in tracebacks (absolute, like python3's) */
  HsObject  *main_module;  /* __main__, ready before the snippet's first object */
  guint64    first_program_serial;  /* objects from here on belong to the snippet */
} HsProgram;

/* Parses and compiles @source. On a syntax error returns NULL with @error set. */
HsProgram *hs_program_new    (const char    *source,
                              gsize          len,
                              const char    *filename,
                              HsDiagnostic **error);
/* Runs the module code, then CPython's interpreter shutdown (the pre-exit
 * collection, __main__ teardown and its collection). Returns the exit status
 * python3 would: 0, 1 after an uncaught exception, or SystemExit's code. */
int        hs_program_run    (HsProgram     *program);
void       hs_program_free   (HsProgram     *program);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsProgram, hs_program_free)

G_END_DECLS
