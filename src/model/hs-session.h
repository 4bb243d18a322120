/* hs-session.h — one window's snippet, its recorded run and the current step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hs-heap-object.h"
#include "hs-model-types.h"

G_BEGIN_DECLS

#define HS_TYPE_SESSION (hs_session_get_type ())

/* The app's step cap; the engine's own default is much higher. */
#define HS_SESSION_DEFAULT_MAX_STEPS G_GUINT64_CONSTANT (100000)

G_DECLARE_FINAL_TYPE (HsSession, hs_session, HS, SESSION, GObject)

HsSession          *hs_session_new                     (void);

const char         *hs_session_get_source              (HsSession            *self);
const char         *hs_session_get_filename            (HsSession            *self);
guint64             hs_session_get_max_steps           (HsSession            *self);
guint64             hs_session_get_step                (HsSession            *self);
guint64             hs_session_get_n_steps             (HsSession            *self);
int                 hs_session_get_line                (HsSession            *self);
int                 hs_session_get_step_line           (HsSession            *self,
                                                        guint64               step);
gboolean            hs_session_get_running             (HsSession            *self);
gboolean            hs_session_get_loading             (HsSession            *self);
gboolean            hs_session_get_searching           (HsSession            *self);
const HsDiagnostic *hs_session_get_error               (HsSession            *self);
const char         *hs_session_get_output              (HsSession            *self);
gboolean            hs_session_get_truncated           (HsSession            *self);
const char         *hs_session_get_explanation         (HsSession            *self);
int                 hs_session_get_event               (HsSession            *self);
guint               hs_session_get_n_events            (HsSession            *self);
HsHeapState        *hs_session_dup_state               (HsSession            *self);
GListModel         *hs_session_get_objects             (HsSession            *self);
GListModel         *hs_session_get_frames              (HsSession            *self);
HsHeapObject       *hs_session_lookup_object           (HsSession            *self,
                                                        guint64               id);

void                hs_session_set_source              (HsSession            *self,
                                                        const char           *source);
void                hs_session_set_filename            (HsSession            *self,
                                                        const char           *filename);
void                hs_session_set_max_steps           (HsSession            *self,
                                                        guint64               max_steps);
void                hs_session_set_step                (HsSession            *self,
                                                        guint64               step);

void                hs_session_set_event               (HsSession            *self,
                                                        int                   event);
gboolean            hs_session_step_forward            (HsSession            *self);
gboolean            hs_session_step_into               (HsSession            *self);
gboolean            hs_session_step_back               (HsSession            *self);
void                hs_session_go_to_first             (HsSession            *self);
void                hs_session_go_to_last              (HsSession            *self);
gboolean            hs_session_go_to_next_gc           (HsSession            *self);
void                hs_session_go_to_next_change       (HsSession            *self,
                                                        HsHeapObject         *object,
                                                        HsChangeFlags         what);
void                hs_session_find_next_change_async  (HsSession            *self,
                                                        HsHeapObject         *object,
                                                        HsChangeFlags         what,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean            hs_session_find_next_change_finish (HsSession            *self,
                                                        GAsyncResult         *result,
                                                        guint64              *step,
                                                        GError              **error);
void                hs_session_cancel_search           (HsSession            *self);

G_END_DECLS
