/* pathways-window.h: the main window.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-application.h"
#include "pathways-search.h"
#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_WINDOW (pathways_window_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysWindow, pathways_window, PATHWAYS, WINDOW, AdwApplicationWindow)

PathwaysWindow *pathways_window_new             (PathwaysApplication *application);
void            pathways_window_open_handbook   (PathwaysWindow      *self,
                                                 GFile               *folder,
                                                 const char          *page);
void            pathways_window_open_remembered (PathwaysWindow      *self);
void            pathways_window_set_store       (PathwaysWindow      *self,
                                                 PathwaysStore       *store);
void            pathways_window_show_store_error (PathwaysWindow     *self,
                                                 const char          *title,
                                                 const char          *description,
                                                 gboolean             can_restore,
                                                 gboolean             can_start_fresh);
void            pathways_window_toast           (PathwaysWindow      *self,
                                                 const char          *message);
void            pathways_window_open_search_result (PathwaysWindow             *self,
                                                    const PathwaysSearchResult *result);

G_END_DECLS
