/* pathways-person-private.h: what only the store may change on a person — the id it gave
 * them, whether they are archived, and their current level (which changes through the
 * level history).
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-person.h"

G_BEGIN_DECLS

void        pathways_person_set_id          (PathwaysPerson *self,
                                             gint64          id);
void        pathways_person_set_archived    (PathwaysPerson *self,
                                             gboolean        archived);
void        pathways_person_set_ladder_path (PathwaysPerson *self,
                                             const char     *ladder_path);
void        pathways_person_set_level       (PathwaysPerson *self,
                                             const char     *level);
const char *pathways_person_get_sort_key    (PathwaysPerson *self);

G_END_DECLS
