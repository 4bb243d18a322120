/* hs-cli.h — the headless command line (--version, --run, --export), no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hs-export.h"
#include "hs-run.h"

G_BEGIN_DECLS

#define HS_CLI_ERROR (hs_cli_error_quark ())

typedef enum
{
  HS_CLI_ERROR_USAGE,    /* a bad option or argument */
  HS_CLI_ERROR_READ,     /* an input file could not be read */
} HsCliError;

/* hs_cli_execute() returns this when the command line asks for a window. */
#define HS_CLI_CONTINUE   (-1)
/* Exit status for usage errors and for files that cannot be read. */
#define HS_CLI_EXIT_USAGE 2

#define HS_CLI_STEP_LAST  (-1)

typedef enum
{
  HS_CLI_MODE_GUI,       /* no headless option: open FILE.py (or an example) */
  HS_CLI_MODE_HELP,
  HS_CLI_MODE_VERSION,
  HS_CLI_MODE_RUN,
  HS_CLI_MODE_EXPORT,
} HsCliMode;

typedef enum
{
  HS_CLI_THEME_LIGHT,
  HS_CLI_THEME_DARK,
} HsCliTheme;

typedef struct
{
  HsCliMode        mode;
  char           **files;             /* positional FILE arguments; never NULL */

  /* --run FILE */
  char            *run_path;
  gboolean         stats;
  char            *trace_lines_path;
  guint64          max_steps;         /* --run and --export; 0 = the engine's default */
  guint64          max_heap_bytes;    /* --run --max-heap; 0 = the engine's default */

  /* --export OUT FILE */
  char            *export_path;
  HsExportFormat   export_format;
  gint64           export_step;       /* HS_CLI_STEP_LAST unless --step N */
  int              export_line;       /* 0 when --line was not given */
  int              export_event;      /* -1 unless --event K */
  HsCliTheme       export_theme;
  double           export_scale;
} HsCliArgs;

GQuark      hs_cli_error_quark   (void);
HsCliArgs  *hs_cli_args_parse    (const char * const *argv,
                                  GError            **error);
void        hs_cli_args_free     (HsCliArgs          *args);
int         hs_cli_execute       (const HsCliArgs    *args,
                                  HsWriteFunc         write,
                                  gpointer            write_data);
int         hs_cli_report_error  (const GError       *error,
                                  HsWriteFunc         write,
                                  gpointer            write_data);
char       *hs_cli_get_help      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsCliArgs, hs_cli_args_free)

G_END_DECLS
