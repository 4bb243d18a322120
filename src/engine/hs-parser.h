/* hs-parser.h — source text to HsModule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-arena.h"
#include "hs-ast.h"
#include "hs-diagnostic.h"

G_BEGIN_DECLS

/* Hard limits that keep hostile input from exhausting the C stack or memory.
 * Exceeding one is a located HS_DIAG_LIMIT / SyntaxError, never a crash. */
#define HS_PARSER_MAX_SOURCE_BYTES (1024 * 1024)
#define HS_PARSER_MAX_NESTING      200
/* Depth of the tree itself, which also grows without recursion in the
 * parser (a+b+c+..., a.b.c..., elif chains): every pass over the AST
 * (symbol table, compiler) may recurse this deep. */
#define HS_PARSER_MAX_DEPTH        1000
/* Token reads, re-parses included: valid code needs 1 to 4 per token, and
 * a file of a mebibyte fits; deeply nested broken code would take 2^depth. */
#define HS_PARSER_MAX_WORK         4000000

/* Parses @source (UTF-8, @len bytes, may contain anything) into a module whose
 * nodes live in @arena. Returns NULL and sets @error on failure. */
HsModule *hs_parse (const char    *source,
                    gsize          len,
                    const char    *filename,
                    HsArena       *arena,
                    HsDiagnostic **error);

G_END_DECLS
