/* test-review.c: tests for performance reviews — cycles (defaults, validation, overlap,
 * the current one and its days left), the notes log, evidence of a cycle's window (both
 * ends inside, time zones, nothing private), evidence bullets and cited-marking, the
 * ladder section, promotion readiness, templates, revisions, and text that must come back
 * exactly as written.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-review"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "pathways-db.h"
#include "pathways-review.h"
#include "pathways-test-util.h"

/* ---- fixture: a store on a new database, with one person ---- */

typedef struct
{
  char           *dir;
  char           *path;
  PathwaysDb     *db;
  PathwaysStore  *store;
  PathwaysPerson *person;
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PathwaysPerson) person = pathways_person_new ("Ada Lovelace");
  g_autoptr(GError) error = NULL;

  fixture->dir = pathways_test_make_temp_dir ("review");
  fixture->path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture_open (fixture);
  fixture->person = pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    fixture_close (fixture);
  pathways_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* ---- helpers ---- */

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (pathways_db_get_handle (fixture->db), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Runs SQL made by sqlite3_mprintf() (whose %Q quotes values), and frees it. */
static void
exec_owned (Fixture *fixture,
            char    *sql)
{
  exec_sql (fixture, sql);
  sqlite3_free (sql);
}

static gint64
person_id (Fixture *fixture)
{
  return pathways_person_get_id (fixture->person);
}

/* A meeting inserted as the 1-on-1s tab would have left it. */
static gint64
add_meeting (Fixture    *fixture,
             const char *scheduled_at,
             const char *status,
             const char *shared_notes,
             const char *private_notes)
{
  exec_owned (fixture, sqlite3_mprintf ("INSERT INTO meeting (person_id, scheduled_at, status, "
                                        "shared_notes, private_notes) "
                                        "VALUES (%lld, %Q, %Q, %Q, %Q)",
                                        (long long) person_id (fixture), scheduled_at, status,
                                        shared_notes, private_notes));

  return sqlite3_last_insert_rowid (pathways_db_get_handle (fixture->db));
}

static void
add_point (Fixture    *fixture,
           gint64      meeting_id,
           const char *body,
           const char *notes)
{
  exec_owned (fixture, sqlite3_mprintf ("INSERT INTO agenda_item (meeting_id, person_id, body, "
                                        "notes, discussed) VALUES (%lld, %lld, %Q, %Q, 1)",
                                        (long long) meeting_id, (long long) person_id (fixture),
                                        body, notes));
}

static void
add_done_action (Fixture    *fixture,
                 const char *body,
                 const char *owner,
                 const char *done_at)
{
  exec_owned (fixture, sqlite3_mprintf ("INSERT INTO action_item (person_id, body, owner, "
                                        "done_at) VALUES (%lld, %Q, %Q, %Q)",
                                        (long long) person_id (fixture), body, owner, done_at));
}

static gint64
add_note (Fixture          *fixture,
          PathwaysNoteKind  kind,
          const char       *body,
          const char       *date,
          const char       *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pathways_store_add_note (fixture->store, fixture->person, kind, body, date, key,
                                       &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
add_evidence (Fixture    *fixture,
              const char *key,
              const char *body,
              const char *date)
{
  g_autoptr(GError) error = NULL;

  pathways_store_add_evidence (fixture->store, fixture->person, key, "", body, date, &error);
  g_assert_no_error (error);
}

static void
rate (Fixture        *fixture,
      const char     *key,
      PathwaysRating  rating,
      const char     *date)
{
  g_autoptr(GError) error = NULL;

  pathways_store_rate (fixture->store, fixture->person, key, rating, "", date, &error);
  g_assert_no_error (error);
}

static GPtrArray *
list_cycles (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cycles = pathways_store_list_cycles (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cycles);

  return cycles;
}

static PathwaysCycle *
find_cycle (Fixture    *fixture,
            const char *date)
{
  g_autoptr(GError) error = NULL;
  PathwaysCycle *cycle = pathways_store_find_cycle (fixture->store, date, &error);

  g_assert_no_error (error);

  return cycle;
}

static GPtrArray *
gather (Fixture    *fixture,
        const char *since,
        const char *until,
        GTimeZone  *zone)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = pathways_store_gather_evidence (fixture->store, fixture->person, since,
                                                     until, NULL, zone, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

/* "date ref|date ref|…" for the items, in order. */
static char *
describe_items (GPtrArray *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      PathwaysEvidenceItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_printf (out, "%s %s", item->date, item->ref);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static PathwaysEvidenceItem *
find_item_by_text (GPtrArray  *items,
                   const char *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      PathwaysEvidenceItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->text, text) == 0)
        return item;
    }

  return NULL;
}

static PathwaysEvidenceItem *
item_new (PathwaysEvidenceKind  kind,
          const char           *date,
          const char           *text,
          const char           *source)
{
  PathwaysEvidenceItem *item = g_new0 (PathwaysEvidenceItem, 1);

  item->kind = kind;
  item->date = g_strdup (date);
  item->text = g_strdup (text);
  item->source = g_strdup (source);
  item->ref = g_strdup ("note:1");

  return item;
}

static PathwaysReview *
start_review (Fixture *fixture,
              gint64   cycle_id)
{
  g_autoptr(GError) error = NULL;
  PathwaysReview *review = pathways_store_start_review (fixture->store, fixture->person,
                                                        cycle_id, NULL, "Engineer II",
                                                        "Senior Engineer", &error);

  g_assert_no_error (error);
  g_assert_nonnull (review);

  return review;
}

static PathwaysReview *
get_review (Fixture *fixture,
            gint64   cycle_id)
{
  g_autoptr(GError) error = NULL;
  PathwaysReview *review = pathways_store_get_review (fixture->store, fixture->person, cycle_id,
                                                      &error);

  g_assert_no_error (error);
  g_assert_nonnull (review);

  return review;
}

static void
autosave (Fixture    *fixture,
          gint64      review_id,
          const char *body)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pathways_store_autosave_review (fixture->store, review_id, body, &error));
  g_assert_no_error (error);
}

static GPtrArray *
revisions_of (Fixture *fixture,
              gint64   review_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *revisions = pathways_store_list_review_revisions (fixture->store, review_id,
                                                               &error);

  g_assert_no_error (error);
  g_assert_nonnull (revisions);

  return revisions;
}

static gint64
ensure_2026 (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysCycle) cycle = NULL;

  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2026, &error));
  g_assert_no_error (error);
  cycle = find_cycle (fixture, "2026-02-01");
  g_assert_nonnull (cycle);

  return cycle->id;
}

/* ---- cycles ---- */

/* A year with no cycles gets the handbook's three; asking again changes nothing, and a year
 * the manager set up differently is left alone. */
static void
test_cycle_defaults (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const expected[][3] = {
    { "January–April 2026", "2026-01-01", "2026-04-30" },
    { "May–August 2026", "2026-05-01", "2026-08-31" },
    { "September–December 2026", "2026-09-01", "2026-12-31" },
  };

  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2026, &error));
  g_assert_no_error (error);
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      PathwaysCycle *cycle = g_ptr_array_index (cycles, i);

      g_assert_cmpstr (cycle->name, ==, expected[i][0]);
      g_assert_cmpstr (cycle->starts_on, ==, expected[i][1]);
      g_assert_cmpstr (cycle->ends_on, ==, expected[i][2]);
    }

  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2026, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cycles, g_ptr_array_unref);
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 3);

  /* A custom cycle reaching into 2027 means 2027 is already set up. */
  g_assert_cmpint (pathways_store_add_cycle (fixture->store, "Winter", "2027-01-01",
                                             "2027-03-31", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2027, &error));
  g_clear_pointer (&cycles, g_ptr_array_unref);
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 4);
  g_assert_cmpstr (((PathwaysCycle *) g_ptr_array_index (cycles, 3))->name, ==, "Winter");

  /* Listed by start, whatever the order they were added in. */
  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2025, &error));
  g_clear_pointer (&cycles, g_ptr_array_unref);
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 7);
  g_assert_cmpstr (((PathwaysCycle *) g_ptr_array_index (cycles, 0))->name, ==,
                   "January–April 2025");
  g_assert_cmpstr (((PathwaysCycle *) g_ptr_array_index (cycles, 3))->name, ==,
                   "January–April 2026");
}

static void
assert_add_refused (Fixture    *fixture,
                    const char *name,
                    const char *starts_on,
                    const char *ends_on,
                    const char *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pathways_store_add_cycle (fixture->store, name, starts_on, ends_on, &error);

  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

/* What a manager could type wrong in the cycle dialog is refused with a sentence saying
 * what to do, and nothing is stored. */
static void
test_cycle_validation (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) error = NULL;

  assert_add_refused (fixture, "   ", "2026-01-01", "2026-04-30", "no name");
  assert_add_refused (fixture, NULL, "2026-01-01", "2026-04-30", "no name");
  assert_add_refused (fixture, "Spring", "2026-02-30", "2026-04-30", "2026-02-30");
  assert_add_refused (fixture, "Spring", "2026-01-01", "30/04/2026", "30/04/2026");
  assert_add_refused (fixture, "Spring", "", "2026-04-30", "empty");
  assert_add_refused (fixture, "Spring", "2026-04-30", "2026-01-01", "before it starts");

  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 0);

  /* A one-day cycle is fine; the name is kept trimmed. */
  g_assert_cmpint (pathways_store_add_cycle (fixture->store, "  Calibration day ", "2026-06-15",
                                             "2026-06-15", &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&cycles, g_ptr_array_unref);
  cycles = list_cycles (fixture);
  g_assert_cmpuint (cycles->len, ==, 1);
  g_assert_cmpstr (((PathwaysCycle *) g_ptr_array_index (cycles, 0))->name, ==,
                   "Calibration day");
}

/* A day belongs to one cycle: an overlapping cycle is refused naming the one it overlaps;
 * touching end to end is fine; a cycle does not overlap itself when saved; a cycle with
 * reviews can't be deleted. */
static void
test_cycle_overlap (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PathwaysCycle) may = NULL;
  g_autoptr(PathwaysCycle) again = NULL;
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_end = NULL;
  gint64 id;

  ensure_2026 (fixture);

  assert_add_refused (fixture, "Summer", "2026-08-31", "2026-09-15", "May–August 2026");
  assert_add_refused (fixture, "All year", "2025-06-01", "2027-01-31", "January–April 2026");
  assert_add_refused (fixture, "Inside", "2026-03-01", "2026-03-02", "January–April 2026");

  id = pathways_store_add_cycle (fixture->store, "Late 2025", "2025-09-01", "2025-12-31",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Renaming keeps its own days. */
  may = find_cycle (fixture, "2026-06-01");
  g_assert_nonnull (may);
  g_free (may->name);
  may->name = g_strdup ("Mid-year 2026");
  g_assert_true (pathways_store_save_cycle (fixture->store, may, &error));
  g_assert_no_error (error);

  /* Moving its end into September is refused, and it stays as it was. */
  old_end = g_steal_pointer (&may->ends_on);
  may->ends_on = g_strdup ("2026-09-01");
  g_assert_false (pathways_store_save_cycle (fixture->store, may, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "September–December 2026"));
  g_clear_error (&error);
  again = find_cycle (fixture, "2026-06-01");
  g_assert_cmpstr (again->name, ==, "Mid-year 2026");
  g_assert_cmpstr (again->ends_on, ==, old_end);

  /* Deleting a cycle would delete its reviews: refused while it has one. */
  review = start_review (fixture, may->id);
  g_assert_false (pathways_store_delete_cycle (fixture->store, may->id, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mid-year 2026"));
  g_clear_error (&error);
  g_clear_pointer (&review, pathways_review_free);
  review = get_review (fixture, may->id);
  g_assert_nonnull (review);

  g_assert_true (pathways_store_delete_cycle (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (pathways_store_delete_cycle (fixture->store, id, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
}

/* The current cycle for a date, and how many days are left in it, today and the last day
 * both counted — across February 29 and the turn of a year. */
static void
test_cycle_current (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PathwaysCycle) cycle = NULL;
  g_autoptr(PathwaysCycle) leap = NULL;
  g_autoptr(PathwaysCycle) winter = NULL;
  g_autoptr(GError) error = NULL;

  ensure_2026 (fixture);

  cycle = find_cycle (fixture, "2026-04-30");
  g_assert_cmpstr (cycle->name, ==, "January–April 2026");
  g_assert_cmpuint (pathways_cycle_days_left (cycle, "2026-04-30"), ==, 1);
  g_assert_cmpuint (pathways_cycle_days_left (cycle, "2026-04-29"), ==, 2);
  g_assert_cmpuint (pathways_cycle_days_left (cycle, "2026-01-01"), ==, 120);
  g_assert_cmpuint (pathways_cycle_days_left (cycle, "2026-05-01"), ==, 0);
  g_assert_cmpuint (pathways_cycle_days_left (cycle, "2025-11-20"), ==, 120);
  g_assert_true (pathways_cycle_contains (cycle, "2026-01-01"));
  g_assert_true (pathways_cycle_contains (cycle, "2026-04-30"));
  g_assert_false (pathways_cycle_contains (cycle, "2026-05-01"));
  g_assert_false (pathways_cycle_contains (cycle, "2025-12-31"));
  g_clear_pointer (&cycle, pathways_cycle_free);

  cycle = find_cycle (fixture, "2026-05-01");
  g_assert_cmpstr (cycle->name, ==, "May–August 2026");
  g_clear_pointer (&cycle, pathways_cycle_free);
  cycle = find_cycle (fixture, "2026-12-31");
  g_assert_cmpstr (cycle->name, ==, "September–December 2026");
  g_clear_pointer (&cycle, pathways_cycle_free);

  /* No cycle: no error either. */
  g_assert_null (find_cycle (fixture, "2025-06-01"));
  g_assert_null (pathways_store_find_cycle (fixture->store, "2026-13-01", &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* 2028 is a leap year: January–April has 121 days. */
  g_assert_true (pathways_store_ensure_cycles (fixture->store, 2028, &error));
  g_assert_no_error (error);
  leap = find_cycle (fixture, "2028-02-29");
  g_assert_nonnull (leap);
  g_assert_cmpuint (pathways_cycle_days_left (leap, "2028-01-01"), ==, 121);
  g_assert_cmpuint (pathways_cycle_days_left (leap, "2028-02-28"), ==, 63);
  g_assert_cmpuint (pathways_cycle_days_left (leap, "2028-03-01"), ==, 61);

  /* A cycle across the new year. */
  g_assert_cmpint (pathways_store_add_cycle (fixture->store, "Winter", "2029-11-15",
                                             "2030-02-14", &error), >, 0);
  g_assert_no_error (error);
  winter = find_cycle (fixture, "2030-01-01");
  g_assert_cmpstr (winter->name, ==, "Winter");
  g_assert_cmpuint (pathways_cycle_days_left (winter, "2029-12-31"), ==, 46);
  g_assert_cmpuint (pathways_cycle_days_left (winter, "2030-01-01"), ==, 45);
  g_assert_cmpuint (pathways_cycle_days_left (winter, "2029-11-15"), ==, 92);
}

/* ---- the notes log ---- */

/* Notes list newest first, within a window when asked; edits and deletions stick. */
static void
test_notes_log (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(PathwaysNote) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second, third;

  first = add_note (fixture, PATHWAYS_NOTE_WIN, "Shipped the refund service", "2026-02-10",
                    NULL);
  second = add_note (fixture, PATHWAYS_NOTE_GROWTH, "Page the owner sooner", "2026-03-05",
                     "se/senior/ownership");
  third = add_note (fixture, PATHWAYS_NOTE_PLAIN, "Asked about the conference", "2026-05-02",
                    NULL);

  notes = pathways_store_list_notes (fixture->store, fixture->person, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpint (((PathwaysNote *) g_ptr_array_index (notes, 0))->id, ==, third);
  g_assert_cmpint (((PathwaysNote *) g_ptr_array_index (notes, 1))->id, ==, second);
  g_assert_cmpint (((PathwaysNote *) g_ptr_array_index (notes, 2))->id, ==, first);
  g_assert_cmpstr (((PathwaysNote *) g_ptr_array_index (notes, 1))->expectation_key, ==,
                   "se/senior/ownership");
  g_assert_cmpint (((PathwaysNote *) g_ptr_array_index (notes, 1))->kind, ==,
                   PATHWAYS_NOTE_GROWTH);
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* Both ends of the window are inside. */
  notes = pathways_store_list_notes (fixture->store, fixture->person, "2026-02-10",
                                     "2026-03-05", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* An edit: another kind, other words, another day. */
  note = pathways_store_get_note (fixture->store, first, &error);
  g_assert_no_error (error);
  note->kind = PATHWAYS_NOTE_FEEDBACK;
  g_free (note->body);
  note->body = g_strdup ("  Clear incident write-up  ");
  g_free (note->occurred_on);
  note->occurred_on = g_strdup ("2026-06-01");
  g_assert_true (pathways_store_save_note (fixture->store, note, &error));
  g_assert_no_error (error);
  notes = pathways_store_list_notes (fixture->store, fixture->person, NULL, NULL, &error);
  g_assert_cmpint (((PathwaysNote *) g_ptr_array_index (notes, 0))->id, ==, first);
  g_assert_cmpstr (((PathwaysNote *) g_ptr_array_index (notes, 0))->body, ==,
                   "Clear incident write-up");
  g_assert_cmpint (((PathwaysNote *) g_ptr_array_index (notes, 0))->kind, ==,
                   PATHWAYS_NOTE_FEEDBACK);
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* An emptied note is refused, not saved blank. */
  g_free (note->body);
  note->body = g_strdup ("   ");
  g_assert_false (pathways_store_save_note (fixture->store, note, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pathways_store_delete_note (fixture->store, second, &error));
  g_assert_no_error (error);
  notes = pathways_store_list_notes (fixture->store, fixture->person, NULL, NULL, &error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_false (pathways_store_delete_note (fixture->store, second, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
}

/* ---- evidence ---- */

/* The first and the last day of the window are inside; the days around it are not; items
 * come sorted by day. */
static void
test_evidence_window (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *description = NULL;
  gint64 before, first, last, after, m_first, m_last;

  before = add_note (fixture, PATHWAYS_NOTE_WIN, "Before", "2025-12-31", NULL);
  last = add_note (fixture, PATHWAYS_NOTE_WIN, "Last day", "2026-04-30", NULL);
  first = add_note (fixture, PATHWAYS_NOTE_GROWTH, "First day", "2026-01-01", NULL);
  after = add_note (fixture, PATHWAYS_NOTE_WIN, "After", "2026-05-01", NULL);
  add_evidence (fixture, "se/senior/impact", "Evidence before", "2025-12-31");
  add_evidence (fixture, "se/senior/impact", "Evidence on the first day", "2026-01-01");
  add_evidence (fixture, "se/senior/impact", "Evidence on the last day", "2026-04-30");
  add_evidence (fixture, "se/senior/impact", "Evidence after", "2026-05-01");
  m_last = add_meeting (fixture, "2026-04-30T16:00", "held", "Late on the last day", "");
  m_first = add_meeting (fixture, "2026-01-01", "held", "No time set, first day", "");
  add_meeting (fixture, "2026-05-01T09:00", "held", "The day after", "");
  add_meeting (fixture, "2025-12-31T23:59", "held", "The day before", "");

  items = gather (fixture, "2026-01-01", "2026-04-30", NULL);
  description = describe_items (items);
  {
    g_autofree char *expected = g_strdup_printf ("2026-01-01 note:%" G_GINT64_FORMAT
                                                 "|2026-01-01 meeting:%" G_GINT64_FORMAT
                                                 "|2026-01-01 evidence:2"
                                                 "|2026-04-30 note:%" G_GINT64_FORMAT
                                                 "|2026-04-30 meeting:%" G_GINT64_FORMAT
                                                 "|2026-04-30 evidence:3",
                                                 first, m_first, last, m_last);

    g_assert_cmpstr (description, ==, expected);
  }
  g_assert_null (find_item_by_text (items, "Before"));
  g_assert_null (find_item_by_text (items, "After"));
  g_assert_cmpint (before, !=, after);

  g_assert_cmpint (find_item_by_text (items, "First day")->kind, ==, PATHWAYS_EVIDENCE_GROWTH);
  g_assert_cmpstr (find_item_by_text (items, "First day")->source, ==, "growth note");
  g_assert_cmpstr (find_item_by_text (items, "Late on the last day")->source, ==,
                   "1-on-1 on 30 Apr");
  g_assert_cmpstr (find_item_by_text (items, "Evidence on the last day")->source, ==,
                   "ladder evidence: Impact");
}

/* Action items are ticked at a UTC moment; what counts is the manager's calendar day. */
static void
test_evidence_time_zone (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GTimeZone) auckland = g_time_zone_new_offset (13 * 3600);
  g_autoptr(GTimeZone) honolulu = g_time_zone_new_offset (-10 * 3600);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *local = NULL;

  /* 23:30 on 30 April in Auckland, 00:30 on 1 May, 00:30 on 1 January. */
  add_done_action (fixture, "Ticked late on the last day", "them", "2026-04-30T10:30:00Z");
  add_done_action (fixture, "Ticked just after midnight", "them", "2026-04-30T11:30:00Z");
  add_done_action (fixture, "Ticked at new year", "them", "2025-12-31T11:30:00Z");
  /* 23:00 on 30 April in Honolulu. */
  add_done_action (fixture, "Ticked in Honolulu", "them", "2026-05-01T09:00:00Z");

  local = pathways_review_dup_local_date ("2026-04-30T10:30:00Z", auckland);
  g_assert_cmpstr (local, ==, "2026-04-30");
  g_clear_pointer (&local, g_free);
  local = pathways_review_dup_local_date ("2026-04-30T11:30:00Z", auckland);
  g_assert_cmpstr (local, ==, "2026-05-01");
  g_clear_pointer (&local, g_free);
  g_assert_null (pathways_review_dup_local_date ("yesterday", auckland));

  items = gather (fixture, "2026-01-01", "2026-04-30", auckland);
  g_assert_nonnull (find_item_by_text (items, "Ticked late on the last day"));
  g_assert_null (find_item_by_text (items, "Ticked just after midnight"));
  g_assert_nonnull (find_item_by_text (items, "Ticked at new year"));
  g_assert_cmpstr (find_item_by_text (items, "Ticked at new year")->date, ==, "2026-01-01");
  g_assert_cmpstr (find_item_by_text (items, "Ticked late on the last day")->date, ==,
                   "2026-04-30");
  g_clear_pointer (&items, g_ptr_array_unref);

  items = gather (fixture, "2026-01-01", "2026-04-30", honolulu);
  g_assert_nonnull (find_item_by_text (items, "Ticked in Honolulu"));
  g_assert_null (find_item_by_text (items, "Ticked at new year"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* In UTC (the test's TZ), the Honolulu item was ticked on 1 May. */
  items = gather (fixture, "2026-01-01", "2026-04-30", NULL);
  g_assert_null (find_item_by_text (items, "Ticked in Honolulu"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The local zone follows TZ. */
  g_setenv ("TZ", "HST10", TRUE);
  tzset ();
  items = gather (fixture, "2026-01-01", "2026-04-30", NULL);
  g_setenv ("TZ", "UTC", TRUE);
  tzset ();
  g_assert_nonnull (find_item_by_text (items, "Ticked in Honolulu"));
  g_assert_cmpstr (find_item_by_text (items, "Ticked in Honolulu")->date, ==, "2026-04-30");
}

/* Private 1-on-1 notes never come out; only held meetings count; the manager's own action
 * items, and open ones, are no evidence about the report. */
static void
test_evidence_private (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  gint64 held;

  held = add_meeting (fixture, "2026-02-03T10:00", "held", "Agreed to write the RFC",
                      "PRIVATE seemed tired");
  add_point (fixture, held, "Wins", "Shipped the refund service");
  add_point (fixture, held, "How are you?", "Good week");
  add_point (fixture, held, "Blockers", "");
  add_meeting (fixture, "2026-02-10T10:00", "planned", "Planned notes", "PRIVATE planned");
  add_meeting (fixture, "2026-02-17T10:00", "cancelled", "Cancelled notes", "");
  add_meeting (fixture, "2026-02-24T10:00", "moved", "Moved notes", "");
  add_meeting (fixture, "2026-03-03T10:00", "held", "", "PRIVATE only");
  add_done_action (fixture, "Their finished task", "them", "2026-02-05T12:00:00Z");
  add_done_action (fixture, "My own finished task", "me", "2026-02-05T12:00:00Z");
  add_done_action (fixture, "Their open task", "them", NULL);

  items = gather (fixture, "2026-01-01", "2026-04-30", NULL);
  for (guint i = 0; i < items->len; i++)
    {
      PathwaysEvidenceItem *item = g_ptr_array_index (items, i);

      g_assert_null (strstr (item->text, "PRIVATE"));
      g_assert_null (strstr (item->text, "notes"));
      g_assert_null (strstr (item->text, "My own"));
      g_assert_null (strstr (item->text, "open task"));
    }
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_nonnull (find_item_by_text (items, "Agreed to write the RFC"));
  g_assert_nonnull (find_item_by_text (items, "Wins: Shipped the refund service"));
  g_assert_nonnull (find_item_by_text (items, "How are you? Good week"));
  g_assert_cmpint (find_item_by_text (items, "Their finished task")->kind, ==,
                   PATHWAYS_EVIDENCE_ACTION);
  g_assert_cmpstr (find_item_by_text (items, "Their finished task")->source, ==,
                   "action item");
}

/* Rating changes: the first rating and each different one, not a re-rating to the same. */
static void
test_evidence_ratings (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  PathwaysEvidenceItem *item;

  rate (fixture, "se/senior/impact", PATHWAYS_RATING_SOMETIMES, "2025-12-01");
  rate (fixture, "se/senior/impact", PATHWAYS_RATING_CONSISTENTLY, "2026-02-01");
  rate (fixture, "se/senior/impact", PATHWAYS_RATING_CONSISTENTLY, "2026-03-01");
  rate (fixture, "se/senior/code review", PATHWAYS_RATING_NOT_YET, "2026-04-30");
  rate (fixture, "se/senior/code review", PATHWAYS_RATING_SOMETIMES, "2026-05-01");

  items = gather (fixture, "2026-01-01", "2026-04-30", NULL);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->kind, ==, PATHWAYS_EVIDENCE_RATING);
  g_assert_cmpstr (item->date, ==, "2026-02-01");
  g_assert_cmpstr (item->text, ==, "Impact: sometimes → consistently");
  g_assert_cmpstr (item->expectation_key, ==, "se/senior/impact");
  item = g_ptr_array_index (items, 1);
  g_assert_cmpstr (item->date, ==, "2026-04-30");
  g_assert_cmpstr (item->text, ==, "Code review: rated not yet");
}

/* An item goes into the draft as a dated bullet with its source. */
static void
test_evidence_bullet (void)
{
  g_autoptr(PathwaysEvidenceItem) win = item_new (PATHWAYS_EVIDENCE_WIN, "2026-03-12",
                                                  "Shipped the **refund** service", "win");
  g_autoptr(PathwaysEvidenceItem) meeting = item_new (PATHWAYS_EVIDENCE_MEETING, "2026-03-05",
                                                      "Agreed:\r\n- RFC by Friday\n\n"
                                                      "- Demo next week",
                                                      "1-on-1 on 5 Mar");
  g_autoptr(PathwaysEvidenceItem) odd = item_new (PATHWAYS_EVIDENCE_LADDER, "2026-01-01",
                                                  "Wrote the *design*",
                                                  "ladder evidence: snake_case [x]");
  g_autofree char *bullet = NULL;

  bullet = pathways_evidence_item_to_markdown (win);
  g_assert_cmpstr (bullet, ==, "- 12 Mar 2026 — Shipped the **refund** service _(win)_\n");
  g_clear_pointer (&bullet, g_free);

  bullet = pathways_evidence_item_to_markdown (meeting);
  g_assert_cmpstr (bullet, ==,
                   "- 5 Mar 2026 — Agreed:\n  - RFC by Friday\n\n  - Demo next week "
                   "_(1-on-1 on 5 Mar)_\n");
  g_clear_pointer (&bullet, g_free);

  bullet = pathways_evidence_item_to_markdown (odd);
  g_assert_cmpstr (bullet, ==,
                   "- 1 Jan 2026 — Wrote the *design* "
                   "_(ladder evidence: snake\\_case \\[x\\])_\n");
}

/* An item is cited when the draft holds its text, whatever the case and line breaks; a
 * long one by its beginning. */
static void
test_cited (void)
{
  g_autoptr(GPtrArray) items = NULL;
  const char *long_text = "Led the payments migration from the old provider to the new one, "
                          "with a cut-over plan, a dry run and a rollback that nobody needed "
                          "in the end, and wrote it all up for the wiki.";
  PathwaysEvidenceItem *win, *growth, *migration, *other;
  g_autofree char *bullet = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *tail_only = NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_evidence_item_free);
  win = item_new (PATHWAYS_EVIDENCE_WIN, "2026-03-12", "Shipped the refund service", "win");
  growth = item_new (PATHWAYS_EVIDENCE_GROWTH, "2026-03-14", "Page the owner sooner",
                     "growth note");
  migration = item_new (PATHWAYS_EVIDENCE_MEETING, "2026-04-01", long_text, "1-on-1 on 1 Apr");
  other = item_new (PATHWAYS_EVIDENCE_NOTE, "2026-04-02", "Asked about the conference", "note");
  g_ptr_array_add (items, win);
  g_ptr_array_add (items, growth);
  g_ptr_array_add (items, migration);
  g_ptr_array_add (items, other);

  /* Inserted as a bullet: cited. */
  bullet = pathways_evidence_item_to_markdown (win);
  draft = g_strconcat ("## Wins and successes\n\n", bullet,
                       "\n## Opportunities for growth\n\nShe could PAGE THE OWNER\n   sooner "
                       "when things break.\n", NULL);
  g_assert_true (pathways_evidence_item_is_cited (win, draft));
  /* Typed by hand, in capitals and across a line break: cited too. */
  g_assert_true (pathways_evidence_item_is_cited (growth, draft));
  g_assert_false (pathways_evidence_item_is_cited (migration, draft));
  g_assert_false (pathways_evidence_item_is_cited (other, draft));
  g_assert_false (pathways_evidence_item_is_cited (win, NULL));
  g_assert_cmpuint (pathways_review_mark_cited (items, draft), ==, 2);
  g_assert_true (win->cited);
  g_assert_true (growth->cited);
  g_assert_false (migration->cited);

  /* A long text with its tail rewritten still counts; its tail alone does not. */
  edited = g_strconcat (draft, "\nLed the payments migration from the old provider to the new "
                        "one, with a cut-over plan, a dry run — and more.\n", NULL);
  g_assert_true (pathways_evidence_item_is_cited (migration, edited));
  tail_only = g_strconcat (draft, "\nand wrote it all up for the wiki.\n", NULL);
  g_assert_false (pathways_evidence_item_is_cited (migration, tail_only));

  /* Deleting the bullet un-cites it. */
  g_assert_cmpuint (pathways_review_mark_cited (items, "## Wins and successes\n"), ==, 0);
  g_assert_false (win->cited);
}

/* ---- the ladder section and readiness ---- */

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
  for (guint i = 0; i < level->responsibilities->len; i++)
    {
      PathwaysResponsibility *responsibility = g_ptr_array_index (level->responsibilities, i);

      g_free (responsibility->key);
      g_free (responsibility->text);
      g_ptr_array_unref (responsibility->children);
      g_free (responsibility);
    }
  g_ptr_array_unref (level->competencies);
  g_ptr_array_unref (level->responsibilities);
  g_free (level->title);
  g_free (level);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysLevel, free_level)

/* Two competencies (one with a pipe in its label) and a responsibility over two lines. */
static PathwaysLevel *
make_level (void)
{
  static const char * const labels[][2] = {
    { "se/senior/impact", "Impact" },
    { "se/senior/ownership", "Ownership | scope" },
  };
  PathwaysLevel *level = g_new0 (PathwaysLevel, 1);
  PathwaysResponsibility *responsibility = g_new0 (PathwaysResponsibility, 1);

  level->title = g_strdup ("Senior Engineer");
  level->competencies = g_ptr_array_new ();
  level->responsibilities = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      PathwaysCompetency *competency = g_new0 (PathwaysCompetency, 1);

      competency->key = g_strdup (labels[i][0]);
      competency->label = g_strdup (labels[i][1]);
      competency->text = g_strdup ("At the senior level.");
      g_ptr_array_add (level->competencies, competency);
    }
  responsibility->key = g_strdup ("se/senior/r:1a2b");
  responsibility->text = g_strdup ("Mentors engineers\nacross teams");
  responsibility->children = g_ptr_array_new ();
  g_ptr_array_add (level->responsibilities, responsibility);

  return level;
}

/* The table states each expectation's rating, how long it has held and its evidence. */
static void
test_ladder_section (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PathwaysLevel) level = make_level ();
  g_autoptr(GHashTable) ratings = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section = NULL;

  rate (fixture, "se/senior/impact", PATHWAYS_RATING_SOMETIMES, "2026-01-10");
  rate (fixture, "se/senior/impact", PATHWAYS_RATING_CONSISTENTLY, "2026-03-03");
  rate (fixture, "se/senior/impact", PATHWAYS_RATING_CONSISTENTLY, "2026-04-20");
  rate (fixture, "se/senior/ownership", PATHWAYS_RATING_SOMETIMES, "2026-05-01");
  add_evidence (fixture, "se/senior/impact", "Led the migration", "2026-02-01");
  add_evidence (fixture, "se/senior/impact", "Ran the incident review", "2026-03-01");
  add_note (fixture, PATHWAYS_NOTE_WIN, "Demo at the all-hands", "2026-04-01",
            "se/senior/impact");
  add_evidence (fixture, "se/senior/ownership", "Owned the on-call rota", "2026-04-10");
  add_evidence (fixture, "se/senior/ownership", "Too late", "2026-06-01");

  ratings = pathways_store_dup_ratings (fixture->store, fixture->person, &error);
  g_assert_no_error (error);
  counts = pathways_store_dup_evidence_counts (fixture->store, fixture->person, NULL,
                                               "2026-05-26", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "se/senior/impact")), ==, 3);

  section = pathways_review_dup_ladder_section (level, ratings, counts, "2026-05-26");
  g_assert_cmpstr (section, ==,
                   "Against **Senior Engineer**, as of 26 May 2026: 1 of 3 expectations "
                   "consistently.\n"
                   "\n"
                   "| Expectation | Rating | Held | Evidence |\n"
                   "| --- | --- | --- | ---: |\n"
                   "| Impact | Consistently | since 3 Mar 2026 — 12 weeks | 3 |\n"
                   "| Ownership \\| scope | Sometimes | since 1 May 2026 — 3 weeks | 1 |\n"
                   "| Mentors engineers across teams | Not rated | — | 0 |\n");
  g_clear_pointer (&section, g_free);

  /* Without counts, a week after a rating. */
  section = pathways_review_dup_ladder_section (level, ratings, NULL, "2026-05-04");
  g_assert_nonnull (strstr (section, "| Ownership \\| scope | Sometimes | "
                                    "since 1 May 2026 — 3 days | 0 |\n"));
}

static void
add_state (GHashTable     *ratings,
           const char     *key,
           PathwaysRating  rating,
           const char     *rated_on,
           const char     *consistently_since)
{
  PathwaysRatingState *state = g_new0 (PathwaysRatingState, 1);

  state->key = g_strdup (key);
  state->rating = rating;
  state->rated_on = g_strdup (rated_on);
  state->consistently_since = g_strdup (consistently_since);
  g_hash_table_insert (ratings, g_strdup (key), state);
}

static GHashTable *
ratings_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) pathways_rating_state_free);
}

/* Ready only when every expectation is consistently, and has been since before the cycle
 * or for the sustained weeks; otherwise the reasons name what holds it back. */
static void
test_readiness (void)
{
  g_autoptr(PathwaysLevel) level = make_level ();
  g_autoptr(GHashTable) ratings = ratings_new ();
  g_autoptr(PathwaysReadiness) readiness = NULL;

  add_state (ratings, "se/senior/impact", PATHWAYS_RATING_CONSISTENTLY, "2026-03-01",
             "2025-10-01");
  add_state (ratings, "se/senior/ownership", PATHWAYS_RATING_CONSISTENTLY, "2025-12-01",
             "2025-12-01");
  add_state (ratings, "se/senior/r:1a2b", PATHWAYS_RATING_CONSISTENTLY, "2026-01-01",
             "2026-01-01");

  readiness = pathways_review_assess_readiness (level, ratings, "2026-01-01", 17, "2026-04-20");
  g_assert_true (readiness->ready);
  g_assert_cmpuint (readiness->n_expectations, ==, 3);
  g_assert_cmpuint (readiness->n_sustained, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (readiness->reasons, 0), ==,
                   "All 3 expectations are rated consistently, sustained over the cycle.");
  g_clear_pointer (&readiness, pathways_readiness_free);

  /* One at "sometimes": not ready, and the reason names it. */
  add_state (ratings, "se/senior/ownership", PATHWAYS_RATING_SOMETIMES, "2026-02-01", NULL);
  readiness = pathways_review_assess_readiness (level, ratings, "2026-01-01", 17, "2026-04-20");
  g_assert_false (readiness->ready);
  g_assert_cmpuint (readiness->n_consistently, ==, 2);
  g_assert_cmpuint (readiness->reasons->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (readiness->reasons, 0), ==,
                   "1 expectation not yet consistently: Ownership | scope");
  g_clear_pointer (&readiness, pathways_readiness_free);

  /* Consistently, but only since April, in a cycle that began in January. */
  add_state (ratings, "se/senior/ownership", PATHWAYS_RATING_CONSISTENTLY, "2026-04-02",
             "2026-04-02");
  readiness = pathways_review_assess_readiness (level, ratings, "2026-01-01", 17, "2026-04-20");
  g_assert_false (readiness->ready);
  g_assert_cmpuint (readiness->n_consistently, ==, 3);
  g_assert_cmpuint (readiness->n_sustained, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (readiness->reasons, 0), ==,
                   "Ownership | scope: consistently since 2 Apr 2026 — less than a cycle");
  g_clear_pointer (&readiness, pathways_readiness_free);

  /* Held for the sustained weeks counts even when it began inside the cycle. */
  readiness = pathways_review_assess_readiness (level, ratings, "2026-01-01", 17, "2026-07-30");
  g_assert_true (readiness->ready);
  g_clear_pointer (&readiness, pathways_readiness_free);

  /* Unrated expectations hold it back too, each reason naming them. */
  g_hash_table_remove (ratings, "se/senior/r:1a2b");
  add_state (ratings, "se/senior/impact", PATHWAYS_RATING_NOT_YET, "2026-03-01", NULL);
  readiness = pathways_review_assess_readiness (level, ratings, "2026-01-01", 17, "2026-07-30");
  g_assert_false (readiness->ready);
  g_assert_cmpuint (readiness->n_unrated, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (readiness->reasons, 0), ==,
                   "1 expectation not yet consistently: Impact");
  g_assert_cmpstr (g_ptr_array_index (readiness->reasons, 1), ==,
                   "1 expectation not rated yet: Mentors engineers across teams");
}

/* ---- templates ---- */

/* Placeholders fill in, escaped for Markdown; missing ones stay for the manager to see;
 * other braces are left alone. */
static void
test_template (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PathwaysReview) review = NULL;
  g_autofree char *expanded = NULL;
  g_autofree char *template_text = NULL;
  static const char * const headings[] = {
    "## Summary\n", "## Wins and successes\n", "## Opportunities for growth\n",
    "## Tracking against {level} and {target}\n", "## Promotion readiness\n",
    "## Goals for the next cycle\n",
  };
  gint64 cycle_id;

  g_hash_table_insert (values, (gpointer) "name", (gpointer) "Ada Lovelace");
  g_hash_table_insert (values, (gpointer) "cycle", (gpointer) "January–April 2026");
  g_hash_table_insert (values, (gpointer) "level", (gpointer) "Engineer_II *senior*");
  g_hash_table_insert (values, (gpointer) "target", NULL);

  expanded = pathways_review_expand_template ("# {name} — {cycle}\n"
                                              "{level} → {target} {unknown} {Name} { name } {} "
                                              "{{name}} {name\n"
                                              "```\nfn main() { x }\n```\n",
                                              values);
  g_assert_cmpstr (expanded, ==,
                   "# Ada Lovelace — January–April 2026\n"
                   "Engineer\\_II \\*senior\\* → {target} {unknown} {Name} { name } {} "
                   "{Ada Lovelace} {name\n"
                   "```\nfn main() { x }\n```\n");
  g_clear_pointer (&expanded, g_free);

  expanded = pathways_review_expand_template ("No placeholders at all", NULL);
  g_assert_cmpstr (expanded, ==, "No placeholders at all");

  /* The default template has every section the handbook's review asks for. */
  template_text = pathways_review_dup_default_template ();
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (template_text, headings[i]));

  /* A review starts from it with the person's details in. */
  cycle_id = ensure_2026 (fixture);
  review = start_review (fixture, cycle_id);
  g_assert_cmpint (review->status, ==, PATHWAYS_REVIEW_DRAFT);
  g_assert_nonnull (strstr (review->body, "## Tracking against Engineer II and Senior "
                                          "Engineer\n"));
  g_assert_nonnull (strstr (review->body, "How January–April 2026 went for Ada,"));
  g_assert_null (strchr (review->body, '{'));
}

/* ---- reviews and revisions ---- */

/* One review per person per cycle; starting again keeps the draft; the status moves on;
 * earlier cycles' reviews are there for "since your last review". */
static void
test_reviews (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PathwaysReview) first = NULL;
  g_autoptr(PathwaysReview) again = NULL;
  g_autoptr(PathwaysReview) earlier = NULL;
  g_autoptr(PathwaysReview) previous = NULL;
  g_autoptr(PathwaysCycle) may = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  gint64 january;

  january = ensure_2026 (fixture);
  may = find_cycle (fixture, "2026-05-01");

  g_assert_null (pathways_store_get_review (fixture->store, fixture->person, january, &error));
  g_assert_no_error (error);
  g_assert_null (pathways_store_start_review (fixture->store, fixture->person, 9999, NULL, NULL,
                                              NULL, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  earlier = start_review (fixture, january);
  autosave (fixture, earlier->id, "## Summary\n\nA strong start.\n");
  g_assert_true (pathways_store_set_review_status (fixture->store, earlier->id,
                                                   PATHWAYS_REVIEW_READY, &error));
  g_assert_true (pathways_store_set_review_status (fixture->store, earlier->id,
                                                   PATHWAYS_REVIEW_DELIVERED, &error));
  g_assert_no_error (error);

  first = start_review (fixture, may->id);
  autosave (fixture, first->id, "My own words");
  again = start_review (fixture, may->id);
  g_assert_cmpint (again->id, ==, first->id);
  g_assert_cmpstr (again->body, ==, "My own words");

  reviews = pathways_store_list_reviews (fixture->store, fixture->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_cmpstr (((PathwaysReview *) g_ptr_array_index (reviews, 0))->cycle_name, ==,
                   "May–August 2026");
  g_assert_cmpint (((PathwaysReview *) g_ptr_array_index (reviews, 1))->status, ==,
                   PATHWAYS_REVIEW_DELIVERED);

  previous = pathways_store_get_previous_review (fixture->store, fixture->person, may->id,
                                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (previous);
  g_assert_cmpint (previous->id, ==, earlier->id);
  g_assert_cmpstr (previous->body, ==, "## Summary\n\nA strong start.\n");
  g_assert_cmpstr (previous->starts_on, ==, "2026-01-01");
  g_clear_pointer (&previous, pathways_review_free);
  previous = pathways_store_get_previous_review (fixture->store, fixture->person, january,
                                                 &error);
  g_assert_no_error (error);
  g_assert_null (previous);

  g_assert_false (pathways_store_set_review_status (fixture->store, 9999,
                                                    PATHWAYS_REVIEW_READY, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
}

static const char *
revision_body (GPtrArray *revisions,
               guint      index)
{
  return ((PathwaysReviewRevision *) g_ptr_array_index (revisions, index))->body;
}

/* Autosave keeps earlier texts: the first edit, every ten minutes of editing, and any big
 * deletion; a revision can be restored, and the text it replaces is kept first. */
static void
test_revisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(PathwaysReview) now = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *template_body = NULL;
  g_autofree char *long_draft = NULL;
  g_autofree char *longer = NULL;
  gint64 edit_two_id;

  review = start_review (fixture, ensure_2026 (fixture));
  template_body = g_strdup (review->body);

  /* The first edit keeps the template. */
  autosave (fixture, review->id, "Edit one");
  revisions = revisions_of (fixture, review->id);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpstr (revision_body (revisions, 0), ==, template_body);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Typing on within minutes: no new revision for each pause. */
  autosave (fixture, review->id, "Edit one, two");
  autosave (fixture, review->id, "Edit one, two");
  revisions = revisions_of (fixture, review->id);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_clear_pointer (&revisions, g_ptr_array_unref);
  now = get_review (fixture, review->cycle_id);
  g_assert_cmpstr (now->body, ==, "Edit one, two");
  g_clear_pointer (&now, pathways_review_free);

  /* Ten minutes later, the next edit keeps what was there. */
  exec_sql (fixture, "UPDATE review_revision SET saved_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
                     "'now', '-11 minutes')");
  autosave (fixture, review->id, "Edit one, two, three");
  revisions = revisions_of (fixture, review->id);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (revision_body (revisions, 0), ==, "Edit one, two");
  g_assert_cmpstr (revision_body (revisions, 1), ==, template_body);
  edit_two_id = ((PathwaysReviewRevision *) g_ptr_array_index (revisions, 0))->id;
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Writing a lot, then selecting it all and typing over it: the long text is kept at
   * once. */
  long_draft = g_strnfill (1000, 'a');
  autosave (fixture, review->id, long_draft);
  longer = g_strconcat (long_draft, " more", NULL);
  autosave (fixture, review->id, longer);
  revisions = revisions_of (fixture, review->id);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_clear_pointer (&revisions, g_ptr_array_unref);
  autosave (fixture, review->id, "x");
  revisions = revisions_of (fixture, review->id);
  g_assert_cmpuint (revisions->len, ==, 3);
  g_assert_cmpstr (revision_body (revisions, 0), ==, longer);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Restoring brings "Edit one, two" back and keeps "x" as the newest revision. */
  g_assert_true (pathways_store_restore_review_revision (fixture->store, review->id,
                                                         edit_two_id, &error));
  g_assert_no_error (error);
  now = get_review (fixture, review->cycle_id);
  g_assert_cmpstr (now->body, ==, "Edit one, two");
  revisions = revisions_of (fixture, review->id);
  g_assert_cmpuint (revisions->len, ==, 4);
  g_assert_cmpstr (revision_body (revisions, 0), ==, "x");
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* A revision of another review, or one that's gone, is not restored. */
  g_assert_false (pathways_store_restore_review_revision (fixture->store, review->id + 1,
                                                          edit_two_id, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pathways_store_autosave_review (fixture->store, 9999, "text", &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
}

/* Text comes back exactly as written, through a restart: a 100,000-character body, emoji,
 * right-to-left scripts and text that looks like SQL. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *tricky = "Launch 🎉👩🏽‍💻 — مرحبا بالعالم — שלום עולם — "
                       "'); DROP TABLE review; -- \"quoted\" %s %d \\ NULL";
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(PathwaysReview) review = NULL;
  g_autoptr(PathwaysReview) reopened = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  const char *paragraph = "Ein Absatz über Wirkung, ownership & 品質。\n";
  glong n_chars = 0;
  gint64 cycle_id, note_id;

  cycle_id = ensure_2026 (fixture);
  review = start_review (fixture, cycle_id);

  while (n_chars + g_utf8_strlen (paragraph, -1) < 100000 - 200)
    {
      g_string_append (big, paragraph);
      n_chars += g_utf8_strlen (paragraph, -1);
    }
  g_string_append (big, tricky);
  for (n_chars += g_utf8_strlen (tricky, -1); n_chars < 100000; n_chars++)
    g_string_append_c (big, '.');
  g_assert_cmpint (g_utf8_strlen (big->str, -1), ==, 100000);

  autosave (fixture, review->id, big->str);
  note_id = add_note (fixture, PATHWAYS_NOTE_WIN, tricky, "2026-02-02", NULL);

  fixture_close (fixture);
  fixture_open (fixture);
  fixture->person = pathways_store_lookup_person (fixture->store,
                                                  review->person_id);
  g_assert_nonnull (fixture->person);

  reopened = get_review (fixture, cycle_id);
  g_assert_cmpuint (strlen (reopened->body), ==, big->len);
  g_assert_cmpstr (reopened->body, ==, big->str);

  notes = pathways_store_list_notes (fixture->store, fixture->person, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((PathwaysNote *) g_ptr_array_index (notes, 0))->id, ==, note_id);
  g_assert_cmpstr (((PathwaysNote *) g_ptr_array_index (notes, 0))->body, ==, tricky);

  items = gather (fixture, "2026-01-01", "2026-04-30", NULL);
  g_assert_cmpstr (((PathwaysEvidenceItem *) g_ptr_array_index (items, 0))->text, ==, tricky);
  g_assert_cmpuint (pathways_review_mark_cited (items, reopened->body), ==, 1);

  exported = pathways_review_to_markdown (reopened, "Ada Lovelace");
  g_assert_nonnull (strstr (exported, tricky));
}

/* The export: a title line, the text without the template's prompts, nothing else. */
static void
test_export (void)
{
  PathwaysReview review = { 0, };
  g_autofree char *markdown = NULL;

  review.cycle_name = (char *) "January–April 2026";
  review.body = (char *) "## Summary\n"
                         "\n"
                         "<!-- How the cycle went, in two or three sentences. -->\n"
                         "\n"
                         "A strong cycle. <!-- keep --> Really.\n"
                         "\n"
                         "<!--\n"
                         "A prompt over two lines.\n"
                         "-->\n"
                         "\n"
                         "\n"
                         "## Wins and successes\n"
                         "\n"
                         "```html\n"
                         "<!-- a comment in code stays -->\n"
                         "\n"
                         "```\n"
                         "\n\n\n";

  markdown = pathways_review_to_markdown (&review, "Ada #1 Lovelace");
  g_assert_cmpstr (markdown, ==,
                   "# Performance review: Ada \\#1 Lovelace, January–April 2026\n"
                   "\n"
                   "## Summary\n"
                   "\n"
                   "A strong cycle. <!-- keep --> Really.\n"
                   "\n"
                   "## Wins and successes\n"
                   "\n"
                   "```html\n"
                   "<!-- a comment in code stays -->\n"
                   "\n"
                   "```\n");
  g_clear_pointer (&markdown, g_free);

  review.body = (char *) "";
  markdown = pathways_review_to_markdown (&review, "Ada Lovelace");
  g_assert_cmpstr (markdown, ==, "# Performance review: Ada Lovelace, January–April 2026\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/review/evidence/bullet", test_evidence_bullet);
  g_test_add_func ("/pathways/review/cited", test_cited);
  g_test_add_func ("/pathways/review/readiness", test_readiness);
  g_test_add_func ("/pathways/review/export", test_export);

#define ADD(name, func) \
  g_test_add ("/pathways/review/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("cycles/defaults", test_cycle_defaults);
  ADD ("cycles/validation", test_cycle_validation);
  ADD ("cycles/overlap", test_cycle_overlap);
  ADD ("cycles/current", test_cycle_current);
  ADD ("notes/log", test_notes_log);
  ADD ("evidence/window", test_evidence_window);
  ADD ("evidence/time-zone", test_evidence_time_zone);
  ADD ("evidence/private", test_evidence_private);
  ADD ("evidence/ratings", test_evidence_ratings);
  ADD ("ladder-section", test_ladder_section);
  ADD ("template", test_template);
  ADD ("reviews", test_reviews);
  ADD ("revisions", test_revisions);
  ADD ("round-trip", test_round_trip);

#undef ADD

  return g_test_run ();
}
