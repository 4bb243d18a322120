/* bench-session.c — how long from setting HsSession:source to a complete run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times what a learner waits for: the run (recording, in a worker) and
 * the first heap shown, then a jump to the last step and a step back. The
 * main loop's longest stall is measured alongside: it must stay short
 * whatever the snippet. Run with `meson test --benchmark session`; set
 * G_SLICE=always-malloc to let the engine's checkpoints work with GLib
 * older than 2.76 (the model's worker threads otherwise rule out fork()).
 */

#include "config.h"

#include <gio/gio.h>

#include "hs-model.h"

typedef struct
{
  gint64 last;
  gint64 longest_gap;
} Ticker;

static gboolean
tick (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last != 0)
    ticker->longest_gap = MAX (ticker->longest_gap, now - ticker->last);
  ticker->last = now;
  return G_SOURCE_CONTINUE;
}

static gint64
wait_idle (HsSession *session)
{
  gint64 t0 = g_get_monotonic_time ();

  while (hs_session_get_running (session) || hs_session_get_loading (session))
    g_main_context_iteration (NULL, TRUE);
  return g_get_monotonic_time () - t0;
}

/* 100 lines of what a lesson does: classes, calls, containers, names. */
static char *
hundred_lines (void)
{
  GString *s = g_string_new (
    "class Point:\n"
    "    def __init__(self, x, y):\n"
    "        self.x = x\n"
    "        self.y = y\n"
    "\n"
    "def dist2(p):\n"
    "    return p.x * p.x + p.y * p.y\n"
    "\n"
    "points = []\n");
  guint line = 9;

  for (guint i = 0; line < 100; i++)
    {
      switch (i % 4)
        {
        case 0:
          g_string_append_printf (s, "v%u = [%u, %u, 'item %u']\n", i, i, i * 2, i);
          break;
        case 1:
          g_string_append_printf (s, "p%u = Point(%u, %u)\n", i, i, i + 1);
          break;
        case 2:
          g_string_append_printf (s, "points.append(p%u)\n", i - 1);
          break;
        default:
          g_string_append_printf (s, "d%u = {'n': dist2(p%u), 'v': v%u}\n", i, i - 2, i - 3);
          break;
        }
      line++;
    }
  g_string_append (s, "print(len(points))\n");
  return g_string_free (s, FALSE);
}

static void
measure (const char *name,
         const char *source,
         guint64     max_steps)
{
  g_autoptr(HsSession) session = hs_session_new ();
  Ticker ticker = { 0, };
  guint source_id = g_timeout_add (1, tick, &ticker);
  gint64 t0;
  gint64 run;
  gint64 last;
  gint64 back;
  gint64 back2;

  hs_session_set_max_steps (session, max_steps);

  t0 = g_get_monotonic_time ();
  hs_session_set_source (session, source);
  wait_idle (session);
  run = g_get_monotonic_time () - t0;

  hs_session_go_to_last (session);
  last = wait_idle (session);
  /* One step back is cached (the last step needed it); two is not. */
  hs_session_step_back (session);
  back = wait_idle (session);
  hs_session_step_back (session);
  back2 = wait_idle (session);

  g_print ("%-22s %9" G_GUINT64_FORMAT " steps%s  run+first heap %8.1f ms  last step %7.1f ms  "
           "back %5.1f ms  back again %7.1f ms  longest main-loop stall %5.1f ms  %u objects\n",
           name, hs_session_get_n_steps (session),
           hs_session_get_truncated (session) ? " (capped)" : "",
           run / 1000., last / 1000., back / 1000., back2 / 1000., ticker.longest_gap / 1000.,
           g_list_model_get_n_items (hs_session_get_objects (session)));

  g_source_remove (source_id);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *lines = hundred_lines ();
  const char *loop = "i = 0\nwhile i < 500000:\n    i += 1\n";

  g_print ("G_SLICE=%s\n", g_getenv ("G_SLICE") != NULL ? g_getenv ("G_SLICE") : "(unset)");
  for (int round = 0; round < 3; round++)
    {
      measure ("100 lines", lines, HS_SESSION_DEFAULT_MAX_STEPS);
      measure ("1,000,000 steps", loop, 2000000);
      measure ("endless loop, app cap", "while True:\n    pass\n", HS_SESSION_DEFAULT_MAX_STEPS);
    }
  return 0;
}
