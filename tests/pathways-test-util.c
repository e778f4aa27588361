/* pathways-test-util.c: helpers every test shares that need no display — temporary
 * folders and files in them, dates relative to today, and a store on a fresh database.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pathways-test-util.h"

/**
 * pathways_test_make_temp_dir:
 * @name: what the folder is for, as in "pathways-@name-XXXXXX"
 *
 * Creates a new, empty folder under the temporary directory; fails the test if it can't.
 *
 * Returns: (transfer full): the folder's path
 */
char *
pathways_test_make_temp_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("pathways-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * pathways_test_remove_tree:
 * @path: a file or folder
 *
 * Deletes @path and everything below it. Symbolic links are removed, never followed, and
 * folders get their permissions back first, since some tests take them away.
 *
 * Returns: whether @path is gone
 */
gboolean
pathways_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return TRUE;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          pathways_test_remove_tree (child);
        }
      return g_rmdir (path) == 0;
    }

  return g_unlink (path) == 0;
}

/* Writes @len bytes of @contents (-1: a string) to @name under @root, making folders as
 * needed; fails the test if it can't. Plain stdio rather than g_file_set_contents(): some
 * tests write thousands of files, and the rename-into-place costs a sync of the folder. */
void
pathways_test_write_file (const char *root,
                          const char *name,
                          const char *contents,
                          gssize      len)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  FILE *file;

  if (len < 0)
    len = (gssize) strlen (contents);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  file = g_fopen (path, "wbe");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (contents, 1, (gsize) len, file), ==, (gsize) len);
  g_assert_cmpint (fclose (file), ==, 0);
}

/**
 * pathways_test_dup_day:
 * @days_from_today: negative for the past
 *
 * Returns: (transfer full): that day in local time, as the store writes dates: YYYY-MM-DD
 */
char *
pathways_test_dup_day (int days_from_today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);

  return g_date_time_format (day, "%Y-%m-%d");
}

/**
 * pathways_test_open_store:
 * @path: the database file, created if it is missing
 * @db: (out): where to put the opened database
 *
 * Opens the database at @path and a store on it; fails the test if either can't be.
 *
 * Returns: (transfer full): the store
 */
PathwaysStore *
pathways_test_open_store (const char  *path,
                          PathwaysDb **db)
{
  g_autoptr(GError) error = NULL;
  PathwaysStore *store;

  *db = pathways_db_open (path, &error);
  g_assert_no_error (error);
  store = pathways_store_new (*db, &error);
  g_assert_no_error (error);
  return store;
}
