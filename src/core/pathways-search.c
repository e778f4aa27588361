/* pathways-search.c: the handbook's search index (a cache kept current by a stat pass) and
 * queries over it and over the user's records.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pathways-markdown.h"
#include "pathways-search.h"

/* Bump when the cache's tables or the tokenizer change: older caches are rebuilt. */
#define CACHE_VERSION 5

/* A section's rowid is its page's id shifted by this many bits, plus its position. */
#define SECTION_BITS 12
#define MAX_SECTIONS ((1 << SECTION_BITS) - 1)

/* How much a match counts in each column of the section table: titles most, then
 * headings, then the text. */
#define RANK_WEIGHTS "0.0, 0.0, 10.0, 5.0, 1.0"

/* A page shows at most this many of its sections in one list of results. */
#define MAX_SECTIONS_PER_PAGE 3

/* A prefix standing for at most this many indexed words is searched as those words. */
#define MAX_EXPANSIONS 8

/* A prefix standing for at most this many words has their sections counted one by one. */
#define MAX_COUNTED_WORDS 32

/* A query whose every word is in more sections than this is broad ("team", "the"):
 * ranking all its matches would take tens of milliseconds, so the ones in titles and
 * headings are ranked, and the rest follow in handbook order. */
#define BROAD_SECTIONS 2000

/* Leaves out the pages already showing their three sections and the sections shown. */
#define EXCLUDED_SQL \
  " AND (rowid >> " G_STRINGIFY (SECTION_BITS) ") NOT IN (SELECT value FROM json_each (?3))" \
  " AND rowid NOT IN (SELECT value FROM json_each (?4))"

/* Words in a snippet. */
#define SNIPPET_TOKENS 16

/* While building, commit (and show progress) this often, so searches see the pages done. */
#define COMMIT_EVERY_PAGES 1000
#define COMMIT_EVERY_USEC G_TIME_SPAN_SECOND

/* A page's first bytes that are read: the Markdown parser cuts there anyway. */
#define MAX_READ_BYTES (PATHWAYS_MARKDOWN_MAX_PAGE_SIZE + 1)

/* ==== the user's records ==== */

/* The kind of a record_search row, from its rowid (see 0003-search.sql). */
static gboolean
kind_from_rowid (gint64              rowid,
                 PathwaysSearchKind *kind,
                 gboolean           *is_private)
{
  *is_private = FALSE;

  switch (rowid & 15)
    {
    case 1: *kind = PATHWAYS_SEARCH_PERSON; return TRUE;
    case 2: *kind = PATHWAYS_SEARCH_MEETING; return TRUE;
    case 3: *kind = PATHWAYS_SEARCH_MEETING; *is_private = TRUE; return TRUE;
    case 4: *kind = PATHWAYS_SEARCH_TALKING_POINT; return TRUE;
    case 5: *kind = PATHWAYS_SEARCH_ACTION_ITEM; return TRUE;
    case 6: *kind = PATHWAYS_SEARCH_NOTE; return TRUE;
    case 7: *kind = PATHWAYS_SEARCH_REVIEW; return TRUE;
    case 8: *kind = PATHWAYS_SEARCH_EVIDENCE; return TRUE;
    default: return FALSE;
    }
}

/* Where each kind of record belongs: its meeting and date, and what to call it. One row of
 * (meeting id, date, context, anchor[, cycle id]) for the record's id. */
static const char *
context_sql (PathwaysSearchKind kind)
{
  switch (kind)
    {
    case PATHWAYS_SEARCH_MEETING:
      return "SELECT id, substr(scheduled_at, 1, 10), kind, NULL FROM meeting WHERE id = ?1";
    case PATHWAYS_SEARCH_TALKING_POINT:
      return "SELECT a.meeting_id, substr(coalesce(m.scheduled_at, a.created_at), 1, 10),"
             "  m.kind, NULL"
             " FROM agenda_item a LEFT JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?1";
    case PATHWAYS_SEARCH_ACTION_ITEM:
      return "SELECT a.meeting_id, substr(coalesce(m.scheduled_at, a.created_at), 1, 10),"
             "  CASE WHEN a.done_at IS NULL THEN 'open' ELSE 'done' END, NULL"
             " FROM action_item a LEFT JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?1";
    case PATHWAYS_SEARCH_NOTE:
      return "SELECT NULL, coalesce(occurred_on, substr(created_at, 1, 10)), kind, NULL"
             " FROM note WHERE id = ?1";
    case PATHWAYS_SEARCH_REVIEW:
      return "SELECT NULL, c.ends_on, c.name, NULL, c.id"
             " FROM review r JOIN review_cycle c ON c.id = r.cycle_id WHERE r.id = ?1";
    case PATHWAYS_SEARCH_EVIDENCE:
      return "SELECT NULL, occurred_on, expectation_text, expectation_key"
             " FROM ladder_evidence WHERE id = ?1";
    case PATHWAYS_SEARCH_PERSON:
    case PATHWAYS_SEARCH_HANDBOOK:
    default:
      return NULL;
    }
}

static gboolean
fill_context (PathwaysDb            *db,
              PathwaysSearchResult  *result,
              GError               **error)
{
  const char *sql = context_sql (result->kind);
  sqlite3_stmt *stmt;
  int rc;

  if (sql == NULL)
    return TRUE;

  stmt = pathways_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, result->record_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      result->meeting_id = sqlite3_column_int64 (stmt, 0);
      result->date = g_strdup (pathways_db_column_text (stmt, 1));
      result->context = g_strdup (pathways_db_column_text (stmt, 2));
      result->anchor = g_strdup (pathways_db_column_text (stmt, 3));
      if (sqlite3_column_count (stmt) > 4)
        result->cycle_id = sqlite3_column_int64 (stmt, 4);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * pathways_search_records:
 * @db: the database
 * @query: what somebody typed (see pathways_search_dup_match())
 * @limit: the most results to return
 * @error: return location for an error
 *
 * Searches people, talking points, meeting notes (shared and private), action items, the
 * notes log, review drafts and ladder evidence; records of people in the bin are left out.
 *
 * Returns: (transfer full) (element-type PathwaysSearchResult) (nullable): the results,
 *   best first, or %NULL with @error set
 */
GPtrArray *
pathways_search_records (PathwaysDb  *db,
                         const char  *query,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_search_result_free);
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATHWAYS_IS_DB (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  match = pathways_search_dup_match (query);
  if (match == NULL || limit == 0)
    return g_steal_pointer (&results);

  /* Sorting is all the inner query does: the text is read, and the snippet made from it,
   * for the rows returned only (a column in the sorted query is read for every match). */
  stmt = pathways_db_prepare (db,
    "SELECT r.rowid, r.person_id, p.name, c.title, c.body, r.rank"
    " FROM (SELECT rowid, person_id, rank"
    "       FROM record_search WHERE record_search MATCH ?1 ORDER BY rank LIMIT ?2) r"
    " JOIN person p ON p.id = r.person_id AND p.deleted_at IS NULL"
    " JOIN record_search c ON c.rowid = r.rowid"
    " ORDER BY r.rank", error);
  if (stmt == NULL)
    return NULL;

  terms = pathways_search_dup_query_terms (query);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PathwaysSearchResult *result = g_new0 (PathwaysSearchResult, 1);
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      const char *title = pathways_db_column_text (stmt, 3);
      const char *body = pathways_db_column_text (stmt, 4);
      g_autofree char *from_body = NULL;

      if (!kind_from_rowid (rowid, &result->kind, &result->is_private))
        {
          pathways_search_result_free (result);
          continue;
        }

      result->record_id = rowid >> 4;
      result->person_id = sqlite3_column_int64 (stmt, 1);
      result->title = g_strdup (pathways_db_column_text (stmt, 2));
      /* The text the words are in: the body, else the first line (a talking point). */
      from_body = pathways_search_dup_snippet (body != NULL ? body : "", terms, SNIPPET_TOKENS);
      if (strchr (from_body, PATHWAYS_SEARCH_MARK_START) == NULL && title != NULL && *title != '\0')
        result->snippet = pathways_search_dup_snippet (title, terms, SNIPPET_TOKENS);
      else
        result->snippet = g_steal_pointer (&from_body);
      result->rank = sqlite3_column_double (stmt, 5);
      g_ptr_array_add (results, result);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      pathways_db_set_error (db, rc, error);
      return NULL;
    }

  for (guint i = 0; i < results->len; i++)
    if (!fill_context (db, g_ptr_array_index (results, i), error))
      return NULL;

  return g_steal_pointer (&results);
}

/* ==== the handbook index ==== */

struct _PathwaysSearchIndex
{
  GObject       parent_instance;

  char         *path;       /* the cache file */
  char         *root_path;  /* the handbook folder */
  sqlite3      *reader;     /* the main thread's connection, for queries */
  sqlite3_stmt *query;
  sqlite3_stmt *query_unranked;
  sqlite3_stmt *next_word;
  sqlite3_stmt *count_sections;
  sqlite3_stmt *vocab_prefix;
  sqlite3_stmt *vocab_prefix_headings;
  char         *listed_prefix;  /* during a query: the prefix expanded, and all its words */
  GPtrArray    *listed_words;
  guint         n_pages;

  GTask        *running;    /* the update in progress */
  gboolean      again;      /* another update was asked for while one ran */
  PathwaysHandbook *again_handbook;
  GPtrArray    *waiters;    /* GTask: callers of update_async, told when all is done */
};

G_DEFINE_FINAL_TYPE (PathwaysSearchIndex, pathways_search_index, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUILDING,
  N_PROPS
};

enum {
  SIGNAL_PROGRESS,
  SIGNAL_UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_sqlite_error (sqlite3     *db,
                  const char  *path,
                  GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s is a file, then SQLite's message */
               _("The search index “%s” could not be used: %s"),
               path, db != NULL ? sqlite3_errmsg (db) : "out of memory");
}

static gboolean
exec (sqlite3     *db,
      const char  *path,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, path, error);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
open_connection (const char  *path,
                 GError     **error)
{
  sqlite3 *db = NULL;

  /* Each connection is used by one thread only (the reader by the main thread, a writer by
   * its update's thread): SQLite needn't lock around every call. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_PRIVATECACHE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, path, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);

  return db;
}

static int
get_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* Opens the cache, making it when new and starting again when it is from another
 * version or damaged: it holds nothing that can't be rebuilt from the handbook. */
static sqlite3 *
open_cache (const char  *path,
            GError     **error)
{
  static const char *schema =
    "BEGIN;"
    "CREATE TABLE page ("
    "  id    INTEGER PRIMARY KEY,"
    "  path  TEXT NOT NULL UNIQUE,"
    "  size  INTEGER NOT NULL,"
    "  mtime INTEGER NOT NULL,"
    "  title TEXT NOT NULL);"
    "CREATE VIRTUAL TABLE section USING fts5 ("
    "  page UNINDEXED, anchor UNINDEXED, title, heading, body,"
    "  tokenize = 'pathways');"
    "INSERT INTO section (section, rank) VALUES ('rank', 'pathways_rank(" RANK_WEIGHTS ")');"
    /* Words wait in memory until this much has been added (or a commit): a whole build
     * writes a few big segments rather than merging dozens of small ones. */
    "INSERT INTO section (section, rank) VALUES ('hashsize', 16777216);"
    "CREATE VIRTUAL TABLE section_vocab USING fts5vocab (section, row);"
    "CREATE VIRTUAL TABLE section_vocab_col USING fts5vocab (section, col);"
    "PRAGMA user_version = " G_STRINGIFY (CACHE_VERSION) ";"
    "COMMIT;";

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      sqlite3 *db = open_connection (path, &local_error);
      int version;

      if (db != NULL)
        {
          version = get_user_version (db);
          if (version == CACHE_VERSION &&
              exec (db, path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;"
                    "SELECT count(*) FROM page; SELECT rowid FROM section LIMIT 1",
                    &local_error))
            return db;

          if (version == 0 &&
              exec (db, path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF", NULL) &&
              exec (db, path, schema, &local_error))
            return db;

          sqlite3_close (db);
        }

      if (attempt == 1)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The search index “%s” could not be used"), path);
          return NULL;
        }

      g_debug ("search: starting %s afresh (version %d)", path,
               db != NULL ? version : -1);
      for (guint i = 0; i < 3; i++)
        {
          static const char * const suffixes[] = { "", "-wal", "-shm" };
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          if (g_unlink (file) != 0 && errno != ENOENT)
            {
              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                           _("The search index “%s” could not be replaced: %s"),
                           file, g_strerror (errno));
              return NULL;
            }
        }
    }

  g_assert_not_reached ();
}

static void
pathways_search_index_finalize (GObject *object)
{
  PathwaysSearchIndex *self = PATHWAYS_SEARCH_INDEX (object);

  g_assert (self->running == NULL);

  sqlite3_finalize (self->query);
  sqlite3_finalize (self->query_unranked);
  sqlite3_finalize (self->next_word);
  sqlite3_finalize (self->count_sections);
  sqlite3_finalize (self->vocab_prefix);
  sqlite3_finalize (self->vocab_prefix_headings);
  sqlite3_close (self->reader);
  g_free (self->listed_prefix);
  g_clear_pointer (&self->listed_words, g_ptr_array_unref);
  g_clear_object (&self->again_handbook);
  g_ptr_array_unref (self->waiters);
  g_free (self->path);
  g_free (self->root_path);

  G_OBJECT_CLASS (pathways_search_index_parent_class)->finalize (object);
}

static void
pathways_search_index_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PathwaysSearchIndex *self = PATHWAYS_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_BUILDING:
      g_value_set_boolean (value, self->running != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_search_index_class_init (PathwaysSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathways_search_index_finalize;
  object_class->get_property = pathways_search_index_get_property;

  properties[PROP_BUILDING] =
    g_param_spec_boolean ("building", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pathways_search_index_init (PathwaysSearchIndex *self)
{
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pathways_search_index_dup_cache_dir:
 *
 * Returns: (transfer full): where handbook indexes live: the user's cache directory
 */
char *
pathways_search_index_dup_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "pathways", "search", NULL);
}

static guint
count_pages (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM page", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/**
 * pathways_search_index_open:
 * @cache_dir: the folder for index files (see pathways_search_index_dup_cache_dir())
 * @root: the handbook folder
 * @error: return location for an error
 *
 * Opens the index of the handbook at @root, one file per folder, creating it empty when
 * there is none (or the one there is from another version or damaged). Bring it up to
 * date with pathways_search_index_update(); it can be searched meanwhile.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with @error set
 */
PathwaysSearchIndex *
pathways_search_index_open (const char  *cache_dir,
                            GFile       *root,
                            GError     **error)
{
  g_autoptr(PathwaysSearchIndex) self = NULL;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (cache_dir != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (root), NULL);

  pathways_search_init ();

  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder for the search index, “%s”, could not be made: %s"),
                   cache_dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (PATHWAYS_TYPE_SEARCH_INDEX, NULL);
  self->root_path = g_file_get_path (root);
  if (self->root_path == NULL)
    self->root_path = g_file_get_uri (root);

  key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->root_path, -1);
  name = g_strconcat ("handbook-", key, ".sqlite", NULL);
  self->path = g_build_filename (cache_dir, name, NULL);

  self->reader = open_cache (self->path, error);
  if (self->reader == NULL)
    return NULL;

  /* The words of the index, one row per occurrence: the first row for a word costs one
   * seek, where the row vocabulary counts all of a word's occurrences before giving it. */
  if (!exec (self->reader, self->path,
             "CREATE VIRTUAL TABLE temp.section_words USING fts5vocab (main, section, instance)",
             error))
    return NULL;

  self->n_pages = count_pages (self->reader);

  return g_steal_pointer (&self);
}

const char *
pathways_search_index_get_path (PathwaysSearchIndex *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SEARCH_INDEX (self), NULL);

  return self->path;
}

gboolean
pathways_search_index_is_building (PathwaysSearchIndex *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SEARCH_INDEX (self), FALSE);

  return self->running != NULL;
}

/**
 * pathways_search_index_get_n_pages:
 * @self: an index
 *
 * Returns: how many pages the index held after its last update
 */
guint
pathways_search_index_get_n_pages (PathwaysSearchIndex *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SEARCH_INDEX (self), 0);

  return self->n_pages;
}

/* ---- updating ---- */

typedef struct
{
  char *path;
  char *title;
} PageRef;

static void
page_ref_free (gpointer data)
{
  PageRef *ref = data;

  g_free (ref->path);
  g_free (ref->title);
  g_free (ref);
}

typedef struct
{
  gint64  id;
  gint64  size;
  gint64  mtime;
  char   *title;
  gboolean seen;
} Indexed;

static void
indexed_free (gpointer data)
{
  Indexed *indexed = data;

  g_free (indexed->title);
  g_free (indexed);
}

typedef struct
{
  PathwaysSearchIndex *self;      /* a reference; touched on the main thread only */
  GMainContext        *context;   /* where progress goes */
  char                *db_path;
  char                *root_path;
  GPtrArray           *pages;     /* PageRef: the handbook's pages when the update began */
  guint                n_pages;   /* the index's pages afterwards */
} UpdateJob;

static void
update_job_free (gpointer data)
{
  UpdateJob *job = data;

  g_object_unref (job->self);
  g_main_context_unref (job->context);
  g_free (job->db_path);
  g_free (job->root_path);
  g_ptr_array_unref (job->pages);
  g_free (job);
}

static void
collect_pages (GListModel *model,
               GPtrArray  *pages,
               GHashTable *seen)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysPageNode) node = g_list_model_get_item (model, i);
      const char *page = pathways_page_node_get_page_path (node);

      if (page != NULL && g_hash_table_add (seen, (gpointer) page))
        {
          PageRef *ref = g_new0 (PageRef, 1);

          ref->path = g_strdup (page);
          ref->title = g_strdup (pathways_page_node_get_title (node));
          g_ptr_array_add (pages, ref);
        }

      if (pathways_page_node_is_folder (node))
        collect_pages (pathways_page_node_get_children (node), pages, seen);
    }
}

static UpdateJob *
update_job_new (PathwaysSearchIndex *self,
                PathwaysHandbook    *handbook)
{
  UpdateJob *job = g_new0 (UpdateJob, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *home;

  job->self = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();
  job->db_path = g_strdup (self->path);
  job->root_path = g_strdup (self->root_path);
  job->pages = g_ptr_array_new_with_free_func (page_ref_free);
  collect_pages (pathways_handbook_get_tree (handbook), job->pages, seen);

  /* The root's index page has no node in the tree: its title comes from its text. */
  home = pathways_handbook_get_home_page (handbook);
  if (home != NULL && !g_hash_table_contains (seen, home))
    {
      PageRef *ref = g_new0 (PageRef, 1);

      ref->path = g_strdup (home);
      g_ptr_array_add (job->pages, ref);
    }

  return job;
}

typedef struct
{
  PathwaysSearchIndex *self;
  guint done;
  guint total;
} Progress;

static gboolean
emit_progress_cb (gpointer data)
{
  Progress *progress = data;

  g_signal_emit (progress->self, signals[SIGNAL_PROGRESS], 0, progress->done, progress->total);
  g_object_unref (progress->self);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

static void
report_progress (UpdateJob *job,
                 guint      done,
                 guint      total)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (job->self);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke (job->context, emit_progress_cb, progress);
}

static GHashTable *
load_indexed (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  g_autoptr(GHashTable) indexed = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         g_free, indexed_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, path, size, mtime, title FROM page", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, path, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Indexed *row = g_new0 (Indexed, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->size = sqlite3_column_int64 (stmt, 2);
      row->mtime = sqlite3_column_int64 (stmt, 3);
      row->title = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_hash_table_insert (indexed, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), row);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, path, error);
      return NULL;
    }

  return g_steal_pointer (&indexed);
}

/* The statements an update runs for each page. */
typedef struct
{
  sqlite3      *db;
  const char   *path;
  sqlite3_stmt *delete_sections;
  sqlite3_stmt *insert_page;
  sqlite3_stmt *update_page;
  sqlite3_stmt *delete_page;
  sqlite3_stmt *insert_section;
} Writer;

static void
writer_clear (Writer *writer)
{
  sqlite3_finalize (writer->delete_sections);
  sqlite3_finalize (writer->insert_page);
  sqlite3_finalize (writer->update_page);
  sqlite3_finalize (writer->delete_page);
  sqlite3_finalize (writer->insert_section);
  sqlite3_close (writer->db);
}

static gboolean
writer_init (Writer      *writer,
             const char  *path,
             GError     **error)
{
  static const struct { gsize offset; const char *sql; } statements[] = {
    { G_STRUCT_OFFSET (Writer, delete_sections),
      "DELETE FROM section WHERE rowid BETWEEN ?1 AND ?2" },
    { G_STRUCT_OFFSET (Writer, insert_page),
      "INSERT INTO page (path, size, mtime, title) VALUES (?1, ?2, ?3, ?4)" },
    { G_STRUCT_OFFSET (Writer, update_page),
      "UPDATE page SET size = ?2, mtime = ?3, title = ?4 WHERE id = ?1" },
    { G_STRUCT_OFFSET (Writer, delete_page), "DELETE FROM page WHERE id = ?1" },
    { G_STRUCT_OFFSET (Writer, insert_section),
      "INSERT INTO section (rowid, page, anchor, title, heading, body)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
  };

  memset (writer, 0, sizeof *writer);
  writer->path = path;
  writer->db = open_connection (path, error);
  if (writer->db == NULL)
    return FALSE;

  /* FTS5 merges its segments in the page cache: a bigger one spares re-reading them. The
   * file is a cache that is rebuilt when damaged: a commit needn't wait for the disk. */
  if (!exec (writer->db, path, "PRAGMA cache_size = -32768; PRAGMA synchronous = OFF", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt **stmt = G_STRUCT_MEMBER_P (writer, statements[i].offset);

      if (sqlite3_prepare_v3 (writer->db, statements[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
                              stmt, NULL) != SQLITE_OK)
        {
          set_sqlite_error (writer->db, path, error);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
run (Writer        *writer,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (writer->db, writer->path, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_sections (Writer  *writer,
                 gint64   page_id,
                 GError **error)
{
  sqlite3_bind_int64 (writer->delete_sections, 1, page_id << SECTION_BITS);
  sqlite3_bind_int64 (writer->delete_sections, 2, (page_id << SECTION_BITS) | MAX_SECTIONS);

  return run (writer, writer->delete_sections, error);
}

static gboolean
insert_section (Writer                      *writer,
                gint64                       rowid,
                const char                  *page,
                const char                  *title,
                const PathwaysSearchSection *section,
                const char                  *body,
                GError                     **error)
{
  sqlite3_stmt *stmt = writer->insert_section;

  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, page, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, section->anchor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, section->heading != NULL ? section->heading : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, body, -1, SQLITE_STATIC);

  return run (writer, stmt, error);
}

/* Reads at most @max bytes of a file: a page is cut at a few megabytes anyway, and a huge
 * file dropped into the handbook must not be read whole. */
static char *
read_prefix (const char *path,
             gsize       max,
             gsize      *length)
{
  FILE *file = g_fopen (path, "rbe");
  struct stat st;
  gsize want, n;
  char *buffer;

  if (file == NULL)
    return NULL;

  /* Sized to the file, not to the cap: most pages are a few kilobytes. */
  want = fstat (fileno (file), &st) == 0 && st.st_size >= 0 ? MIN ((gsize) st.st_size, max)
                                                             : max;
  buffer = g_malloc (want + 1);
  n = fread (buffer, 1, want, file);
  if (ferror (file))
    {
      fclose (file);
      g_free (buffer);
      return NULL;
    }
  fclose (file);

  buffer[n] = '\0';
  *length = n;
  return buffer;
}

/* (Re)indexes one page whose file is @file_path. An unreadable page is indexed with no
 * sections, so it isn't read again until it changes. */
static gboolean
index_page (Writer         *writer,
            const PageRef  *ref,
            const char     *file_path,
            Indexed        *existing,
            gint64          size,
            gint64          mtime,
            GError        **error)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *fallback_title = NULL;
  const char *title = ref->title;
  gsize length = 0;
  gint64 page_id;
  guint n;

  contents = read_prefix (file_path, MAX_READ_BYTES, &length);
  if (contents != NULL)
    sections = pathways_search_dup_sections (contents, length);

  if (title == NULL)
    {
      const PathwaysSearchSection *first = NULL;

      for (guint i = 0; sections != NULL && i < sections->len && first == NULL; i++)
        if (((PathwaysSearchSection *) g_ptr_array_index (sections, i))->heading != NULL)
          first = g_ptr_array_index (sections, i);

      if (first != NULL)
        title = first->heading;
      else
        title = fallback_title = g_path_get_basename (ref->path);
    }

  if (existing != NULL)
    {
      page_id = existing->id;
      if (!delete_sections (writer, page_id, error))
        return FALSE;

      sqlite3_bind_int64 (writer->update_page, 1, page_id);
      sqlite3_bind_int64 (writer->update_page, 2, size);
      sqlite3_bind_int64 (writer->update_page, 3, mtime);
      sqlite3_bind_text (writer->update_page, 4, title, -1, SQLITE_STATIC);
      if (!run (writer, writer->update_page, error))
        return FALSE;
    }
  else
    {
      sqlite3_bind_text (writer->insert_page, 1, ref->path, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (writer->insert_page, 2, size);
      sqlite3_bind_int64 (writer->insert_page, 3, mtime);
      sqlite3_bind_text (writer->insert_page, 4, title, -1, SQLITE_STATIC);
      if (!run (writer, writer->insert_page, error))
        return FALSE;
      page_id = sqlite3_last_insert_rowid (writer->db);
    }

  if (sections == NULL)
    return TRUE;

  n = MIN (sections->len, (guint) MAX_SECTIONS + 1);

  for (guint i = 0; i < n; i++)
    {
      const PathwaysSearchSection *section = g_ptr_array_index (sections, i);
      g_autoptr(GString) rest = NULL;

      /* Sections past the last rowid this page has go into its last one. */
      if (i == MAX_SECTIONS && sections->len > n)
        {
          rest = g_string_new (section->body);
          for (guint j = n; j < sections->len; j++)
            {
              const PathwaysSearchSection *more = g_ptr_array_index (sections, j);

              g_string_append_printf (rest, "\n%s\n%s", more->heading ? more->heading : "",
                                      more->body);
            }
        }

      if (!insert_section (writer, (page_id << SECTION_BITS) | i, ref->path, title,
                           section, rest != NULL ? rest->str : section->body, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
update_run (UpdateJob     *job,
            GCancellable  *cancellable,
            GError       **out_error)
{
  g_autoptr(GError) local_error = NULL;
  GError **error = &local_error;
  g_autoptr(GHashTable) indexed = NULL;
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();
  g_autoptr(GArray) stats = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  Writer writer;
  gboolean ok = FALSE;
  GHashTableIter iter;
  gpointer value;
  gint64 last_commit;
  guint done = 0;
  guint total;

  if (!writer_init (&writer, job->db_path, error))
    goto out;

  indexed = load_indexed (writer.db, job->db_path, error);
  if (indexed == NULL)
    goto out;

  /* The stat pass: all that re-opening an unchanged handbook costs. */
  for (guint i = 0; i < job->pages->len; i++)
    {
      PageRef *ref = g_ptr_array_index (job->pages, i);
      g_autofree char *file_path = g_build_filename (job->root_path, ref->path, NULL);
      Indexed *existing = g_hash_table_lookup (indexed, ref->path);
      struct stat st;
      gint64 size = -1, mtime = -1;

      if (g_stat (file_path, &st) == 0)
        {
          size = st.st_size;
          mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
        }

      if (existing != NULL)
        {
          existing->seen = TRUE;
          if (existing->size == size && existing->mtime == mtime &&
              (ref->title == NULL || g_strcmp0 (existing->title, ref->title) == 0))
            continue;
        }

      g_ptr_array_add (todo, ref);
      g_array_append_val (stats, size);
      g_array_append_val (stats, mtime);
    }

  g_hash_table_iter_init (&iter, indexed);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!((Indexed *) value)->seen)
      g_ptr_array_add (gone, value);

  total = todo->len + gone->len;
  if (total == 0)
    {
      ok = TRUE;
      job->n_pages = g_hash_table_size (indexed);
      goto out;
    }

  report_progress (job, 0, total);
  if (!exec (writer.db, job->db_path, "BEGIN", error))
    goto out;
  last_commit = g_get_monotonic_time ();

  for (guint i = 0; i < todo->len; i++)
    {
      PageRef *ref = g_ptr_array_index (todo, i);
      g_autofree char *file_path = g_build_filename (job->root_path, ref->path, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;

      if (!index_page (&writer, ref, file_path, g_hash_table_lookup (indexed, ref->path),
                       g_array_index (stats, gint64, 2 * i),
                       g_array_index (stats, gint64, 2 * i + 1), error))
        break;

      done++;
      if (done % COMMIT_EVERY_PAGES == 0 ||
          g_get_monotonic_time () - last_commit > COMMIT_EVERY_USEC)
        {
          if (!exec (writer.db, job->db_path, "COMMIT; BEGIN", error))
            break;
          last_commit = g_get_monotonic_time ();
          report_progress (job, done, total);
        }
    }

  for (guint i = 0; done == todo->len && i < gone->len; i++)
    {
      Indexed *old = g_ptr_array_index (gone, i);

      if (!delete_sections (&writer, old->id, error))
        break;
      sqlite3_bind_int64 (writer.delete_page, 1, old->id);
      if (!run (&writer, writer.delete_page, error))
        break;
      done++;
    }

  /* What was done stays done, even when cancelled: each page's rows change together. */
  if (local_error == NULL)
    ok = exec (writer.db, job->db_path, "COMMIT", error);
  else
    exec (writer.db, job->db_path, "COMMIT", NULL);

  report_progress (job, done, total);
  job->n_pages = count_pages (writer.db);

out:
  writer_clear (&writer);
  if (!ok)
    g_propagate_error (out_error, g_steal_pointer (&local_error));
  return ok;
}

/**
 * pathways_search_index_update:
 * @self: an index
 * @handbook: the loaded handbook the index is for
 * @cancellable: (nullable): to stop early; what was indexed so far is kept
 * @error: return location for an error
 *
 * Brings the index up to date with @handbook's pages: reads and indexes the pages that are
 * new or whose size, time or title changed, and forgets pages that are gone. Blocks; the
 * app uses pathways_search_index_update_async().
 *
 * Returns: whether the index is now current
 */
gboolean
pathways_search_index_update (PathwaysSearchIndex  *self,
                              PathwaysHandbook     *handbook,
                              GCancellable         *cancellable,
                              GError              **error)
{
  UpdateJob *job;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_HANDBOOK (handbook), FALSE);

  job = update_job_new (self, handbook);
  ok = update_run (job, cancellable, error);
  self->n_pages = job->n_pages;
  update_job_free (job);

  /* Progress was queued for the main context; deliver it before saying we're done. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0);

  return ok;
}

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (update_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_update (PathwaysSearchIndex *self,
                          PathwaysHandbook    *handbook,
                          GCancellable        *cancellable);

static void
update_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PathwaysSearchIndex *self = PATHWAYS_SEARCH_INDEX (source);
  GTask *task = G_TASK (result);
  UpdateJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiters = NULL;

  g_assert (self->running == task);
  self->running = NULL;
  self->n_pages = job->n_pages;

  if (!g_task_propagate_boolean (task, &error))
    g_debug ("search: updating %s: %s", self->path, error->message);

  if (self->again)
    {
      g_autoptr(PathwaysHandbook) handbook = g_steal_pointer (&self->again_handbook);

      self->again = FALSE;
      start_update (self, handbook, g_task_get_cancellable (task));
      g_signal_emit (self, signals[SIGNAL_UPDATED], 0);
      return;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0);

  waiters = g_steal_pointer (&self->waiters);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (waiter, g_error_copy (error));
      else
        g_task_return_boolean (waiter, TRUE);
    }
}

static void
start_update (PathwaysSearchIndex *self,
              PathwaysHandbook    *handbook,
              GCancellable        *cancellable)
{
  GTask *task;

  task = g_task_new (self, cancellable, update_done_cb, NULL);
  g_task_set_source_tag (task, start_update);
  g_task_set_task_data (task, update_job_new (self, handbook), update_job_free);
  self->running = task;
  g_task_run_in_thread (task, update_thread);
  g_object_unref (task);
}

/**
 * pathways_search_index_update_async:
 * @self: an index
 * @handbook: the loaded handbook
 * @cancellable: (nullable): to stop early
 * @callback: (nullable): called when the index is current
 * @user_data: for @callback
 *
 * Like pathways_search_index_update(), in a thread, with "progress" signals. Asking again
 * while an update runs runs one more update after it, for the handbook as it is then.
 */
void
pathways_search_index_update_async (PathwaysSearchIndex *self,
                                    PathwaysHandbook    *handbook,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (PATHWAYS_IS_SEARCH_INDEX (self));
  g_return_if_fail (PATHWAYS_IS_HANDBOOK (handbook));

  if (callback != NULL)
    {
      GTask *waiter = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (waiter, pathways_search_index_update_async);
      g_ptr_array_add (self->waiters, waiter);
    }

  if (self->running != NULL)
    {
      self->again = TRUE;
      g_set_object (&self->again_handbook, handbook);
      return;
    }

  start_update (self, handbook, cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);
}

gboolean
pathways_search_index_update_finish (PathwaysSearchIndex  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- querying ---- */

/* The first indexed word from @from (@from_len bytes) up to below @upper, or NULL. One row
 * of the instance vocabulary is the word's first occurrence: the row and column
 * vocabularies would read every occurrence of it first, to count them. */
static char *
dup_next_word (PathwaysSearchIndex *self,
               const char          *from,
               gsize                from_len,
               const char          *upper)
{
  char *word = NULL;

  sqlite3_reset (self->next_word);
  sqlite3_bind_text (self->next_word, 1, from, (int) from_len, SQLITE_STATIC);
  sqlite3_bind_text (self->next_word, 2, upper, -1, SQLITE_STATIC);
  if (sqlite3_step (self->next_word) == SQLITE_ROW)
    word = g_strdup ((const char *) sqlite3_column_text (self->next_word, 0));
  sqlite3_reset (self->next_word);

  return word;
}

/* The indexed words starting with @prefix, in order, stopping after @max + 1 of them. */
static GPtrArray *
dup_words (PathwaysSearchIndex *self,
           const char          *prefix,
           guint                max)
{
  /* Tokens are UTF-8: every word starting with the prefix sorts below prefix + U+10FFFF. */
  g_autofree char *upper = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *from = prefix;
  gsize from_len = strlen (prefix);

  while (words->len <= max)
    {
      char *word = dup_next_word (self, from, from_len, upper);

      if (word == NULL)
        break;
      g_ptr_array_add (words, word);
      /* The word and a NUL byte: the least string after it. */
      from = word;
      from_len = strlen (word) + 1;
    }

  return words;
}

/* How many sections @match finds (@per_column: once for each of the columns it is in),
 * counting no further than @cap + 1. */
static gint64
count_sections (PathwaysSearchIndex *self,
                const char          *match,
                gboolean             per_column,
                gint64               cap)
{
  gint64 n = 0;

  sqlite3_reset (self->count_sections);
  sqlite3_bind_text (self->count_sections, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->count_sections, 2, cap);
  sqlite3_bind_int (self->count_sections, 3, per_column);
  if (sqlite3_step (self->count_sections) == SQLITE_ROW)
    n = sqlite3_column_int64 (self->count_sections, 0);
  sqlite3_reset (self->count_sections);

  return n;
}

/* How many sections have @word in any column, or (@headings) in their titles and in their
 * headings, added up, counting no further than @cap + 1. */
static gint64
word_sections (PathwaysSearchIndex *self,
               const char          *word,
               gboolean             headings,
               gint64               cap)
{
  g_autoptr(GString) match = g_string_new (NULL);

  if (headings)
    g_string_append (match, "{title heading} : ");
  g_string_append_c (match, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');

  /* Both columns in one pass over the word's sections, each column counted. */
  return count_sections (self, match->str, headings, cap);
}

/* How many sections have @term (a prefix: words starting with it, each counted), in any
 * column or in their titles and headings only (in both: counted twice), counting no
 * further than @cap + 1. Counting the rows the word finds stops at @cap; the vocabulary's
 * counts are of every row, and are read only for a prefix of many words. */
static gint64
term_sections (PathwaysSearchIndex      *self,
               const PathwaysSearchTerm *term,
               gboolean                  headings,
               gint64                    cap)
{
  g_autoptr(GPtrArray) words = NULL;
  gint64 n = 0;

  if (term->prefix && g_strcmp0 (term->token, self->listed_prefix) == 0)
    words = g_ptr_array_ref (self->listed_words);
  else if (term->prefix)
    {
      words = dup_words (self, term->token, MAX_COUNTED_WORDS);
      if (words->len > MAX_COUNTED_WORDS)
        {
          sqlite3_stmt *stmt = headings ? self->vocab_prefix_headings : self->vocab_prefix;
          g_autofree char *upper = g_strconcat (term->token, "\xf4\x8f\xbf\xbf", NULL);

          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, term->token, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_STATIC);
          while (n <= cap && sqlite3_step (stmt) == SQLITE_ROW)
            n += sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);

          return n;
        }
    }
  else
    {
      words = g_ptr_array_new ();
      g_ptr_array_add (words, term->token);
    }

  for (guint i = 0; i < words->len && n <= cap; i++)
    n += word_sections (self, g_ptr_array_index (words, i), headings, cap - n);

  return n;
}

/* The indexed words starting with @prefix, when there are a few. */
static GPtrArray *
expand_prefix (const char *prefix,
               gpointer    user_data)
{
  PathwaysSearchIndex *self = user_data;
  GPtrArray *words = dup_words (self, prefix, MAX_EXPANSIONS);

  if (words->len > MAX_EXPANSIONS)
    g_clear_pointer (&words, g_ptr_array_unref);
  else
    {
      /* All of the prefix's words: counting its sections needn't list them again. */
      g_free (self->listed_prefix);
      self->listed_prefix = g_strdup (prefix);
      g_clear_pointer (&self->listed_words, g_ptr_array_unref);
      self->listed_words = g_ptr_array_ref (words);
    }
  return words;
}

static gboolean
is_broad (PathwaysSearchIndex *self,
          GPtrArray           *terms,
          gboolean             headings)
{
  for (guint i = 0; i < terms->len; i++)
    if (term_sections (self, g_ptr_array_index (terms, i), headings, BROAD_SECTIONS) <=
        BROAD_SECTIONS)
      return FALSE;

  return terms->len > 0;
}

static gboolean
prepare (PathwaysSearchIndex  *self,
         sqlite3_stmt        **stmt,
         const char           *sql,
         GError              **error)
{
  if (*stmt == NULL &&
      sqlite3_prepare_v3 (self->reader, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self->reader, self->path, error);
      return FALSE;
    }

  return TRUE;
}

static void
append_id (GString *json,
           gint64   id)
{
  g_string_append_printf (json, "%s%" G_GINT64_FORMAT, json->len > 1 ? "," : "", id);
}

/* Runs @stmt for @match, adding up to @want results, at most MAX_SECTIONS_PER_PAGE a page,
 * skipping sections already in @seen. The statement leaves out the pages already full and
 * the sections already shown (?3, ?4: JSON arrays), so one page with thousands of matching
 * sections can't fill every row the LIMIT lets through: when a page fills up in a batch,
 * the query runs again without it. */
static gboolean
collect_sections (PathwaysSearchIndex  *self,
                  sqlite3_stmt         *stmt,
                  const char           *match,
                  guint                 want,
                  GPtrArray            *terms,
                  GHashTable           *per_page,
                  GHashTable           *seen,
                  GPtrArray            *results,
                  GError              **error)
{
  gboolean again = TRUE;

  while (again && results->len < want)
    {
      g_autoptr(GString) full = g_string_new ("[");
      g_autoptr(GString) shown = g_string_new ("[");
      GHashTableIter iter;
      gpointer key, value;
      int rc = SQLITE_DONE;

      g_hash_table_iter_init (&iter, per_page);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_UINT (value) >= MAX_SECTIONS_PER_PAGE)
          append_id (full, *(gint64 *) key);
      g_hash_table_iter_init (&iter, seen);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        append_id (shown, *(gint64 *) key);
      g_string_append_c (full, ']');
      g_string_append_c (shown, ']');

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int) MIN ((gint64) want * MAX_SECTIONS_PER_PAGE, G_MAXINT));
      sqlite3_bind_text (stmt, 3, full->str, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, shown->str, -1, SQLITE_TRANSIENT);

      again = FALSE;
      while (results->len < want && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);
          gint64 page_id = rowid >> SECTION_BITS;
          const char *body = (const char *) sqlite3_column_text (stmt, 5);
          PathwaysSearchResult *result;
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_page, &page_id));

          if (n >= MAX_SECTIONS_PER_PAGE)
            {
              again = TRUE;  /* filled in this batch: ask again without it */
              continue;
            }
          if (!g_hash_table_add (seen, g_memdup2 (&rowid, sizeof rowid)))
            continue;
          g_hash_table_insert (per_page, g_memdup2 (&page_id, sizeof page_id),
                               GUINT_TO_POINTER (n + 1));

          result = g_new0 (PathwaysSearchResult, 1);
          result->kind = PATHWAYS_SEARCH_HANDBOOK;
          result->page = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          result->anchor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          result->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          result->context = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
          /* Made here, for the rows shown only: FTS5's snippet() runs for every row sorted. */
          result->snippet = pathways_search_dup_snippet (body != NULL ? body : "", terms,
                                                         SNIPPET_TOKENS);
          result->rank = sqlite3_column_double (stmt, 6);
          g_ptr_array_add (results, result);
        }

      if (results->len < want && rc != SQLITE_DONE)
        {
          set_sqlite_error (self->reader, self->path, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

/* Runs @match: ranked when its words are in a few thousand sections at most, else the
 * matches in titles and headings first, then the rest in the handbook's order. */
static gboolean
query_sections (PathwaysSearchIndex  *self,
                const char           *match,
                GPtrArray            *terms,
                guint                 limit,
                GPtrArray            *results,
                GError              **error)
{
  g_autoptr(GHashTable) per_page = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                      g_free, NULL);
  g_autofree char *headings_match = NULL;

  if (!is_broad (self, terms, FALSE))
    return collect_sections (self, self->query, match, limit, terms, per_page, seen, results,
                             error);

  /* Broad even in titles and headings (a word in most page titles): not ranked at all. */
  headings_match = g_strdup_printf ("{title heading} : (%s)", match);
  return collect_sections (self, is_broad (self, terms, TRUE) ? self->query_unranked
                                                              : self->query,
                           headings_match, limit, terms, per_page, seen, results, error) &&
         collect_sections (self, self->query_unranked, match, limit, terms, per_page, seen,
                           results, error);
}

/**
 * pathways_search_index_query:
 * @self: an index
 * @query: what somebody typed (see pathways_search_dup_match())
 * @limit: the most results to return
 * @error: return location for an error
 *
 * Finds handbook sections, best first: matches in page titles count most, then in
 * headings, then in the text. At most three sections of one page are returned. For a
 * broad query (every word in thousands of sections) only the matches in titles and
 * headings are ranked; matches in the text follow in the handbook's order.
 *
 * Returns: (transfer full) (element-type PathwaysSearchResult) (nullable): the results,
 *   or %NULL with @error set
 */
GPtrArray *
pathways_search_index_query (PathwaysSearchIndex  *self,
                             const char           *query,
                             guint                 limit,
                             GError              **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_search_result_free);
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *match = NULL;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (limit == 0)
    return g_steal_pointer (&results);

  if (!prepare (self, &self->query,
                "SELECT rowid, page, anchor, title, heading, body, rank"
                " FROM section WHERE section MATCH ?1"
                /* The table's ranking, with its column sizes kept in memory. */
                "  AND rank MATCH 'pathways_rank_sized (''section'', " RANK_WEIGHTS ")'"
                EXCLUDED_SQL " ORDER BY rank LIMIT ?2", error) ||
      !prepare (self, &self->query_unranked,
                "SELECT rowid, page, anchor, title, heading, body, 0.0"
                " FROM section WHERE section MATCH ?1" EXCLUDED_SQL " LIMIT ?2", error) ||
      !prepare (self, &self->next_word,
                "SELECT term FROM temp.section_words WHERE term >= ?1 AND term < ?2 LIMIT 1",
                error) ||
      !prepare (self, &self->count_sections,
                "SELECT pathways_count (section, ?2, ?3) FROM section WHERE section MATCH ?1"
                " LIMIT 1", error) ||
      !prepare (self, &self->vocab_prefix,
                "SELECT doc FROM section_vocab WHERE term >= ?1 AND term < ?2", error) ||
      !prepare (self, &self->vocab_prefix_headings,
                "SELECT doc FROM section_vocab_col"
                " WHERE term >= ?1 AND term < ?2 AND col IN ('title', 'heading')", error))
    return NULL;

  match = pathways_search_dup_match_expanded (query, expand_prefix, self);
  terms = pathways_search_dup_query_terms (query);
  ok = match == NULL || query_sections (self, match, terms, limit, results, error);
  g_clear_pointer (&self->listed_prefix, g_free);
  g_clear_pointer (&self->listed_words, g_ptr_array_unref);

  return ok ? g_steal_pointer (&results) : NULL;
}

