/* pathways-preferences.h: the preferences window — review cycles, the review template and
 * the settings that shape reviews and 1-on-1 agendas.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-review.h"
#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PREFERENCES (pathways_preferences_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPreferences, pathways_preferences, PATHWAYS, PREFERENCES,
                      AdwPreferencesWindow)

GtkWindow *pathways_preferences_new             (GtkWindow     *parent,
                                                 PathwaysStore *store,
                                                 GSettings     *settings);

GPtrArray *pathways_preferences_dup_even_cycles (int            year,
                                                 guint          n_cycles);

G_END_DECLS
