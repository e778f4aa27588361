/* pathways-agenda.c: 1-on-1s — meetings, talking points and action items in the database,
 * and how the next agenda is prepared: what carries over, the guide's topics for every
 * meeting, the "frequently" topics due for a check-in, and a ladder prompt.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-agenda"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-agenda.h"
#include "pathways-store-private.h"

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* No agenda grows past this: a guide with hundreds of "every time" bullets is not a guide. */
#define MAX_GUIDE_TOPICS_PER_MEETING 30

/* ==== names as the tables spell them ==== */

static const char * const meeting_kinds[] = {
  [PATHWAYS_MEETING_ONE_ON_ONE] = "one-on-one",
  [PATHWAYS_MEETING_SKIP_LEVEL] = "skip-level",
};

static const char * const meeting_statuses[] = {
  [PATHWAYS_MEETING_PLANNED] = "planned",
  [PATHWAYS_MEETING_HELD] = "held",
  [PATHWAYS_MEETING_MOVED] = "moved",
  [PATHWAYS_MEETING_CANCELLED] = "cancelled",
};

static const char * const owners[] = {
  [PATHWAYS_OWNER_ME] = "me",
  [PATHWAYS_OWNER_THEM] = "them",
};

static const char * const point_kinds[] = {
  [PATHWAYS_POINT_TYPED] = NULL,
  [PATHWAYS_POINT_EVERY] = "every",
  [PATHWAYS_POINT_FREQUENT] = "frequent",
  [PATHWAYS_POINT_SKIP_LEVEL] = "skip-level",
  [PATHWAYS_POINT_PROMPT] = "prompt",
  [PATHWAYS_POINT_LADDER] = "ladder",
};

/**
 * pathways_point_kind_to_topic_kind:
 * @kind: what a talking point stands for
 *
 * Returns: (nullable): the agenda_item.topic_kind spelling, %NULL for typed points
 */
const char *
pathways_point_kind_to_topic_kind (PathwaysPointKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (point_kinds), NULL);

  return point_kinds[kind];
}

/* ==== freeing ==== */

/**
 * pathways_meeting_free:
 * @meeting: (nullable): a meeting
 */
void
pathways_meeting_free (PathwaysMeeting *meeting)
{
  if (meeting == NULL)
    return;

  g_free (meeting->scheduled_at);
  g_free (meeting->shared_notes);
  g_free (meeting->private_notes);
  g_free (meeting->moved_to);
  g_free (meeting);
}

/**
 * pathways_talking_point_free:
 * @point: (nullable): a talking point
 */
void
pathways_talking_point_free (PathwaysTalkingPoint *point)
{
  if (point == NULL)
    return;

  g_free (point->origin_date);
  g_free (point->body);
  g_free (point->notes);
  g_free (point->topic_key);
  g_free (point->added_on);
  g_free (point->last_discussed);
  g_free (point);
}

/**
 * pathways_action_item_free:
 * @item: (nullable): an action item
 */
void
pathways_action_item_free (PathwaysActionItem *item)
{
  if (item == NULL)
    return;

  g_free (item->meeting_date);
  g_free (item->body);
  g_free (item->due_on);
  g_free (item->done_at);
  g_free (item);
}

/* ==== dates ==== */

/**
 * pathways_agenda_scheduled_is_valid:
 * @scheduled_at: (nullable): "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
 *
 * Returns: whether @scheduled_at is a calendar date, with a time of day if it has one
 */
gboolean
pathways_agenda_scheduled_is_valid (const char *scheduled_at)
{
  g_autofree char *date = NULL;
  gsize len;

  if (scheduled_at == NULL)
    return FALSE;

  len = strlen (scheduled_at);
  if (len != 10 && len != 16)
    return FALSE;

  date = g_strndup (scheduled_at, 10);
  if (!pathways_date_is_valid (date))
    return FALSE;

  return len == 10 || (scheduled_at[10] == 'T' && pathways_time_is_valid (scheduled_at + 11));
}

/**
 * pathways_agenda_dup_date:
 * @scheduled_at: (nullable): a meeting's "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
 *
 * Returns: (transfer full) (nullable): its date, "YYYY-MM-DD"
 */
char *
pathways_agenda_dup_date (const char *scheduled_at)
{
  if (scheduled_at == NULL || strlen (scheduled_at) < 10)
    return NULL;

  return g_strndup (scheduled_at, 10);
}

/**
 * pathways_agenda_suggest_date:
 * @last_date: (nullable): the date of the last meeting that took its slot (held or
 *   cancelled), "YYYY-MM-DD…"
 * @cadence_weeks: every how many weeks they meet, 1–52
 * @weekday: the usual day, 1–7 (Monday–Sunday), or 0 for any
 * @time: (nullable): the usual time, "HH:MM"
 * @today: today, "YYYY-MM-DD"
 *
 * Where the next meeting goes: a cadence after the last one, on the usual day nearest to
 * that (within three days either way), or — when that is already past, or there was no
 * meeting yet — the next usual day from today.
 *
 * Returns: (transfer full): "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" when @time is set
 */
char *
pathways_agenda_suggest_date (const char *last_date,
                              guint       cadence_weeks,
                              guint       weekday,
                              const char *time,
                              const char *today)
{
  g_autofree char *date = NULL;
  GDate now, next;

  g_return_val_if_fail (today != NULL, NULL);

  if (!pathways_parse_date (today, &now))
    {
      g_autoptr(GDateTime) local = pathways_now_local ();

      g_date_set_dmy (&now, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local),
                      (GDateYear) g_date_time_get_year (local));
    }
  cadence_weeks = CLAMP (cadence_weeks, 1, 52);
  if (weekday > 7)
    weekday = 0;

  if (pathways_parse_date (last_date, &next))
    {
      g_date_add_days (&next, 7 * cadence_weeks);
      if (weekday != 0)
        {
          int shift = (int) weekday - (int) g_date_get_weekday (&next);

          if (shift > 3)
            shift -= 7;
          else if (shift < -3)
            shift += 7;
          if (shift > 0)
            g_date_add_days (&next, (guint) shift);
          else if (shift < 0)
            g_date_subtract_days (&next, (guint) -shift);
        }
    }

  if (!g_date_valid (&next) || g_date_compare (&next, &now) < 0)
    {
      next = now;
      if (weekday != 0)
        g_date_add_days (&next, ((guint) weekday + 7 - g_date_get_weekday (&now)) % 7);
    }

  date = pathways_dup_iso_date (&next);
  if (time != NULL && pathways_time_is_valid (time))
    return g_strdup_printf ("%sT%s", date, time);

  return g_steal_pointer (&date);
}

/* ==== reading rows ==== */

#define MEETING_COLUMNS \
  "m.id, m.person_id, m.kind, m.status, m.scheduled_at, m.shared_notes, m.private_notes, " \
  "ifnull(m.mood, 0), ifnull(m.moved_to_id, 0), " \
  "(SELECT n.scheduled_at FROM meeting n WHERE n.id = m.moved_to_id), " \
  "(SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id), " \
  "(SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id AND a.discussed)"

static PathwaysMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  PathwaysMeeting *meeting = g_new0 (PathwaysMeeting, 1);

  meeting->id = sqlite3_column_int64 (stmt, 0);
  meeting->person_id = sqlite3_column_int64 (stmt, 1);
  meeting->kind = PATHWAYS_LOOKUP_NAME (meeting_kinds, pathways_db_column_text (stmt, 2));
  meeting->status = PATHWAYS_LOOKUP_NAME (meeting_statuses, pathways_db_column_text (stmt, 3));
  meeting->scheduled_at = g_strdup (pathways_db_column_text (stmt, 4));
  meeting->shared_notes = g_strdup (pathways_db_column_text (stmt, 5));
  meeting->private_notes = g_strdup (pathways_db_column_text (stmt, 6));
  meeting->mood = sqlite3_column_int (stmt, 7);
  meeting->moved_to_id = sqlite3_column_int64 (stmt, 8);
  meeting->moved_to = g_strdup (pathways_db_column_text (stmt, 9));
  meeting->n_points = (guint) sqlite3_column_int (stmt, 10);
  meeting->n_discussed = (guint) sqlite3_column_int (stmt, 11);

  return meeting;
}

#define POINT_COLUMNS \
  "a.id, ifnull(a.meeting_id, 0), ifnull(a.origin_meeting_id, 0), " \
  "substr(o.scheduled_at, 1, 10), a.body, a.notes, a.owner, a.position, a.discussed, " \
  "a.topic_kind, a.topic_key, substr(a.created_at, 1, 10)"

static PathwaysTalkingPoint *
point_from_row (sqlite3_stmt *stmt)
{
  PathwaysTalkingPoint *point = g_new0 (PathwaysTalkingPoint, 1);

  point->id = sqlite3_column_int64 (stmt, 0);
  point->meeting_id = sqlite3_column_int64 (stmt, 1);
  point->origin_meeting_id = sqlite3_column_int64 (stmt, 2);
  point->origin_date = g_strdup (pathways_db_column_text (stmt, 3));
  point->body = g_strdup (pathways_db_column_text (stmt, 4));
  point->notes = g_strdup (pathways_db_column_text (stmt, 5));
  point->owner = PATHWAYS_LOOKUP_NAME (owners, pathways_db_column_text (stmt, 6));
  point->position = sqlite3_column_int (stmt, 7);
  point->discussed = sqlite3_column_int (stmt, 8) != 0;
  point->kind = PATHWAYS_LOOKUP_NAME (point_kinds, pathways_db_column_text (stmt, 9));
  point->topic_key = g_strdup (pathways_db_column_text (stmt, 10));
  point->added_on = g_strdup (pathways_db_column_text (stmt, 11));

  return point;
}

#define ACTION_COLUMNS \
  "x.id, x.person_id, ifnull(x.meeting_id, 0), substr(o.scheduled_at, 1, 10), x.body, " \
  "x.owner, x.due_on, x.done_at, ifnull(x.done_meeting_id, 0)"

static PathwaysActionItem *
action_from_row (sqlite3_stmt *stmt)
{
  PathwaysActionItem *item = g_new0 (PathwaysActionItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->person_id = sqlite3_column_int64 (stmt, 1);
  item->meeting_id = sqlite3_column_int64 (stmt, 2);
  item->meeting_date = g_strdup (pathways_db_column_text (stmt, 3));
  item->body = g_strdup (pathways_db_column_text (stmt, 4));
  item->owner = PATHWAYS_LOOKUP_NAME (owners, pathways_db_column_text (stmt, 5));
  item->due_on = g_strdup (pathways_db_column_text (stmt, 6));
  item->done_at = g_strdup (pathways_db_column_text (stmt, 7));
  item->done_meeting_id = sqlite3_column_int64 (stmt, 8);

  return item;
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static gboolean
set_record_not_found (GError **error)
{
  return pathways_store_set_not_found (error, _("This 1-on-1 record no longer exists. It may "
                                                "have been deleted with its person."));
}

static gboolean
validate_scheduled (const char  *scheduled_at,
                    GError     **error)
{
  if (pathways_agenda_scheduled_is_valid (scheduled_at))
    return TRUE;

  g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
               _("“%s” is not a date and time. Write the date as year-month-day and the time "
                 "on a 24-hour clock, for example 2024-03-18 and 10:30."),
               scheduled_at != NULL ? scheduled_at : "");

  return FALSE;
}

/* ==== meetings ==== */

/**
 * pathways_store_list_meetings:
 * @self: a store
 * @person: a person of this store
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer container) (element-type PathwaysMeeting) (nullable): every meeting
 *   with @person, cancelled and moved ones too, the latest first
 */
GPtrArray *
pathways_store_list_meetings (PathwaysStore   *self,
                              PathwaysPerson  *person,
                              GError         **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " MEETING_COLUMNS " FROM meeting m WHERE m.person_id = ?1 "
                              "ORDER BY m.scheduled_at DESC, m.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));

  return pathways_db_collect_rows (db, stmt, (PathwaysDbRowFunc) meeting_from_row,
                                   (GDestroyNotify) pathways_meeting_free, error);
}

/**
 * pathways_store_get_meeting:
 * @self: a store
 * @id: a meeting's id
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: (transfer full) (nullable): the meeting
 */
PathwaysMeeting *
pathways_store_get_meeting (PathwaysStore  *self,
                            gint64          id,
                            GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return pathways_store_get_by_id (self,
                                   "SELECT " MEETING_COLUMNS " FROM meeting m WHERE m.id = ?1",
                                   id, (PathwaysDbRowFunc) meeting_from_row, set_record_not_found,
                                   error);
}

static PathwaysMeeting *
get_planned_meeting (PathwaysStore  *self,
                     gint64          person_id,
                     GError        **error)
{
  PathwaysDb *db = pathways_store_get_db (self);
  sqlite3_stmt *stmt;

  stmt = pathways_db_prepare (db,
                              "SELECT " MEETING_COLUMNS " FROM meeting m WHERE m.person_id = ?1 "
                              "AND m.status = 'planned' ORDER BY m.scheduled_at, m.id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);

  return pathways_db_collect_one (db, stmt, (PathwaysDbRowFunc) meeting_from_row, error);
}

/**
 * pathways_store_get_next_meeting:
 * @self: a store
 * @person: a person of this store
 * @error: return location for a #PathwaysDbError
 *
 * The meeting being prepared: the one still planned (there is at most one at a time), even
 * when its date has passed and nobody marked it held yet.
 *
 * Returns: (transfer full) (nullable): the planned meeting, or %NULL (with @error unset)
 *   when there is none
 */
PathwaysMeeting *
pathways_store_get_next_meeting (PathwaysStore   *self,
                                 PathwaysPerson  *person,
                                 GError         **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  return get_planned_meeting (self, pathways_person_get_id (person), error);
}

/* The newest scheduled_at of @person's meetings in @statuses (an SQL list), or NULL. */
static char *
dup_last_date (PathwaysStore  *self,
               PathwaysPerson *person,
               const char     *sql)
{
  sqlite3_stmt *stmt = pathways_db_prepare (pathways_store_get_db (self), sql, NULL);
  char *last = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        last = g_strdup (pathways_db_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return last;
}

/**
 * pathways_store_dup_last_held_date:
 * @self: a store
 * @person: a person of this store
 *
 * Returns: (transfer full) (nullable): when the last 1-on-1 held with @person was
 *   (scheduled_at), or %NULL when none was
 */
char *
pathways_store_dup_last_held_date (PathwaysStore  *self,
                                   PathwaysPerson *person)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  return dup_last_date (self, person,
                        "SELECT max(scheduled_at) FROM meeting"
                        " WHERE person_id = ?1 AND status = 'held'");
}

/**
 * pathways_store_dup_suggested_date:
 * @self: a store
 * @person: a person of this store
 * @today: (nullable): today, "YYYY-MM-DD"; %NULL for the real today
 *
 * Returns: (transfer full): when the next meeting should be, from the last one held or
 *   cancelled and the person's cadence, usual day and time (see
 *   pathways_agenda_suggest_date())
 */
char *
pathways_store_dup_suggested_date (PathwaysStore  *self,
                                   PathwaysPerson *person,
                                   const char     *today)
{
  g_autofree char *real_today = pathways_dup_today ();
  g_autofree char *last = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  last = dup_last_date (self, person,
                        "SELECT max(scheduled_at) FROM meeting WHERE person_id = ?1 "
                        "AND status IN ('held', 'cancelled')");

  return pathways_agenda_suggest_date (last, pathways_person_get_cadence_weeks (person),
                                       pathways_person_get_meeting_weekday (person),
                                       pathways_person_get_meeting_time (person),
                                       today != NULL ? today : real_today);
}

/* Ids of a query's first column, in order. */
static GArray *
collect_ids (PathwaysDb    *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&ids);
}

/* Puts each item of @ids in @meeting_id, at positions from *@position on. Carried items
 * remember the meeting they were first raised in. */
static gboolean
attach_points (PathwaysDb  *db,
               GArray      *ids,
               gint64       meeting_id,
               gboolean     carried,
               int         *position,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = pathways_db_prepare (db,
                              "UPDATE agenda_item SET "
                              "origin_meeting_id = CASE WHEN ?4 "
                              "  THEN ifnull(origin_meeting_id, meeting_id) "
                              "  ELSE origin_meeting_id END, "
                              "source = CASE WHEN ?4 THEN 'carried' ELSE source END, "
                              "meeting_id = ?2, position = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, meeting_id);
      sqlite3_bind_int (stmt, 3, (*position)++);
      sqlite3_bind_int (stmt, 4, carried ? 1 : 0);
      if (!pathways_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_topic_point (PathwaysDb   *db,
                    gint64        person_id,
                    gint64        meeting_id,
                    const char   *body,
                    const char   *topic_kind,
                    const char   *topic_key,
                    int           position,
                    GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = pathways_db_prepare (db,
                              "INSERT INTO agenda_item (meeting_id, person_id, body, owner, "
                              "position, source, topic_kind, topic_key) "
                              "VALUES (?1, ?2, ?3, 'me', ?4, 'handbook', ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  pathways_db_bind_text (stmt, 3, body);
  sqlite3_bind_int (stmt, 4, position);
  pathways_db_bind_text (stmt, 5, topic_kind);
  pathways_db_bind_text (stmt, 6, topic_key);

  return pathways_db_step_done (db, stmt, error);
}

/* topic_key → the latest date (of a held meeting, before @before if given) on which it was
 * discussed with the person; or, with @any_status, on which it was on any agenda. */
static GHashTable *
topic_dates (PathwaysStore  *self,
             gint64          person_id,
             const char     *before,
             gboolean        any_status,
             GError        **error)
{
  g_autoptr(GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  PathwaysDb *db = pathways_store_get_db (self);
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathways_db_prepare (db,
                              "SELECT a.topic_key, max(substr(m.scheduled_at, 1, 10)) "
                              "FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id "
                              "WHERE a.person_id = ?1 AND a.topic_key IS NOT NULL "
                              "AND (?3 OR (a.discussed AND m.status = 'held')) "
                              "AND (?2 IS NULL OR substr(m.scheduled_at, 1, 10) < ?2) "
                              "GROUP BY a.topic_key",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  pathways_db_bind_text (stmt, 2, before);
  sqlite3_bind_int (stmt, 3, any_status ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (dates, g_strdup (pathways_db_column_text (stmt, 0)),
                         g_strdup (pathways_db_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&dates);
}

/**
 * pathways_store_dup_topic_last_discussed:
 * @self: a store
 * @person: a person of this store
 * @before: (nullable): only meetings before this date, "YYYY-MM-DD"
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer full) (nullable): topic key → "YYYY-MM-DD", the date of the latest
 *   held meeting where that guide topic (or ladder expectation) was ticked as discussed
 */
GHashTable *
pathways_store_dup_topic_last_discussed (PathwaysStore   *self,
                                         PathwaysPerson  *person,
                                         const char      *before,
                                         GError         **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  return topic_dates (self, pathways_person_get_id (person), before, FALSE, error);
}

typedef struct
{
  guint       order;  /* in the guide or ladder */
  const char *date;   /* (nullable) last discussed or last evidence */
  gpointer    data;
} Candidate;

/* Least recently seen first; never seen before anything; then in the guide's order. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;
  int result;

  if (ca->date == NULL || cb->date == NULL)
    result = (ca->date != NULL) - (cb->date != NULL);
  else
    result = strcmp (ca->date, cb->date);

  if (result != 0)
    return result;

  return (ca->order > cb->order) - (ca->order < cb->order);
}

static const char *
later_date (const char *a,
            const char *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return strcmp (a, b) >= 0 ? a : b;
}

/* The "frequently" topics least recently discussed with the person, @n of them. */
static GArray *
choose_checkins (const PathwaysGuide *guide,
                 GHashTable          *last_discussed,
                 guint                n)
{
  GPtrArray *topics = guide->topics[PATHWAYS_TOPIC_FREQUENT];
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < topics->len; i++)
    {
      PathwaysTopic *topic = g_ptr_array_index (topics, i);
      Candidate candidate = { i, g_hash_table_lookup (last_discussed, topic->key), topic };

      g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_candidates);
  if (candidates->len > n)
    g_array_set_size (candidates, n);

  return candidates;
}

typedef struct
{
  const char *key;
  char       *text;
} LadderCandidate;

static GHashTable *
latest_evidence_dates (PathwaysStore  *self,
                       gint64          person_id,
                       GError        **error)
{
  g_autoptr(GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  PathwaysDb *db = pathways_store_get_db (self);
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathways_db_prepare (db,
                              "SELECT expectation_key, max(occurred_on) FROM ladder_evidence "
                              "WHERE person_id = ?1 GROUP BY expectation_key",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (dates, g_strdup (pathways_db_column_text (stmt, 0)),
                         g_strdup (pathways_db_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&dates);
}

static void
ladder_candidate_clear (gpointer data)
{
  LadderCandidate *candidate = data;

  g_free (candidate->text);
}

void
pathways_stale_expectation_free (PathwaysStaleExpectation *stale)
{
  if (stale == NULL)
    return;

  g_free (stale->key);
  g_free (stale->text);
  g_free (stale->last_evidence);
  g_free (stale);
}

/**
 * pathways_store_list_stale_expectations:
 * @self: the store
 * @person: whose
 * @level: the level they aim for
 * @today: "YYYY-MM-DD"
 * @recent_weeks: evidence newer than this many weeks is recent
 * @with_prompts: whether a ladder prompt in a 1-on-1 counts as recent attention too
 * @error: return location for an error
 *
 * The expectations of @level that need attention: not rated "consistently", with no
 * evidence in the last @recent_weeks; the ones left alone longest first (never first of
 * all), then in the ladder's order.
 *
 * Returns: (transfer full) (element-type PathwaysStaleExpectation) (nullable): the list, or
 *   %NULL with @error set
 */
GPtrArray *
pathways_store_list_stale_expectations (PathwaysStore        *self,
                                        PathwaysPerson       *person,
                                        const PathwaysLevel  *level,
                                        const char           *today,
                                        guint                 recent_weeks,
                                        gboolean              with_prompts,
                                        GError              **error)
{
  g_autoptr(GHashTable) ratings = NULL;
  g_autoptr(GHashTable) evidence = NULL;
  g_autoptr(GHashTable) prompted = NULL;
  g_autoptr(GArray) expectations = g_array_new (FALSE, FALSE, sizeof (LadderCandidate));
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GPtrArray *stale;
  g_autofree char *recent = NULL;
  gint64 person_id = pathways_person_get_id (person);
  GDate cutoff;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (level != NULL, NULL);

  g_array_set_clear_func (expectations, ladder_candidate_clear);

  ratings = pathways_store_dup_ratings (self, person, error);
  if (ratings == NULL)
    return NULL;
  evidence = latest_evidence_dates (self, person_id, error);
  if (evidence == NULL)
    return NULL;
  if (with_prompts)
    {
      prompted = topic_dates (self, person_id, NULL, TRUE, error);
      if (prompted == NULL)
        return NULL;
    }

  if (pathways_parse_date (today, &cutoff))
    {
      g_date_subtract_days (&cutoff, 7 * MAX (recent_weeks, 1));
      recent = pathways_dup_iso_date (&cutoff);
    }

  for (guint i = 0; i < level->competencies->len; i++)
    {
      PathwaysCompetency *competency = g_ptr_array_index (level->competencies, i);
      LadderCandidate candidate = {
        competency->key,
        g_strdup_printf ("%s: %s", competency->label,
                         competency->text != NULL ? competency->text : ""),
      };

      g_strstrip (candidate.text);
      g_array_append_val (expectations, candidate);
    }
  for (guint i = 0; i < level->responsibilities->len; i++)
    {
      PathwaysResponsibility *responsibility = g_ptr_array_index (level->responsibilities, i);
      LadderCandidate candidate = { responsibility->key, g_strdup (responsibility->text) };

      g_array_append_val (expectations, candidate);
    }

  for (guint i = 0; i < expectations->len; i++)
    {
      LadderCandidate *expectation = &g_array_index (expectations, LadderCandidate, i);
      PathwaysRatingState *state = g_hash_table_lookup (ratings, expectation->key);
      const char *last_evidence = g_hash_table_lookup (evidence, expectation->key);
      Candidate candidate = { i, NULL, expectation };

      if (state != NULL && state->rating == PATHWAYS_RATING_CONSISTENTLY)
        continue;
      if (last_evidence != NULL && recent != NULL && strcmp (last_evidence, recent) >= 0)
        continue;

      candidate.date = prompted != NULL
                       ? later_date (last_evidence,
                                     g_hash_table_lookup (prompted, expectation->key))
                       : last_evidence;
      g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_candidates);
  stale = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_stale_expectation_free);
  for (guint i = 0; i < candidates->len; i++)
    {
      LadderCandidate *chosen = g_array_index (candidates, Candidate, i).data;
      PathwaysStaleExpectation *item = g_new0 (PathwaysStaleExpectation, 1);

      item->key = g_strdup (chosen->key);
      item->text = g_strdup (chosen->text);
      item->last_evidence = g_strdup (g_hash_table_lookup (evidence, chosen->key));
      g_ptr_array_add (stale, item);
    }

  return stale;
}

/* An expectation of the target level to ask about: the stale one left alone longest,
 * counting earlier prompts as attention. */
static gboolean
choose_ladder_prompt (PathwaysStore                *self,
                      PathwaysPerson               *person,
                      const PathwaysAgendaOptions  *options,
                      char                        **key,
                      char                        **body,
                      GError                      **error)
{
  g_autoptr(GPtrArray) stale = NULL;

  stale = pathways_store_list_stale_expectations (self, person, options->target_level,
                                                  options->today, options->recent_weeks,
                                                  TRUE, error);
  if (stale == NULL)
    return FALSE;

  if (stale->len > 0)
    {
      PathwaysStaleExpectation *chosen = g_ptr_array_index (stale, 0);

      *key = g_strdup (chosen->key);
      *body = g_strdup (chosen->text);
    }

  return TRUE;
}

static gboolean
add_guide_topics (PathwaysDb           *db,
                  gint64                person_id,
                  gint64                meeting_id,
                  GPtrArray            *topics,
                  PathwaysTopicKind     kind,
                  int                  *position,
                  GError              **error)
{
  const char *kind_name = pathways_topic_kind_to_string (kind);

  for (guint i = 0; i < topics->len && i < MAX_GUIDE_TOPICS_PER_MEETING; i++)
    {
      PathwaysTopic *topic = g_ptr_array_index (topics, i);

      if (!insert_topic_point (db, person_id, meeting_id, topic->title, kind_name, topic->key,
                               (*position)++, error))
        return FALSE;
    }

  return TRUE;
}

/* Fills a new meeting's agenda: carried-over points, points waiting for it, the guide's
 * topics, check-ins and a ladder prompt. Inside the caller's transaction. */
static gboolean
prepare_agenda (PathwaysStore                *self,
                PathwaysPerson               *person,
                gint64                        meeting_id,
                PathwaysMeetingKind           kind,
                const char                   *date,
                const PathwaysAgendaOptions  *options,
                const PathwaysGuide          *guide,
                GError                      **error)
{
  PathwaysDb *db = pathways_store_get_db (self);
  gint64 person_id = pathways_person_get_id (person);
  g_autoptr(GArray) carried = NULL;
  g_autoptr(GArray) waiting = NULL;
  sqlite3_stmt *stmt;
  int position = 0;

  /* Carried over: what earlier meetings did not get to, oldest first, keeping its place. A
   * guide topic is not carried: the next agenda brings its own. */
  stmt = pathways_db_prepare (db,
                              "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id "
                              "WHERE a.person_id = ?1 AND m.id != ?2 AND NOT a.discussed "
                              "AND m.status IN ('held', 'cancelled', 'moved') "
                              "AND (a.topic_kind IS NULL OR a.topic_kind = 'prompt') "
                              "ORDER BY m.scheduled_at, a.position, a.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  carried = collect_ids (db, stmt, error);
  if (carried == NULL || !attach_points (db, carried, meeting_id, TRUE, &position, error))
    return FALSE;

  /* Points added during the week, for whenever the next meeting would be. */
  stmt = pathways_db_prepare (db,
                              "SELECT id FROM agenda_item WHERE person_id = ?1 "
                              "AND meeting_id IS NULL ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  waiting = collect_ids (db, stmt, error);
  if (waiting == NULL || !attach_points (db, waiting, meeting_id, FALSE, &position, error))
    return FALSE;

  if (kind == PATHWAYS_MEETING_SKIP_LEVEL)
    return add_guide_topics (db, person_id, meeting_id, guide->topics[PATHWAYS_TOPIC_SKIP_LEVEL],
                             PATHWAYS_TOPIC_SKIP_LEVEL, &position, error);

  if (!add_guide_topics (db, person_id, meeting_id, guide->topics[PATHWAYS_TOPIC_EVERY],
                         PATHWAYS_TOPIC_EVERY, &position, error))
    return FALSE;

  if (options->n_checkins > 0)
    {
      g_autoptr(GHashTable) last = topic_dates (self, person_id, date, FALSE, error);
      g_autoptr(GArray) checkins = NULL;

      if (last == NULL)
        return FALSE;
      checkins = choose_checkins (guide, last, options->n_checkins);
      for (guint i = 0; i < checkins->len; i++)
        {
          PathwaysTopic *topic = g_array_index (checkins, Candidate, i).data;

          if (!insert_topic_point (db, person_id, meeting_id, topic->title, "frequent",
                                   topic->key, position++, error))
            return FALSE;
        }
    }

  if (options->target_level != NULL)
    {
      g_autofree char *key = NULL;
      g_autofree char *body = NULL;

      if (!choose_ladder_prompt (self, person, options, &key, &body, error))
        return FALSE;
      if (key != NULL
          && !insert_topic_point (db, person_id, meeting_id, body, "ladder", key, position++,
                                  error))
        return FALSE;
    }

  return TRUE;
}

static char *
dup_display_date (const char *scheduled_at)
{
  GDate date;
  char buffer[128];

  if (!pathways_parse_date (scheduled_at, &date)
      /* Translators: a meeting's date, as in "already planned for 3 December 2024" */
      || g_date_strftime (buffer, sizeof buffer, _("%-d %B %Y"), &date) == 0)
    return g_strdup (scheduled_at);

  return g_strdup (buffer);
}

/**
 * pathways_store_create_meeting:
 * @self: a store
 * @person: a person of this store
 * @kind: a 1-on-1 or a skip-level
 * @scheduled_at: when, local time: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
 * @options: how to prepare the agenda
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Plans the next meeting and prepares its agenda, all in one transaction:
 *
 * - every talking point that earlier meetings (held, cancelled or moved) did not get to
 *   moves to it — the same item, remembering where it was first raised;
 * - the points added for "the next meeting" while there was none join it;
 * - the guide's topics for every 1-on-1 (for a skip-level: its skip-level topics);
 * - @options->n_checkins of the guide's "frequently" topics, those discussed least
 *   recently with this person (never discussed first);
 * - with a target level, one of its expectations without recent evidence.
 *
 * Open action items are not copied: every planned meeting shows them (see
 * pathways_store_list_meeting_actions()). Only one meeting can be planned at a time.
 *
 * Returns: (transfer full) (nullable): the new meeting
 */
PathwaysMeeting *
pathways_store_create_meeting (PathwaysStore                *self,
                               PathwaysPerson               *person,
                               PathwaysMeetingKind           kind,
                               const char                   *scheduled_at,
                               const PathwaysAgendaOptions  *options,
                               GError                      **error)
{
  g_autoptr(PathwaysGuide) builtin = NULL;
  g_autoptr(PathwaysMeeting) planned = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL;
  const PathwaysGuide *guide;
  PathwaysDb *db;
  sqlite3_stmt *stmt;
  gint64 meeting_id = 0;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);
  g_return_val_if_fail (pathways_person_get_id (person) != 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!validate_scheduled (scheduled_at, error))
    return NULL;

  guide = options->guide;
  if (guide == NULL)
    guide = builtin = pathways_guide_new_builtin ();
  date = pathways_agenda_dup_date (scheduled_at);
  db = pathways_store_get_db (self);

  if (!pathways_db_begin (db, error))
    return NULL;

  planned = get_planned_meeting (self, pathways_person_get_id (person), &local_error);
  ok = local_error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (planned != NULL)
    {
      g_autofree char *when = dup_display_date (planned->scheduled_at);

      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("The next meeting with %s is already planned, for %s. Mark it as held, "
                     "move it or cancel it first."),
                   pathways_person_get_name (person), when);
      ok = FALSE;
    }

  if (ok)
    {
      stmt = pathways_db_prepare (db,
                                  "INSERT INTO meeting (person_id, kind, scheduled_at) "
                                  "VALUES (?1, ?2, ?3)",
                                  error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
          pathways_db_bind_text (stmt, 2, meeting_kinds[kind]);
          pathways_db_bind_text (stmt, 3, scheduled_at);
          meeting_id = pathways_db_step_insert (db, stmt, error);
          ok = meeting_id != 0;
        }
    }

  if (ok)
    ok = prepare_agenda (self, person, meeting_id, kind, date, options, guide, error);

  if (!pathways_db_end (db, ok, error))
    return NULL;

  return pathways_store_get_meeting (self, meeting_id, error);
}

/**
 * pathways_store_set_meeting_status:
 * @self: a store
 * @meeting_id: a meeting
 * @status: %PATHWAYS_MEETING_HELD, %PATHWAYS_MEETING_CANCELLED, or back to
 *   %PATHWAYS_MEETING_PLANNED (when no other meeting is planned)
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_set_meeting_status (PathwaysStore          *self,
                                   gint64                  meeting_id,
                                   PathwaysMeetingStatus   status,
                                   GError                **error)
{
  g_autoptr(PathwaysMeeting) meeting = NULL;
  g_autoptr(PathwaysMeeting) planned = NULL;
  g_autoptr(GError) local_error = NULL;
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  if (status == PATHWAYS_MEETING_MOVED)
    return pathways_store_set_invalid (error, _("To move a meeting, give it its new date."));

  meeting = pathways_store_get_meeting (self, meeting_id, error);
  if (meeting == NULL)
    return FALSE;

  if (status == PATHWAYS_MEETING_PLANNED && meeting->status != PATHWAYS_MEETING_PLANNED)
    {
      planned = get_planned_meeting (self, meeting->person_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (planned != NULL)
        return pathways_store_set_invalid (error, _("Another meeting is already planned. Mark "
                                                    "it as held or cancel it first."));
    }

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "UPDATE meeting SET status = ?2, updated_at = " NOW_SQL " "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  pathways_db_bind_text (stmt, 2, meeting_statuses[status]);

  return pathways_db_step_done (db, stmt, error);
}

/**
 * pathways_store_move_meeting:
 * @self: a store
 * @meeting_id: a planned meeting
 * @scheduled_at: its new date, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Moves a planned meeting: the old one stays in the history, marked moved and pointing at
 * a new planned meeting that takes its agenda, action items and notes.
 *
 * Returns: (transfer full) (nullable): the new meeting
 */
PathwaysMeeting *
pathways_store_move_meeting (PathwaysStore  *self,
                             gint64          meeting_id,
                             const char     *scheduled_at,
                             GError        **error)
{
  static const char * const moves[] = {
    "UPDATE agenda_item SET meeting_id = ?2 WHERE meeting_id = ?1",
    "UPDATE action_item SET meeting_id = ?2 WHERE meeting_id = ?1",
    "UPDATE meeting SET status = 'moved', moved_to_id = ?2, shared_notes = '', "
    "private_notes = '', updated_at = " NOW_SQL " WHERE id = ?1",
  };
  g_autoptr(PathwaysMeeting) meeting = NULL;
  PathwaysDb *db;
  sqlite3_stmt *stmt;
  gint64 new_id = 0;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  if (!validate_scheduled (scheduled_at, error))
    return NULL;

  meeting = pathways_store_get_meeting (self, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  if (meeting->status != PATHWAYS_MEETING_PLANNED)
    {
      pathways_store_set_invalid (error, _("Only a planned meeting can be moved."));
      return NULL;
    }

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return NULL;

  stmt = pathways_db_prepare (db,
                              "INSERT INTO meeting (person_id, kind, scheduled_at, shared_notes, "
                              "private_notes, mood) SELECT person_id, kind, ?2, shared_notes, "
                              "private_notes, mood FROM meeting WHERE id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      pathways_db_bind_text (stmt, 2, scheduled_at);
      ok = pathways_db_step_done (db, stmt, error);
    }
  if (ok)
    new_id = sqlite3_last_insert_rowid (pathways_db_get_handle (db));

  for (guint i = 0; ok && i < G_N_ELEMENTS (moves); i++)
    {
      stmt = pathways_db_prepare (db, moves[i], error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, meeting_id);
          sqlite3_bind_int64 (stmt, 2, new_id);
          ok = pathways_db_step_done (db, stmt, error);
        }
    }

  if (!pathways_db_end (db, ok, error))
    return NULL;

  return pathways_store_get_meeting (self, new_id, error);
}

/**
 * pathways_store_save_meeting_notes:
 * @self: a store
 * @meeting_id: a meeting
 * @shared_notes: (nullable): Markdown for the report to see; %NULL leaves it as it is
 * @private_notes: (nullable): Markdown for the manager only; %NULL leaves it as it is
 * @error: return location for a #PathwaysDbError
 *
 * Cheap enough for every autosave.
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_save_meeting_notes (PathwaysStore  *self,
                                   gint64          meeting_id,
                                   const char     *shared_notes,
                                   const char     *private_notes,
                                   GError        **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "UPDATE meeting SET shared_notes = ifnull(?2, shared_notes), "
                              "private_notes = ifnull(?3, private_notes), "
                              "updated_at = " NOW_SQL " WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  pathways_db_bind_text (stmt, 2, shared_notes);
  pathways_db_bind_text (stmt, 3, private_notes);
  if (!pathways_db_step_done (db, stmt, error))
    return FALSE;

  return sqlite3_changes (pathways_db_get_handle (db)) > 0 || set_record_not_found (error);
}

/**
 * pathways_store_set_meeting_mood:
 * @self: a store
 * @meeting_id: a meeting
 * @mood: 1 (low) to 5 (great), or 0 to clear it
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_set_meeting_mood (PathwaysStore  *self,
                                 gint64          meeting_id,
                                 int             mood,
                                 GError        **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  if (mood < 0 || mood > 5)
    return pathways_store_set_invalid (error, _("The mood is a number from 1 to 5."));

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "UPDATE meeting SET mood = ?2, updated_at = " NOW_SQL " "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (mood == 0)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int (stmt, 2, mood);

  return pathways_db_step_done (db, stmt, error);
}

/* ==== talking points ==== */

static gboolean
validate_body (const char  *body,
               const char  *message,
               char       **trimmed,
               GError     **error)
{
  *trimmed = pathways_dup_trimmed_or_null (body);
  if (*trimmed != NULL)
    return TRUE;

  return pathways_store_set_invalid (error, message);
}

/* Where "the next meeting" is: the planned one, or 0 for the points waiting for one. */
static gint64
resolve_meeting (PathwaysStore  *self,
                 gint64          person_id,
                 gint64          meeting_id,
                 GError        **error)
{
  g_autoptr(PathwaysMeeting) planned = NULL;

  if (meeting_id != 0)
    return meeting_id;

  planned = get_planned_meeting (self, person_id, error);

  return planned != NULL ? planned->id : 0;
}

static int
next_position (PathwaysDb *db,
               gint64      person_id,
               gint64      meeting_id)
{
  sqlite3_stmt *stmt;
  int position = 0;

  stmt = pathways_db_prepare (db,
                              "SELECT ifnull(max(position) + 1, 0) FROM agenda_item "
                              "WHERE person_id = ?1 AND meeting_id IS ?2",
                              NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, person_id);
  bind_id_or_null (stmt, 2, meeting_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return position;
}

static gint64
insert_point (PathwaysStore  *self,
              gint64          person_id,
              gint64          meeting_id,
              const char     *body,
              PathwaysOwner   owner,
              const char     *topic_kind,
              const char     *topic_key,
              GError        **error)
{
  PathwaysDb *db = pathways_store_get_db (self);
  sqlite3_stmt *stmt;

  stmt = pathways_db_prepare (db,
                              "INSERT INTO agenda_item (meeting_id, person_id, body, owner, "
                              "position, source, topic_kind, topic_key) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, "
                              "CASE WHEN ?6 IS NULL THEN 'typed' ELSE 'handbook' END, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return 0;

  bind_id_or_null (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  pathways_db_bind_text (stmt, 3, body);
  pathways_db_bind_text (stmt, 4, owners[owner]);
  sqlite3_bind_int (stmt, 5, next_position (db, person_id, meeting_id));
  pathways_db_bind_text (stmt, 6, topic_kind);
  pathways_db_bind_text (stmt, 7, topic_key);

  return pathways_db_step_insert (db, stmt, error);
}

/**
 * pathways_store_add_talking_point:
 * @self: a store
 * @person: a person of this store
 * @meeting_id: the meeting, or 0 for the next one (the planned meeting, or — while none is
 *   planned — the points that join the next meeting when it is created)
 * @body: what to talk about; stored trimmed
 * @owner: who brings it up
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: the new point's id, or 0 if it could not be added
 */
gint64
pathways_store_add_talking_point (PathwaysStore   *self,
                                  PathwaysPerson  *person,
                                  gint64           meeting_id,
                                  const char      *body,
                                  PathwaysOwner    owner,
                                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = NULL;
  gint64 person_id;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), 0);
  g_return_val_if_fail (owner == PATHWAYS_OWNER_ME || owner == PATHWAYS_OWNER_THEM, 0);

  if (!validate_body (body, _("The talking point is empty. Write what to talk about."),
                      &trimmed, error))
    return 0;

  person_id = pathways_person_get_id (person);
  meeting_id = resolve_meeting (self, person_id, meeting_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  return insert_point (self, person_id, meeting_id, trimmed, owner, NULL, NULL, error);
}

/**
 * pathways_store_add_prompt:
 * @self: a store
 * @person: a person of this store
 * @meeting_id: the meeting, or 0 for the next one
 * @guide: (nullable): the guide whose questions to offer; %NULL for the built-in ones
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Adds one of the guide's questions for when there is nothing to discuss: the one asked
 * least recently with this person, and not one already on this agenda.
 *
 * Returns: the new point's id, or 0 if none was left or it could not be added
 */
gint64
pathways_store_add_prompt (PathwaysStore        *self,
                           PathwaysPerson       *person,
                           gint64                meeting_id,
                           const PathwaysGuide  *guide,
                           GError              **error)
{
  g_autoptr(PathwaysGuide) builtin = NULL;
  g_autoptr(GHashTable) asked = NULL;
  g_autoptr(GHashTable) on_agenda = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GError) local_error = NULL;
  PathwaysTopic *chosen;
  GPtrArray *prompts;
  gint64 person_id;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), 0);

  if (guide == NULL)
    guide = builtin = pathways_guide_new_builtin ();
  prompts = guide->topics[PATHWAYS_TOPIC_PROMPT];

  person_id = pathways_person_get_id (person);
  meeting_id = resolve_meeting (self, person_id, meeting_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  asked = topic_dates (self, person_id, NULL, TRUE, error);
  if (asked == NULL)
    return 0;
  points = pathways_store_list_talking_points (self, person, meeting_id, error);
  if (points == NULL)
    return 0;
  for (guint i = 0; i < points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (points, i);

      if (point->topic_key != NULL)
        g_hash_table_add (on_agenda, point->topic_key);
    }

  for (guint i = 0; i < prompts->len; i++)
    {
      PathwaysTopic *topic = g_ptr_array_index (prompts, i);
      Candidate candidate = { i, g_hash_table_lookup (asked, topic->key), topic };

      if (!g_hash_table_contains (on_agenda, topic->key))
        g_array_append_val (candidates, candidate);
    }

  if (candidates->len == 0)
    {
      pathways_store_set_invalid (error, _("Every question from the guide is on this agenda "
                                           "already."));
      return 0;
    }

  g_array_sort (candidates, compare_candidates);
  chosen = g_array_index (candidates, Candidate, 0).data;

  return insert_point (self, person_id, meeting_id, chosen->title, PATHWAYS_OWNER_ME,
                       "prompt", chosen->key, error);
}

/**
 * pathways_store_list_talking_points:
 * @self: a store
 * @person: a person of this store
 * @meeting_id: a meeting, or 0 for the points waiting for the next one
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer container) (element-type PathwaysTalkingPoint) (nullable): the
 *   meeting's points in their order; guide topics come with the date they were last
 *   discussed before this meeting
 */
GPtrArray *
pathways_store_list_talking_points (PathwaysStore   *self,
                                    PathwaysPerson  *person,
                                    gint64           meeting_id,
                                    GError         **error)
{
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GHashTable) last = NULL;
  g_autofree char *date = NULL;
  gboolean any_topic = FALSE;
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " POINT_COLUMNS " FROM agenda_item a "
                              "LEFT JOIN meeting o ON o.id = a.origin_meeting_id "
                              "WHERE a.person_id = ?1 AND a.meeting_id IS ?2 "
                              "ORDER BY a.position, a.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  bind_id_or_null (stmt, 2, meeting_id);
  points = pathways_db_collect_rows (db, stmt, (PathwaysDbRowFunc) point_from_row,
                                     (GDestroyNotify) pathways_talking_point_free, error);
  if (points == NULL)
    return NULL;

  for (guint i = 0; i < points->len && !any_topic; i++)
    any_topic = ((PathwaysTalkingPoint *) g_ptr_array_index (points, i))->topic_key != NULL;
  if (!any_topic)
    return g_steal_pointer (&points);

  if (meeting_id != 0)
    {
      g_autoptr(PathwaysMeeting) meeting = pathways_store_get_meeting (self, meeting_id, NULL);

      if (meeting != NULL)
        date = pathways_agenda_dup_date (meeting->scheduled_at);
    }
  last = topic_dates (self, pathways_person_get_id (person), date, FALSE, error);
  if (last == NULL)
    return NULL;

  for (guint i = 0; i < points->len; i++)
    {
      PathwaysTalkingPoint *point = g_ptr_array_index (points, i);

      if (point->topic_key != NULL)
        point->last_discussed = g_strdup (g_hash_table_lookup (last, point->topic_key));
    }

  return g_steal_pointer (&points);
}

/**
 * pathways_store_save_talking_point:
 * @self: a store
 * @point: a point with its edited body, notes, owner and discussed flag
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_save_talking_point (PathwaysStore               *self,
                                   const PathwaysTalkingPoint  *point,
                                   GError                     **error)
{
  g_autofree char *trimmed = NULL;
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  if (!validate_body (point->body, _("The talking point is empty. Write what to talk about, "
                                     "or delete the point."),
                      &trimmed, error))
    return FALSE;

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "UPDATE agenda_item SET body = ?2, notes = ?3, owner = ?4, "
                              "discussed = ?5 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, point->id);
  pathways_db_bind_text (stmt, 2, trimmed);
  pathways_db_bind_text (stmt, 3, point->notes != NULL ? point->notes : "");
  pathways_db_bind_text (stmt, 4, owners[point->owner == PATHWAYS_OWNER_THEM]);
  sqlite3_bind_int (stmt, 5, point->discussed ? 1 : 0);
  if (!pathways_db_step_done (db, stmt, error))
    return FALSE;

  return sqlite3_changes (pathways_db_get_handle (db)) > 0 || set_record_not_found (error);
}

/**
 * pathways_store_reorder_talking_points:
 * @self: a store
 * @ids: (array length=n_ids): points of one meeting in their new order
 * @n_ids: how many
 * @error: return location for a #PathwaysDbError
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_reorder_talking_points (PathwaysStore  *self,
                                       const gint64   *ids,
                                       guint           n_ids,
                                       GError        **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  stmt = pathways_db_prepare (db, "UPDATE agenda_item SET position = ?2 WHERE id = ?1", error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_int (stmt, 2, (int) i);
      ok = pathways_db_step_done (db, stmt, error);
    }

  return pathways_db_end (db, ok, error);
}

static gboolean
delete_by_id (PathwaysStore  *self,
              const char     *sql,
              gint64          id,
              GError        **error)
{
  PathwaysDb *db = pathways_store_get_db (self);
  sqlite3_stmt *stmt = pathways_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return pathways_db_step_done (db, stmt, error);
}

/**
 * pathways_store_delete_talking_point:
 * @self: a store
 * @id: a talking point
 * @error: return location for a #PathwaysDbError
 *
 * Returns: %TRUE if deleted (or already gone)
 */
gboolean
pathways_store_delete_talking_point (PathwaysStore  *self,
                                     gint64          id,
                                     GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM agenda_item WHERE id = ?1", id, error);
}

/* ==== action items ==== */

/**
 * pathways_store_add_action_item:
 * @self: a store
 * @person: a person of this store
 * @meeting_id: the meeting it was agreed in, or 0
 * @body: what is to be done; stored trimmed
 * @owner: who does it
 * @due_on: (nullable): by when, "YYYY-MM-DD"
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: the new item's id, or 0 if it could not be added
 */
gint64
pathways_store_add_action_item (PathwaysStore   *self,
                                PathwaysPerson  *person,
                                gint64           meeting_id,
                                const char      *body,
                                PathwaysOwner    owner,
                                const char      *due_on,
                                GError         **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *due = pathways_dup_trimmed_or_null (due_on);
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), 0);

  if (!validate_body (body, _("The action item is empty. Write what is to be done."), &trimmed,
                      error))
    return 0;
  if (due != NULL && !pathways_store_validate_date (due, error))
    return 0;

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "INSERT INTO action_item (person_id, meeting_id, body, owner, "
                              "due_on) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  bind_id_or_null (stmt, 2, meeting_id);
  pathways_db_bind_text (stmt, 3, trimmed);
  pathways_db_bind_text (stmt, 4, owners[owner == PATHWAYS_OWNER_THEM]);
  pathways_db_bind_text (stmt, 5, due);

  return pathways_db_step_insert (db, stmt, error);
}

/**
 * pathways_store_save_action_item:
 * @self: a store
 * @item: an item with its edited body, owner and due date
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_save_action_item (PathwaysStore             *self,
                                 const PathwaysActionItem  *item,
                                 GError                   **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *due = NULL;
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!validate_body (item->body, _("The action item is empty. Write what is to be done, or "
                                    "delete the item."),
                      &trimmed, error))
    return FALSE;
  due = pathways_dup_trimmed_or_null (item->due_on);
  if (due != NULL && !pathways_store_validate_date (due, error))
    return FALSE;

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "UPDATE action_item SET body = ?2, owner = ?3, due_on = ?4 "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item->id);
  pathways_db_bind_text (stmt, 2, trimmed);
  pathways_db_bind_text (stmt, 3, owners[item->owner == PATHWAYS_OWNER_THEM]);
  pathways_db_bind_text (stmt, 4, due);
  if (!pathways_db_step_done (db, stmt, error))
    return FALSE;

  return sqlite3_changes (pathways_db_get_handle (db)) > 0 || set_record_not_found (error);
}

/**
 * pathways_store_set_action_done:
 * @self: a store
 * @id: an action item
 * @done: ticked or not
 * @meeting_id: the meeting it was ticked in, or 0
 * @error: return location for a #PathwaysDbError
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_set_action_done (PathwaysStore  *self,
                                gint64          id,
                                gboolean        done,
                                gint64          meeting_id,
                                GError        **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "UPDATE action_item SET "
                              "done_at = CASE WHEN ?2 THEN ifnull(done_at, " NOW_SQL ") END, "
                              "done_meeting_id = CASE WHEN ?2 THEN ?3 END WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, done ? 1 : 0);
  bind_id_or_null (stmt, 3, meeting_id);

  return pathways_db_step_done (db, stmt, error);
}

/**
 * pathways_store_delete_action_item:
 * @self: a store
 * @id: an action item
 * @error: return location for a #PathwaysDbError
 *
 * Returns: %TRUE if deleted (or already gone)
 */
gboolean
pathways_store_delete_action_item (PathwaysStore  *self,
                                   gint64          id,
                                   GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  return delete_by_id (self, "DELETE FROM action_item WHERE id = ?1", id, error);
}

/**
 * pathways_store_list_meeting_actions:
 * @self: a store
 * @meeting: a meeting
 * @error: return location for a #PathwaysDbError
 *
 * The action items a meeting shows: the ones agreed or ticked in it, and — while it is
 * planned — every open one from before (the follow-ups), those first, by due date.
 *
 * Returns: (transfer container) (element-type PathwaysActionItem) (nullable): the items
 */
GPtrArray *
pathways_store_list_meeting_actions (PathwaysStore          *self,
                                     const PathwaysMeeting  *meeting,
                                     GError                **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (meeting != NULL, NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " ACTION_COLUMNS " FROM action_item x "
                              "LEFT JOIN meeting o ON o.id = x.meeting_id "
                              "WHERE x.person_id = ?1 AND (x.meeting_id = ?2 "
                              "  OR x.done_meeting_id = ?2 "
                              "  OR (?3 AND x.done_at IS NULL)) "
                              "ORDER BY x.meeting_id IS ?2, x.due_on IS NULL, x.due_on, x.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting->person_id);
  sqlite3_bind_int64 (stmt, 2, meeting->id);
  sqlite3_bind_int (stmt, 3, meeting->status == PATHWAYS_MEETING_PLANNED ? 1 : 0);

  return pathways_db_collect_rows (db, stmt, (PathwaysDbRowFunc) action_from_row,
                                   (GDestroyNotify) pathways_action_item_free, error);
}

/**
 * pathways_store_list_open_actions:
 * @self: a store
 * @person: (nullable): one person, or %NULL for the whole team (not archived)
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer container) (element-type PathwaysActionItem) (nullable): the open
 *   action items, the manager's own first, then by due date (undated last)
 */
GPtrArray *
pathways_store_list_open_actions (PathwaysStore   *self,
                                  PathwaysPerson  *person,
                                  GError         **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (person == NULL || PATHWAYS_IS_PERSON (person), NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " ACTION_COLUMNS " FROM action_item x "
                              "JOIN person p ON p.id = x.person_id "
                              "LEFT JOIN meeting o ON o.id = x.meeting_id "
                              "WHERE x.done_at IS NULL AND p.deleted_at IS NULL "
                              "AND (?1 IS NULL AND p.archived_at IS NULL OR x.person_id = ?1) "
                              "ORDER BY x.owner != 'me', x.due_on IS NULL, x.due_on, x.id",
                              error);
  if (stmt == NULL)
    return NULL;

  bind_id_or_null (stmt, 1, person != NULL ? pathways_person_get_id (person) : 0);

  return pathways_db_collect_rows (db, stmt, (PathwaysDbRowFunc) action_from_row,
                                   (GDestroyNotify) pathways_action_item_free, error);
}

/* ==== the sample team's history ==== */

typedef struct
{
  const char *body;
  gboolean    theirs;
  gboolean    discussed;
  int         topic;     /* 0 typed, else a PathwaysTopicKind + 1: the body is the title */
  const char *notes;
} SamplePoint;

typedef struct
{
  const char *body;
  gboolean    theirs;
  int         due_days;  /* after the meeting; 0 for no due date */
  gboolean    done;
} SampleAction;

typedef struct
{
  const char         *person;
  guint               cadences_ago;  /* 1 is the latest slot before today */
  PathwaysMeetingStatus status;
  int                 mood;
  const char         *shared_notes;
  const char         *private_notes;
  SamplePoint         points[6];
  SampleAction        actions[3];
} SampleMeeting;

#define EVERY (PATHWAYS_TOPIC_EVERY + 1)
#define FREQUENT (PATHWAYS_TOPIC_FREQUENT + 1)
#define SKIP (PATHWAYS_TOPIC_SKIP_LEVEL + 1)

/* Invented history, oldest first per person. The topic titles are the bundled sample
 * handbook's, so the check-in rotation knows when each was last discussed. */
static const SampleMeeting sample_meetings[] = {
  {
    "Amara Okafor", 4, PATHWAYS_MEETING_HELD, 4,
    N_("Agreed to aim the RFC at the March cut-over."), NULL,
    {
      { N_("Wins"), FALSE, TRUE, EVERY, N_("Shipped the refund service behind a flag.") },
      { N_("Career growth"), FALSE, TRUE, FREQUENT,
        N_("Wants staff-level scope within a year; start with the payments RFC.") },
      { N_("Payments migration: cut-over plan"), TRUE, TRUE, 0, NULL },
    },
    { { N_("Draft the payments cut-over RFC"), TRUE, 14, TRUE } },
  },
  {
    "Amara Okafor", 3, PATHWAYS_MEETING_HELD, 3,
    N_("On-call has been heavy; looking for a second rotation."),
    N_("Seemed tired. Check in about taking time off after the cut-over."),
    {
      { N_("Blockers"), FALSE, TRUE, EVERY, N_("Waiting on the vendor sandbox.") },
      { N_("Wellbeing"), FALSE, TRUE, FREQUENT, NULL },
      { N_("On-call load this month"), TRUE, TRUE, 0, NULL },
    },
    { { N_("Ask the platform team for a second on-call rotation"), FALSE, 7, FALSE } },
  },
  {
    "Amara Okafor", 2, PATHWAYS_MEETING_CANCELLED, 0, "", "",
    { { N_("Quarterly goals check"), FALSE, FALSE, 0, NULL } },
    { { NULL } },
  },
  {
    "Amara Okafor", 1, PATHWAYS_MEETING_HELD, 4,
    N_("Great demo at the all-hands. Next step: a cut-over dry run."), "",
    {
      { N_("Wins"), FALSE, TRUE, EVERY, N_("The all-hands demo landed well.") },
      { N_("Recognition"), FALSE, TRUE, FREQUENT, NULL },
      { N_("Feedback on my design review style"), TRUE, FALSE, 0, NULL },
      { N_("Conference budget for next year"), FALSE, FALSE, 0, NULL },
    },
    { { N_("Write up the sandbox workaround for the wiki"), TRUE, 10, FALSE } },
  },
  {
    "Mateo Fernández", 3, PATHWAYS_MEETING_HELD, 3,
    N_("Runbook rewrite is a third done. Pairing with Kenji twice a week."), "",
    {
      { N_("Wins"), FALSE, TRUE, EVERY, NULL },
      { N_("Learning"), FALSE, TRUE, FREQUENT,
        N_("Interested in the distributed systems reading group.") },
      { N_("Code review turnaround on the billing repo"), TRUE, TRUE, 0, NULL },
    },
    { { N_("Book a code review pairing session with Amara"), TRUE, 7, TRUE } },
  },
  {
    "Mateo Fernández", 2, PATHWAYS_MEETING_HELD, 3, "", "",
    {
      { N_("Blockers"), FALSE, TRUE, EVERY, N_("Flaky integration tests slow every merge.") },
      { N_("Feedback for them"), FALSE, TRUE, FREQUENT,
        N_("Clear incident write-up last week; next time page the owner sooner.") },
      { N_("Taking the on-call lead next quarter?"), FALSE, FALSE, 0, NULL },
    },
    { { N_("Find an owner for the flaky test dashboard"), FALSE, 5, FALSE } },
  },
  {
    "Mateo Fernández", 1, PATHWAYS_MEETING_HELD, 4,
    N_("Runbook rewrite is two thirds done."), "",
    {
      { N_("Wins"), FALSE, TRUE, EVERY, NULL },
      { N_("The team"), FALSE, TRUE, FREQUENT, NULL },
    },
    { { NULL } },
  },
  {
    "Priya Raghunathan", 2, PATHWAYS_MEETING_HELD, 5,
    N_("Data platform roadmap reviewed with the architects."), "",
    {
      { N_("Wins"), FALSE, TRUE, EVERY, NULL },
      { N_("Goals"), FALSE, TRUE, FREQUENT, NULL },
    },
    { { N_("Share the roadmap with the product leads"), TRUE, 10, TRUE } },
  },
  {
    "Priya Raghunathan", 1, PATHWAYS_MEETING_HELD, 4, "", "",
    {
      { N_("Feedback for you"), FALSE, TRUE, FREQUENT,
        N_("Would like decisions written down sooner after meetings.") },
      { N_("Hiring loop for the data team"), TRUE, FALSE, 0, NULL },
    },
    { { N_("Write the interview rubric for the data role"), FALSE, 14, FALSE } },
  },
  {
    "Kenji Watanabe", 2, PATHWAYS_MEETING_HELD, 3, "", "",
    {
      { N_("Wins"), FALSE, TRUE, EVERY, N_("First production deploy.") },
      { N_("Learning"), FALSE, TRUE, FREQUENT, NULL },
    },
    { { NULL } },
  },
  {
    "Kenji Watanabe", 1, PATHWAYS_MEETING_HELD, 4,
    N_("Billing service pairing is going well."), "",
    {
      { N_("Blockers"), FALSE, TRUE, EVERY, NULL },
      { N_("How to ask for help without feeling slow"), TRUE, TRUE, 0, NULL },
    },
    { { N_("Pick a first on-call shadow shift"), TRUE, 14, FALSE } },
  },
  {
    "Noor Haddad", 2, PATHWAYS_MEETING_HELD, 4, "", "",
    {
      { N_("The team"), FALSE, TRUE, FREQUENT, N_("Platform team is settling in.") },
    },
    { { NULL } },
  },
  {
    "Noor Haddad", 1, PATHWAYS_MEETING_HELD, 4,
    N_("Headcount request for the platform team goes in this quarter."), "",
    {
      { N_("Wins"), FALSE, TRUE, EVERY, NULL },
      { N_("Career growth"), FALSE, TRUE, FREQUENT, NULL },
    },
    { { N_("Send the headcount request draft"), TRUE, 7, FALSE } },
  },
  {
    "Sione Tupou", 1, PATHWAYS_MEETING_HELD, 4, "", "",
    {
      { N_("How are you being supported in your growth?"), FALSE, TRUE, SKIP,
        N_("Keen on mobile work; Noor knows.") },
    },
    { { NULL } },
  },
};

#undef EVERY
#undef FREQUENT
#undef SKIP

static PathwaysPerson *
find_person_by_name (GPtrArray  *people,
                     const char *name)
{
  for (guint i = 0; i < people->len; i++)
    {
      PathwaysPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (pathways_person_get_name (person), name) == 0)
        return person;
    }

  return NULL;
}

/* The date of a sample meeting: the person's usual day, @cadences_ago slots before today. */
static char *
sample_scheduled_at (PathwaysPerson *person,
                     guint           cadences_ago,
                     const GDate    *today)
{
  guint weekday = pathways_person_get_meeting_weekday (person);
  const char *time = pathways_person_get_meeting_time (person);
  g_autofree char *date = NULL;
  GDate day = *today;

  /* The latest usual day strictly before today. */
  g_date_subtract_days (&day, 1);
  if (weekday != 0)
    g_date_subtract_days (&day, ((guint) g_date_get_weekday (&day) + 7 - weekday) % 7);
  g_date_subtract_days (&day, 7 * pathways_person_get_cadence_weeks (person) * (cadences_ago - 1));

  date = pathways_dup_iso_date (&day);
  if (time != NULL)
    return g_strdup_printf ("%sT%s", date, time);

  return g_steal_pointer (&date);
}

static char *
sample_topic_key (int         topic,
                  const char *title)
{
  g_autofree char *normalized = pathways_ladder_normalize (title);

  return g_strdup_printf ("%s/%s", pathways_topic_kind_to_string ((PathwaysTopicKind) (topic - 1)),
                          normalized);
}

static gboolean
insert_sample_meeting (PathwaysStore        *self,
                       const SampleMeeting  *sample,
                       PathwaysPerson       *person,
                       const GDate          *today,
                       GError              **error)
{
  PathwaysDb *db = pathways_store_get_db (self);
  g_autofree char *scheduled_at = sample_scheduled_at (person, sample->cadences_ago, today);
  gint64 person_id = pathways_person_get_id (person);
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  GDate date;

  stmt = pathways_db_prepare (db,
                              "INSERT INTO meeting (person_id, kind, scheduled_at, status, "
                              "shared_notes, private_notes, mood) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif(?7, 0))",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  pathways_db_bind_text (stmt, 2, meeting_kinds[pathways_person_get_skip_level (person)]);
  pathways_db_bind_text (stmt, 3, scheduled_at);
  pathways_db_bind_text (stmt, 4, meeting_statuses[sample->status]);
  pathways_db_bind_text (stmt, 5, sample->shared_notes ? _(sample->shared_notes) : "");
  pathways_db_bind_text (stmt, 6, sample->private_notes && sample->private_notes[0]
                                  ? _(sample->private_notes) : "");
  sqlite3_bind_int (stmt, 7, sample->mood);
  meeting_id = pathways_db_step_insert (db, stmt, error);
  if (meeting_id == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sample->points) && sample->points[i].body; i++)
    {
      const SamplePoint *point = &sample->points[i];
      g_autofree char *key = NULL;

      if (point->topic != 0)
        key = sample_topic_key (point->topic, point->body);

      stmt = pathways_db_prepare (db,
                                  "INSERT INTO agenda_item (meeting_id, person_id, body, owner, "
                                  "position, discussed, source, topic_kind, topic_key, notes) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                  "CASE WHEN ?7 IS NULL THEN 'typed' ELSE 'handbook' END, "
                                  "?7, ?8, ?9)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      pathways_db_bind_text (stmt, 3, _(point->body));
      pathways_db_bind_text (stmt, 4, owners[point->theirs]);
      sqlite3_bind_int (stmt, 5, (int) i);
      sqlite3_bind_int (stmt, 6, point->discussed);
      pathways_db_bind_text (stmt, 7, point->topic != 0
                                      ? pathways_topic_kind_to_string ((PathwaysTopicKind) (point->topic - 1))
                                      : NULL);
      pathways_db_bind_text (stmt, 8, key);
      pathways_db_bind_text (stmt, 9, point->notes ? _(point->notes) : "");
      if (!pathways_db_step_done (db, stmt, error))
        return FALSE;
    }

  pathways_parse_date (scheduled_at, &date);
  for (guint i = 0; i < G_N_ELEMENTS (sample->actions) && sample->actions[i].body; i++)
    {
      const SampleAction *action = &sample->actions[i];
      g_autofree char *due = NULL;
      GDate due_date = date;

      if (action->due_days > 0)
        {
          g_date_add_days (&due_date, (guint) action->due_days);
          due = pathways_dup_iso_date (&due_date);
        }

      stmt = pathways_db_prepare (db,
                                  "INSERT INTO action_item (person_id, meeting_id, body, owner, "
                                  "due_on, done_at, done_meeting_id) VALUES (?1, ?2, ?3, ?4, ?5, "
                                  "CASE WHEN ?6 THEN ?7 || 'T12:00:00Z' END, NULL)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int64 (stmt, 2, meeting_id);
      pathways_db_bind_text (stmt, 3, _(action->body));
      pathways_db_bind_text (stmt, 4, owners[action->theirs]);
      pathways_db_bind_text (stmt, 5, due);
      sqlite3_bind_int (stmt, 6, action->done);
      pathways_db_bind_text (stmt, 7, due != NULL ? due : scheduled_at);
      if (!pathways_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char       *person;
  guint             days_ago;
  PathwaysNoteKind  kind;
  const char       *body;
} SampleNote;

/* Notes toward the review, over the last weeks. */
static const SampleNote sample_notes[] = {
  { "Amara Okafor", 12, PATHWAYS_NOTE_WIN,
    N_("Ran the payments cut-over dry run; zero customer-facing errors.") },
  { "Amara Okafor", 26, PATHWAYS_NOTE_FEEDBACK,
    N_("The data team said her migration guide was the clearest they had read this year.") },
  { "Amara Okafor", 40, PATHWAYS_NOTE_GROWTH,
    N_("Design reviews: lets others finish before proposing her own approach — keep "
       "practising.") },
  { "Amara Okafor", 55, PATHWAYS_NOTE_WIN,
    N_("Mentored Kenji through his first production deploy.") },
  { "Mateo Fernández", 9, PATHWAYS_NOTE_WIN,
    N_("Led the incident review for the billing outage; clear timeline, no blame.") },
  { "Mateo Fernández", 33, PATHWAYS_NOTE_GROWTH,
    N_("Code review turnaround is slow on Fridays; agreed to block time for it.") },
  { "Kenji Watanabe", 20, PATHWAYS_NOTE_WIN,
    N_("First production deploy, with a rollback plan written beforehand.") },
};

/* Gives the sample team (@people, just inserted) a few weeks of 1-on-1s before @today —
 * held and cancelled meetings, points not got to, open and overdue action items, notes and
 * moods — so that preparing the next agenda shows what carries over. Inside the caller's
 * transaction. */
gboolean
pathways_agenda_insert_sample_history (PathwaysStore  *self,
                                       GPtrArray      *people,
                                       const char     *today,
                                       GError        **error)
{
  g_autofree char *real_today = pathways_dup_today ();
  PathwaysPerson *amara;
  gboolean ok = TRUE;
  GDate day;

  if (!pathways_parse_date (today != NULL ? today : real_today, &day))
    return pathways_store_validate_date (today, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (sample_meetings); i++)
    {
      PathwaysPerson *person = find_person_by_name (people, sample_meetings[i].person);

      if (person != NULL)
        ok = insert_sample_meeting (self, &sample_meetings[i], person, &day, error);
    }

    for (guint i = 0; ok && i < G_N_ELEMENTS (sample_notes); i++)
    {
      PathwaysPerson *person = find_person_by_name (people, sample_notes[i].person);
      g_autofree char *date = NULL;
      GDate when = day;

      if (person == NULL)
        continue;
      g_date_subtract_days (&when, sample_notes[i].days_ago);
      date = pathways_dup_iso_date (&when);
      ok = pathways_store_add_note (self, person, sample_notes[i].kind, _(sample_notes[i].body),
                                    date, NULL, error) != 0;
    }

  /* Something noted during the week, for the next agenda. */
  amara = find_person_by_name (people, "Amara Okafor");
  if (ok && amara != NULL)
    ok = insert_point (self, pathways_person_get_id (amara), 0,
                       _("Would she mentor Kenji on code review?"), PATHWAYS_OWNER_ME, NULL,
                       NULL, error) != 0;

  return ok;
}
