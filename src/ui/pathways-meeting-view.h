/* pathways-meeting-view.h: one 1-on-1 — its agenda by section, action items, notes and
 * mood, edited in place and saved as you go.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-agenda.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_MEETING_VIEW (pathways_meeting_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysMeetingView, pathways_meeting_view, PATHWAYS, MEETING_VIEW, GtkWidget)

/* Signals:
 *   "changed" ()  the meeting was held, moved, cancelled or reopened: lists showing it
 *                 should reload */

void    pathways_meeting_view_set_context  (PathwaysMeetingView  *self,
                                            PathwaysStore        *store,
                                            PathwaysPerson       *person,
                                            const PathwaysGuide  *guide,
                                            const PathwaysLadder *ladder);
void    pathways_meeting_view_show         (PathwaysMeetingView  *self,
                                            gint64                meeting_id);
gint64  pathways_meeting_view_get_meeting_id (PathwaysMeetingView *self);
void    pathways_meeting_view_reload       (PathwaysMeetingView  *self);
void    pathways_meeting_view_flush        (PathwaysMeetingView  *self);
char   *pathways_meeting_view_dup_agenda   (PathwaysMeetingView  *self,
                                            gboolean              include_private);

char   *pathways_format_scheduled          (const char           *scheduled_at);
char   *pathways_format_short_date         (const char           *date);
void    pathways_show_add_as_evidence      (GtkWidget            *parent,
                                            PathwaysStore        *store,
                                            PathwaysPerson       *person,
                                            const PathwaysLadder *ladder,
                                            const char           *text,
                                            const char           *date);

G_END_DECLS
