/* hs-explain-private.h — the plain-words explanation of one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hs-trace.h"

G_BEGIN_DECLS

/* What running the previous step's line did, from the difference between
 * @prev (NULL at step 0) and @cur plus @cur's events. @lines is the source
 * the trace ran, split at newlines. Returns a translated string. */
char *_hs_explain_step (const char * const *lines,
                        HsTrace            *trace,
                        guint64             step,
                        HsHeapState        *prev,
                        HsHeapState        *cur);

/* "the list [1, 2]", "the Node object at 0x7f…", "the class Node"; with
 * @fresh, "a new …". Returns a translated string. */
char *_hs_explain_describe_object (const HsObjectInfo *o,
                                   gboolean            fresh);

/* What the last event of @cur (an event state) does; @before is the state
 * of the step whose line runs, @after that of the step after it (either
 * may be NULL). Returns a translated sentence. */
char *_hs_explain_event (const char * const *lines,
                         HsHeapState        *before,
                         HsHeapState        *cur,
                         HsHeapState        *after);

G_END_DECLS
