/* fuzz-run.c — libFuzzer target: compile and run any bytes as a snippet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hs_program_new() + hs_program_run() with a small step cap and a small
 * simulated heap, so one input costs milliseconds and a runaway loop or a
 * huge allocation is the engine's problem to stop, not the fuzzer's.
 * Output is thrown away; freeing the program must release everything.
 */

#include "config.h"

#include <stdint.h>

#include "hs-diagnostic.h"
#include "hs-fuzz.h"
#include "hs-program.h"

#define FUZZ_MAX_STEPS      2000
#define FUZZ_MAX_HEAP_BYTES (G_GUINT64_CONSTANT (64) * 1024 * 1024)

static void
discard_output (HsStream    stream,
                const char *text,
                gsize       len,
                gpointer    user_data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsProgram) program = NULL;

  program = hs_program_new ((const char *) data, size, "/fuzz/snippet.py", &error);
  if (program == NULL)
    {
      if (error == NULL)
        __builtin_trap ();
      g_free (hs_diagnostic_format (error));
      return 0;
    }

  program->vm->write = discard_output;
  program->vm->max_steps = FUZZ_MAX_STEPS;
  program->vm->max_heap_bytes = FUZZ_MAX_HEAP_BYTES;
  hs_program_run (program);

  return 0;
}
