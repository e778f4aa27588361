/* pathways-person-notes.h: a person's Notes tab — the running log of dated wins, growth,
 * feedback and plain notes that the review draft is written from.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-review.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON_NOTES (pathways_person_notes_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPersonNotes, pathways_person_notes, PATHWAYS, PERSON_NOTES, GtkWidget)

void pathways_person_notes_set_context     (PathwaysPersonNotes  *self,
                                            PathwaysStore        *store,
                                            PathwaysPerson       *person,
                                            const PathwaysLadder *ladder);
void pathways_person_notes_reload          (PathwaysPersonNotes  *self);
void pathways_person_notes_show_note       (PathwaysPersonNotes  *self,
                                            gint64                note_id);
void pathways_person_notes_flush           (PathwaysPersonNotes  *self);
void pathways_person_notes_show_add_dialog (PathwaysPersonNotes  *self);

G_END_DECLS
