/* hs-run.c — the CLI's --run entry point into the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "hs-run.h"

static void
write_stdio (HsStream    stream,
             const char *text,
             gsize       len,
             gpointer    user_data)
{
  FILE *fp = stream == HS_STREAM_STDOUT ? stdout : stderr;

  if (stream == HS_STREAM_STDERR)
    fflush (stdout);
  fwrite (text, 1, len, fp);
}

int
hs_run_source (const char         *source,
               gsize               len,
               const char         *filename,
               const HsRunOptions *options)
{
  HsWriteFunc write = options && options->write ? options->write : write_stdio;
  gpointer write_data = options ? options->write_data : NULL;
  static const char msg[] = "heapscope: --run is not implemented yet\n";

  g_return_val_if_fail (source != NULL, 2);

  /* Placeholder until the interpreter lands (Engine I). */
  write (HS_STREAM_STDERR, msg, sizeof msg - 1, write_data);
  return 2;
}
