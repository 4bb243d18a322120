/* fuzz-parse.c — libFuzzer target: the lexer and parser on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input must come back as a module or as a located diagnostic: no
 * crash, no leak, no runaway loop, and no C recursion deeper than the
 * parser's nesting limits allow.
 */

#include "config.h"

#include <stdint.h>

#include "hs-arena.h"
#include "hs-diagnostic.h"
#include "hs-fuzz.h"
#include "hs-parser.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HsArena) arena = hs_arena_new ();
  g_autoptr(HsDiagnostic) error = NULL;
  HsModule *module;

  module = hs_parse ((const char *) data, size, "<fuzz>", arena, &error);
  /* Exactly one of the two; formatting the error walks its text too. */
  if ((module == NULL) == (error == NULL))
    __builtin_trap ();
  if (error != NULL)
    g_free (hs_diagnostic_format (error));

  return 0;
}
