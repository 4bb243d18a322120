/* render-test-util.h — helpers shared by the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hs-layout.h"
#include "hs-trace.h"

G_BEGIN_DECLS

HsTrace   *render_test_trace        (const char *source);
guint64    render_test_step_of_line (HsTrace    *trace,
                                     int         line);
HsLayout  *render_test_layout_at    (HsTrace    *trace,
                                     guint64     step);
void       render_test_check_layout (HsLayout   *layout);
guint      render_test_count        (const char *haystack,
                                     const char *needle);
char      *render_test_rgb          (double      r,
                                     double      g,
                                     double      b);

G_END_DECLS
