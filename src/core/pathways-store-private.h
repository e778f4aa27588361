/* pathways-store-private.h: helpers the store's modules share (the store itself, agendas,
 * reviews).
 *
 * SPDX-FileCopyrightText: 2026 The Pathways authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

/* Optional text is stored trimmed, and NULL when nothing is left. */
char     *pathways_dup_trimmed_or_null   (const char         *text);
/* A calendar date "YYYY-MM-DD", or a PATHWAYS_STORE_ERROR_INVALID saying how to write it. */
gboolean  pathways_store_validate_date   (const char         *date,
                                          GError            **error);
/* Sets a PATHWAYS_STORE_ERROR_INVALID with @message; returns FALSE, to end a check with. */
gboolean  pathways_store_set_invalid     (GError            **error,
                                          const char         *message);
/* Sets a PATHWAYS_STORE_ERROR_NOT_FOUND with @message; returns FALSE, like the above. */
gboolean  pathways_store_set_not_found   (GError            **error,
                                          const char         *message);

/* The one record @sql selects by id ("?1"), made by @from_row; when there is none,
 * @not_found sets the error (a PATHWAYS_STORE_ERROR_NOT_FOUND saying what is gone). */
gpointer  pathways_store_get_by_id       (PathwaysStore      *self,
                                          const char         *sql,
                                          gint64              id,
                                          PathwaysDbRowFunc   from_row,
                                          gboolean          (*not_found) (GError **error),
                                          GError            **error);

/* The index of @name in @names (which may have NULL holes), or 0 — the default — if it is
 * not there: how a column's spelling becomes an enum value. */
guint     pathways_lookup_name           (const char * const *names,
                                          guint               n_names,
                                          const char         *name);
#define PATHWAYS_LOOKUP_NAME(names, name) \
  pathways_lookup_name ((names), G_N_ELEMENTS (names), (name))

/* Reads the date at the start of @iso, "YYYY-MM-DD…", into @date; FALSE (and @date
 * cleared) if there is no calendar date there. */
gboolean  pathways_parse_date            (const char         *iso,
                                          GDate              *date);
/* @date as the tables store dates, "YYYY-MM-DD". */
char     *pathways_dup_iso_date          (const GDate        *date);

/* The sample team's 1-on-1 history (pathways-agenda.c), inside the caller's transaction. */
gboolean  pathways_agenda_insert_sample_history (PathwaysStore  *self,
                                                 GPtrArray      *people,
                                                 const char     *today,
                                                 GError        **error);

G_END_DECLS
