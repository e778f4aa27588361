/* pathways-team-overview.h: the Team area with nobody selected — the open action items
 * across the team and everyone's next 1-on-1.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-ladder.h"

#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_TEAM_OVERVIEW (pathways_team_overview_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysTeamOverview, pathways_team_overview, PATHWAYS, TEAM_OVERVIEW,
                      GtkWidget)

void pathways_team_overview_set_store (PathwaysTeamOverview *self,
                                       PathwaysStore        *store);
void pathways_team_overview_reload    (PathwaysTeamOverview *self);

void pathways_team_overview_set_ladder (PathwaysTeamOverview *self,
                                        const PathwaysLadder *ladder);

G_END_DECLS
