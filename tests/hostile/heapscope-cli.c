/* heapscope-cli.c — the headless half of the heapscope program, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `heapscope --run FILE.py` without GTK: the same hs_cli_args_parse() and
 * hs_cli_execute() the application calls from handle-local-options, so
 * builds with -Dui=false (the sanitizer variant) run the hostile inputs too.
 */

#include "config.h"

#include <locale.h>

#include "hs-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsCliArgs) args = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_set_prgname (PACKAGE_NAME);

  args = hs_cli_args_parse ((const char * const *) argv, &error);
  if (args == NULL)
    return hs_cli_report_error (error, NULL, NULL);

  status = hs_cli_execute (args, NULL, NULL);
  /* The window is the GTK program's business. */
  return status == HS_CLI_CONTINUE ? HS_CLI_EXIT_USAGE : status;
}
