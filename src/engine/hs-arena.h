/* hs-arena.h — bump allocator for compile-time data (AST, symbol tables)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An arena owns every block it hands out; they are all released together by
 * hs_arena_free(). The parser and compiler use one arena per compilation so
 * that error paths never have to free a half-built tree node by node. */
typedef struct _HsArena HsArena;

HsArena  *hs_arena_new       (void);
void      hs_arena_free      (HsArena    *arena);
gpointer  hs_arena_alloc     (HsArena    *arena,
                              gsize       size);
gpointer  hs_arena_alloc0    (HsArena    *arena,
                              gsize       size);
char     *hs_arena_strndup   (HsArena    *arena,
                              const char *str,
                              gsize       len);
char     *hs_arena_strdup    (HsArena    *arena,
                              const char *str);
gsize     hs_arena_get_size  (HsArena    *arena);

#define hs_arena_new0(arena, Type) ((Type *) hs_arena_alloc0 ((arena), sizeof (Type)))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsArena, hs_arena_free)

G_END_DECLS
