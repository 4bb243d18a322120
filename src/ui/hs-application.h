/* hs-application.h — the AdwApplication: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HS_TYPE_APPLICATION (hs_application_get_type ())

G_DECLARE_FINAL_TYPE (HsApplication, hs_application, HS, APPLICATION, AdwApplication)

HsApplication *hs_application_new                 (void);
GSettings     *hs_application_get_settings        (HsApplication *self);
GFile         *hs_application_dup_default_example (void);

G_END_DECLS
