/* hs-arena.c — bump allocator for compile-time data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hs-arena.h"

#define HS_ARENA_BLOCK_SIZE (64 * 1024)

typedef struct _HsArenaBlock HsArenaBlock;

struct _HsArenaBlock
{
  HsArenaBlock *next;
  gsize         used;
  gsize         size;
  gsize         padding; /* keeps data[] 16-byte aligned */
  /* Payload follows, aligned like the block itself. */
  guint8        data[];
};

struct _HsArena
{
  HsArenaBlock *blocks;
  gsize         total;
};

HsArena *
hs_arena_new (void)
{
  return g_new0 (HsArena, 1);
}

void
hs_arena_free (HsArena *arena)
{
  HsArenaBlock *block;

  if (arena == NULL)
    return;

  block = arena->blocks;
  while (block != NULL)
    {
      HsArenaBlock *next = block->next;
      g_free (block);
      block = next;
    }
  g_free (arena);
}

gpointer
hs_arena_alloc (HsArena *arena,
                gsize    size)
{
  HsArenaBlock *block = arena->blocks;
  gpointer ret;

  /* Everything is handed out 16-byte aligned so any struct fits. */
  size = (size + 15) & ~(gsize) 15;

  if (block == NULL || block->size - block->used < size)
    {
      gsize block_size = MAX (HS_ARENA_BLOCK_SIZE, size);

      block = g_malloc (sizeof (HsArenaBlock) + block_size);
      block->used = 0;
      block->size = block_size;
      block->next = arena->blocks;
      arena->blocks = block;
      arena->total += block_size;
    }

  ret = block->data + block->used;
  block->used += size;
  return ret;
}

gpointer
hs_arena_alloc0 (HsArena *arena,
                 gsize    size)
{
  gpointer ret = hs_arena_alloc (arena, size);

  memset (ret, 0, size);
  return ret;
}

char *
hs_arena_strndup (HsArena    *arena,
                  const char *str,
                  gsize       len)
{
  char *ret = hs_arena_alloc (arena, len + 1);

  memcpy (ret, str, len);
  ret[len] = '\0';
  return ret;
}

char *
hs_arena_strdup (HsArena    *arena,
                 const char *str)
{
  return hs_arena_strndup (arena, str, strlen (str));
}

gsize
hs_arena_get_size (HsArena *arena)
{
  return arena->total;
}
