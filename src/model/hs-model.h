/* hs-model.h — the model layer: a recorded run as GObjects and list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-binding.h"
#include "hs-frame-item.h"
#include "hs-heap-object.h"
#include "hs-model-types.h"
#include "hs-session.h"
