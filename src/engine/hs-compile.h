/* hs-compile.h — AST to code objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-ast.h"
#include "hs-code.h"
#include "hs-diagnostic.h"

G_BEGIN_DECLS

/* Compiles @module into the module's code object, owned by @vm's heap (its
 * constants are real objects: a literal 1000 is referenced by the code, as
 * in CPython). Returns NULL and sets @error for constructs outside the
 * supported subset or CPython compile-time errors. */
HsCode *hs_compile_module (HsVM          *vm,
                           HsModule      *module,
                           HsDiagnostic **error);

/* Drops the parse arena's references to the module's constants (python3
 * frees the arena once the module's code has run, before shutdown). */
void    hs_const_arena_release (HsVM          *vm);

G_END_DECLS
