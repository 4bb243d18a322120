/* hs-types.h — forward declarations shared by the engine's headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HsVM        HsVM;
typedef struct _HsObject    HsObject;
typedef struct _HsType      HsType;
typedef struct _HsWeakRef   HsWeakRef;
typedef struct _HsCode      HsCode;
typedef struct _HsFrame     HsFrame;
typedef struct _HsRecorder  HsRecorder;
typedef struct _HsGCState   HsGCState;

G_END_DECLS
