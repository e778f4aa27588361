/* test-store-kill.c: nothing committed is lost when Pathways is killed. Runs store-writer
 * (its path is argv[1]) against one database again and again, kills it with SIGKILL at a
 * random moment, and checks after every kill that the file passes integrity_check and holds
 * everything the writer said it had committed.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-kill"

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pathways-db.h"
#include "pathways-test-util.h"

#define N_KILLS 60
#define MIN_KILLS 50

/* Past this, stop early (with at least MIN_KILLS done) so a slow machine stays within the
 * test's timeout. */
#define TIME_BUDGET_S 45

static const char *writer_path;

typedef struct
{
  GDataInputStream *lines;
  GArray           *committed;  /* of guint: the N of every "committed N" line */
  gboolean          done;       /* end of output */
  gboolean          kill_now;
} Run;

static void read_next_line (Run *run);

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  guint64 n;
  guint value;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                    &error);
  if (line == NULL)
    {
      g_assert_no_error (error);
      run->done = TRUE;
      return;
    }

  g_assert_true (g_str_has_prefix (line, "committed "));
  g_assert_true (g_ascii_string_to_unsigned (line + strlen ("committed "), 10, 1, G_MAXUINT,
                                             &n, NULL));
  value = (guint) n;
  g_array_append_val (run->committed, value);

  read_next_line (run);
}

static void
read_next_line (Run *run)
{
  g_data_input_stream_read_line_async (run->lines, G_PRIORITY_DEFAULT, NULL, on_line, run);
}

static gboolean
on_kill_time (gpointer user_data)
{
  Run *run = user_data;

  run->kill_now = TRUE;

  return G_SOURCE_REMOVE;
}

/* Starts the writer, kills it after @delay_ms, and returns the numbers it reported as
 * committed, all of them: lines still in the pipe when it died count too. */
static GArray *
run_and_kill (const char *db_path,
              guint       delay_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  Run run = { NULL, };

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer_path, db_path, NULL);
  g_assert_no_error (error);

  run.lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
  run.committed = g_array_new (FALSE, FALSE, sizeof (guint));
  read_next_line (&run);

  g_timeout_add (delay_ms, on_kill_time, &run);
  while (!run.kill_now)
    g_main_context_iteration (NULL, TRUE);

  g_subprocess_force_exit (writer);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);

  /* It must have died of the kill, not of an error of its own (printed on stderr). */
  g_assert_true (g_subprocess_get_if_signaled (writer));
  g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);

  g_object_unref (run.lines);

  return run.committed;
}

/* Opens the database as the app would after a crash, and checks it. */
static void
check_database (const char *db_path,
                GHashTable *reported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  PathwaysDb *db;
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;

  db = pathways_db_open (db_path, &error);
  g_assert_no_error (error);
  handle = pathways_db_get_handle (db);

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* Each committed person with all three of their writes: the edit and the promotion. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name, notes, level FROM person", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *notes = (const char *) sqlite3_column_text (stmt, 1);
      const char *level = (const char *) sqlite3_column_text (stmt, 2);
      guint64 n;

      g_assert_true (g_str_has_prefix (name, "Writer "));
      g_assert_true (g_ascii_string_to_unsigned (name + strlen ("Writer "), 10, 1, G_MAXUINT,
                                                 &n, NULL));
      /* Unreported writes may be there or not, but never duplicated. */
      g_assert_false (g_hash_table_contains (stored, name));

      if (g_hash_table_contains (reported, GUINT_TO_POINTER ((guint) n)))
        {
          g_autofree char *expected_notes = g_strdup_printf ("Note %u", (guint) n);

          g_assert_cmpstr (notes, ==, expected_notes);
          g_assert_cmpstr (level, ==, n % 2 == 1 ? "Engineer II (IC 3)" : "Engineer I (IC 2)");
        }
      g_hash_table_add (stored, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  g_hash_table_iter_init (&iter, reported);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *name = g_strdup_printf ("Writer %u", GPOINTER_TO_UINT (key));

      if (!g_hash_table_contains (stored, name))
        g_error ("“%s” was reported committed but is not in the database", name);
    }

  g_assert_finalize_object (db);
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) reported = g_hash_table_new (NULL, NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  guint kills = 0;
  guint kills_after_commits = 0;

  dir = g_dir_make_tmp ("pathways-kill-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "pathways.sqlite", NULL);

  while (kills < N_KILLS && (kills < MIN_KILLS || g_timer_elapsed (timer, NULL) < TIME_BUDGET_S))
    {
      g_autoptr(GArray) committed = NULL;
      guint delay_ms = (guint) g_test_rand_int_range (5, 151);

      committed = run_and_kill (db_path, delay_ms);
      kills++;
      if (committed->len > 0)
        kills_after_commits++;

      for (guint i = 0; i < committed->len; i++)
        {
          guint n = g_array_index (committed, guint, i);

          g_assert_false (g_hash_table_contains (reported, GUINT_TO_POINTER (n)));
          g_hash_table_add (reported, GUINT_TO_POINTER (n));
        }

      check_database (db_path, reported);
    }

  g_test_message ("%u kills (%u of them after the writer had committed something), "
                  "%u commits reported and verified, %.1f s",
                  kills, kills_after_commits, g_hash_table_size (reported),
                  g_timer_elapsed (timer, NULL));

  g_assert_cmpuint (kills, >=, MIN_KILLS);
  /* Kills during start-up (opening, recovering the log, migrating) count too, but a writer
   * that hardly ever got to write would test little. */
  g_assert_cmpuint (kills_after_commits, >=, kills / 4);

  pathways_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: %s STORE-WRITER\n", argv[0]);
      return 2;
    }
  writer_path = argv[1];

  g_test_add_func ("/pathways/store/kill", test_kill);

  return g_test_run ();
}
