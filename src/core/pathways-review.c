/* pathways-review.c: performance reviews in the database — cycles, the notes log, one review
 * per person per cycle and its revisions — and the evidence of a cycle's window. The text a
 * draft is made of is in pathways-review-text.c.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-review"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-review.h"
#include "pathways-review-private.h"
#include "pathways-store-private.h"

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* ==== names as the tables spell them ==== */

static const char * const note_kinds[] = {
  [PATHWAYS_NOTE_PLAIN] = "plain",
  [PATHWAYS_NOTE_WIN] = "win",
  [PATHWAYS_NOTE_GROWTH] = "growth",
  [PATHWAYS_NOTE_FEEDBACK] = "feedback",
};

static const char * const review_statuses[] = {
  [PATHWAYS_REVIEW_DRAFT] = "draft",
  [PATHWAYS_REVIEW_READY] = "ready",
  [PATHWAYS_REVIEW_DELIVERED] = "delivered",
};

static const char * const rating_names[] = {
  [PATHWAYS_RATING_NONE] = NULL,
  [PATHWAYS_RATING_NOT_YET] = "not-yet",
  [PATHWAYS_RATING_SOMETIMES] = "sometimes",
  [PATHWAYS_RATING_CONSISTENTLY] = "consistently",
};

/* ==== freeing ==== */

/**
 * pathways_cycle_free:
 * @cycle: (nullable): a review cycle
 */
void
pathways_cycle_free (PathwaysCycle *cycle)
{
  if (cycle == NULL)
    return;

  g_free (cycle->name);
  g_free (cycle->starts_on);
  g_free (cycle->ends_on);
  g_free (cycle);
}

/**
 * pathways_note_free:
 * @note: (nullable): a note
 */
void
pathways_note_free (PathwaysNote *note)
{
  if (note == NULL)
    return;

  g_free (note->body);
  g_free (note->occurred_on);
  g_free (note->expectation_key);
  g_free (note);
}

/**
 * pathways_review_free:
 * @review: (nullable): a review
 */
void
pathways_review_free (PathwaysReview *review)
{
  if (review == NULL)
    return;

  g_free (review->cycle_name);
  g_free (review->starts_on);
  g_free (review->ends_on);
  g_free (review->body);
  g_free (review->updated_at);
  g_free (review);
}

/**
 * pathways_review_revision_free:
 * @revision: (nullable): an earlier text of a review
 */
void
pathways_review_revision_free (PathwaysReviewRevision *revision)
{
  if (revision == NULL)
    return;

  g_free (revision->body);
  g_free (revision->saved_at);
  g_free (revision);
}

/**
 * pathways_evidence_item_free:
 * @item: (nullable): an evidence item
 */
void
pathways_evidence_item_free (PathwaysEvidenceItem *item)
{
  if (item == NULL)
    return;

  g_free (item->date);
  g_free (item->text);
  g_free (item->source);
  g_free (item->ref);
  g_free (item->expectation_key);
  g_free (item);
}

/* ==== dates ==== */

/* @iso moved by @days (either way), or NULL if @iso is no date. */
static char *
dup_shifted_date (const char *iso,
                  int         days)
{
  GDate date;

  if (!pathways_parse_date (iso, &date))
    return NULL;

  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&date, (guint) -days);

  return pathways_dup_iso_date (&date);
}

/* ==== checks ==== */

static gboolean
set_cycle_not_found (GError **error)
{
  return pathways_store_set_not_found (error, _("This review cycle no longer exists. Choose "
                                                "another cycle."));
}

static gboolean
set_review_not_found (GError **error)
{
  return pathways_store_set_not_found (error, _("This review no longer exists. It may have "
                                                "been deleted with its person or its cycle."));
}

/* An optional window: each bound a date or %NULL. */
static gboolean
validate_window (const char  *since,
                 const char  *until,
                 GError     **error)
{
  if (since != NULL && !pathways_store_validate_date (since, error))
    return FALSE;
  if (until != NULL && !pathways_store_validate_date (until, error))
    return FALSE;

  return TRUE;
}

/* ==== cycles ==== */

#define CYCLE_COLUMNS "id, name, starts_on, ends_on"

static PathwaysCycle *
cycle_from_row (sqlite3_stmt *stmt)
{
  PathwaysCycle *cycle = g_new0 (PathwaysCycle, 1);

  cycle->id = sqlite3_column_int64 (stmt, 0);
  cycle->name = g_strdup (pathways_db_column_text (stmt, 1));
  cycle->starts_on = g_strdup (pathways_db_column_text (stmt, 2));
  cycle->ends_on = g_strdup (pathways_db_column_text (stmt, 3));

  return cycle;
}

/**
 * pathways_store_list_cycles:
 * @self: a store
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer container) (element-type PathwaysCycle) (nullable): every review
 *   cycle, the earliest first
 */
GPtrArray *
pathways_store_list_cycles (PathwaysStore  *self,
                            GError        **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " CYCLE_COLUMNS " FROM review_cycle "
                              "ORDER BY starts_on, id",
                              error);
  if (stmt == NULL)
    return NULL;

  return pathways_db_collect_rows (db, stmt, (PathwaysDbRowFunc) cycle_from_row,
                                   (GDestroyNotify) pathways_cycle_free, error);
}

/**
 * pathways_store_get_cycle:
 * @self: a store
 * @id: a cycle's id
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: (transfer full) (nullable): the cycle; %PATHWAYS_STORE_ERROR_NOT_FOUND if there
 *   is none with @id
 */
PathwaysCycle *
pathways_store_get_cycle (PathwaysStore  *self,
                          gint64          id,
                          GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return pathways_store_get_by_id (self,
                                   "SELECT " CYCLE_COLUMNS " FROM review_cycle WHERE id = ?1",
                                   id, (PathwaysDbRowFunc) cycle_from_row, set_cycle_not_found,
                                   error);
}

/**
 * pathways_store_find_cycle:
 * @self: a store
 * @date: a date, "YYYY-MM-DD"
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * The cycle a date falls in: for today, the current cycle.
 *
 * Returns: (transfer full) (nullable): the cycle, or %NULL with @error unset if no cycle
 *   holds @date
 */
PathwaysCycle *
pathways_store_find_cycle (PathwaysStore  *self,
                           const char     *date,
                           GError        **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  if (!pathways_store_validate_date (date, error))
    return NULL;

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " CYCLE_COLUMNS " FROM review_cycle "
                              "WHERE starts_on <= ?1 AND ends_on >= ?1 "
                              "ORDER BY starts_on, id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  pathways_db_bind_text (stmt, 1, date);

  return pathways_db_collect_one (db, stmt, (PathwaysDbRowFunc) cycle_from_row, error);
}

/* What a cycle must be to be stored, checked inside the transaction that stores it so that
 * no other cycle can slip into its days meanwhile. @id is the cycle's own (0 for a new
 * one), so that it does not overlap itself. */
static gboolean
validate_cycle (PathwaysDb  *db,
                gint64       id,
                const char  *name,
                const char  *starts_on,
                const char  *ends_on,
                GError     **error)
{
  g_autofree char *trimmed = pathways_dup_trimmed_or_null (name);
  g_autoptr(PathwaysCycle) other = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (trimmed == NULL)
    return pathways_store_set_invalid (error, _("The cycle has no name. Give it one, for example "
                                                "“January–April 2026”."));

  if (!pathways_store_validate_date (starts_on, error)
      || !pathways_store_validate_date (ends_on, error))
    return FALSE;

  if (strcmp (ends_on, starts_on) < 0)
    {
      g_autofree char *start = pathways_review_dup_display_date (starts_on, TRUE);
      g_autofree char *end = pathways_review_dup_display_date (ends_on, TRUE);

      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("The cycle would end on %s, before it starts on %s. Choose a last day "
                     "on or after the first."), end, start);
      return FALSE;
    }

  stmt = pathways_db_prepare (db,
                              "SELECT " CYCLE_COLUMNS " FROM review_cycle "
                              "WHERE id != ?1 AND starts_on <= ?3 AND ends_on >= ?2 "
                              "ORDER BY starts_on LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  pathways_db_bind_text (stmt, 2, starts_on);
  pathways_db_bind_text (stmt, 3, ends_on);
  other = pathways_db_collect_one (db, stmt, (PathwaysDbRowFunc) cycle_from_row,
                                   &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (other != NULL)
    {
      g_autofree char *start = pathways_review_dup_display_date (other->starts_on, TRUE);
      g_autofree char *end = pathways_review_dup_display_date (other->ends_on, TRUE);

      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("These dates overlap the cycle “%s” (%s to %s). A day belongs to one "
                     "cycle only: choose dates outside it, or change that cycle first."),
                   other->name, start, end);
      return FALSE;
    }

  return TRUE;
}

static gint64
insert_cycle (PathwaysDb  *db,
              const char  *name,
              const char  *starts_on,
              const char  *ends_on,
              GError     **error)
{
  g_autofree char *trimmed = pathways_dup_trimmed_or_null (name);
  sqlite3_stmt *stmt;

  stmt = pathways_db_prepare (db,
                              "INSERT INTO review_cycle (name, starts_on, ends_on) "
                              "VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return 0;

  pathways_db_bind_text (stmt, 1, trimmed);
  pathways_db_bind_text (stmt, 2, starts_on);
  pathways_db_bind_text (stmt, 3, ends_on);

  return pathways_db_step_insert (db, stmt, error);
}

/**
 * pathways_store_add_cycle:
 * @self: a store
 * @name: what the cycle is called, "January–April 2026"; stored trimmed
 * @starts_on: its first day, "YYYY-MM-DD"
 * @ends_on: its last day, "YYYY-MM-DD", on or after @starts_on
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Adds a cycle. A cycle needs a name, and may not share a day with another cycle.
 *
 * Returns: the new cycle's id, or 0 if it could not be added
 */
gint64
pathways_store_add_cycle (PathwaysStore  *self,
                          const char     *name,
                          const char     *starts_on,
                          const char     *ends_on,
                          GError        **error)
{
  PathwaysDb *db;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), 0);

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return 0;

  ok = validate_cycle (db, 0, name, starts_on, ends_on, error);
  if (ok)
    {
      id = insert_cycle (db, name, starts_on, ends_on, error);
      ok = id != 0;
    }

  if (!pathways_db_end (db, ok, error))
    return 0;

  return id;
}

/**
 * pathways_store_save_cycle:
 * @self: a store
 * @cycle: a cycle with its new name and dates
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Renames a cycle or moves its dates, under the same rules as pathways_store_add_cycle().
 * Its reviews stay with it.
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_save_cycle (PathwaysStore        *self,
                           const PathwaysCycle  *cycle,
                           GError              **error)
{
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (cycle != NULL, FALSE);

  trimmed = pathways_dup_trimmed_or_null (cycle->name);
  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  ok = validate_cycle (db, cycle->id, cycle->name, cycle->starts_on, cycle->ends_on, error);
  if (ok)
    {
      stmt = pathways_db_prepare (db,
                                  "UPDATE review_cycle SET name = ?2, starts_on = ?3, "
                                  "ends_on = ?4 WHERE id = ?1",
                                  error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, cycle->id);
          pathways_db_bind_text (stmt, 2, trimmed);
          pathways_db_bind_text (stmt, 3, cycle->starts_on);
          pathways_db_bind_text (stmt, 4, cycle->ends_on);
          ok = pathways_db_step_done (db, stmt, error);
        }
      if (ok && sqlite3_changes (pathways_db_get_handle (db)) == 0)
        ok = set_cycle_not_found (error);
    }

  return pathways_db_end (db, ok, error);
}

/**
 * pathways_store_delete_cycle:
 * @self: a store
 * @id: a cycle's id
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Deletes a cycle nobody has a review in. A cycle with reviews is refused with
 * %PATHWAYS_STORE_ERROR_INVALID: deleting it would delete the reviews.
 *
 * Returns: %TRUE if deleted
 */
gboolean
pathways_store_delete_cycle (PathwaysStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(PathwaysCycle) cycle = NULL;
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  cycle = pathways_store_get_cycle (self, id, error);
  ok = cycle != NULL;
  if (ok)
    {
      stmt = pathways_db_prepare (db, "SELECT count(*) FROM review WHERE cycle_id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          int rc;
          guint n_reviews;

          sqlite3_bind_int64 (stmt, 1, id);
          rc = sqlite3_step (stmt);
          n_reviews = rc == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
          if (rc != SQLITE_ROW)
            pathways_db_set_error (db, rc, error);
          sqlite3_reset (stmt);
          ok = rc == SQLITE_ROW;

          if (ok && n_reviews > 0)
            {
              g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           ngettext ("“%s” has %u review in it, which would be deleted with "
                                     "the cycle. Change the cycle’s name or dates instead.",
                                     "“%s” has %u reviews in it, which would be deleted with "
                                     "the cycle. Change the cycle’s name or dates instead.",
                                     n_reviews),
                           cycle->name, n_reviews);
              ok = FALSE;
            }
        }
    }

  if (ok)
    {
      stmt = pathways_db_prepare (db, "DELETE FROM review_cycle WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = pathways_db_step_done (db, stmt, error);
        }
    }

  return pathways_db_end (db, ok, error);
}

/**
 * pathways_store_ensure_cycles:
 * @self: a store
 * @year: a year, 1–9999
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Gives @year the handbook's default cadence — three cycles, January–April, May–August and
 * September–December — when no cycle has any of its days yet. A year that has a cycle,
 * even one the manager set up differently, is left as it is.
 *
 * Returns: %TRUE if the year has its cycles
 */
gboolean
pathways_store_ensure_cycles (PathwaysStore  *self,
                              int             year,
                              GError        **error)
{
  static const char * const windows[3][2] = {
    { "01-01", "04-30" },
    { "05-01", "08-31" },
    { "09-01", "12-31" },
  };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean has_cycles = FALSE;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (year >= 1 && year <= 9999, FALSE);

  first = g_strdup_printf ("%04d-01-01", year);
  last = g_strdup_printf ("%04d-12-31", year);
  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  stmt = pathways_db_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM review_cycle "
                              "WHERE starts_on <= ?2 AND ends_on >= ?1)",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      pathways_db_bind_text (stmt, 1, first);
      pathways_db_bind_text (stmt, 2, last);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        has_cycles = sqlite3_column_int (stmt, 0) != 0;
      else
        pathways_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      ok = rc == SQLITE_ROW;
    }

  for (guint i = 0; ok && !has_cycles && i < G_N_ELEMENTS (windows); i++)
    {
      g_autofree char *name = pathways_cycle_dup_default_name (year, i);
      g_autofree char *starts_on = g_strdup_printf ("%04d-%s", year, windows[i][0]);
      g_autofree char *ends_on = g_strdup_printf ("%04d-%s", year, windows[i][1]);

      ok = insert_cycle (db, name, starts_on, ends_on, error) != 0;
    }

  return pathways_db_end (db, ok, error);
}

/* ==== the notes log ==== */

/* A note without a date (older rows) counts on the day it was written, locally. */
#define NOTE_DAY_SQL "coalesce(occurred_on, date(created_at, 'localtime'))"
#define NOTE_COLUMNS "id, person_id, kind, body, " NOTE_DAY_SQL ", expectation_key"

static PathwaysNote *
note_from_row (sqlite3_stmt *stmt)
{
  PathwaysNote *note = g_new0 (PathwaysNote, 1);

  note->id = sqlite3_column_int64 (stmt, 0);
  note->person_id = sqlite3_column_int64 (stmt, 1);
  note->kind = PATHWAYS_LOOKUP_NAME (note_kinds, pathways_db_column_text (stmt, 2));
  note->body = g_strdup (pathways_db_column_text (stmt, 3));
  note->occurred_on = g_strdup (pathways_db_column_text (stmt, 4));
  note->expectation_key = g_strdup (pathways_db_column_text (stmt, 5));

  return note;
}

static gboolean
set_note_not_found (GError **error)
{
  return pathways_store_set_not_found (error, _("This note no longer exists. It may have "
                                                "been deleted."));
}

/**
 * pathways_store_list_notes:
 * @self: a store
 * @person: a person of this store
 * @since: (nullable): the first day to list, "YYYY-MM-DD", or %NULL for no limit
 * @until: (nullable): the last day to list, or %NULL for no limit
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * The person's notes log: wins, growth notes, feedback and plain notes.
 *
 * Returns: (transfer container) (element-type PathwaysNote) (nullable): the notes, the
 *   newest first (by the day they happened, then the order they were written)
 */
GPtrArray *
pathways_store_list_notes (PathwaysStore   *self,
                           PathwaysPerson  *person,
                           const char      *since,
                           const char      *until,
                           GError         **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  if (!validate_window (since, until, error))
    return NULL;

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " NOTE_COLUMNS " FROM note WHERE person_id = ?1 "
                              "AND (?2 IS NULL OR " NOTE_DAY_SQL " >= ?2) "
                              "AND (?3 IS NULL OR " NOTE_DAY_SQL " <= ?3) "
                              "ORDER BY 5 DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  pathways_db_bind_text (stmt, 2, since);
  pathways_db_bind_text (stmt, 3, until);

  return pathways_db_collect_rows (db, stmt, (PathwaysDbRowFunc) note_from_row,
                                   (GDestroyNotify) pathways_note_free, error);
}

/**
 * pathways_store_get_note:
 * @self: a store
 * @id: a note's id
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: (transfer full) (nullable): the note; %PATHWAYS_STORE_ERROR_NOT_FOUND if it is
 *   gone
 */
PathwaysNote *
pathways_store_get_note (PathwaysStore  *self,
                         gint64          id,
                         GError        **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  return pathways_store_get_by_id (self,
                                   "SELECT " NOTE_COLUMNS " FROM note WHERE id = ?1",
                                   id, (PathwaysDbRowFunc) note_from_row, set_note_not_found,
                                   error);
}

/**
 * pathways_store_save_note:
 * @self: a store
 * @note: a note with its id and new kind, text, date and expectation
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Saves an edited note, under the rules of pathways_store_add_note(): it needs some text
 * and a date. Text and expectation key are stored trimmed.
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_save_note (PathwaysStore       *self,
                          const PathwaysNote  *note,
                          GError             **error)
{
  g_autofree char *body = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);
  g_return_val_if_fail ((guint) note->kind < G_N_ELEMENTS (note_kinds), FALSE);

  body = pathways_dup_trimmed_or_null (note->body);
  if (body == NULL)
    return pathways_store_set_invalid (error, _("The note is empty. Write what happened."));
  if (!pathways_store_validate_date (note->occurred_on, error))
    return FALSE;
  key = pathways_dup_trimmed_or_null (note->expectation_key);

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  stmt = pathways_db_prepare (db,
                              "UPDATE note SET kind = ?2, body = ?3, occurred_on = ?4, "
                              "expectation_key = ?5, updated_at = " NOW_SQL " WHERE id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, note->id);
      pathways_db_bind_text (stmt, 2, note_kinds[note->kind]);
      pathways_db_bind_text (stmt, 3, body);
      pathways_db_bind_text (stmt, 4, note->occurred_on);
      pathways_db_bind_text (stmt, 5, key);
      ok = pathways_db_step_done (db, stmt, error);
    }
  if (ok && sqlite3_changes (pathways_db_get_handle (db)) == 0)
    ok = set_note_not_found (error);

  return pathways_db_end (db, ok, error);
}

/**
 * pathways_store_delete_note:
 * @self: a store
 * @id: a note's id
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Deletes a note for good; to undo, add it again from a copy.
 *
 * Returns: %TRUE if deleted; %PATHWAYS_STORE_ERROR_NOT_FOUND if it was already gone
 */
gboolean
pathways_store_delete_note (PathwaysStore  *self,
                            gint64          id,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  stmt = pathways_db_prepare (db, "DELETE FROM note WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = pathways_db_step_done (db, stmt, error);
    }
  if (ok && sqlite3_changes (pathways_db_get_handle (db)) == 0)
    ok = set_note_not_found (error);

  return pathways_db_end (db, ok, error);
}

/* ==== reviews ==== */

#define REVIEW_COLUMNS \
  "r.id, r.person_id, r.cycle_id, c.name, c.starts_on, c.ends_on, r.status, r.body, " \
  "r.updated_at"
#define REVIEW_FROM "FROM review r JOIN review_cycle c ON c.id = r.cycle_id "

static PathwaysReview *
review_from_row (sqlite3_stmt *stmt)
{
  PathwaysReview *review = g_new0 (PathwaysReview, 1);

  review->id = sqlite3_column_int64 (stmt, 0);
  review->person_id = sqlite3_column_int64 (stmt, 1);
  review->cycle_id = sqlite3_column_int64 (stmt, 2);
  review->cycle_name = g_strdup (pathways_db_column_text (stmt, 3));
  review->starts_on = g_strdup (pathways_db_column_text (stmt, 4));
  review->ends_on = g_strdup (pathways_db_column_text (stmt, 5));
  review->status = PATHWAYS_LOOKUP_NAME (review_statuses, pathways_db_column_text (stmt, 6));
  review->body = g_strdup (pathways_db_column_text (stmt, 7));
  review->updated_at = g_strdup (pathways_db_column_text (stmt, 8));

  return review;
}

static PathwaysReviewRevision *
revision_from_row (sqlite3_stmt *stmt)
{
  PathwaysReviewRevision *revision = g_new0 (PathwaysReviewRevision, 1);

  revision->id = sqlite3_column_int64 (stmt, 0);
  revision->review_id = sqlite3_column_int64 (stmt, 1);
  revision->body = g_strdup (pathways_db_column_text (stmt, 2));
  revision->saved_at = g_strdup (pathways_db_column_text (stmt, 3));

  return revision;
}

/**
 * pathways_store_get_review:
 * @self: a store
 * @person: a person of this store
 * @cycle_id: a cycle's id
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer full) (nullable): the person's review in the cycle, or %NULL with
 *   @error unset if it has not been started
 */
PathwaysReview *
pathways_store_get_review (PathwaysStore   *self,
                           PathwaysPerson  *person,
                           gint64           cycle_id,
                           GError         **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " REVIEW_COLUMNS " " REVIEW_FROM
                              "WHERE r.person_id = ?1 AND r.cycle_id = ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  sqlite3_bind_int64 (stmt, 2, cycle_id);

  return pathways_db_collect_one (db, stmt, (PathwaysDbRowFunc) review_from_row, error);
}

/**
 * pathways_store_get_previous_review:
 * @self: a store
 * @person: a person of this store
 * @cycle_id: a cycle's id
 * @error: return location for a #PathwaysDbError
 *
 * "Since your last review": the person's review in the latest cycle before this one.
 *
 * Returns: (transfer full) (nullable): that review, or %NULL with @error unset if there is
 *   none
 */
PathwaysReview *
pathways_store_get_previous_review (PathwaysStore   *self,
                                    PathwaysPerson  *person,
                                    gint64           cycle_id,
                                    GError         **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " REVIEW_COLUMNS " " REVIEW_FROM
                              "WHERE r.person_id = ?1 AND c.starts_on < "
                              "(SELECT starts_on FROM review_cycle WHERE id = ?2) "
                              "ORDER BY c.starts_on DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  sqlite3_bind_int64 (stmt, 2, cycle_id);

  return pathways_db_collect_one (db, stmt, (PathwaysDbRowFunc) review_from_row, error);
}

/**
 * pathways_store_list_reviews:
 * @self: a store
 * @person: a person of this store
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer container) (element-type PathwaysReview) (nullable): the person's
 *   reviews, the latest cycle first
 */
GPtrArray *
pathways_store_list_reviews (PathwaysStore   *self,
                             PathwaysPerson  *person,
                             GError         **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT " REVIEW_COLUMNS " " REVIEW_FROM
                              "WHERE r.person_id = ?1 ORDER BY c.starts_on DESC, r.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));

  return pathways_db_collect_rows (db, stmt, (PathwaysDbRowFunc) review_from_row,
                                   (GDestroyNotify) pathways_review_free, error);
}

/* The first word of a name, for "how the cycle went for Amara". */
static char *
dup_first_name (const char *name)
{
  g_autofree char *trimmed = pathways_dup_trimmed_or_null (name);
  const char *end;

  if (trimmed == NULL)
    return NULL;

  for (end = trimmed; *end != '\0' && !g_ascii_isspace (*end); end++)
    ;

  return g_strndup (trimmed, (gsize) (end - trimmed));
}

/**
 * pathways_store_start_review:
 * @self: a store
 * @person: a person of this store
 * @cycle_id: the cycle the review is for
 * @template_text: (nullable): the template, or %NULL for the default one
 * @level: (nullable): the person's current level as people write it, for {level}
 * @target: (nullable): the level they work toward, for {target}
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Starts the person's review for a cycle, as a draft from the template with its
 * placeholders filled in (see pathways_review_expand_template(): {name}, {first_name},
 * {cycle}, {level}, {target}). A review already started is returned as it is: starting
 * again never overwrites a draft.
 *
 * Returns: (transfer full) (nullable): the review
 */
PathwaysReview *
pathways_store_start_review (PathwaysStore   *self,
                             PathwaysPerson  *person,
                             gint64           cycle_id,
                             const char      *template_text,
                             const char      *level,
                             const char      *target,
                             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(PathwaysCycle) cycle = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *default_template = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);
  g_return_val_if_fail (pathways_person_get_id (person) != 0, NULL);

  review = pathways_store_get_review (self, person, cycle_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (review != NULL)
    return g_steal_pointer (&review);

  cycle = pathways_store_get_cycle (self, cycle_id, error);
  if (cycle == NULL)
    return NULL;

  if (template_text == NULL)
    template_text = default_template = pathways_review_dup_default_template ();

  first_name = dup_first_name (pathways_person_get_name (person));
  values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, (gpointer) "name", (gpointer) pathways_person_get_name (person));
  g_hash_table_insert (values, (gpointer) "first_name", first_name);
  g_hash_table_insert (values, (gpointer) "cycle", cycle->name);
  g_hash_table_insert (values, (gpointer) "level", (gpointer) level);
  g_hash_table_insert (values, (gpointer) "target", (gpointer) target);
  body = pathways_review_expand_template (template_text, values);

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return NULL;

  stmt = pathways_db_prepare (db,
                              "INSERT INTO review (person_id, cycle_id, status, body) "
                              "VALUES (?1, ?2, 'draft', ?3) "
                              "ON CONFLICT (person_id, cycle_id) DO NOTHING",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
      sqlite3_bind_int64 (stmt, 2, cycle_id);
      pathways_db_bind_text (stmt, 3, body);
      ok = pathways_db_step_done (db, stmt, error);
    }
  if (!pathways_db_end (db, ok, error))
    return NULL;

  review = pathways_store_get_review (self, person, cycle_id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (review == NULL)
    set_review_not_found (error);

  return g_steal_pointer (&review);
}

/* How many characters of @before an edit that produced @after took away: what lies
 * between their common beginning and their common end. */
static glong
count_replaced_chars (const char *before,
                      const char *after)
{
  gsize len_before = strlen (before);
  gsize len_after = strlen (after);
  gsize shorter = MIN (len_before, len_after);
  gsize prefix = 0, suffix = 0;

  while (prefix < shorter && before[prefix] == after[prefix])
    prefix++;
  /* Back to the start of a character, so the middle is whole characters. */
  while (prefix > 0 && (before[prefix] & 0xC0) == 0x80)
    prefix--;

  while (suffix < shorter - prefix
         && before[len_before - 1 - suffix] == after[len_after - 1 - suffix])
    suffix++;
  while (suffix > 0 && (before[len_before - suffix] & 0xC0) == 0x80)
    suffix--;

  return g_utf8_strlen (before + prefix, (gssize) (len_before - suffix - prefix));
}

/* Puts @text aside as the review's newest revision, unless it is blank or the newest
 * revision already holds it; lets the oldest go beyond PATHWAYS_REVIEW_MAX_REVISIONS.
 * Inside the caller's transaction. */
static gboolean
keep_revision (PathwaysDb  *db,
               gint64       review_id,
               const char  *text,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (!pathways_review_has_content (text))
    return TRUE;

  stmt = pathways_db_prepare (db,
                              "INSERT INTO review_revision (review_id, body) "
                              "SELECT ?1, ?2 WHERE ?2 IS NOT (SELECT body FROM review_revision "
                              "WHERE review_id = ?1 ORDER BY id DESC LIMIT 1)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, review_id);
  pathways_db_bind_text (stmt, 2, text);
  if (!pathways_db_step_done (db, stmt, error))
    return FALSE;

  /* Newest by id, not by saved_at: after the clock was set back, revisions written since
   * carry earlier times than older ones, and must not be the ones let go. */
  stmt = pathways_db_prepare (db,
                              "DELETE FROM review_revision WHERE review_id = ?1 AND id NOT IN "
                              "(SELECT id FROM review_revision WHERE review_id = ?1 "
                              "ORDER BY id DESC LIMIT ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int (stmt, 2, PATHWAYS_REVIEW_MAX_REVISIONS);

  return pathways_db_step_done (db, stmt, error);
}

static gboolean
update_review_body (PathwaysDb  *db,
                    gint64       review_id,
                    const char  *body,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = pathways_db_prepare (db,
                              "UPDATE review SET body = ?2, updated_at = " NOW_SQL
                              " WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, review_id);
  pathways_db_bind_text (stmt, 2, body);

  return pathways_db_step_done (db, stmt, error);
}

/**
 * pathways_store_autosave_review:
 * @self: a store
 * @review_id: a review's id
 * @body: the review's text now, Markdown
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Saves the text as the editor has it; cheap enough to call on every pause in typing.
 * Saving the same text again writes nothing.
 *
 * The text being replaced is first kept as a revision when there is no revision yet, when
 * the newest is older than %PATHWAYS_REVIEW_REVISION_MINUTES, or when this edit took away
 * at least %PATHWAYS_REVIEW_REVISION_CHARS characters. So autosave never destroys a draft:
 * at worst the last few minutes of small edits are between two revisions.
 *
 * Returns: %TRUE if saved
 */
gboolean
pathways_store_autosave_review (PathwaysStore  *self,
                                gint64          review_id,
                                const char     *body,
                                GError        **error)
{
  g_autofree char *before = NULL;
  g_autofree char *age = NULL;
  gboolean stale = FALSE;
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  age = g_strdup_printf ("-%d minutes", PATHWAYS_REVIEW_REVISION_MINUTES);
  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  /* The newest revision (by id) is stale when older than the interval — or when it is from
   * the future: the clock was set back, and waiting for it to catch up would keep no
   * revision of small edits for as long as it was ahead. */
  stmt = pathways_db_prepare (db,
                              "SELECT r.body, ifnull((SELECT v.saved_at NOT BETWEEN "
                              "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?2) AND "
                              "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                              "FROM review_revision v WHERE v.review_id = r.id "
                              "ORDER BY v.id DESC LIMIT 1), 1) "
                              "FROM review r WHERE r.id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, review_id);
      pathways_db_bind_text (stmt, 2, age);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          before = g_strdup (pathways_db_column_text (stmt, 0));
          stale = sqlite3_column_int (stmt, 1) != 0;
        }
      else if (rc == SQLITE_DONE)
        set_review_not_found (error);
      else
        pathways_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      ok = rc == SQLITE_ROW;
    }

  if (ok && g_strcmp0 (before, body) != 0)
    {
      if (stale || count_replaced_chars (before, body) >= PATHWAYS_REVIEW_REVISION_CHARS)
        ok = keep_revision (db, review_id, before, error);
      if (ok)
        ok = update_review_body (db, review_id, body, error);
    }

  return pathways_db_end (db, ok, error);
}

/**
 * pathways_store_set_review_status:
 * @self: a store
 * @review_id: a review's id
 * @status: draft, ready or delivered
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Returns: %TRUE if set
 */
gboolean
pathways_store_set_review_status (PathwaysStore         *self,
                                  gint64                 review_id,
                                  PathwaysReviewStatus   status,
                                  GError               **error)
{
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (review_statuses), FALSE);

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  stmt = pathways_db_prepare (db,
                              "UPDATE review SET status = ?2, updated_at = " NOW_SQL
                              " WHERE id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, review_id);
      pathways_db_bind_text (stmt, 2, review_statuses[status]);
      ok = pathways_db_step_done (db, stmt, error);
    }
  if (ok && sqlite3_changes (pathways_db_get_handle (db)) == 0)
    ok = set_review_not_found (error);

  return pathways_db_end (db, ok, error);
}

/**
 * pathways_store_list_review_revisions:
 * @self: a store
 * @review_id: a review's id
 * @error: return location for a #PathwaysDbError
 *
 * Returns: (transfer container) (element-type PathwaysReviewRevision) (nullable): the
 *   review's earlier texts, the newest first
 */
GPtrArray *
pathways_store_list_review_revisions (PathwaysStore  *self,
                                      gint64          review_id,
                                      GError        **error)
{
  PathwaysDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT id, review_id, body, saved_at FROM review_revision "
                              "WHERE review_id = ?1 ORDER BY id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, review_id);

  return pathways_db_collect_rows (db, stmt, (PathwaysDbRowFunc) revision_from_row,
                                   (GDestroyNotify) pathways_review_revision_free, error);
}

/**
 * pathways_store_restore_review_revision:
 * @self: a store
 * @review_id: a review's id
 * @revision_id: one of its revisions
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Makes an earlier text the review's text again. The text it replaces becomes the newest
 * revision first, so a restore can itself be undone.
 *
 * Returns: %TRUE if restored
 */
gboolean
pathways_store_restore_review_revision (PathwaysStore  *self,
                                        gint64          review_id,
                                        gint64          revision_id,
                                        GError        **error)
{
  g_autofree char *current = NULL;
  g_autofree char *earlier = NULL;
  sqlite3_stmt *stmt;
  PathwaysDb *db;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), FALSE);

  db = pathways_store_get_db (self);
  if (!pathways_db_begin (db, error))
    return FALSE;

  stmt = pathways_db_prepare (db,
                              "SELECT r.body, v.body FROM review_revision v "
                              "JOIN review r ON r.id = v.review_id "
                              "WHERE v.id = ?2 AND v.review_id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, review_id);
      sqlite3_bind_int64 (stmt, 2, revision_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          current = g_strdup (pathways_db_column_text (stmt, 0));
          earlier = g_strdup (pathways_db_column_text (stmt, 1));
        }
      else if (rc == SQLITE_DONE)
        pathways_store_set_not_found (error, _("This earlier version of the review is no "
                                               "longer kept."));
      else
        pathways_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      ok = rc == SQLITE_ROW;
    }

  if (ok && g_strcmp0 (current, earlier) != 0)
    {
      ok = keep_revision (db, review_id, current, error);
      if (ok)
        ok = update_review_body (db, review_id, earlier, error);
    }

  return pathways_db_end (db, ok, error);
}

/* ==== evidence ==== */

/* What to call expectations in evidence: key → label (competencies) or text
 * (responsibilities), borrowed from the ladder. */
static GHashTable *
dup_expectation_names (PathwaysLadder *ladder)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ladder != NULL && i < ladder->paths->len; i++)
    {
      PathwaysPath *path = g_ptr_array_index (ladder->paths, i);

      for (guint j = 0; j < path->levels->len; j++)
        {
          PathwaysLevel *level = g_ptr_array_index (path->levels, j);

          for (guint k = 0; k < level->competencies->len; k++)
            {
              PathwaysCompetency *competency = g_ptr_array_index (level->competencies, k);

              g_hash_table_insert (names, competency->key, competency->label);
            }
          for (guint k = 0; k < level->responsibilities->len; k++)
            {
              PathwaysResponsibility *responsibility =
                g_ptr_array_index (level->responsibilities, k);

              g_hash_table_insert (names, responsibility->key, responsibility->text);
            }
        }
    }

  return names;
}

/* An expectation's name: the ladder's; else, for a competency, the label its key ends
 * with; else the text it had when recorded. Cut to a readable length. */
static char *
dup_expectation_name (GHashTable *names,
                      const char *key,
                      const char *recorded_text)
{
  const char *name = key != NULL ? g_hash_table_lookup (names, key) : NULL;
  const char *last = key != NULL ? strrchr (key, '/') : NULL;

  if (name == NULL && last != NULL && !g_str_has_prefix (last + 1, "r:") && last[1] != '\0')
    {
      g_autofree char *label = g_strdup (last + 1);
      gunichar first = g_utf8_get_char (label);
      char initial[8] = { 0, };

      /* Keys are normalised to lower case; the label starts a phrase. */
      g_unichar_to_utf8 (g_unichar_totitle (first), initial);
      return g_strconcat (initial, g_utf8_next_char (label), NULL);
    }
  if (name == NULL)
    name = pathways_review_has_content (recorded_text) ? recorded_text : key;

  return pathways_review_dup_ellipsized (name != NULL ? name : "", PATHWAYS_REVIEW_NAME_CHARS);
}

static PathwaysEvidenceItem *
item_new (PathwaysEvidenceKind  kind,
          const char           *date,
          const char           *text,
          char                 *source,
          const char           *ref_kind,
          gint64                id)
{
  PathwaysEvidenceItem *item = g_new0 (PathwaysEvidenceItem, 1);

  item->kind = kind;
  item->date = g_strdup (date);
  item->text = g_strstrip (g_strdup (text != NULL ? text : ""));
  item->source = source;
  item->ref = g_strdup_printf ("%s:%" G_GINT64_FORMAT, ref_kind, id);

  return item;
}

static gint64
ref_id (const char *ref)
{
  const char *colon = strrchr (ref, ':');

  return colon != NULL ? g_ascii_strtoll (colon + 1, NULL, 10) : 0;
}

/* By day, then kind, then the table the item comes from, then the order it was written. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PathwaysEvidenceItem *x = *(PathwaysEvidenceItem * const *) a;
  const PathwaysEvidenceItem *y = *(PathwaysEvidenceItem * const *) b;
  gsize x_prefix = strcspn (x->ref, ":");
  gsize y_prefix = strcspn (y->ref, ":");
  gint64 x_id, y_id;
  int result;

  result = strcmp (x->date, y->date);
  if (result != 0)
    return result;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  result = strncmp (x->ref, y->ref, MIN (x_prefix, y_prefix) + 1);
  if (result != 0)
    return result;

  x_id = ref_id (x->ref);
  y_id = ref_id (y->ref);

  return (x_id > y_id) - (x_id < y_id);
}

/* The window as the queries bind it. */
typedef struct
{
  gint64      person_id;
  const char *since;       /* first day */
  const char *until;       /* last day */
  char       *day_after;   /* the day after the last: local texts below it are inside */
  char       *utc_from;    /* UTC moments from here … */
  char       *utc_before;  /* … to before here may be inside, in any time zone */
  GTimeZone  *zone;
  GHashTable *names;
} Window;

static gboolean
in_window (const Window *window,
           const char   *date)
{
  return date != NULL && strcmp (window->since, date) <= 0 && strcmp (date, window->until) <= 0;
}

static const char *
note_source (PathwaysNoteKind kind)
{
  switch (kind)
    {
    case PATHWAYS_NOTE_WIN:
      /* Translators: where a review's evidence bullet comes from */
      return _("win");
    case PATHWAYS_NOTE_GROWTH:
      /* Translators: where a review's evidence bullet comes from */
      return _("growth note");
    case PATHWAYS_NOTE_FEEDBACK:
      /* Translators: where a review's evidence bullet comes from */
      return _("feedback");
    case PATHWAYS_NOTE_PLAIN:
    default:
      /* Translators: where a review's evidence bullet comes from */
      return _("note");
    }
}

static gboolean
gather_notes (PathwaysDb    *db,
              const Window  *window,
              GPtrArray     *items,
              GError       **error)
{
  static const PathwaysEvidenceKind kinds[] = {
    [PATHWAYS_NOTE_PLAIN] = PATHWAYS_EVIDENCE_NOTE,
    [PATHWAYS_NOTE_WIN] = PATHWAYS_EVIDENCE_WIN,
    [PATHWAYS_NOTE_GROWTH] = PATHWAYS_EVIDENCE_GROWTH,
    [PATHWAYS_NOTE_FEEDBACK] = PATHWAYS_EVIDENCE_FEEDBACK,
  };
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathways_db_prepare (db,
                              "SELECT id, kind, body, occurred_on, created_at, expectation_key "
                              "FROM note WHERE person_id = ?1 "
                              "AND (occurred_on BETWEEN ?2 AND ?3 OR (occurred_on IS NULL "
                              "AND created_at >= ?4 AND created_at < ?5))",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, window->person_id);
  pathways_db_bind_text (stmt, 2, window->since);
  pathways_db_bind_text (stmt, 3, window->until);
  pathways_db_bind_text (stmt, 4, window->utc_from);
  pathways_db_bind_text (stmt, 5, window->utc_before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwaysNoteKind kind = PATHWAYS_LOOKUP_NAME (note_kinds, pathways_db_column_text (stmt, 1));
      const char *body = pathways_db_column_text (stmt, 2);
      g_autofree char *date = g_strdup (pathways_db_column_text (stmt, 3));
      PathwaysEvidenceItem *item;

      if (date == NULL)
        date = pathways_review_dup_local_date (pathways_db_column_text (stmt, 4), window->zone);
      if (!in_window (window, date) || !pathways_review_has_content (body))
        continue;

      item = item_new (kinds[kind], date, body, g_strdup (note_source (kind)), "note",
                       sqlite3_column_int64 (stmt, 0));
      item->expectation_key = g_strdup (pathways_db_column_text (stmt, 5));
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    pathways_db_set_error (db, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/* "1-on-1 on 12 Mar", or "skip-level on 12 Mar". */
static char *
dup_meeting_source (const char *meeting_kind,
                    const char *date)
{
  g_autofree char *day = pathways_review_dup_display_date (date, FALSE);

  if (g_strcmp0 (meeting_kind, "skip-level") == 0)
    /* Translators: where a review's evidence bullet comes from; %s is a date, "12 Mar" */
    return g_strdup_printf (_("skip-level on %s"), day);

  /* Translators: where a review's evidence bullet comes from; %s is a date, "12 Mar" */
  return g_strdup_printf (_("1-on-1 on %s"), day);
}

/* Shared notes of held meetings, and the notes under their talking points (which are
 * shared too). Private notes are never read here. */
static gboolean
gather_meetings (PathwaysDb    *db,
                 const Window  *window,
                 GPtrArray     *items,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathways_db_prepare (db,
                              "SELECT 'meeting', id, kind, scheduled_at, NULL, shared_notes "
                              "FROM meeting WHERE person_id = ?1 AND status = 'held' "
                              "AND scheduled_at >= ?2 AND scheduled_at < ?3 "
                              "AND trim(shared_notes) != '' "
                              "UNION ALL "
                              "SELECT 'point', a.id, m.kind, m.scheduled_at, a.body, a.notes "
                              "FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id "
                              "WHERE m.person_id = ?1 AND m.status = 'held' "
                              "AND m.scheduled_at >= ?2 AND m.scheduled_at < ?3 "
                              "AND trim(a.notes) != ''",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, window->person_id);
  pathways_db_bind_text (stmt, 2, window->since);
  pathways_db_bind_text (stmt, 3, window->day_after);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *ref_kind = pathways_db_column_text (stmt, 0);
      g_autofree char *date = g_strndup (pathways_db_column_text (stmt, 3), 10);
      const char *point = pathways_db_column_text (stmt, 4);
      g_autofree char *text = g_strstrip (g_strdup (pathways_db_column_text (stmt, 5)));

      if (!in_window (window, date))
        continue;

      /* A talking point's notes read with the point: "Wins: shipped the refund service". */
      if (pathways_review_has_content (point))
        {
          g_autofree char *title = g_strstrip (g_strdup (point));
          gsize len = strlen (title);
          gboolean ends_sentence = strchr ("?!.:", title[len - 1]) != NULL;
          char *joined = g_strconcat (title, ends_sentence ? " " : ": ", text, NULL);

          g_free (text);
          text = joined;
        }

      g_ptr_array_add (items, item_new (PATHWAYS_EVIDENCE_MEETING, date, text,
                                        dup_meeting_source (pathways_db_column_text (stmt, 2),
                                                            date),
                                        ref_kind, sqlite3_column_int64 (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    pathways_db_set_error (db, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/* Their action items ticked in the window: the manager's own are no evidence about them. */
static gboolean
gather_actions (PathwaysDb    *db,
                const Window  *window,
                GPtrArray     *items,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathways_db_prepare (db,
                              "SELECT x.id, x.body, x.done_at, m.kind, m.scheduled_at "
                              "FROM action_item x LEFT JOIN meeting m ON m.id = x.meeting_id "
                              "WHERE x.person_id = ?1 AND x.owner = 'them' "
                              "AND x.done_at >= ?2 AND x.done_at < ?3",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, window->person_id);
  pathways_db_bind_text (stmt, 2, window->utc_from);
  pathways_db_bind_text (stmt, 3, window->utc_before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *date = pathways_review_dup_local_date (pathways_db_column_text (stmt, 2),
                                                              window->zone);
      const char *meeting_kind = pathways_db_column_text (stmt, 3);
      const char *meeting_at = pathways_db_column_text (stmt, 4);
      char *source;

      if (!in_window (window, date) || !pathways_review_has_content (pathways_db_column_text (stmt, 1)))
        continue;

      if (meeting_at != NULL)
        {
          g_autofree char *day = pathways_review_dup_display_date (meeting_at, FALSE);

          if (g_strcmp0 (meeting_kind, "skip-level") == 0)
            /* Translators: where a review's evidence bullet comes from; %s is a date */
            source = g_strdup_printf (_("action item from the skip-level on %s"), day);
          else
            /* Translators: where a review's evidence bullet comes from; %s is a date */
            source = g_strdup_printf (_("action item from the 1-on-1 on %s"), day);
        }
      else
        {
          /* Translators: where a review's evidence bullet comes from */
          source = g_strdup (_("action item"));
        }

      g_ptr_array_add (items, item_new (PATHWAYS_EVIDENCE_ACTION, date,
                                        pathways_db_column_text (stmt, 1), source, "action",
                                        sqlite3_column_int64 (stmt, 0)));
    }

  if (rc != SQLITE_DONE)
    pathways_db_set_error (db, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
gather_ladder_evidence (PathwaysDb    *db,
                        const Window  *window,
                        GPtrArray     *items,
                        GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathways_db_prepare (db,
                              "SELECT id, expectation_key, expectation_text, body, occurred_on "
                              "FROM ladder_evidence WHERE person_id = ?1 "
                              "AND occurred_on BETWEEN ?2 AND ?3",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, window->person_id);
  pathways_db_bind_text (stmt, 2, window->since);
  pathways_db_bind_text (stmt, 3, window->until);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = pathways_db_column_text (stmt, 1);
      g_autofree char *name = dup_expectation_name (window->names, key,
                                                    pathways_db_column_text (stmt, 2));
      PathwaysEvidenceItem *item;

      if (!pathways_review_has_content (pathways_db_column_text (stmt, 3)))
        continue;

      item = item_new (PATHWAYS_EVIDENCE_LADDER, pathways_db_column_text (stmt, 4),
                       pathways_db_column_text (stmt, 3),
                       /* Translators: where a review's evidence bullet comes from; %s is
                        * a ladder expectation, "Impact" */
                       g_strdup_printf (_("ladder evidence: %s"), name), "evidence",
                       sqlite3_column_int64 (stmt, 0));
      item->expectation_key = g_strdup (key);
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    pathways_db_set_error (db, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/* Ratings in the window that changed something: a first rating, or a different one from
 * the rating before (which may be older than the window). Re-rating the same is no
 * change. */
static gboolean
gather_ratings (PathwaysDb    *db,
                const Window  *window,
                GPtrArray     *items,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pathways_db_prepare (db,
                              "SELECT id, expectation_key, expectation_text, rating, rated_on, "
                              "previous FROM (SELECT id, expectation_key, expectation_text, "
                              "rating, rated_on, lag (rating) OVER (PARTITION BY expectation_key "
                              "ORDER BY rated_on, id) AS previous FROM ladder_assessment "
                              "WHERE person_id = ?1 AND rated_on <= ?3) "
                              "WHERE rated_on >= ?2 AND previous IS NOT rating",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, window->person_id);
  pathways_db_bind_text (stmt, 2, window->since);
  pathways_db_bind_text (stmt, 3, window->until);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = pathways_db_column_text (stmt, 1);
      g_autofree char *name = dup_expectation_name (window->names, key,
                                                    pathways_db_column_text (stmt, 2));
      PathwaysRating rating = PATHWAYS_LOOKUP_NAME (rating_names,
                                                    pathways_db_column_text (stmt, 3));
      const char *previous_name = pathways_db_column_text (stmt, 5);
      PathwaysRating previous = PATHWAYS_LOOKUP_NAME (rating_names, previous_name);
      g_autofree char *text = NULL;
      PathwaysEvidenceItem *item;

      if (previous_name == NULL)
        /* Translators: a rating change in a review's evidence: the expectation, then the
         * rating, "Impact: rated consistently" */
        text = g_strdup_printf (_("%s: rated %s"), name, pathways_review_rating_word (rating));
      else
        /* Translators: a rating change in a review's evidence: the expectation, the
         * rating before and the rating now, "Impact: sometimes → consistently" */
        text = g_strdup_printf (_("%s: %s → %s"), name, pathways_review_rating_word (previous),
                                pathways_review_rating_word (rating));

      item = item_new (PATHWAYS_EVIDENCE_RATING, pathways_db_column_text (stmt, 4), text,
                       /* Translators: where a review's evidence bullet comes from */
                       g_strdup (_("ladder rating")), "rating", sqlite3_column_int64 (stmt, 0));
      item->expectation_key = g_strdup (key);
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    pathways_db_set_error (db, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/**
 * pathways_store_gather_evidence:
 * @self: a store
 * @person: a person of this store
 * @since: the window's first day, "YYYY-MM-DD" (a cycle's starts_on)
 * @until: its last day (a cycle's ends_on); both days are inside
 * @ladder: (nullable): the handbook's ladder, to name expectations by their labels
 * @zone: (nullable): the time zone whose days count, or %NULL for the local one
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * Everything a review of the window can cite: notes (wins, growth, feedback, plain), the
 * shared notes of held 1-on-1s and the notes under their talking points, their completed
 * action items, ladder evidence, and rating changes. Days are the manager's: moments
 * stored in UTC (when an action item was ticked) count on the day they were in @zone.
 * Private 1-on-1 notes are never included, nor notes of meetings that were not held.
 *
 * Returns: (transfer container) (element-type PathwaysEvidenceItem) (nullable): the
 *   items, the earliest first
 */
GPtrArray *
pathways_store_gather_evidence (PathwaysStore   *self,
                                PathwaysPerson  *person,
                                const char      *since,
                                const char      *until,
                                PathwaysLadder  *ladder,
                                GTimeZone       *zone,
                                GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GTimeZone) local = NULL;
  PathwaysDb *db;
  Window window = { 0, };
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  if (!pathways_store_validate_date (since, error) || !pathways_store_validate_date (until, error))
    return NULL;

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  window.person_id = pathways_person_get_id (person);
  window.since = since;
  window.until = until;
  window.day_after = dup_shifted_date (until, 1);
  /* No time zone is more than a day from UTC: these bounds hold every moment that is
   * inside the window somewhere; the exact day is worked out for each. */
  window.utc_from = dup_shifted_date (since, -1);
  window.utc_before = dup_shifted_date (until, 2);
  window.zone = zone;
  window.names = dup_expectation_names (ladder);

  db = pathways_store_get_db (self);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_evidence_item_free);
  ok = gather_notes (db, &window, items, error)
       && gather_meetings (db, &window, items, error)
       && gather_actions (db, &window, items, error)
       && gather_ladder_evidence (db, &window, items, error)
       && gather_ratings (db, &window, items, error);

  g_free (window.day_after);
  g_free (window.utc_from);
  g_free (window.utc_before);
  g_hash_table_unref (window.names);

  if (!ok)
    return NULL;

  g_ptr_array_sort (items, compare_items);

  return g_steal_pointer (&items);
}

/**
 * pathways_store_dup_evidence_counts:
 * @self: a store
 * @person: a person of this store
 * @since: (nullable): the first day to count, or %NULL for no limit
 * @until: (nullable): the last day to count, or %NULL for no limit
 * @error: return location for a #PathwaysStoreError or #PathwaysDbError
 *
 * How much backs each expectation: its ladder evidence, and the notes linked to it.
 *
 * Returns: (transfer container) (element-type utf8 guint) (nullable): expectation key →
 *   count (GUINT_TO_POINTER); keys without any are absent
 */
GHashTable *
pathways_store_dup_evidence_counts (PathwaysStore   *self,
                                    PathwaysPerson  *person,
                                    const char      *since,
                                    const char      *until,
                                    GError         **error)
{
  g_autoptr(GHashTable) counts = NULL;
  PathwaysDb *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_STORE (self), NULL);
  g_return_val_if_fail (PATHWAYS_IS_PERSON (person), NULL);

  if (!validate_window (since, until, error))
    return NULL;

  db = pathways_store_get_db (self);
  stmt = pathways_db_prepare (db,
                              "SELECT key, count(*) FROM ("
                              "SELECT expectation_key AS key, occurred_on AS day "
                              "FROM ladder_evidence WHERE person_id = ?1 "
                              "UNION ALL "
                              "SELECT expectation_key, " NOTE_DAY_SQL " FROM note "
                              "WHERE person_id = ?1 AND expectation_key IS NOT NULL) "
                              "WHERE (?2 IS NULL OR day >= ?2) AND (?3 IS NULL OR day <= ?3) "
                              "GROUP BY key",
                              error);
  if (stmt == NULL)
    return NULL;

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_bind_int64 (stmt, 1, pathways_person_get_id (person));
  pathways_db_bind_text (stmt, 2, since);
  pathways_db_bind_text (stmt, 3, until);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup (pathways_db_column_text (stmt, 0)),
                         GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 1)));

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&counts);
}
