/* pathways-store.c: the domain API over the database — people as shared GObjects in a
 * sorted list model, their level history, ladder ratings and evidence, and the sample
 * team. All SQL for records lives here.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pathways-person-private.h"
#include "pathways-store.h"
#include "pathways-store-private.h"

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

struct _PathwaysStore
{
  GObject     parent_instance;

  PathwaysDb *db;
  GListStore *people;   /* everyone not deleted, sorted by name */
  GHashTable *by_id;    /* id (gint64 *) → PathwaysPerson, the people in the list */
  GHashTable *deleted;  /* id (gint64 *) → PathwaysPerson, deleted this session (for Undo) */
};

G_DEFINE_FINAL_TYPE (PathwaysStore, pathways_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pathways-store-error-quark, pathways_store_error)

/* ==== helpers ==== */

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* Names sort by their collation key; the id keeps people of the same name in a stable
 * order. */
static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  PathwaysPerson *pa = (PathwaysPerson *) a;
  PathwaysPerson *pb = (PathwaysPerson *) b;
  int result = strcmp (pathways_person_get_sort_key (pa), pathways_person_get_sort_key (pb));
  gint64 ida, idb;

  if (result != 0)
    return result;

  ida = pathways_person_get_id (pa);
  idb = pathways_person_get_id (pb);

  return (ida > idb) - (ida < idb);
}

static int
compare_people_indirect (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return compare_people (*(PathwaysPerson * const *) a, *(PathwaysPerson * const *) b,
                         user_data);
}

/* Optional text is stored trimmed, and NULL when nothing is left. */
char *
pathways_dup_trimmed_or_null (const char *text)
{
  char *trimmed;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    g_clear_pointer (&trimmed, g_free);

  return trimmed;
}

static void
bind_trimmed (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  g_autofree char *trimmed = pathways_dup_trimmed_or_null (text);

  pathways_db_bind_text (stmt, index, trimmed);
}

/**
 * pathways_now_local:
 *
 * The moment the app takes as now, in local time: the real one, unless the environment
 * variable PATHWAYS_DEBUG_NOW holds a local "YYYY-MM-DDTHH:MM:SS" (for tests and for
 * trying out year ends, leap days and daylight-saving changes). Everything that asks
 * "what is today" goes through here; moments written into the database stay real.
 *
 * Returns: (transfer full): now
 */
GDateTime *
pathways_now_local (void)
{
  const char *debug_now = g_getenv ("PATHWAYS_DEBUG_NOW");

  if (debug_now != NULL && debug_now[0] != '\0')
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      GDateTime *now = g_date_time_new_from_iso8601 (debug_now, local);

      if (now != NULL)
        return now;
      g_warning ("PATHWAYS_DEBUG_NOW=%s is not YYYY-MM-DDTHH:MM:SS; using the real time",
                 debug_now);
    }

  return g_date_time_new_now_local ();
}

/**
 * pathways_dup_today:
 *
 * Returns: (transfer full): today in local time (see pathways_now_local()), "YYYY-MM-DD"
 */
char *
pathways_dup_today (void)
{
  g_autoptr(GDateTime) now = pathways_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ==== helpers agendas and reviews share (pathways-store-private.h) ==== */

/**
 * pathways_store_set_invalid:
 * @error: return location for the error
 * @message: a translated sentence saying what is wrong and what to do
 *
 * Returns: %FALSE, so that a check can end with `return pathways_store_set_invalid (…)`
 */
gboolean
pathways_store_set_invalid (GError     **error,
                            const char  *message)
{
  g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * pathways_store_set_not_found:
 * @error: return location for the error
 * @message: a translated sentence saying which record is gone
 *
 * Returns: %FALSE, like pathways_store_set_invalid()
 */
gboolean
pathways_store_set_not_found (GError     **error,
                              const char  *message)
{
  g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

/**
 * pathways_store_get_by_id:
 * @self: a store
 * @sql: a SELECT of one row by its id, the parameter ?1
 * @id: the id
 * @from_row: makes the record from the row
 * @not_found: sets the error that says the record is gone
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: (transfer full) (nullable): the record
 */
gpointer
pathways_store_get_by_id (PathwaysStore      *self,
                          const char         *sql,
                          gint64              id,
                          PathwaysDbRowFunc   from_row,
                          gboolean          (*not_found) (GError **error),
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gpointer record;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  stmt = pathways_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  record = pathways_db_collect_one (self->db, stmt, from_row, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (record == NULL)
    not_found (error);

  return record;
}

/**
 * pathways_lookup_name:
 * @names: (array length=n_names): how a column spells each value of an enum, indexed by
 *   value; %NULL where a value has no spelling
 * @n_names: how many
 * @name: (nullable): a column's text
 *
 * Returns: the value spelt @name, or 0 if none is
 */
guint
pathways_lookup_name (const char * const *names,
                      guint               n_names,
                      const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && g_strcmp0 (names[i], name) == 0)
        return i;
    }

  return 0;
}

/**
 * pathways_parse_date:
 * @iso: (nullable): text that starts with a date, "YYYY-MM-DD" (a time may follow)
 * @date: (out caller-allocates): where to put the date
 *
 * Returns: whether @iso starts with a calendar date; if not, @date is left cleared
 */
gboolean
pathways_parse_date (const char *iso,
                     GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (iso == NULL || strlen (iso) < 10
      || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/**
 * pathways_dup_iso_date:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as "YYYY-MM-DD"
 */
char *
pathways_dup_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* ==== validation ==== */

gboolean
pathways_store_validate_date (const char  *date,
               GError     **error)
{
  if (pathways_date_is_valid (date))
    return TRUE;

  if (date == NULL || date[0] == '\0')
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The date is empty. Write it as year-month-day, for example "
                             "2024-03-18."));
      return FALSE;
    }

  g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
               _("“%s” is not a date. Write dates as year-month-day, for example 2024-03-18."),
               date);

  return FALSE;
}

/* What a person must have to be stored; the messages go straight to the add dialog. */
static gboolean
validate_person (PathwaysPerson  *person,
                 GError         **error)
{
  g_autofree char *name = pathways_dup_trimmed_or_null (pathways_person_get_name (person));
  const char *start_date = pathways_person_get_start_date (person);
  const char *time = pathways_person_get_meeting_time (person);
  guint cadence = pathways_person_get_cadence_weeks (person);

  if (name == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The name is empty. Type the person’s name."));
      return FALSE;
    }

  if (start_date != NULL && !pathways_store_validate_date (start_date, error))
    return FALSE;

  if (time != NULL && !pathways_time_is_valid (time))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("“%s” is not a time of day. Write the time on a 24-hour clock, for "
                     "example 09:30 or 14:00."), time);
      return FALSE;
    }

  if (cadence < 1 || cadence > 52)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("1-on-1s can be every 1 to 52 weeks, not every %u. Choose a number in "
                     "that range."), cadence);
      return FALSE;
    }

  return TRUE;
}

/* ==== the list of people ==== */

/* Puts a renamed person back in order with one items-changed over the rows that moved, so
 * a selection model keeps them selected (it finds the same item among the added ones). */
static void
reposition (PathwaysStore  *self,
            PathwaysPerson *person)
{
  GListModel *model = G_LIST_MODEL (self->people);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PathwaysPerson) prev = NULL;
  g_autoptr(PathwaysPerson) next = NULL;
  guint old_position;
  guint new_position;
  guint low, high;

  if (!g_list_store_find (self->people, person, &old_position))
    return;

  if (old_position > 0)
    prev = g_list_model_get_item (model, old_position - 1);
  if (old_position + 1 < n_items)
    next = g_list_model_get_item (model, old_position + 1);
  if ((prev == NULL || compare_people (prev, person, NULL) <= 0)
      && (next == NULL || compare_people (person, next, NULL) <= 0))
    return;

  /* Where the person goes among the others: a binary search that skips their old row. */
  low = 0;
  high = n_items - 1;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(PathwaysPerson) other =
        g_list_model_get_item (model, middle < old_position ? middle : middle + 1);

      if (compare_people (other, person, NULL) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  new_position = low;

  if (new_position < old_position)
    {
      g_ptr_array_add (moved, g_object_ref (person));
      for (guint i = new_position; i < old_position; i++)
        g_ptr_array_add (moved, g_list_model_get_item (model, i));
      g_list_store_splice (self->people, new_position, moved->len, moved->pdata, moved->len);
    }
  else
    {
      for (guint i = old_position + 1; i <= new_position; i++)
        g_ptr_array_add (moved, g_list_model_get_item (model, i));
      g_ptr_array_add (moved, g_object_ref (person));
      g_list_store_splice (self->people, old_position, moved->len, moved->pdata, moved->len);
    }
}

static void
add_to_list (PathwaysStore  *self,
             PathwaysPerson *person)
{
  g_hash_table_insert (self->by_id, id_key (pathways_person_get_id (person)),
                       g_object_ref (person));
  g_list_store_insert_sorted (self->people, person, compare_people, NULL);
}

/* ==== rows ==== */

#define PERSON_COLUMNS \
  "id, name, pronouns, title, ladder_path, level, start_date, cadence_weeks, " \
  "meeting_weekday, meeting_time, is_skip_level, notes, archived_at IS NOT NULL, " \
  "target_path, target_level"

static PathwaysPerson *
person_from_row (sqlite3_stmt *stmt)
{
  PathwaysPerson *person = pathways_person_new (pathways_db_column_text (stmt, 1));

  pathways_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  pathways_person_set_pronouns (person, pathways_db_column_text (stmt, 2));
  pathways_person_set_title (person, pathways_db_column_text (stmt, 3));
  pathways_person_set_ladder_path (person, pathways_db_column_text (stmt, 4));
  pathways_person_set_level (person, pathways_db_column_text (stmt, 5));
  pathways_person_set_start_date (person, pathways_db_column_text (stmt, 6));
  pathways_person_set_cadence_weeks (person, (guint) sqlite3_column_int (stmt, 7));
  pathways_person_set_meeting_weekday (person, (guint) CLAMP (sqlite3_column_int (stmt, 8), 0, 7));
  pathways_person_set_meeting_time (person, pathways_db_column_text (stmt, 9));
  pathways_person_set_skip_level (person, sqlite3_column_int (stmt, 10) != 0);
  pathways_person_set_notes (person, pathways_db_column_text (stmt, 11));
  pathways_person_set_archived (person, sqlite3_column_int (stmt, 12) != 0);
  pathways_person_set_target_path (person, pathways_db_column_text (stmt, 13));
  pathways_person_set_target_level (person, pathways_db_column_text (stmt, 14));

  return person;
}

/* The editable fields as parameters ?1–?13, in the order of the INSERT below; the UPDATE
 * leaves ?4 and ?5 (path and level) out, since those change through the level history. */
static void
bind_person (sqlite3_stmt   *stmt,
             PathwaysPerson *person)
{
  guint weekday = pathways_person_get_meeting_weekday (person);

  bind_trimmed (stmt, 1, pathways_person_get_name (person));
  bind_trimmed (stmt, 2, pathways_person_get_pronouns (person));
  bind_trimmed (stmt, 3, pathways_person_get_title (person));
  bind_trimmed (stmt, 4, pathways_person_get_ladder_path (person));
  bind_trimmed (stmt, 5, pathways_person_get_level (person));
  pathways_db_bind_text (stmt, 6, pathways_person_get_start_date (person));
  sqlite3_bind_int (stmt, 7, (int) pathways_person_get_cadence_weeks (person));
  if (weekday == 0)
    sqlite3_bind_null (stmt, 8);
  else
    sqlite3_bind_int (stmt, 8, (int) weekday);
  pathways_db_bind_text (stmt, 9, pathways_person_get_meeting_time (person));
  sqlite3_bind_int (stmt, 10, pathways_person_get_skip_level (person) ? 1 : 0);
  pathways_db_bind_text (stmt, 11, pathways_person_get_notes (person));
  bind_trimmed (stmt, 12, pathways_person_get_target_path (person));
  bind_trimmed (stmt, 13, pathways_person_get_target_level (person));
}

static gboolean
insert_person_row (PathwaysStore   *self,
                   PathwaysPerson  *person,
                   gint64          *id,
                   GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = pathways_db_prepare (self->db,
                              "INSERT INTO person (name, pronouns, title, ladder_path, level, "
                              "start_date, cadence_weeks, meeting_weekday, meeting_time, "
                              "is_skip_level, notes, target_path, target_level) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                              "?13)",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, person);
  if (!pathways_db_step_done (self->db, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (pathways_db_get_handle (self->db));

  return TRUE;
}

static gboolean
insert_level_row (PathwaysStore  *self,
                  gint64          person_id,
                  const char     *ladder_path,
                  const char     *level,
                  const char     *effective_date,
                  gint64         *row_id,
                  GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = pathways_db_prepare (self->db,
                              "INSERT INTO level_history (person_id, ladder_path, level, "
                              "effective_date) VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  bind_trimmed (stmt, 2, ladder_path);
  bind_trimmed (stmt, 3, level);
  pathways_db_bind_text (stmt, 4, effective_date);
  if (!pathways_db_step_done (self->db, stmt, error))
    return FALSE;

  if (row_id != NULL)
    *row_id = sqlite3_last_insert_rowid (pathways_db_get_handle (self->db));

  return TRUE;
}

static gboolean
load_people (PathwaysStore  *self,
             GError        **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathways_db_prepare (self->db,
                              "SELECT " PERSON_COLUMNS " FROM person WHERE deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (self->db, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort_with_data (people, compare_people_indirect, NULL);
  for (guint i = 0; i < people->len; i++)
    {
      PathwaysPerson *person = g_ptr_array_index (people, i);

      g_hash_table_insert (self->by_id, id_key (pathways_person_get_id (person)),
                           g_object_ref (person));
    }
  g_list_store_splice (self->people, 0, 0, people->pdata, people->len);

  return TRUE;
}

/* ==== GObject ==== */

static void
pathways_store_finalize (GObject *object)
{
  PathwaysStore *self = PATHWAYS_STORE (object);

  g_clear_object (&self->people);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->deleted, g_hash_table_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (pathways_store_parent_class)->finalize (object);
}

static void
pathways_store_class_init (PathwaysStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathways_store_finalize;
}

static void
pathways_store_init (PathwaysStore *self)
{
  self->people = g_list_store_new (PATHWAYS_TYPE_PERSON);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->deleted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/* ==== public API ==== */

/**
 * pathways_store_new:
 * @db: an open database
 * @error: return location for the error
 *
 * Loads everyone who is not deleted.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL if the people could not be read
 */
PathwaysStore *
pathways_store_new (PathwaysDb  *db,
                    GError     **error)
{
  g_autoptr(PathwaysStore) self = NULL;

  g_return_val_if_fail (PATHWAYS_IS_DB (db), NULL);

  self = g_object_new (PATHWAYS_TYPE_STORE, NULL);
  self->db = g_object_ref (db);

  if (!load_people (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pathways_store_get_db:
 * @self: a store
 *
 * Returns: (transfer none): the database the store reads and writes
 */
PathwaysDb *
pathways_store_get_db (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return self->db;
}

/**
 * pathways_store_get_people:
 * @self: a store
 *
 * Returns: (transfer none): a list model of #PathwaysPerson: everyone not deleted,
 *   archived people included, sorted by name
 */
GListModel *
pathways_store_get_people (PathwaysStore *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->people);
}

/**
 * pathways_store_lookup_person:
 * @self: a store
 * @id: a person's id
 *
 * Returns: (transfer none) (nullable): the one object for that person, or %NULL if there is
 *   no such person or they are deleted
 */
PathwaysPerson *
pathways_store_lookup_person (PathwaysStore *self,
                              gint64         id)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->by_id, &id);
}

/**
 * pathways_store_add_person:
 * @self: a store
 * @person: a person not stored yet
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Stores a new person. If @person was created with a ladder path or level, that becomes
 * the first entry of their level history, dated their start date (or today). Text is
 * stored trimmed; the object keeps what was typed (so an entry bound to it isn't disturbed
 * mid-word) until the next start.
 *
 * Returns: (transfer none) (nullable): @person, now with an id and in the list of people
 */
PathwaysPerson *
pathways_store_add_person (PathwaysStore   *self,
                           PathwaysPerson  *person,
                           GError         **error)
{
  const char *ladder_path;
  const char *level;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);
  g_return_val_if_fail (pathways_person_get_id (person) == 0, NULL);

  if (!validate_person (person, error))
    return NULL;

  if (!pathways_db_begin (self->db, error))
    return NULL;

  ok = insert_person_row (self, person, &id, error);

  ladder_path = pathways_person_get_ladder_path (person);
  level = pathways_person_get_level (person);
  if (ok && (ladder_path != NULL || level != NULL))
    {
      const char *start_date = pathways_person_get_start_date (person);
      g_autofree char *today = pathways_dup_today ();

      ok = insert_level_row (self, id, ladder_path, level,
                             start_date != NULL ? start_date : today, NULL, error);
    }

  if (!pathways_db_end (self->db, ok, error))
    return NULL;

  pathways_person_set_id (person, id);
  add_to_list (self, person);

  return person;
}

/**
 * pathways_store_save_person:
 * @self: a store
 * @person: a person of this store
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Writes the person's editable fields (everything but the level, which changes through
 * pathways_store_change_level()), trimmed as in pathways_store_add_person(). Moves them in
 * the list if their name changed its place. Cheap enough to call on every autosave.
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_save_person (PathwaysStore   *self,
                            PathwaysPerson  *person,
                            GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), FALSE);
  g_return_val_if_fail (pathways_person_get_id (person) != 0, FALSE);

  if (!validate_person (person, error))
    return FALSE;

  if (!pathways_db_begin (self->db, error))
    return FALSE;

  stmt = pathways_db_prepare (self->db,
                              "UPDATE person SET name = ?1, pronouns = ?2, title = ?3, "
                              "start_date = ?6, cadence_weeks = ?7, meeting_weekday = ?8, "
                              "meeting_time = ?9, is_skip_level = ?10, notes = ?11, "
                              "target_path = ?12, target_level = ?13, "
                              "updated_at = " NOW_SQL " WHERE id = ?14",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_person (stmt, person);
      sqlite3_bind_int64 (stmt, 14, pathways_person_get_id (person));
      ok = pathways_db_step_done (self->db, stmt, error);
    }

  if (!pathways_db_end (self->db, ok, error))
    return FALSE;

  reposition (self, person);

  return TRUE;
}

/**
 * pathways_store_set_archived:
 * @self: a store
 * @person: a person of this store
 * @archived: whether to archive or bring back
 * @error: return location for a #PathwaysDbError
 *
 * Archives a person (they stay in the list, with #PathwaysPerson:archived set) or brings
 * them back.
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_set_archived (PathwaysStore   *self,
                             PathwaysPerson  *person,
                             gboolean         archived,
                             GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), FALSE);
  g_return_val_if_fail (pathways_person_get_id (person) != 0, FALSE);

  archived = !!archived;
  if (pathways_person_get_archived (person) == archived)
    return TRUE;

  if (!pathways_db_begin (self->db, error))
    return FALSE;

  stmt = pathways_db_prepare (self->db,
                              "UPDATE person SET archived_at = CASE WHEN ?2 THEN " NOW_SQL
                              " END, updated_at = " NOW_SQL " WHERE id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
      sqlite3_bind_int (stmt, 2, archived);
      ok = pathways_db_step_done (self->db, stmt, error);
    }

  if (!pathways_db_end (self->db, ok, error))
    return FALSE;

  pathways_person_set_archived (person, archived);

  return TRUE;
}

static gboolean
set_deleted (PathwaysStore  *self,
             gint64          id,
             gboolean        deleted,
             GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!pathways_db_begin (self->db, error))
    return FALSE;

  stmt = pathways_db_prepare (self->db,
                              "UPDATE person SET deleted_at = CASE WHEN ?2 THEN " NOW_SQL
                              " END WHERE id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, deleted);
      ok = pathways_db_step_done (self->db, stmt, error);
    }

  return pathways_db_end (self->db, ok, error);
}

/**
 * pathways_store_delete_person:
 * @self: a store
 * @person: a person of this store
 * @error: return location for a #PathwaysDbError
 *
 * Deletes a person in a way that can be undone: they leave the list and lookups, but their
 * records stay until pathways_store_purge_deleted() (at the next start).
 *
 * Returns: %TRUE if deleted
 */
gboolean
pathways_store_delete_person (PathwaysStore   *self,
                              PathwaysPerson  *person,
                              GError         **error)
{
  gint64 id;
  guint position;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), FALSE);

  id = pathways_person_get_id (person);
  g_return_val_if_fail (pathways_store_lookup_person (self, id) == person, FALSE);

  if (!set_deleted (self, id, TRUE, error))
    return FALSE;

  g_hash_table_insert (self->deleted, id_key (id), g_object_ref (person));
  if (g_list_store_find (self->people, person, &position))
    g_list_store_remove (self->people, position);
  g_hash_table_remove (self->by_id, &id);

  return TRUE;
}

/**
 * pathways_store_undelete_person:
 * @self: a store
 * @id: the id of a person deleted since the store was made
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Undoes pathways_store_delete_person(): the same object returns to its place in the list.
 *
 * Returns: %TRUE if the person is back
 */
gboolean
pathways_store_undelete_person (PathwaysStore  *self,
                                gint64          id,
                                GError        **error)
{
  PathwaysPerson *person;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  person = g_hash_table_lookup (self->deleted, &id);
  if (person == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This person can no longer be brought back: their records have "
                             "been removed for good."));
      return FALSE;
    }

  if (!set_deleted (self, id, FALSE, error))
    return FALSE;

  add_to_list (self, person);
  g_hash_table_remove (self->deleted, &id);

  return TRUE;
}

/**
 * pathways_store_purge_deleted:
 * @self: a store
 * @error: return location for a #PathwaysDbError
 *
 * Removes people deleted earlier, with all their records, for good. The app calls it at
 * start-up, when no Undo can be pending.
 *
 * Returns: %TRUE on success
 */
gboolean
pathways_store_purge_deleted (PathwaysStore  *self,
                              GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  if (!pathways_db_begin (self->db, error))
    return FALSE;

  /* Their notes, meetings, level history… go with them (ON DELETE CASCADE). */
  stmt = pathways_db_prepare (self->db, "DELETE FROM person WHERE deleted_at IS NOT NULL",
                              error);
  ok = stmt != NULL && pathways_db_step_done (self->db, stmt, error);

  if (!pathways_db_end (self->db, ok, error))
    return FALSE;

  g_hash_table_remove_all (self->deleted);

  return TRUE;
}

/**
 * pathways_store_count_records:
 * @self: a store
 * @person: a person of this store
 *
 * Counts what deleting the person would remove: notes, meetings, agenda and action items,
 * ladder ratings and evidence, reviews. For the delete confirmation.
 *
 * Returns: the number of records, 0 if there are none (or they could not be counted)
 */
guint
pathways_store_count_records (PathwaysStore  *self,
                              PathwaysPerson *person)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), 0);

  stmt = pathways_db_prepare (self->db,
                              "SELECT (SELECT count(*) FROM note WHERE person_id = ?1)"
                              " + (SELECT count(*) FROM meeting WHERE person_id = ?1)"
                              " + (SELECT count(*) FROM agenda_item WHERE person_id = ?1)"
                              " + (SELECT count(*) FROM action_item WHERE person_id = ?1)"
                              " + (SELECT count(*) FROM ladder_assessment WHERE person_id = ?1)"
                              " + (SELECT count(*) FROM ladder_evidence WHERE person_id = ?1)"
                              " + (SELECT count(*) FROM review WHERE person_id = ?1)",
                              &error);
  if (stmt == NULL)
    {
      g_warning ("Could not count records: %s", error->message);
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    g_warning ("Could not count records: %s",
               sqlite3_errmsg (pathways_db_get_handle (self->db)));
  sqlite3_reset (stmt);

  return (guint) MIN (count, G_MAXUINT);
}

/**
 * pathways_store_change_level:
 * @self: a store
 * @person: a person of this store
 * @ladder_path: (nullable): the career path
 * @level: the level
 * @effective_date: when the change took effect, "YYYY-MM-DD"
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Records a level change (a promotion, a change of path) in the person's history. It
 * becomes their current level unless the history has a later one (a back-dated entry).
 *
 * Returns: %TRUE if recorded
 */
gboolean
pathways_store_change_level (PathwaysStore   *self,
                             PathwaysPerson  *person,
                             const char      *ladder_path,
                             const char      *level,
                             const char      *effective_date,
                             GError         **error)
{
  g_autofree char *trimmed_level = pathways_dup_trimmed_or_null (level);
  g_autofree char *current_path = NULL;
  g_autofree char *current_level = NULL;
  sqlite3_stmt *stmt;
  gint64 person_id;
  gint64 row_id = 0;
  gboolean is_newest = FALSE;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), FALSE);
  g_return_val_if_fail (pathways_person_get_id (person) != 0, FALSE);

  if (trimmed_level == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The level is empty. Choose or type the new level."));
      return FALSE;
    }
  if (!pathways_store_validate_date (effective_date, error))
    return FALSE;

  person_id = pathways_person_get_id (person);
  if (!pathways_db_begin (self->db, error))
    return FALSE;

  ok = insert_level_row (self, person_id, ladder_path, level, effective_date, &row_id, error);

  if (ok)
    {
      stmt = pathways_db_prepare (self->db,
                                  "SELECT id, ladder_path, level FROM level_history "
                                  "WHERE person_id = ?1 "
                                  "ORDER BY effective_date DESC, id DESC LIMIT 1",
                                  error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              is_newest = sqlite3_column_int64 (stmt, 0) == row_id;
              current_path = g_strdup (pathways_db_column_text (stmt, 1));
              current_level = g_strdup (pathways_db_column_text (stmt, 2));
            }
          else
            {
              pathways_db_set_error (self->db, rc, error);
              ok = FALSE;
            }
          sqlite3_reset (stmt);
        }
    }

  if (ok && is_newest)
    {
      stmt = pathways_db_prepare (self->db,
                                  "UPDATE person SET ladder_path = ?2, level = ?3, "
                                  "updated_at = " NOW_SQL " WHERE id = ?1",
                                  error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          pathways_db_bind_text (stmt, 2, current_path);
          pathways_db_bind_text (stmt, 3, current_level);
          ok = pathways_db_step_done (self->db, stmt, error);
        }
    }

  if (!pathways_db_end (self->db, ok, error))
    return FALSE;

  if (is_newest)
    {
      pathways_person_set_ladder_path (person, current_path);
      pathways_person_set_level (person, current_level);
    }

  return TRUE;
}

/**
 * pathways_level_change_free:
 * @change: (nullable): an entry of a level history
 */
void
pathways_level_change_free (PathwaysLevelChange *change)
{
  if (change == NULL)
    return;

  g_free (change->ladder_path);
  g_free (change->level);
  g_free (change->effective_date);
  g_free (change);
}

/**
 * pathways_store_list_level_history:
 * @self: a store
 * @person: a person of this store
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer container) (element-type PathwaysLevelChange) (nullable): the person's
 *   level changes, newest first
 */
GPtrArray *
pathways_store_list_level_history (PathwaysStore   *self,
                                   PathwaysPerson  *person,
                                   GError         **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  stmt = pathways_db_prepare (self->db,
                              "SELECT id, ladder_path, level, effective_date FROM level_history "
                              "WHERE person_id = ?1 ORDER BY effective_date DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_level_change_free);
  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwaysLevelChange *change = g_new0 (PathwaysLevelChange, 1);

      change->id = sqlite3_column_int64 (stmt, 0);
      change->ladder_path = g_strdup (pathways_db_column_text (stmt, 1));
      change->level = g_strdup (pathways_db_column_text (stmt, 2));
      change->effective_date = g_strdup (pathways_db_column_text (stmt, 3));
      g_ptr_array_add (changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (self->db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&changes);
}

/* ==== ladder tracking ==== */

/* As the ladder_assessment table spells them. */
static const char * const rating_names[] = {
  [PATHWAYS_RATING_NOT_YET] = "not-yet",
  [PATHWAYS_RATING_SOMETIMES] = "sometimes",
  [PATHWAYS_RATING_CONSISTENTLY] = "consistently",
};

static const char *
rating_to_string (PathwaysRating rating)
{
  if ((guint) rating >= G_N_ELEMENTS (rating_names))
    return NULL;

  return rating_names[rating];
}

static PathwaysRating
rating_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (rating_names); i++)
    {
      if (rating_names[i] != NULL && g_strcmp0 (text, rating_names[i]) == 0)
        return (PathwaysRating) i;
    }

  return PATHWAYS_RATING_NONE;
}

static gboolean
validate_expectation_key (const char  *key,
                          GError     **error)
{
  g_autofree char *trimmed = pathways_dup_trimmed_or_null (key);

  if (trimmed != NULL)
    return TRUE;

  g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                       _("No expectation is chosen. Choose an expectation of the ladder "
                         "first."));

  return FALSE;
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

#define RATING_COLUMNS "expectation_key, rating, rated_on, expectation_text"

/* Makes @state the rating in the row (RATING_COLUMNS), which follows @state's in time. A
 * "consistently" keeps the run going if @state was one too, and starts it otherwise; any
 * other rating ends it. */
static void
rating_state_advance (PathwaysRatingState *state,
                      sqlite3_stmt        *stmt)
{
  PathwaysRating rating = rating_from_string (pathways_db_column_text (stmt, 1));
  const char *rated_on = pathways_db_column_text (stmt, 2);

  if (rating != PATHWAYS_RATING_CONSISTENTLY)
    g_clear_pointer (&state->consistently_since, g_free);
  else if (state->rating != PATHWAYS_RATING_CONSISTENTLY)
    replace_string (&state->consistently_since, rated_on);

  state->rating = rating;
  replace_string (&state->rated_on, rated_on);
  replace_string (&state->expectation_text, pathways_db_column_text (stmt, 3));
}

/**
 * pathways_rating_state_free:
 * @state: (nullable): a rating
 */
void
pathways_rating_state_free (PathwaysRatingState *state)
{
  if (state == NULL)
    return;

  g_free (state->key);
  g_free (state->rated_on);
  g_free (state->expectation_text);
  g_free (state->consistently_since);
  g_free (state);
}

/**
 * pathways_evidence_free:
 * @evidence: (nullable): a piece of evidence
 */
void
pathways_evidence_free (PathwaysEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->key);
  g_free (evidence->body);
  g_free (evidence->occurred_on);
  g_free (evidence->expectation_text);
  g_free (evidence);
}

/**
 * pathways_store_rate:
 * @self: a store
 * @person: a person of this store
 * @key: the expectation's stable key
 * @rating: not yet, sometimes or consistently
 * @expectation_text: (nullable): what the expectation says now, to tell later whether the
 *   handbook changed it
 * @rated_on: the day the rating applies, "YYYY-MM-DD"
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Records a rating as a new dated event; earlier ratings stay in the history. The newest
 * (by @rated_on, then by when it was recorded) is the current one.
 *
 * Returns: %TRUE if recorded
 */
gboolean
pathways_store_rate (PathwaysStore   *self,
                     PathwaysPerson  *person,
                     const char      *key,
                     PathwaysRating   rating,
                     const char      *expectation_text,
                     const char      *rated_on,
                     GError         **error)
{
  const char *rating_name;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), FALSE);
  g_return_val_if_fail (pathways_person_get_id (person) != 0, FALSE);

  if (!validate_expectation_key (key, error))
    return FALSE;

  rating_name = rating_to_string (rating);
  if (rating_name == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The rating is missing. Choose “not yet”, “sometimes” or "
                             "“consistently”."));
      return FALSE;
    }

  if (!pathways_store_validate_date (rated_on, error))
    return FALSE;

  if (!pathways_db_begin (self->db, error))
    return FALSE;

  stmt = pathways_db_prepare (self->db,
                              "INSERT INTO ladder_assessment (person_id, expectation_key, "
                              "rating, expectation_text, rated_on) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
      pathways_db_bind_text (stmt, 2, key);
      pathways_db_bind_text (stmt, 3, rating_name);
      pathways_db_bind_text (stmt, 4, expectation_text != NULL ? expectation_text : "");
      pathways_db_bind_text (stmt, 5, rated_on);
      ok = pathways_db_step_done (self->db, stmt, error);
    }

  return pathways_db_end (self->db, ok, error);
}

/**
 * pathways_store_dup_ratings:
 * @self: a store
 * @person: a person of this store
 * @error: return location for a #PathwaysDbError
 *
 * The current rating of every expectation the person has been rated on, with the start of
 * its run of "consistently" ratings (for "sustained").
 *
 * Returns: (transfer container) (element-type utf8 PathwaysRatingState) (nullable): key →
 *   the newest rating; the table owns its keys and values
 */
GHashTable *
pathways_store_dup_ratings (PathwaysStore   *self,
                            PathwaysPerson  *person,
                            GError         **error)
{
  g_autoptr(GHashTable) ratings = NULL;
  PathwaysRatingState *state = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  /* One pass, oldest first within each key: the index gives this order without sorting,
   * and the run of "consistently" ratings falls out as we go. */
  stmt = pathways_db_prepare (self->db,
                              "SELECT " RATING_COLUMNS " FROM ladder_assessment "
                              "WHERE person_id = ?1 ORDER BY expectation_key, rated_on, id",
                              error);
  if (stmt == NULL)
    return NULL;

  ratings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) pathways_rating_state_free);
  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = pathways_db_column_text (stmt, 0);

      if (state == NULL || g_strcmp0 (state->key, key) != 0)
        {
          state = g_new0 (PathwaysRatingState, 1);
          state->key = g_strdup (key);
          g_hash_table_insert (ratings, g_strdup (key), state);
        }
      rating_state_advance (state, stmt);
    }

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (self->db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&ratings);
}

/**
 * pathways_store_list_rating_history:
 * @self: a store
 * @person: a person of this store
 * @key: an expectation's stable key
 * @error: return location for a #PathwaysDbError
 *
 * Every rating of one expectation. Each entry's consistently_since is the start of the run
 * of "consistently" ratings it belonged to at the time.
 *
 * Returns: (transfer container) (element-type PathwaysRatingState) (nullable): the
 *   ratings, newest first
 */
GPtrArray *
pathways_store_list_rating_history (PathwaysStore   *self,
                                    PathwaysPerson  *person,
                                    const char      *key,
                                    GError         **error)
{
  g_autoptr(GPtrArray) history = NULL;
  PathwaysRatingState *previous = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = pathways_db_prepare (self->db,
                              "SELECT " RATING_COLUMNS " FROM ladder_assessment "
                              "WHERE person_id = ?1 AND expectation_key = ?2 "
                              "ORDER BY rated_on, id",
                              error);
  if (stmt == NULL)
    return NULL;

  history = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_rating_state_free);
  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  pathways_db_bind_text (stmt, 2, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwaysRatingState *state = g_new0 (PathwaysRatingState, 1);

      state->key = g_strdup (key);
      if (previous != NULL)
        {
          state->rating = previous->rating;
          state->consistently_since = g_strdup (previous->consistently_since);
        }
      rating_state_advance (state, stmt);
      g_ptr_array_add (history, state);
      previous = state;
    }

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (self->db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Built oldest first, for the runs; shown newest first. */
  for (guint i = 0, j = history->len; i + 1 < j; i++, j--)
    {
      gpointer swap = history->pdata[i];

      history->pdata[i] = history->pdata[j - 1];
      history->pdata[j - 1] = swap;
    }

  return g_steal_pointer (&history);
}

/**
 * pathways_store_add_evidence:
 * @self: a store
 * @person: a person of this store
 * @key: the expectation's stable key
 * @expectation_text: (nullable): what the expectation says now
 * @body: what happened: a sentence, perhaps with a link. Stored trimmed.
 * @occurred_on: when it happened, "YYYY-MM-DD"
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: the new evidence's id, or 0 if it could not be added
 */
gint64
pathways_store_add_evidence (PathwaysStore   *self,
                             PathwaysPerson  *person,
                             const char      *key,
                             const char      *expectation_text,
                             const char      *body,
                             const char      *occurred_on,
                             GError         **error)
{
  g_autofree char *trimmed_body = pathways_dup_trimmed_or_null (body);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), 0);
  g_return_val_if_fail (pathways_person_get_id (person) != 0, 0);

  if (!validate_expectation_key (key, error))
    return 0;

  if (trimmed_body == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The evidence is empty. Write what happened, in a sentence or "
                             "with a link."));
      return 0;
    }

  if (!pathways_store_validate_date (occurred_on, error))
    return 0;

  if (!pathways_db_begin (self->db, error))
    return 0;

  stmt = pathways_db_prepare (self->db,
                              "INSERT INTO ladder_evidence (person_id, expectation_key, "
                              "expectation_text, body, occurred_on) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
      pathways_db_bind_text (stmt, 2, key);
      pathways_db_bind_text (stmt, 3, expectation_text != NULL ? expectation_text : "");
      pathways_db_bind_text (stmt, 4, trimmed_body);
      pathways_db_bind_text (stmt, 5, occurred_on);
      ok = pathways_db_step_done (self->db, stmt, error);
    }
  if (ok)
    id = sqlite3_last_insert_rowid (pathways_db_get_handle (self->db));

  if (!pathways_db_end (self->db, ok, error))
    return 0;

  return id;
}

/**
 * pathways_store_delete_evidence:
 * @self: a store
 * @id: the evidence's id
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: %TRUE if deleted; %PATHWAYS_STORE_ERROR_NOT_FOUND if it was already gone
 */
gboolean
pathways_store_delete_evidence (PathwaysStore  *self,
                                gint64          id,
                                GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  if (!pathways_db_begin (self->db, error))
    return FALSE;

  stmt = pathways_db_prepare (self->db, "DELETE FROM ladder_evidence WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = pathways_db_step_done (self->db, stmt, error);
    }
  if (ok && sqlite3_changes (pathways_db_get_handle (self->db)) == 0)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND,
                           _("This evidence was already deleted."));
      ok = FALSE;
    }

  return pathways_db_end (self->db, ok, error);
}

/**
 * pathways_store_list_evidence:
 * @self: a store
 * @person: a person of this store
 * @key: (nullable): an expectation's stable key, or %NULL for all of the person's evidence
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer container) (element-type PathwaysEvidence) (nullable): the evidence,
 *   newest first (by date, then the order it was added)
 */
GPtrArray *
pathways_store_list_evidence (PathwaysStore   *self,
                              PathwaysPerson  *person,
                              const char      *key,
                              GError         **error)
{
  g_autoptr(GPtrArray) evidence = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  /* Two statements rather than "?2 IS NULL OR …", so the one for a key can use the
   * index. */
  if (key != NULL)
    stmt = pathways_db_prepare (self->db,
                                "SELECT id, expectation_key, body, occurred_on, "
                                "expectation_text FROM ladder_evidence "
                                "WHERE person_id = ?1 AND expectation_key = ?2 "
                                "ORDER BY occurred_on DESC, id DESC",
                                error);
  else
    stmt = pathways_db_prepare (self->db,
                                "SELECT id, expectation_key, body, occurred_on, "
                                "expectation_text FROM ladder_evidence "
                                "WHERE person_id = ?1 ORDER BY occurred_on DESC, id DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_evidence_free);
  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  if (key != NULL)
    pathways_db_bind_text (stmt, 2, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwaysEvidence *item = g_new0 (PathwaysEvidence, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->key = g_strdup (pathways_db_column_text (stmt, 1));
      item->body = g_strdup (pathways_db_column_text (stmt, 2));
      item->occurred_on = g_strdup (pathways_db_column_text (stmt, 3));
      item->expectation_text = g_strdup (pathways_db_column_text (stmt, 4));
      g_ptr_array_add (evidence, item);
    }

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (self->db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&evidence);
}

/* ==== notes toward the review ==== */

static const char * const note_kinds[] = {
  [PATHWAYS_NOTE_PLAIN] = "plain",
  [PATHWAYS_NOTE_WIN] = "win",
  [PATHWAYS_NOTE_GROWTH] = "growth",
  [PATHWAYS_NOTE_FEEDBACK] = "feedback",
};

/**
 * pathways_store_add_note:
 * @self: a store
 * @person: a person of this store
 * @kind: a win, a growth note, feedback, or plain
 * @body: the note; stored trimmed
 * @occurred_on: when it happened, "YYYY-MM-DD"
 * @expectation_key: (nullable): the ladder expectation it speaks to
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: the new note's id, or 0 if it could not be added
 */
gint64
pathways_store_add_note (PathwaysStore     *self,
                         PathwaysPerson    *person,
                         PathwaysNoteKind   kind,
                         const char        *body,
                         const char        *occurred_on,
                         const char        *expectation_key,
                         GError           **error)
{
  g_autofree char *trimmed = pathways_dup_trimmed_or_null (body);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), 0);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (note_kinds), 0);

  if (trimmed == NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The note is empty. Write what happened."));
      return 0;
    }
  if (!pathways_store_validate_date (occurred_on, error))
    return 0;

  stmt = pathways_db_prepare (self->db,
                              "INSERT INTO note (person_id, kind, body, occurred_on, "
                              "expectation_key) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  pathways_db_bind_text (stmt, 2, note_kinds[kind]);
  pathways_db_bind_text (stmt, 3, trimmed);
  pathways_db_bind_text (stmt, 4, occurred_on);
  pathways_db_bind_text (stmt, 5, expectation_key);

  return pathways_db_step_insert (self->db, stmt, error);
}

/* ==== the sample team ==== */

typedef struct
{
  const char *ladder_path;
  const char *level;
  const char *effective_date;
} SampleLevel;

typedef struct
{
  const char  *name;
  const char  *pronouns;
  const char  *title;
  const char  *start_date;
  guint        cadence_weeks;
  GDateWeekday meeting_weekday;
  const char  *meeting_time;
  gboolean     skip_level;
  const char  *notes;
  SampleLevel  levels[3];  /* oldest first; the last is the current level */
} SamplePerson;

/* Invented people. Paths and levels are the bundled sample handbook's, word for word, so
 * the ladder can match them. */
static const SamplePerson sample_team[] = {
  {
    "Amara Okafor", N_("she/her"), N_("Senior Software Engineer"), "2019-04-15",
    1, G_DATE_TUESDAY, "10:00", FALSE,
    N_("Leads the payments migration. Curious about the Technical Path; talk about "
       "staff-level scope."),
    {
      { "Software Engineer", "Engineer II (IC 3)", "2019-04-15" },
      { "Software Engineer", "Senior Engineer (IC 4)", "2022-03-01" },
    },
  },
  {
    "Mateo Fernández", N_("he/him"), N_("Software Engineer"), "2021-09-06",
    1, G_DATE_WEDNESDAY, "14:30", FALSE,
    N_("Owns the on-call runbook rewrite. Wants more code review practice."),
    {
      { "Software Engineer", "Engineer I (IC 2)", "2021-09-06" },
      { "Software Engineer", "Engineer II (IC 3)", "2023-09-01" },
    },
  },
  {
    "Priya Raghunathan", N_("she/her"), N_("Staff Engineer"), "2017-01-09",
    2, G_DATE_THURSDAY, "11:00", FALSE,
    N_("Sets direction for the data platform. Mentors two engineers."),
    {
      { "Technical Path", "T5 - Staff Engineer", "2017-01-09" },
    },
  },
  {
    "Kenji Watanabe", NULL, N_("Apprentice Engineer"), "2025-06-02",
    1, G_DATE_MONDAY, "09:30", FALSE,
    N_("First year. Pairing with Mateo on the billing service."),
    {
      { "Software Engineer", "Apprentice (IC 1)", "2025-06-02" },
    },
  },
  {
    "Noor Haddad", N_("they/them"), N_("Team Lead"), "2018-11-12",
    1, G_DATE_FRIDAY, "13:00", FALSE,
    N_("Moved to the Management Path last year; leads the platform team of four."),
    {
      { "Software Engineer", "Senior Engineer (IC 4)", "2018-11-12" },
      { "Management Path", "Team Lead / Senior Engineer (Manager 4 / IC 4)", "2024-02-01" },
    },
  },
  {
    "Sione Tupou", N_("he/him"), N_("Software Engineer"), "2023-03-20",
    4, G_DATE_THURSDAY, "16:00", TRUE,
    N_("Reports to Noor; monthly skip-level. Interested in mobile work."),
    {
      { "Software Engineer", "Engineer I (IC 2)", "2023-03-20" },
    },
  },
};

/**
 * pathways_store_load_sample_team:
 * @self: a store
 * @error: return location for a #PathwaysDbError
 *
 * Adds a fictional team of six, with level histories and a few weeks of 1-on-1s, all or
 * nothing.
 *
 * Returns: %TRUE if the team was added
 */
gboolean
pathways_store_load_sample_team (PathwaysStore  *self,
                                 GError        **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = TRUE;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  if (!pathways_db_begin (self->db, error))
    return FALSE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (sample_team); i++)
    {
      const SamplePerson *sample = &sample_team[i];
      const SampleLevel *current = NULL;
      PathwaysPerson *person;
      gint64 id = 0;

      for (guint j = 0; j < G_N_ELEMENTS (sample->levels) && sample->levels[j].level; j++)
        current = &sample->levels[j];
      g_assert (current != NULL);

      person = g_object_new (PATHWAYS_TYPE_PERSON,
                             "name", sample->name,
                             "pronouns", sample->pronouns ? _(sample->pronouns) : NULL,
                             "title", _(sample->title),
                             "ladder-path", current->ladder_path,
                             "level", current->level,
                             "start-date", sample->start_date,
                             "cadence-weeks", sample->cadence_weeks,
                             "meeting-weekday", (guint) sample->meeting_weekday,
                             "meeting-time", sample->meeting_time,
                             "skip-level", sample->skip_level,
                             "notes", _(sample->notes),
                             NULL);
      g_ptr_array_add (added, person);

      ok = insert_person_row (self, person, &id, error);
      for (guint j = 0; ok && j < G_N_ELEMENTS (sample->levels) && sample->levels[j].level; j++)
        ok = insert_level_row (self, id, sample->levels[j].ladder_path, sample->levels[j].level,
                               sample->levels[j].effective_date, NULL, error);

      pathways_person_set_id (person, id);
    }

  if (ok)
    ok = pathways_agenda_insert_sample_history (self, added, NULL, error);

  if (!pathways_db_end (self->db, ok, error))
    return FALSE;

  for (guint i = 0; i < added->len; i++)
    add_to_list (self, g_ptr_array_index (added, i));

  return TRUE;
}
