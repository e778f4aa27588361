/* pathways-person-meetings.h: a person's 1-on-1s tab — the next meeting on top (prepared
 * with one click), the earlier ones below, and their mood over time.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-agenda.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON_MEETINGS (pathways_person_meetings_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPersonMeetings, pathways_person_meetings, PATHWAYS, PERSON_MEETINGS,
                      GtkWidget)

void pathways_person_meetings_set_context (PathwaysPersonMeetings *self,
                                           PathwaysStore          *store,
                                           PathwaysPerson         *person,
                                           const PathwaysGuide    *guide,
                                           const PathwaysLadder   *ladder);
void pathways_person_meetings_set_settings (PathwaysPersonMeetings *self,
                                            GSettings              *settings);
void pathways_person_meetings_reload      (PathwaysPersonMeetings *self);
void pathways_person_meetings_flush       (PathwaysPersonMeetings *self);
void pathways_person_meetings_show_meeting (PathwaysPersonMeetings *self,
                                            gint64                  meeting_id);
gboolean pathways_person_meetings_prepare (PathwaysPersonMeetings *self,
                                           GError                **error);

G_END_DECLS
