/* test-stack-guard.c — deep recursion through C never overflows the real stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs snippets that recurse through the C paths (type_call → __init__,
 * __repr__, __eq__, nested containers, yield from, iterators of iterators)
 * with sys.setrecursionlimit(100000), in threads whose stacks are 256 KiB,
 * 1 MiB and the default: each must end in RecursionError, whatever the
 * stack. The model runs snippets in GLib worker threads (8 MiB by default,
 * 2 MiB when `ulimit -s` is unlimited); the guard reads the real bounds.
 * The parser and compiler, bounded by their nesting limits, stop at the
 * guard too in a thread with a very small stack.
 */

#include "config.h"

#include <pthread.h>

#include "hs-program.h"
#include "hs-recursion.h"

typedef struct
{
  const char *source;
  GString    *output;
  int         status;
  gsize       stack_left;   /* hs_stack_remaining() when the thread started */
} Job;

static const char *const snippets[] = {
  /* type_call → __init__ */
  "import sys\nsys.setrecursionlimit(100000)\n"
  "class A:\n    def __init__(self, n):\n        A(n + 1)\nA(0)\n",
  /* repr() → __repr__ */
  "import sys\nsys.setrecursionlimit(100000)\n"
  "class R:\n    def __repr__(self):\n        return repr(R())\nrepr(R())\n",
  /* == → __eq__ */
  "import sys\nsys.setrecursionlimit(100000)\n"
  "class E:\n    def __eq__(self, other):\n        return E() == other\nE() == 1\n",
  /* repr of nested lists, no Python code in between */
  "import sys\nsys.setrecursionlimit(100000)\n"
  "l = []\nfor _ in range(100000): l = [l]\nrepr(l)\n",
  /* hash of nested tuples: not on the recursion counter at all */
  "t = ()\nfor _ in range(300000): t = (t,)\nhash(t)\n",
  /* generators resumed by yield from */
  "import sys\nsys.setrecursionlimit(100000)\n"
  "def g(n):\n    yield from g(n + 1)\nnext(g(0))\n",
  /* an iterator of an iterator of … */
  "it = [1]\nfor _ in range(300000): it = map(abs, it)\nnext(it)\n",
};

static void
collect_output (HsStream    stream,
                const char *text,
                gsize       len,
                gpointer    user_data)
{
  g_string_append_len (user_data, text, len);
}

static gpointer
run_job (gpointer data)
{
  Job *job = data;
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsProgram) program = NULL;

  job->stack_left = hs_stack_remaining ();
  program = hs_program_new (job->source, strlen (job->source), "/snippet.py", &error);
  g_assert_null (error);
  g_assert_nonnull (program);
  program->vm->write = collect_output;
  program->vm->write_data = job->output;
  program->vm->max_steps = 2000000;
  job->status = hs_program_run (program);
  return NULL;
}

/* Runs @source in a thread with a @stack_size stack (0: the default). */
static void
run_in_thread (const char *source,
               gsize       stack_size,
               Job        *job)
{
  pthread_attr_t attr;
  pthread_t thread;

  job->source = source;
  job->output = g_string_new (NULL);
  g_assert_cmpint (pthread_attr_init (&attr), ==, 0);
  if (stack_size > 0)
    g_assert_cmpint (pthread_attr_setstacksize (&attr, stack_size), ==, 0);
  g_assert_cmpint (pthread_create (&thread, &attr, run_job, job), ==, 0);
  g_assert_cmpint (pthread_join (thread, NULL), ==, 0);
  pthread_attr_destroy (&attr);
}

static void
test_stack_guard (gconstpointer data)
{
  gsize stack_size = GPOINTER_TO_SIZE (data);

  for (guint i = 0; i < G_N_ELEMENTS (snippets); i++)
    {
      Job job = { 0 };

      run_in_thread (snippets[i], stack_size, &job);
      g_test_message ("snippet %u, %" G_GSIZE_FORMAT " bytes of stack usable: status %d", i,
                      job.stack_left, job.status);
      g_assert_cmpint (job.status, ==, 1);
      g_assert_true (g_str_has_suffix (job.output->str, "\n")); /* a whole traceback */
      g_assert_nonnull (strstr (job.output->str, "RecursionError: maximum recursion depth exceeded"));
      g_string_free (job.output, TRUE);
    }
}

/* A thread smaller than the guard's margin still gets three quarters of
 * its stack to work with, and ends cleanly. (glibc may hand the thread a
 * cached stack up to four times the size asked for; the guard reads the
 * stack it really got.) */
static void
test_stack_remaining (void)
{
  Job job = { 0 };

  run_in_thread ("x = 1\n", 128 * 1024, &job);
  g_assert_cmpint (job.status, ==, 0);
  g_assert_cmpuint (job.stack_left, >, 0);
  g_assert_cmpuint (job.stack_left, <, 4 * 128 * 1024);
  g_string_free (job.output, TRUE);
}

static gpointer
compile_job (gpointer data)
{
  const char *source = data;
  g_autoptr(HsDiagnostic) error = NULL;
  g_autoptr(HsProgram) program = NULL;

  program = hs_program_new (source, strlen (source), "/snippet.py", &error);
  /* Either it fits, or a located limit error says why not. */
  g_assert_true ((program == NULL) != (error == NULL));
  return NULL;
}

/* The parser and the compiler recurse up to their nesting limits: in a
 * thread with 128 KiB of stack they stop at the guard instead. */
static void
test_front_end (void)
{
  GString *sources[3];
  pthread_attr_t attr;

  sources[0] = g_string_new ("x = ");
  sources[1] = g_string_new ("x = ");
  sources[2] = g_string_new ("x = 1\nif x == 0: pass\n");
  for (int i = 0; i < 199; i++)
    {
      g_string_insert_c (sources[0], 4, '(');
      g_string_append_c (sources[0], ')');
      g_string_insert_c (sources[1], 4, '[');
      g_string_append_c (sources[1], ']');
    }
  g_string_insert_c (sources[0], 4 + 199, '1');
  g_string_insert_c (sources[1], 4 + 199, '1');
  for (int i = 0; i < 999; i++)
    g_string_append (sources[2], "elif x == 0: pass\n");

  g_assert_cmpint (pthread_attr_init (&attr), ==, 0);
  g_assert_cmpint (pthread_attr_setstacksize (&attr, 128 * 1024), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      pthread_t thread;

      g_assert_cmpint (pthread_create (&thread, &attr, compile_job, sources[i]->str), ==, 0);
      g_assert_cmpint (pthread_join (thread, NULL), ==, 0);
      g_string_free (sources[i], TRUE);
    }
  pthread_attr_destroy (&attr);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/stack-guard/stack-256k", GSIZE_TO_POINTER (256 * 1024),
                        test_stack_guard);
  g_test_add_data_func ("/stack-guard/stack-1m", GSIZE_TO_POINTER (1024 * 1024),
                        test_stack_guard);
  g_test_add_data_func ("/stack-guard/stack-default", GSIZE_TO_POINTER (0),
                        test_stack_guard);
  g_test_add_func ("/stack-guard/small-thread", test_stack_remaining);
  g_test_add_func ("/stack-guard/front-end", test_front_end);

  return g_test_run ();
}
