/* main.c — the heapscope program: set up translations, hand over to HsApplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "hs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsApplication) app = NULL;
  const char *localedir;

  /* The execution history forks checkpoints from a worker thread: with
   * GLib < 2.76 that is only safe once the slice allocator is plain malloc
   * (no lock another thread could hold at fork time). Set before any
   * slice allocation. */
  g_setenv ("G_SLICE", "always-malloc", FALSE);

  /* The command line is handled before GTK initializes (and would set the
   * locale), so set it here for translated --help and error messages. */
  setlocale (LC_ALL, "");
  /* HEAPSCOPE_LOCALEDIR lets an uninstalled build use build/po. */
  localedir = g_getenv ("HEAPSCOPE_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname (PACKAGE_NAME);
  g_set_application_name (_("Heapscope"));

  app = hs_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
