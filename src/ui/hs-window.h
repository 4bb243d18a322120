/* hs-window.h — the main window (a placeholder until the editor and heap view land)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hs-application.h"

G_BEGIN_DECLS

#define HS_TYPE_WINDOW (hs_window_get_type ())

G_DECLARE_FINAL_TYPE (HsWindow, hs_window, HS, WINDOW, AdwApplicationWindow)

HsWindow *hs_window_new      (HsApplication *application,
                              GFile         *file);
GFile    *hs_window_get_file (HsWindow      *self);

G_END_DECLS
