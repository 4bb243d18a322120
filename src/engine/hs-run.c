/* hs-run.c — the CLI's --run entry point into the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hs-bigint.h"
#include "hs-program.h"
#include "hs-recorder.h"
#include "hs-run.h"

typedef struct
{
  HsRecorder  parent;
  FILE       *trace_lines;
  guint64     events;
} RunRecorder;

static gboolean
run_on_line (HsRecorder *rec,
             HsFrame    *frame,
             int         line)
{
  RunRecorder *self = (RunRecorder *) rec;

  if (frame == NULL)
    return TRUE;
  self->events++;
  if (self->trace_lines != NULL)
    fprintf (self->trace_lines, "%d\n", line);
  return TRUE;
}

static void
run_on_event (HsRecorder  *rec,
              HsEventKind  kind,
              HsObject    *o,
              gint64       arg)
{
  ((RunRecorder *) rec)->events++;
}

static void
run_on_object (HsRecorder *rec,
               HsObject   *o)
{
  ((RunRecorder *) rec)->events++;
}

static const HsRecorderClass run_recorder_class = {
  .on_alloc = run_on_object,
  .on_free = run_on_object,
  .on_line = run_on_line,
  .on_event = run_on_event,
};

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
  if (stream == HS_STREAM_STDERR)
    fflush (stderr);
}

static void
write_text (HsWriteFunc  write,
            gpointer     data,
            const char  *text)
{
  write (HS_STREAM_STDERR, text, strlen (text), data);
}

/* "512 MiB": g_format_size() would put a no-break space in a terminal line. */
static char *
format_bytes (guint64 n)
{
  if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " MiB", n / (1024 * 1024));
  if (n >= 1024 && n % 1024 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " KiB", n / 1024);
  return g_strdup_printf ("%" G_GUINT64_FORMAT " bytes", n);
}

/* A MemoryError that ended the run came from one of Heapscope's limits
 * rather than a machine out of memory: say which, and how to raise it. */
static void
write_limit_notice (HsVM        *vm,
                    HsWriteFunc  write,
                    gpointer     write_data)
{
  g_autofree char *msg = NULL;

  if (!g_str_has_suffix (vm->output->str, "MemoryError\n"))
    return;

  if (vm->limits_hit & HS_LIMIT_HEAP)
    {
      g_autofree char *size = format_bytes (vm->max_heap_bytes);

      msg = g_strdup_printf ("heapscope: MemoryError: the snippet filled its simulated heap "
                             "(the heap limit: %s or %" G_GUINT64_FORMAT " objects; "
                             "--max-heap BYTES raises it)\n", size, vm->max_objects);
    }
  else if (vm->limits_hit & HS_LIMIT_INT_SIZE)
    msg = g_strdup_printf ("heapscope: MemoryError: the int would be too large "
                           "(the int size limit: %" G_GSIZE_FORMAT " bits)\n",
                           hs_bigint_get_max_digits () * 30);
  if (msg != NULL)
    write_text (write, write_data, msg);
}

int
hs_run_source (const char         *source,
               gsize               len,
               const char         *filename,
               const HsRunOptions *options)
{
  HsWriteFunc write = options != NULL && options->write != NULL ? options->write : write_stdio;
  gpointer write_data = options != NULL ? options->write_data : NULL;
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsProgram) program = NULL;
  RunRecorder rec = { { &run_recorder_class }, NULL, 0 };
  gint64 start = g_get_monotonic_time ();
  int status;

  g_return_val_if_fail (source != NULL, 2);

  if (options != NULL && options->trace_lines_path != NULL)
    {
      rec.trace_lines = fopen (options->trace_lines_path, "w");
      if (rec.trace_lines == NULL)
        {
          g_autofree char *msg = g_strdup_printf ("heapscope: cannot write '%s': %s\n",
                                                  options->trace_lines_path, g_strerror (errno));

          write_text (write, write_data, msg);
          return 2;
        }
    }

  program = hs_program_new (source, len, filename, &error);
  if (program == NULL)
    {
      g_autofree char *text = hs_diagnostic_format (error);

      write_text (write, write_data, text);
      if (rec.trace_lines != NULL)
        fclose (rec.trace_lines);
      return error->kind == HS_DIAG_LIMIT ? 2 : 1;
    }

  program->vm->write = write;
  program->vm->write_data = write_data;
  program->vm->max_steps = options != NULL && options->max_steps > 0 ? options->max_steps
                                                                       : HS_DEFAULT_MAX_STEPS;
  if (options != NULL && options->max_heap_bytes > 0)
    program->vm->max_heap_bytes = options->max_heap_bytes;
  program->vm->recorder = &rec.parent;

  status = hs_program_run (program);

  if (program->vm->stop == HS_STOP_STEP_LIMIT)
    {
      g_autofree char *msg = g_strdup_printf ("heapscope: stopped after %" G_GUINT64_FORMAT
                                              " steps (the step limit; --max-steps N raises it)\n",
                                              program->vm->max_steps);

      write_text (write, write_data, msg);
    }
  else if (program->vm->stop == HS_STOP_OUTPUT_LIMIT)
    {
      g_autofree char *size = format_bytes (program->vm->max_output_bytes);
      g_autofree char *msg = g_strdup_printf ("heapscope: stopped after printing %s "
                                              "(the output limit)\n", size);

      write_text (write, write_data, msg);
    }
  else if (program->vm->stop == HS_STOP_WORK_LIMIT)
    {
      g_autofree char *msg = g_strdup_printf ("heapscope: stopped at line %d after %" G_GUINT64_FORMAT
                                              " iterations inside one step (the work limit, %d per "
                                              "step allowed; --max-steps N raises it)\n",
                                              program->vm->stop_line, program->vm->ticks,
                                              HS_TICKS_PER_STEP);

      write_text (write, write_data, msg);
    }
  else if (status == 1)
    write_limit_notice (program->vm, write, write_data);

  if (options != NULL && options->stats)
    {
      HsVM *vm = program->vm;
      g_autofree char *json = NULL;

      json = g_strdup_printf ("{\"steps\": %" G_GUINT64_FORMAT ", \"events\": %" G_GUINT64_FORMAT
                              ", \"objects_allocated\": %" G_GUINT64_FORMAT
                              ", \"peak_live_objects\": %" G_GUINT64_FORMAT
                              ", \"trace_bytes\": %" G_GUINT64_FORMAT
                              ", \"seconds\": %.6f}\n",
                              vm->steps, rec.events,
                              vm->n_allocated - program->first_program_serial + 1,
                              vm->peak_live, (guint64) 0,
                              (g_get_monotonic_time () - start) / 1e6);
      write_text (write, write_data, json);
    }
  program->vm->recorder = NULL;
  if (rec.trace_lines != NULL)
    fclose (rec.trace_lines);
  return status;
}
