/* pathways-ladder-page.h: the career ladder — its paths and levels, one level's
 * expectations, and two levels compared side by side.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-ladder.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_LADDER_PAGE (pathways_ladder_page_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysLadderPage, pathways_ladder_page, PATHWAYS, LADDER_PAGE, GtkWidget)

void     pathways_ladder_page_set_ladder (PathwaysLadderPage   *self,
                                          const PathwaysLadder *ladder);
gboolean pathways_ladder_page_compare    (PathwaysLadderPage   *self,
                                          const char           *path_a,
                                          const char           *level_a,
                                          const char           *path_b,
                                          const char           *level_b);

G_END_DECLS
