/* hs-export.h — write the heap diagram to PNG, SVG, PDF or Graphviz DOT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hs-layout.h"
#include "hs-palette.h"
#include "hs-trace.h"

G_BEGIN_DECLS

#define HS_EXPORT_ERROR (hs_export_error_quark ())

typedef enum
{
  HS_EXPORT_ERROR_WRITE,      /* the file could not be written */
  HS_EXPORT_ERROR_TOO_LARGE,  /* the picture exceeds what a PNG can hold */
  HS_EXPORT_ERROR_FAILED,     /* cairo reported an error */
} HsExportError;

typedef enum
{
  HS_EXPORT_FORMAT_PNG,
  HS_EXPORT_FORMAT_SVG,
  HS_EXPORT_FORMAT_PDF,
  HS_EXPORT_FORMAT_DOT,
} HsExportFormat;

typedef struct
{
  HsTheme      theme;
  double       scale;            /* PNG pixels per diagram unit (HiDPI, slides); ≤ 0 means 1 */
  gboolean     no_legend;
  const char  *caption_title;    /* NULL: no caption */
  const char  *caption_code;
  const char  *caption_detail;
} HsExportOptions;

/* How many steps before the exported one are laid out first, so an
 * exported step looks like the app after stepping to it. */
#define HS_EXPORT_DEFAULT_HISTORY 256

GQuark     hs_export_error_quark      (void);
GBytes    *hs_export_to_bytes         (HsLayout               *layout,
                                       HsExportFormat          format,
                                       const HsExportOptions  *options,
                                       GError                **error);
gboolean   hs_export_png              (HsLayout               *layout,
                                       const HsExportOptions  *options,
                                       const char             *path,
                                       GError                **error);
gboolean   hs_export_svg              (HsLayout               *layout,
                                       const HsExportOptions  *options,
                                       const char             *path,
                                       GError                **error);
gboolean   hs_export_pdf              (HsLayout               *layout,
                                       const HsExportOptions  *options,
                                       const char             *path,
                                       GError                **error);
gboolean   hs_export_dot              (HsLayout               *layout,
                                       const HsExportOptions  *options,
                                       const char             *path,
                                       GError                **error);
gboolean   hs_export_to_file          (HsLayout               *layout,
                                       HsExportFormat          format,
                                       const HsExportOptions  *options,
                                       const char             *path,
                                       GError                **error);
char      *hs_export_dot_string       (HsLayout               *layout,
                                       const HsExportOptions  *options);
HsLayout  *hs_export_layout_step      (HsTrace                *trace,
                                       guint64                 step,
                                       guint                   history);
HsLayout  *hs_export_layout_event     (HsTrace                *trace,
                                       guint64                 step,
                                       guint                   event,
                                       guint                   history);

G_END_DECLS
