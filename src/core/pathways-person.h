/* pathways-person.h: one of the manager's reports, as the store keeps them.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PERSON (pathways_person_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysPerson, pathways_person, PATHWAYS, PERSON, GObject)

/* Properties (all G_PARAM_EXPLICIT_NOTIFY; setters notify only on change):
 *   "id"              gint64, read-only, 0 until stored
 *   "name"            string, never empty once stored
 *   "pronouns"        string or NULL
 *   "title"           string or NULL (role/title)
 *   "ladder-path"     string or NULL (free text for now); construct-only: give it to a new
 *                     person, afterwards pathways_store_change_level() changes it
 *   "level"           string or NULL (free text for now); construct-only, as "ladder-path"
 *   "start-date"      string or NULL, ISO 8601 date "YYYY-MM-DD"
 *   "cadence-weeks"   guint 1–52, default 1
 *   "meeting-weekday" guint 0 (unset) or 1–7 (Monday–Sunday, as GDateWeekday)
 *   "meeting-time"    string or NULL, "HH:MM"
 *   "skip-level"      gboolean
 *   "notes"           string, "" by default
 *   "target-path"     string or NULL: the ladder path of the level they aim for (NULL: the
 *                     next level on their own path)
 *   "target-level"    string or NULL: that level's title
 *   "archived"        gboolean, read-only (the store archives)
 *   "initials"        string, read-only, derived from the name (for avatars)
 */

PathwaysPerson *pathways_person_new             (const char     *name);

const char *pathways_person_get_name            (PathwaysPerson *self);
void        pathways_person_set_name            (PathwaysPerson *self,
                                                 const char     *name);
gint64      pathways_person_get_id              (PathwaysPerson *self);
const char *pathways_person_get_pronouns        (PathwaysPerson *self);
void        pathways_person_set_pronouns        (PathwaysPerson *self,
                                                 const char     *pronouns);
const char *pathways_person_get_title           (PathwaysPerson *self);
void        pathways_person_set_title           (PathwaysPerson *self,
                                                 const char     *title);
const char *pathways_person_get_ladder_path     (PathwaysPerson *self);
const char *pathways_person_get_level           (PathwaysPerson *self);
const char *pathways_person_get_start_date      (PathwaysPerson *self);
void        pathways_person_set_start_date      (PathwaysPerson *self,
                                                 const char     *date);
guint       pathways_person_get_cadence_weeks   (PathwaysPerson *self);
void        pathways_person_set_cadence_weeks   (PathwaysPerson *self,
                                                 guint           weeks);
guint       pathways_person_get_meeting_weekday (PathwaysPerson *self);
void        pathways_person_set_meeting_weekday (PathwaysPerson *self,
                                                 guint           weekday);
const char *pathways_person_get_meeting_time    (PathwaysPerson *self);
void        pathways_person_set_meeting_time    (PathwaysPerson *self,
                                                 const char     *time);
gboolean    pathways_person_get_skip_level      (PathwaysPerson *self);
void        pathways_person_set_skip_level      (PathwaysPerson *self,
                                                 gboolean        skip_level);
const char *pathways_person_get_notes           (PathwaysPerson *self);
void        pathways_person_set_notes           (PathwaysPerson *self,
                                                 const char     *notes);
const char *pathways_person_get_target_path     (PathwaysPerson *self);
void        pathways_person_set_target_path     (PathwaysPerson *self,
                                                 const char     *path);
const char *pathways_person_get_target_level    (PathwaysPerson *self);
void        pathways_person_set_target_level    (PathwaysPerson *self,
                                                 const char     *level);
gboolean    pathways_person_get_archived        (PathwaysPerson *self);
char       *pathways_person_dup_initials        (PathwaysPerson *self);

gboolean    pathways_date_is_valid              (const char     *iso_date);
GDateTime  *pathways_now_local                  (void);
char       *pathways_dup_today                  (void);
gboolean    pathways_time_is_valid              (const char     *hh_mm);

G_END_DECLS
