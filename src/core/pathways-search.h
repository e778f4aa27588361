/* pathways-search.h: full-text search over the handbook's sections and the user's records.
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both indexes are SQLite FTS5 tables using the "pathways" tokenizer registered here: words
 * folded for case and accents (and compatibility forms: fullwidth letters, ligatures), and
 * every character of scripts written without spaces (Han, kana, Thai, …) a token of its
 * own, so that a query in those scripts becomes a phrase of characters and finds what a
 * substring search finds.
 *
 * The handbook index is a cache (PathwaysSearchIndex) in the user's cache directory, one
 * file per handbook folder, brought up to date by a stat pass. The records index lives in
 * the database (schema 3), kept current by triggers in the same transaction as the data.
 */
#pragma once

#include <gio/gio.h>

#include "pathways-db.h"
#include "pathways-handbook.h"

G_BEGIN_DECLS

/* Snippets mark each match with these two characters around it. */
#define PATHWAYS_SEARCH_MARK_START '\x02'
#define PATHWAYS_SEARCH_MARK_END   '\x03'

typedef enum
{
  PATHWAYS_SEARCH_HANDBOOK,       /* a section of a handbook page: page, anchor */
  PATHWAYS_SEARCH_PERSON,         /* a person's name, title or notes */
  PATHWAYS_SEARCH_MEETING,        /* a 1-on-1's shared or private notes: meeting_id */
  PATHWAYS_SEARCH_TALKING_POINT,  /* record_id; meeting_id, or 0 while it waits */
  PATHWAYS_SEARCH_ACTION_ITEM,    /* record_id; meeting_id it was agreed in, or 0 */
  PATHWAYS_SEARCH_NOTE,           /* an entry of the notes log */
  PATHWAYS_SEARCH_REVIEW,         /* a review draft: record_id is the review */
  PATHWAYS_SEARCH_EVIDENCE,       /* ladder evidence: anchor is the expectation key */
} PathwaysSearchKind;

typedef struct
{
  PathwaysSearchKind kind;
  char     *title;       /* page title; the person's name for records */
  char     *context;     /* the section's heading; for records what it is and when */
  char     *page;        /* handbook: the page path */
  char     *anchor;      /* handbook: the heading id (NULL: top of the page);
                          * evidence: the expectation key */
  gint64    person_id;
  gint64    record_id;
  gint64    meeting_id;
  gint64    cycle_id;    /* reviews: the review cycle */
  char     *date;        /* records: the ISO date it belongs to, or NULL */
  char     *snippet;     /* the text around the matches, each between the two marks */
  gboolean  is_private;  /* private meeting notes */
  double    rank;        /* lower is better */
} PathwaysSearchResult;

void        pathways_search_result_free         (PathwaysSearchResult       *result);
const char *pathways_search_kind_to_string      (PathwaysSearchKind          kind);
char       *pathways_search_result_to_json      (const PathwaysSearchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysSearchResult, pathways_search_result_free)

/* ---- text ---- */

typedef void (*PathwaysSearchTokenFunc) (const char *token,
                                         gsize       token_len,
                                         gsize       start,
                                         gsize       end,
                                         gpointer    user_data);

void        pathways_search_init                (void);
void        pathways_search_tokenize            (const char              *text,
                                                 gsize                    len,
                                                 PathwaysSearchTokenFunc  func,
                                                 gpointer                 user_data);
char       *pathways_search_fold                (const char              *text);
char       *pathways_search_dup_match           (const char              *query);

typedef GPtrArray *(*PathwaysSearchExpandFunc) (const char *prefix,
                                                gpointer    user_data);

char       *pathways_search_dup_match_expanded  (const char              *query,
                                                 PathwaysSearchExpandFunc expand,
                                                 gpointer                 expand_data);
char       *pathways_search_dup_plain_snippet   (const char              *snippet,
                                                 const char              *open,
                                                 const char              *close);
GPtrArray  *pathways_search_dup_sections        (const char              *markdown,
                                                 gsize                    len);

typedef struct
{
  char     *token;   /* folded, as the index stores it */
  gboolean  prefix;  /* matches tokens that start with it */
} PathwaysSearchTerm;

void        pathways_search_term_free           (PathwaysSearchTerm      *term);
GPtrArray  *pathways_search_dup_query_terms     (const char              *query);
char       *pathways_search_dup_snippet         (const char              *text,
                                                 GPtrArray               *terms,
                                                 guint                    n_tokens);

typedef struct
{
  char *anchor;   /* NULL for the text before the first heading */
  char *heading;
  char *body;
} PathwaysSearchSection;

void        pathways_search_section_free        (PathwaysSearchSection   *section);

/* ---- the user's records ---- */

GPtrArray  *pathways_search_records             (PathwaysDb              *db,
                                                 const char              *query,
                                                 guint                    limit,
                                                 GError                 **error);

/* ---- the handbook index ----
 *
 * Signals (main thread): "progress" (guint done, guint total) while an update runs;
 * "updated" () when an update has finished. Property "building" (gboolean).
 */

#define PATHWAYS_TYPE_SEARCH_INDEX (pathways_search_index_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysSearchIndex, pathways_search_index, PATHWAYS, SEARCH_INDEX, GObject)

PathwaysSearchIndex *pathways_search_index_open          (const char           *cache_dir,
                                                          GFile                *root,
                                                          GError              **error);
char                *pathways_search_index_dup_cache_dir (void);
const char          *pathways_search_index_get_path      (PathwaysSearchIndex  *self);
gboolean             pathways_search_index_is_building   (PathwaysSearchIndex  *self);
guint                pathways_search_index_get_n_pages   (PathwaysSearchIndex  *self);
gboolean             pathways_search_index_update        (PathwaysSearchIndex  *self,
                                                          PathwaysHandbook     *handbook,
                                                          GCancellable         *cancellable,
                                                          GError              **error);
void                 pathways_search_index_update_async  (PathwaysSearchIndex  *self,
                                                          PathwaysHandbook     *handbook,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             pathways_search_index_update_finish (PathwaysSearchIndex  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
GPtrArray           *pathways_search_index_query         (PathwaysSearchIndex  *self,
                                                          const char           *query,
                                                          guint                 limit,
                                                          GError              **error);

G_END_DECLS
