/* pathways-team-page.h: the Team area — the manager's reports, and one of them in detail.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-search.h"

#include "pathways-guide.h"
#include "pathways-ladder.h"
#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_TEAM_PAGE (pathways_team_page_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysTeamPage, pathways_team_page, PATHWAYS, TEAM_PAGE, GtkWidget)

void pathways_team_page_set_store      (PathwaysTeamPage *self,
                                        PathwaysStore    *store);
void pathways_team_page_show_error     (PathwaysTeamPage *self,
                                        const char       *title,
                                        const char       *description,
                                        gboolean          can_restore,
                                        gboolean          can_start_fresh);
void pathways_team_page_set_view_stack (PathwaysTeamPage *self,
                                        AdwViewStack     *stack);
void pathways_team_page_show_search_result (PathwaysTeamPage           *self,
                                            const PathwaysSearchResult *result);
void pathways_team_page_flush          (PathwaysTeamPage *self);
void pathways_team_page_set_settings   (PathwaysTeamPage *self,
                                        GSettings        *settings);
void pathways_team_page_set_guide      (PathwaysTeamPage     *self,
                                        const PathwaysGuide  *guide);
void pathways_team_page_set_ladder     (PathwaysTeamPage     *self,
                                        const PathwaysLadder *ladder);

G_END_DECLS
