/* pathways-db.h: the SQLite file every record lives in — opening it safely, migrations,
 * backups, and refusing to touch files that are damaged or from a newer Pathways.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define PATHWAYS_DB_ERROR (pathways_db_error_quark ())

typedef enum
{
  PATHWAYS_DB_ERROR_NEWER_SCHEMA,  /* user_version newer than this build knows: untouched */
  PATHWAYS_DB_ERROR_CORRUPT,       /* not a database, or quick_check failed: untouched */
  PATHWAYS_DB_ERROR_READ_ONLY,     /* the file or its folder can't be written */
  PATHWAYS_DB_ERROR_FULL,          /* the disk (or the page limit) is full */
  PATHWAYS_DB_ERROR_MIGRATION,     /* a migration failed: rolled back, file as it was */
  PATHWAYS_DB_ERROR_FAILED,        /* anything else SQLite reports */
} PathwaysDbError;

#define PATHWAYS_TYPE_DB (pathways_db_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysDb, pathways_db, PATHWAYS, DB, GObject)

/* Turns the row @stmt is on into a newly allocated record. */
typedef gpointer (*PathwaysDbRowFunc) (sqlite3_stmt *stmt);

GQuark      pathways_db_error_quark          (void);
int         pathways_db_get_latest_version   (void);
PathwaysDb *pathways_db_open                 (const char  *path,
                                              GError     **error);
const char *pathways_db_get_path             (PathwaysDb  *self);
sqlite3    *pathways_db_get_handle           (PathwaysDb  *self);
gboolean    pathways_db_begin                (PathwaysDb  *self,
                                              GError     **error);
gboolean    pathways_db_commit               (PathwaysDb  *self,
                                              GError     **error);
void        pathways_db_rollback             (PathwaysDb  *self);
sqlite3_stmt *pathways_db_prepare            (PathwaysDb  *self,
                                              const char  *sql,
                                              GError     **error);
void        pathways_db_set_error            (PathwaysDb  *self,
                                              int          rc,
                                              GError     **error);
gboolean    pathways_db_step_done            (PathwaysDb  *self,
                                              sqlite3_stmt *stmt,
                                              GError     **error);
gboolean    pathways_db_end                  (PathwaysDb  *self,
                                              gboolean     ok,
                                              GError     **error);
void        pathways_db_bind_text            (sqlite3_stmt *stmt,
                                              int          index,
                                              const char  *text);
const char *pathways_db_column_text          (sqlite3_stmt *stmt,
                                              int          column);
gint64      pathways_db_step_insert          (PathwaysDb  *self,
                                              sqlite3_stmt *stmt,
                                              GError     **error);
GPtrArray  *pathways_db_collect_rows         (PathwaysDb        *self,
                                              sqlite3_stmt      *stmt,
                                              PathwaysDbRowFunc  from_row,
                                              GDestroyNotify     free_func,
                                              GError           **error);
gpointer    pathways_db_collect_one          (PathwaysDb        *self,
                                              sqlite3_stmt      *stmt,
                                              PathwaysDbRowFunc  from_row,
                                              GError           **error);
gboolean    pathways_db_backup_to            (PathwaysDb  *self,
                                              const char  *destination,
                                              GError     **error);
gboolean    pathways_db_daily_backup         (PathwaysDb  *self,
                                              gboolean    *made_one,
                                              GError     **error);
char       *pathways_db_dup_backup_dir       (const char  *db_path);
char       *pathways_db_dup_newest_backup    (const char  *db_path);
char       *pathways_db_set_aside            (const char  *db_path,
                                              GError     **error);
gboolean    pathways_db_restore              (const char  *db_path,
                                              const char  *backup_path,
                                              GError     **error);

G_END_DECLS
