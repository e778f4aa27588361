/* pathways-person-ladder.h: a person's progress toward their target level, expectation by
 * expectation — ratings with their dates, and the evidence behind them.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-ladder.h"
#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON_LADDER (pathways_person_ladder_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPersonLadder, pathways_person_ladder, PATHWAYS, PERSON_LADDER,
                      GtkWidget)

void                 pathways_person_ladder_set_settings (PathwaysPersonLadder *self,
                                                          GSettings            *settings);
void                 pathways_person_ladder_set_store  (PathwaysPersonLadder *self,
                                                        PathwaysStore        *store);
void                 pathways_person_ladder_set_ladder (PathwaysPersonLadder *self,
                                                        const PathwaysLadder *ladder);
void                 pathways_person_ladder_set_person (PathwaysPersonLadder *self,
                                                        PathwaysPerson       *person);

G_END_DECLS
