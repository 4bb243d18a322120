/* hs-palette.h — the colours of the heap diagram, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_THEME_LIGHT,
  HS_THEME_DARK,
} HsTheme;

typedef struct
{
  double red, green, blue, alpha;
} HsColor;

/* How one object state looks: a card's fill, its header band, its border
 * and the tag text ("unreachable", "freed"…) written on it. */
typedef struct
{
  HsColor fill;
  HsColor header;
  HsColor border;
  HsColor tag;           /* tag pill background; tag text uses tag_text */
  HsColor tag_text;
} HsStateColors;

/* Every colour the painter uses. Plain data: tests build their own (with a
 * unique colour per role) to count what was drawn in an SVG. */
typedef struct
{
  HsColor       background;
  HsColor       text;            /* primary text */
  HsColor       muted;           /* row labels, captions */
  HsColor       value;           /* inline values */
  HsColor       row_rule;        /* lines between rows */
  HsColor       port;            /* the dot an arrow leaves from */

  HsColor       frame_fill;
  HsColor       frame_header;
  HsColor       frame_border;
  HsColor       frame_current;   /* border of the frame that is running */

  HsColor       arrow;           /* strong reference */
  HsColor       arrow_binding;   /* name → object */
  HsColor       arrow_weak;
  HsColor       arrow_temp;      /* value stack (temporaries) */
  HsColor       arrow_garbage;   /* references between unreachable objects */

  HsColor       badge_refcount;
  HsColor       badge_refcount_text;
  HsColor       badge_gen[3];    /* generations 0, 1, 2 */
  HsColor       badge_gen_text;
  HsColor       badge_outline;   /* untracked / shared / permanent: outlined pills */

  HsStateColors alive;
  HsStateColors shared;          /* alive, shared or cached (small int, None…) */
  HsStateColors unreachable;
  HsStateColors finalizing;
  HsStateColors freed;
  HsStateColors gc_examined;     /* gc_refs computed */
  HsStateColors gc_tentative;    /* tentatively unreachable */
  HsStateColors gc_resurrected;
  HsStateColors gc_clear;        /* final garbage being cleared */

  HsColor       caption_fill;
  HsColor       caption_text;
  HsColor       legend_fill;
} HsPalette;

const HsPalette *hs_palette_get (HsTheme theme);

G_END_DECLS
