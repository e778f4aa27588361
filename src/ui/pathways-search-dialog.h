/* pathways-search-dialog.h: Ctrl+K — one box that searches the handbook and the records.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-search.h"

G_BEGIN_DECLS

/* Signal "open-result" (const PathwaysSearchResult *result): a result was chosen; the
 * dialog has hidden itself. The result is valid during the emission only. */

#define PATHWAYS_TYPE_SEARCH_DIALOG (pathways_search_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysSearchDialog, pathways_search_dialog, PATHWAYS, SEARCH_DIALOG,
                      AdwWindow)

PathwaysSearchDialog *pathways_search_dialog_new        (GtkWindow            *parent);
void                  pathways_search_dialog_set_index  (PathwaysSearchDialog *self,
                                                         PathwaysSearchIndex  *index,
                                                         const char           *problem);
void                  pathways_search_dialog_set_db     (PathwaysSearchDialog *self,
                                                         PathwaysDb           *db);
void                  pathways_search_dialog_present    (PathwaysSearchDialog *self);
void                  pathways_search_dialog_search     (PathwaysSearchDialog *self,
                                                         const char           *query);
guint                 pathways_search_dialog_get_n_results (PathwaysSearchDialog *self);
GtkListBox           *pathways_search_dialog_get_list   (PathwaysSearchDialog *self);
char                 *pathways_search_dup_snippet_markup (const char          *snippet);

G_END_DECLS
