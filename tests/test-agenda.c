/* test-agenda.c: tests for 1-on-1s — when the next meeting is suggested, how its agenda is
 * prepared (carried over, every time, due for a check-in, ladder), that carrying over never
 * duplicates, cancelled, moved and skip-level meetings, action items, and the sample team's
 * history.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-agenda"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pathways-agenda.h"
#include "pathways-db.h"
#include "pathways-test-util.h"

/* ---- fixture: a store on a new database, with one person ---- */

typedef struct
{
  char           *dir;
  char           *path;
  PathwaysDb     *db;
  PathwaysStore  *store;
  PathwaysPerson *person;
  PathwaysGuide  *guide;
} Fixture;

static void
fixture_open (Fixture *fixture)
{
  fixture->store = pathways_test_open_store (fixture->path, &fixture->db);
}

static void
fixture_close (Fixture *fixture)
{
  fixture->person = NULL;
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_finalize_object (g_steal_pointer (&fixture->db));
}

static PathwaysTopic *
topic_new (PathwaysTopicKind  kind,
           const char        *title)
{
  PathwaysTopic *topic = g_new0 (PathwaysTopic, 1);
  g_autofree char *normalized = pathways_ladder_normalize (title);

  topic->kind = kind;
  topic->title = g_strdup (title);
  topic->key = g_strdup_printf ("%s/%s", pathways_topic_kind_to_string (kind), normalized);

  return topic;
}

/* A small guide written for the tests, so they don't depend on the parser. */
static PathwaysGuide *
make_guide (void)
{
  static const char * const titles[PATHWAYS_N_TOPIC_KINDS][5] = {
    [PATHWAYS_TOPIC_EVERY] = { "Wins", "Blockers", NULL },
    [PATHWAYS_TOPIC_FREQUENT] = { "Career", "Feedback", "Wellbeing", "Learning", NULL },
    [PATHWAYS_TOPIC_SKIP_LEVEL] = { "What gets in the way?", "Direction", NULL },
    [PATHWAYS_TOPIC_PROMPT] = { "Best part of the week?", "What would you change?", NULL },
  };
  PathwaysGuide *guide = g_new0 (PathwaysGuide, 1);

  for (guint kind = 0; kind < PATHWAYS_N_TOPIC_KINDS; kind++)
    {
      guide->topics[kind] = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_topic_free);
      for (guint i = 0; titles[kind][i] != NULL; i++)
        g_ptr_array_add (guide->topics[kind], topic_new (kind, titles[kind][i]));
    }

  return guide;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PathwaysPerson) person = pathways_person_new ("Ada Lovelace");
  g_autoptr(GError) error = NULL;

  fixture->dir = pathways_test_make_temp_dir ("agenda");
  fixture->path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture_open (fixture);
  fixture->person = pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);
  fixture->guide = make_guide ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    fixture_close (fixture);
  g_clear_pointer (&fixture->guide, pathways_guide_free);
  pathways_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* ---- helpers ---- */

static PathwaysMeeting *
create (Fixture             *fixture,
        PathwaysMeetingKind  kind,
        const char          *date,
        guint                n_checkins)
{
  PathwaysAgendaOptions options = { fixture->guide, n_checkins, NULL, 8, date };
  g_autoptr(GError) error = NULL;
  PathwaysMeeting *meeting;

  meeting = pathways_store_create_meeting (fixture->store, fixture->person, kind, date, &options,
                                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  g_assert_cmpint (meeting->status, ==, PATHWAYS_MEETING_PLANNED);

  return meeting;
}

static GPtrArray *
points_of (Fixture *fixture,
           gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *points;

  points = pathways_store_list_talking_points (fixture->store, fixture->person, meeting_id,
                                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (points);

  return points;
}

static PathwaysTalkingPoint *
find_point (GPtrArray  *points,
            const char *body)
{
  for (guint i = 0; i < points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (point->body, body) == 0)
        return point;
    }

  return NULL;
}

static guint
count_kind (GPtrArray         *points,
            PathwaysPointKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < points->len; i++)
    n += ((PathwaysTalkingPoint *) g_ptr_array_index (points, i))->kind == kind;

  return n;
}

/* The titles of the points of one kind, in order, joined with "|". */
static char *
titles_of_kind (GPtrArray         *points,
                PathwaysPointKind  kind)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (points, i);

      if (point->kind != kind)
        continue;
      if (titles->len > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, point->body);
    }

  return g_strdup (titles->str);
}

static gint64
add_point (Fixture       *fixture,
           gint64         meeting_id,
           const char    *body,
           PathwaysOwner  owner)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = pathways_store_add_talking_point (fixture->store, fixture->person, meeting_id, body,
                                         owner, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
set_discussed (Fixture    *fixture,
               gint64      meeting_id,
               const char *body)
{
  g_autoptr(GPtrArray) points = points_of (fixture, meeting_id);
  PathwaysTalkingPoint *point = find_point (points, body);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (point);
  point->discussed = TRUE;
  g_assert_true (pathways_store_save_talking_point (fixture->store, point, &error));
  g_assert_no_error (error);
}

static void
set_status (Fixture               *fixture,
            gint64                 meeting_id,
            PathwaysMeetingStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathways_store_set_meeting_status (fixture->store, meeting_id, status, &error));
  g_assert_no_error (error);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (pathways_db_get_handle (fixture->db), sql, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* ---- dates ---- */

static void
test_suggest_date (void)
{
  static const struct
  {
    const char *last;
    guint       cadence;
    guint       weekday;
    const char *time;
    const char *today;
    const char *expected;
  } cases[] = {
    /* A week after last Tuesday's, at the usual time. */
    { "2026-11-24T10:00", 1, G_DATE_TUESDAY, "10:00", "2026-11-28", "2026-12-01T10:00" },
    /* Every two weeks. */
    { "2026-11-24", 2, G_DATE_TUESDAY, NULL, "2026-11-28", "2026-12-08" },
    /* Held on a Wednesday for once: back to the usual Tuesday, the nearest one. */
    { "2026-11-25", 1, G_DATE_TUESDAY, NULL, "2026-11-28", "2026-12-01" },
    /* Held early, on a Friday before the usual Monday: that Monday is the next slot. */
    { "2026-11-20", 1, G_DATE_MONDAY, NULL, "2026-11-21", "2026-11-30" },
    /* Long overdue: the next usual day from today, not a date in the past. */
    { "2026-09-01", 1, G_DATE_TUESDAY, "09:30", "2026-11-28", "2026-12-01T09:30" },
    /* Never met: the next usual day, today included. */
    { NULL, 1, G_DATE_SATURDAY, NULL, "2026-11-28", "2026-11-28" },
    { NULL, 1, G_DATE_MONDAY, NULL, "2026-11-28", "2026-11-30" },
    /* No usual day: a cadence after the last one. */
    { "2026-11-26", 1, 0, NULL, "2026-11-28", "2026-12-03" },
    { NULL, 4, 0, NULL, "2026-11-28", "2026-11-28" },
    /* Across the year's end and a leap day. */
    { "2026-12-29", 1, G_DATE_TUESDAY, NULL, "2026-12-30", "2027-01-05" },
    { "2028-02-22", 1, G_DATE_TUESDAY, NULL, "2028-02-23", "2028-02-29" },
    /* A damaged last date counts as no meeting. */
    { "not a date", 1, G_DATE_MONDAY, NULL, "2026-11-28", "2026-11-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = pathways_agenda_suggest_date (cases[i].last, cases[i].cadence,
                                                            cases[i].weekday, cases[i].time,
                                                            cases[i].today);

      g_test_message ("case %u: last %s", i, cases[i].last);
      g_assert_cmpstr (date, ==, cases[i].expected);
      g_assert_true (pathways_agenda_scheduled_is_valid (date));
    }

  g_assert_false (pathways_agenda_scheduled_is_valid ("2026-02-30"));
  g_assert_false (pathways_agenda_scheduled_is_valid ("2026-11-28T25:00"));
  g_assert_false (pathways_agenda_scheduled_is_valid ("2026-11-28 10:00"));
  g_assert_false (pathways_agenda_scheduled_is_valid (""));
  g_assert_false (pathways_agenda_scheduled_is_valid (NULL));
}

static void
test_suggested_from_history (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) first = NULL;
  g_autoptr(PathwaysMeeting) second = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *after_cancel = NULL;

  pathways_person_set_meeting_weekday (fixture->person, G_DATE_TUESDAY);
  pathways_person_set_meeting_time (fixture->person, "10:00");

  first = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-17T10:00", 0);
  set_status (fixture, first->id, PATHWAYS_MEETING_HELD);
  suggested = pathways_store_dup_suggested_date (fixture->store, fixture->person, "2026-11-20");
  g_assert_cmpstr (suggested, ==, "2026-11-24T10:00");

  /* A cancelled meeting used its slot: the next one is a week after it. */
  second = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, suggested, 0);
  set_status (fixture, second->id, PATHWAYS_MEETING_CANCELLED);
  after_cancel = pathways_store_dup_suggested_date (fixture->store, fixture->person, "2026-11-25");
  g_assert_cmpstr (after_cancel, ==, "2026-12-01T10:00");
}

/* ---- preparing the agenda ---- */

/* What the last meeting did not get to comes back — the same item, saying where it came
 * from — and so do open action items; what was discussed or done does not. */
static void
test_carry_over (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) first = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE,
                                             "2026-11-10T10:00", 0);
  g_autoptr(PathwaysMeeting) second = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysTalkingPoint *carried;
  PathwaysActionItem *action;
  gint64 talked_about, not_reached, done_action, open_action;

  talked_about = add_point (fixture, first->id, "Team offsite", PATHWAYS_OWNER_THEM);
  not_reached = add_point (fixture, first->id, "Conference budget", PATHWAYS_OWNER_ME);
  done_action = pathways_store_add_action_item (fixture->store, fixture->person, first->id,
                                                "Book the venue", PATHWAYS_OWNER_ME, NULL,
                                                &error);
  g_assert_no_error (error);
  open_action = pathways_store_add_action_item (fixture->store, fixture->person, first->id,
                                                "Write the RFC", PATHWAYS_OWNER_THEM,
                                                "2026-11-14", &error);
  g_assert_no_error (error);
  set_discussed (fixture, first->id, "Team offsite");
  g_assert_true (pathways_store_set_action_done (fixture->store, done_action, TRUE, first->id,
                                                 &error));
  set_status (fixture, first->id, PATHWAYS_MEETING_HELD);

  second = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-17T10:00", 0);
  points = points_of (fixture, second->id);

  g_assert_null (find_point (points, "Team offsite"));
  carried = find_point (points, "Conference budget");
  g_assert_nonnull (carried);
  g_assert_cmpint (carried->id, ==, not_reached);
  g_assert_cmpint (carried->origin_meeting_id, ==, first->id);
  g_assert_cmpstr (carried->origin_date, ==, "2026-11-10");
  g_assert_cmpint (carried->owner, ==, PATHWAYS_OWNER_ME);
  g_assert_false (carried->discussed);
  /* Carried points come first, before the guide's topics. */
  g_assert_true (g_ptr_array_index (points, 0) == carried);

  /* The discussed point stays in the first meeting's record. */
  g_clear_pointer (&points, g_ptr_array_unref);
  points = points_of (fixture, first->id);
  g_assert_cmpint (find_point (points, "Team offsite")->id, ==, talked_about);
  g_assert_null (find_point (points, "Conference budget"));
  g_assert_cmpuint (count_kind (points, PATHWAYS_POINT_EVERY), ==, 2);

  /* The open action is a follow-up of the new meeting; the done one is not. */
  actions = pathways_store_list_meeting_actions (fixture->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  action = g_ptr_array_index (actions, 0);
  g_assert_cmpint (action->id, ==, open_action);
  g_assert_cmpstr (action->meeting_date, ==, "2026-11-10");
  g_assert_cmpstr (action->due_on, ==, "2026-11-14");
  g_assert_cmpint (action->owner, ==, PATHWAYS_OWNER_THEM);
  g_assert_null (action->done_at);

  /* The first meeting still shows both of its actions, one ticked in it. */
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = pathways_store_list_meeting_actions (fixture->store, first, &error);
  g_assert_cmpuint (actions->len, ==, 2);
}

/* Three meetings in a row, nothing discussed: each point exists once, in the latest
 * meeting, still saying where it was first raised; topics are not piled up either. */
static void
test_no_duplicates (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const dates[] = { "2026-11-03", "2026-11-10", "2026-11-17",
                                        "2026-11-24" };
  g_autoptr(GError) error = NULL;
  gint64 first_id = 0;
  gint64 point_id = 0;
  gint64 action_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(PathwaysMeeting) meeting = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE,
                                                   dates[i], 1);
      g_autoptr(GPtrArray) points = points_of (fixture, meeting->id);
      g_autoptr(GPtrArray) actions = NULL;
      PathwaysTalkingPoint *point;

      if (i == 0)
        {
          first_id = meeting->id;
          point_id = add_point (fixture, meeting->id, "Promotion timeline", PATHWAYS_OWNER_THEM);
          action_id = pathways_store_add_action_item (fixture->store, fixture->person,
                                                      meeting->id, "Send the ladder doc",
                                                      PATHWAYS_OWNER_ME, NULL, &error);
          g_assert_no_error (error);
        }
      else
        {
          point = find_point (points, "Promotion timeline");
          g_assert_nonnull (point);
          g_assert_cmpint (point->id, ==, point_id);
          g_assert_cmpint (point->origin_meeting_id, ==, first_id);
          g_assert_cmpstr (point->origin_date, ==, dates[0]);
        }

      g_assert_cmpuint (count_kind (points, PATHWAYS_POINT_EVERY), ==, 2);
      g_assert_cmpuint (count_kind (points, PATHWAYS_POINT_FREQUENT), ==, 1);

      actions = pathways_store_list_meeting_actions (fixture->store, meeting, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (actions->len, ==, 1);
      g_assert_cmpint (((PathwaysActionItem *) g_ptr_array_index (actions, 0))->id, ==,
                       action_id);

      set_status (fixture, meeting->id, PATHWAYS_MEETING_HELD);
    }

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM agenda_item "
                                       "WHERE body = 'Promotion timeline'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM action_item"), ==, 1);
  /* Four meetings, two "every time" topics each: their history is kept per meeting. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM agenda_item "
                                       "WHERE topic_kind = 'every'"), ==, 8);
}

/* A cancelled meeting keeps its place in the history; its whole agenda moves on. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) cancelled = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE,
                                                 "2026-11-10", 0);
  g_autoptr(PathwaysMeeting) next = NULL;
  g_autoptr(PathwaysMeeting) reread = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  add_point (fixture, cancelled->id, "Quarterly goals", PATHWAYS_OWNER_ME);
  add_point (fixture, cancelled->id, "Holiday cover", PATHWAYS_OWNER_THEM);
  set_status (fixture, cancelled->id, PATHWAYS_MEETING_CANCELLED);

  next = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-17", 0);
  points = points_of (fixture, next->id);
  g_assert_nonnull (find_point (points, "Quarterly goals"));
  g_assert_nonnull (find_point (points, "Holiday cover"));
  g_assert_cmpstr (find_point (points, "Holiday cover")->origin_date, ==, "2026-11-10");
  /* Kept in their order. */
  g_assert_true (find_point (points, "Quarterly goals")->position
                 < find_point (points, "Holiday cover")->position);

  meetings = pathways_store_list_meetings (fixture->store, fixture->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 2);
  reread = pathways_store_get_meeting (fixture->store, cancelled->id, &error);
  g_assert_cmpint (reread->status, ==, PATHWAYS_MEETING_CANCELLED);
  /* Newest first. */
  g_assert_cmpint (((PathwaysMeeting *) g_ptr_array_index (meetings, 0))->id, ==, next->id);
}

/* Moving a meeting keeps the old slot in the history, marked so; the agenda goes along. */
static void
test_moved (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE,
                                               "2026-11-10T10:00", 0);
  g_autoptr(PathwaysMeeting) moved = NULL;
  g_autoptr(PathwaysMeeting) old = NULL;
  g_autoptr(PathwaysMeeting) second = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  gint64 point_id = add_point (fixture, meeting->id, "Roadmap", PATHWAYS_OWNER_THEM);

  g_assert_true (pathways_store_save_meeting_notes (fixture->store, meeting->id, "Prep notes",
                                                    "Private prep", &error));

  /* Only one meeting is planned at a time. */
  second = pathways_store_create_meeting (fixture->store, fixture->person,
                                          PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-17",
                                          &(PathwaysAgendaOptions) { fixture->guide, 0, NULL,
                                                                     8, "2026-11-09" },
                                          &error);
  g_assert_null (second);
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "10 November 2026"));
  g_clear_error (&error);

  moved = pathways_store_move_meeting (fixture->store, meeting->id, "2026-11-12T15:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved->scheduled_at, ==, "2026-11-12T15:00");
  g_assert_cmpint (moved->status, ==, PATHWAYS_MEETING_PLANNED);
  g_assert_cmpstr (moved->shared_notes, ==, "Prep notes");
  g_assert_cmpstr (moved->private_notes, ==, "Private prep");

  old = pathways_store_get_meeting (fixture->store, meeting->id, &error);
  g_assert_cmpint (old->status, ==, PATHWAYS_MEETING_MOVED);
  g_assert_cmpint (old->moved_to_id, ==, moved->id);
  g_assert_cmpstr (old->moved_to, ==, "2026-11-12T15:00");
  g_assert_cmpuint (old->n_points, ==, 0);

  points = points_of (fixture, moved->id);
  g_assert_cmpuint (points->len, ==, 3);  /* the point and two "every time" topics */
  g_assert_cmpint (find_point (points, "Roadmap")->id, ==, point_id);

  /* Bad dates are refused with a message that says how to write them. */
  g_assert_null (pathways_store_move_meeting (fixture->store, moved->id, "next Tuesday",
                                              &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A moved meeting can't move again. */
  g_assert_null (pathways_store_move_meeting (fixture->store, meeting->id, "2026-11-13",
                                              &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
}

/* The "frequently" topics rotate: never discussed first (in the guide's order), then the
 * ones discussed longest ago; each says when it was last discussed. */
static void
test_rotation (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) first = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE,
                                             "2026-11-03", 2);
  g_autoptr(PathwaysMeeting) second = NULL;
  g_autoptr(PathwaysMeeting) third = NULL;
  g_autoptr(PathwaysMeeting) fourth = NULL;
  g_autoptr(GPtrArray) points = points_of (fixture, first->id);
  g_autoptr(GHashTable) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = titles_of_kind (points, PATHWAYS_POINT_FREQUENT);
  PathwaysTalkingPoint *career;

  g_assert_cmpstr (titles, ==, "Career|Feedback");
  g_assert_null (find_point (points, "Career")->last_discussed);
  set_discussed (fixture, first->id, "Career");
  set_status (fixture, first->id, PATHWAYS_MEETING_HELD);

  /* Feedback was on the agenda but not discussed: it is still never discussed. */
  second = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-10", 2);
  g_clear_pointer (&points, g_ptr_array_unref);
  g_free (titles);
  points = points_of (fixture, second->id);
  titles = titles_of_kind (points, PATHWAYS_POINT_FREQUENT);
  g_assert_cmpstr (titles, ==, "Feedback|Wellbeing");
  set_discussed (fixture, second->id, "Feedback");
  set_discussed (fixture, second->id, "Wellbeing");
  set_status (fixture, second->id, PATHWAYS_MEETING_HELD);

  third = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-17", 2);
  g_clear_pointer (&points, g_ptr_array_unref);
  g_free (titles);
  points = points_of (fixture, third->id);
  titles = titles_of_kind (points, PATHWAYS_POINT_FREQUENT);
  g_assert_cmpstr (titles, ==, "Learning|Career");
  career = find_point (points, "Career");
  g_assert_cmpstr (career->last_discussed, ==, "2026-11-03");
  set_discussed (fixture, third->id, "Career");

  /* A discussion in a meeting that was then cancelled does not count. */
  set_status (fixture, third->id, PATHWAYS_MEETING_CANCELLED);
  last = pathways_store_dup_topic_last_discussed (fixture->store, fixture->person, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (last, "frequent/career"), ==, "2026-11-03");
  g_assert_cmpstr (g_hash_table_lookup (last, "frequent/wellbeing"), ==, "2026-11-10");
  g_assert_false (g_hash_table_contains (last, "frequent/learning"));

  fourth = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-24", 3);
  g_clear_pointer (&points, g_ptr_array_unref);
  g_free (titles);
  points = points_of (fixture, fourth->id);
  titles = titles_of_kind (points, PATHWAYS_POINT_FREQUENT);
  g_assert_cmpstr (titles, ==, "Learning|Career|Feedback");
}

/* Skip-levels get the guide's skip-level topics, and only those. */
static void
test_skip_level (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) skip = create (fixture, PATHWAYS_MEETING_SKIP_LEVEL,
                                            "2026-11-05", 2);
  g_autoptr(PathwaysMeeting) one_on_one = NULL;
  g_autoptr(GPtrArray) points = points_of (fixture, skip->id);
  g_autofree char *titles = titles_of_kind (points, PATHWAYS_POINT_SKIP_LEVEL);

  g_assert_cmpint (skip->kind, ==, PATHWAYS_MEETING_SKIP_LEVEL);
  g_assert_cmpstr (titles, ==, "What gets in the way?|Direction");
  g_assert_cmpuint (points->len, ==, 2);
  set_status (fixture, skip->id, PATHWAYS_MEETING_HELD);

  one_on_one = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-12", 1);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = points_of (fixture, one_on_one->id);
  g_assert_cmpuint (count_kind (points, PATHWAYS_POINT_SKIP_LEVEL), ==, 0);
  g_assert_cmpuint (count_kind (points, PATHWAYS_POINT_EVERY), ==, 2);
}

/* "Remember to ask about…" during the week: it waits for the next meeting. */
static void
test_waiting_points (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) points = NULL;
  gint64 early, late;

  early = add_point (fixture, 0, "Ask about the offsite", PATHWAYS_OWNER_ME);
  late = add_point (fixture, 0, "Their question about pay bands", PATHWAYS_OWNER_THEM);
  waiting = points_of (fixture, 0);
  g_assert_cmpuint (waiting->len, ==, 2);

  meeting = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-17", 0);
  points = points_of (fixture, meeting->id);
  g_assert_cmpint (find_point (points, "Ask about the offsite")->id, ==, early);
  g_assert_cmpint (find_point (points, "Ask about the offsite")->origin_meeting_id, ==, 0);
  g_assert_cmpint (find_point (points, "Their question about pay bands")->id, ==, late);
  g_clear_pointer (&waiting, g_ptr_array_unref);
  waiting = points_of (fixture, 0);
  g_assert_cmpuint (waiting->len, ==, 0);

  /* With a meeting planned, "the next meeting" is that one. */
  add_point (fixture, 0, "Added on Thursday", PATHWAYS_OWNER_ME);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = points_of (fixture, meeting->id);
  g_assert_nonnull (find_point (points, "Added on Thursday"));
  g_assert_true (find_point (points, "Added on Thursday")->position
                 > find_point (points, "Their question about pay bands")->position);
}

static PathwaysLevel *
make_level (void)
{
  static const char * const labels[] = { "Code review", "Design", "Mentoring" };
  PathwaysLevel *level = g_new0 (PathwaysLevel, 1);

  level->title = g_strdup ("Senior Engineer");
  level->competencies = g_ptr_array_new ();
  level->responsibilities = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      PathwaysCompetency *competency = g_new0 (PathwaysCompetency, 1);

      competency->label = g_strdup (labels[i]);
      competency->key = g_strdup_printf ("se/senior/%s", labels[i]);
      competency->text = g_strdup_printf ("%s at the senior level.", labels[i]);
      g_ptr_array_add (level->competencies, competency);
    }

  return level;
}

static void
free_level (PathwaysLevel *level)
{
  for (guint i = 0; i < level->competencies->len; i++)
    {
      PathwaysCompetency *competency = g_ptr_array_index (level->competencies, i);

      g_free (competency->label);
      g_free (competency->key);
      g_free (competency->text);
      g_free (competency);
    }
  g_ptr_array_unref (level->competencies);
  g_ptr_array_unref (level->responsibilities);
  g_free (level->title);
  g_free (level);
}

/* The ladder prompt: an expectation of the target level, not held consistently, with no
 * recent evidence; the one without evidence for longest. */
static void
test_ladder_prompt (Fixture       *fixture,
                    gconstpointer  data)
{
  PathwaysLevel *level = make_level ();
  PathwaysAgendaOptions options = { fixture->guide, 0, level, 8, "2026-11-17" };
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(PathwaysMeeting) next = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  PathwaysTalkingPoint *prompt;

  /* Code review: held consistently. Design: evidence last month. Mentoring: evidence a
   * year ago — the one to ask about. */
  g_assert_true (pathways_store_rate (fixture->store, fixture->person, "se/senior/Code review",
                                      PATHWAYS_RATING_CONSISTENTLY, NULL, "2026-06-01", &error));
  g_assert_cmpint (pathways_store_add_evidence (fixture->store, fixture->person,
                                                "se/senior/Design", NULL, "Led the design",
                                                "2026-10-20", &error), >, 0);
  g_assert_cmpint (pathways_store_add_evidence (fixture->store, fixture->person,
                                                "se/senior/Mentoring", NULL, "Mentored Kim",
                                                "2025-11-01", &error), >, 0);
  g_assert_no_error (error);

  meeting = pathways_store_create_meeting (fixture->store, fixture->person,
                                           PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-17", &options,
                                           &error);
  g_assert_no_error (error);
  points = points_of (fixture, meeting->id);
  g_assert_cmpuint (count_kind (points, PATHWAYS_POINT_LADDER), ==, 1);
  titles = titles_of_kind (points, PATHWAYS_POINT_LADDER);
  g_assert_cmpstr (titles, ==, "Mentoring: Mentoring at the senior level.");
  prompt = find_point (points, titles);
  g_assert_cmpstr (prompt->topic_key, ==, "se/senior/Mentoring");
  set_status (fixture, meeting->id, PATHWAYS_MEETING_HELD);

  /* Once design evidence is old too, the two alternate: Mentoring was just prompted. */
  options.today = "2027-02-01";
  next = pathways_store_create_meeting (fixture->store, fixture->person,
                                        PATHWAYS_MEETING_ONE_ON_ONE, "2027-02-01", &options,
                                        &error);
  g_assert_no_error (error);
  g_clear_pointer (&points, g_ptr_array_unref);
  g_free (titles);
  points = points_of (fixture, next->id);
  titles = titles_of_kind (points, PATHWAYS_POINT_LADDER);
  g_assert_cmpstr (titles, ==, "Design: Design at the senior level.");

  free_level (level);
}

/* "Nothing to discuss": the guide's questions, least recently asked first, never twice on
 * one agenda. */
static void
test_prompts (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE,
                                               "2026-11-17", 0);
  g_autoptr(PathwaysMeeting) next = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;

  g_assert_cmpint (pathways_store_add_prompt (fixture->store, fixture->person, meeting->id,
                                              fixture->guide, &error), >, 0);
  g_assert_cmpint (pathways_store_add_prompt (fixture->store, fixture->person, meeting->id,
                                              fixture->guide, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pathways_store_add_prompt (fixture->store, fixture->person, meeting->id,
                                              fixture->guide, &error), ==, 0);
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  points = points_of (fixture, meeting->id);
  titles = titles_of_kind (points, PATHWAYS_POINT_PROMPT);
  g_assert_cmpstr (titles, ==, "Best part of the week?|What would you change?");
  set_discussed (fixture, meeting->id, "Best part of the week?");
  set_discussed (fixture, meeting->id, "What would you change?");
  set_status (fixture, meeting->id, PATHWAYS_MEETING_HELD);

  /* Both were asked last week; an undiscussed prompt would have carried over. */
  next = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE, "2026-11-24", 0);
  g_assert_cmpint (pathways_store_add_prompt (fixture->store, fixture->person, next->id, NULL,
                                              &error), >, 0);
  g_assert_no_error (error);
}

/* Notes, owners, order, mood: what the meeting page edits, kept across a restart. */
static void
test_edits_survive_restart (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PathwaysMeeting) meeting = create (fixture, PATHWAYS_MEETING_ONE_ON_ONE,
                                               "2026-11-17", 0);
  g_autoptr(PathwaysMeeting) reread = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  const char *long_text;
  g_autofree char *huge = g_strnfill (100000, 'x');
  PathwaysTalkingPoint *point;
  gint64 person_id = pathways_person_get_id (fixture->person);
  gint64 a, b, c;
  gint64 order[5];

  a = add_point (fixture, meeting->id, "First", PATHWAYS_OWNER_ME);
  b = add_point (fixture, meeting->id, "Second", PATHWAYS_OWNER_ME);
  c = add_point (fixture, meeting->id, "مرحبا — 你好 🎉 '; DROP TABLE meeting; --",
                 PATHWAYS_OWNER_THEM);
  /* The new order: the last point first, then the others as they were. */
  points = points_of (fixture, meeting->id);
  g_assert_cmpuint (points->len, ==, 5);
  order[0] = c;
  order[1] = a;
  order[2] = b;
  for (guint i = 0, n = 3; i < points->len; i++)
    {
      gint64 id = ((PathwaysTalkingPoint *) g_ptr_array_index (points, i))->id;

      if (id != a && id != b && id != c)
        order[n++] = id;
    }
  g_assert_true (pathways_store_reorder_talking_points (fixture->store, order, 5, &error));

  g_clear_pointer (&points, g_ptr_array_unref);
  points = points_of (fixture, meeting->id);
  point = find_point (points, "First");
  g_free (point->notes);
  point->notes = g_strdup ("**Decided:** ship it");
  point->owner = PATHWAYS_OWNER_THEM;
  g_assert_true (pathways_store_save_talking_point (fixture->store, point, &error));

  /* An emptied point is refused, not saved blank. */
  g_free (point->body);
  point->body = g_strdup ("   ");
  g_assert_false (pathways_store_save_talking_point (fixture->store, point, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pathways_store_save_meeting_notes (fixture->store, meeting->id, huge,
                                                    "Only *mine*", &error));
  g_assert_true (pathways_store_set_meeting_mood (fixture->store, meeting->id, 4, &error));
  g_assert_false (pathways_store_set_meeting_mood (fixture->store, meeting->id, 6, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&points, g_ptr_array_unref);
  fixture_close (fixture);
  fixture_open (fixture);
  fixture->person = pathways_store_lookup_person (fixture->store, person_id);

  reread = pathways_store_get_meeting (fixture->store, meeting->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reread->shared_notes, ==, huge);
  g_assert_cmpstr (reread->private_notes, ==, "Only *mine*");
  g_assert_cmpint (reread->mood, ==, 4);
  g_assert_cmpuint (reread->n_points, ==, 5);

  points = points_of (fixture, meeting->id);
  long_text = ((PathwaysTalkingPoint *) g_ptr_array_index (points, 0))->body;
  g_assert_cmpstr (long_text, ==, "مرحبا — 你好 🎉 '; DROP TABLE meeting; --");
  point = find_point (points, "First");
  g_assert_cmpint (point->position, ==, 1);
  g_assert_cmpstr (point->notes, ==, "**Decided:** ship it");
  g_assert_cmpint (point->owner, ==, PATHWAYS_OWNER_THEM);
  g_assert_cmpint (find_point (points, "Second")->position, ==, 2);

  /* Deleting a person takes their meetings along when purged. */
  g_assert_true (pathways_store_delete_person (fixture->store, fixture->person, &error));
  g_assert_true (pathways_store_purge_deleted (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM meeting"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM agenda_item"), ==, 0);
}

/* Open action items across the team: the manager's own first, then by due date. */
static void
test_open_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PathwaysPerson) other = pathways_person_new ("Grace Hopper");
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ticked;

  g_assert_nonnull (pathways_store_add_person (fixture->store, other, &error));
  pathways_store_add_action_item (fixture->store, fixture->person, 0, "Theirs, no date",
                                  PATHWAYS_OWNER_THEM, NULL, &error);
  pathways_store_add_action_item (fixture->store, other, 0, "Mine, later",
                                  PATHWAYS_OWNER_ME, "2026-12-10", &error);
  pathways_store_add_action_item (fixture->store, fixture->person, 0, "Mine, sooner",
                                  PATHWAYS_OWNER_ME, "2026-12-01", &error);
  ticked = pathways_store_add_action_item (fixture->store, other, 0, "Done already",
                                           PATHWAYS_OWNER_ME, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pathways_store_set_action_done (fixture->store, ticked, TRUE, 0, &error));

  g_assert_cmpint (pathways_store_add_action_item (fixture->store, other, 0, "Bad date",
                                                   PATHWAYS_OWNER_ME, "2026-02-30", &error),
                   ==, 0);
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  open = pathways_store_list_open_actions (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  g_assert_cmpstr (((PathwaysActionItem *) g_ptr_array_index (open, 0))->body, ==,
                   "Mine, sooner");
  g_assert_cmpstr (((PathwaysActionItem *) g_ptr_array_index (open, 1))->body, ==,
                   "Mine, later");
  g_assert_cmpstr (((PathwaysActionItem *) g_ptr_array_index (open, 2))->body, ==,
                   "Theirs, no date");

  /* Unticking brings it back; archived people's items leave the team list. */
  g_assert_true (pathways_store_set_action_done (fixture->store, ticked, FALSE, 0, &error));
  g_assert_true (pathways_store_set_archived (fixture->store, other, TRUE, &error));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = pathways_store_list_open_actions (fixture->store, NULL, &error);
  g_assert_cmpuint (open->len, ==, 2);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = pathways_store_list_open_actions (fixture->store, other, &error);
  g_assert_cmpuint (open->len, ==, 2);
}

/* The sample team comes with a history in which preparing Amara's next 1-on-1 shows what
 * carries over: points from a cancelled and a held meeting, the one noted during the week,
 * and an overdue action item. */
static void
test_sample_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *suggested = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PathwaysMeeting) next = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  GListModel *people = pathways_store_get_people (fixture->store);
  PathwaysPerson *amara = NULL;
  gboolean overdue = FALSE;
  PathwaysAgendaOptions options = { NULL, 2, NULL, 8, NULL };

  g_assert_true (pathways_store_load_sample_team (fixture->store, &error));
  g_assert_no_error (error);
  today = g_date_time_format (now, "%Y-%m-%d");
  options.today = today;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (people, i);
      g_autoptr(GPtrArray) history = pathways_store_list_meetings (fixture->store, person,
                                                                   &error);

      g_assert_no_error (error);
      if (g_strcmp0 (pathways_person_get_name (person), "Ada Lovelace") == 0)
        continue;
      g_assert_cmpuint (history->len, >=, 1);
      /* All in the past, none planned: preparing the next one is the user's move. */
      for (guint j = 0; j < history->len; j++)
        {
          PathwaysMeeting *meeting = g_ptr_array_index (history, j);

          g_assert_cmpstr (meeting->scheduled_at, <, today);
          g_assert_cmpint (meeting->status, !=, PATHWAYS_MEETING_PLANNED);
        }
      if (g_strcmp0 (pathways_person_get_name (person), "Amara Okafor") == 0)
        amara = person;
    }
  g_assert_nonnull (amara);

  meetings = pathways_store_list_meetings (fixture->store, amara, &error);
  g_assert_cmpuint (meetings->len, ==, 4);

  suggested = pathways_store_dup_suggested_date (fixture->store, amara, today);
  g_assert_cmpstr (suggested, >=, today);
  next = pathways_store_create_meeting (fixture->store, amara, PATHWAYS_MEETING_ONE_ON_ONE,
                                        suggested, &options, &error);
  g_assert_no_error (error);
  points = pathways_store_list_talking_points (fixture->store, amara, next->id, &error);
  g_assert_nonnull (find_point (points, "Feedback on my design review style"));
  g_assert_nonnull (find_point (points, "Conference budget for next year"));
  g_assert_nonnull (find_point (points, "Quarterly goals check"));
  g_assert_cmpint (find_point (points, "Quarterly goals check")->origin_meeting_id, !=, 0);
  g_assert_nonnull (find_point (points, "Would she mentor Kenji on code review?"));
  g_assert_cmpint (count_kind (points, PATHWAYS_POINT_EVERY), >, 0);
  g_assert_cmpint (count_kind (points, PATHWAYS_POINT_FREQUENT), ==, 2);

  actions = pathways_store_list_meeting_actions (fixture->store, next, &error);
  g_assert_cmpuint (actions->len, ==, 2);
  for (guint i = 0; i < actions->len; i++)
    {
      PathwaysActionItem *action = g_ptr_array_index (actions, i);

      overdue |= action->due_on != NULL && strcmp (action->due_on, today) < 0;
    }
  g_assert_true (overdue);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/agenda/suggest-date", test_suggest_date);

#define ADD(name, func) \
  g_test_add ("/pathways/agenda/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("suggested-from-history", test_suggested_from_history);
  ADD ("carry-over", test_carry_over);
  ADD ("no-duplicates", test_no_duplicates);
  ADD ("cancelled", test_cancelled);
  ADD ("moved", test_moved);
  ADD ("rotation", test_rotation);
  ADD ("skip-level", test_skip_level);
  ADD ("waiting-points", test_waiting_points);
  ADD ("ladder-prompt", test_ladder_prompt);
  ADD ("prompts", test_prompts);
  ADD ("edits-survive-restart", test_edits_survive_restart);
  ADD ("open-actions", test_open_actions);
  ADD ("sample-history", test_sample_history);

#undef ADD

  return g_test_run ();
}
