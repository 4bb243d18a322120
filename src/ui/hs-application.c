/* hs-application.c — the AdwApplication: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hs-application.h"
#include "hs-cli.h"
#include "hs-window.h"

#define HS_RESOURCE_PATH   "/io/github/heapscope/Heapscope"
#define HS_DEFAULT_EXAMPLE "resource://" HS_RESOURCE_PATH "/examples/refcounts.py"
#define HS_WEBSITE         "https://github.com/heapscope/heapscope"

struct _HsApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  HsCliArgs      *cli_args;   /* parsed in local_command_line, acted on in handle_local_options */
  GSettings      *settings;   /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (HsApplication, hs_application, ADW_TYPE_APPLICATION)

/* GApplication would print its own option errors and exit with 1, so the
 * whole command line is parsed here first, GTK-free, by hs-cli. GApplication
 * then only sees the program name and the files to open. */
static gboolean
hs_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  HsApplication *self = HS_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GPtrArray *forward;

  g_clear_pointer (&self->cli_args, hs_cli_args_free);
  self->cli_args = hs_cli_args_parse ((const char * const *) *arguments, &error);
  if (self->cli_args == NULL)
    {
      *exit_status = hs_cli_report_error (error, NULL, NULL);
      return TRUE;
    }

  forward = g_ptr_array_new ();
  g_ptr_array_add (forward, g_strdup ((*arguments)[0] != NULL ? (*arguments)[0] : PACKAGE_NAME));
  /* Absolute paths, so that no file name can be taken for an option. */
  if (self->cli_args->mode == HS_CLI_MODE_GUI)
    {
      for (guint i = 0; self->cli_args->files[i] != NULL; i++)
        g_ptr_array_add (forward, g_canonicalize_filename (self->cli_args->files[i], NULL));
    }
  g_ptr_array_add (forward, NULL);

  g_strfreev (*arguments);
  *arguments = (char **) g_ptr_array_free (forward, FALSE);

  return G_APPLICATION_CLASS (hs_application_parent_class)->local_command_line (app,
                                                                               arguments,
                                                                               exit_status);
}

/* Runs before registration and before GTK opens a display, so --version,
 * --run and --export work on a machine without one. */
static int
hs_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  HsApplication *self = HS_APPLICATION (app);
  int status;

  if (self->cli_args == NULL)
    return -1;

  status = hs_cli_execute (self->cli_args, NULL, NULL);
  if (status != HS_CLI_CONTINUE)
    return status;

  /* One clear line instead of GTK's warning when a window cannot open. */
  if (!gtk_init_check ())
    {
      g_printerr ("%s: %s\n", PACKAGE_NAME,
                  _("cannot open a display (without one, use “heapscope --run FILE.py”)"));
      return HS_CLI_EXIT_USAGE;
    }

  return -1;
}

static void
apply_color_scheme (HsApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_str_equal (scheme, "light"))
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HsApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close rather than destroy, so every window saves its state (and can
   * later ask about unsaved changes); the app exits with the last one. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

#define HS_ABOUT_PROPERTIES \
  "application-name", _("Heapscope"), \
  "application-icon", APP_ID, \
  "version", PACKAGE_VERSION, \
  "developer-name", _("The Heapscope developers"), \
  "comments", _("Step through a Python snippet and watch its heap: reference counts, " \
                "garbage collection, __del__ and weak references."), \
  "website", HS_WEBSITE, \
  "issue-url", HS_WEBSITE "/issues", \
  "license-type", GTK_LICENSE_GPL_3_0, \
  "translator-credits", _("translator-credits")

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AdwDialog *about = g_object_new (ADW_TYPE_ABOUT_DIALOG, HS_ABOUT_PROPERTIES, NULL);

    adw_dialog_present (about, parent != NULL ? GTK_WIDGET (parent) : NULL);
  }
#else
  {
    GtkWindow *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                     HS_ABOUT_PROPERTIES,
                                     "transient-for", parent,
                                     "modal", parent != NULL,
                                     NULL);

    gtk_window_present (about);
  }
#endif

#undef HS_ABOUT_PROPERTIES
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
};

/* g_settings_new() aborts on a missing schema; an uninstalled run without
 * GSETTINGS_SCHEMA_DIR should still open, just without saved preferences. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("GSettings schema %s is not installed; preferences will not be saved "
                 "(set GSETTINGS_SCHEMA_DIR to run uninstalled)", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
hs_application_startup (GApplication *app)
{
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const close_accels[] = { "<Control>w", NULL };
  HsApplication *self = HS_APPLICATION (app);

  G_APPLICATION_CLASS (hs_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      g_autoptr(GAction) color_scheme = g_settings_create_action (self->settings, "color-scheme");

      g_action_map_add_action (G_ACTION_MAP (self), color_scheme);
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
      apply_color_scheme (self);
    }
}

static void
hs_application_activate (GApplication *app)
{
  HsApplication *self = HS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autoptr(GFile) example = hs_application_dup_default_example ();

      window = GTK_WINDOW (hs_window_new (self, example));
    }

  gtk_window_present (window);
}

static void
hs_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  HsApplication *self = HS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    gtk_window_present (GTK_WINDOW (hs_window_new (self, files[i])));
}

static void
hs_application_finalize (GObject *object)
{
  HsApplication *self = HS_APPLICATION (object);

  g_clear_pointer (&self->cli_args, hs_cli_args_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hs_application_parent_class)->finalize (object);
}

static void
hs_application_class_init (HsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hs_application_finalize;

  app_class->local_command_line = hs_application_local_command_line;
  app_class->handle_local_options = hs_application_handle_local_options;
  app_class->startup = hs_application_startup;
  app_class->activate = hs_application_activate;
  app_class->open = hs_application_open;
}

static void
hs_application_init (HsApplication *self)
{
}

/**
 * hs_application_new:
 *
 * Returns: (transfer full): a new non-unique application: tests and headless
 *   runs never talk to D-Bus, and each `heapscope` call is its own process
 */
HsApplication *
hs_application_new (void)
{
  return g_object_new (HS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", HS_RESOURCE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS
                                | G_APPLICATION_HANDLES_OPEN
                                | G_APPLICATION_NON_UNIQUE,
                       NULL);
}

/**
 * hs_application_get_settings:
 * @self: an #HsApplication
 *
 * Returns: (transfer none) (nullable): the app's settings once started up,
 *   %NULL when the schema is not installed
 */
GSettings *
hs_application_get_settings (HsApplication *self)
{
  g_return_val_if_fail (HS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * hs_application_dup_default_example:
 *
 * Returns: (transfer full): the example a window shows when no file is given
 */
GFile *
hs_application_dup_default_example (void)
{
  return g_file_new_for_uri (HS_DEFAULT_EXAMPLE);
}
