/* hs-palette.c — the colours of the heap diagram, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours come from the GNOME palette. Every state also has a text tag and
 * a border style on the card, so no meaning rests on colour alone; text on
 * a coloured pill keeps a contrast of at least 4.5:1.
 */

#include "config.h"

#include "hs-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define STATE(fill, header, border, tag, tag_text) \
  { RGB (fill), RGB (header), RGB (border), RGB (tag), RGB (tag_text) }

static const HsPalette light = {
  .background = RGB (0xffffff),
  .text = RGB (0x241f31),
  .muted = RGB (0x5e5c64),
  .value = RGB (0x1c4f8a),
  .row_rule = RGB (0xe6e5e3),
  .port = RGB (0x3d3846),

  .frame_fill = RGB (0xf6f5f4),
  .frame_header = RGB (0xdeddda),
  .frame_border = RGB (0x9a9996),
  .frame_current = RGB (0x1c71d8),

  .arrow = RGB (0x3d3846),
  .arrow_binding = RGB (0x1a5fb4),
  .arrow_weak = RGB (0x1b7a8c),
  .arrow_temp = RGB (0x9a9996),
  .arrow_garbage = RGB (0xc64600),

  .badge_refcount = RGB (0x3d3846),
  .badge_refcount_text = RGB (0xffffff),
  .badge_gen = { RGB (0x1d7846), RGB (0x1a5fb4), RGB (0x813d9c) },
  .badge_gen_text = RGB (0xffffff),
  .badge_outline = RGB (0x77767b),

  .alive = STATE (0xffffff, 0xe3ebf6, 0x5e5c64, 0x5e5c64, 0xffffff),
  .shared = STATE (0xffffff, 0xefeeec, 0x9a9996, 0x5e5c64, 0xffffff),
  .unreachable = STATE (0xfff3e6, 0xffd6ad, 0xc64600, 0xb33f00, 0xffffff),
  .finalizing = STATE (0xf7effa, 0xe6d0f1, 0x813d9c, 0x813d9c, 0xffffff),
  .freed = STATE (0xf6f5f4, 0xe6e5e3, 0x9a9996, 0x5e5c64, 0xffffff),
  .gc_examined = STATE (0xeef5fd, 0xc8ddf7, 0x1a5fb4, 0x1a5fb4, 0xffffff),
  .gc_tentative = STATE (0xfdeeee, 0xf8c9cc, 0xc01c28, 0xc01c28, 0xffffff),
  .gc_resurrected = STATE (0xecf8f0, 0xc6ebd3, 0x1d7846, 0x1d7846, 0xffffff),
  .gc_clear = STATE (0xfbeaea, 0xf3c0c3, 0xa51d2d, 0xa51d2d, 0xffffff),

  .caption_fill = RGB (0xf6f5f4),
  .caption_text = RGB (0x241f31),
  .legend_fill = RGB (0xf6f5f4),
};

static const HsPalette dark = {
  .background = RGB (0x1e1e1e),
  .text = RGB (0xffffff),
  .muted = RGB (0xc0bfbc),
  .value = RGB (0x99c1f1),
  .row_rule = RGB (0x3d3d3d),
  .port = RGB (0xdeddda),

  .frame_fill = RGB (0x2a2a2a),
  .frame_header = RGB (0x3a3a3a),
  .frame_border = RGB (0x77767b),
  .frame_current = RGB (0x62a0ea),

  .arrow = RGB (0xdeddda),
  .arrow_binding = RGB (0x62a0ea),
  .arrow_weak = RGB (0x5bc8d9),
  .arrow_temp = RGB (0x77767b),
  .arrow_garbage = RGB (0xffa348),

  .badge_refcount = RGB (0xdeddda),
  .badge_refcount_text = RGB (0x1e1e1e),
  .badge_gen = { RGB (0x8ff0a4), RGB (0x99c1f1), RGB (0xdc8add) },
  .badge_gen_text = RGB (0x1e1e1e),
  .badge_outline = RGB (0x9a9996),

  .alive = STATE (0x2d2d2d, 0x33404f, 0x9a9996, 0x9a9996, 0x1e1e1e),
  .shared = STATE (0x2d2d2d, 0x383838, 0x77767b, 0x9a9996, 0x1e1e1e),
  .unreachable = STATE (0x3b2816, 0x5c3714, 0xffa348, 0xffa348, 0x1e1e1e),
  .finalizing = STATE (0x33243a, 0x4a2d58, 0xdc8add, 0xdc8add, 0x1e1e1e),
  .freed = STATE (0x262626, 0x303030, 0x77767b, 0x9a9996, 0x1e1e1e),
  .gc_examined = STATE (0x1f2b3a, 0x22405f, 0x62a0ea, 0x62a0ea, 0x1e1e1e),
  .gc_tentative = STATE (0x3a1f22, 0x5c2429, 0xf66151, 0xf66151, 0x1e1e1e),
  .gc_resurrected = STATE (0x1f3327, 0x245235, 0x57e389, 0x57e389, 0x1e1e1e),
  .gc_clear = STATE (0x3a1e1e, 0x5a1e1e, 0xff7b63, 0xff7b63, 0x1e1e1e),

  .caption_fill = RGB (0x2a2a2a),
  .caption_text = RGB (0xffffff),
  .legend_fill = RGB (0x2a2a2a),
};

/**
 * hs_palette_get:
 * @theme: light or dark
 *
 * Returns: (transfer none): the built-in palette for @theme
 */
const HsPalette *
hs_palette_get (HsTheme theme)
{
  return theme == HS_THEME_DARK ? &dark : &light;
}
