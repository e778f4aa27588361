/* test-db.c: tests for the database file — creating it safely, refusing damaged and newer
 * files without touching them, migrations from every earlier schema, and backups.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-db"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "pathways-db.h"
#include "pathways-search.h"
#include "pathways-store.h"
#include "pathways-test-util.h"

#define MIGRATIONS_PATH "/co/packback/Pathways/sql/"

/* ---- helpers ---- */

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gint64
file_mtime_ns (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);

  return (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

static gboolean
companion_exists (const char *path,
                  const char *suffix)
{
  g_autofree char *companion = g_strconcat (path, suffix, NULL);

  return g_file_test (companion, G_FILE_TEST_EXISTS);
}

/* What a person would notice if a refused file had been touched: its bytes, its time, or a
 * log file appearing beside it. */
typedef struct
{
  char   *checksum;
  gint64  mtime;
} FileState;

static FileState
file_state (const char *path)
{
  FileState state = { file_checksum (path), file_mtime_ns (path) };

  return state;
}

static void
assert_file_untouched (const char *path,
                       FileState  *before)
{
  g_autofree char *checksum = file_checksum (path);

  g_assert_cmpstr (checksum, ==, before->checksum);
  g_assert_cmpint (file_mtime_ns (path), ==, before->mtime);
  g_assert_false (companion_exists (path, "-wal"));
  g_assert_false (companion_exists (path, "-shm"));
  g_assert_false (companion_exists (path, "-journal"));
  g_free (before->checksum);
}

static void
exec_sql (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
query_int (sqlite3    *handle,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return result;
}

static char *
query_text (sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return result;
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *handle = NULL;

  /* Schema 3's triggers write to the search index, which needs its tokenizer. */
  pathways_search_init ();
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);

  return handle;
}

static void
close_raw (sqlite3 *handle)
{
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The migration files compiled into the core library, in order. */
static GStrv
list_migrations (void)
{
  g_autoptr(GError) error = NULL;
  GStrv names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, &error);

  g_assert_no_error (error);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  return names;
}

static char *
read_migration (const char *name)
{
  g_autofree char *path = g_strconcat (MIGRATIONS_PATH, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* Builds a database at schema @version by applying the migration files 1…@version, as an
 * older Pathways would have. */
static void
create_at_version (const char *path,
                   int         version)
{
  g_auto(GStrv) names = list_migrations ();
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *handle = open_raw (path);

  g_assert_cmpint (g_strv_length (names), >=, (guint) version);
  for (int i = 0; i < version; i++)
    {
      g_autofree char *sql = read_migration (names[i]);

      exec_sql (handle, sql);
    }
  exec_sql (handle, set_version);
  close_raw (handle);
}

/* Representative records as each schema version could hold them: when a migration changes
 * a table, its rows here must come through. Index = schema version. */
/* Version 2's records: version 1's and what 1-on-1 agendas added. */
#define FIXTURE_2 \
  "INSERT INTO person (id, name, pronouns, title, ladder_path, level, start_date," \
  "  cadence_weeks, meeting_weekday, meeting_time, is_skip_level, notes)" \
  "  VALUES (1, 'Ada Lovelace', 'she/her', 'Engineer', 'Software Engineer'," \
  "  'Engineer II (IC 3)', '2020-01-06', 2, 3, '10:30', 0, 'Likes analytical engines');" \
  "INSERT INTO person (id, name, archived_at)" \
  "  VALUES (2, 'Grace Hopper', '2024-01-01T00:00:00Z');" \
  "INSERT INTO level_history (person_id, ladder_path, level, effective_date)" \
  "  VALUES (1, 'Software Engineer', 'Engineer II (IC 3)', '2020-01-06');" \
  "INSERT INTO note (person_id, kind, body, occurred_on)" \
  "  VALUES (1, 'win', 'Shipped', '2024-02-01');" \
  "INSERT INTO meeting (id, person_id, scheduled_at, status, mood)" \
  "  VALUES (1, 1, '2024-02-05T10:30', 'held', 4);" \
  "INSERT INTO agenda_item (meeting_id, person_id, body, notes, topic_kind, topic_key)" \
  "  VALUES (1, 1, 'Career goals', 'Wants to lead', 'frequent', 'frequent/career growth');" \
  "INSERT INTO action_item (person_id, meeting_id, body, due_on, done_at, done_meeting_id)" \
  "  VALUES (1, 1, 'Write RFC', '2024-02-12', '2024-02-05T11:00:00Z', 1);" \
  "INSERT INTO ladder_assessment (person_id, expectation_key, rating, expectation_text)" \
  "  VALUES (1, 'software-engineer/engineer-ii/impact', 'consistently', 'Delivers features');" \
  "INSERT INTO ladder_evidence (person_id, expectation_key, expectation_text, body)" \
  "  VALUES (1, 'software-engineer/engineer-ii/impact', 'Delivers features', 'The RFC');" \
  "INSERT INTO review_cycle (id, name, starts_on, ends_on)" \
  "  VALUES (1, 'Spring', '2024-01-01', '2024-04-30');" \
  "INSERT INTO review (id, person_id, cycle_id, body) VALUES (1, 1, 1, 'Draft');" \
  "INSERT INTO review_revision (review_id, body) VALUES (1, 'Earlier draft');"

static const char * const version_fixtures[] = {
  NULL,  /* version 0: an empty file, as a first start left it */

  "INSERT INTO person (id, name, pronouns, title, ladder_path, level, start_date,"
  "  cadence_weeks, meeting_weekday, meeting_time, is_skip_level, notes)"
  "  VALUES (1, 'Ada Lovelace', 'she/her', 'Engineer', 'Software Engineer',"
  "  'Engineer II (IC 3)', '2020-01-06', 2, 3, '10:30', 0, 'Likes analytical engines');"
  "INSERT INTO person (id, name, archived_at)"
  "  VALUES (2, 'Grace Hopper', '2024-01-01T00:00:00Z');"
  "INSERT INTO level_history (person_id, ladder_path, level, effective_date)"
  "  VALUES (1, 'Software Engineer', 'Engineer II (IC 3)', '2020-01-06');"
  "INSERT INTO note (person_id, kind, body, occurred_on)"
  "  VALUES (1, 'win', 'Shipped', '2024-02-01');"
  "INSERT INTO meeting (id, person_id, scheduled_at) VALUES (1, 1, '2024-02-05T10:30:00Z');"
  "INSERT INTO agenda_item (meeting_id, person_id, body) VALUES (1, 1, 'Career goals');"
  "INSERT INTO action_item (person_id, meeting_id, body, due_on)"
  "  VALUES (1, 1, 'Write RFC', '2024-02-12');"
  "INSERT INTO ladder_assessment (person_id, expectation_key, rating, expectation_text)"
  "  VALUES (1, 'software-engineer/engineer-ii/impact', 'consistently', 'Delivers features');"
  "INSERT INTO ladder_evidence (person_id, expectation_key, expectation_text, body)"
  "  VALUES (1, 'software-engineer/engineer-ii/impact', 'Delivers features', 'The RFC');"
  "INSERT INTO review_cycle (id, name, starts_on, ends_on)"
  "  VALUES (1, 'Spring', '2024-01-01', '2024-04-30');"
  "INSERT INTO review (id, person_id, cycle_id, body) VALUES (1, 1, 1, 'Draft');"
  "INSERT INTO review_revision (review_id, body) VALUES (1, 'Earlier draft');",

  /* version 2: the same, and what 1-on-1 agendas added */
  FIXTURE_2,

  /* version 3: the same records; the search index follows them by itself */
  FIXTURE_2,
};

/* Checks the records of version_fixtures[@version] are all there. */
static void
assert_fixture_intact (sqlite3 *handle,
                       int      version)
{
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;

  if (version == 0)
    {
      g_assert_cmpint (query_int (handle, "SELECT count(*) FROM person"), ==, 0);
      return;
    }

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM person"), ==, 2);
  name = query_text (handle, "SELECT name FROM person WHERE id = 1");
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  notes = query_text (handle, "SELECT notes FROM person WHERE id = 1");
  g_assert_cmpstr (notes, ==, "Likes analytical engines");
  g_assert_cmpint (query_int (handle, "SELECT archived_at IS NOT NULL FROM person WHERE id = 2"),
                   ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM level_history"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM note"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM meeting"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM agenda_item"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM action_item"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM ladder_assessment"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM ladder_evidence"), ==, 1);

  /* Records from before schema 3 are searchable after it, and later ones by trigger. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM record_search"
                                      " WHERE record_search MATCH 'lovelace'"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM record_search"
                                      " WHERE record_search MATCH 'rfc'"), ==, 2);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM review"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM review_revision"), ==, 1);

  /* Schema 2's columns: empty for older rows, kept for newer ones. */
  notes = (g_free (notes), query_text (handle, "SELECT notes FROM agenda_item"));
  g_assert_cmpstr (notes, ==, version >= 2 ? "Wants to lead" : "");
  g_assert_cmpint (query_int (handle, "SELECT ifnull(mood, 0) FROM meeting"), ==,
                   version >= 2 ? 4 : 0);
  g_assert_cmpint (query_int (handle, "SELECT ifnull(done_meeting_id, 0) FROM action_item"),
                   ==, version >= 2 ? 1 : 0);
}

static PathwaysDb *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  PathwaysDb *db = pathways_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

static void
add_person (PathwaysStore *store,
            const char    *name)
{
  g_autoptr(PathwaysPerson) person = pathways_person_new (name);
  g_autoptr(GError) error = NULL;

  pathways_store_add_person (store, person, &error);
  g_assert_no_error (error);
}

/* A database with these people in it, closed again. */
static void
create_with_people (const char         *path,
                    const char * const *names)
{
  g_autoptr(GError) error = NULL;
  PathwaysDb *db = open_db (path);
  PathwaysStore *store = pathways_store_new (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    add_person (store, names[i]);

  g_assert_finalize_object (store);
  g_assert_finalize_object (db);
}

/* The names in the database at @path, sorted, as one comma-separated string. */
static char *
dup_names (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  PathwaysDb *db = open_db (path);
  PathwaysStore *store = pathways_store_new (db, &error);
  GListModel *people;

  g_assert_no_error (error);
  people = pathways_store_get_people (store);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysPerson) person = g_list_model_get_item (people, i);

      if (i > 0)
        g_string_append (names, ",");
      g_string_append (names, pathways_person_get_name (person));
    }

  g_assert_finalize_object (store);
  g_assert_finalize_object (db);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
set_mtime_days_ago (const char *path,
                    int         days)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - days * 24 * 60 * 60;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint count = 0;

  if (handle == NULL)
    return 0;
  while (g_dir_read_name (handle) != NULL)
    count++;

  return count;
}

/* ---- creating ---- */

static void
test_create (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *data_dir = g_build_filename (dir, "data", "co.packback.Pathways", NULL);
  g_autofree char *path = g_build_filename (data_dir, "pathways.sqlite", NULL);
  g_autofree char *journal_mode = NULL;
  static const char * const tables[] = {
    "person", "level_history", "ladder_assessment", "ladder_evidence", "note", "meeting",
    "agenda_item", "action_item", "review_cycle", "review", "review_revision",
  };
  PathwaysDb *db;
  sqlite3 *handle;

  db = open_db (path);
  handle = pathways_db_get_handle (db);

  /* Private notes: nobody else on the machine may read them. */
  g_assert_cmpuint (file_mode (data_dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpstr (pathways_db_get_path (db), ==, path);

  g_assert_cmpint (pathways_db_get_latest_version (), >=, 1);
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==,
                   pathways_db_get_latest_version ());
  journal_mode = query_text (handle, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int (handle, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (handle, "PRAGMA busy_timeout"), >, 0);
  g_assert_finalize_object (db);

  /* Closing checkpoints the log into the file. */
  g_assert_false (companion_exists (path, "-wal"));

  db = open_db (path);
  handle = pathways_db_get_handle (db);
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==,
                   pathways_db_get_latest_version ());
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
                         tables[i]);

      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (query_int (handle, sql), ==, 1);
    }
  g_assert_finalize_object (db);

  pathways_test_remove_tree (dir);
}

/* Someone who chose to share their data file with a group keeps that choice. */
static void
test_existing_permissions_kept (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  PathwaysDb *db;

  create_with_people (path, (const char *[]) { "Ada", NULL });
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  db = open_db (path);
  g_assert_cmpuint (file_mode (path), ==, 0640);
  g_assert_finalize_object (db);

  pathways_test_remove_tree (dir);
}

static void
test_statement_cache (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  PathwaysDb *db = open_db (path);
  sqlite3_stmt *first;
  sqlite3_stmt *second;

  first = pathways_db_prepare (db, "SELECT ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int (first, 1, 42);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first, 0), ==, 42);

  /* The same statement, reset and with its bindings cleared: no stale values leak. */
  second = pathways_db_prepare (db, "SELECT ?1", &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (second, 0), ==, SQLITE_NULL);
  sqlite3_reset (second);

  g_assert_null (pathways_db_prepare (db, "SELECT FROM nowhere", &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FAILED);

  g_assert_finalize_object (db);
  pathways_test_remove_tree (dir);
}

static void
test_transactions (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  PathwaysDb *db = open_db (path);
  sqlite3 *handle = pathways_db_get_handle (db);

  /* Harmless without a transaction (error paths call it unconditionally). */
  pathways_db_rollback (db);

  g_assert_true (pathways_db_begin (db, &error));
  g_assert_no_error (error);
  exec_sql (handle, "INSERT INTO person (name) VALUES ('Rolled back')");
  pathways_db_rollback (db);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM person"), ==, 0);

  g_assert_true (pathways_db_begin (db, &error));
  exec_sql (handle, "INSERT INTO person (name) VALUES ('Committed')");
  g_assert_true (pathways_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (handle));
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM person"), ==, 1);

  g_assert_finalize_object (db);
  pathways_test_remove_tree (dir);
}

/* ---- bad files ---- */

static void
test_newer_schema (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *version = NULL;
  g_autofree char *known = NULL;
  g_autofree char *set_version = NULL;
  g_autoptr(GError) error = NULL;
  int newer = pathways_db_get_latest_version () + 6;
  FileState before;
  sqlite3 *handle;

  set_version = g_strdup_printf ("PRAGMA user_version = %d", newer);
  handle = open_raw (path);
  exec_sql (handle, "CREATE TABLE from_the_future (x); INSERT INTO from_the_future VALUES (1)");
  exec_sql (handle, set_version);
  close_raw (handle);
  before = file_state (path);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_NEWER_SCHEMA);
  g_test_message ("%s", error->message);
  version = g_strdup_printf ("schema %d", newer);
  known = g_strdup_printf ("up to %d", pathways_db_get_latest_version ());
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, version));
  g_assert_nonnull (strstr (error->message, known));

  assert_file_untouched (path, &before);
  pathways_test_remove_tree (dir);
}

/* The same in WAL mode, which is how Pathways leaves its files: merely reading one through
 * SQLite would create -wal and -shm files beside it. */
static void
test_newer_schema_wal (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *set_version = NULL;
  g_autoptr(GError) error = NULL;
  FileState before;
  PathwaysDb *db;

  set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                 pathways_db_get_latest_version () + 1);
  db = open_db (path);
  exec_sql (pathways_db_get_handle (db), set_version);
  g_assert_finalize_object (db);
  before = file_state (path);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_NEWER_SCHEMA);

  assert_file_untouched (path, &before);
  pathways_test_remove_tree (dir);
}

static void
test_garbage (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  guint8 bytes[8192];
  FileState before;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_test_rand_int_range (0, 256);
  g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);
  before = file_state (path);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  assert_file_untouched (path, &before);
  pathways_test_remove_tree (dir);
}

/* Right magic, nonsense after it: SQLite itself must be the one to say no. */
static void
test_garbage_after_header (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  char bytes[4096];
  FileState before;

  memset (bytes, 0xa5, sizeof bytes);
  memcpy (bytes, "SQLite format 3", 16);
  g_file_set_contents (path, bytes, sizeof bytes, &error);
  g_assert_no_error (error);
  before = file_state (path);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_CORRUPT);

  assert_file_untouched (path, &before);
  pathways_test_remove_tree (dir);
}

static void
test_truncated (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  FileState before;
  PathwaysDb *db;
  PathwaysStore *store;

  db = open_db (path);
  store = pathways_store_new (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autoptr(PathwaysPerson) person = pathways_person_new (name);
      g_autofree char *notes = g_strnfill (300, 'n');

      pathways_person_set_notes (person, notes);
      pathways_store_add_person (store, person, &error);
      g_assert_no_error (error);
    }
  g_assert_finalize_object (store);
  g_assert_finalize_object (db);

  /* Cut in half, as a copy interrupted halfway would leave it. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16 * 4096);
  g_file_set_contents (path, contents, length / 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  before = file_state (path);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_CORRUPT);

  assert_file_untouched (path, &before);
  pathways_test_remove_tree (dir);
}

/* The data folder's place is taken by a file: nothing can be created there. */
static void
test_folder_is_a_file (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *blocker = g_build_filename (dir, "co.packback.Pathways", NULL);
  g_autofree char *path = g_build_filename (blocker, "pathways.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  FileState before;

  g_file_set_contents (blocker, "not a folder", -1, &error);
  g_assert_no_error (error);
  before = file_state (blocker);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, blocker));

  assert_file_untouched (blocker, &before);
  pathways_test_remove_tree (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("Running as root, which file permissions don't stop; a read-only folder "
                   "can't be simulated (see /pathways/db/read-only-connection)");
      return;
    }

  dir = pathways_test_make_temp_dir ("db");
  path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  pathways_test_remove_tree (dir);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  FileState before;

  if (geteuid () == 0)
    {
      g_test_skip ("Running as root, which file permissions don't stop; a read-only file "
                   "can't be simulated (see /pathways/db/read-only-connection)");
      return;
    }

  dir = pathways_test_make_temp_dir ("db");
  path = g_build_filename (dir, "pathways.sqlite", NULL);
  create_with_people (path, (const char *[]) { "Ada", NULL });
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  before = file_state (path);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_READ_ONLY);

  assert_file_untouched (path, &before);
  pathways_test_remove_tree (dir);
}

/* A connection SQLite refuses to write through (query_only works even for root): the store
 * reports READ_ONLY and nothing is written. */
static void
test_read_only_connection (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysPerson) person = pathways_person_new ("Ada");
  PathwaysDb *db = open_db (path);
  PathwaysStore *store = pathways_store_new (db, &error);
  sqlite3 *handle = pathways_db_get_handle (db);

  g_assert_no_error (error);
  exec_sql (handle, "PRAGMA query_only = 1");

  g_assert_null (pathways_store_add_person (store, person, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  g_assert_cmpint (pathways_person_get_id (person), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pathways_store_get_people (store)), ==, 0);
  g_assert_true (sqlite3_get_autocommit (handle));

  exec_sql (handle, "PRAGMA query_only = 0");
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM person"), ==, 0);

  g_assert_finalize_object (store);
  g_assert_finalize_object (db);
  pathways_test_remove_tree (dir);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *notes = g_strnfill (1500, 'x');
  g_autoptr(GError) error = NULL;
  g_autofree char *set_limit = NULL;
  g_autofree char *integrity = NULL;
  PathwaysDb *db = open_db (path);
  PathwaysStore *store = pathways_store_new (db, &error);
  sqlite3 *handle = pathways_db_get_handle (db);
  guint committed = 0;

  g_assert_no_error (error);
  add_person (store, "Before the limit");
  committed++;

  set_limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                               query_int (handle, "PRAGMA page_count") + 3);
  exec_sql (handle, set_limit);

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Filler %03u", i);
      g_autoptr(PathwaysPerson) person = pathways_person_new (name);

      pathways_person_set_notes (person, notes);
      if (pathways_store_add_person (store, person, &error) == NULL)
        {
          g_assert_cmpint (pathways_person_get_id (person), ==, 0);
          break;
        }
      committed++;
    }

  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FULL);
  g_test_message ("%u committed, then: %s", committed, error->message);
  g_assert_cmpuint (g_list_model_get_n_items (pathways_store_get_people (store)), ==, committed);
  g_assert_true (sqlite3_get_autocommit (handle));
  g_assert_finalize_object (store);
  g_assert_finalize_object (db);

  /* Everything committed before the disk filled up is still there. */
  db = open_db (path);
  handle = pathways_db_get_handle (db);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM person"), ==, committed);
  integrity = query_text (handle, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_finalize_object (db);

  pathways_test_remove_tree (dir);
}

/* ---- migrations ---- */

/* A database left by every earlier release upgrades to the latest schema with its
 * records. */
static void
test_migrate_every_version (void)
{
  int latest = pathways_db_get_latest_version ();

  for (int version = 0; version < latest; version++)
    {
      g_autofree char *dir = pathways_test_make_temp_dir ("db");
      g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
      PathwaysDb *db;
      sqlite3 *handle;

      g_test_message ("from schema %d", version);
      create_at_version (path, version);
      if (version_fixtures[version] != NULL)
        {
          handle = open_raw (path);
          exec_sql (handle, version_fixtures[version]);
          close_raw (handle);
        }

      db = open_db (path);
      handle = pathways_db_get_handle (db);
      g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==, latest);
      assert_fixture_intact (handle, version);
      g_assert_finalize_object (db);

      pathways_test_remove_tree (dir);
    }
}

/* The fixture for the current schema must fit it, or the test above would not catch a
 * migration that loses its rows once a new schema arrives. */
static void
test_migrate_fixture_current (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  int latest = pathways_db_get_latest_version ();
  PathwaysDb *db;
  sqlite3 *handle;

  g_assert_cmpuint (G_N_ELEMENTS (version_fixtures), ==, (guint) latest + 1);

  create_at_version (path, latest);
  handle = open_raw (path);
  exec_sql (handle, "PRAGMA foreign_keys = ON");
  exec_sql (handle, version_fixtures[latest]);
  close_raw (handle);

  db = open_db (path);
  assert_fixture_intact (pathways_db_get_handle (db), latest);
  g_assert_finalize_object (db);

  pathways_test_remove_tree (dir);
}

/* The next migration can't apply (a table, index or trigger it creates is already there): it is rolled back
 * as a whole, the file stays at its version with its data. */
static void
test_migrate_failure_rolls_back (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_auto(GStrv) names = list_migrations ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) create_table = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *next_sql = NULL;
  g_autofree char *table = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *value = NULL;
  int version = pathways_db_get_latest_version () - 1;
  gint64 tables_before;
  sqlite3 *handle;

  create_at_version (path, version);

  next_sql = read_migration (names[version]);
  create_table = g_regex_new ("CREATE (?:TABLE|INDEX|VIRTUAL TABLE|TRIGGER) (\\w+)", 0, 0, NULL);
  g_assert_true (g_regex_match (create_table, next_sql, 0, &match));
  table = g_match_info_fetch (match, 1);

  handle = open_raw (path);
  sql = g_strdup_printf ("CREATE TABLE %s (squatter TEXT); INSERT INTO %s VALUES ('mine')",
                         table, table);
  exec_sql (handle, sql);
  tables_before = query_int (handle, "SELECT count(*) FROM sqlite_schema");
  close_raw (handle);

  g_assert_null (pathways_db_open (path, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_MIGRATION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, names[version]));
  g_assert_nonnull (strstr (error->message, path));

  handle = open_raw (path);
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==, version);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM sqlite_schema"), ==, tables_before);
  g_free (sql);
  sql = g_strdup_printf ("SELECT squatter FROM %s", table);
  value = query_text (handle, sql);
  g_assert_cmpstr (value, ==, "mine");
  close_raw (handle);

  pathways_test_remove_tree (dir);
}

/* ---- backups ---- */

static void
test_daily_backup (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *backups = pathways_db_dup_backup_dir (path);
  g_autofree char *first = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  gboolean made_one = FALSE;
  PathwaysDb *db;

  g_assert_null (pathways_db_dup_newest_backup (path));
  create_with_people (path, (const char *[]) { "Ada", "Grace", NULL });
  db = open_db (path);

  g_assert_true (pathways_db_daily_backup (db, &made_one, &error));
  g_assert_no_error (error);
  g_assert_true (made_one);
  g_assert_cmpuint (file_mode (backups), ==, 0700);
  g_assert_cmpuint (count_files (backups), ==, 1);
  first = pathways_db_dup_newest_backup (path);
  g_assert_nonnull (first);
  g_assert_cmpuint (file_mode (first), ==, 0600);
  names = dup_names (first);
  g_assert_cmpstr (names, ==, "Ada,Grace");

  /* Once a day, not at every start. */
  g_assert_true (pathways_db_daily_backup (db, &made_one, &error));
  g_assert_false (made_one);
  g_assert_cmpuint (count_files (backups), ==, 1);

  set_mtime_days_ago (first, 2);
  g_assert_true (pathways_db_daily_backup (db, &made_one, &error));
  g_assert_no_error (error);
  g_assert_true (made_one);
  g_assert_cmpuint (count_files (backups), ==, 2);
  newest = pathways_db_dup_newest_backup (path);
  g_assert_cmpstr (newest, !=, first);

  /* Eight older backups from long ago: the newest seven of all are kept. */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("pathways-2020010%u-120000.sqlite", i + 1);
      g_autofree char *old = g_build_filename (backups, name, NULL);

      g_file_set_contents (old, "old", -1, &error);
      g_assert_no_error (error);
      set_mtime_days_ago (old, 100 - (int) i);
    }
  set_mtime_days_ago (newest, 2);
  set_mtime_days_ago (first, 3);
  g_assert_true (pathways_db_daily_backup (db, &made_one, &error));
  g_assert_true (made_one);
  g_assert_cmpuint (count_files (backups), ==, 7);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("pathways-2020010%u-120000.sqlite", i + 1);
      g_autofree char *old = g_build_filename (backups, name, NULL);

      /* The four oldest went. */
      g_assert_cmpint (g_file_test (old, G_FILE_TEST_EXISTS), ==, i >= 4);
    }

  g_assert_finalize_object (db);
  pathways_test_remove_tree (dir);
}

static void
test_backup_to (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *copy = g_build_filename (dir, "elsewhere", "my copy.sqlite", NULL);
  g_autofree char *copy_dir = g_path_get_dirname (copy);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysDb *db;

  create_with_people (path, (const char *[]) { "Ada", "Grace", "Katherine", NULL });
  g_assert_cmpint (g_mkdir (copy_dir, 0755), ==, 0);
  g_file_set_contents (copy, "an older file the user chose to replace", -1, &error);
  g_assert_no_error (error);

  db = open_db (path);
  g_assert_true (pathways_db_backup_to (db, copy, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  g_assert_cmpuint (file_mode (copy), ==, 0600);
  g_assert_cmpuint (count_files (copy_dir), ==, 1);  /* no temporary file left behind */
  names = dup_names (copy);
  g_assert_cmpstr (names, ==, "Ada,Grace,Katherine");

  pathways_test_remove_tree (dir);
}

/* A backup holds what is committed, including what still sits in the -wal file, and never
 * half of a transaction in progress. */
static void
test_backup_committed_only (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.sqlite", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysDb *db = open_db (path);
  PathwaysStore *store = pathways_store_new (db, &error);

  g_assert_no_error (error);
  add_person (store, "Committed");
  g_assert_true (companion_exists (path, "-wal"));

  g_assert_true (pathways_db_begin (db, &error));
  exec_sql (pathways_db_get_handle (db), "INSERT INTO person (name) VALUES ('In progress')");
  g_assert_true (pathways_db_backup_to (db, copy, &error));
  g_assert_no_error (error);
  pathways_db_rollback (db);

  g_assert_finalize_object (store);
  g_assert_finalize_object (db);

  names = dup_names (copy);
  g_assert_cmpstr (names, ==, "Committed");

  pathways_test_remove_tree (dir);
}

static void
test_restore (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *backup = g_build_filename (dir, "monday.sqlite", NULL);
  g_autofree char *backups = pathways_db_dup_backup_dir (path);
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysDb *db;
  PathwaysStore *store;

  create_with_people (path, (const char *[]) { "Ada", "Grace", NULL });
  db = open_db (path);
  g_assert_true (pathways_db_backup_to (db, backup, &error));
  store = pathways_store_new (db, &error);
  g_assert_no_error (error);
  add_person (store, "Katherine");
  g_assert_finalize_object (store);
  g_assert_finalize_object (db);

  g_assert_true (pathways_db_restore (path, backup, &error));
  g_assert_no_error (error);

  names = dup_names (path);
  g_assert_cmpstr (names, ==, "Ada,Grace");
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* What was there before is a backup now, whole. */
  kept = pathways_db_dup_newest_backup (path);
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (kept, "before-restore"));
  g_clear_pointer (&names, g_free);
  names = dup_names (kept);
  g_assert_cmpstr (names, ==, "Ada,Grace,Katherine");
  g_assert_cmpuint (count_files (backups), ==, 1);

  pathways_test_remove_tree (dir);
}

/* A restore over a damaged file keeps the damaged file, set aside. */
static void
test_restore_over_damaged (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *backup = g_build_filename (dir, "good.sqlite", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *name;
  gboolean found_aside = FALSE;

  create_with_people (backup, (const char *[]) { "Ada", NULL });
  g_file_set_contents (path, "garbage, not a database", -1, &error);
  g_assert_no_error (error);

  g_assert_true (pathways_db_restore (path, backup, &error));
  g_assert_no_error (error);
  names = dup_names (path);
  g_assert_cmpstr (names, ==, "Ada");

  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_prefix (name, "pathways.sqlite.damaged-"))
        {
          g_autofree char *aside = g_build_filename (dir, name, NULL);
          g_autofree char *contents = NULL;

          g_file_get_contents (aside, &contents, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (contents, ==, "garbage, not a database");
          found_aside = TRUE;
        }
    }
  g_assert_true (found_aside);

  pathways_test_remove_tree (dir);
}

/* A file from a newer Pathways is healthy, just not ours to open: it is kept as a backup. */
static void
test_restore_over_newer (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *backup = g_build_filename (dir, "good.sqlite", NULL);
  g_autofree char *backups = pathways_db_dup_backup_dir (path);
  g_autofree char *set_version = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;

  create_with_people (backup, (const char *[]) { "Ada", NULL });
  handle = open_raw (path);
  set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                 pathways_db_get_latest_version () + 1);
  exec_sql (handle, "CREATE TABLE from_the_future (x)");
  exec_sql (handle, set_version);
  close_raw (handle);

  g_assert_true (pathways_db_restore (path, backup, &error));
  g_assert_no_error (error);
  names = dup_names (path);
  g_assert_cmpstr (names, ==, "Ada");

  kept = pathways_db_dup_newest_backup (path);
  g_assert_nonnull (kept);
  handle = open_raw (kept);
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==,
                   pathways_db_get_latest_version () + 1);
  close_raw (handle);
  g_assert_cmpuint (count_files (backups), ==, 1);

  pathways_test_remove_tree (dir);
}

/* Bad backups are refused and the current file is left alone. */
static void
test_restore_refuses_bad_backup (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.sqlite", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.sqlite", NULL);
  g_autofree char *set_version = NULL;
  g_autofree char *backups = pathways_db_dup_backup_dir (path);
  g_autoptr(GError) error = NULL;
  FileState before;
  sqlite3 *handle;

  create_with_people (path, (const char *[]) { "Ada", NULL });
  g_file_set_contents (garbage, "this is not a backup", -1, &error);
  g_assert_no_error (error);
  handle = open_raw (newer);
  set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                 pathways_db_get_latest_version () + 1);
  exec_sql (handle, "CREATE TABLE t (x)");
  exec_sql (handle, set_version);
  close_raw (handle);
  before = file_state (path);

  g_assert_false (pathways_db_restore (path, garbage, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, garbage));
  g_clear_error (&error);

  g_assert_false (pathways_db_restore (path, newer, &error));
  g_assert_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, newer));

  assert_file_untouched (path, &before);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  pathways_test_remove_tree (dir);
}

static void
test_set_aside (void)
{
  g_autofree char *dir = pathways_test_make_temp_dir ("db");
  g_autofree char *path = g_build_filename (dir, "pathways.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysDb *db;

  g_file_set_contents (path, "damaged", -1, &error);
  g_file_set_contents (wal, "its log", -1, &error);
  g_assert_no_error (error);

  aside = pathways_db_set_aside (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  basename = g_path_get_basename (aside);
  g_assert_true (g_regex_match_simple ("^pathways\\.sqlite\\.damaged-[0-9]{8}-[0-9]{6}$",
                                       basename, 0, 0));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_file_get_contents (aside, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "damaged");
  aside_wal = g_strconcat (aside, "-wal", NULL);
  g_assert_true (g_file_test (aside_wal, G_FILE_TEST_EXISTS));

  /* "Start a new database": the name is free again. */
  db = open_db (path);
  g_assert_finalize_object (db);

  pathways_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pathways/db/create", test_create);
  g_test_add_func ("/pathways/db/existing-permissions-kept", test_existing_permissions_kept);
  g_test_add_func ("/pathways/db/statement-cache", test_statement_cache);
  g_test_add_func ("/pathways/db/transactions", test_transactions);
  g_test_add_func ("/pathways/db/newer-schema", test_newer_schema);
  g_test_add_func ("/pathways/db/newer-schema-wal", test_newer_schema_wal);
  g_test_add_func ("/pathways/db/garbage", test_garbage);
  g_test_add_func ("/pathways/db/garbage-after-header", test_garbage_after_header);
  g_test_add_func ("/pathways/db/truncated", test_truncated);
  g_test_add_func ("/pathways/db/folder-is-a-file", test_folder_is_a_file);
  g_test_add_func ("/pathways/db/read-only-folder", test_read_only_folder);
  g_test_add_func ("/pathways/db/read-only-file", test_read_only_file);
  g_test_add_func ("/pathways/db/read-only-connection", test_read_only_connection);
  g_test_add_func ("/pathways/db/disk-full", test_disk_full);
  g_test_add_func ("/pathways/db/migrate/every-version", test_migrate_every_version);
  g_test_add_func ("/pathways/db/migrate/fixture-current", test_migrate_fixture_current);
  g_test_add_func ("/pathways/db/migrate/failure-rolls-back", test_migrate_failure_rolls_back);
  g_test_add_func ("/pathways/db/backup/daily", test_daily_backup);
  g_test_add_func ("/pathways/db/backup/to", test_backup_to);
  g_test_add_func ("/pathways/db/backup/committed-only", test_backup_committed_only);
  g_test_add_func ("/pathways/db/restore", test_restore);
  g_test_add_func ("/pathways/db/restore/over-damaged", test_restore_over_damaged);
  g_test_add_func ("/pathways/db/restore/over-newer", test_restore_over_newer);
  g_test_add_func ("/pathways/db/restore/refuses-bad-backup", test_restore_refuses_bad_backup);
  g_test_add_func ("/pathways/db/set-aside", test_set_aside);

  return g_test_run ();
}
