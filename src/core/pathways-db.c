/* pathways-db.c: the SQLite file every record lives in — opening it without harming files
 * that are damaged or from a newer Pathways, applying schema migrations, caching prepared
 * statements, and keeping backups.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pathways-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pathways-core-resources.h"
#include "pathways-search.h"
#include "pathways-db.h"

#define MIGRATIONS_PATH "/co/packback/Pathways/sql/"

/* Long enough to ride out another connection's checkpoint, short enough that a stuck lock
 * turns into a message instead of a frozen window. */
#define BUSY_TIMEOUT_MS 5000

#define BACKUPS_KEPT 7
#define BACKUP_INTERVAL_S (24 * 60 * 60)
#define BACKUP_PREFIX "pathways-"
#define BACKUP_SUFFIX ".sqlite"
#define TEMP_PREFIX ".pathways-copy-"

/* Every SQLite 3 file starts with these 16 bytes, NUL included. */
static const char sqlite_magic[16] = "SQLite format 3";

/* Bytes 18 and 19 of the header are 2 when the file is in WAL mode. */
#define HEADER_SIZE 100
#define HEADER_WRITE_VERSION 18

struct _PathwaysDb
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, finalized with the table */
};

G_DEFINE_FINAL_TYPE (PathwaysDb, pathways_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (pathways-db-error-quark, pathways_db_error)

/* ==== migrations ==== */

typedef struct
{
  int   version;
  char *name;
} Migration;

static void
migration_clear (gpointer data)
{
  Migration *migration = data;

  g_free (migration->name);
}

static int
migration_compare (gconstpointer a,
                   gconstpointer b)
{
  const Migration *ma = a;
  const Migration *mb = b;

  return (ma->version > mb->version) - (ma->version < mb->version);
}

/* The migrations compiled into this build, in order. Referencing
 * pathways_core_get_resource() also keeps the resource's object file in the link: from a
 * static library the linker would otherwise drop it, since nothing else names it. */
static GArray *
get_migrations (void)
{
  static GArray *migrations;

  if (g_once_init_enter (&migrations))
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = NULL;
      GArray *list = g_array_new (FALSE, TRUE, sizeof (Migration));

      g_array_set_clear_func (list, migration_clear);
      names = g_resource_enumerate_children (pathways_core_get_resource (), MIGRATIONS_PATH,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);

      for (guint i = 0; names[i] != NULL; i++)
        {
          Migration migration = { 0, };
          const char *dash = strchr (names[i], '-');
          g_autofree char *number = NULL;
          guint64 version;

          if (dash == NULL || !g_str_has_suffix (names[i], ".sql"))
            continue;
          number = g_strndup (names[i], dash - names[i]);
          if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT, &version, NULL))
            continue;

          migration.version = (int) version;
          migration.name = g_strdup (names[i]);
          g_array_append_val (list, migration);
        }

      g_array_sort (list, migration_compare);

      /* A gap or a duplicate would leave some databases without a table; that is a
       * packaging mistake the tests catch, not something to survive at run time. */
      for (guint i = 0; i < list->len; i++)
        g_assert_cmpint (g_array_index (list, Migration, i).version, ==, (int) i + 1);

      g_once_init_leave (&migrations, list);
    }

  return migrations;
}

/**
 * pathways_db_get_latest_version:
 *
 * Returns: the schema version this build creates and upgrades to (the highest migration)
 */
int
pathways_db_get_latest_version (void)
{
  GArray *migrations = get_migrations ();

  return migrations->len > 0 ? g_array_index (migrations, Migration, migrations->len - 1).version
                             : 0;
}

/* ==== errors ==== */

static gboolean
errno_is_permission (int saved_errno)
{
  return saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS;
}

static gboolean
errno_is_full (int saved_errno)
{
#ifdef EDQUOT
  if (saved_errno == EDQUOT)
    return TRUE;
#endif
  return saved_errno == ENOSPC;
}

static void
set_read_only_error (const char  *path,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_READ_ONLY,
               _("Pathways can’t write to “%s”. Check that you may change the file and its "
                 "folder, or choose another place for your data."), display);
}

static void
set_full_error (const char  *path,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FULL,
               _("There is no space left to save to “%s”. The last change was not saved; free "
                 "some disk space, then try again."), display);
}

static void
set_corrupt_error (const char  *path,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_CORRUPT,
               _("“%s” is damaged or is not a Pathways database. It has been left as it is; you "
                 "can restore a backup or start a new database."), display);
}

/* Maps an errno from file operations around the database (folders, backups, renames). */
static void
set_error_from_errno (const char  *path,
                      int          saved_errno,
                      GError     **error)
{
  g_autofree char *display = NULL;

  if (errno_is_permission (saved_errno))
    {
      set_read_only_error (path, error);
      return;
    }
  if (errno_is_full (saved_errno))
    {
      set_full_error (path, error);
      return;
    }

  display = g_filename_display_name (path);
  g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FAILED,
               _("Pathways could not use “%s”: %s. Check the disk and the file, then try "
                 "again."), display, g_strerror (saved_errno));
}

/* The one place SQLite result codes become messages. @handle may be NULL when a connection
 * could not even be made. */
static void
set_error_from_sqlite (sqlite3     *handle,
                       const char  *path,
                       int          rc,
                       GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  int saved_errno = handle != NULL ? sqlite3_system_errno (handle) : 0;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      set_full_error (path, error);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      set_read_only_error (path, error);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      set_corrupt_error (path, error);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      if (errno_is_permission (saved_errno))
        set_read_only_error (path, error);
      else if (errno_is_full (saved_errno))
        set_full_error (path, error);
      else
        g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FAILED,
                     _("Reading or writing “%s” failed (%s). Check that the disk is connected "
                       "and working, then try again."), display, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FAILED,
                   _("“%s” is in use by another program. Close other copies of Pathways, then "
                     "try again."), display);
      break;

    default:
      g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FAILED,
                   _("Pathways could not use “%s”: %s."), display, detail);
      break;
    }

  g_debug ("%s: SQLite error %d (%s), errno %d", path, rc, detail, saved_errno);
}

/**
 * pathways_db_set_error:
 * @self: a database
 * @rc: a result code SQLite returned for @self's connection
 * @error: return location for the error
 *
 * Turns a failed SQLite call into a #PathwaysDbError with a message for people: a full disk,
 * a file that can't be written, a damaged file or anything else, naming the file.
 */
void
pathways_db_set_error (PathwaysDb  *self,
                       int          rc,
                       GError     **error)
{
  g_return_if_fail (PATHWAYS_IS_DB (self));

  set_error_from_sqlite (self->handle, self->path, rc, error);
}

/**
 * pathways_db_step_done:
 * @self: a database
 * @stmt: a prepared statement of @self that returns no rows
 * @error: return location for a #PathwaysDbError
 *
 * Steps @stmt once and resets it, so it holds no lock afterwards.
 *
 * Returns: %TRUE if the statement ran
 */
gboolean
pathways_db_step_done (PathwaysDb    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    pathways_db_set_error (self, rc, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

/**
 * pathways_db_end:
 * @self: a database in a transaction
 * @ok: whether everything in the transaction worked
 * @error: return location for a #PathwaysDbError
 *
 * Commits the transaction if @ok, and rolls it back if not or if the commit fails.
 *
 * Returns: %TRUE if committed
 */
gboolean
pathways_db_end (PathwaysDb  *self,
                 gboolean     ok,
                 GError     **error)
{
  if (ok && pathways_db_commit (self, error))
    return TRUE;

  pathways_db_rollback (self);

  return FALSE;
}

/**
 * pathways_db_bind_text:
 * @stmt: a prepared statement
 * @index: the parameter, from 1
 * @text: (nullable): the value; %NULL binds SQL NULL. Text that is not valid UTF-8 is bound
 *   with each invalid byte replaced by U+FFFD.
 */
void
pathways_db_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else if (!g_utf8_validate (text, -1, NULL))
    /* Bytes that are not UTF-8 (a Latin-1 paste, a cut character) would be stored as they
     * came and come back to GTK, Pango and the search tokenizer as corrupt text: keep the
     * valid parts, each bad byte a U+FFFD. */
    sqlite3_bind_text (stmt, index, g_utf8_make_valid (text, -1), -1, g_free);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/**
 * pathways_db_column_text:
 * @stmt: a statement on a row
 * @column: the column, from 0
 *
 * Returns: (nullable): the column's text, valid until the next step or reset
 */
const char *
pathways_db_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * pathways_db_step_insert:
 * @self: a database
 * @stmt: a prepared INSERT statement of @self
 * @error: return location for a #PathwaysDbError
 *
 * Steps @stmt once, like pathways_db_step_done(), and tells which row it added.
 *
 * Returns: the new row's id, or 0 if the statement failed
 */
gint64
pathways_db_step_insert (PathwaysDb    *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  if (!pathways_db_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (self->handle);
}

/**
 * pathways_db_collect_rows:
 * @self: a database
 * @stmt: a prepared statement of @self, its parameters bound
 * @from_row: turns a row into an element
 * @free_func: frees an element
 * @error: return location for a #PathwaysDbError
 *
 * Runs @stmt to its end, turning each row into an element, and resets it afterwards so the
 * cached statement holds no lock.
 *
 * Returns: (transfer container) (nullable): the elements in the order of the rows, or %NULL
 *   if the query failed
 */
GPtrArray *
pathways_db_collect_rows (PathwaysDb         *self,
                          sqlite3_stmt       *stmt,
                          PathwaysDbRowFunc   from_row,
                          GDestroyNotify      free_func,
                          GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}

/**
 * pathways_db_collect_one:
 * @self: a database
 * @stmt: a prepared statement of @self that returns at most one row, its parameters bound
 * @from_row: turns the row into a record
 * @error: return location for a #PathwaysDbError
 *
 * Steps @stmt once and resets it, so it holds no lock afterwards.
 *
 * Returns: (transfer full) (nullable): the first row as @from_row made it, or %NULL with
 *   @error unset if there is none
 */
gpointer
pathways_db_collect_one (PathwaysDb         *self,
                         sqlite3_stmt       *stmt,
                         PathwaysDbRowFunc   from_row,
                         GError            **error)
{
  gpointer row = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    row = from_row (stmt);
  else if (rc != SQLITE_DONE)
    pathways_db_set_error (self, rc, error);
  sqlite3_reset (stmt);

  return row;
}

/* ==== looking at a file without changing it ==== */

static void
set_not_a_database_error (const char  *path,
                          gboolean     is_backup,
                          GError     **error)
{
  g_autofree char *display = NULL;

  if (!is_backup)
    {
      set_corrupt_error (path, error);
      return;
    }

  display = g_filename_display_name (path);
  g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_CORRUPT,
               _("The backup “%s” is damaged or is not a Pathways database. Choose another "
                 "backup."), display);
}

/* Looks at the first bytes before SQLite is let near the file: even a read-only connection
 * takes locks and may create files beside it, and a file that is no database at all (the
 * wrong file chosen, a broken copy) is recognised for certain here. */
static gboolean
check_header (const char  *path,
              gboolean     is_backup,
              gboolean    *is_wal,
              GError     **error)
{
  guint8 header[HEADER_SIZE] = { 0, };
  gssize n_read;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_error_from_errno (path, errno, error);
      return FALSE;
    }

  do
    n_read = read (fd, header, sizeof header);
  while (n_read < 0 && errno == EINTR);

  if (n_read < 0)
    {
      int saved_errno = errno;

      close (fd);
      set_error_from_errno (path, saved_errno, error);
      return FALSE;
    }
  close (fd);

  if (n_read < (gssize) sizeof sqlite_magic
      || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      set_not_a_database_error (path, is_backup, error);
      return FALSE;
    }

  if (is_wal != NULL)
    *is_wal = n_read > HEADER_WRITE_VERSION && header[HEADER_WRITE_VERSION] == 2;

  return TRUE;
}

static char *
dup_uri_for_path (const char *path,
                  const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strconcat (g_path_is_absolute (path) ? "file://" : "file:", escaped, "?", query,
                      NULL);
}

/* A connection that cannot write: neither to the file nor, when the file is in WAL mode and
 * has no log beside it, by creating one. (A read-only connection would still create the
 * -wal and -shm files; "immutable" tells SQLite nobody is writing, which is true when no
 * log exists.) */
static sqlite3 *
open_read_only (const char  *path,
                gboolean     is_wal,
                GError     **error)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  sqlite3 *handle = NULL;
  int rc;

  uri = dup_uri_for_path (path, is_wal && !g_file_test (wal_path, G_FILE_TEST_EXISTS)
                                ? "immutable=1" : "mode=ro");
  rc = sqlite3_open_v2 (uri, &handle,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_PRIVATECACHE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (handle, path, rc, error);
      sqlite3_close (handle);
      return NULL;
    }

  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);

  return handle;
}

/* Runs a pragma that returns one integer. */
static gboolean
query_int (sqlite3     *handle,
           const char  *path,
           const char  *sql,
           int         *result,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *result = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    set_error_from_sqlite (handle, path, rc, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

/* quick_check plus the schema version: what must hold before anything is written. */
static gboolean
check_database (sqlite3     *handle,
                const char  *path,
                gboolean     is_backup,
                int         *version,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (result, "ok") == 0;
      if (!ok)
        g_debug ("%s: quick_check: %s", path, result);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
    {
      set_error_from_sqlite (handle, path, rc, error);
      return FALSE;
    }
  if (!ok)
    {
      set_not_a_database_error (path, is_backup, error);
      return FALSE;
    }

  if (!query_int (handle, path, "PRAGMA user_version", version, error))
    return FALSE;

  if (*version > pathways_db_get_latest_version ())
    {
      if (is_backup)
        g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_NEWER_SCHEMA,
                     _("The backup “%s” was made by a newer version of Pathways (schema %d; "
                       "this version knows up to %d). Update Pathways to restore it."),
                     display, *version, pathways_db_get_latest_version ());
      else
        g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_NEWER_SCHEMA,
                     _("“%s” was written by a newer version of Pathways (schema %d; this "
                       "version knows up to %d). It has not been changed; update Pathways to "
                       "open it."), display, *version, pathways_db_get_latest_version ());
      return FALSE;
    }

  return TRUE;
}

/* Checks an existing, non-empty file from the outside in: the magic bytes, then SQLite's
 * own quick_check and the schema version, all through a connection that cannot write. */
static gboolean
check_file (const char  *path,
            gboolean     is_backup,
            GError     **error)
{
  sqlite3 *handle;
  gboolean is_wal = FALSE;
  gboolean ok;
  int version = 0;

  if (!check_header (path, is_backup, &is_wal, error))
    return FALSE;

  handle = open_read_only (path, is_wal, error);
  if (handle == NULL)
    return FALSE;

  ok = check_database (handle, path, is_backup, &version, error);
  sqlite3_close (handle);

  return ok;
}

/* ==== opening ==== */

static gboolean
exec_sql (PathwaysDb  *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (self->handle, self->path, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_migration (PathwaysDb       *self,
                 const Migration  *migration,
                 GError          **error)
{
  g_autofree char *resource_path = g_strconcat (MIGRATIONS_PATH, migration->name, NULL);
  g_autofree char *set_version = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *errmsg = NULL;
  const char *data;
  gsize size;
  int rc;

  bytes = g_resource_lookup_data (pathways_core_get_resource (), resource_path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  g_assert_no_error (local_error);
  data = g_bytes_get_data (bytes, &size);
  sql = g_strndup (data, size);

  if (!pathways_db_begin (self, error))
    return FALSE;

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &errmsg);
  if (rc == SQLITE_OK)
    {
      set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);
      rc = sqlite3_exec (self->handle, set_version, NULL, NULL, &errmsg);
    }

  /* Foreign keys are off while migrating, so a migration may rebuild a table (SQLite's way
   * to alter one); check afterwards that it left no dangling reference behind. */
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          errmsg = sqlite3_mprintf ("references from table %s are broken",
                                    sqlite3_column_text (stmt, 0));
          rc = SQLITE_CONSTRAINT;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_finalize (stmt);
    }

  if (rc == SQLITE_OK)
    {
      if (pathways_db_commit (self, error))
        {
          g_debug ("%s: applied %s", self->path, migration->name);
          return TRUE;
        }
      pathways_db_rollback (self);
      return FALSE;
    }

  message = g_strdup (errmsg != NULL ? errmsg : sqlite3_errmsg (self->handle));
  sqlite3_free (errmsg);

  /* These say something about the disk, not the migration, and have their own remedy. */
  if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_READONLY
      || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_IOERR)
    {
      set_error_from_sqlite (self->handle, self->path, rc, error);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_MIGRATION,
                   _("Updating “%s” to this version of Pathways failed at step %s (%s). The "
                     "file was left as it was; please report this problem."),
                   display, migration->name, message);
    }

  pathways_db_rollback (self);

  return FALSE;
}

static gboolean
migrate (PathwaysDb  *self,
         GError     **error)
{
  GArray *migrations = get_migrations ();
  int version = 0;

  if (!query_int (self->handle, self->path, "PRAGMA user_version", &version, error))
    return FALSE;

  for (guint i = 0; i < migrations->len; i++)
    {
      const Migration *migration = &g_array_index (migrations, Migration, i);

      if (migration->version <= version)
        continue;
      if (!apply_migration (self, migration, error))
        return FALSE;
    }

  return TRUE;
}

/* The checks before a connection that can write is made: the folder, and the file itself
 * when it exists. Creates a missing file with mode 0600 (SQLite would follow the umask). */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, PATHWAYS_DB_ERROR,
                   errno_is_permission (saved_errno) ? PATHWAYS_DB_ERROR_READ_ONLY
                                                     : PATHWAYS_DB_ERROR_FAILED,
                   _("The folder “%s” for Pathways’ data can’t be created: %s. Choose another "
                     "place for your data."), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    {
      int fd;

      if (errno != ENOENT)
        {
          set_error_from_errno (path, errno, error);
          return FALSE;
        }

      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        {
          set_error_from_errno (path, errno, error);
          return FALSE;
        }
      if (fd >= 0)
        close (fd);

      return TRUE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_FAILED,
                   _("“%s” is not a file. Choose another place for your data."), display);
      return FALSE;
    }

  if (st.st_size > 0 && !check_file (path, FALSE, error))
    return FALSE;

  /* WAL keeps its log and index beside the file, so the folder must be writable too. */
  if (g_access (path, R_OK | W_OK) != 0 || g_access (dir, W_OK | X_OK) != 0)
    {
      set_read_only_error (path, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * pathways_db_open:
 * @path: the database file; it and its folder are created when missing
 * @error: return location for a #PathwaysDbError
 *
 * Opens the database, creating it or bringing its schema up to date. A file that is not
 * a database, fails SQLite's quick_check, or was written by a newer Pathways is refused
 * and left byte for byte as it was.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with @error set
 */
PathwaysDb *
pathways_db_open (const char  *path,
                  GError     **error)
{
  g_autoptr(PathwaysDb) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The records index (schema 3) needs the search tokenizer on every connection. */
  pathways_search_init ();

  if (!prepare_file (path, error))
    return NULL;

  self = g_object_new (PATHWAYS_TYPE_DB, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_PRIVATECACHE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      pathways_db_set_error (self, rc, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  /* WAL: readers never block the writer and a killed process can't leave a half-written
   * page in the file. synchronous=NORMAL in WAL mode loses nothing when the app crashes
   * or is killed (committed pages are in the OS's hands); only a power cut can undo the
   * last commits, never damage the file. That trade spares an fsync on every autosave.
   * Foreign keys stay off while migrating (see apply_migration). */
  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error)
      || !exec_sql (self, "PRAGMA synchronous = NORMAL", error)
      || !migrate (self, error)
      || !exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pathways_db_get_path:
 * @self: a database
 *
 * Returns: the file the database lives in
 */
const char *
pathways_db_get_path (PathwaysDb *self)
{
  g_return_val_if_fail (PATHWAYS_IS_DB (self), NULL);

  return self->path;
}

/**
 * pathways_db_get_handle:
 * @self: a database
 *
 * Returns: the SQLite connection, for the store's queries
 */
sqlite3 *
pathways_db_get_handle (PathwaysDb *self)
{
  g_return_val_if_fail (PATHWAYS_IS_DB (self), NULL);

  return self->handle;
}

/* ==== statements and transactions ==== */

/**
 * pathways_db_prepare:
 * @self: a database
 * @sql: one SQL statement
 * @error: return location for the error
 *
 * Compiles @sql once and hands out the same statement afterwards, reset and with its
 * bindings cleared. Reset it when done with it, so it doesn't hold a read transaction open.
 *
 * Returns: (transfer none) (nullable): the statement, owned by @self
 */
sqlite3_stmt *
pathways_db_prepare (PathwaysDb  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      pathways_db_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static gboolean
run_cached (PathwaysDb  *self,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = pathways_db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * pathways_db_begin:
 * @self: a database
 * @error: return location for the error
 *
 * Starts a write transaction. IMMEDIATE takes the write lock now, so a busy database shows
 * up here (after the busy timeout) rather than halfway through the writes.
 *
 * Returns: %TRUE if the transaction started
 */
gboolean
pathways_db_begin (PathwaysDb  *self,
                   GError     **error)
{
  g_return_val_if_fail (PATHWAYS_IS_DB (self), FALSE);

  return run_cached (self, "BEGIN IMMEDIATE", error);
}

/**
 * pathways_db_commit:
 * @self: a database
 * @error: return location for the error
 *
 * Commits the transaction. On failure the caller must call pathways_db_rollback().
 *
 * Returns: %TRUE if the writes are in the file
 */
gboolean
pathways_db_commit (PathwaysDb  *self,
                    GError     **error)
{
  g_return_val_if_fail (PATHWAYS_IS_DB (self), FALSE);

  return run_cached (self, "COMMIT", error);
}

/**
 * pathways_db_rollback:
 * @self: a database
 *
 * Abandons the open transaction, if SQLite hasn't already (it does after some errors, such
 * as a full disk). Safe to call when no transaction is open.
 */
void
pathways_db_rollback (PathwaysDb *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PATHWAYS_IS_DB (self));

  if (sqlite3_get_autocommit (self->handle))
    return;

  if (!run_cached (self, "ROLLBACK", &error))
    g_debug ("Rollback failed: %s", error->message);
}

/* ==== backups ==== */

static char *
dup_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* "BASE-STAMP.sqlite", or with -2, -3… when a file of that name exists (two backups in
 * the same second). */
static char *
dup_unused_path (const char *dir,
                 const char *base,
                 const char *suffix)
{
  for (guint i = 1; ; i++)
    {
      g_autofree char *name = i == 1 ? g_strconcat (base, suffix, NULL)
                                     : g_strdup_printf ("%s-%u%s", base, i, suffix);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* Makes a rename durable: the new name lives in the folder's own data. */
static void
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("fsync of %s: %s", dir, g_strerror (errno));
  close (fd);
}

/* Copies the database behind @source into @destination with SQLite's backup API, which
 * reads a consistent snapshot (the log included) while the source stays usable. The copy
 * is written under a temporary name in the destination's folder and renamed into place, so
 * @destination is either the old file or a complete copy, never half of one. */
static gboolean
copy_database (sqlite3     *source,
               const char  *source_path,
               const char  *destination,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (destination);
  g_autofree char *temp_path = g_build_filename (dir, TEMP_PREFIX "XXXXXX", NULL);
  sqlite3_backup *backup;
  sqlite3 *target = NULL;
  int fd;
  int rc;

  /* mkstemp's mode 0600: a backup holds the same private notes as the database. */
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_error_from_errno (destination, errno, error);
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temp_path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_PRIVATECACHE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (target, destination, rc, error);
      goto fail;
    }

  backup = sqlite3_backup_init (target, "main", source, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (target);
      set_error_from_sqlite (target, destination, rc, error);
      goto fail;
    }

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      /* A damaged source reports through the source connection. */
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        set_error_from_sqlite (source, source_path, rc, error);
      else
        set_error_from_sqlite (target, destination, rc, error);
      goto fail;
    }

  rc = sqlite3_close (target);
  target = NULL;
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (NULL, destination, rc, error);
      goto fail;
    }

  if (g_rename (temp_path, destination) != 0)
    {
      set_error_from_errno (destination, errno, error);
      goto fail;
    }
  sync_dir (dir);

  return TRUE;

fail:
  sqlite3_close (target);
  g_unlink (temp_path);

  return FALSE;
}

/**
 * pathways_db_backup_to:
 * @self: a database
 * @destination: the file to write; replaced if it exists
 * @error: return location for the error
 *
 * Writes a complete copy of the database as last committed to @destination (mode 0600).
 * The copy is read through a connection of its own, so it never includes a transaction in
 * progress, doesn't hold up writes, and may be made from a worker thread.
 *
 * Returns: %TRUE if @destination now holds the copy
 */
gboolean
pathways_db_backup_to (PathwaysDb  *self,
                       const char  *destination,
                       GError     **error)
{
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_DB (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  /* Our own connection keeps the -wal file in place, so this never needs "immutable". */
  source = open_read_only (self->path, FALSE, error);
  if (source == NULL)
    return FALSE;

  ok = copy_database (source, self->path, destination, error);
  sqlite3_close (source);

  return ok;
}

/**
 * pathways_db_dup_backup_dir:
 * @db_path: a database file
 *
 * Returns: (transfer full): the folder that holds @db_path's backups
 */
char *
pathways_db_dup_backup_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

typedef struct
{
  char   *path;
  gint64  mtime;
} BackupFile;

static void
backup_file_clear (gpointer data)
{
  BackupFile *file = data;

  g_free (file->path);
}

/* Newest first; the name (which holds the time) settles ties. */
static int
backup_file_compare (gconstpointer a,
                     gconstpointer b)
{
  const BackupFile *fa = a;
  const BackupFile *fb = b;

  if (fa->mtime != fb->mtime)
    return fa->mtime < fb->mtime ? 1 : -1;

  return -g_strcmp0 (fa->path, fb->path);
}

/* The backups in @dir, newest first; an unreadable folder has none. */
static GArray *
list_backups (const char *dir)
{
  GArray *files = g_array_new (FALSE, TRUE, sizeof (BackupFile));
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_array_set_clear_func (files, backup_file_clear);
  if (handle == NULL)
    return files;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      BackupFile file = { 0, };
      GStatBuf st;

      if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
        continue;

      file.path = g_build_filename (dir, name, NULL);
      if (g_lstat (file.path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_free (file.path);
          continue;
        }
      file.mtime = (gint64) st.st_mtime;
      g_array_append_val (files, file);
    }

  g_array_sort (files, backup_file_compare);

  return files;
}

/**
 * pathways_db_dup_newest_backup:
 * @db_path: a database file
 *
 * Returns: (transfer full) (nullable): the most recent backup of @db_path, or %NULL if
 *   there is none
 */
char *
pathways_db_dup_newest_backup (const char *db_path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GArray) files = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = pathways_db_dup_backup_dir (db_path);
  files = list_backups (dir);
  if (files->len == 0)
    return NULL;

  return g_strdup (g_array_index (files, BackupFile, 0).path);
}

/* Keeps the newest BACKUPS_KEPT backups, and clears away copies a crash interrupted. */
static void
prune_backups (const char *dir)
{
  g_autoptr(GArray) files = list_backups (dir);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  for (guint i = BACKUPS_KEPT; i < files->len; i++)
    {
      const char *path = g_array_index (files, BackupFile, i).path;

      if (g_unlink (path) != 0)
        g_debug ("Could not remove old backup %s: %s", path, g_strerror (errno));
    }

  /* A day old, so a copy another thread is writing right now is safe. */
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode)
          && g_get_real_time () / G_USEC_PER_SEC - (gint64) st.st_mtime > BACKUP_INTERVAL_S)
        g_unlink (path);
    }
}

/* Backups dated in the future mean the clock was set back. Left so, they would stay the
 * "newest" until it caught up: no daily backup would be due by their date, each one made
 * anyway would sort below them and be the first pruned, and restoring the newest backup
 * would bring back theirs. So they are dated a day before now, in the order they were made
 * (@files is newest first): their content is untouched. Returns whether any was. */
static gboolean
redate_future_backups (GArray *files)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 n_future = 0;

  for (guint i = 0; i < files->len; i++)
    {
      BackupFile *file = &g_array_index (files, BackupFile, i);
      struct utimbuf times;

      if (file->mtime <= now)
        continue;

      times.actime = times.modtime = (time_t) (now - BACKUP_INTERVAL_S - n_future);
      if (g_utime (file->path, &times) == 0)
        file->mtime = (gint64) times.modtime;
      else
        g_debug ("Could not redate backup %s: %s", file->path, g_strerror (errno));
      n_future++;
    }

  return n_future > 0;
}

/**
 * pathways_db_daily_backup:
 * @self: a database
 * @made_one: (out) (optional): whether a backup was written
 * @error: return location for the error
 *
 * Backs the database up into pathways_db_dup_backup_dir() when the newest backup there is
 * a day old or more (or there is none), then keeps only the newest seven.
 *
 * Returns: %TRUE unless a backup was due and could not be written
 */
gboolean
pathways_db_daily_backup (PathwaysDb  *self,
                          gboolean    *made_one,
                          GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *base = NULL;
  g_autofree char *destination = NULL;
  g_autoptr(GArray) files = NULL;

  g_return_val_if_fail (PATHWAYS_IS_DB (self), FALSE);

  if (made_one != NULL)
    *made_one = FALSE;

  dir = pathways_db_dup_backup_dir (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_from_errno (dir, errno, error);
      return FALSE;
    }

  files = list_backups (dir);
  if (redate_future_backups (files))
    g_array_sort (files, backup_file_compare);
  if (files->len > 0)
    {
      gint64 age = g_get_real_time () / G_USEC_PER_SEC
                   - g_array_index (files, BackupFile, 0).mtime;

      if (age >= 0 && age < BACKUP_INTERVAL_S)
        return TRUE;
    }

  stamp = dup_timestamp ();
  base = g_strconcat (BACKUP_PREFIX, stamp, NULL);
  destination = dup_unused_path (dir, base, BACKUP_SUFFIX);
  if (!pathways_db_backup_to (self, destination, error))
    return FALSE;

  g_debug ("Backed up %s to %s", self->path, destination);
  if (made_one != NULL)
    *made_one = TRUE;

  prune_backups (dir);

  return TRUE;
}

/* Moves a database's companion files along with it, so they stay paired with it: a log left
 * behind would be replayed into whatever file takes the name next. */
static gboolean
rename_companions (const char  *from,
                   const char  *to,
                   GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *old_path = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *new_path = g_strconcat (to, suffixes[i], NULL);

      if (g_rename (old_path, new_path) != 0 && errno != ENOENT)
        {
          set_error_from_errno (old_path, errno, error);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * pathways_db_set_aside:
 * @db_path: a damaged database file (closed)
 * @error: return location for the error
 *
 * Keeps a damaged file out of the way without destroying it: renames it (and its -wal and
 * -shm files) to "NAME.damaged-YYYYMMDD-HHMMSS" in the same folder, so a new database can
 * take its name.
 *
 * Returns: (transfer full) (nullable): the new name of the file
 */
char *
pathways_db_set_aside (const char  *db_path,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *base = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  name = g_path_get_basename (db_path);
  stamp = dup_timestamp ();
  base = g_strconcat (name, ".damaged-", stamp, NULL);
  target = dup_unused_path (dir, base, "");

  if (g_rename (db_path, target) != 0)
    {
      set_error_from_errno (db_path, errno, error);
      return NULL;
    }

  if (!rename_companions (db_path, target, error))
    return NULL;

  sync_dir (dir);
  g_debug ("Set %s aside as %s", db_path, target);

  return g_steal_pointer (&target);
}

/* Keeps the file a restore is about to replace: a copy in the backups folder when it is a
 * healthy database (even one from a newer Pathways), else the file itself set aside. */
static gboolean
keep_current_file (const char  *db_path,
                   GError     **error)
{
  g_autoptr(GError) check_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *base = NULL;
  g_autofree char *destination = NULL;
  sqlite3 *source;
  gboolean is_wal = FALSE;
  gboolean ok;
  GStatBuf st;

  if (g_stat (db_path, &st) != 0 || st.st_size == 0)
    return TRUE;

  if (!check_file (db_path, FALSE, &check_error)
      && !g_error_matches (check_error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_NEWER_SCHEMA))
    {
      g_autofree char *aside = NULL;

      if (!g_error_matches (check_error, PATHWAYS_DB_ERROR, PATHWAYS_DB_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&check_error));
          return FALSE;
        }

      g_debug ("%s is not healthy (%s); setting it aside", db_path, check_error->message);
      aside = pathways_db_set_aside (db_path, error);

      return aside != NULL;
    }

  dir = pathways_db_dup_backup_dir (db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_from_errno (dir, errno, error);
      return FALSE;
    }

  /* Through SQLite rather than a file copy: changes still in the -wal file must come along,
   * and a read-only connection never checkpoints them into the file. */
  check_header (db_path, FALSE, &is_wal, NULL);
  source = open_read_only (db_path, is_wal, error);
  if (source == NULL)
    return FALSE;

  stamp = dup_timestamp ();
  base = g_strconcat (BACKUP_PREFIX, stamp, "-before-restore", NULL);
  destination = dup_unused_path (dir, base, BACKUP_SUFFIX);
  ok = copy_database (source, db_path, destination, error);
  sqlite3_close (source);

  return ok;
}

/**
 * pathways_db_restore:
 * @db_path: the database file; it must not be open
 * @backup_path: the backup to restore
 * @error: return location for the error
 *
 * Replaces the database with a backup. The backup must be a healthy database no newer than
 * this build. The current file is kept first — copied into the backups folder, or set aside
 * if it is damaged — and the replacement is atomic: a crash leaves either file, whole.
 *
 * Returns: %TRUE if @db_path now holds the backup's data
 */
gboolean
pathways_db_restore (const char  *db_path,
                     const char  *backup_path,
                     GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  sqlite3 *source;
  gboolean is_wal = FALSE;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!check_file (backup_path, TRUE, error))
    return FALSE;

  if (!keep_current_file (db_path, error))
    return FALSE;

  dir = g_path_get_dirname (db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_from_errno (dir, errno, error);
      return FALSE;
    }

  /* The whole copy first, under a name beside the database (a rename is only atomic within
   * one file system); only then is anything of the old file touched. */
  name = g_path_get_basename (db_path);
  stamp = dup_timestamp ();
  base = g_strconcat (".", name, ".restoring-", stamp, NULL);
  temp_path = dup_unused_path (dir, base, "");

  check_header (backup_path, TRUE, &is_wal, NULL);
  source = open_read_only (backup_path, is_wal, error);
  if (source == NULL)
    return FALSE;
  ok = copy_database (source, backup_path, temp_path, error);
  sqlite3_close (source);
  if (!ok)
    return FALSE;

  /* The old file's log must not be replayed into the restored one. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (db_path, companions[i], NULL);

      if (g_unlink (companion) != 0 && errno != ENOENT)
        {
          set_error_from_errno (companion, errno, error);
          g_unlink (temp_path);
          return FALSE;
        }
    }

  if (g_rename (temp_path, db_path) != 0)
    {
      set_error_from_errno (db_path, errno, error);
      g_unlink (temp_path);
      return FALSE;
    }
  sync_dir (dir);

  g_debug ("Restored %s from %s", db_path, backup_path);

  return TRUE;
}

/* ==== GObject ==== */

static void
pathways_db_finalize (GObject *object)
{
  PathwaysDb *self = PATHWAYS_DB (object);

  g_clear_pointer (&self->statements, g_hash_table_destroy);

  /* Closing the last connection checkpoints the log into the file and removes it. */
  if (self->handle != NULL && sqlite3_close (self->handle) != SQLITE_OK)
    g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->handle));
  g_free (self->path);

  G_OBJECT_CLASS (pathways_db_parent_class)->finalize (object);
}

static void
pathways_db_class_init (PathwaysDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathways_db_finalize;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pathways_db_init (PathwaysDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
}
