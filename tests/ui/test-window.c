/* test-window.c — the application and its main window, under a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like GNOME Console's window test: register the real HsApplication, present
 * a real HsWindow, wait for it to draw, then drive it through its actions.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "hs-application.h"
#include "hs-window.h"

static HsApplication *app;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static HsWindow *
present_window (GFile *file)
{
  HsWindow *window = hs_window_new (app, file);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate (50);

  return window;
}

static GtkWidget *
template_child (HsWindow   *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), HS_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Renders the window as the compositor would see it, saves it next to the
 * test for people to look at, and returns TRUE if it is not one flat colour. */
static gboolean
snapshot_has_content (GtkWidget  *widget,
                      const char *png_name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean varied = FALSE;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  path = g_test_build_filename (G_TEST_BUILT, png_name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("window screenshot: %s", path);

  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (gsize i = 4; i < (gsize) width * height * 4 && !varied; i += 4)
    varied = memcmp (pixels, pixels + i, 4) != 0;

  return varied;
}

static void
test_app_actions (void)
{
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) close_accels = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "color-scheme"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstrv (quit_accels, ((const char * const []) { "<Control>q", NULL }));
  close_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  g_assert_cmpstrv (close_accels, ((const char * const []) { "<Control>w", NULL }));

  g_assert_nonnull (hs_application_get_settings (app));
}

static void
test_window_default_example (void)
{
  g_autoptr(GFile) example = hs_application_dup_default_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  HsWindow *window;
  GtkWidget *title;
  GtkWidget *status;

  /* The default example is compiled into the executable's resources. */
  g_file_load_contents (example, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "# "));

  window = present_window (example);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (hs_window_get_file (window) == example);
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Heapscope");

  title = template_child (window, "window_title");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "Heapscope");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "refcounts.py");

  status = template_child (window, "status_page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Heapscope");
  g_assert_true (gtk_widget_get_mapped (status));

  g_assert_true (snapshot_has_content (GTK_WIDGET (window), "test-window.png"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_state (void)
{
  GSettings *settings = hs_application_get_settings (app);
  HsWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);

  window = present_window (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);

  /* Closing saves the size the window has now (GTK only closes realized windows). */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  iterate (50);
  gtk_window_close (GTK_WINDOW (window));
  iterate (10);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_color_scheme (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GSettings *settings = hs_application_get_settings (app);
  g_autofree char *scheme = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "color-scheme",
                                  g_variant_new_string ("dark"));
  iterate (10);
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  g_settings_reset (settings, "color-scheme");
  iterate (10);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_about (void)
{
  HsWindow *window = present_window (NULL);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate (50);

#if !ADW_CHECK_VERSION (1, 5, 0)
  {
    GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
    GtkWindow *about = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        /* GTK keeps its own reference until the window is destroyed. */
        if (ADW_IS_ABOUT_WINDOW (toplevel))
          about = toplevel;
      }

    g_assert_nonnull (about);
    g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                     "Heapscope");
    g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==,
                     PACKAGE_VERSION);
    g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
    gtk_window_destroy (about);
  }
#endif

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_quit (void)
{
  present_window (NULL);
  present_window (NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  iterate (50);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* gtk_test_init() aborts without TAP output when there is no display. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("Bail out! no display: run this suite under xvfb-run -a (build-aux/test does)\n");
      return 1;
    }

  gtk_test_init (&argc, &argv, NULL);

  app = hs_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/application/actions", test_app_actions);
  g_test_add_func ("/ui/window/default-example", test_window_default_example);
  g_test_add_func ("/ui/window/state", test_window_state);
  g_test_add_func ("/ui/application/color-scheme", test_color_scheme);
  g_test_add_func ("/ui/application/about", test_about);
  g_test_add_func ("/ui/application/quit", test_quit);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
