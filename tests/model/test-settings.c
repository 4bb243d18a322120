/* test-settings.c — the GSettings schema the app and the model read preferences from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema;

  /* meson points GSETTINGS_SCHEMA_DIR at the build's compiled schemas. */
  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);

  return schema;
}

static void
test_defaults (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_full (schema, backend, NULL);
  g_autofree char *scheme = NULL;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  /* The app stops runaway programs much earlier than the CLI's engine default. */
  g_assert_cmpuint (g_settings_get_uint64 (settings, "max-steps"), ==, 100000);
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "follow");
}

/* g_settings_schema_key_range_check() does not sink a floating value. */
static gboolean
in_range (GSettingsSchemaKey *key,
          GVariant           *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);

  return g_settings_schema_key_range_check (key, owned);
}

static void
test_ranges (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsSchemaKey) steps = g_settings_schema_get_key (schema, "max-steps");
  g_autoptr(GSettingsSchemaKey) width = g_settings_schema_get_key (schema, "window-width");
  g_autoptr(GSettingsSchemaKey) scheme = g_settings_schema_get_key (schema, "color-scheme");
  g_autoptr(GVariant) choices = NULL;
  g_autoptr(GVariant) values = NULL;
  g_autofree const char **names = NULL;
  const char *kind = NULL;

  g_assert_false (in_range (steps, g_variant_new_uint64 (0)));
  g_assert_true (in_range (steps, g_variant_new_uint64 (1)));
  g_assert_false (in_range (width, g_variant_new_int32 (10)));
  g_assert_true (in_range (width, g_variant_new_int32 (1280)));

  choices = g_settings_schema_key_get_range (scheme);
  g_variant_get (choices, "(&sv)", &kind, &values);
  g_assert_cmpstr (kind, ==, "enum");
  names = g_variant_get_strv (values, NULL);
  g_assert_cmpstrv (names, ((const char * const []) { "follow", "light", "dark", NULL }));
  g_assert_false (in_range (scheme, g_variant_new_string ("blue")));
}

static void
test_round_trip (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) writer = g_settings_new_full (schema, backend, NULL);
  g_autoptr(GSettings) reader = g_settings_new_full (schema, backend, NULL);
  g_autofree char *scheme = NULL;

  g_assert_true (g_settings_set_string (writer, "color-scheme", "dark"));
  g_assert_true (g_settings_set_int (writer, "window-width", 1280));
  g_assert_true (g_settings_set_uint64 (writer, "max-steps", 5000));

  scheme = g_settings_get_string (reader, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_assert_cmpint (g_settings_get_int (reader, "window-width"), ==, 1280);
  g_assert_cmpuint (g_settings_get_uint64 (reader, "max-steps"), ==, 5000);

  g_settings_reset (writer, "color-scheme");
  g_clear_pointer (&scheme, g_free);
  scheme = g_settings_get_string (reader, "color-scheme");
  g_assert_cmpstr (scheme, ==, "follow");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/defaults", test_defaults);
  g_test_add_func ("/settings/ranges", test_ranges);
  g_test_add_func ("/settings/round-trip", test_round_trip);

  return g_test_run ();
}
