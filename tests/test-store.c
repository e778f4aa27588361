/* test-store.c: tests for people and the store — the shared objects and the sorted list the
 * Team area shows, validation, archive, delete with undo, level history, ladder ratings and
 * evidence, the sample team, and that everything survives a restart.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pathways-db.h"
#include "pathways-store.h"
#include "pathways-test-util.h"

/* ---- fixture: a store on a new database in a temporary folder ---- */

typedef struct
{
  char          *dir;
  char          *path;
  PathwaysDb    *db;
  PathwaysStore *store;
  GListModel    *people;
} Fixture;

static void
fixture_open (Fixture *fixture)
{
  fixture->store = pathways_test_open_store (fixture->path, &fixture->db);
  fixture->people = pathways_store_get_people (fixture->store);
}

/* Closes everything, checking nothing keeps the store or the database alive. */
static void
fixture_close (Fixture *fixture)
{
  fixture->people = NULL;
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_finalize_object (g_steal_pointer (&fixture->db));
}

/* What a restart does. */
static void
fixture_reopen (Fixture *fixture)
{
  fixture_close (fixture);
  fixture_open (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pathways_test_make_temp_dir ("store");
  fixture->path = g_build_filename (fixture->dir, "pathways.sqlite", NULL);
  fixture_open (fixture);
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

static PathwaysPerson *
add (Fixture    *fixture,
     const char *name)
{
  g_autoptr(PathwaysPerson) person = pathways_person_new (name);
  g_autoptr(GError) error = NULL;
  PathwaysPerson *stored;

  stored = pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_true (stored == person);

  return stored;
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result;

  g_assert_cmpint (sqlite3_prepare_v2 (pathways_db_get_handle (fixture->db), sql, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return result;
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (pathways_db_get_handle (fixture->db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The names in the list, in its order, comma-separated: what the sidebar shows. */
static char *
list_names (Fixture *fixture)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (fixture->people); i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (fixture->people, i);

      if (i > 0)
        g_string_append_c (names, ',');
      g_string_append (names, pathways_person_get_name (person));
    }

  return g_string_free (names, FALSE);
}

#define assert_names(fixture, expected) \
  G_STMT_START { \
    g_autofree char *names_ = list_names (fixture); \
    g_assert_cmpstr (names_, ==, expected); \
  } G_STMT_END

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* ---- people ---- */

static void
test_person_properties (void)
{
  g_autoptr(PathwaysPerson) person = pathways_person_new ("Ada");
  g_autofree char *initials = NULL;
  guint name_notifies = 0;
  guint initials_notifies = 0;
  guint title_notifies = 0;
  g_autofree char *title = NULL;

  g_signal_connect (person, "notify::name", G_CALLBACK (count_notify), &name_notifies);
  g_signal_connect (person, "notify::initials", G_CALLBACK (count_notify), &initials_notifies);
  g_signal_connect (person, "notify::title", G_CALLBACK (count_notify), &title_notifies);

  g_assert_cmpint (pathways_person_get_id (person), ==, 0);
  g_assert_cmpuint (pathways_person_get_cadence_weeks (person), ==, 1);
  g_assert_cmpuint (pathways_person_get_meeting_weekday (person), ==, 0);
  g_assert_cmpstr (pathways_person_get_notes (person), ==, "");
  g_assert_null (pathways_person_get_pronouns (person));
  g_assert_false (pathways_person_get_archived (person));

  /* Setters notify only on change. */
  pathways_person_set_name (person, "Ada");
  g_assert_cmpuint (name_notifies, ==, 0);
  pathways_person_set_name (person, "Ada Lovelace");
  g_assert_cmpuint (name_notifies, ==, 1);
  g_assert_cmpuint (initials_notifies, ==, 1);
  initials = pathways_person_dup_initials (person);
  g_assert_cmpstr (initials, ==, "AL");

  /* A different name with the same initials: the avatar needn't redraw. */
  pathways_person_set_name (person, "Ada Lee");
  g_assert_cmpuint (name_notifies, ==, 2);
  g_assert_cmpuint (initials_notifies, ==, 1);

  /* Empty optional text is "none". */
  pathways_person_set_title (person, "Engineer");
  pathways_person_set_title (person, "Engineer");
  g_assert_cmpuint (title_notifies, ==, 1);
  pathways_person_set_title (person, "");
  g_assert_null (pathways_person_get_title (person));
  g_assert_cmpuint (title_notifies, ==, 2);
  pathways_person_set_title (person, NULL);
  g_assert_cmpuint (title_notifies, ==, 2);
  pathways_person_set_notes (person, NULL);
  g_assert_cmpstr (pathways_person_get_notes (person), ==, "");

  /* Through GObject, as bindings do. */
  g_object_set (person, "title", "Staff Engineer", "cadence-weeks", 2, NULL);
  g_object_get (person, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Staff Engineer");
  g_assert_cmpuint (pathways_person_get_cadence_weeks (person), ==, 2);
}

static void
test_person_initials (void)
{
  static const struct { const char *name; const char *initials; } cases[] = {
    { "Ada Lovelace", "AL" },
    { "Ada", "A" },
    { "", "?" },
    { "   ", "?" },
    { "ada lovelace", "AL" },
    { "  Émile   Zola  ", "ÉZ" },
    { "E\xcc\x81mile Zola", "ÉZ" },  /* the accent typed as a combining mark */
    { "Jean-Luc Picard", "JP" },
    { "María José García López", "ML" },
    { "(Sam) O'Neil", "SO" },
    { "李小龙", "李" },
    { "Александра Петрова", "АП" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PathwaysPerson) person = pathways_person_new (cases[i].name);
      g_autofree char *initials = pathways_person_dup_initials (person);
      g_autofree char *property = NULL;

      g_object_get (person, "initials", &property, NULL);
      g_assert_cmpstr (initials, ==, cases[i].initials);
      g_assert_cmpstr (property, ==, cases[i].initials);
    }
}

static void
test_dates_and_times (void)
{
  g_assert_true (pathways_date_is_valid ("2024-02-29"));
  g_assert_true (pathways_date_is_valid ("2026-12-31"));
  g_assert_false (pathways_date_is_valid ("2026-02-30"));
  g_assert_false (pathways_date_is_valid ("2025-02-29"));
  g_assert_false (pathways_date_is_valid ("2026-13-01"));
  g_assert_false (pathways_date_is_valid ("2026-00-10"));
  g_assert_false (pathways_date_is_valid ("2026-1-5"));
  g_assert_false (pathways_date_is_valid ("20260105"));
  g_assert_false (pathways_date_is_valid ("0000-01-01"));
  g_assert_false (pathways_date_is_valid ("yesterday"));
  g_assert_false (pathways_date_is_valid (""));
  g_assert_false (pathways_date_is_valid (NULL));

  g_assert_true (pathways_time_is_valid ("00:00"));
  g_assert_true (pathways_time_is_valid ("09:30"));
  g_assert_true (pathways_time_is_valid ("23:59"));
  g_assert_false (pathways_time_is_valid ("24:00"));
  g_assert_false (pathways_time_is_valid ("25:00"));
  g_assert_false (pathways_time_is_valid ("12:60"));
  g_assert_false (pathways_time_is_valid ("9:30"));
  g_assert_false (pathways_time_is_valid ("09:30:00"));
  g_assert_false (pathways_time_is_valid ("ab:cd"));
  g_assert_false (pathways_time_is_valid (NULL));
}

/* ---- the store ---- */

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(PathwaysPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysPerson *stored;
  PathwaysPerson *reloaded;
  ItemsChanged changed = { 0, };
  gint64 id;

  g_signal_connect (fixture->people, "items-changed", G_CALLBACK (on_items_changed), &changed);

  person = g_object_new (PATHWAYS_TYPE_PERSON,
                         "name", "Ada Lovelace",
                         "pronouns", "she/her",
                         "title", "Senior Engineer",
                         "ladder-path", "Software Engineer",
                         "level", "Senior Engineer (IC 4)",
                         "start-date", "2021-03-01",
                         "cadence-weeks", 2,
                         "meeting-weekday", G_DATE_TUESDAY,
                         "meeting-time", "10:30",
                         "skip-level", TRUE,
                         "notes", "Likes analytical engines",
                         NULL);
  stored = pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_true (stored == person);

  id = pathways_person_get_id (person);
  g_assert_cmpint (id, >, 0);
  g_assert_true (pathways_store_lookup_person (fixture->store, id) == person);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  assert_names (fixture, "Ada Lovelace");

  g_signal_handlers_disconnect_by_data (fixture->people, &changed);
  fixture_reopen (fixture);

  reloaded = pathways_store_lookup_person (fixture->store, id);
  g_assert_nonnull (reloaded);
  g_assert_cmpstr (pathways_person_get_name (reloaded), ==, "Ada Lovelace");
  g_assert_cmpstr (pathways_person_get_pronouns (reloaded), ==, "she/her");
  g_assert_cmpstr (pathways_person_get_title (reloaded), ==, "Senior Engineer");
  g_assert_cmpstr (pathways_person_get_ladder_path (reloaded), ==, "Software Engineer");
  g_assert_cmpstr (pathways_person_get_level (reloaded), ==, "Senior Engineer (IC 4)");
  g_assert_cmpstr (pathways_person_get_start_date (reloaded), ==, "2021-03-01");
  g_assert_cmpuint (pathways_person_get_cadence_weeks (reloaded), ==, 2);
  g_assert_cmpuint (pathways_person_get_meeting_weekday (reloaded), ==, G_DATE_TUESDAY);
  g_assert_cmpstr (pathways_person_get_meeting_time (reloaded), ==, "10:30");
  g_assert_true (pathways_person_get_skip_level (reloaded));
  g_assert_cmpstr (pathways_person_get_notes (reloaded), ==, "Likes analytical engines");
  g_assert_false (pathways_person_get_archived (reloaded));

  /* Their level is the first entry of their history, from their start date. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM level_history"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT effective_date = '2021-03-01' FROM level_history"),
                   ==, 1);
}

/* One object per person: every view of Ada shows the same Ada. */
static void
test_one_object_per_person (Fixture       *fixture,
                            gconstpointer  data)
{
  PathwaysPerson *ada = add (fixture, "Ada");
  g_autoptr(PathwaysPerson) item = NULL;
  gint64 id = pathways_person_get_id (ada);

  add (fixture, "Grace");
  g_assert_true (pathways_store_lookup_person (fixture->store, id) ==
                 pathways_store_lookup_person (fixture->store, id));
  item = g_list_model_get_item (fixture->people, 0);
  g_assert_true (item == pathways_store_lookup_person (fixture->store, id));
  g_assert_null (pathways_store_lookup_person (fixture->store, 9999));

  fixture_reopen (fixture);
  g_clear_object (&item);
  item = g_list_model_get_item (fixture->people, 0);
  g_assert_true (item == pathways_store_lookup_person (fixture->store, id));
}

static void
test_sorted (Fixture       *fixture,
             gconstpointer  data)
{
  add (fixture, "charlie");
  add (fixture, "Alice");
  add (fixture, "bob");
  add (fixture, "  Dora");
  add (fixture, "Bob");

  /* Case doesn't matter; same names keep the order they were added in. */
  assert_names (fixture, "Alice,bob,Bob,charlie,  Dora");

  fixture_reopen (fixture);
  assert_names (fixture, "Alice,bob,Bob,charlie,Dora");
}

/* A rename moves the person to their new place with one items-changed over the rows in
 * between, and stays put when the place doesn't change. */
static void
test_rename_resorts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PathwaysPerson *alice = add (fixture, "Alice");
  PathwaysPerson *charlie;
  ItemsChanged changed = { 0, };

  add (fixture, "Bob");
  charlie = add (fixture, "Charlie");
  add (fixture, "Dora");
  g_signal_connect (fixture->people, "items-changed", G_CALLBACK (on_items_changed), &changed);

  pathways_person_set_name (alice, "Eve");
  g_assert_true (pathways_store_save_person (fixture->store, alice, &error));
  g_assert_no_error (error);
  assert_names (fixture, "Bob,Charlie,Dora,Eve");
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 4);
  g_assert_cmpuint (changed.added, ==, 4);

  pathways_person_set_name (charlie, "Chris");
  g_assert_true (pathways_store_save_person (fixture->store, charlie, &error));
  assert_names (fixture, "Bob,Chris,Dora,Eve");
  g_assert_cmpuint (changed.count, ==, 1);

  pathways_person_set_name (charlie, "Dylan");
  g_assert_true (pathways_store_save_person (fixture->store, charlie, &error));
  assert_names (fixture, "Bob,Dora,Dylan,Eve");
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 2);
  g_assert_cmpuint (changed.added, ==, 2);

  pathways_person_set_name (alice, "Aaron");
  g_assert_true (pathways_store_save_person (fixture->store, alice, &error));
  assert_names (fixture, "Aaron,Bob,Dora,Dylan");
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 4);

  g_signal_handlers_disconnect_by_data (fixture->people, &changed);
  fixture_reopen (fixture);
  assert_names (fixture, "Aaron,Bob,Dora,Dylan");
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PathwaysPerson *person = add (fixture, "Grace Hopper");
  gint64 id = pathways_person_get_id (person);

  pathways_person_set_title (person, "  Rear Admiral ");
  pathways_person_set_pronouns (person, "she/her");
  pathways_person_set_start_date (person, "1943-12-01");
  pathways_person_set_cadence_weeks (person, 52);
  pathways_person_set_meeting_weekday (person, G_DATE_SUNDAY);
  pathways_person_set_meeting_time (person, "23:59");
  pathways_person_set_notes (person, "Found a moth.\nSecond line.");
  g_assert_true (pathways_store_save_person (fixture->store, person, &error));
  g_assert_no_error (error);

  fixture_reopen (fixture);
  person = pathways_store_lookup_person (fixture->store, id);
  g_assert_cmpstr (pathways_person_get_title (person), ==, "Rear Admiral");
  g_assert_cmpstr (pathways_person_get_pronouns (person), ==, "she/her");
  g_assert_cmpstr (pathways_person_get_start_date (person), ==, "1943-12-01");
  g_assert_cmpuint (pathways_person_get_cadence_weeks (person), ==, 52);
  g_assert_cmpuint (pathways_person_get_meeting_weekday (person), ==, G_DATE_SUNDAY);
  g_assert_cmpstr (pathways_person_get_meeting_time (person), ==, "23:59");
  g_assert_cmpstr (pathways_person_get_notes (person), ==, "Found a moth.\nSecond line.");

  /* Clearing a field clears it in the file too. */
  pathways_person_set_pronouns (person, "");
  pathways_person_set_meeting_weekday (person, 0);
  pathways_person_set_meeting_time (person, NULL);
  g_assert_true (pathways_store_save_person (fixture->store, person, &error));
  fixture_reopen (fixture);
  person = pathways_store_lookup_person (fixture->store, id);
  g_assert_null (pathways_person_get_pronouns (person));
  g_assert_cmpuint (pathways_person_get_meeting_weekday (person), ==, 0);
  g_assert_null (pathways_person_get_meeting_time (person));
}

/* Each refusal has a message that names the problem, and nothing is written. */
static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    const char *property;
    const char *text;
    guint       number;
    const char *in_message;
  } cases[] = {
    { "name", "", 0, "name" },
    { "name", "   ", 0, "name" },
    { "start-date", "2026-02-30", 0, "2026-02-30" },
    { "start-date", "next week", 0, "next week" },
    { "meeting-time", "25:00", 0, "25:00" },
    { "meeting-time", "9.30", 0, "9.30" },
    { "cadence-weeks", NULL, 0, "52" },
    { "cadence-weeks", NULL, 53, "53" },
  };
  g_autoptr(GError) error = NULL;
  PathwaysPerson *saved = add (fixture, "Saved Person");
  gint64 id = pathways_person_get_id (saved);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PathwaysPerson) person = pathways_person_new ("Valid Name");

      if (g_str_equal (cases[i].property, "name"))
        pathways_person_set_name (person, cases[i].text);
      else if (g_str_equal (cases[i].property, "start-date"))
        pathways_person_set_start_date (person, cases[i].text);
      else if (g_str_equal (cases[i].property, "meeting-time"))
        pathways_person_set_meeting_time (person, cases[i].text);
      else
        pathways_person_set_cadence_weeks (person, cases[i].number);

      g_assert_null (pathways_store_add_person (fixture->store, person, &error));
      g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
      g_test_message ("%s: %s", cases[i].property, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_assert_cmpint (pathways_person_get_id (person), ==, 0);
      g_clear_error (&error);
    }

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->people), ==, 1);

  /* Saving a stored person checks the same things and leaves the file as it was. */
  pathways_person_set_start_date (saved, "2025-02-29");
  g_assert_false (pathways_store_save_person (fixture->store, saved, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  fixture_reopen (fixture);
  saved = pathways_store_lookup_person (fixture->store, id);
  g_assert_null (pathways_person_get_start_date (saved));
}

static void
test_archive (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PathwaysPerson *person = add (fixture, "Ada");
  gint64 id = pathways_person_get_id (person);
  guint notifies = 0;

  g_signal_connect (person, "notify::archived", G_CALLBACK (count_notify), &notifies);
  g_assert_true (pathways_store_set_archived (fixture->store, person, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (pathways_person_get_archived (person));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (pathways_store_set_archived (fixture->store, person, TRUE, &error));
  g_assert_cmpuint (notifies, ==, 1);

  /* Archived people stay in the list; the sidebar filters them. */
  g_assert_cmpuint (g_list_model_get_n_items (fixture->people), ==, 1);
  g_signal_handlers_disconnect_by_data (person, &notifies);

  fixture_reopen (fixture);
  person = pathways_store_lookup_person (fixture->store, id);
  g_assert_true (pathways_person_get_archived (person));

  g_assert_true (pathways_store_set_archived (fixture->store, person, FALSE, &error));
  fixture_reopen (fixture);
  person = pathways_store_lookup_person (fixture->store, id);
  g_assert_false (pathways_person_get_archived (person));
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysPerson) item = NULL;
  PathwaysPerson *bob;
  ItemsChanged changed = { 0, };
  gint64 id;

  add (fixture, "Alice");
  bob = add (fixture, "Bob");
  add (fixture, "Charlie");
  id = pathways_person_get_id (bob);
  g_signal_connect (fixture->people, "items-changed", G_CALLBACK (on_items_changed), &changed);

  g_assert_true (pathways_store_delete_person (fixture->store, bob, &error));
  g_assert_no_error (error);
  assert_names (fixture, "Alice,Charlie");
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_null (pathways_store_lookup_person (fixture->store, id));

  /* Undo: the same object, back in its place. */
  g_assert_true (pathways_store_undelete_person (fixture->store, id, &error));
  g_assert_no_error (error);
  assert_names (fixture, "Alice,Bob,Charlie");
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  item = g_list_model_get_item (fixture->people, 1);
  g_assert_true (item == bob);
  g_assert_true (pathways_store_lookup_person (fixture->store, id) == bob);
  g_signal_handlers_disconnect_by_data (fixture->people, &changed);

  /* An undone delete leaves nothing behind to purge. */
  g_assert_true (pathways_store_purge_deleted (fixture->store, &error));
  fixture_reopen (fixture);
  assert_names (fixture, "Alice,Bob,Charlie");

  g_assert_false (pathways_store_undelete_person (fixture->store, 12345, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_survives_restart (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PathwaysPerson *bob;

  add (fixture, "Alice");
  bob = add (fixture, "Bob");
  g_assert_true (pathways_store_delete_person (fixture->store, bob, &error));

  /* Deleted but not yet purged (the app quit before the next start): still hidden. */
  fixture_reopen (fixture);
  assert_names (fixture, "Alice");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM person"), ==, 2);
}

/* Purging removes the rows and everything that hangs off them. */
static void
test_purge_cascades (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysPerson) leaving = NULL;
  g_autofree char *sql = NULL;
  PathwaysPerson *staying = add (fixture, "Staying");
  gint64 id;

  leaving = g_object_new (PATHWAYS_TYPE_PERSON, "name", "Leaving", "ladder-path", "Technical Path",
                          "level", "T5 - Staff Engineer", NULL);
  pathways_store_add_person (fixture->store, leaving, &error);
  g_assert_no_error (error);
  id = pathways_person_get_id (leaving);
  g_assert_true (pathways_store_change_level (fixture->store, leaving, "Technical Path",
                                              "T6 - Senior Staff Engineer", "2025-01-01",
                                              &error));
  sql = g_strdup_printf ("INSERT INTO note (person_id, body) VALUES (%" G_GINT64_FORMAT ", 'x');"
                         "INSERT INTO meeting (id, person_id, scheduled_at)"
                         "  VALUES (1, %" G_GINT64_FORMAT ", '2025-01-01T10:00:00Z');"
                         "INSERT INTO agenda_item (meeting_id, person_id, body)"
                         "  VALUES (1, %" G_GINT64_FORMAT ", 'y');",
                         id, id, id);
  exec_sql (fixture, sql);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM level_history"), ==, 2);

  g_assert_true (pathways_store_delete_person (fixture->store, leaving, &error));
  g_assert_true (pathways_store_purge_deleted (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM level_history"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM note"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM meeting"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM agenda_item"), ==, 0);

  /* Gone for good: no undo after a purge. */
  g_assert_false (pathways_store_undelete_person (fixture->store, id, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
  g_assert_true (pathways_store_lookup_person (fixture->store,
                                               pathways_person_get_id (staying)) == staying);
}

static void
test_count_records (Fixture       *fixture,
                    gconstpointer  data)
{
  PathwaysPerson *busy = add (fixture, "Busy");
  PathwaysPerson *new_hire = add (fixture, "New Hire");
  g_autoptr(GString) sql = g_string_new (
    "INSERT INTO note (person_id, body) VALUES (BUSY, 'a'), (BUSY, 'b');"
    "INSERT INTO meeting (id, person_id, scheduled_at) VALUES (7, BUSY, '2025-01-01T10:00:00Z');"
    "INSERT INTO agenda_item (meeting_id, person_id, body) VALUES (7, BUSY, 'c');"
    "INSERT INTO action_item (person_id, body) VALUES (BUSY, 'd');"
    "INSERT INTO ladder_assessment (person_id, expectation_key, rating, expectation_text)"
    "  VALUES (BUSY, 'k', 'sometimes', 'e');"
    "INSERT INTO ladder_evidence (person_id, expectation_key, expectation_text, body)"
    "  VALUES (BUSY, 'k', 'e', 'f');"
    "INSERT INTO review_cycle (id, name, starts_on, ends_on)"
    "  VALUES (1, 'H1', '2025-01-01', '2025-06-30');"
    "INSERT INTO review (person_id, cycle_id) VALUES (BUSY, 1);");

  g_string_replace (sql, "BUSY", "(SELECT id FROM person WHERE name = 'Busy')", 0);
  exec_sql (fixture, sql->str);

  g_assert_cmpuint (pathways_store_count_records (fixture->store, busy), ==, 8);
  g_assert_cmpuint (pathways_store_count_records (fixture->store, new_hire), ==, 0);
}

static void
test_level_history (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PathwaysPerson) person = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysLevelChange *change;
  guint notifies = 0;
  gint64 id;

  person = g_object_new (PATHWAYS_TYPE_PERSON,
                         "name", "Mateo",
                         "ladder-path", "Software Engineer",
                         "level", "Engineer I (IC 2)",
                         "start-date", "2021-09-06",
                         NULL);
  pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);
  id = pathways_person_get_id (person);
  g_signal_connect (person, "notify::level", G_CALLBACK (count_notify), &notifies);

  /* A promotion becomes the current level. */
  g_assert_true (pathways_store_change_level (fixture->store, person, "Software Engineer",
                                              "Engineer II (IC 3)", "2023-09-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pathways_person_get_level (person), ==, "Engineer II (IC 3)");
  g_assert_cmpuint (notifies, ==, 1);

  /* A back-dated entry fills in the history without changing the current level. */
  g_assert_true (pathways_store_change_level (fixture->store, person, "Software Engineer",
                                              "Engineer I (IC 2), second band", "2022-06-01",
                                              &error));
  g_assert_cmpstr (pathways_person_get_level (person), ==, "Engineer II (IC 3)");
  g_assert_cmpuint (notifies, ==, 1);

  /* A change of path. */
  g_assert_true (pathways_store_change_level (fixture->store, person, "Management Path",
                                              "Team Lead / Senior Engineer (Manager 4 / IC 4)",
                                              "2025-02-01", &error));
  g_assert_cmpstr (pathways_person_get_ladder_path (person), ==, "Management Path");

  /* Refused: no level, or no real date. */
  g_assert_false (pathways_store_change_level (fixture->store, person, "Software Engineer",
                                               "  ", "2025-03-01", &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pathways_store_change_level (fixture->store, person, "Software Engineer",
                                               "Senior Engineer (IC 4)", "2025-02-30", &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pathways_store_change_level (fixture->store, person, "Software Engineer",
                                               "Senior Engineer (IC 4)", "", &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  history = pathways_store_list_level_history (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpstr (change->effective_date, ==, "2025-02-01");
  g_assert_cmpstr (change->ladder_path, ==, "Management Path");
  g_assert_cmpstr (((PathwaysLevelChange *) g_ptr_array_index (history, 1))->effective_date, ==,
                   "2023-09-01");
  g_assert_cmpstr (((PathwaysLevelChange *) g_ptr_array_index (history, 2))->effective_date, ==,
                   "2022-06-01");
  change = g_ptr_array_index (history, 3);
  g_assert_cmpstr (change->effective_date, ==, "2021-09-06");
  g_assert_cmpstr (change->level, ==, "Engineer I (IC 2)");
  g_assert_cmpint (change->id, >, 0);
  g_signal_handlers_disconnect_by_data (person, &notifies);
  g_clear_object (&person);

  fixture_reopen (fixture);
  g_assert_cmpstr (pathways_person_get_level (pathways_store_lookup_person (fixture->store, id)),
                   ==, "Team Lead / Senior Engineer (Manager 4 / IC 4)");
}

/* Without a start date, the first level counts from the day the person was added. */
static void
test_first_level_dated_today (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PathwaysPerson) person = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  person = g_object_new (PATHWAYS_TYPE_PERSON, "name", "Kenji", "level", "Apprentice (IC 1)",
                         NULL);
  pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);

  history = pathways_store_list_level_history (fixture->store, person, &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((PathwaysLevelChange *) g_ptr_array_index (history, 0))->effective_date, ==,
                   today);
  g_assert_null (((PathwaysLevelChange *) g_ptr_array_index (history, 0))->ladder_path);

  /* Nobody without a level gets a history entry. */
  add (fixture, "No Level Yet");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM level_history"), ==, 1);
}

static void
test_sample_team (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_skip_level = 0;
  guint n_promoted = 0;
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cadences = g_hash_table_new (NULL, NULL);

  g_assert_true (pathways_store_load_sample_team (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->people), ==, 6);

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (fixture->people, i);
      g_autoptr(GPtrArray) history = NULL;

      g_assert_cmpint (pathways_person_get_id (person), >, 0);
      g_assert_nonnull (pathways_person_get_title (person));
      g_assert_nonnull (pathways_person_get_ladder_path (person));
      g_assert_nonnull (pathways_person_get_level (person));
      g_assert_true (pathways_date_is_valid (pathways_person_get_start_date (person)));
      g_assert_true (pathways_time_is_valid (pathways_person_get_meeting_time (person)));
      g_assert_cmpuint (pathways_person_get_meeting_weekday (person), >=, 1);
      g_assert_cmpstr (pathways_person_get_notes (person), !=, "");
      g_hash_table_add (paths, (gpointer) pathways_person_get_ladder_path (person));
      g_hash_table_add (cadences, GUINT_TO_POINTER (pathways_person_get_cadence_weeks (person)));
      if (pathways_person_get_skip_level (person))
        n_skip_level++;

      /* The current level is the newest entry of the history. */
      history = pathways_store_list_level_history (fixture->store, person, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (history->len, >=, 1);
      g_assert_cmpstr (((PathwaysLevelChange *) g_ptr_array_index (history, 0))->level, ==,
                       pathways_person_get_level (person));
      if (history->len > 1)
        n_promoted++;
    }

  g_assert_cmpuint (n_skip_level, ==, 1);
  g_assert_cmpuint (n_promoted, >=, 2);
  g_assert_cmpuint (g_hash_table_size (paths), ==, 3);
  g_assert_cmpuint (g_hash_table_size (cadences), >=, 2);
  g_assert_true (g_hash_table_contains (paths, "Software Engineer"));
  g_assert_true (g_hash_table_contains (paths, "Technical Path"));
  g_assert_true (g_hash_table_contains (paths, "Management Path"));
  g_hash_table_remove_all (paths);

  fixture_reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->people), ==, 6);
}

/* ---- ladder tracking ---- */

static void
test_target_level (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PathwaysPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *level = NULL;
  guint path_notifies = 0;
  guint level_notifies = 0;
  gint64 id;

  /* Set at creation, through GObject, as the add dialog does. */
  person = g_object_new (PATHWAYS_TYPE_PERSON,
                         "name", "Noor",
                         "ladder-path", "Software Engineer",
                         "level", "Senior Engineer (IC 4)",
                         "target-path", "Management Path",
                         "target-level", " Team Lead / Senior Engineer (Manager 4 / IC 4) ",
                         NULL);
  pathways_store_add_person (fixture->store, person, &error);
  g_assert_no_error (error);
  id = pathways_person_get_id (person);
  g_clear_object (&person);

  fixture_reopen (fixture);
  person = g_object_ref (pathways_store_lookup_person (fixture->store, id));
  g_assert_cmpstr (pathways_person_get_target_path (person), ==, "Management Path");
  g_assert_cmpstr (pathways_person_get_target_level (person), ==,
                   "Team Lead / Senior Engineer (Manager 4 / IC 4)");

  /* Setters notify only on change; empty is "no target": the next level on their path. */
  g_signal_connect (person, "notify::target-path", G_CALLBACK (count_notify), &path_notifies);
  g_signal_connect (person, "notify::target-level", G_CALLBACK (count_notify),
                    &level_notifies);
  pathways_person_set_target_path (person, "Management Path");
  g_assert_cmpuint (path_notifies, ==, 0);
  pathways_person_set_target_path (person, "");
  g_assert_null (pathways_person_get_target_path (person));
  g_assert_cmpuint (path_notifies, ==, 1);
  g_object_set (person, "target-level", "Staff Engineer", NULL);
  g_object_get (person, "target-level", &level, NULL);
  g_assert_cmpstr (level, ==, "Staff Engineer");
  g_assert_cmpuint (level_notifies, ==, 1);
  g_assert_true (pathways_store_save_person (fixture->store, person, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (person, &path_notifies);
  g_signal_handlers_disconnect_by_data (person, &level_notifies);
  g_clear_object (&person);

  fixture_reopen (fixture);
  person = g_object_ref (pathways_store_lookup_person (fixture->store, id));
  g_assert_null (pathways_person_get_target_path (person));
  g_assert_cmpstr (pathways_person_get_target_level (person), ==, "Staff Engineer");
  /* The current level is untouched by the target. */
  g_assert_cmpstr (pathways_person_get_level (person), ==, "Senior Engineer (IC 4)");
}

static PathwaysRatingState *
history_at (GPtrArray *history,
            guint      index)
{
  g_assert_cmpuint (index, <, history->len);

  return g_ptr_array_index (history, index);
}

static void
rate (Fixture        *fixture,
      PathwaysPerson *person,
      const char     *key,
      PathwaysRating  rating,
      const char     *rated_on)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("Text of %s", key);

  g_assert_true (pathways_store_rate (fixture->store, person, key, rating, text, rated_on,
                                      &error));
  g_assert_no_error (error);
}

static void
test_rating_history (Fixture       *fixture,
                     gconstpointer  data)
{
  PathwaysPerson *person = add (fixture, "Mateo");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) ratings = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysRatingState *state;

  rate (fixture, person, "se/ic3/impact", PATHWAYS_RATING_NOT_YET, "2026-01-10");
  rate (fixture, person, "se/ic3/impact", PATHWAYS_RATING_CONSISTENTLY, "2026-03-01");
  /* Back-dated: recorded last, but older than the rating above. */
  g_assert_true (pathways_store_rate (fixture->store, person, "se/ic3/impact",
                                      PATHWAYS_RATING_SOMETIMES, "Delivers features, edited",
                                      "2026-02-01", &error));
  g_assert_no_error (error);
  rate (fixture, person, "se/ic3/review", PATHWAYS_RATING_SOMETIMES, "2026-01-05");

  /* Nothing overwritten: every rating is in the history, newest first. */
  history = pathways_store_list_rating_history (fixture->store, person, "se/ic3/impact",
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (history_at (history, 0)->rated_on, ==, "2026-03-01");
  g_assert_cmpint (history_at (history, 0)->rating, ==, PATHWAYS_RATING_CONSISTENTLY);
  g_assert_cmpstr (history_at (history, 1)->rated_on, ==, "2026-02-01");
  g_assert_cmpint (history_at (history, 1)->rating, ==, PATHWAYS_RATING_SOMETIMES);
  g_assert_cmpstr (history_at (history, 1)->expectation_text, ==, "Delivers features, edited");
  g_assert_cmpstr (history_at (history, 2)->rated_on, ==, "2026-01-10");
  g_assert_cmpint (history_at (history, 2)->rating, ==, PATHWAYS_RATING_NOT_YET);
  g_assert_cmpstr (history_at (history, 2)->key, ==, "se/ic3/impact");

  /* The current rating of each expectation is its newest. */
  ratings = pathways_store_dup_ratings (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ratings), ==, 2);
  state = g_hash_table_lookup (ratings, "se/ic3/impact");
  g_assert_nonnull (state);
  g_assert_cmpstr (state->key, ==, "se/ic3/impact");
  g_assert_cmpint (state->rating, ==, PATHWAYS_RATING_CONSISTENTLY);
  g_assert_cmpstr (state->rated_on, ==, "2026-03-01");
  g_assert_cmpstr (state->expectation_text, ==, "Text of se/ic3/impact");
  state = g_hash_table_lookup (ratings, "se/ic3/review");
  g_assert_cmpint (state->rating, ==, PATHWAYS_RATING_SOMETIMES);
  g_assert_null (state->consistently_since);
  g_clear_pointer (&ratings, g_hash_table_unref);

  /* Two ratings on one day: the one set later wins. */
  rate (fixture, person, "se/ic3/review", PATHWAYS_RATING_NOT_YET, "2026-01-05");
  ratings = pathways_store_dup_ratings (fixture->store, person, &error);
  state = g_hash_table_lookup (ratings, "se/ic3/review");
  g_assert_cmpint (state->rating, ==, PATHWAYS_RATING_NOT_YET);

  /* Someone never rated has no ratings, and no history. */
  g_clear_pointer (&ratings, g_hash_table_unref);
  g_clear_pointer (&history, g_ptr_array_unref);
  ratings = pathways_store_dup_ratings (fixture->store, add (fixture, "Kenji"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ratings), ==, 0);
  history = pathways_store_list_rating_history (fixture->store, person, "unknown", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
}

static const char *
consistently_since (Fixture        *fixture,
                    PathwaysPerson *person,
                    const char     *key,
                    char          **since)
{
  g_autoptr(GHashTable) ratings = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysRatingState *state;

  ratings = pathways_store_dup_ratings (fixture->store, person, &error);
  g_assert_no_error (error);
  state = g_hash_table_lookup (ratings, key);
  g_assert_nonnull (state);
  g_free (*since);
  *since = g_strdup (state->consistently_since);

  return *since;
}

/* "Sustained" counts from the first of an unbroken run of "consistently" ratings. */
static void
test_consistently_since (Fixture       *fixture,
                         gconstpointer  data)
{
  PathwaysPerson *person = add (fixture, "Amara");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  const char *key = "se/ic4/scope";

  rate (fixture, person, key, PATHWAYS_RATING_NOT_YET, "2026-01-10");
  g_assert_null (consistently_since (fixture, person, key, &since));
  rate (fixture, person, key, PATHWAYS_RATING_CONSISTENTLY, "2026-02-01");
  g_assert_cmpstr (consistently_since (fixture, person, key, &since), ==, "2026-02-01");
  rate (fixture, person, key, PATHWAYS_RATING_CONSISTENTLY, "2026-03-01");
  g_assert_cmpstr (consistently_since (fixture, person, key, &since), ==, "2026-02-01");

  /* The history says the same of each rating at its time. */
  history = pathways_store_list_rating_history (fixture->store, person, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (history_at (history, 0)->consistently_since, ==, "2026-02-01");
  g_assert_cmpstr (history_at (history, 1)->consistently_since, ==, "2026-02-01");
  g_assert_null (history_at (history, 2)->consistently_since);

  /* A step back breaks the run… */
  rate (fixture, person, key, PATHWAYS_RATING_SOMETIMES, "2026-04-01");
  g_assert_null (consistently_since (fixture, person, key, &since));

  /* …and the next run starts again from its own first rating. */
  rate (fixture, person, key, PATHWAYS_RATING_CONSISTENTLY, "2026-05-01");
  rate (fixture, person, key, PATHWAYS_RATING_CONSISTENTLY, "2026-06-01");
  g_assert_cmpstr (consistently_since (fixture, person, key, &since), ==, "2026-05-01");

  /* A back-dated "sometimes" inside the run breaks it where it falls. */
  rate (fixture, person, key, PATHWAYS_RATING_SOMETIMES, "2026-05-15");
  g_assert_cmpstr (consistently_since (fixture, person, key, &since), ==, "2026-06-01");
}

/* Each refusal says what is wrong, and nothing is written. */
static void
test_rating_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct {
    const char     *key;
    PathwaysRating  rating;
    const char     *rated_on;
    const char     *in_message;
  } cases[] = {
    { "k", PATHWAYS_RATING_NONE, "2026-01-10", "rating" },
    { "k", (PathwaysRating) 17, "2026-01-10", "rating" },
    { "k", PATHWAYS_RATING_SOMETIMES, "2026-02-30", "2026-02-30" },
    { "k", PATHWAYS_RATING_SOMETIMES, "last week", "last week" },
    { "k", PATHWAYS_RATING_SOMETIMES, "", "date" },
    { "k", PATHWAYS_RATING_SOMETIMES, NULL, "date" },
    { "", PATHWAYS_RATING_SOMETIMES, "2026-01-10", "expectation" },
    { "  ", PATHWAYS_RATING_SOMETIMES, "2026-01-10", "expectation" },
    { NULL, PATHWAYS_RATING_SOMETIMES, "2026-01-10", "expectation" },
  };
  PathwaysPerson *person = add (fixture, "Sione");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (pathways_store_rate (fixture->store, person, cases[i].key,
                                           cases[i].rating, "Text", cases[i].rated_on,
                                           &error));
      g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM ladder_assessment"), ==, 0);
}

static PathwaysEvidence *
evidence_at (GPtrArray *evidence,
             guint      index)
{
  g_assert_cmpuint (index, <, evidence->len);

  return g_ptr_array_index (evidence, index);
}

static void
test_evidence (Fixture       *fixture,
               gconstpointer  data)
{
  PathwaysPerson *person = add (fixture, "Priya");
  PathwaysPerson *other = add (fixture, "Someone Else");
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rfc, design, mentoring, same_day, elsewhere;

  rfc = pathways_store_add_evidence (fixture->store, person, "t5/direction", "Sets direction",
                                     "  Wrote the storage RFC https://example.com/rfc/12\n",
                                     "2026-02-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rfc, >, 0);
  design = pathways_store_add_evidence (fixture->store, person, "t5/direction",
                                        "Sets direction", "Led the design review",
                                        "2026-03-05", &error);
  g_assert_no_error (error);
  /* Added later but happened earlier. */
  mentoring = pathways_store_add_evidence (fixture->store, person, "t5/mentoring", NULL,
                                           "Mentored two engineers", "2026-01-20", &error);
  g_assert_no_error (error);
  same_day = pathways_store_add_evidence (fixture->store, person, "t5/direction",
                                          "Sets direction", "Followed up on the RFC",
                                          "2026-02-10", &error);
  g_assert_no_error (error);
  elsewhere = pathways_store_add_evidence (fixture->store, other, "t5/direction",
                                           "Sets direction", "Not Priya's", "2026-04-01",
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (elsewhere, >, same_day);

  /* One expectation's evidence: newest first, the later-added first on the same day. */
  evidence = pathways_store_list_evidence (fixture->store, person, "t5/direction", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 3);
  g_assert_cmpint (evidence_at (evidence, 0)->id, ==, design);
  g_assert_cmpint (evidence_at (evidence, 1)->id, ==, same_day);
  g_assert_cmpint (evidence_at (evidence, 2)->id, ==, rfc);
  g_assert_cmpstr (evidence_at (evidence, 2)->body, ==,
                   "Wrote the storage RFC https://example.com/rfc/12");
  g_assert_cmpstr (evidence_at (evidence, 2)->occurred_on, ==, "2026-02-10");
  g_assert_cmpstr (evidence_at (evidence, 2)->key, ==, "t5/direction");
  g_assert_cmpstr (evidence_at (evidence, 2)->expectation_text, ==, "Sets direction");
  g_clear_pointer (&evidence, g_ptr_array_unref);

  /* All of the person's evidence, and only theirs. */
  evidence = pathways_store_list_evidence (fixture->store, person, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 4);
  g_assert_cmpint (evidence_at (evidence, 0)->id, ==, design);
  g_assert_cmpint (evidence_at (evidence, 3)->id, ==, mentoring);
  g_assert_cmpstr (evidence_at (evidence, 3)->expectation_text, ==, "");
  g_clear_pointer (&evidence, g_ptr_array_unref);

  /* Deleting takes one piece away; deleting it again says it is gone. */
  g_assert_true (pathways_store_delete_evidence (fixture->store, same_day, &error));
  g_assert_no_error (error);
  g_assert_false (pathways_store_delete_evidence (fixture->store, same_day, &error));
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  evidence = pathways_store_list_evidence (fixture->store, person, "t5/direction", &error);
  g_assert_cmpuint (evidence->len, ==, 2);
  g_assert_cmpint (evidence_at (evidence, 0)->id, ==, design);
  g_assert_cmpint (evidence_at (evidence, 1)->id, ==, rfc);

  /* Refused: nothing to say, no real date, no expectation. Nothing is written. */
  g_assert_cmpint (pathways_store_add_evidence (fixture->store, person, "t5/direction", NULL,
                                                " \n\t", "2026-03-06", &error), ==, 0);
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pathways_store_add_evidence (fixture->store, person, "t5/direction", NULL,
                                                "Something", "2026-02-30", &error), ==, 0);
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_cmpint (pathways_store_add_evidence (fixture->store, person, "", NULL,
                                                "Something", "2026-03-06", &error), ==, 0);
  g_assert_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Priya's three, and the other person's one. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM ladder_evidence"), ==, 4);
}

/* Ratings and evidence are on disk: a restart finds them, and deleting the person counts
 * them. */
static void
test_ladder_survives_restart (Fixture       *fixture,
                              gconstpointer  data)
{
  PathwaysPerson *person = add (fixture, "Ada");
  g_autoptr(GHashTable) ratings = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysRatingState *state;
  gint64 id = pathways_person_get_id (person);
  gint64 evidence_id;

  rate (fixture, person, "k", PATHWAYS_RATING_SOMETIMES, "2026-01-10");
  rate (fixture, person, "k", PATHWAYS_RATING_CONSISTENTLY, "2026-02-01");
  evidence_id = pathways_store_add_evidence (fixture->store, person, "k", "Text of k",
                                             "Shipped it", "2026-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pathways_store_count_records (fixture->store, person), ==, 3);

  fixture_reopen (fixture);
  person = pathways_store_lookup_person (fixture->store, id);
  g_assert_nonnull (person);

  ratings = pathways_store_dup_ratings (fixture->store, person, &error);
  g_assert_no_error (error);
  state = g_hash_table_lookup (ratings, "k");
  g_assert_nonnull (state);
  g_assert_cmpint (state->rating, ==, PATHWAYS_RATING_CONSISTENTLY);
  g_assert_cmpstr (state->rated_on, ==, "2026-02-01");
  g_assert_cmpstr (state->consistently_since, ==, "2026-02-01");
  history = pathways_store_list_rating_history (fixture->store, person, "k", &error);
  g_assert_cmpuint (history->len, ==, 2);

  evidence = pathways_store_list_evidence (fixture->store, person, "k", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpint (evidence_at (evidence, 0)->id, ==, evidence_id);
  g_assert_cmpstr (evidence_at (evidence, 0)->body, ==, "Shipped it");
  g_assert_cmpuint (pathways_store_count_records (fixture->store, person), ==, 3);
}

/* A long-tracked person: thousands of ratings still give the right current state. */
static void
test_many_ratings (Fixture       *fixture,
                   gconstpointer  data)
{
  PathwaysPerson *person = add (fixture, "Veteran");
  g_autoptr(GHashTable) ratings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = NULL;
  PathwaysRatingState *state;

  /* 40 expectations rated daily for 100 days from 2020-01-01; expectation k steps back to
   * "sometimes" once, on day k. */
  sql = g_string_new ("WITH RECURSIVE day (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM day "
                      "                           WHERE n < 99),"
                      " expectation (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM expectation "
                      "                     WHERE k < 39) "
                      "INSERT INTO ladder_assessment (person_id, expectation_key, rating, "
                      "  expectation_text, rated_on) "
                      "SELECT PERSON, printf ('key-%02d', k), "
                      "  CASE WHEN n = k THEN 'sometimes' ELSE 'consistently' END, 'Text', "
                      "  date ('2020-01-01', '+' || n || ' days') "
                      "FROM day, expectation ORDER BY n, k");
  g_string_replace (sql, "PERSON", "(SELECT id FROM person WHERE name = 'Veteran')", 0);
  exec_sql (fixture, sql->str);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM ladder_assessment"), ==, 4000);

  ratings = pathways_store_dup_ratings (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ratings), ==, 40);
  state = g_hash_table_lookup (ratings, "key-05");
  g_assert_cmpint (state->rating, ==, PATHWAYS_RATING_CONSISTENTLY);
  g_assert_cmpstr (state->rated_on, ==, "2020-04-09");
  g_assert_cmpstr (state->consistently_since, ==, "2020-01-07");
  /* The last one stepped back on day 39, so its run began on day 40. */
  state = g_hash_table_lookup (ratings, "key-39");
  g_assert_cmpstr (state->consistently_since, ==, "2020-02-10");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/person/properties", test_person_properties);
  g_test_add_func ("/pathways/person/initials", test_person_initials);
  g_test_add_func ("/pathways/person/dates-and-times", test_dates_and_times);

#define ADD(path, func) \
  g_test_add ("/pathways/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add", test_add);
  ADD ("one-object-per-person", test_one_object_per_person);
  ADD ("sorted", test_sorted);
  ADD ("rename-resorts", test_rename_resorts);
  ADD ("save", test_save);
  ADD ("validation", test_validation);
  ADD ("archive", test_archive);
  ADD ("delete-undo", test_delete_undo);
  ADD ("delete-survives-restart", test_delete_survives_restart);
  ADD ("purge-cascades", test_purge_cascades);
  ADD ("count-records", test_count_records);
  ADD ("level-history", test_level_history);
  ADD ("first-level-dated-today", test_first_level_dated_today);
  ADD ("sample-team", test_sample_team);
  ADD ("target-level", test_target_level);
  ADD ("rating-history", test_rating_history);
  ADD ("consistently-since", test_consistently_since);
  ADD ("rating-validation", test_rating_validation);
  ADD ("evidence", test_evidence);
  ADD ("ladder-survives-restart", test_ladder_survives_restart);
  ADD ("many-ratings", test_many_ratings);

#undef ADD

  return g_test_run ();
}
