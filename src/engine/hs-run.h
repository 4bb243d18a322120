/* hs-run.h — run a snippet the way `python3 FILE` would (the CLI's --run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_STREAM_STDOUT,
  HS_STREAM_STDERR,
} HsStream;

typedef void (*HsWriteFunc) (HsStream    stream,
                             const char *text,
                             gsize       len,
                             gpointer    user_data);

typedef struct
{
  guint64      max_steps;         /* line steps before the run stops; 0 = HS_DEFAULT_MAX_STEPS */
  guint64      max_heap_bytes;    /* simulated heap cap (MemoryError); 0 = default */
  gboolean     stats;             /* print the --stats JSON line on stderr */
  const char  *trace_lines_path;  /* --trace-lines OUT, or NULL */
  HsWriteFunc  write;             /* where program output goes; NULL = stdio */
  gpointer     write_data;
} HsRunOptions;

#define HS_DEFAULT_MAX_STEPS G_GUINT64_CONSTANT (1000000)

/* Runs @source (named @filename in tracebacks). Program output and
 * tracebacks go through @options->write as they happen. Returns the exit
 * status python3 would: 0, or 1 after an uncaught exception or a
 * SyntaxError; 2 when Heapscope itself cannot run it (step cap hit is 0 with
 * a notice on stderr, like a finished run). */
int hs_run_source (const char         *source,
                   gsize               len,
                   const char         *filename,
                   const HsRunOptions *options);

G_END_DECLS
