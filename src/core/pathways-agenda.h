/* pathways-agenda.h: 1-on-1s — meetings, their talking points and action items, how the
 * next agenda is prepared (carried over, every time, due for a check-in, ladder), and the
 * agenda as Markdown to share.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-guide.h"
#include "pathways-ladder.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef enum
{
  PATHWAYS_MEETING_ONE_ON_ONE,
  PATHWAYS_MEETING_SKIP_LEVEL,
} PathwaysMeetingKind;

typedef enum
{
  PATHWAYS_MEETING_PLANNED,
  PATHWAYS_MEETING_HELD,
  PATHWAYS_MEETING_MOVED,      /* kept in the history; moved_to_id is the new meeting */
  PATHWAYS_MEETING_CANCELLED,  /* kept in the history */
} PathwaysMeetingStatus;

typedef enum
{
  PATHWAYS_OWNER_ME,
  PATHWAYS_OWNER_THEM,
} PathwaysOwner;

/* What a talking point stands for: typed by someone, or one of the handbook guide's topics
 * (PathwaysTopicKind's names), or a ladder expectation. */
typedef enum
{
  PATHWAYS_POINT_TYPED,
  PATHWAYS_POINT_EVERY,
  PATHWAYS_POINT_FREQUENT,
  PATHWAYS_POINT_SKIP_LEVEL,
  PATHWAYS_POINT_PROMPT,
  PATHWAYS_POINT_LADDER,
} PathwaysPointKind;

typedef struct
{
  gint64                 id;
  gint64                 person_id;
  PathwaysMeetingKind    kind;
  PathwaysMeetingStatus  status;
  char                  *scheduled_at;   /* local: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" */
  char                  *shared_notes;   /* Markdown, "" when none */
  char                  *private_notes;  /* Markdown, "" when none; never exported unless
                                          * asked for */
  int                    mood;           /* 1–5, 0 when not checked */
  gint64                 moved_to_id;    /* 0 unless moved */
  char                  *moved_to;       /* (nullable) the new meeting's scheduled_at */
  guint                  n_points;       /* talking points */
  guint                  n_discussed;
} PathwaysMeeting;

typedef struct
{
  gint64             id;
  gint64             meeting_id;         /* 0: waiting for the next meeting */
  gint64             origin_meeting_id;  /* 0, or the meeting it was first raised in */
  char              *origin_date;        /* (nullable) that meeting's date, "YYYY-MM-DD" */
  char              *body;
  char              *notes;              /* Markdown, "" when none */
  PathwaysOwner      owner;
  int                position;
  gboolean           discussed;
  PathwaysPointKind  kind;
  char              *topic_key;          /* (nullable) guide topic or expectation key */
  char              *added_on;           /* "YYYY-MM-DD" (UTC day it was written) */
  char              *last_discussed;     /* (nullable) for guide topics: the date of the
                                          * latest held meeting before this one where it
                                          * was discussed */
} PathwaysTalkingPoint;

typedef struct
{
  gint64         id;
  gint64         person_id;
  gint64         meeting_id;       /* 0, or the meeting it was agreed in */
  char          *meeting_date;     /* (nullable) that meeting's date, "YYYY-MM-DD" */
  char          *body;
  PathwaysOwner  owner;
  char          *due_on;           /* (nullable) "YYYY-MM-DD" */
  char          *done_at;          /* (nullable) UTC moment it was ticked */
  gint64         done_meeting_id;  /* 0, or the meeting it was ticked in */
} PathwaysActionItem;

/* The sections of an agenda, in the order they are shown and shared. */
typedef enum
{
  PATHWAYS_SECTION_CARRIED,   /* not got to in an earlier meeting */
  PATHWAYS_SECTION_ACTIONS,   /* action items (never a talking point's section) */
  PATHWAYS_SECTION_EVERY,     /* the guide's every-time or skip-level topics */
  PATHWAYS_SECTION_TALKING,   /* typed, imported or suggested points */
  PATHWAYS_SECTION_CHECKIN,   /* the guide's "frequently" topics */
  PATHWAYS_SECTION_LADDER,    /* the ladder prompt */
  PATHWAYS_N_SECTIONS
} PathwaysAgendaSection;

/* How the next agenda is prepared. */
typedef struct
{
  const PathwaysGuide *guide;          /* (nullable): built-in topics */
  guint                n_checkins;     /* "frequently" topics per meeting */
  const PathwaysLevel *target_level;   /* (nullable): no ladder prompt */
  guint                recent_weeks;   /* evidence newer than this is recent */
  const char          *today;          /* "YYYY-MM-DD" */
} PathwaysAgendaOptions;

/* An expectation of a target level that has had no attention (evidence) for a while. */
typedef struct
{
  char *key;
  char *text;
  char *last_evidence;  /* (nullable) "YYYY-MM-DD": never, when NULL */
} PathwaysStaleExpectation;

void       pathways_stale_expectation_free        (PathwaysStaleExpectation *stale);
GPtrArray *pathways_store_list_stale_expectations (PathwaysStore            *self,
                                                   PathwaysPerson           *person,
                                                   const PathwaysLevel      *level,
                                                   const char               *today,
                                                   guint                     recent_weeks,
                                                   gboolean                  with_prompts,
                                                   GError                  **error);

/* ---- dates ---- */
char          *pathways_agenda_suggest_date      (const char          *last_date,
                                                  guint                cadence_weeks,
                                                  guint                weekday,
                                                  const char          *time,
                                                  const char          *today);
char          *pathways_agenda_dup_date          (const char          *scheduled_at);
gboolean       pathways_agenda_scheduled_is_valid (const char         *scheduled_at);

/* ---- meetings ---- */
GPtrArray     *pathways_store_list_meetings      (PathwaysStore       *self,
                                                  PathwaysPerson      *person,
                                                  GError             **error);
PathwaysMeeting *pathways_store_get_meeting      (PathwaysStore       *self,
                                                  gint64               id,
                                                  GError             **error);
PathwaysMeeting *pathways_store_get_next_meeting (PathwaysStore       *self,
                                                  PathwaysPerson      *person,
                                                  GError             **error);
char          *pathways_store_dup_suggested_date (PathwaysStore       *self,
                                                  PathwaysPerson      *person,
                                                  const char          *today);
char          *pathways_store_dup_last_held_date (PathwaysStore      *self,
                                                  PathwaysPerson     *person);
PathwaysMeeting *pathways_store_create_meeting   (PathwaysStore       *self,
                                                  PathwaysPerson      *person,
                                                  PathwaysMeetingKind  kind,
                                                  const char          *scheduled_at,
                                                  const PathwaysAgendaOptions *options,
                                                  GError             **error);
gboolean       pathways_store_set_meeting_status (PathwaysStore       *self,
                                                  gint64               meeting_id,
                                                  PathwaysMeetingStatus status,
                                                  GError             **error);
PathwaysMeeting *pathways_store_move_meeting     (PathwaysStore       *self,
                                                  gint64               meeting_id,
                                                  const char          *scheduled_at,
                                                  GError             **error);
gboolean       pathways_store_save_meeting_notes (PathwaysStore       *self,
                                                  gint64               meeting_id,
                                                  const char          *shared_notes,
                                                  const char          *private_notes,
                                                  GError             **error);
gboolean       pathways_store_set_meeting_mood   (PathwaysStore       *self,
                                                  gint64               meeting_id,
                                                  int                  mood,
                                                  GError             **error);

/* ---- talking points ---- */
gint64         pathways_store_add_talking_point  (PathwaysStore       *self,
                                                  PathwaysPerson      *person,
                                                  gint64               meeting_id,
                                                  const char          *body,
                                                  PathwaysOwner        owner,
                                                  GError             **error);
gint64         pathways_store_add_prompt         (PathwaysStore       *self,
                                                  PathwaysPerson      *person,
                                                  gint64               meeting_id,
                                                  const PathwaysGuide *guide,
                                                  GError             **error);
GPtrArray     *pathways_store_list_talking_points (PathwaysStore      *self,
                                                  PathwaysPerson      *person,
                                                  gint64               meeting_id,
                                                  GError             **error);
gboolean       pathways_store_save_talking_point (PathwaysStore       *self,
                                                  const PathwaysTalkingPoint *point,
                                                  GError             **error);
gboolean       pathways_store_reorder_talking_points (PathwaysStore   *self,
                                                  const gint64        *ids,
                                                  guint                n_ids,
                                                  GError             **error);
gboolean       pathways_store_delete_talking_point (PathwaysStore     *self,
                                                  gint64               id,
                                                  GError             **error);
GHashTable    *pathways_store_dup_topic_last_discussed (PathwaysStore *self,
                                                  PathwaysPerson      *person,
                                                  const char          *before,
                                                  GError             **error);

/* ---- action items ---- */
gint64         pathways_store_add_action_item    (PathwaysStore       *self,
                                                  PathwaysPerson      *person,
                                                  gint64               meeting_id,
                                                  const char          *body,
                                                  PathwaysOwner        owner,
                                                  const char          *due_on,
                                                  GError             **error);
gboolean       pathways_store_save_action_item   (PathwaysStore       *self,
                                                  const PathwaysActionItem *item,
                                                  GError             **error);
gboolean       pathways_store_set_action_done    (PathwaysStore       *self,
                                                  gint64               id,
                                                  gboolean             done,
                                                  gint64               meeting_id,
                                                  GError             **error);
gboolean       pathways_store_delete_action_item (PathwaysStore       *self,
                                                  gint64               id,
                                                  GError             **error);
GPtrArray     *pathways_store_list_meeting_actions (PathwaysStore     *self,
                                                  const PathwaysMeeting *meeting,
                                                  GError             **error);
GPtrArray     *pathways_store_list_open_actions  (PathwaysStore       *self,
                                                  PathwaysPerson      *person,
                                                  GError             **error);

/* ---- sharing ---- */
char          *pathways_agenda_to_markdown       (const PathwaysMeeting *meeting,
                                                  const char          *person_name,
                                                  GPtrArray           *points,
                                                  GPtrArray           *actions,
                                                  gboolean             include_private);
GStrv          pathways_agenda_parse_import      (const char          *text);
PathwaysAgendaSection pathways_agenda_section_of (const PathwaysMeeting *meeting,
                                                  const PathwaysTalkingPoint *point);

const char    *pathways_point_kind_to_topic_kind (PathwaysPointKind    kind);
void           pathways_meeting_free             (PathwaysMeeting     *meeting);
void           pathways_talking_point_free       (PathwaysTalkingPoint *point);
void           pathways_action_item_free         (PathwaysActionItem  *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysMeeting, pathways_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysTalkingPoint, pathways_talking_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysActionItem, pathways_action_item_free)

G_END_DECLS
