/* pathways-person-row.h: one person in the Team sidebar.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-person.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON_ROW (pathways_person_row_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPersonRow, pathways_person_row, PATHWAYS, PERSON_ROW, GtkWidget)

GtkWidget *pathways_person_row_new        (GtkListItem       *list_item);
void       pathways_person_row_set_person (PathwaysPersonRow *self,
                                           PathwaysPerson    *person);

G_END_DECLS
