/* bench-history.c — the execution history's speed and memory, against python3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each workload (allocation-heavy, cycle-heavy, arithmetic; about
 * 750,000 line steps each) this measures, side by side in one run:
 *   - python3's wall time on the same file (the interpreter alone);
 *   - recording the trace (the run with history) and its wall time ratio;
 *   - the history's own memory per line step, and peak RSS against python3's;
 *   - random access: 1,000 random steps materialised (median, p99);
 *   - stepping to the next and the previous step.
 * Run with `meson test --benchmark` or directly: bench-history [DIR].
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hs-trace.h"

typedef struct
{
  const char *name;
  const char *source;
} Workload;

static const Workload workloads[] = {
  { "allocation",
    "class Point:\n"
    "    def __init__(self, x, y):\n"
    "        self.x = x\n"
    "        self.y = y\n"
    "keep = []\n"
    "for i in range(150000):\n"
    "    p = Point(i, i + 1)\n"
    "    if i % 3 == 0:\n"
    "        keep.append(p)\n"
    "print(len(keep))\n" },
  { "cycles",
    "class Node:\n"
    "    pass\n"
    "for i in range(60000):\n"
    "    a = Node()\n"
    "    b = Node()\n"
    "    a.other = b\n"
    "    b.other = a\n"
    "    a = b = None\n"
    "    n = i * 2\n"
    "    n = n + 1\n"
    "    n = n - 1\n"
    "    n = n // 2\n"
    "    n = n * 3\n"
    "print('done')\n" },
  { "arithmetic",
    "total = 0\n"
    "i = 0\n"
    "while i < 250000:\n"
    "    total += i * 2\n"
    "    i += 1\n"
    "print(total)\n" },
};

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Wall time and peak RSS (KiB) of python3 running @path. */
static double
run_python (const char *path,
            long       *peak_kib)
{
  double start = now_ms ();
  int status;
  pid_t pid = fork ();
  struct rusage ru;

  if (pid == 0)
    {
      freopen ("/dev/null", "w", stdout);
      execlp ("python3", "python3", path, NULL);
      _exit (127);
    }
  wait4 (pid, &status, 0, &ru);
  *peak_kib = ru.ru_maxrss;
  return now_ms () - start;
}

/* Peak RSS of this process and of its (checkpoint) children so far. */
static long
self_peak_kib (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

/* Proportional memory of this process and the checkpoints: shared pages
 * counted once, the honest total. */
static long
pss_total_kib (void)
{
  long total = 0;
  g_autofree char *self = NULL;
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *entry;
  char mypid[32];

  g_snprintf (mypid, sizeof mypid, "%d", getpid ());
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *status_path = g_build_filename ("/proc", entry, "status", NULL);
      g_autofree char *status = NULL;
      g_autofree char *rollup_path = NULL;
      g_autofree char *rollup = NULL;
      const char *ppid, *pss;
      gboolean mine;

      if (!g_ascii_isdigit (entry[0]) || !g_file_get_contents (status_path, &status, NULL, NULL))
        continue;
      ppid = strstr (status, "\nPPid:");
      mine = g_str_equal (entry, mypid)
             || (ppid != NULL && g_ascii_strtoll (ppid + 6, NULL, 10) == getpid ());
      if (!mine)
        continue;
      rollup_path = g_build_filename ("/proc", entry, "smaps_rollup", NULL);
      if (!g_file_get_contents (rollup_path, &rollup, NULL, NULL))
        continue;
      pss = strstr (rollup, "\nPss:");
      if (pss != NULL)
        total += g_ascii_strtoll (pss + 5, NULL, 10);
    }
  return total;
}

static void
bench (const Workload *w,
       const char     *dir)
{
  g_autofree char *path = g_build_filename (dir, w->name, NULL);
  g_autofree char *file = g_strconcat (path, ".py", NULL);
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsTrace) trace = NULL;
  long py_kib = 0, pss_kib;
  double py_ms, rec_ms, start;
  guint64 n, bytes;
  double seeks[1000];
  double next_ms = 0, prev_ms = 0;
  GRand *rand = g_rand_new_with_seed (42);

  g_file_set_contents (file, w->source, -1, NULL);
  py_ms = run_python (file, &py_kib);

  start = now_ms ();
  trace = hs_trace_new (w->source, strlen (w->source), file, 2000000, NULL, &error);
  rec_ms = now_ms () - start;
  g_assert_nonnull (trace);
  n = hs_trace_get_n_steps (trace);
  bytes = hs_trace_get_bytes (trace);
  pss_kib = pss_total_kib ();

  for (guint i = 0; i < G_N_ELEMENTS (seeks); i++)
    {
      guint64 step = g_rand_int_range (rand, 0, (gint32) n);
      HsHeapState *state;

      start = now_ms ();
      state = hs_trace_get_state (trace, step);
      seeks[i] = now_ms () - start;
      g_assert_nonnull (state);
      hs_heap_state_unref (state);
    }
  qsort (seeks, G_N_ELEMENTS (seeks), sizeof seeks[0], compare_double);

  /* Stepping as a learner does: 50 steps forward, then 50 back. */
  {
    guint64 step = g_rand_int_range (rand, 100, (gint32) n - 100);
    HsHeapState *state = hs_trace_get_state (trace, step);

    hs_heap_state_unref (state);
    for (guint i = 0; i < 50; i++)
      {
        start = now_ms ();
        state = hs_trace_get_state (trace, ++step);
        next_ms += now_ms () - start;
        hs_heap_state_unref (state);
      }
    for (guint i = 0; i < 50; i++)
      {
        start = now_ms ();
        state = hs_trace_get_state (trace, --step);
        prev_ms += now_ms () - start;
        hs_heap_state_unref (state);
      }
  }

  g_print ("%-10s steps %7" G_GUINT64_FORMAT "  python3 %6.1f ms  record %6.1f ms (%.2fx)"
           "  history %5.1f B/step  checkpoints %2u\n",
           w->name, n, py_ms, rec_ms, rec_ms / py_ms, (double) bytes / n,
           hs_trace_get_n_checkpoints (trace));
  g_print ("%-10s peak RSS: python3 %ld KiB, heapscope %ld KiB (%.2fx); all processes (PSS) %ld KiB (%.2fx)\n",
           "", py_kib, self_peak_kib (), (double) self_peak_kib () / py_kib, pss_kib,
           (double) pss_kib / py_kib);
  g_print ("%-10s random step: median %.2f ms, p99 %.2f ms, max %.2f ms;"
           " next %.2f ms, previous %.2f ms (means)\n",
           "", seeks[G_N_ELEMENTS (seeks) / 2], seeks[G_N_ELEMENTS (seeks) * 99 / 100],
           seeks[G_N_ELEMENTS (seeks) - 1], next_ms / 50, prev_ms / 50);
  g_rand_free (rand);
  g_unlink (file);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("hs-bench-XXXXXX", NULL);

  /* Each workload in a fresh child process: peak RSS is a high-water mark,
   * and a process forked from a big one (python3 included) inherits it. */
  for (gsize i = 0; i < G_N_ELEMENTS (workloads); i++)
    if (argc < 2 || strstr (workloads[i].name, argv[1]) != NULL)
      {
        pid_t pid = fork ();

        if (pid == 0)
          {
            bench (&workloads[i], dir);
            _exit (0);
          }
        waitpid (pid, NULL, 0);
      }
  g_rmdir (dir);
  return 0;
}
